#!/bin/bash
# Runs the README's examples as written, in order, as a new user would type
# them: in a scratch HOME (so no real journal or rule file is touched) and
# a scratch folder that has data/example.journal, as the top of a checkout.
#
# What runs is marked in README.md by an HTML comment just before a fenced block:
#   <!-- readme-test: TEXT -->   runs the block (its `$ ` lines when it has
#                                any, else every line) with bash -e -o pipefail;
#                                it must exit 0 and print a line holding TEXT
#   <!-- readme-file: PATH -->   writes the block to PATH (~ is the scratch HOME)
# Exported variables carry from one block to the next, as in one terminal.
#
# Usage: readme-examples.sh SOURCE_DIR BIN_DIR
set -u
src=$1
bin=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/tmp" "$work/cwd/data"
cp "$src/data/example.journal" "$work/cwd/data/"
unset TWITCHLOG_JOURNAL TWITCHLOG_RULES XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR
export HOME="$work/home" TMPDIR="$work/tmp" PATH="$bin:$PATH" TZ="CET-1CEST,M3.5.0,M10.5.0/3" LC_ALL=C.UTF-8
: > "$work/env"

failures=0
blocks=0
mark=""
pending=0
kind=""
in_block=0
body=""
number=0
report() {
  echo "README.md:$1: $2"
  failures=$((failures + 1))
}
run_block() {  # LINE EXPECTED BODY
  local line=$1 expected=$2 text=$3 script commands
  blocks=$((blocks + 1))
  if grep -q '^\$ ' <<< "$text"; then
    commands=$(sed -n 's/^\$ //p' <<< "$text")
  else
    commands=$text
  fi
  script="$work/block.sh"
  {
    echo 'set -e -o pipefail'
    echo ". $work/env"
    echo "$commands"
    echo "export -p | grep -v '^declare -[a-zA-Z]*r' > $work/env"
  } > "$script"
  (cd "$work/cwd" && bash "$script") > "$work/out" 2>&1
  local status=$?
  if [ "$status" -ne 0 ]; then
    report "$line" "the example exited with status $status:"
    sed 's/^/    /' "$work/out"
  elif [ -n "$expected" ] && ! grep -qF -- "$expected" "$work/out"; then
    report "$line" "the example did not print a line with \"$expected\"; it printed:"
    sed 's/^/    /' "$work/out"
  fi
}
while IFS= read -r line || [ -n "$line" ]; do
  number=$((number + 1))
  if [ "$in_block" = 1 ]; then
    if [[ "$line" == '```'* ]]; then
      in_block=0
      if [ "$kind" = test ]; then
        run_block "$start" "$mark" "$body"
      else
        target=${mark/#\~/$HOME}
        mkdir -p "$(dirname "$target")" && printf '%s' "$body" > "$target"
      fi
    else
      body+="$line"$'\n'
    fi
  elif [[ "$line" =~ ^'<!-- readme-'(test|file)':'(.*)' -->'$ ]]; then
    kind=${BASH_REMATCH[1]}
    mark=${BASH_REMATCH[2]# }
    [ "$kind" = test ] || [ -n "$mark" ] || report "$number" "readme-file needs a path"
    markline=$number
    pending=1
  elif [[ "$line" == '<!-- readme-'* ]]; then
    report "$number" "not a mark this test knows: <!-- readme-test: TEXT --> or <!-- readme-file: PATH -->"
  elif [ "$pending" = 1 ]; then
    pending=0
    if [[ "$line" == '```'* ]]; then
      in_block=1
      body=""
      start=$number
    else
      report "$markline" "a readme-$kind mark must come just before a fenced block"
    fi
  fi
done < "$src/README.md"
[ "$in_block" = 0 ] || report "$start" "the fenced block does not end"

if [ "$blocks" -lt 10 ]; then
  report 1 "only $blocks examples are marked <!-- readme-test: ... -->; the test expects the README's examples marked"
fi
echo "$blocks examples run, $failures failed"
[ "$failures" -eq 0 ]
