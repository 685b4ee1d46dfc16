# cmake --install: the library, its public headers (ours and the generated
# bindings), a CMake package (find_package(unattend)) and a pkg-config file.
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
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/unattend DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        PATTERN "*.in" EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/include/unattend/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unattend)
install(DIRECTORY ${PROJECT_BINARY_DIR}/generated/unattend/xml DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/unattend
        FILES_MATCHING PATTERN "*.hxx")
install(EXPORT unattendCoreTargets NAMESPACE unattend:: DESTINATION ${config_dir})
install(EXPORT unattendTargets NAMESPACE unattend:: DESTINATION ${config_dir})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/install/unattendConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/unattendConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/unattendConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/unattendConfig.cmake ${PROJECT_BINARY_DIR}/unattendConfigVersion.cmake
        DESTINATION ${config_dir})

foreach(pc IN ITEMS unattend unattend-core)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/install/${pc}.pc.in ${PROJECT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
