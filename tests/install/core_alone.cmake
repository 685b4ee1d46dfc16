# cmake -DBUILD_DIR=... -DEXAMPLE=... -DWORK=... -DGENERATOR=... [-DFLAGS=...] -P core_alone.cmake
# unattend::core as a user gets it from unattend-dev alone: only the install
# component `dev` (cmake/InstallUnattend.cmake), and a consumer for which
# yaml-cpp and pkg-config (so libisofs and nettle) cannot be found. It builds
# the guide's programs that link unattend::core and runs the one that builds
# a complete answer file from a Spec filled in code.
include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component dev)

# What unattend-full-dev holds is not there.
file(GLOB_RECURSE upper RELATIVE ${prefix} ${prefix}/*/libunattend.a ${prefix}/*/unattendTargets.cmake
     ${prefix}/*/unattend.pc ${prefix}/include/unattend/config.hpp ${prefix}/include/unattend/package.hpp
     ${prefix}/include/unattend/spec_yaml.hpp)
if(upper)
  message(FATAL_ERROR "the core's install component holds the upper library's files: ${upper}")
endif()

set(no_upper_dependencies -DCMAKE_DISABLE_FIND_PACKAGE_yaml-cpp=ON -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON)
run(${CMAKE_COMMAND} -S ${EXAMPLE} -B ${WORK}/example -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=Release -DUNATTEND_CORE_ONLY=ON ${no_upper_dependencies}
    "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/example)

# The guide's first job: a complete UEFI file from a Spec, the password from
# the environment, written as autounattend.xml where it runs.
set(program ${WORK}/example/build-from-intent)
set(intent_xml ${WORK}/example/autounattend.xml)
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=BUILDER_PASSWORD ${program} WORKING_DIRECTORY ${WORK}/example
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 1 OR NOT err MATCHES "BUILDER_PASSWORD" OR EXISTS ${intent_xml})
  message(FATAL_ERROR "build-from-intent without its password (exit ${code}) wrote a file or did not say why:\n${out}${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env BUILDER_PASSWORD=example-only ${program}
                WORKING_DIRECTORY ${WORK}/example RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT EXISTS ${intent_xml})
  message(FATAL_ERROR "build-from-intent (exit ${code}):\n${out}${err}")
endif()
file(READ ${intent_xml} intent)
expect_written(build-from-intent "${intent}" "<Type>EFI</Type>" "<Type>MSR</Type>"
  "<WillWipeDisk>true</WillWipeDisk>" "<Key>/IMAGE/INDEX</Key>" "<ComputerName>BUILD-07</ComputerName>"
  "<TimeZone>W. Europe Standard Time</TimeZone>" "<Name>builder</Name>" "<PlainText>false</PlainText>"
  "<LogonCount>1</LogonCount>")
if(intent MATCHES "example-only")
  message(FATAL_ERROR "build-from-intent wrote the password in plain text")
endif()
run(readelf -d ${program})
if(output MATCHES "libisofs|libnettle|libyaml-cpp")
  message(FATAL_ERROR "build-from-intent needs more than Xerces and ICU:\n${output}")
endif()

# Without COMPONENTS, what is installed is found; asking for the upper library
# says which package holds it.
file(WRITE ${WORK}/find/CMakeLists.txt
  "cmake_minimum_required(VERSION 3.25)\nproject(find LANGUAGES CXX)\n"
  "find_package(unattend 0.1 REQUIRED)\n"
  "if(NOT TARGET unattend::core OR TARGET unattend::unattend)\n"
  "  message(FATAL_ERROR \"without COMPONENTS: not core alone\")\nendif()\n"
  "if(ASK_UPPER)\n  find_package(unattend 0.1 REQUIRED COMPONENTS unattend)\nendif()\n")
run(${CMAKE_COMMAND} -S ${WORK}/find -B ${WORK}/find/build -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
    ${no_upper_dependencies})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK}/find -B ${WORK}/find/upper -G ${GENERATOR}
                        -DCMAKE_PREFIX_PATH=${prefix} -DASK_UPPER=ON ${no_upper_dependencies}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(code EQUAL 0 OR NOT "${out}${err}" MATCHES "unattend-full-dev")
  message(FATAL_ERROR "COMPONENTS unattend without it installed (exit ${code}):\n${out}${err}")
endif()
