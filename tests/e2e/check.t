# twitchlog check: every problem at once, FILE:LINE:COL with the line and a caret.
$ twitchlog check
! twitchlog: error: journal journal.txt does not exist yet; `twitchlog log` creates it
? 1
$ cp $SRC/data/example.journal example.journal && twitchlog check --journal example.journal | tail -n 1
> example.journal: [0-9]+ lines, [0-9]+ entries: ok (re)
$ printf '%s\n' '# twitchlog journal v1' '2026-11-03T09:14:03+01:00 twitch severity=7' '2026-11-03 twitch' '2026-11-03T09:20:00+01:00 checkin caffeine=3 mood=4' '2026-11-03T09:30:00+01:00 sneeze loud=yes' '2026-11-03T09:40:00+01:00 note text="unterminated' > journal.txt && printf '2026-11-03T10:00:00+01:00 twi' >> journal.txt
$ twitchlog check --as-of 2026-11-24
> journal.txt:2:43: error: severity must be a whole number from 1 to 5, not "7"
>  2 | 2026-11-03T09:14:03+01:00 twitch severity=7
>    |                                           ^
> journal.txt:3:11: error: expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)
>  3 | 2026-11-03 twitch
>    |           ^
> journal.txt:4:46: warning: unknown factor "mood": not in the built-in rules (no rule file of yours is in force); to use it, add an entry [[factor]] with id = "mood" to a rule file that starts with extends = "builtin" (twitchlog-rules(5)); computations ignore it (valid: caffeine, sleep, stress, water, alcohol)
>  4 | 2026-11-03T09:20:00+01:00 checkin caffeine=3 mood=4
>    |                                              ^
> journal.txt:5:27: warning: unknown kind "sneeze"; computations skip it (known: twitch, checkin, remedy, triage, note, visit, retract)
>  5 | 2026-11-03T09:30:00+01:00 sneeze loud=yes
>    |                           ^
> journal.txt:6:37: error: unterminated quoted value: the closing '"' is missing
>  6 | 2026-11-03T09:40:00+01:00 note text="unterminated
>    |                                     ^
> journal.txt:7:30: error: the last line has no newline at its end (an interrupted write?); it is ignored, and the next `twitchlog log` ends it
>  7 | 2026-11-03T10:00:00+01:00 twi
>    |                              ^
> journal.txt: 7 lines, 3 entries: 4 errors, 2 warnings
? 1

# The next append ends the torn line, so the fragment stays a line of its own.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at "2026-11-04 08:00" -s1
$ tail -n 2 journal.txt
> 2026-11-03T10:00:00+01:00 twi
> 2026-11-04T08:00:00+01:00 twitch severity=1
$ twitchlog check --as-of 2026-11-24 | tail -n 4
> journal.txt:7:27: warning: unknown kind "twi"; computations skip it (known: twitch, checkin, remedy, triage, note, visit, retract)
>  7 | 2026-11-03T10:00:00+01:00 twi
>    |                           ^
> journal.txt: 8 lines, 5 entries: 3 errors, 3 warnings

# Control characters from the journal never reach the terminal raw.
$ printf '2026-11-03T09:00:00+01:00 note text="\033[31mred\033[0m"\n' > journal.txt && twitchlog check --as-of 2026-11-24 | head -n 2
> journal.txt:1:38: error: control character U+001B in the line
>  1 | 2026-11-03T09:00:00+01:00 note text="\x1b[31mred\x1b[0m"
