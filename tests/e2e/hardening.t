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

# Readers beside writers see whole lines only: check and report never meet a torn line. (The journal exists
# before the readers start: a check that ran before the first writer created it would fail for that alone.)
$ twitchlog --journal rw.txt log -q --note "before the readers" && for w in 1 2 3; do (for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do twitchlog --journal rw.txt log -q --note "writer $w entry $i"; done &) ; done; bad=0; for r in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do twitchlog --journal rw.txt check > /dev/null 2>&1 || [ ! -e rw.txt ] || bad=$((bad + 1)); twitchlog --journal rw.txt report --format json 2>/dev/null | jq -e '[.warnings[] | select(.severity == "error")] == []' > /dev/null || [ ! -e rw.txt ] || bad=$((bad + 1)); done; echo "readers that saw a broken line: $bad"
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
! twitchlog: note: 2 warnings about private/j.txt; run `twitchlog check` to see them

# Issue 14, item 1: the journal replaced (cp, append, mv: what editors, `sed -i` and sync tools do) while a
# writer waits for the lock: the writer notices that the path names another file now, and writes there.
$ twitchlog --journal j1.txt --as-of 2026-11-24T10:00:00+01:00 log -q -s1 && (flock j1.txt sleep 2 &) && sleep 0.3 && (twitchlog --journal j1.txt --as-of 2026-11-24T10:10:00+01:00 log -q --note "written while waiting"; echo "writer exit $?" > writer.txt) & sleep 0.6; cp j1.txt j1.new && echo '2026-11-24T10:05:00+01:00 note text=x' >> j1.new && mv j1.new j1.txt; sleep 2.5; cat writer.txt; grep -c 'written while waiting' j1.txt; tail -n 2 j1.txt
> writer exit 0
> 1
> 2026-11-24T10:05:00+01:00 note text=x
> 2026-11-24T10:10:00+01:00 note text="written while waiting"

# Item 3: once the entry is durable, a failed echo is a warning and exit 0: a retry would write it twice.
$ twitchlog --journal j3.txt --as-of 2026-11-24T10:00:00+01:00 log --note "retry me" > /dev/full
! twitchlog: warning: the entry was recorded, but it could not be shown: cannot write to standard output: No space left on device
$ grep -c 'retry me' j3.txt
> 1
$ twitchlog --journal j3.txt --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --yes chewing > /dev/full
! twitchlog: warning: the triage was recorded, but its result could not be shown: cannot write to standard output: No space left on device
$ grep -c ' triage level=' j3.txt
> 1
$ twitchlog --journal j3.txt --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --dry-run --yes chewing > /dev/full
! twitchlog: error: cannot write to standard output: No space left on device
? 1

# Item 5: an unwritable stderr never aborts (exit 134): the status still tells, quietly.
$ twitchlog --journal j5.txt log -s9 2>/dev/full; echo "exit $?"
> exit 2
$ twitchlog --journal j3.txt --as-of 2026-11-24T10:00:00+01:00 report >/dev/full 2>/dev/full; echo "exit $?"
> exit 1
$ twitchlog --journal j5.txt --as-of 2026-11-24T10:00:00+01:00 log -s1 >&- 2>&-; echo "exit $?"; cat j5.txt
> exit 0
> # twitchlog journal v1
> 2026-11-24T10:00:00+01:00 twitch severity=1
$ twitchlog --journal j5.txt --bogus 2>&-; echo "exit $?"
> exit 2

# Item 7: journals and rule files must be regular files: a FIFO or a device is named with its type, never a hang.
$ mkfifo f.fifo
$ for c in check report advise "triage --no-ask"; do timeout 10 twitchlog --journal f.fifo --as-of 2026-11-24 $c; echo "exit $?"; done 2>&1 | sort | uniq -c | sed 's/^ *//'
> 4 exit 1
> 4 twitchlog: error: journal f.fifo is not a regular file: it is a FIFO (named pipe)
$ timeout 10 twitchlog --journal /dev/zero check
! twitchlog: error: journal /dev/zero is not a regular file: it is a character device
? 1
$ mkdir -p home/.config/twitchlog && mkfifo home/.config/twitchlog/rules.toml && for c in "log -s1" "completion bash" "rules" "check" "triage --no-ask"; do timeout 10 twitchlog --journal j7.txt $c > /dev/null; echo "exit $?"; done 2>&1 | sed "s|$PWD/||" | sort | uniq -c | sed 's/^ *//'; rm home/.config/twitchlog/rules.toml
> 5 exit 1
> 5 twitchlog: error: rule file home/.config/twitchlog/rules.toml is not a regular file: it is a FIFO (named pipe)
$ test ! -e j7.txt && echo "nothing written"
> nothing written

