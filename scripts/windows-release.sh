#!/usr/bin/env bash
# scripts/windows-release.sh BUILD_DIR
#
# Makes the Windows release artifact from a finished Windows build
# (./build.sh windows):
#
#   BUILD_DIR/release/unattend-VERSION-windows-x86_64.zip
#     unattend.exe      static: it needs only Windows' own DLLs
#     README.txt        what it is, how to run it, what differs from Linux, where the source is
#     man/*.txt         the man pages, rendered as text (groff)
#     docs/rules/*.md   one page per rule code, as the diagnostics name them
#     licenses/         unattend's licence, and the Debian copyright file of
#                       every library linked into the exe, with the licence
#                       texts they refer to
#   BUILD_DIR/release/unattend.json   a Scoop manifest for that zip, when
#                     UNATTEND_RELEASE_URL says where it is published (docs/windows.md)
#
# Nothing is written outside BUILD_DIR/release, which is made afresh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: scripts/windows-release.sh BUILD_DIR}" && pwd)
exe=$build/cli/unattend.exe
[ -f "$exe" ] || { echo "windows-release: $exe not found: run ./build.sh windows first" >&2; exit 2; }

version=$(sed -n 's/^project(unattend VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
name=unattend-$version-windows-x86_64
out=$build/release
stage=$out/$name
rm -rf "$out"
# On any failure nothing is left: no half-made zip, no staging folder.
trap 'status=$?; [ $status -eq 0 ] || rm -rf "$out"; exit $status' EXIT
mkdir -p "$stage/man" "$stage/docs/rules" "$stage/licenses"

# The exe without its symbol table (a third of the size; nothing at run time uses it).
x86_64-w64-mingw32-strip -o "$stage/unattend.exe" "$exe"

# Man pages: written by the Windows program itself in the build (cli/CMakeLists.txt),
# rendered to plain text here; Windows has no man.
for page in "$build"/cli/man/*.[0-9]; do
  groff -man -Tutf8 -P-c -P-b -P-u -P-o "$page" >"$stage/man/$(basename "$page").txt" 2>/dev/null
done
cp "$here"/docs/rules/*.md "$stage/docs/rules/"

# Licences. The libraries were built from Debian's source packages of the same
# versions as the installed -dev packages (scripts/windows-deps.sh), whose
# copyright files are those of the source packages.
cp "$here/LICENSE" "$stage/licenses/unattend-LICENSE.txt"
cp "$here/NOTICE" "$stage/licenses/unattend-NOTICE.txt"
linked=(
  libxerces-c-dev:"Xerces-C++ (XML parser and validator)"
  libicu-dev:"ICU (Unicode, time zones, locales)"
  libboost-program-options1.74-dev:"Boost.Program_options (command line)"
  libyaml-cpp-dev:"yaml-cpp (specs, configuration)"
  nettle-dev:"Nettle (hash functions)"
  xsdcxx:"CodeSynthesis XSD runtime headers (C++/Tree bindings)"
  mingw-w64-common:"MinGW-w64 runtime and winpthreads"
  gcc-mingw-w64-base:"GCC runtime libraries (libstdc++, libgcc; GCC Runtime Library Exception)"
)
{
  echo "Libraries linked into unattend.exe, each with the Debian copyright file of its source"
  echo "package (PACKAGE.copyright here). Licence texts those files refer to by name are in"
  echo "common-licenses/."
  echo
  for entry in "${linked[@]}"; do
    package=${entry%%:*}
    source=$(dpkg-query -W -f='${source:Package} ${source:Version}' "$package")
    echo "  ${entry#*:}: Debian source package $source"
    cp "/usr/share/doc/$package/copyright" "$stage/licenses/$package.copyright"
    [ -f "/usr/share/doc/$package/NOTICE" ] && cp "/usr/share/doc/$package/NOTICE" "$stage/licenses/$package.NOTICE"
  done
} >"$stage/licenses/README.txt"
mkdir -p "$stage/licenses/common-licenses"
for licence in $(grep -ho '/usr/share/common-licenses/[A-Za-z0-9.+-]*' "$stage"/licenses/*.copyright | sort -u); do
  licence=${licence%.}
  [ -f "$licence" ] && cp "$licence" "$stage/licenses/common-licenses/"
done

commit=$(git -C "$here" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
sed -e "s/@VERSION@/$version/g" -e "s/@COMMIT@/$commit/g" "$here/packaging/windows/README.txt.in" |
  sed 's/$/\r/' >"$stage/README.txt"  # Notepad before Windows 10 1809 shows LF-only files on one line

# Fixed timestamps and order, so that the same build gives the same zip. A zip
# records local DOS times from 1980 on: the default is 1980-01-02, so that no
# time zone takes it before that.
stamp=$(date -u -d @"${SOURCE_DATE_EPOCH:-315619200}" '+%Y-%m-%d %H:%M:%S UTC')
find "$stage" -exec touch -h -d "$stamp" {} +
(cd "$out" && find "$name" -type f -print | LC_ALL=C sort >files.txt)
(cd "$out" && TZ=UTC cmake -E tar cf "$name.zip" --format=zip --mtime="$stamp" --files-from=files.txt)
rm "$out/files.txt"

# A Scoop manifest needs the address the zip is published at (its url and
# homepage): UNATTEND_RELEASE_URL, the folder of the release downloads.
if [ -n "${UNATTEND_RELEASE_URL:-}" ]; then
  hash=$(sha256sum "$out/$name.zip" | cut -d' ' -f1)
  sed -e "s/@VERSION@/$version/g" -e "s/@HASH@/$hash/g" -e "s/@NAME@/$name/g" -e "s|@URL@|${UNATTEND_RELEASE_URL%/}|g" \
    "$here/packaging/windows/scoop.json.in" >"$out/unattend.json"
  python3 -m json.tool "$out/unattend.json" >/dev/null
else
  echo "windows-release: no Scoop manifest (set UNATTEND_RELEASE_URL to where the zip is published)" >&2
fi
echo "$out/$name.zip"
