#!/usr/bin/env bash
# One command for each set-up job (see README.md):
#   ./build.sh example    install dependencies, build, generate an answer file from an example spec,
#                         check it, explain what Setup will do with it and package it
#   ./build.sh test       install dependencies, build, run every test
#   ./build.sh sanitize   the tests again, built with AddressSanitizer and UBSan
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
  *)
    echo "usage: ./build.sh example|test|sanitize" >&2
    exit 2
    ;;
esac