# Item 12: no writing to a journal that is not the user's, or that others could replace, or through
# another user's symlink in a shared folder. Files owned by another user need root (chown nobody).
$ mkdir open && chmod 777 open && twitchlog --journal open/j.txt log -s1
! twitchlog: error: refusing to write to journal open/j.txt: its folder open \(owner .*, mode 0777\) can be written by anyone and has no sticky bit, so anyone could replace the journal; move the journal, or chmod o-w open (re)
? 1
$ test ! -e open/j.txt && echo "nothing written"
> nothing written
$ mkdir shared && chmod 1777 shared && twitchlog --journal shared/mine.txt --as-of 2026-11-24T10:00:00+01:00 log -q -s1 2>&1 | sed 's/owner uid [0-9]*/owner uid N/'
> twitchlog: warning: journal shared/mine.txt is in .*/shared, a folder others can list \(mode 1777, owner uid N\): they can see that it exists; keep it in a private folder of your own (re)
$ if [ "$(id -u)" -ne 0 ]; then echo "skipped: not root, cannot chown to nobody"; else printf '# twitchlog journal v1\n' > shared/theirs.txt && chmod 666 shared/theirs.txt && chown nobody shared/theirs.txt && twitchlog --journal shared/theirs.txt log --note "HIV test result positive" 2>&1 | grep -o 'refusing to write to journal shared/theirs.txt: it belongs to nobody (uid [0-9]*), not to you'; wc -l < shared/theirs.txt; fi
> (refusing to write to journal shared/theirs.txt: it belongs to nobody \(uid [0-9]+\), not to you|skipped: not root, cannot chown to nobody) (re)
> (1|) (re)
$ if [ "$(id -u)" -ne 0 ]; then echo "skipped: not root, cannot chown to nobody"; else echo 'export PATH=/usr/bin' > profile && ln -s "$PWD/profile" shared/planted.txt && chown -h nobody shared/planted.txt && twitchlog --journal shared/planted.txt log --note "x" 2>&1 | grep -o 'refusing to write to journal shared/planted.txt: it is a symbolic link owned by nobody (uid [0-9]*), not by you'; cat profile; fi
> (refusing to write to journal shared/planted.txt: it is a symbolic link owned by nobody \(uid [0-9]+\), not by you|skipped: not root, cannot chown to nobody) (re)
> (export PATH=/usr/bin|) (re)

# Item 13: the journal is 0600 and a new folder 0700 whatever the umask (0777 used to make a journal of mode 0000).
$ umask 0777 && twitchlog --journal m1/j.txt --as-of 2026-11-24T10:00:00+01:00 log -q -s1 && twitchlog --journal m1/j.txt --as-of 2026-11-24T10:00:00+01:00 log -q -s2 && umask 077 && stat -c '%a %n' m1 m1/j.txt && wc -l < m1/j.txt
> 700 m1
> 600 m1/j.txt
> 3
$ umask 0177 && twitchlog --journal m2/sub/j.txt --as-of 2026-11-24T10:00:00+01:00 log -q -s1 && umask 077 && stat -c '%a %n' m2 m2/sub m2/sub/j.txt
> 700 m2
> 700 m2/sub
> 600 m2/sub/j.txt

# Item 15: one rule for every output: --help and --version to a full disk fail like `help log`.
$ for a in --help --version "help log" "log --help"; do twitchlog $a > /dev/full; echo "exit $?"; done 2>&1 | sort | uniq -c | sed 's/^ *//'
> 4 exit 1
> 4 twitchlog: error: cannot write to standard output: No space left on device
$ twitchlog --help | head -n 1
> twitchlog: a journal and triage tool for lip twitching. Not a diagnosis.
