#!/usr/bin/env bash
# deb_package.sh BUILD_DIR WORK VERSION
# cpack -G DEB in the build tree, then the packages inspected with dpkg-deb:
# names, Depends computed from the program's shared libraries, and the files
# users get (program, man pages, completion, docs); the two -dev packages split
# between unattend::core (unattend-dev: Xerces-C and ICU only) and
# unattend::unattend (unattend-full-dev: yaml-cpp, libisofs, nettle), no file in
# both; then lintian, when it is installed, must find no error and no warning
# in any package.
set -euo pipefail
build=$1 work=$2 version=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >cpack.log 2>&1 || { cat cpack.log; exit 1; }
arch=$(dpkg --print-architecture)
deb=unattend_${version}_${arch}.deb
dev=unattend-dev_${version}_${arch}.deb
full=unattend-full-dev_${version}_${arch}.deb
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$deb" ] || fail "no $deb: $(ls)"
[ -f "$dev" ] || fail "no $dev: $(ls)"
[ -f "$full" ] || fail "no $full: $(ls)"

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

# unattend-dev: unattend::core alone, which needs Xerces-C and ICU only.
dev_depends=$(dpkg-deb -f "$dev" Depends)
for package in libxerces-c-dev libicu-dev xsdcxx; do
  grep -q "$package" <<<"$dev_depends" || fail "$dev: Depends lacks $package: $dev_depends"
done
grep -qE "yaml|isofs|nettle" <<<"$dev_depends" && fail "$dev depends on what only unattend::unattend needs: $dev_depends"
full_depends=$(dpkg-deb -f "$full" Depends)
for package in "unattend-dev (= $version)" libyaml-cpp-dev libisofs-dev nettle-dev; do
  grep -qF "$package" <<<"$full_depends" || fail "$full: Depends lacks $package: $full_depends"
done

dev_contents=$(dpkg-deb -c "$dev" | awk '{print $6}')
full_contents=$(dpkg-deb -c "$full" | awk '{print $6}')
# The library directory is lib/ or lib/<multiarch>/, as GNUInstallDirs chose at configure time.
for regex in '^./usr/include/unattend/check\.hpp$' '^./usr/include/unattend/spec\.hpp$' \
             '^./usr/include/unattend/names/shell_setup\.hpp$' '^./usr/lib/(.*/)?libunattend_core\.a$' \
             '^./usr/lib/(.*/)?libunattend_bindings\.a$' '^./usr/lib/(.*/)?pkgconfig/unattend-core\.pc$' \
             '^./usr/lib/(.*/)?cmake/unattend/unattendConfig\.cmake$' \
             '^./usr/lib/(.*/)?cmake/unattend/unattendCoreTargets\.cmake$'; do
  grep -qE "$regex" <<<"$dev_contents" || fail "$dev lacks $regex"
done
upper_files=('^./usr/include/unattend/config\.hpp$' '^./usr/include/unattend/package\.hpp$'
             '^./usr/include/unattend/spec_yaml\.hpp$' '^./usr/lib/(.*/)?libunattend\.a$'
             '^./usr/lib/(.*/)?pkgconfig/unattend\.pc$' '^./usr/lib/(.*/)?cmake/unattend/unattendTargets\.cmake$')
for regex in "${upper_files[@]}"; do
  grep -qE "$regex" <<<"$full_contents" || fail "$full lacks $regex"
  grep -qE "$regex" <<<"$dev_contents" && fail "$dev holds $regex, which belongs in $full"
done
# dpkg refuses to install two packages that hold the same file.
both=$(comm -12 <(grep -v '/$' <<<"$dev_contents" | sort) <(grep -v '/$' <<<"$full_contents" | sort))
[ -z "$both" ] || fail "in both $dev and $full: $both"
grep -q "^./usr/bin/" <<<"$dev_contents"$'\n'"$full_contents" && fail "a -dev package holds programs"
for package in unattend-dev unattend-full-dev; do
  [ "$package" = unattend-dev ] && listing=$dev_contents || listing=$full_contents
  for path in ./usr/share/doc/$package/copyright ./usr/share/doc/$package/changelog.gz \
              ./usr/share/lintian/overrides/$package; do
    grep -qxF "$path" <<<"$listing" || fail "$package lacks $path"
  done
done
grep -q '\.1$' <<<"$contents" && fail "an uncompressed man page in $deb"

# Debian's own judge: no error and no warning (informational tags and the
# documented overrides in packaging/debian/ aside).
if command -v lintian >/dev/null; then
  lintian --fail-on error,warning "$deb" "$dev" "$full" >lintian.log 2>&1 || { cat lintian.log; fail "lintian"; }
  sed 's/^/lintian: /' lintian.log
else
  echo "lintian is not installed: the packages were not judged by it"
fi

# The packaged program runs (from the extracted tree; installing needs root).
dpkg-deb -x "$deb" root
root/usr/bin/unattend --version | grep -q "^unattend $version" || fail "packaged program: $(root/usr/bin/unattend --version)"
rm -rf "$work"
echo "$deb, $dev and $full look right"
