# twitchlog edit: the journal in the user's editor, checked as `check` does, applied by rename under the lock,
# never losing what another process appends meanwhile. Stub editors stand in for the user.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:00 -s2
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:10 -s3 "right side"
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:20 --remedy magnesium --dose 400mg
$ cp journal.txt before.txt

# An editor that changes nothing: "no changes", the journal byte for byte as it was, no file left behind.
$ EDITOR=true twitchlog edit
> no changes; journal journal.txt is untouched
$ cmp journal.txt before.txt && ls -A | grep -c twitchlog-edit
> 0
? 1

# The editor: $TWITCHLOG_EDITOR, then $VISUAL, then $EDITOR, then vi; run by /bin/sh, the file as "$1".
$ TWITCHLOG_EDITOR='echo tw >> who.txt; true' VISUAL='echo visual >> who.txt; true' EDITOR='echo editor >> who.txt; true' twitchlog edit > /dev/null
$ VISUAL='echo visual >> who.txt; true' EDITOR='echo editor >> who.txt; true' twitchlog edit > /dev/null
$ EDITOR='echo editor >> who.txt; true' twitchlog edit > /dev/null
$ mkdir bin && printf '#!/bin/sh\necho vi >> who.txt\n' > bin/vi && chmod +x bin/vi && PATH=$PWD/bin:$PATH twitchlog edit > /dev/null && cat who.txt
> tw
> visual
> editor
> vi
# An editor with arguments, and a file name the shell must not split or run: it arrives whole, as $1.
$ cp journal.txt "it's \$(mine) now.txt" && printf '#!/bin/sh\necho "$#:$1:$(basename "$2")" > args.txt\n' > bin/show && chmod +x bin/show && PATH=$PWD/bin:$PATH EDITOR='show --wait' twitchlog --journal "it's \$(mine) now.txt" edit && cat args.txt
> no changes; journal it's $(mine) now.txt is untouched
> 2:--wait:it's $(mine) now.txt

# A sed edit is applied: the journal keeps its mode, the previous content is kept as journal.txt~ (0600).
$ chmod 640 journal.txt && EDITOR='sed -i s/severity=3/severity=4/' twitchlog edit
> journal journal.txt edited: 4 lines now, 4 lines before; the previous content is kept in journal.txt~
$ sed -n 3p journal.txt && stat -c '%a %n' journal.txt journal.txt~ && cmp journal.txt~ before.txt && ls -A | grep -c twitchlog-edit
> 2026-11-24T09:10:00+01:00 twitch severity=4 note="right side"
> 640 journal.txt
> 600 journal.txt~
> 0
? 1
$ chmod 600 journal.txt && cp journal.txt before.txt

# An editor that fails applies nothing and says where the edited text is; that file is private (0600 in 0700).
$ printf '#!/bin/sh\necho "2026-11-24T09:30:00+01:00 note text=half" >> "$1"\nexit 1\n' > bin/fail && chmod +x bin/fail
$ PATH=$PWD/bin:$PATH EDITOR=fail twitchlog edit
! twitchlog: error: the editor \(fail\) exited with status 1: nothing was applied; the edited text is kept in \./\.twitchlog-edit-[A-Za-z0-9]{6}/journal\.txt (re)
? 1
$ cmp journal.txt before.txt && stat -c '%a' .twitchlog-edit-* .twitchlog-edit-*/journal.txt && tail -n 1 .twitchlog-edit-*/journal.txt && rm -r .twitchlog-edit-*
> 700
> 600
> 2026-11-24T09:30:00+01:00 note text=half
# In $XDG_RUNTIME_DIR when it is a private folder of the user's; beside the journal when it is not.
$ mkdir -m 700 run && PATH=$PWD/bin:$PATH EDITOR=fail XDG_RUNTIME_DIR=$PWD/run twitchlog edit 2>&1 | sed "s|$PWD|PWD|"
> twitchlog: error: the editor \(fail\) exited with status 1: nothing was applied; the edited text is kept in PWD/run/twitchlog-edit-[A-Za-z0-9]{6}/journal\.txt (re)
$ mkdir -m 755 shared-run && PATH=$PWD/bin:$PATH EDITOR=fail XDG_RUNTIME_DIR=$PWD/shared-run twitchlog edit 2>&1 | sed "s|$PWD|PWD|" && ls -A shared-run | wc -l && rm -r run .twitchlog-edit-*
> twitchlog: error: the editor \(fail\) exited with status 1: nothing was applied; the edited text is kept in \./\.twitchlog-edit-[A-Za-z0-9]{6}/journal\.txt (re)
> 0
$ EDITOR='kill -9 $$; :' twitchlog edit 2>&1 | sed 's/kept in .*/kept in .../' && rm -r .twitchlog-edit-*
> twitchlog: error: the editor (kill -9 $$; :) was killed by signal 9: nothing was applied; the edited text is kept in ...
$ EDITOR=no-such-editor twitchlog edit 2>&1 | grep -v '^sh:' | sed 's/kept in .*/kept in .../' && rm -r .twitchlog-edit-*
> twitchlog: error: the editor (no-such-editor) exited with status 127 (not found?): nothing was applied; the edited text is kept in ...

