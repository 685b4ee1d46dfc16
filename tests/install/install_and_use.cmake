# cmake -DBUILD_DIR=... -DEXAMPLE=... -DWORK=... -DGENERATOR=... [-DFLAGS=...] -P install_and_use.cmake
include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# find_package(unattend)
run(${CMAKE_COMMAND} -S ${EXAMPLE} -B ${WORK}/example -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/example)
run(${WORK}/example/set-computer-name ${WORK}/answer.xml BUILD-07)
file(READ ${WORK}/answer.xml written)
if(NOT written MATCHES "<ComputerName>BUILD-07</ComputerName>")
  message(FATAL_ERROR "the example did not write the computer name:\n${written}")
endif()
execute_process(COMMAND ${WORK}/example/set-computer-name ${WORK}/answer.xml SIXTEEN-CHARS-XX
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 1 OR NOT err MATCHES "ComputerName is 16 characters long; at most 15 are allowed")
  message(FATAL_ERROR "an overlong name was not refused (exit ${code}):\n${out}${err}")
endif()

# list-settings reads back what set-computer-name wrote, with the line it is on.
run(${WORK}/example/list-settings ${WORK}/answer.xml)
if(NOT output MATCHES "[0-9]+\tspecialize\tMicrosoft-Windows-Shell-Setup\tamd64\tComputerName = BUILD-07\n")
  message(FATAL_ERROR "list-settings printed:\n${output}")
endif()

# mistakes: every mistake caught, as the program itself checks.
file(MAKE_DIRECTORY ${WORK}/mistakes)
run(${WORK}/example/mistakes ${WORK}/mistakes)
foreach(expected "is not valid in the oobeSystem pass" "UA3010" "allow_existing_errors writes it" "UA7005"
                 "already exists")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "mistakes did not show '${expected}':\n${output}")
  endif()
endforeach()
if(EXISTS ${WORK}/mistakes/refused.xml)
  message(FATAL_ERROR "a refused save left a file")
endif()

# unattend::core users neither link nor load libisofs, nettle or yaml-cpp:
# not on the link line CMake wrote, not among the program's needed libraries.
file(READ ${WORK}/example/build.ninja ninja)
string(REGEX MATCH "build list-settings:[^\n]*\n([^\n]*\n)*[^\n]*LINK_LIBRARIES = [^\n]*" link "${ninja}")
if(link STREQUAL "" OR link MATCHES "isofs|nettle|yaml" OR NOT link MATCHES "unattend_core")
  message(FATAL_ERROR "list-settings links more than unattend::core:\n${link}")
endif()
run(readelf -d ${WORK}/example/list-settings)
if(output MATCHES "libisofs|libnettle|libyaml-cpp" OR NOT output MATCHES "libxerces-c")
  message(FATAL_ERROR "list-settings needs more than Xerces and ICU:\n${output}")
endif()

# pkg-config
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
execute_process(COMMAND pkg-config --libs unattend-core OUTPUT_VARIABLE core_flags
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR core_flags MATCHES "isofs|nettle|yaml" OR NOT core_flags MATCHES "-lunattend_core")
  message(FATAL_ERROR "pkg-config unattend-core (${code}): ${core_flags}")
endif()
execute_process(COMMAND pkg-config --cflags --libs unattend OUTPUT_VARIABLE flags
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "pkg-config does not find unattend in ${prefix}/lib/pkgconfig")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
file(WRITE ${WORK}/version.cpp
  "#include <unattend/password.hpp>\n#include <unattend/version.hpp>\n#include <iostream>\n"
  "int main() { std::cout << unattend::encode_password(\"pw\", \"Password\") << '\\n'; }\n")
separate_arguments(extra UNIX_COMMAND "${FLAGS}")
run(c++ -std=c++20 ${extra} ${WORK}/version.cpp -o ${WORK}/version ${flags})
run(${WORK}/version)
if(NOT output STREQUAL "cAB3AFAAYQBzAHMAdwBvAHIAZAA=\n")
  message(FATAL_ERROR "the pkg-config program printed: ${output}")
endif()

# The guide's jobs: a hand-kept file edited through modify keeps what the
# edits do not touch; a UEFI layout from nothing saves clean.
run(${WORK}/example/edit-real-file ${EXAMPLE}/real-looking.xml ${WORK}/edited.xml)
file(READ ${WORK}/edited.xml edited)
expect_written(edit-real-file "${edited}"
  "<!-- naming: LAB-<room>-<seat> -->" "<!-- keep this one first: the agent needs the share -->"
  "name=\"Contoso-Imaging-Agent\"" "<Server>imaging.contoso.test</Server>" "<HideEULAPage>1</HideEULAPage>"
  "<ComputerName>LAB-3-17</ComputerName>" "<TimeZone>W. Europe Standard Time</TimeZone>"
  "<Order>2</Order>" "<Name>builder</Name>" "<PlainText>false</PlainText>"
  "<PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\">")
if(edited MATCHES "example only")
  message(FATAL_ERROR "edit-real-file wrote the password in plain text")
endif()
run(${WORK}/example/uefi-from-nothing ${WORK}/uefi.xml)
file(READ ${WORK}/uefi.xml uefi)
expect_written(uefi-from-nothing "${uefi}" "<Type>EFI</Type>" "<Type>MSR</Type>" "<Extend>true</Extend>"
  "<Format>FAT32</Format>" "<TypeID>DE94BBA4-06D1-4D40-A16A-BFD50179D6AC</TypeID>" "<PartitionID>4</PartitionID>")

# The readable names and the reference pages are installed with the headers and the documentation.
foreach(installed include/unattend/names/shell_setup.hpp share/doc/unattend/reference/Microsoft-Windows-Shell-Setup.md
        share/doc/unattend/reference/README.md)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
