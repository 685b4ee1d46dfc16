#!/usr/bin/env bash
# bash completion.bash PROGRAM COMPLETION_SCRIPT SOURCE_DIR
# The bash completion as a shell uses it: bash-completion loaded, our script
# sourced, _unattend called with COMP_WORDS set as readline would set them.
set -u
program=$1
source /usr/share/bash-completion/bash_completion
source "$2"
cd "$3"
failures=0

# expect "LINE" WORD...: completing at the end of LINE offers every WORD.
# refuse "LINE" WORD...: ... and none of these.
complete_line() {
  local line=$1
  COMP_LINE="$program ${line}"
  COMP_POINT=${#COMP_LINE}
  read -ra COMP_WORDS <<<"$COMP_LINE"
  [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _unattend
}
expect() {
  local line=$1 word
  shift
  complete_line "$line"
  for word in "$@"; do
    if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$word"; then
      echo "FAIL: 'unattend $line<TAB>' does not offer '$word'; got: ${COMPREPLY[*]:0:20}"
      failures=$((failures + 1))
    fi
  done
}
refuse() {
  local line=$1 word
  shift
  complete_line "$line"
  for word in "$@"; do
    if printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$word"; then
      echo "FAIL: 'unattend $line<TAB>' offers '$word'"
      failures=$((failures + 1))
    fi
  done
}

expect "ch" check
refuse "ch" generate
expect "" check fmt generate init package password schema help
expect "--v" --version
expect "help gen" generate
expect "check --f" --format
refuse "check --f" --strict --input
expect "check --" --format --strict --disable --config --no-config --jobs --help
expect "check --format " text json sarif github gitlab
expect "check --format g" github gitlab
expect "check --format=s" --format=sarif
expect "check --disable UA300" UA3003 UA3006
expect "check --disable wrong-p" wrong-pass
expect "check --disable UA3003 --str" --strict
expect "generate --firmware " uefi bios
expect "generate --architecture a" amd64 arm64
expect "password " encode decode
expect "password encode --element A" AdministratorPassword
expect "schema " export show
expect "schema show Microsoft-Windows-Shell-Setup/Comp" Microsoft-Windows-Shell-Setup/ComputerName
expect "schema show Microsoft-Windows-International-C" Microsoft-Windows-International-Core
# File names where a command takes files, after options that take them too.
expect "check tests/data/wrong-p" tests/data/wrong-pass.xml
expect "check --config tests/data/w" tests/data/warnings-only.xml tests/data/wrong-pass.xml
expect "package examples/lima-like.xml -o examples/lima-l" examples/lima-like.xml

if [ "$failures" -ne 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "all completions offered"