# An invalid edit off a terminal: the problems as FILE:LINE:COL of the edited text, exit 1 at once, nothing applied.
$ start=$(date +%s%N); EDITOR='sed -i s/severity=4/severity=9/' twitchlog edit < /dev/null 2> err.txt; echo "exit $?"; echo "$(( ($(date +%s%N) - start) / 1000000 < 1000 ))" && sed 's/-edit-....../-edit-XXXXXX/' err.txt
> exit 1
> 1
> ./.twitchlog-edit-XXXXXX/journal.txt:3:43: error: severity must be a whole number from 1 to 5, not "9"
>  3 | 2026-11-24T09:10:00+01:00 twitch severity=9 note="right side"
>    |                                           ^
> twitchlog: error: the edited text has 1 error: nothing was applied; the edited text is kept in ./.twitchlog-edit-XXXXXX/journal.txt
$ cmp journal.txt before.txt && grep -c severity=9 .twitchlog-edit-*/journal.txt && rm -r .twitchlog-edit-*
> 1
# Emptying the whole journal is refused (an editor that saved nothing); a comment line left in is an edit.
$ EDITOR='sh -c ": > \"\$1\"" sh' twitchlog edit 2>&1 | sed 's/kept in .*/kept in .../' && cmp journal.txt before.txt && rm -r .twitchlog-edit-*
> twitchlog: error: the edited text is empty, which would empty the journal (to do that, keep its first line, "# twitchlog journal v1"): nothing was applied; the edited text is kept in ...

# On a terminal (script(1) gives one), an edit with errors asks: e edits the same text again, here fixed. (The
# terminal echoes the typed answers first; grep -o takes the messages out of the lines they share.)
$ printf '#!/bin/sh\nif [ -e once ]; then sed -i s/severity=9/severity=5/ "$1"; else touch once; sed -i s/severity=4/severity=9/ "$1"; fi\n' > bin/second-try && chmod +x bin/second-try
$ printf '%s\n' 'twitchlog: the edited text has [0-9]* errors*' 'twitchlog: error' '(e)dit again, e(x)it without saving?' 'journal journal.txt edited' 'nothing was applied' 'exit [0-9]' > said.txt
$ printf 'e\n' | script -qec "PATH=$PWD/bin:\$PATH EDITOR=second-try twitchlog edit; echo exit \$?" /dev/null | tr -d '\r' | grep -of said.txt
> twitchlog: the edited text has 1 error
> (e)dit again, e(x)it without saving?
> journal journal.txt edited
> exit 0
$ sed -n 3p journal.txt && cmp journal.txt~ before.txt && cp journal.txt before.txt && rm once
> 2026-11-24T09:10:00+01:00 twitch severity=5 note="right side"
# An answer other than e or x asks again; x exits without saving, and so does the end of input: the edited
# text kept, exit 1.
$ printf 'y\nx\n' | script -qec "EDITOR='sed -i s/severity=5/severity=0/' twitchlog edit; echo exit \$?" /dev/null | tr -d '\r' | grep -of said.txt
> twitchlog: the edited text has 1 error
> (e)dit again, e(x)it without saving?
> (e)dit again, e(x)it without saving?
> twitchlog: error
> nothing was applied
> exit 1
$ script -qec "EDITOR='sed -i s/severity=5/severity=0/' twitchlog edit; echo exit \$?" /dev/null < /dev/null | tr -d '\r' | grep -of said.txt
> twitchlog: the edited text has 1 error
> (e)dit again, e(x)it without saving?
> twitchlog: error
> nothing was applied
> exit 1
$ cmp journal.txt before.txt && ls -d .twitchlog-edit-* | wc -l && rm -r .twitchlog-edit-*
> 2

