#!/bin/sh
# Every command reads a journal the same way: for each journal of a corpus
# (a quarter of the fuzz corpus, the test journals, the example journal and journals made
# here with a fixed seed, valid and invalid lines mixed), `check`'s count of
# errors and warnings must be what `report`, `triage` and `advise` list in
# their JSON "warnings", and `--strict` must fail exactly when `check` does.
# Prints one line per disagreement and a summary; exit 1 if any.
#
# Usage: consistency.sh SOURCE_DIR   (twitchlog and jq on PATH; run in an empty folder)
set -u
src=${1:?usage: consistency.sh SOURCE_DIR}
umask 077
export TZ=CET-1CEST,M3.5.0,M10.5.0/3
now="--as-of 2026-11-24T12:00:00+01:00"

# Journals made here: every kind, good and bad values, retracts, approx.
awk -v seed=7 'BEGIN {
  srand(seed)
  split("twitch checkin remedy triage note visit retract sneeze", kinds, " ")
  for (f = 0; f < 12; f++) {
    file = sprintf("gen-%02d.journal", f)
    print "# twitchlog journal v1" > file
    for (i = 0; i < 60; i++) {
      d = 1 + int(rand() * 28); h = int(rand() * 24)
      ts = sprintf("2026-11-%02dT%02d:%02d:00+01:00", d, h, int(rand() * 60))
      k = kinds[1 + int(rand() * 8)]
      r = rand()
      if (k == "twitch") {
        sev = (r < 0.1) ? 7 : 1 + int(rand() * 5)
        tag = (rand() < 0.1) ? "Coffee" : "coffee"
        where = (rand() < 0.1) ? "knee" : "eyelid"
        line = ts " twitch severity=" sev " tags=" tag ",exam where=" where
        if (rand() < 0.1) line = line " approx=day"
        if (rand() < 0.05) line = line " approx=week"
      } else if (k == "checkin") {
        c = (r < 0.1) ? 40 : int(rand() * 6)
        line = ts " checkin caffeine=" c " sleep=" ((rand() < 0.05) ? "6,5" : "6.5") " mood=3"
      } else if (k == "remedy") {
        line = ts " remedy id=" ((r < 0.2) ? "b12" : "magnesium") " dose=400mg"
      } else if (k == "triage") {
        line = ts " triage level=doctor yes=spreading no=chewing" ((r < 0.1) ? " unsure=Bad" : "")
      } else if (k == "note") {
        line = (r < 0.1) ? ts " note" : ts " note text=\"a note\""
      } else if (k == "visit") {
        line = ts " visit note=\"GP\""
      } else if (k == "retract") {
        line = ts " retract of=" sprintf("2026-11-%02dT%02d:00:00+01:00", d, h) " kind=twitch"
      } else {
        line = ts " sneeze loud=yes"
      }
      if (rand() < 0.03) line = substr(line, 1, 15)
      print line > file
    }
    close(file)
  }
}'

bad=0
total=0
# Every 4th file of the fuzz corpus (sorted), so that the sanitizer build stays quick.
sample=$(ls "$src"/tests/fuzz/corpus/journal/* | awk 'NR % 4 == 1')
for j in $sample "$src"/tests/data/*.journal "$src"/data/example.journal gen-*.journal; do
  [ -f "$j" ] || continue
  total=$((total + 1))
  name=${j##*/}
  out=$(twitchlog $now --journal "$j" check 2>/dev/null)
  check_status=$?
  summary=$(printf '%s\n' "$out" | tail -n 1)
  errors=$(printf '%s\n' "$summary" | sed -n 's/.* \([0-9][0-9]*\) errors\{0,1\}, .*/\1/p')
  warnings=$(printf '%s\n' "$summary" | sed -n 's/.* \([0-9][0-9]*\) warnings\{0,1\}$/\1/p')
  case $summary in *": ok") errors=0 warnings=0 ;; esac
  if [ -z "$errors" ] || [ -z "$warnings" ]; then
    # check refuses the file as a whole (not a journal it can read): so must the others.
    for cmd in "report --format json" "triage --format json --no-ask" "advise --format json"; do
      twitchlog $now --journal "$j" $cmd >/dev/null 2>&1
      s=$?
      [ "$s" -eq "$check_status" ] || { echo "$name: check exits $check_status, $cmd exits $s"; bad=$((bad + 1)); }
    done
    continue
  fi
  for cmd in "report --format json" "triage --format json --no-ask" "advise --format json"; do
    json=$(twitchlog $now --journal "$j" $cmd 2>/dev/null)
    s=$?
    if [ "$s" -ne 0 ]; then
      echo "$name: $cmd exits $s"
      bad=$((bad + 1))
      continue
    fi
    e=$(printf '%s' "$json" | jq '[.warnings[] | select(.severity == "error")] | length')
    w=$(printf '%s' "$json" | jq '[.warnings[] | select(.severity == "warning")] | length')
    t=$(printf '%s' "$json" | jq '.warnings_total')
    if [ "$e" != "$errors" ] || [ "$w" != "$warnings" ] || [ "$t" != $((errors + warnings)) ]; then
      echo "$name: check finds $errors errors, $warnings warnings; $cmd lists $e, $w (total $t)"
      bad=$((bad + 1))
    fi
    twitchlog $now --journal "$j" $cmd --strict >/dev/null 2>&1
    strict=$?
    want=0
    [ "$errors" -gt 0 ] && want=1
    if [ "$strict" -ne "$want" ] || [ "$check_status" -ne "$want" ]; then
      echo "$name: check exits $check_status with $errors errors; $cmd --strict exits $strict (want $want)"
      bad=$((bad + 1))
    fi
  done
done
echo "$total journals, $bad disagreements"
[ "$bad" -eq 0 ]
