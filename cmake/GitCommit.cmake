# UNATTEND_GIT_COMMIT: `git describe` of the source tree ("d06146c", "v0.2.0-3-gd06146c",
# "...-dirty"), or empty when the sources are not a git checkout or git is missing:
# a tarball build says only its version. Re-run at the next build after every
# commit or checkout (HEAD's reflog changes), so --version does not go stale.
set(UNATTEND_GIT_COMMIT "")
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --tags
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE describe ERROR_QUIET RESULT_VARIABLE failed OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT failed)
    set(UNATTEND_GIT_COMMIT "${describe}")
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --absolute-git-dir --git-path logs/HEAD
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE paths ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(REPLACE "\n" ";" paths "${paths}")
    list(GET paths 1 reflog)
    if(NOT IS_ABSOLUTE "${reflog}")
      set(reflog ${PROJECT_SOURCE_DIR}/${reflog})
    endif()
    if(EXISTS "${reflog}")
      set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${reflog}")
    endif()
  endif()
endif()
