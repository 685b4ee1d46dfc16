#!/usr/bin/env zsh
# zsh completion.zsh PROGRAM COMPLETION_SCRIPT
# Our zsh function run with the words zsh would give it; compadd and _files,
# zsh's own builtins for completion widgets, are replaced by recorders.
program=$1
typeset -a offered
typeset files_asked=0
compadd() {
  while [[ $1 == -* && $1 != -- ]]; do shift; done
  [[ $1 == -- ]] && shift
  offered+=("$@")
}
_files() { files_asked=1 }
source $2  # defines _unattend and runs it once with no words: harmless
failures=0
expect() {  # expect "WORDS" CANDIDATE...
  local -a line
  line=(${(s: :)1})
  [[ $1 == *" " ]] && line+=("")
  words=("$program" "${line[@]}")
  CURRENT=${#words}
  offered=()
  files_asked=0
  _unattend
  shift
  for want in "$@"; do
    if [[ $want == @files ]]; then
      (( files_asked )) || { print "FAIL: '$words' does not complete files"; (( failures++ )); }
    elif (( ! ${offered[(Ie)$want]} )); then
      print "FAIL: '$words' does not offer '$want'; got: ${offered[1,20]}"
      (( failures++ ))
    fi
  done
}
expect "ch" check
expect "check --f" --format
expect "check --format " gitlab sarif
expect "check --disable UA300" UA3003
expect "schema show Microsoft-Windows-Shell-Setup/Comp" Microsoft-Windows-Shell-Setup/ComputerName
expect "check " @files
(( failures == 0 )) || { print "$failures failures"; exit 1 }
print "all completions offered"
