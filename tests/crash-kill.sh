#!/bin/sh
# Crash safety: starts `twitchlog log` writers four at a time, SIGKILLs some
# of them at random moments, ROUNDS times, then checks that every entry whose
# `log` exited 0 is in the journal, once, and that the journal holds nothing
# but whole lines (at most a torn last line, which the next append ends).
# Prints a summary; exit 1 on any loss.
#
# crash-kill.sh --edit [JOURNAL]: `twitchlog edit` SIGKILLed before each of
# the system calls it makes to apply the edit, once the editor is done
# (strace injects the signal; the editor, a child, is not traced), in turn
# from the first to the last: each time the journal must be exactly the old
# content or the new one, and a JOURNAL~ the old one.
set -eu
if [ "${1:-}" = "--edit" ]; then
  journal=${2:-crash-edit.txt}
  rm -f "$journal" "$journal~"
  for s in 1 2 3 4 5; do twitchlog --journal "$journal" --as-of 2026-11-24T10:00:00+01:00 log -q --at "2026-11-24T09:0$s:00+01:00" -s2; done
  cp "$journal" crash-old.txt
  export EDITOR='sed -i s/severity=2/severity=4/'
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"  # LeakSanitizer cannot run under ptrace
  calls='openat,?open,read,?pread64,write,fsync,fdatasync,close,flock,fchmod,fchown,?rename,renameat,?renameat2'
  calls="$calls,unlink,?unlinkat,?rmdir,mkdir,chmod,fstat,?newfstatat,lstat,?stat"
  strace -o crash-trace.txt -e trace="$calls,wait4" twitchlog --journal "$journal" edit > /dev/null
  cp "$journal" crash-new.txt
  # strace counts the calls of each system call apart: for each one made after the editor was waited for,
  # CALL:FIRST:LAST, the numbers of its calls from then on.
  ranges=$(awk -F'(' '/^[a-z0-9_]+\(/ { n[$1]++; if (after && !($1 in first)) first[$1] = n[$1] }
    /^wait4\(/ { after = 1 }
    END { for (c in first) if (c != "wait4") print c ":" first[c] ":" n[c] }' crash-trace.txt)
  [ -n "$ranges" ] || { echo "no system call after the editor in crash-trace.txt"; exit 1; }
  old=0 new=0 other=0 steps=0
  for range in $ranges; do
    call=${range%%:*} k=${range#*:} && k=${k%:*}
    while [ "$k" -le "${range##*:}" ]; do
      cp crash-old.txt "$journal" && rm -f "$journal~"
      status=0
      strace -o /dev/null -e trace="$calls" -e inject="$call":signal=KILL:when="$k" \
        twitchlog --journal "$journal" edit > /dev/null 2>&1 || status=$?
      [ "$status" -eq 137 ] || { other=$((other + 1)) && echo "call $k of $call: not killed (exit $status)"; }
      if cmp -s "$journal" crash-old.txt; then old=$((old + 1))
      elif cmp -s "$journal" crash-new.txt; then new=$((new + 1))
      else other=$((other + 1)) && echo "killed before call $k of $call: the journal is neither the old nor the new content"
      fi
      if [ -e "$journal~" ] && ! cmp -s "$journal~" crash-old.txt; then
        other=$((other + 1)) && echo "killed before call $k of $call: $journal~ is not the old content"
      fi
      rm -rf .twitchlog-edit-* ".$(basename "$journal")".*twitchlog-* ".$(basename "$journal")~".*twitchlog-*
      k=$((k + 1)) steps=$((steps + 1))
    done
  done
  echo "edit killed at $steps steps: $old left the old journal, $new the new one, $other anything else"
  [ "$other" -eq 0 ] && [ "$old" -gt 0 ] && [ "$new" -gt 0 ]
  exit
fi
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
