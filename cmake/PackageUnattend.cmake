# cpack -G DEB: unattend_<version>_<arch>.deb (the program, its man pages, bash and
# zsh completion, the docs) and unattend-dev_<version>_<arch>.deb (the static
# library, headers, CMake package and pkg-config file for building against it).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME unattend)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "unattend developers <unattend@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Depends from the libraries the program really links (dpkg-shlibdeps, in dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME unattend)
# One string: separate arguments would make a CMake list, joined with ";". The first
# line is the synopsis (see cmake/CPackProjectConfig.cmake).
# Lines of the extended description: at most 80 characters (Debian policy 5.6.13).
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "check, format, generate and package Windows answer files
unattend validates autounattend.xml files against schemas built from
Microsoft's reference, checks passes and common mistakes, explains what
Setup will do, writes new files from a YAML spec and puts them on ISO images.")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "bash-completion, pre-commit")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME unattend-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_DESCRIPTION "unattend library: development files
The static libraries behind the unattend command, with their headers, a CMake
package (find_package(unattend): unattend::core and unattend::unattend) and
pkg-config files (unattend-core, unattend).")
# A static library: its users link its dependencies, so they come as -dev packages;
# the generated headers include the CodeSynthesis runtime, which xsdcxx ships.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libxerces-c-dev (>= 3.2), libicu-dev, libyaml-cpp-dev, libisofs-dev, nettle-dev, xsdcxx")
# Debian policy 10.1: binaries are shipped stripped. The program is built
# without debug information (Release, no -g), so there is nothing to split
# into a -dbgsym package; to debug, build from source with
# -DCMAKE_BUILD_TYPE=Debug (docs/ci.md, Installing unattend).
set(CPACK_STRIP_FILES ON)

# Every package carries its copyright file (DEP-5, policy 12.5) and a
# changelog (policy 12.7; changelog.gz, as for a native package) in
# /usr/share/doc/PACKAGE. Both are compressed with gzip -9n, so that the same
# sources give the same bytes.
set(debian_dir ${PROJECT_BINARY_DIR}/debian)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${debian_dir}/changelog @ONLY)
add_custom_command(OUTPUT ${debian_dir}/changelog.gz
                   COMMAND gzip -9nkf ${debian_dir}/changelog
                   DEPENDS ${debian_dir}/changelog
                   COMMENT "Compressing the Debian changelog")
add_custom_target(unattend_debian_changelog ALL DEPENDS ${debian_dir}/changelog.gz)
foreach(component IN ITEMS runtime dev)
  set(package unattend)
  if(component STREQUAL "dev")
    set(package unattend-dev)
  endif()
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${debian_dir}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/unattend-dev.lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides RENAME unattend-dev COMPONENT dev)

set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CPackProjectConfig.cmake)
include(CPack)
