# cpack -G DEB: unattend_<version>_<arch>.deb (the program, its man pages, bash and
# zsh completion, the docs), unattend-dev_<version>_<arch>.deb (unattend::core:
# its static libraries, headers, the CMake package and unattend-core.pc) and
# unattend-full-dev_<version>_<arch>.deb (unattend::unattend on top of it). Two
# -dev packages, because the libraries are static: whoever builds against one
# installs its dependencies too, and core's are Xerces-C and ICU only, not the
# yaml-cpp, libisofs and nettle of the upper library.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME unattend)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "unattend developers <unattend@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev full_dev)
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
set(CPACK_DEBIAN_DEV_DESCRIPTION "unattend library: development files for unattend::core
The static libraries that load, read, edit, check, explain, fix and save
Windows answer files, and generate them from a spec filled in code, with their
headers, a CMake package (find_package(unattend COMPONENTS core):
unattend::core) and a pkg-config file (unattend-core).")
# A static library: its users link its dependencies, so they come as -dev packages;
# the generated headers include the CodeSynthesis runtime, which xsdcxx ships.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libxerces-c-dev (>= 3.2), libicu-dev, xsdcxx")
set(CPACK_DEBIAN_FULL_DEV_PACKAGE_NAME unattend-full-dev)
set(CPACK_DEBIAN_FULL_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_FULL_DEV_DESCRIPTION "unattend library: development files for unattend::unattend
The static library that adds to unattend::core what the unattend command
needs besides: specs read from YAML, .unattend.yaml files and ISO images,
with its headers, its part of the CMake package (find_package(unattend
COMPONENTS unattend): unattend::unattend) and a pkg-config file (unattend).")
# The same version of core, and the libraries of the upper library's own dependencies.
set(CPACK_DEBIAN_FULL_DEV_PACKAGE_DEPENDS
    "unattend-dev (= ${PROJECT_VERSION}), libyaml-cpp-dev, libisofs-dev, nettle-dev")
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
set(packages unattend unattend-dev unattend-full-dev)
set(package_components runtime dev full_dev)
foreach(package component IN ZIP_LISTS packages package_components)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${debian_dir}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
endforeach()
# Both -dev packages hold a pkg-config file: the same override, for the same reason.
foreach(package component IN ZIP_LISTS packages package_components)
  if(NOT component STREQUAL "runtime")
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/dev.lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides RENAME ${package} COMPONENT ${component})
  endif()
endforeach()

set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CPackProjectConfig.cmake)
include(CPack)
