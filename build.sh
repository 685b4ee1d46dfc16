#!/usr/bin/env bash
# One command for each set-up job (see README.md):
#   ./build.sh example    install dependencies, build, generate an answer file from an example spec,
#                         check it, explain what Setup will do with it and package it
#   ./build.sh test       install dependencies, build, run every test
#   ./build.sh sanitize   the tests again, built with AddressSanitizer and UBSan
#   ./build.sh windows    cross-build unattend.exe for 64-bit Windows with MinGW-w64 into
#                         build-windows/ (dependencies: scripts/windows-deps.sh, cached outside
#                         the clone); Wine runs what the build itself must run (issue 28: work in
#                         progress, the code does not build for Windows yet)
set -euo pipefail
cd "$(dirname "$0")"

jobs=$(nproc 2>/dev/null || echo 2)

configure() {  # configure BUILD_DIR [CMAKE_ARGS...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
}

case "${1:-}" in
  example)
    scripts/install-deps
    configure build
    cmake --build build --parallel "$jobs" --target unattend_cli
    echo "+ unattend generate --spec examples/spec/lima.yaml -o build/autounattend.xml --force"
    build/cli/unattend generate --spec examples/spec/lima.yaml -o build/autounattend.xml --force
    echo "+ unattend check --strict build/autounattend.xml examples/lima-like.xml"
    build/cli/unattend check --strict build/autounattend.xml examples/lima-like.xml
    echo "no problems found"
    echo "+ unattend explain build/autounattend.xml"
    build/cli/unattend explain build/autounattend.xml
    echo "+ unattend package build/autounattend.xml -o build/example.iso --force"
    build/cli/unattend package build/autounattend.xml -o build/example.iso --force
    ;;
  test)
    scripts/install-deps
    configure build
    cmake --build build --parallel "$jobs"
    ctest --test-dir build --output-on-failure --parallel "$jobs"
    ;;
  sanitize)
    scripts/install-deps
    configure build-sanitize -DUNATTEND_SANITIZE=ON
    cmake --build build-sanitize --parallel "$jobs"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-sanitize --output-on-failure --parallel "$jobs"
    ;;
  windows)
    # Wine keeps its own Windows installation beside the dependency prefix, not in ~/.wine.
    export WINEPREFIX=${WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/unattend-windows/wine}
    export WINEDEBUG=${WINEDEBUG:--all}
    prefix=$(scripts/windows-deps.sh | tail -n 1)
    configure build-windows -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchain-mingw-w64.cmake" \
      -DUNATTEND_WINDOWS_PREFIX="$prefix" -DCMAKE_CROSSCOMPILING_EMULATOR=wine
    cmake --build build-windows --parallel "$jobs"
    ;;
  *)
    echo "usage: ./build.sh example|test|sanitize|windows" >&2
    exit 2
    ;;
esac
