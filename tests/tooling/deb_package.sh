#!/usr/bin/env bash
# deb_package.sh BUILD_DIR WORK VERSION
# cpack -G DEB in the build tree, then the packages inspected with dpkg-deb:
# names, Depends computed from the program's shared libraries, and the files
# users get (program, man pages, completion, docs); then lintian, when it is
# installed, must find no error and no warning in either package.
set -euo pipefail
build=$1 work=$2 version=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >cpack.log 2>&1 || { cat cpack.log; exit 1; }
arch=$(dpkg --print-architecture)
deb=unattend_${version}_${arch}.deb
dev=unattend-dev_${version}_${arch}.deb
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$deb" ] || fail "no $deb: $(ls)"
[ -f "$dev" ] || fail "no $dev: $(ls)"

info=$(dpkg-deb -I "$deb")
grep -q "^ Package: unattend$" <<<"$info" || fail "package name: $info"
description=$(dpkg-deb -f "$deb" Description)
[ "$(head -1 <<<"$description")" = "check, format, generate and package Windows answer files" ] ||
  fail "synopsis: $description"
grep -q ";" <<<"$description" && fail "a CMake list in the description: $description"
depends=$(dpkg-deb -f "$deb" Depends)
libraries=(libboost-program-options1 libyaml-cpp0 libisofs6 libnettle8 libicu libstdc++6 libc6)
# The program carries the static Xerces-C unless built otherwise (cmake/XercesLink.cmake);
# then neither Xerces nor the libcurl of its network accessor may be required.
if ldd "$build/cli/unattend" | grep -q libxerces-c; then
  libraries+=(libxerces-c3.2)
else
  grep -qE "libxerces-c|libcurl" <<<"$depends" && fail "Depends names a library the program does not load: $depends"
fi
for library in "${libraries[@]}"; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/unattend ./usr/share/man/man1/unattend.1.gz ./usr/share/man/man1/unattend-check.1.gz \
            ./usr/share/man/man1/unattend-generate.1.gz ./usr/share/man/man7/unattend-rules.7.gz \
            ./usr/share/bash-completion/completions/unattend \
            ./usr/share/zsh/vendor-completions/_unattend ./usr/share/doc/unattend/README.md \
            ./usr/share/doc/unattend/CHANGELOG.md ./usr/share/doc/unattend/docs/config.md \
            ./usr/share/doc/unattend/copyright ./usr/share/doc/unattend/changelog.gz; do
  grep -qxF "$path" <<<"$contents" || fail "$deb lacks $path"
done
grep -q "^./usr/include/" <<<"$contents" && fail "$deb holds headers; they belong in $dev"

dev_contents=$(dpkg-deb -c "$dev" | awk '{print $6}')
# The library directory is lib/ or lib/<multiarch>/, as GNUInstallDirs chose at configure time.
for regex in '^./usr/include/unattend/check\.hpp$' '^./usr/include/unattend/config\.hpp$' \
             '^./usr/lib/(.*/)?libunattend\.a$' '^./usr/lib/(.*/)?pkgconfig/unattend\.pc$' \
             '^./usr/lib/(.*/)?cmake/unattend/unattendConfig\.cmake$'; do
  grep -qE "$regex" <<<"$dev_contents" || fail "$dev lacks $regex"
done
grep -q "^./usr/bin/" <<<"$dev_contents" && fail "$dev holds programs"
for path in ./usr/share/doc/unattend-dev/copyright ./usr/share/doc/unattend-dev/changelog.gz; do
  grep -qxF "$path" <<<"$dev_contents" || fail "$dev lacks $path"
done
grep -q '\.1$' <<<"$contents" && fail "an uncompressed man page in $deb"

# Debian's own judge: no error and no warning (informational tags and the
# documented overrides in packaging/debian/ aside).
if command -v lintian >/dev/null; then
  lintian --fail-on error,warning "$deb" "$dev" >lintian.log 2>&1 || { cat lintian.log; fail "lintian"; }
  sed 's/^/lintian: /' lintian.log
else
  echo "lintian is not installed: the packages were not judged by it"
fi

# The packaged program runs (from the extracted tree; installing needs root).
dpkg-deb -x "$deb" root
root/usr/bin/unattend --version | grep -q "^unattend $version" || fail "packaged program: $(root/usr/bin/unattend --version)"
rm -rf "$work"
echo "$deb and $dev look right"
