# bash completion for unattend. The candidates come from the program itself
# (`unattend __complete WORDS...`), so they always match the installed version.
_unattend() {
  local cur prev words cword
  # -n =: keep --format=json one word; the program completes after the '='.
  _init_completion -n = || return
  local IFS=$'\n'
  local -a candidates
  candidates=($("${words[0]}" __complete "${words[@]:1:cword}" 2>/dev/null))
  if [[ ${candidates[0]-} == @files ]]; then
    _filedir
    return
  fi
  COMPREPLY=("${candidates[@]}")
}
complete -F _unattend unattend
