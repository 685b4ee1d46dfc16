# cmake -DPROGRAMS=... -DCORPUS=... -DWORK=... -P library_trial.cmake
# The tool author's trial (issue 24) against the installed core (the programs
# install.core_alone built from examples/library against `unattend-dev`
# alone): audit every file of the corpus, edit 20 real files, gate them as CI
# would. The edited files must differ from the originals in the edited lines
# only: every line the edits removed holds one of the settings they change,
# and nothing else moves (the root may gain the wcm declaration new list
# items need). Skipped without ../shared/corpus.
include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

if(NOT IS_DIRECTORY ${CORPUS}/files)
  message("SKIP: ${CORPUS}/files not found")
  return()
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(GLOB corpus ${CORPUS}/files/*.xml)
list(SORT corpus)

# 1. Audit: every file read, none throws.
run(${PROGRAMS}/audit ${corpus})
file(WRITE ${WORK}/audit.txt "${output}")
if(output MATCHES "unreadable")
  message(FATAL_ERROR "the audit could not read a file:\n${output}")
endif()
string(REGEX MATCH "total\t([0-9]+) of ([0-9]+) files loaded\t([0-9]+) settings\t([0-9]+) set aside" total "${output}")
if(NOT total OR CMAKE_MATCH_1 LESS 300 OR CMAKE_MATCH_3 LESS 20000)
  message(FATAL_ERROR "the audit read too little: ${total}")
endif()
message("audit: ${total}")

# 2. Edit real files until 20 are saved (save() refuses a file with errors,
# and edit-real-file then writes nothing), and compare each with its original.
set(edited 0)
set(removed_total 0)
set(added_total 0)
foreach(original IN LISTS corpus)
  if(edited EQUAL 20)
    break()
  endif()
  get_filename_component(name ${original} NAME)
  execute_process(COMMAND ${PROGRAMS}/edit-real-file ${original} ${WORK}/${name}
                  RESULT_VARIABLE code OUTPUT_QUIET ERROR_QUIET)
  if(code EQUAL 1)
    if(EXISTS ${WORK}/${name})
      message(FATAL_ERROR "a refused save wrote ${name}")
    endif()
    continue()
  elseif(NOT code EQUAL 0)
    message(FATAL_ERROR "edit-real-file ${name} failed (${code}): an edit threw")
  endif()
  math(EXPR edited "${edited} + 1")
  list(APPEND saved ${WORK}/${name})
  execute_process(COMMAND diff ${original} ${WORK}/${name} OUTPUT_VARIABLE difference RESULT_VARIABLE code)
  string(REGEX MATCHALL "(^|\n)< [^\n]*" removed "${difference}")
  string(REGEX MATCHALL "(^|\n)> [^\n]*" added "${difference}")
  list(LENGTH removed r)
  list(LENGTH added a)
  math(EXPR removed_total "${removed_total} + ${r}")
  math(EXPR added_total "${added_total} + ${a}")
  message("edited ${name}: ${r} lines changed or removed, ${a} written")
  foreach(line IN LISTS removed)
    if(NOT line MATCHES "ComputerName|TimeZone|FirstLogonCommands|UserAccounts|LocalAccounts|DriverPaths|</component>|</settings>|<component|<settings|<unattend ")
      message(FATAL_ERROR "the edits of ${name} changed a line they do not touch:${line}\n${difference}")
    endif()
  endforeach()
endforeach()
if(NOT edited EQUAL 20)
  message(FATAL_ERROR "only ${edited} corpus files could be edited and saved")
endif()
message("20 files edited: ${removed_total} original lines changed, ${added_total} lines written")

# 3. The CI gate passes the saved files (save() wrote them only without
# errors) and fails a file with an error.
run(${PROGRAMS}/ci-gate ${saved})
file(WRITE ${WORK}/broken.xml "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobeSystem\">"
     "<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" "
     "language=\"neutral\" versionScope=\"nonSxS\"><ComputerName>PC</ComputerName></component></settings></unattend>\n")
execute_process(COMMAND ${PROGRAMS}/ci-gate ${WORK}/broken.xml RESULT_VARIABLE code OUTPUT_VARIABLE out)
if(NOT code EQUAL 1 OR NOT out MATCHES "broken.xml:1:[0-9]+: error: .*UA3003")
  message(FATAL_ERROR "the CI gate let an error through (exit ${code}):\n${out}")
endif()
