# Read by cpack, not cmake. CPack.cmake sets CPACK_PACKAGE_DESCRIPTION_SUMMARY from
# the project's description, and CPackDeb would put that line before each
# package's own description; each package's first line is its own synopsis.
unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
