#!/usr/bin/env bash
# vscode_vsix.sh SOURCE_DIR WORK
# Builds the VS Code extension (editors/vscode/) into a .vsix with @vscode/vsce,
# as its README says, from the locked npm dependencies, and checks what the
# package holds. Skipped (77) without npm; npm needs the npm registry.
set -euo pipefail
source=$1 work=$2
command -v npm >/dev/null || { echo "SKIP: npm is not installed"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cp -r "$source/editors/vscode" "$work/vscode"
cp "$source/LICENSE" "$work/vscode/LICENSE"  # the project's licence goes into the package
cd "$work/vscode"
npm ci --no-audit --no-fund >"$work/npm.log" 2>&1 || { cat "$work/npm.log"; exit 1; }
node --check extension.js
npx vsce package --out unattend.vsix >"$work/vsce.log" 2>&1 || { cat "$work/vsce.log"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }
files=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' unattend.vsix)
echo "unattend.vsix holds $(wc -l <<<"$files") files; outside node_modules:"
grep -v '/node_modules/' <<<"$files" | sed 's/^/  /'
for path in extension/package.json extension/extension.js extension/readme.md extension/LICENSE.txt \
            extension/node_modules/vscode-languageclient/package.json extension.vsixmanifest; do
  grep -qxF "$path" <<<"$files" || fail "unattend.vsix lacks $path"
done
grep -q '/node_modules/@vscode/vsce/' <<<"$files" && fail "the packaging tool is in the package"
grep -qE '\.log$|/\.gitignore$' <<<"$files" && fail "build files in the package"
manifest=$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("extension/package.json").decode())' unattend.vsix)
grep -q '"main": "./extension.js"' <<<"$manifest" || fail "package.json main: $manifest"
echo "unattend.vsix looks right"
