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
> 2026-11-21T10:00:00+01:00 remedy id=cold-compress approx=day
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log --at 2026-07-14 --note "summer time"
> 2026-07-14T12:00:00+02:00 note text="summer time" approx=day
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

# Issue 14, item 14: a plain date is the first instant of that local day, even where daylight-saving time
# starts at midnight and 00:00 does not exist (POSIX forms of America/Santiago, Asia/Beirut and
# America/Sao_Paulo in 2018, so that tzdata need not be installed; the named zone when it is).
$ TZ='<-04>4<-03>,M9.1.6/24,M4.1.6/24' twitchlog --journal dst.txt --as-of 2024-12-01 log --at 2024-09-08 -s1
> 2024-09-08T12:00:00-03:00 twitch severity=1 approx=day
$ TZ='EET-2EEST,M3.5.0/0,M10.5.0/0' twitchlog --journal dst2.txt --as-of 2024-12-01 log --at 2024-03-31 -s1
> 2024-03-31T12:00:00+03:00 twitch severity=1 approx=day
$ TZ='<-03>3<-02>,M11.1.0/0,M2.3.0/0' twitchlog --journal dst3.txt --as-of 2018-12-01 log --at 2018-11-04 -s1
> 2018-11-04T12:00:00-02:00 twitch severity=1 approx=day
$ if [ -e /usr/share/zoneinfo/America/Santiago ]; then z=America/Santiago; else z='<-04>4<-03>,M9.1.6/24,M4.1.6/24'; fi; TZ=$z twitchlog --journal dst.txt --as-of 2024-09-30 report --from 2024-09-08 --to 2024-09-08 --period day --format csv
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2024-09-08,2024-09-08,2024-09-08,1,1,1,0

# An hour that happens twice (Europe/Berlin, 2026-10-25 02:00-03:00): the earlier, and the note says which
# offset was taken; an explicit offset chooses.
$ twitchlog --journal amb.txt --as-of 2026-11-01 log --at '2026-10-25 02:30' -s1
> 2026-10-25T02:30:00+02:00 twitch severity=1
! twitchlog: note: 2026-10-25 02:30 happens twice in the local time zone (the clocks went back); took the first, 2026-10-25T02:30:00+02:00; for the second, give --at 2026-10-25T02:30:00+01:00
$ twitchlog --journal amb.txt --as-of 2026-11-01 log --at '2026-10-25 02:30+01:00' -s1
> 2026-10-25T02:30:00+01:00 twitch severity=1
$ twitchlog --journal amb.txt --as-of 2026-11-01 log --at '2026-10-25T02:30:00+02:00' -s1
> 2026-10-25T02:30:00+02:00 twitch severity=1

# A leap second: --at takes second 60 at 23:59 only (kept as :59, Unix time has none); readers count
# 23:59:60 on its written date.
$ twitchlog --journal leap.txt --as-of 2026-01-10 log --at '2025-12-31 23:59:60' -s1
> 2025-12-31T23:59:59+01:00 twitch severity=1
! twitchlog: note: second 60 (a leap second) is recorded as second 59: Unix time has no leap seconds
$ twitchlog --journal leap.txt --as-of 2026-01-10 log --at '2025-12-31 12:00:60' -s1
! twitchlog: error: --at: invalid time "2025-12-31 12:00:60": second 60 (a leap second) comes only at 23:59:60; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ printf '# twitchlog journal v1\n2016-12-31T23:59:60Z twitch severity=2\n' > leap2.txt && TZ=UTC twitchlog --journal leap2.txt --as-of 2017-01-10 report --from 2016-12-31 --to 2017-01-01 --period day --format csv
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2016-12-31,2016-12-31,2016-12-31,1,1,2,0
> 2017-01-01,2017-01-01,2017-01-01,0,0,,0

# Item 2: a writer never writes a line `check` refuses. An offset with seconds is rounded to the minute,
# the clock with it (the same instant); a year past 9999 or an offset past 23:59 is refused.
$ TZ='<+1234>-12:34:56' twitchlog --journal off.txt --as-of 2026-11-24T10:00:00Z log --note x
> 2026-11-24T22:35:00+12:35 note text=x
$ TZ='<+1234>-12:34:56' twitchlog --journal off.txt --as-of 2026-11-24T10:00:00Z check
> off.txt: 2 lines, 1 entry: ok

# Item 15: a relative HOME or XDG_* path is ignored, as the XDG spec says, for the journal and the rules alike.
$ env -u TWITCHLOG_JOURNAL HOME=home-rel twitchlog log -s1
! twitchlog: error: cannot tell where twitchlog's files live: HOME is not an absolute path; set TWITCHLOG_JOURNAL or use --journal and --rules
? 2
$ env -u TWITCHLOG_JOURNAL XDG_DATA_HOME=data-rel twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q -s1 && ls home/.local/share/twitchlog && test ! -e data-rel && echo "data-rel ignored"
> journal.txt
> data-rel ignored
$ mkdir -p rel/.config/twitchlog rel/twitchlog && echo 'not = [toml' > rel/.config/twitchlog/rules.toml && cp rel/.config/twitchlog/rules.toml rel/twitchlog/rules.toml && HOME=rel twitchlog --journal rel.txt --as-of 2026-11-24T10:00:00+01:00 log -s1 && XDG_CONFIG_HOME=rel twitchlog --journal rel.txt --as-of 2026-11-24T10:00:00+01:00 log -s2
> 2026-11-24T10:00:00+01:00 twitch severity=1
> 2026-11-24T10:00:00+01:00 twitch severity=2
