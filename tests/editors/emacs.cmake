# cmake -DEMACS=emacs -DCLI=unattend -DSCRIPT=eglot_test.el -DFILE=answer.xml
#       -DOUT=diagnostics.tsv -DEXPECT=regex -P emacs.cmake
# Runs Emacs in batch mode with eglot (Debian: emacs-nox, elpa-eglot) against
# `unattend lsp` and checks what it received. Exits with 77 (skipped) without
# Emacs or eglot. The answer file is copied: flymake writes beside it.
if(NOT EMACS)
  message("SKIP: Emacs is not installed (apt-get install emacs-nox elpa-eglot)")
  cmake_language(EXIT 77)
endif()
file(GLOB eglot /usr/share/emacs/site-lisp/elpa/eglot-*)
if(NOT eglot)
  message("SKIP: eglot is not installed (apt-get install elpa-eglot)")
  cmake_language(EXIT 77)
endif()
file(REMOVE_RECURSE "${OUT}.d")
file(MAKE_DIRECTORY "${OUT}.d")
get_filename_component(name "${FILE}" NAME)
file(COPY "${FILE}" DESTINATION "${OUT}.d")
file(REMOVE "${OUT}")
set(ENV{UNATTEND_CLI} "${CLI}")
set(ENV{ANSWER_FILE} "${OUT}.d/${name}")
set(ENV{DIAGNOSTICS_OUT} "${OUT}")
set(ENV{HOME} "${OUT}.d")
execute_process(COMMAND "${EMACS}" --batch -Q -l "${SCRIPT}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 60)
if(NOT result EQUAL 0 OR NOT EXISTS "${OUT}")
  message(FATAL_ERROR "emacs exited with ${result}:\n${output}")
endif()
file(READ "${OUT}" received)
message("${received}")
if(NOT received MATCHES "${EXPECT}")
  message(FATAL_ERROR "expected\n  ${EXPECT}\ngot\n${received}")
endif()
file(REMOVE_RECURSE "${OUT}.d")
