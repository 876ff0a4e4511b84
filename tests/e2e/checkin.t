# The guided check-in on a terminal (pty_run types the < lines; the questions
# come on the terminal, which pty_run shows on stderr). Enter keeps the last
# value, - skips, < goes back, . ends; Ctrl-D (\x04) writes nothing.
$ twitchlog --as-of 2026-11-23T20:00:00+01:00 log -q --checkin caffeine=3 sleep=6.5 stress=4 water=1.2
$ cp journal.txt before.txt
# Ctrl-D at the first question: nothing written.
$ printf '\004' | pty_run twitchlog --as-of 2026-11-24T20:00:00+01:00 checkin
! Check-in: Enter keeps the value in [brackets], - skips, < goes back, . ends; Ctrl-D quits without saving.
! caffeine (cups/day, 0 to 20) [3]: 
! nothing saved
$ cmp journal.txt before.txt && echo unchanged
> unchanged
# Defaults, a new value, a bad one asked again, skip, back, end; a note; saved.
$ printf '\n2\n<\n4\n99\n-\n.\nlong day\ny\n' | pty_run twitchlog --as-of 2026-11-24T20:00:00+01:00 checkin
> 2026-11-24T20:00:00+01:00 checkin caffeine=3 sleep=4 note="long day"
! Check-in: Enter keeps the value in [brackets], - skips, < goes back, . ends; Ctrl-D quits without saving.
! caffeine (cups/day, 0 to 20) [3]: sleep (hours, 0 to 24) [6.5]: stress (out of 5, 1 to 5, whole numbers) [4]: sleep (hours, 0 to 24) [2]: stress (out of 5, 1 to 5, whole numbers) [4]:   stress 99 is out of range: 1 to 5 (out of 5)
! stress (out of 5, 1 to 5, whole numbers) [4]: water (litres/day, 0 to 10) [1.2]: note (Enter for none): 2026-11-24T20:00:00+01:00 checkin caffeine=3 sleep=4 note="long day"
! Save it? [Y/n] 
$ tail -n 1 journal.txt
> 2026-11-24T20:00:00+01:00 checkin caffeine=3 sleep=4 note="long day"
# log --checkin with no values asks the same; "n" at the end saves nothing.
$ printf '\n.\n\nn\n' | pty_run twitchlog --as-of 2026-11-24T21:00:00+01:00 log --checkin
! Check-in: Enter keeps the value in [brackets], - skips, < goes back, . ends; Ctrl-D quits without saving.
! caffeine (cups/day, 0 to 20) [3]: sleep (hours, 0 to 24) [4]: note (Enter for none): 2026-11-24T21:00:00+01:00 checkin caffeine=3
! Save it? [Y/n] nothing saved
# Ctrl-D at the note: nothing written.
$ printf '5\n.\n\004' | pty_run twitchlog --as-of 2026-11-24T21:00:00+01:00 checkin
! Check-in: Enter keeps the value in [brackets], - skips, < goes back, . ends; Ctrl-D quits without saving.
! caffeine (cups/day, 0 to 20) [3]: sleep (hours, 0 to 24) [4]: note (Enter for none): 
! nothing saved
$ tail -n 1 journal.txt
> 2026-11-24T20:00:00+01:00 checkin caffeine=3 sleep=4 note="long day"
# Off a terminal: exit 2 with the non-interactive form.
$ twitchlog checkin < /dev/null
! twitchlog: error: the guided check-in asks its questions on a terminal; here, give the values: twitchlog log --checkin caffeine=N sleep=N stress=N water=N alcohol=N [note=TEXT] (or KEY=VALUE lines on standard input: twitchlog log --checkin -)
? 2
$ twitchlog log --checkin < /dev/null
! twitchlog: error: the guided check-in asks its questions on a terminal; here, give the values: twitchlog log --checkin caffeine=N sleep=N stress=N water=N alcohol=N [note=TEXT] (or KEY=VALUE lines on standard input: twitchlog log --checkin -)
? 2
# --checkin - on a terminal says how to end, and the first Ctrl-D ends it.
$ printf 'caffeine=1 sleep=8\004' | pty_run twitchlog --as-of 2026-11-24T21:30:00+01:00 log --checkin -
> 2026-11-24T21:30:00+01:00 checkin caffeine=1 sleep=8
! twitchlog: reading from the terminal; end with Ctrl-D
