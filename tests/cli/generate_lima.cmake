# cmake -DPROGRAM=unattend -DSPECS=examples/spec -DWORK=dir -P generate_lima.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(
  COMMAND ${EMULATOR} ${PROGRAM} generate -o ${WORK}/autounattend.xml --computer-name lima-win11 --user lima
          --password-file ${SPECS}/dev-password.txt --ssh-authorized-keys ${SPECS}/id_ed25519.pub
          --image-index 1 --firmware uefi --disk 0 --time-zone "W. Europe Standard Time"
          --autologon 1 --bypass-hardware-checks
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "generate failed (${code}):\n${out}${err}")
endif()
# Mode bits are POSIX's; the Windows build (run through EMULATOR) makes a
# private file with an ACL instead (docs/windows.md).
if(NOT DEFINED EMULATOR)
  execute_process(COMMAND stat -c %a ${WORK}/autounattend.xml OUTPUT_VARIABLE mode OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT mode STREQUAL "600")
    message(FATAL_ERROR "the answer file holds a password but has mode ${mode}")
  endif()
endif()
file(READ ${WORK}/autounattend.xml head HEX LIMIT 3)
if(head STREQUAL "efbbbf")
  message(FATAL_ERROR "the file starts with a BOM")
endif()
file(READ ${WORK}/autounattend.xml xml)
foreach(forbidden "PlainText>true" "correct horse" "[D-WYZ]:\\\\")
  if(xml MATCHES "${forbidden}")
    message(FATAL_ERROR "the file holds '${forbidden}'")
  endif()
endforeach()
foreach(wanted "<ComputerName>lima-win11</ComputerName>" "<Name>lima</Name>" "<Key>/IMAGE/INDEX</Key>"
        "<Type>EFI</Type>" "<TimeZone>W. Europe Standard Time</TimeZone>"
        "FromBase64String('c3NoLWVkMjU1MTkg")  # "ssh-ed25519 ", as data
  string(FIND "${xml}" "${wanted}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the file lacks ${wanted}")
  endif()
endforeach()
file(READ ${WORK}/autounattend.xml hex HEX)
string(REGEX MATCHALL "[0-9a-f][0-9a-f]" bytes "${hex}")
list(FILTER bytes INCLUDE REGEX "^[89a-f]")
if(bytes)
  message(FATAL_ERROR "the file is not ASCII")
endif()
execute_process(COMMAND ${EMULATOR} ${PROGRAM} check --strict ${WORK}/autounattend.xml RESULT_VARIABLE code OUTPUT_VARIABLE out)
if(NOT code EQUAL 0 OR NOT out STREQUAL "")
  message(FATAL_ERROR "unattend check finds something (${code}):\n${out}")
endif()
# Setup runs to the end: explain lists no stop at all, not even one under a condition.
execute_process(COMMAND ${EMULATOR} ${PROGRAM} explain --format json ${WORK}/autounattend.xml RESULT_VARIABLE code
                OUTPUT_VARIABLE json)
string(JSON stops LENGTH "${json}" stops)
string(JSON autologon GET "${json}" autologon username)
if(NOT code EQUAL 0 OR NOT stops EQUAL 0 OR NOT autologon STREQUAL "lima")
  message(FATAL_ERROR "unattend explain: exit ${code}, ${stops} stop(s), autologon '${autologon}':\n${json}")
endif()
file(REMOVE_RECURSE ${WORK})
