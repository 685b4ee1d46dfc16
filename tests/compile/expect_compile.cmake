# Compiles SOURCE with -DCASE and checks the outcome: EXPECT is "ok", or a
# regular expression the compiler's errors must match (so that a failure for
# another reason, a missing header say, does not pass).
execute_process(
  COMMAND ${COMPILER} -std=c++20 -fsyntax-only -I${INCLUDE} -I${BUILD_INCLUDE} -I${GENERATED} -D${CASE} ${SOURCE}
  RESULT_VARIABLE result ERROR_VARIABLE errors OUTPUT_VARIABLE output)
if(EXPECT STREQUAL "ok")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${CASE} does not compile:\n${errors}")
  endif()
elseif(result EQUAL 0)
  message(FATAL_ERROR "${CASE} compiles, it must not")
elseif(NOT errors MATCHES "${EXPECT}")
  message(FATAL_ERROR "${CASE} fails for another reason than '${EXPECT}':\n${errors}")
endif()
