# Bad input: one line on stderr naming the problem and the valid choices,
# exit 2 for usage and 1 for I/O, and the journal byte for byte unchanged.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q -s2 && cp journal.txt before.txt
$ twitchlog log --checkin coffee=3
! twitchlog: error: unknown factor "coffee"; valid: caffeine, sleep, stress, water, alcohol (and note=TEXT)
? 2
$ twitchlog log --checkin caffeine=25
! twitchlog: error: caffeine 25 is out of range: 0 to 20 (cups/day)
? 2
$ twitchlog log --checkin sleep=6,5
! twitchlog: error: sleep must be a number such as 3 or 6.5, not "6,5" (use a dot for decimals)
? 2
$ twitchlog log --checkin
! twitchlog: error: the guided check-in asks its questions on a terminal; here, give the values: twitchlog log --checkin caffeine=N sleep=N stress=N water=N alcohol=N [note=TEXT] (or KEY=VALUE lines on standard input: twitchlog log --checkin -)
? 2
$ twitchlog log --remedy magnesum
! twitchlog: error: unknown remedy "magnesum" (did you mean magnesium?); valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy
? 2
$ twitchlog log --flag itchy
! twitchlog: error: --flag: unknown id "itchy"; valid: stroke-signs, breathing, seizure, weakness, drooping, speech, vision, swallowing, ear-rash, tingling-cramps, numb-chin, head-injury, jaw-headache, dystonia, wasting, spreading, persistent, recurring, chewing, eye-closing, eye-red, stiffness, medicine, known-condition
? 2
$ twitchlog log --where knee
! twitchlog: error: --where: unknown area "knee"; valid: lower-lip, upper-lip, eyelid, cheek, jaw, chin, neck, arm, leg, other
? 2
$ twitchlog log --side middle
! twitchlog: error: --side: unknown side "middle"; valid: left, right, both
? 2
$ twitchlog log -s 9
! twitchlog: error: -s/--severity must be a whole number from 1 (faint) to 5 (strong), not "9"
? 2
$ twitchlog log -d 45x
! twitchlog: error: -d/--duration "45x": unknown unit "x": use s, min, h, d or w, or seconds, minutes, hours, days, weeks
? 2
$ twitchlog log -d 99999999999999999999s
! twitchlog: error: -d/--duration "99999999999999999999s": that is too long; use 45 (seconds), 45s, 2 min, 1m30s or 1h30m
? 2
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at 2026-11-25
! twitchlog: error: --at "2026-11-25" is in the future (now is 2026-11-24T10:00:00+01:00); entries record what has happened
? 2
$ twitchlog log --at 2026-02-30
! twitchlog: error: --at: invalid time "2026-02-30": day 30 does not exist in 2026-02 (it has 28 days); use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ twitchlog log --at tomorrow
! twitchlog: error: --at: invalid time "tomorrow": not a form twitchlog knows; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ twitchlog log "$(printf 'bell\007')"
! twitchlog: error: note contains the control character U+0007; only tab and newline may stand in text
? 2
$ twitchlog log "$(printf 'bad \377 byte')"
! twitchlog: error: note is not valid UTF-8 (byte 5 of it)
? 2
$ twitchlog log -t "esp resso"
! twitchlog: error: -t/--tag: "esp resso" is not a valid id; use lowercase letters, digits, '-' and '_'
? 2
$ twitchlog log --checkin caffeine=1 --note x
! twitchlog: error: choose one of --checkin, --remedy, --note and --visit (with none of them, the entry is a twitch)
? 2
$ twitchlog log --checkin caffeine=1 -s3
! twitchlog: error: -s/--severity does not apply to checkin entries
? 2
$ twitchlog log --dose 400mg
! twitchlog: error: --dose does not apply to twitch entries
? 2
$ twitchlog log --bogus
! twitchlog: error: unknown option "--bogus"; see twitchlog log --help
? 2
$ twitchlog log --as-of tomorrow
! twitchlog: error: --as-of: invalid time "tomorrow": not a form twitchlog knows; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ twitchlog log --checkin - < /dev/null
! twitchlog: error: a check-in needs at least one value: caffeine=N, sleep=N, stress=N, water=N, alcohol=N
? 2
$ cmp journal.txt before.txt && echo unchanged
> unchanged

# I/O errors exit 1 and leave the journal alone.
$ twitchlog log --journal before.txt/journal.txt -s2
! twitchlog: error: cannot open journal before.txt/journal.txt for writing: Not a directory
? 1
$ mkdir folder && twitchlog log --journal folder -s2
! twitchlog: error: cannot open journal folder for writing: Is a directory
? 1
$ mkfifo fifo && twitchlog log --journal fifo -s2
! twitchlog: error: journal fifo is not a regular file: it is a FIFO (named pipe)
? 1
$ cmp journal.txt before.txt && echo unchanged
> unchanged

# Issue 14: times that cannot be written are refused (exit 2), the journal untouched. (A year after
# 9999 is now refused as later than the clock first; the writer's own check stays behind it.)
$ TZ=UTC twitchlog --as-of 9999-12-31T23:59:59-23:59 log -s1
! twitchlog: error: --as-of: 10000-01-01T23:58:59Z is later than the clock \(.*\); a command that writes takes no future --as-of, so that no entry is dated in the future \(reading commands take one\) (re)
? 2
$ TZ='XXX-24:59:59' twitchlog log --note x
! twitchlog: error: the local UTC offset +24:59:59 (from TZ) cannot be written: RFC 3339 offsets go from -23:59 to +23:59; set TZ to a real time zone, such as TZ=Europe/Berlin
? 2
$ TZ=UTC twitchlog --as-of 0001-01-01 log -s1
! twitchlog: error: now (0001-01-01T23:59:59Z, from --as-of) is before 1900; an entry needs a time from 1900 on
? 2
# C1 controls are refused like other controls (U+009B is a CSI on some terminals).
$ twitchlog log --note "$(printf 'a\302\23331mRED \342\200\256evil')"
! twitchlog: error: text contains the control character U+009B; only tab and newline may stand in text
? 2
$ twitchlog log -s1 "$(printf 'next \302\205line')"
! twitchlog: error: note contains the control character U+0085; only tab and newline may stand in text
? 2
$ cmp journal.txt before.txt && echo unchanged
> unchanged

# Item 15: messages escape once: the escape shows as \x1b, not \\x1b.
$ twitchlog log --remedy "$(printf 'x\033]0;t')"
! twitchlog: error: unknown remedy "x\x1b]0;t"; valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy
? 2
