# The guided check-in on a terminal (pty_run types the < lines; the questions
# come on the terminal, which pty_run shows on stderr). Enter keeps the last
# value, - skips, < goes back, . ends; Ctrl-D (\x04) writes nothing.
$ twitchlog --as-of 2026-11-23T20:00:00+01:00 log -q --checkin caffeine=3 sleep=6.5 stress=4 water=1.2
$ cp journal.txt before.txt
# Ctrl-D at the first question: nothing written.
$ printf '\004' | pty_run twitchlog --as-of 2026-11-24T20:00:00+01:00 checkin
$ cmp journal.txt before.txt && echo unchanged
# Defaults, a new value, a bad one asked again, skip, back, end; a note; saved.
$ printf '\n2\n<\n4\n99\n-\n.\nlong day\ny\n' | pty_run twitchlog --as-of 2026-11-24T20:00:00+01:00 checkin
$ tail -n 1 journal.txt
# log --checkin with no values asks the same; "n" at the end saves nothing.
$ printf '\n.\n\nn\n' | pty_run twitchlog --as-of 2026-11-24T21:00:00+01:00 log --checkin
# Ctrl-D at the note: nothing written.
$ printf '5\n.\n\004' | pty_run twitchlog --as-of 2026-11-24T21:00:00+01:00 checkin
$ tail -n 1 journal.txt
# Off a terminal: exit 2 with the non-interactive form.
$ twitchlog checkin < /dev/null
$ twitchlog log --checkin < /dev/null
# --checkin - on a terminal says how to end, and the first Ctrl-D ends it.
$ printf 'caffeine=1 sleep=8\004' | pty_run twitchlog --as-of 2026-11-24T21:30:00+01:00 log --checkin -
