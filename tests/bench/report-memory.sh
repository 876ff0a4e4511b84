#!/bin/sh
# Peak memory of `twitchlog report --format json` on hostile journals (issue 14,
# item 8): many malformed lines, and many distinct tags and remedy ids. Writes
# the inputs, runs the report once on each, and prints the figures. A benchmark,
# not a test: it never fails on a slow machine; the target is under 64 MiB.
#
#   tests/bench/report-memory.sh BUILD_DIR [GARBAGE_LINES] [TWITCH_LINES] [REMEDY_LINES]
#
# Defaults: 2,000,000 lines of "garbage line N" (the issue used 20,000,000),
# 1,000,000 twitch lines with a distinct tag each and 500,000 distinct remedy ids.
# Needs GNU time (/usr/bin/time -v) and awk.
set -eu
build=${1:?usage: report-memory.sh BUILD_DIR [GARBAGE_LINES] [TWITCH_LINES] [REMEDY_LINES]}
garbage=${2:-2000000}
twitches=${3:-1000000}
remedies=${4:-500000}
bin=$build/twitchlog
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v n="$garbage" 'BEGIN { for (i = 1; i <= n; i++) print "garbage line " i }' > "$work/garbage.journal"
# Over 10 days ending 2026-11-24, so every line is in the default range.
awk -v t="$twitches" -v r="$remedies" 'BEGIN {
  print "# twitchlog journal v1"
  for (i = 0; i < t; i++) printf "2026-11-%02dT%02d:%02d:%02d+01:00 twitch severity=2 tags=t%d\n", 15 + i % 10, (i / 3600) % 24, (i / 60) % 60, i % 60, i
  for (i = 0; i < r; i++) printf "2026-11-%02dT%02d:%02d:%02d+01:00 remedy id=own-%d\n", 15 + i % 10, (i / 3600) % 24, (i / 60) % 60, i % 60, i
}' > "$work/ids.journal"

measure() {
  name=$1
  shift
  bytes=$(wc -c < "$work/$name.journal")
  lines=$(wc -l < "$work/$name.journal")
  /usr/bin/time -v "$bin" --journal "$work/$name.journal" --as-of 2026-11-24T23:00:00+01:00 "$@" \
    > "$work/out" 2> "$work/time" || true
  kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time")
  printf '%-8s %10d lines %6d MB  %-32s peak %6.1f MiB  %s wall  %d bytes out\n' "$name" "$lines" \
    $((bytes / 1000000)) "$*" "$(echo "$kib" | awk '{ print $1 / 1024 }')" "$wall" "$(wc -c < "$work/out")"
}

measure garbage report --format json
measure garbage report
measure ids report --format json
measure ids report
measure ids report --format markdown
