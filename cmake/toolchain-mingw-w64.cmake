# Cross-compiling unattend (and its dependencies) for 64-bit Windows with
# Debian's MinGW-w64, posix threads variant (g++-mingw-w64-x86-64-posix), whose
# std::thread and std::mutex the code needs.
#
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-mingw-w64.cmake \
#         -DUNATTEND_WINDOWS_PREFIX=<prefix of scripts/windows-deps.sh>
#
# scripts/windows-deps.sh builds the dependencies static into that prefix and
# prints it. Programs are linked static: the exe needs only Windows' own DLLs.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(UNATTEND_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${UNATTEND_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${UNATTEND_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${UNATTEND_MINGW_TRIPLE}-windres)
set(CMAKE_AR ${UNATTEND_MINGW_TRIPLE}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${UNATTEND_MINGW_TRIPLE}-gcc-ranlib-posix CACHE FILEPATH "")

# The dependency prefix: given on the command line, or in the environment (so
# that try_compile projects, which do not see cache variables, find it too).
if(NOT UNATTEND_WINDOWS_PREFIX AND DEFINED ENV{UNATTEND_WINDOWS_PREFIX})
  set(UNATTEND_WINDOWS_PREFIX $ENV{UNATTEND_WINDOWS_PREFIX})
endif()
if(UNATTEND_WINDOWS_PREFIX)
  set(ENV{UNATTEND_WINDOWS_PREFIX} ${UNATTEND_WINDOWS_PREFIX})
  # pkg-config (nettle) looks in the prefix only, never at the build machine's .pc files.
  set(ENV{PKG_CONFIG_LIBDIR} ${UNATTEND_WINDOWS_PREFIX}/lib/pkgconfig)
  set(ENV{PKG_CONFIG_PATH} "")
  set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
endif()
set(CMAKE_FIND_ROOT_PATH /usr/${UNATTEND_MINGW_TRIPLE} ${UNATTEND_WINDOWS_PREFIX})
list(APPEND CMAKE_PREFIX_PATH ${UNATTEND_WINDOWS_PREFIX})

# Programs (xsdcxx, wine) come from the build machine; headers, libraries and
# CMake packages only from the MinGW sysroot and the dependency prefix.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static everything: libstdc++, libgcc and winpthread go into the exe.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# The dependencies are static archives: their headers must not declare
# __declspec(dllimport) (Xerces-C, ICU).
set(CMAKE_C_FLAGS_INIT "-DXERCES_STATIC_LIBRARY -DU_STATIC_IMPLEMENTATION")
set(CMAKE_CXX_FLAGS_INIT "-DXERCES_STATIC_LIBRARY -DU_STATIC_IMPLEMENTATION")
set(Boost_USE_STATIC_LIBS ON)
set(Boost_NO_BOOST_CMAKE ON)

# Test programs and tools that the build runs (the grammar blob) run under Wine.
if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
  find_program(UNATTEND_WINE NAMES wine wine64)
  if(UNATTEND_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${UNATTEND_WINE})
  endif()
endif()
