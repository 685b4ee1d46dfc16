#!/usr/bin/env bash
# Builds unattend's dependencies static for 64-bit Windows (x86_64-w64-mingw32),
# from Debian's own source packages, into a prefix cached outside the clone:
#
#   ${XDG_CACHE_HOME:-$HOME/.cache}/unattend-windows/<key>
#
# where <key> is a hash of this script, the toolchain file and the versions of
# the Debian packages used. When that prefix is complete the script only prints
# it (last line of output) and does nothing else. Set UNATTEND_WINDOWS_PREFIX to
# use another prefix; JOBS for the parallel build jobs (default: nproc).
#
# What it does, cold:
#  1. installs the cross toolchain (posix threads) and Wine from Debian with
#     apt-get, if missing, with the Linux packages whose headers and versions
#     are used here;
#  2. downloads the source packages xerces-c, yaml-cpp, icu, nettle and boost1.74
#     (only Boost.Program_options is built: Debian's Boost headers are used as
#     they are) with a private deb-src sources list. The system's apt
#     configuration and package lists are not touched: apt-get gets
#     -o Dir::Etc::sourcelist=… -o Dir::Etc::sourceparts=/dev/null
#     -o Dir::State::Lists=… -o Dir::Cache=…;
#  3. builds each static into the prefix and records its cold time in
#     <prefix>/build-times.txt. GoogleTest is built from /usr/src/googletest,
#     nlohmann-json and the libxsd (CodeSynthesis XSD runtime) headers are
#     copied as they are.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
host=x86_64-w64-mingw32
toolchain=$here/cmake/toolchain-mingw-w64.cmake
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# --- 1. packages of the build machine -----------------------------------------
packages=(
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev
  wine wine64
  cmake ninja-build make pkg-config dpkg-dev xz-utils
  libxerces-c-dev libyaml-cpp-dev libicu-dev nettle-dev libboost-program-options-dev libboost1.74-dev
  googletest nlohmann-json3-dev xsdcxx
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Source package name=version of each library, as Debian built the installed -dev package.
source_of() {  # binary package -> "source=version"
  dpkg-query -W -f='${source:Package}=${source:Version}' "$1"
}
src_xerces=$(source_of libxerces-c-dev)
src_yaml=$(source_of libyaml-cpp-dev)
src_icu=$(source_of libicu-dev)
src_nettle=$(source_of nettle-dev)
src_boost=$(source_of libboost1.74-dev)
versions="$src_xerces $src_yaml $src_icu $src_nettle $src_boost
googletest=$(dpkg-query -W -f='${Version}' googletest)
nlohmann-json3-dev=$(dpkg-query -W -f='${Version}' nlohmann-json3-dev)
xsdcxx=$(dpkg-query -W -f='${Version}' xsdcxx)
$($host-g++-posix --version | head -n1)"

key=$( { cat "$0" "$toolchain"; echo "$versions"; } | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/unattend-windows
prefix=${UNATTEND_WINDOWS_PREFIX:-$cache/$key}
if [ -f "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi
mkdir -p "$prefix/.stamps"
work=$prefix.work  # sources and build trees, removed once the prefix is complete
mkdir -p "$work"
echo "$versions" >"$prefix/versions.txt"
log() { echo "windows-deps: $*" >&2; }

# --- 2. source packages through a private sources list ----------------------------
apt_private=(
  -o Dir::Etc::sourcelist="$work/apt/deb-src.sources"
  -o Dir::Etc::sourceparts=/dev/null
  -o Dir::State::Lists="$work/apt/lists"
  -o Dir::Cache="$work/apt/cache"
  -o APT::Sandbox::User=root
)
apt_ready=
fetch_source() {  # fetch_source name=version: downloads (without unpacking) into $work/src
  if [ -z "$apt_ready" ]; then
    mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/src"
    # The system's Debian sources (same mirror and suites), as deb-src.
    sed 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$work/apt/deb-src.sources"
    apt-get "${apt_private[@]}" update -qq >&2
    apt_ready=1
  fi
  (cd "$work/src" && apt-get "${apt_private[@]}" source --download-only -qq "$1" >&2)
}
unpack() {  # unpack name=version: dpkg-source -x (Debian's patches applied); prints the directory
  local name=${1%%=*} version=${1#*=}
  local dsc=$work/src/${name}_${version#*:}.dsc dir=$work/src/$name
  if [ ! -f "$dir/.unpacked" ]; then  # kept if a run stops half-way
    [ -f "$dsc" ] || fetch_source "$1"
    rm -rf "$dir"
    dpkg-source --no-check -x "$dsc" "$dir" >&2
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}

step() {  # step NAME FUNCTION: runs it once per prefix, timed
  local name=$1
  [ -f "$prefix/.stamps/$name" ] && return 0
  log "building $name"
  local start=$SECONDS
  "$2"
  local took=$((SECONDS - start))
  echo "$name ${took}s" >>"$prefix/build-times.txt"
  log "$name: ${took}s"
  touch "$prefix/.stamps/$name"
}

# cmake_cross SOURCE BUILD [ARGS...]: configure, build and install into the prefix.
# With target=T and component=C set, builds only target T and installs only component C.
cmake_cross() {
  local src=$1 build=$2
  shift 2
  local build_args=() install_args=()
  [ -n "${target:-}" ] && build_args=(--target "$target")
  [ -n "${component:-}" ] && install_args=(--component "$component")
  { cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DUNATTEND_WINDOWS_PREFIX="$prefix" \
      -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF "$@" \
    && cmake --build "$build" --parallel "$jobs" "${build_args[@]}" \
    && cmake --install "$build" "${install_args[@]}"; } >"$build.log" 2>&1 \
    || { tail -n 40 "$build.log" >&2; return 1; }
}

# --- 3. the libraries ----------------------------------------------------------------
build_icu() {
  # ICU cross-builds in two steps: a native build for its tools (genrb, icupkg,
  # pkgdata…), then the Windows build, which uses them to build the data. The
  # native build stops at the tools (their libraries and the stub data): the
  # cross build needs nothing else from it.
  local src
  src=$(unpack "$src_icu")/source
  local native=$work/icu-native cross=$work/icu-cross
  # Both builds are kept if a run stops half-way: make carries on where it was.
  mkdir -p "$native" "$cross" "$prefix/bin"
  (cd "$native" && { [ -f config.status ] || "$src/configure" --disable-tests --disable-samples \
      --disable-extras --disable-shared --enable-static CC=gcc CXX=g++ >configure.log 2>&1; } \
    && make -j"$jobs" lib bin icudefs.mk config/icucross.mk config/icucross.inc >make.log 2>&1 \
    && for dir in stubdata common i18n tools; do make -j"$jobs" -C "$dir" >>make.log 2>&1 || exit 1; done) \
    || { tail -n 40 "$native"/*.log >&2; return 1; }
  (cd "$cross" && { [ -f config.status ] || "$src/configure" --host=$host --with-cross-build="$native" --prefix="$prefix" \
    --disable-shared --enable-static --with-data-packaging=static \
    --disable-tests --disable-samples --disable-extras --disable-tools \
    CC=$host-gcc-posix CXX=$host-g++-posix CPPFLAGS=-DU_STATIC_IMPLEMENTATION >configure.log 2>&1; } \
    && make -j"$jobs" >make.log 2>&1 && make install >install.log 2>&1) \
    || { tail -n 40 "$cross"/*.log >&2; return 1; }
  # With static data packaging on MinGW the data archive is built as
  # lib/sicudt.a and installed as bin/sicudt.a (where a data DLL would go),
  # while what `make install` puts in the prefix as lib/libsicudt.a is the
  # empty stub data library: install the real one under the name the linker
  # and CMake's FindICU look for.
  cp "$cross/lib/sicudt.a" "$prefix/lib/libsicudt.a"
  rm -f "$prefix/bin/sicudt.a"
  local size
  size=$(stat -c %s "$prefix/lib/libsicudt.a")
  [ "$size" -gt 10000000 ] || { log "ICU data archive is only $size bytes: no data"; return 1; }
}

icu_names() {
  # CMake's FindICU looks for MinGW's static ICU under the Unix names (the "s"
  # prefix only with MSVC), and its targets do not bring the data archive
  # along. libicuuc.a and libicuin.a are GNU ld scripts that link the static
  # libraries in a group with the data (and libicudt.a names the data).
  local lib=$prefix/lib
  echo "GROUP ( $lib/libsicuuc.a $lib/libsicudt.a )" >"$lib/libicuuc.a"
  echo "GROUP ( $lib/libsicuin.a $lib/libsicuuc.a $lib/libsicudt.a )" >"$lib/libicuin.a"
  echo "GROUP ( $lib/libsicudt.a )" >"$lib/libicudt.a"
}

build_xerces() {
  local src
  src=$(unpack "$src_xerces")
  # Networking off (no winsock net accessor: no file is ever fetched, as on
  # Linux), Windows' own transcoder instead of ICU, messages compiled in.
  # Only the library is built (the tests and samples include <Windows.h>, which
  # MinGW spells windows.h); the headers and CMake package are installed as
  # the component "development", the archive by hand (its component, "runtime",
  # holds the samples too). Debian's source has no prebuilt HTML documentation,
  # which "development" copies: an empty folder stands in for it.
  mkdir -p "$src/doc/html"
  local target=xerces-c component=development
  cmake_cross "$src" "$work/xerces-build" -Dnetwork=OFF -Dtranscoder=windows \
    -Dmessage-loader=inmemory -Dxmlch-type=char16_t
  install -m 644 "$work/xerces-build/src/libxerces-c.a" "$prefix/lib/"
}

build_yaml_cpp() {
  local src
  src=$(unpack "$src_yaml")
  cmake_cross "$src" "$work/yaml-cpp-build" -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF \
    -DYAML_CPP_BUILD_CONTRIB=OFF -DYAML_BUILD_SHARED_LIBS=OFF
}

build_boost_program_options() {
  # Debian's Boost headers as they are; only Program_options' sources are
  # taken from the source package, and compiled into one archive.
  local name=${src_boost%%=*} version=${src_boost#*=}
  local upstream=${version#*:}
  upstream=${upstream%-*}
  ls "$work/src/${name}_${upstream}".orig.tar.* >/dev/null 2>&1 || fetch_source "$src_boost"
  local tarball
  tarball=$(ls "$work/src/${name}_${upstream}".orig.tar.* | head -n1)
  local dir=$work/boost-po
  rm -rf "$dir"
  mkdir -p "$dir/obj"
  tar -xf "$tarball" -C "$dir" --wildcards '*/libs/program_options/src/*'
  mkdir -p "$prefix/include" "$prefix/lib"
  [ -e "$prefix/include/boost" ] || ln -s /usr/include/boost "$prefix/include/boost"
  local file pids=()
  for file in "$dir"/*/libs/program_options/src/*.cpp; do
    $host-g++-posix -O2 -std=c++17 -DNDEBUG -DBOOST_PROGRAM_OPTIONS_STATIC_LINK -I"$prefix/include" \
      -c "$file" -o "$dir/obj/$(basename "$file" .cpp).o" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  rm -f "$prefix/lib/libboost_program_options.a"
  $host-gcc-ar-posix rcs "$prefix/lib/libboost_program_options.a" "$dir"/obj/*.o
}

build_nettle() {
  # Only its hash functions are used (model/package/sha256.cpp): no GMP
  # (public-key), and the portable C code rather than assembly (no m4 needed).
  # Debian's patches leave configure.ac newer than config.h.in: autoconf and
  # autoheader are not needed (nor installed), so make must not run them.
  local src
  src=$(unpack "$src_nettle")
  (cd "$src" && ./configure --host=$host --prefix="$prefix" --disable-shared --enable-static \
    --disable-documentation --disable-public-key --disable-openssl --disable-assembler \
    CC=$host-gcc-posix >configure.log 2>&1 \
    && make -j"$jobs" AUTOCONF=: AUTOHEADER=: >make.log 2>&1 \
    && make install AUTOCONF=: AUTOHEADER=: >install.log 2>&1) \
    || { tail -n 40 "$src"/*.log >&2; return 1; }
}

build_googletest() {
  cmake_cross /usr/src/googletest "$work/googletest-build" -DBUILD_GMOCK=ON -DINSTALL_GTEST=ON
}

copy_headers() {
  mkdir -p "$prefix/include" "$prefix/share/cmake"
  rm -rf "$prefix/include/nlohmann" "$prefix/include/xsd" "$prefix/share/cmake/nlohmann_json"
  cp -r /usr/include/nlohmann "$prefix/include/"
  cp -r /usr/share/cmake/nlohmann_json "$prefix/share/cmake/"
  cp -r /usr/include/xsd "$prefix/include/"
}

step icu build_icu
step icu-names icu_names
step xerces-c build_xerces
step yaml-cpp build_yaml_cpp
step boost-program-options build_boost_program_options
step nettle build_nettle
step googletest build_googletest
step headers copy_headers

for file in libxerces-c.a libicuuc.a libicuin.a libsicuuc.a libsicuin.a libsicudt.a libyaml-cpp.a libboost_program_options.a \
  libnettle.a libgtest.a libgmock.a; do
  [ -f "$prefix/lib/$file" ] || { log "missing after the build: $prefix/lib/$file"; exit 1; }
done
touch "$prefix/.complete"
rm -rf "$work"
log "dependencies for $host in $prefix:"
sed 's/^/  /' "$prefix/build-times.txt" >&2
echo "$prefix"
