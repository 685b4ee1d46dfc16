# cmake -DNVIM=nvim -DCLI=unattend -DSCRIPT=nvim_diagnostics.lua -DFILE=answer.xml
#       -DOUT=diagnostics.tsv -DEXPECT=regex -P nvim.cmake
# Runs Neovim headless with its built-in LSP client against `unattend lsp`
# and checks the diagnostics it received. Exits with 77 (skipped) without Neovim.
if(NOT NVIM)
  message("SKIP: Neovim is not installed (apt-get install neovim)")
  cmake_language(EXIT 77)
endif()
file(REMOVE "${OUT}")
set(ENV{UNATTEND_CLI} "${CLI}")
set(ENV{ANSWER_FILE} "${FILE}")
set(ENV{DIAGNOSTICS_OUT} "${OUT}")
set(ENV{XDG_STATE_HOME} "${OUT}.state")
set(ENV{XDG_DATA_HOME} "${OUT}.data")
execute_process(COMMAND "${NVIM}" --headless -u NONE -i NONE -n -c "luafile ${SCRIPT}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 60)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "nvim exited with ${result}:\n${output}")
endif()
file(READ "${OUT}" diagnostics)
message("${diagnostics}")
if(NOT diagnostics MATCHES "${EXPECT}")
  message(FATAL_ERROR "expected diagnostics matching\n  ${EXPECT}\ngot\n${diagnostics}")
endif()
