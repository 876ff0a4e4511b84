# twitchlog log: the forms of the foundation issue, each echoing the entry it wrote.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -s3 -d45s -t espresso "after the third espresso"
> 2026-11-24T10:00:00+01:00 twitch severity=3 duration=45s tags=espresso note="after the third espresso"
$ twitchlog log --where eyelid --side left --flag chewing --as-of 2026-11-24T10:00:00+01:00
> 2026-11-24T10:00:00+01:00 twitch where=eyelid side=left flags=chewing
$ twitchlog log --checkin caffeine=3 sleep=6.5 stress=4 water=1.2 --as-of 2026-11-24T10:00:00+01:00
> 2026-11-24T10:00:00+01:00 checkin caffeine=3 sleep=6.5 stress=4 water=1.2
$ twitchlog log --remedy magnesium --dose 400mg --as-of 2026-11-24T10:00:00+01:00
> 2026-11-24T10:00:00+01:00 remedy id=magnesium dose=400mg
$ twitchlog log --note "dentist on Friday" --as-of 2026-11-24T10:00:00+01:00
> 2026-11-24T10:00:00+01:00 note text="dentist on Friday"

# --at in every form, echoed as the instant chosen.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at 09:30 -s1
> 2026-11-24T09:30:00+01:00 twitch severity=1
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at "yesterday 22:15" -s2 -t late-night
> 2026-11-23T22:15:00+01:00 twitch severity=2 tags=late-night
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at "2h ago" -d1h30m
> 2026-11-24T08:00:00+01:00 twitch duration=1h30m
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at "3d ago" --remedy cold-compress
> 2026-11-21T10:00:00+01:00 remedy id=cold-compress
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at 2026-07-14 --note "summer time"
> 2026-07-14T00:00:00+02:00 note text="summer time"
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at "2026-11-03 09:14" -s3
> 2026-11-03T09:14:00+01:00 twitch severity=3
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at 2026-11-03T08:14:03Z -s3
> 2026-11-03T09:14:03+01:00 twitch severity=3

# A check-in from a script, on standard input.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --checkin -
< caffeine=2 sleep=7.5
< note="slept \"well\" = finally"
> 2026-11-24T10:00:00+01:00 checkin caffeine=2 sleep=7.5 note="slept \"well\" = finally"

# --quiet prints nothing; without --as-of the clock is used.
$ twitchlog log -q -s2
$ twitchlog log -s2 -t now
> [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+0[12]:00 twitch severity=2 tags=now (re)

# The journal holds exactly what was echoed, after its header, and is private.
$ head -n 6 journal.txt
> # twitchlog journal v1
> 2026-11-24T10:00:00+01:00 twitch severity=3 duration=45s tags=espresso note="after the third espresso"
> 2026-11-24T10:00:00+01:00 twitch where=eyelid side=left flags=chewing
> 2026-11-24T10:00:00+01:00 checkin caffeine=3 sleep=6.5 stress=4 water=1.2
> 2026-11-24T10:00:00+01:00 remedy id=magnesium dose=400mg
> 2026-11-24T10:00:00+01:00 note text="dentist on Friday"
$ wc -l < journal.txt
> 16
$ stat -c %a journal.txt
> 600
$ twitchlog check | tail -n 1
> journal.txt: 16 lines, 15 entries: ok
