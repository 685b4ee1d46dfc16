#!/usr/bin/env bash
# One command for each set-up job (see README.md):
#   ./build.sh example    install dependencies, build, generate an answer file from an example spec,
#                         check it, explain what Setup will do with it and package it
#   ./build.sh test       install dependencies, build, run every test
#   ./build.sh sanitize   the tests again, built with AddressSanitizer and UBSan
#   ./build.sh windows    cross-build unattend.exe for 64-bit Windows with MinGW-w64 into
#                         build-windows/ (dependencies: scripts/windows-deps.sh, cached outside
#                         the clone), run the unit and command tests under Wine, and make
#                         build-windows/release/unattend-VERSION-windows-x86_64.zip (docs/windows.md)
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
    # Wine turns a program's arguments and file names from the Unix side's
    # locale into Windows' UTF-16: with a non-UTF-8 locale, names outside
    # ASCII would be garbled before unattend.exe saw them.
    export LC_ALL=C.UTF-8
    # No .NET or HTML engine in the Wine prefix (nothing here needs them; with
    # them, the first start would try to install wine-mono and wine-gecko).
    export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
    prefix=$(scripts/windows-deps.sh | tail -n 1)
    configure build-windows -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchain-mingw-w64.cmake" \
      -DUNATTEND_WINDOWS_PREFIX="$prefix" -DCMAKE_CROSSCOMPILING_EMULATOR=wine
    # One Wine server for the whole build and test run: each Windows program then
    # starts in a fraction of a second, not one to three seconds. The prefix is
    # booted first, with nothing attached: Wine's service processes outlive the
    # program that started them, and started from the build they would hold
    # its output pipe open, so that ninja waited for ever.
    wineserver -p
    trap 'wineserver -k 2>/dev/null || true' EXIT
    wine cmd /c exit </dev/null >/dev/null 2>&1
    cmake --build build-windows --parallel "$jobs"
    ctest --test-dir build-windows --output-on-failure --parallel "$jobs"
    scripts/windows-release.sh build-windows
    ;;
  *)
    echo "usage: ./build.sh example|test|sanitize|windows" >&2
    exit 2
    ;;
esac
