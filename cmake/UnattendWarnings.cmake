# Warnings are errors in the project's own code. Generated bindings get the same
# warnings without -Werror: they are not ours to fix, but they must stay clean.
function(unattend_own_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()

function(unattend_generated_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()
