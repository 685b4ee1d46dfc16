# cmake --install: the library, its public headers (ours and the generated
# bindings), a CMake package (find_package(unattend)) and a pkg-config file.
# Two install components, one a Debian package each (cmake/PackageUnattend.cmake):
#   dev       unattend::core: its libraries, headers, export, the package's
#             config files and unattend-core.pc; needs Xerces-C and ICU
#   full_dev  unattend::unattend: its library, the headers of what it adds
#             (upper_headers), its export and unattend.pc; needs yaml-cpp,
#             libisofs and nettle too
# so that a user of unattend::core can install and find it without those three.
include(CMakePackageConfigHelpers)

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/unattend)

# Two export sets, so that a user of unattend::core needs neither yaml-cpp nor
# libisofs nor nettle to find the package (unattendConfig.cmake.in).
set_target_properties(unattend_bindings PROPERTIES EXPORT_NAME bindings)
install(TARGETS unattend_core unattend_bindings EXPORT unattendCoreTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS unattend EXPORT unattendTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT full_dev
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT full_dev
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The headers of unattend::unattend alone: .unattend.yaml, specs read from
# YAML, images. A core header that included one of them would not compile
# for a user of unattend-dev alone (the test install.core_alone builds one).
set(upper_headers config.hpp package.hpp spec_yaml.hpp)
list(TRANSFORM upper_headers PREPEND ${PROJECT_SOURCE_DIR}/include/unattend/ OUTPUT_VARIABLE upper_header_paths)
list(JOIN upper_headers "|" upper_regex)
string(REPLACE "." "\\." upper_regex "${upper_regex}")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/unattend DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        PATTERN "*.in" EXCLUDE
        REGEX "/include/unattend/(${upper_regex})$" EXCLUDE)
install(FILES ${upper_header_paths} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unattend COMPONENT full_dev)
install(FILES ${PROJECT_BINARY_DIR}/include/unattend/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unattend)
install(DIRECTORY ${PROJECT_BINARY_DIR}/generated/unattend/xml DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unattend
        FILES_MATCHING PATTERN "*.hxx")
install(EXPORT unattendCoreTargets NAMESPACE unattend:: DESTINATION ${config_dir})
install(EXPORT unattendTargets NAMESPACE unattend:: DESTINATION ${config_dir} COMPONENT full_dev)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/install/unattendConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/unattendConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/unattendConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/unattendConfig.cmake ${PROJECT_BINARY_DIR}/unattendConfigVersion.cmake
        DESTINATION ${config_dir})

set(pcs unattend-core unattend)
set(pc_components dev full_dev)
foreach(pc component IN ZIP_LISTS pcs pc_components)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/install/${pc}.pc.in ${PROJECT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT ${component})
endforeach()
