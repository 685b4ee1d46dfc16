# run(COMMAND...): runs it, fails the test with its output when it fails, and
# leaves what it printed in `output` (the install tests share it).
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    string(JOIN " " command ${ARGN})
    message(FATAL_ERROR "failed (${code}): ${command}\n${out}${err}")
  endif()
  set(output "${out}${err}" PARENT_SCOPE)
endfunction()

# expect_written(PROGRAM TEXT PART...): fails the test, naming PROGRAM, with
# the first PART that the file it wrote (TEXT) lacks.
function(expect_written program text)
  foreach(part IN LISTS ARGN)
    string(FIND "${text}" "${part}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${program} lost or did not write '${part}':\n${text}")
    endif()
  endforeach()
endfunction()