# --last N: only the last N entry lines are edited; the lines ahead stay as they are.
$ EDITOR='cp "$1" seen.txt; true' twitchlog edit --last 2 && cat seen.txt
> no changes; journal journal.txt is untouched
> 2026-11-24T09:10:00+01:00 twitch severity=5 note="right side"
> 2026-11-24T09:20:00+01:00 remedy id=magnesium dose=400mg
$ EDITOR='sed -i \$d' twitchlog edit --last 1 && cat journal.txt
> journal journal.txt edited: 3 lines now, 4 lines before; the previous content is kept in journal.txt~
> # twitchlog journal v1
> 2026-11-24T09:00:00+01:00 twitch severity=2
> 2026-11-24T09:10:00+01:00 twitch severity=5 note="right side"
# Problems are located in the edited text (line 1 of it is line 3 of the journal).
$ EDITOR='sed -i s/severity=5/severity=five/' twitchlog edit --last 1 < /dev/null 2>&1 | sed 's/-edit-....../-edit-XXXXXX/' && rm -r .twitchlog-edit-*
> ./.twitchlog-edit-XXXXXX/journal.txt:1:43: error: severity must be a whole number from 1 to 5, not "five"
>  1 | 2026-11-24T09:10:00+01:00 twitch severity=five note="right side"
>    |                                           ^
> twitchlog: error: the edited text has 1 error: nothing was applied; the edited text is kept in ./.twitchlog-edit-XXXXXX/journal.txt
$ twitchlog edit --last 0
! twitchlog: error: --last: the number of entries must be from 1 to 100000
? 2
$ twitchlog edit --last some
! twitchlog: error: Could not convert: --last = some (see twitchlog edit --help)
? 2
$ twitchlog --journal none.txt edit
! twitchlog: error: journal none.txt does not exist yet; `twitchlog log` creates it
? 1

# The jrnl #1107 case: the editor takes its time while another process logs five entries; all five and the
# edit survive, the five after the edited lines.
$ cp journal.txt before.txt && printf '#!/bin/sh\nsed -i s/severity=5/severity=4/ "$1"\ni=0; while [ ! -e logs-done ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\n' > bin/slow && chmod +x bin/slow
$ (sleep 0.2; for i in 1 2 3 4 5; do twitchlog log -q --note "cron $i"; done; touch logs-done) & PATH=$PWD/bin:$PATH EDITOR=slow twitchlog edit; wait
> journal journal.txt edited: 8 lines now, 8 lines before; the previous content is kept in journal.txt~
> 5 lines written by another process during the edit were kept after the edited ones
$ sed -n 3p journal.txt && grep -c 'note text="cron [1-5]"$' journal.txt && tail -n 5 journal.txt | grep -c cron && rm logs-done
> 2026-11-24T09:10:00+01:00 twitch severity=4 note="right side"
> 5
> 5
# A change in the middle of the journal during the edit (another edit, a hand edit): refused, edited text kept.
$ cp journal.txt before.txt && EDITOR='sed -i s/severity=2/severity=1/ journal.txt; sed -i s/severity=4/severity=3/' twitchlog edit 2>&1 | sed 's/-edit-....../-edit-XXXXXX/'
> twitchlog: error: journal journal.txt changed during the edit, and not only by new lines at its end (another edit, or a change by hand): nothing was applied; the edited text is kept in ./.twitchlog-edit-XXXXXX/journal.txt
$ grep -c 'severity=1$' journal.txt && grep -c severity=3 journal.txt .twitchlog-edit-*/journal.txt | sed 's/-edit-....../-edit-XXXXXX/' && rm -r .twitchlog-edit-*
> 1
> journal.txt:0
> .twitchlog-edit-XXXXXX/journal.txt:1

