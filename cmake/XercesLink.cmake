# How the programs built here link Xerces-C: unattend_xerces, used in place of
# XercesC::XercesC inside the build tree (BUILD_INTERFACE only: the installed
# library and its CMake package keep XercesC::XercesC for their users).
#
# Debian's shared libxerces-c needs libcurl-gnutls and about 30 libraries behind
# it for a network accessor that unattend never uses; loading them took about
# two thirds of every run's start-up. With the static archive, the network
# accessor's libcurl calls are answered by model/xml/no_network/curl_refused.cpp
# (any URL fails as an unsupported protocol) and none of those libraries is
# loaded (docs/performance.md). The sanitizer build keeps the shared library:
# the archive is not instrumented and gains nothing there.

option(UNATTEND_STATIC_XERCES "Link the programs with the static Xerces-C, without network access" ON)
find_library(UNATTEND_XERCES_ARCHIVE NAMES libxerces-c.a)
find_package(ICU REQUIRED COMPONENTS uc)

add_library(unattend_xerces INTERFACE)
if(UNATTEND_STATIC_XERCES AND UNATTEND_XERCES_ARCHIVE AND NOT UNATTEND_SANITIZE)
  add_library(unattend_no_network STATIC ${PROJECT_SOURCE_DIR}/model/xml/no_network/curl_refused.cpp)
  unattend_own_warnings(unattend_no_network)
  target_include_directories(unattend_xerces INTERFACE ${XercesC_INCLUDE_DIRS})
  # Order matters: the archive first, then what it needs.
  target_link_libraries(unattend_xerces INTERFACE ${UNATTEND_XERCES_ARCHIVE} unattend_no_network ICU::uc)
  set(UNATTEND_XERCES_WITHOUT_NETWORK ON)
else()
  target_link_libraries(unattend_xerces INTERFACE XercesC::XercesC)
  set(UNATTEND_XERCES_WITHOUT_NETWORK OFF)
endif()
message(STATUS "Xerces-C for the programs: ${UNATTEND_XERCES_ARCHIVE} without network: ${UNATTEND_XERCES_WITHOUT_NETWORK}")
