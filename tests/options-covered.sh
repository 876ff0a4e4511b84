#!/bin/sh
# Every option that `twitchlog --help` and `twitchlog SUBCOMMAND --help` list
# must be completed by the bash, zsh and fish scripts of `twitchlog
# completion` and named in the man page MAN. Prints each miss; exit 1 if any.
set -eu
man=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for shell in bash zsh fish; do twitchlog completion $shell > "$dir/$shell"; done
subs=$(twitchlog --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$subs" ] || { echo "no subcommands found in twitchlog --help"; exit 1; }
status=0
miss() { echo "missing: $*"; status=1; }
for sub in "" $subs; do
  # The option column of the help: "  -s,--severity N  ..." or "  --plan  ...".
  opts=$(twitchlog $sub --help | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n')
  [ -n "$opts" ] || miss "no options in twitchlog $sub --help"
  for opt in $opts; do
    where="${sub:-twitchlog}: $opt"
    grep -qE -- "(^|[ |\"(])$opt([ |)\"]|$)" "$dir/bash" || miss "$where in the bash completion"
    grep -qE -- "[{,'(]$opt[[,}' ]" "$dir/zsh" || miss "$where in the zsh completion"
    case $opt in
      --*) grep -qE -- " -l ${opt#--}( |$)" "$dir/fish" || miss "$where in the fish completion" ;;
      *) grep -qE -- " -s ${opt#-}( |$)" "$dir/fish" || miss "$where in the fish completion" ;;
    esac
    roff=$(printf '%s' "$opt" | sed 's/-/\\-/g')
    grep -qF -- "$roff" "$man" || miss "$where in $(basename "$man") (as $roff)"
  done
done
exit $status
