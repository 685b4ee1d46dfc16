#!/usr/bin/env bash
# pre_commit.sh BIN_DIR SOURCE_DIR DATA_DIR EXAMPLES_DIR WORK
# The hook in .pre-commit-hooks.yaml through the real pre-commit: in a scratch git
# repository, `pre-commit try-repo` with this source tree (uncommitted changes
# included) must fail a bad answer file and pass a good one, and leave other
# XML files alone.
set -euo pipefail
bin=$1 source=$2 data=$3 examples=$4 work=$5
rm -rf "$work"
mkdir -p "$work/repo/win11" "$work/home"
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$work/home" HOME="$work/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
cd "$work/repo"
git init -q .
git config --global --add safe.directory '*'
cp "$examples/lima-like.xml" win11/Autounattend.xml
cp "$data/wrong-pass.xml" other.xml  # not an answer-file name: the hook must not look at it
git add -A

run() {  # run EXPECTED_EXIT REGEX: pre-commit try-repo on all files
  local expected=$1 regex=$2 code=0 out
  out=$(pre-commit try-repo "$source" unattend-check --all-files 2>&1) || code=$?
  if [ "$code" -ne "$expected" ] || ! grep -qE -- "$regex" <<<"$out"; then
    echo "FAIL: expected exit $expected and /$regex/, got exit $code:"
    echo "$out"
    exit 1
  fi
}

run 0 "unattend check\.+Passed"
cp "$data/wrong-pass.xml" unattend.xml
git add unattend.xml
run 1 "unattend check\.+Failed"
run 1 "unattend\.xml:7:[0-9]+: error: .*\[UA3003\]"
# The repository's own .unattend.yaml applies to the hook too.
printf 'disable: [wrong-pass]\n' >.unattend.yaml
git add .unattend.yaml
run 0 "unattend check\.+Passed"
rm -rf "$work"
echo "pre-commit hook fails the bad file and passes the good one"