# Two edits at once (the rest of jrnl #1107): the one applied first stands; the other is refused, not applied over it.
$ printf '#!/bin/sh\nsed -i s/severity=1/severity=5/ "$1"\ni=0; while [ ! -e b-done ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\n' > bin/slow-a && chmod +x bin/slow-a
$ (sleep 0.2; EDITOR='sed -i s/severity=1/severity=3/' twitchlog edit > b.txt; touch b-done) & PATH=$PWD/bin:$PATH EDITOR=slow-a twitchlog edit 2>&1 | sed 's/kept in .*/kept in .../'; wait; cat b.txt && rm -r b-done .twitchlog-edit-*
> twitchlog: error: journal journal.txt changed during the edit, and not only by new lines at its end (another edit, or a change by hand): nothing was applied; the edited text is kept in ...
> journal journal.txt edited: 8 lines now, 8 lines before; the previous content is kept in journal.txt~
$ grep -c 'severity=3$' journal.txt && grep -c 'severity=5$' journal.txt
> 1
> 0
? 1
$ sed -i s/severity=3/severity=1/ journal.txt

# A symlinked journal: the file it leads to is rewritten, the link kept; the backup is beside that file.
$ mkdir data && cp journal.txt data/real.txt && ln -s data/real.txt link.txt && EDITOR='sed -i s/severity=1/severity=2/' twitchlog --journal link.txt edit | sed "s|$PWD|PWD|"
> journal link.txt edited: 8 lines now, 8 lines before; the previous content is kept in PWD/data/real.txt~
$ test -L link.txt && grep -c severity=2 data/real.txt && cmp data/real.txt~ journal.txt && echo link kept
> 1
> link kept

# A writer that waits for the lock while edit renames (the rename held back 0.8 s by strace): it finds the
# new journal and its entry lands there, not in the file the rename replaced. (LeakSanitizer cannot run under
# strace: a sanitizer build checks leaks everywhere else.)
$ cp journal.txt before.txt && (EDITOR='sed -i s/severity=1/severity=2/' ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -o /dev/null -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:delay_enter=800000:when=2 twitchlog edit > edit-out.txt &) && sleep 0.4 && start=$(date +%s%N) && twitchlog log -q --note "waited for the lock" && echo "log waited: $(( ($(date +%s%N) - start) / 1000000 > 200 ))"; sleep 0.5; cat edit-out.txt
> log waited: 1
> journal journal.txt edited: 8 lines now, 8 lines before; the previous content is kept in journal.txt~
$ grep -c 'severity=2$' journal.txt && tail -n 1 journal.txt | grep -c 'waited for the lock'
> 1
> 1

# SIGKILL before each system call of an edit (tests/crash-kill.sh --edit): the journal is exactly the old or
# the new content, and a backup is the old content.
$ sh $SRC/tests/crash-kill.sh --edit crash-edit.txt
> edit killed at [0-9]+ steps: [0-9]+ left the old journal, [0-9]+ the new one, 0 anything else (re)

# TMPDIR is never used: nothing is created in it, for edit, undo and retract, even under umask 000.
$ mkdir -m 777 sentinel && cp journal.txt before.txt
$ umask 000 && export TMPDIR=$PWD/sentinel && EDITOR='sed -i s/severity=2/severity=3/' twitchlog edit > /dev/null && PATH=$PWD/bin:$PATH EDITOR=fail twitchlog edit 2> /dev/null; twitchlog undo --yes > /dev/null && twitchlog retract 2026-11-24T09:00:00+01:00 > /dev/null && ls -A sentinel | wc -l && stat -c '%a' journal.txt journal.txt~ .twitchlog-edit-* .twitchlog-edit-*/journal.txt && rm -r .twitchlog-edit-*
> 0
> 600
> 600
> 700
> 600
