# Crashes, full disks, locks and privacy: the journal keeps every entry that `log` confirmed, and nothing else changes.

# SIGKILL at random moments, 4 writers at a time: no entry whose `log` exited 0 is lost, none is doubled.
$ sh $SRC/tests/crash-kill.sh 60 crash.txt 2>/dev/null
> rounds 60, writers 240, exited 0: [0-9]+, killed or failed: [0-9]+, lost: 0 (re)
$ twitchlog --journal crash.txt check | tail -n 1
> crash.txt: [0-9]+ lines, [0-9]+ entries: ok (re)

# A torn last line (a write cut by a crash): check names it, the next append ends it, nothing is lost.
$ cp crash.txt torn.txt && printf '2026-11-24T10:00:00+01:00 note text="half' >> torn.txt && n=$(grep -c '' torn.txt) && echo $n > lines.txt
$ twitchlog --journal torn.txt check 2>&1 | grep -c 'the last line has no newline'
> 1
$ twitchlog --journal torn.txt --as-of 2026-11-24T12:00:00+01:00 log -q --note after && tail -n 2 torn.txt
> 2026-11-24T10:00:00+01:00 note text="half
> 2026-11-24T12:00:00+01:00 note text=after
$ twitchlog --journal torn.txt check 2>&1 | grep -c 'unterminated quoted value'
> 1

# A full disk in the middle of an entry (the file size limit; SIGXFSZ is ignored): exit 1, the journal as it was.
$ twitchlog --journal full.txt --as-of 2026-11-24T12:00:00+01:00 log -q -s2 && cp full.txt before.txt
$ sh -c 'ulimit -f 1; exec twitchlog --journal full.txt --as-of 2026-11-24T12:00:00+01:00 log --note "$(printf %0600d 0)"'
! twitchlog: error: cannot write to journal full.txt: only 445 of 637 bytes were written (disk full or file too large); the journal is unchanged
? 1
$ cmp full.txt before.txt && echo unchanged
> unchanged
# A really full disk: a 16 KiB tmpfs, where the test may mount one (root with CAP_SYS_ADMIN).
$ mkdir tiny && if mount -t tmpfs -o size=16k,mode=0700 tmpfs tiny 2>/dev/null; then twitchlog --journal tiny/j.txt --as-of 2026-11-24T12:00:00+01:00 log -q -s1 && cp tiny/j.txt tiny-before.txt && head -c 10000 /dev/zero > tiny/filler; twitchlog --journal tiny/j.txt --as-of 2026-11-24T12:00:00+01:00 log --note "$(printf %08000d 0)" 2> tiny-err.txt; status=$?; grep -q 'disk full or file too large); the journal is unchanged' tiny-err.txt && cmp -s tiny/j.txt tiny-before.txt && echo "full disk: exit $status, journal unchanged"; umount tiny; else echo "skipped: no tmpfs can be mounted here"; fi
> (full disk: exit 1, journal unchanged|skipped: no tmpfs can be mounted here) (re)
$ twitchlog --journal /dev/full log -s1
! twitchlog: error: journal /dev/full is not a regular file: it is a character device
? 1

# A journal that cannot be written: a folder, a path through a file.
$ mkdir folder && twitchlog --journal folder log -s1
! twitchlog: error: cannot open journal folder for writing: Is a directory
? 1
$ twitchlog --journal full.txt/j.txt log -s1
! twitchlog: error: cannot open journal full.txt/j.txt for writing: Not a directory
? 1

# A lock held too long: the writer waits 10 s, then fails and writes nothing.
$ cp full.txt before.txt && (flock full.txt sleep 12 &) && sleep 0.5 && twitchlog --journal full.txt log -s1
! twitchlog: error: journal full.txt is locked by another process; gave up after 10.0 s (nothing was written)
? 1
$ cmp full.txt before.txt && echo unchanged
> unchanged

# Readers beside writers see whole lines only: check and report never meet a torn line.
$ for w in 1 2 3; do (for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do twitchlog --journal rw.txt log -q --note "writer $w entry $i"; done &) ; done; bad=0; for r in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do twitchlog --journal rw.txt check > /dev/null 2>&1 || [ ! -e rw.txt ] || bad=$((bad + 1)); twitchlog --journal rw.txt report --format json 2>/dev/null | jq -e '.warnings == []' > /dev/null || [ ! -e rw.txt ] || bad=$((bad + 1)); done; echo "readers that saw a broken line: $bad"
> readers that saw a broken line: 0

# Privacy: a new journal is 0600 in a 0700 folder, whatever the umask; an existing one is never widened,
# and one that others can read gets a warning that says how to fix it.
$ umask 000 && twitchlog --journal private/j.txt log -q -s1 && stat -c '%a %n' private private/j.txt
> 700 private
> 600 private/j.txt
$ chmod 640 private/j.txt && twitchlog --journal private/j.txt log -q -s2 && stat -c %a private/j.txt
! twitchlog: warning: journal private/j.txt can be read or written by others (mode 0640); make it private: chmod 600 private/j.txt
> 640
$ chmod 600 private/j.txt && twitchlog --journal private/j.txt check
> private/j.txt: 3 lines, 2 entries: ok
$ chmod 604 private/j.txt && twitchlog --journal private/j.txt check
! twitchlog: warning: journal private/j.txt can be read or written by others (mode 0604); make it private: chmod 600 private/j.txt
> private/j.txt: 3 lines, 2 entries: ok
$ twitchlog --journal private/j.txt report --format csv --as-of 2026-11-24 --last 1d && stat -c %a private/j.txt
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-W48,2026-11-24,2026-11-24,0,0,,0
> 604
