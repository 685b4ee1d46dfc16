# cmake -DPROGRAM=unattend -DDATA=tests/data -P gitlab_report.cmake
# `check --format gitlab`, parsed as JSON: the fields GitLab's code-quality report reads.
cmake_policy(VERSION 3.25)
function(expect what actual expected)
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: '${actual}', expected '${expected}'")
  endif()
endfunction()

execute_process(COMMAND ${PROGRAM} check --format gitlab ${DATA}/wrong-pass.xml ${DATA}/warnings-only.xml
                RESULT_VARIABLE code OUTPUT_VARIABLE json)
expect("exit code" "${code}" 1)
string(JSON type TYPE "${json}")
expect("top level" "${type}" ARRAY)
string(JSON first GET "${json}" 0)
string(JSON check_name GET "${first}" check_name)
string(JSON severity GET "${first}" severity)
string(JSON path GET "${first}" location path)
string(JSON line GET "${first}" location lines begin)
string(JSON description GET "${first}" description)
expect("check_name" "${check_name}" UA3003)
expect("severity of an error" "${severity}" major)
expect("path" "${path}" "${DATA}/wrong-pass.xml")
expect("line" "${line}" 7)
if(NOT description MATCHES "^'ComputerName' of Microsoft-Windows-Shell-Setup is not valid in the oobeSystem pass")
  message(FATAL_ERROR "description: ${description}")
endif()

# Every fingerprint 16 hex digits and distinct; warnings are "minor".
string(JSON count LENGTH "${json}")
math(EXPR last "${count} - 1")
set(fingerprints)
set(minor 0)
foreach(i RANGE ${last})
  string(JSON fingerprint GET "${json}" ${i} fingerprint)
  if(NOT fingerprint MATCHES "^[0-9a-f]+$")
    message(FATAL_ERROR "fingerprint ${i}: '${fingerprint}'")
  endif()
  string(LENGTH "${fingerprint}" length)
  expect("fingerprint length" "${length}" 16)
  if(fingerprint IN_LIST fingerprints)
    message(FATAL_ERROR "fingerprint ${fingerprint} used twice")
  endif()
  list(APPEND fingerprints ${fingerprint})
  string(JSON severity GET "${json}" ${i} severity)
  if(severity STREQUAL "minor")
    math(EXPR minor "${minor} + 1")
  endif()
endforeach()
if(minor EQUAL 0)
  message(FATAL_ERROR "no warning reported as minor:\n${json}")
endif()

# Stable between runs: GitLab compares fingerprints of two pipelines.
execute_process(COMMAND ${PROGRAM} check --format gitlab ${DATA}/wrong-pass.xml ${DATA}/warnings-only.xml
                OUTPUT_VARIABLE again)
expect("second run" "${again}" "${json}")

# No findings: an empty array, which GitLab reads as "no issues".
execute_process(COMMAND ${PROGRAM} check --format gitlab --disable UA3003 ${DATA}/wrong-pass.xml
                RESULT_VARIABLE code OUTPUT_VARIABLE json)
expect("clean exit code" "${code}" 0)
expect("clean report" "${json}" "[]\n")
