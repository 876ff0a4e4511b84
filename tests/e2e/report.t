# twitchlog report on a fixed journal (tests/data/report.journal), worked out by hand.
# In 2026-11-02..24 (23 days): 18 twitches on 12 days (the 2026-10-30 one is before the range, the
# 2026-11-24T23:30 one after now, line 49 is malformed); severities sum to 42 (mean 2.33);
# durations 570 + 90 + 90 + 60 = 810 s. Weeks W45 (11-02..08): 11 twitches on 6 days; W46: 2 on 2;
# W47: 3 on 2; W48 (clipped to 11-23..24): 2 on 2. Longest streak 11-02..05.
# Caffeine 5 on 11-02..08 (risk, 11 twitches / 7 days = 1.57) and 1 after (7 / 16 = 0.44; 3.59 times).
# Sleep 6 on days divisible by 3 (5 twitches / 8 days), 8 on days = 1 mod 3 (6 / 7).
# caffeine-limit first on 11-09 (line 13, out of order), effect after 7 days: before = 10-30..11-08
# (clipped to the first entry) 12 / 10 days; after = 11-16..24 (clipped to today) 5 / 9 days.
# hot-bath (not in the rules) on 11-20: 8 twitches in 11-06..19, 2 in 11-20..24.
# The eyelid twitch on 11-23 is a red flag (spreading).
# Trend: the journal covers all 23 days (its first entry is 10-30); 11-02..12 hold 12 twitches in
# 11 days (1.09), 11-13..24 hold 6 in 12 (0.5): down 54%.
# check warns about line 45 (hot-bath is not in the rules) and 48 (after now); it rejects line 49.
$ cp $SRC/tests/data/report.journal journal.txt
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02
> Report 2026-11-02 to 2026-11-24 (23 days, by week)
>
> Episodes: 18 on 12 of 23 days (0.8 a day); mean severity 2.3; total duration 13m30s
> Longest streak: 4 days, to 2026-11-05
> Trend: 1.1 episodes a day in the first half, 0.5 in the second (down 54%)
>
> week        episodes  days  severity   duration
> 2026-W45          11     6       2.5      9m30s  ██████████████████████████████
> 2026-W46           2     2       1.5      1m30s  █████
> 2026-W47           3     2       2.0      1m30s  ████████
> 2026-W48           2     2       2.5         1m  █████
>
> Calendar (· none, ░ 1, ▒ 2-3, ▓ 4-6, █ 7 or more a day)
>             Mo Tu We Th Fr Sa Su
> 2026-11-02   ▒  ▒  ░  ▒  ·  ░  ▒
> 2026-11-09   ·  ░  ·  ·  ░  ·  ·
> 2026-11-16   ▒  ·  ░  ·  ·  ·  ·
> 2026-11-23   ░  ░
>
> What goes with your twitching
>   22 days with a complete check-in (today's and yesterday's); 4 other days, 0.8 twitches a day on them (left out).
>   Not in the model, given on too few of the 23 days with a check-in (it takes 80% of them): sleep (on 15).
>   13 of the days with a check-in were the run-up to a remedy (the 14 days before you first took it, and its onset), also left out: the bad spell that makes you start a remedy would look like its effect.
>   Not enough data to tell what goes with your twitching: about 41 such days are needed. Until then advise shows common causes in general, not yours.
>
> Factors (descriptive: episodes a day on the days a check-in puts the factor on its risk side, and on the others; not adjusted for anything)
>   caffeine   3 or more    risk: 1.6 on 7 days; other: 0.4 on 16 days; ratio 3.6
>   sleep      under 7      risk: 0.6 on 8 days; other: 0.9 on 7 days; ratio 0.7
>   stress     4 or more    risk: - on 0 days; other: - on 0 days; ratio - (too little data: under 3 days in a group)
>   water      under 1.5    risk: - on 0 days; other: - on 0 days; ratio - (too little data: under 3 days in a group)
>   alcohol    3 or more    risk: - on 0 days; other: - on 0 days; ratio - (too little data: under 3 days in a group)
>
> Tags: coffee (6), late (2), screen (2)
>
> Remedies (episodes a day in the 14 days before and after the effect starts)
>   caffeine-limit   since 2026-11-09: 1.2 before, 0.6 after (counted from 2026-11-16, 7 days on)
>   hot-bath         since 2026-11-20: 0.6 before, 0.4 after (not in the rules)
>
> Red flags on 2026-11-24: spreading (doctor); care level doctor (see `twitchlog triage`)
> twitchlog is not a diagnosis. It sorts what you report into how soon to see a doctor; when in doubt, ask one. These rules are for adults: for a child, or in pregnancy, ask a doctor.
! journal.txt:49:11: warning: skipped: expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)
!  49 | 2026-11-17 twitch
!     |           ^
! twitchlog: note: 2 warnings about journal.txt; run `twitchlog check` to see them

$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format json
> {
>   "from": "2026-11-02",
>   "to": "2026-11-24",
>   "from_is": "asked",
>   "period": "week",
>   "days": 23,
>   "settings": {
>     "window_days": 14,
>     "default_days": 56,
>     "min_factor_days": 3,
>     "stands_out_ratio": 1.5,
>     "trend_band": 0.1,
>     "top_tags": 8,
>     "tracked_ids": 1000
>   },
>   "totals": {
>     "episodes": 18,
>     "days_with_episodes": 12,
>     "mean_severity": 2.3333333333333335,
>     "total_duration_s": 810
>   },
>   "trend": {
>     "first_half": {
>       "from": "2026-11-02",
>       "to": "2026-11-12",
>       "days": 11,
>       "episodes": 12,
>       "rate": 1.0909090909090908
>     },
>     "second_half": {
>       "from": "2026-11-13",
>       "to": "2026-11-24",
>       "days": 12,
>       "episodes": 6,
>       "rate": 0.5
>     },
>     "change": -0.5416666666666666,
>     "direction": "down"
>   },
>   "longest_streak": {
>     "days": 4,
>     "end": "2026-11-05"
>   },
>   "periods": [
>     {
>       "label": "2026-W45",
>       "start": "2026-11-02",
>       "end": "2026-11-08",
>       "episodes": 11,
>       "days_with_episodes": 6,
>       "mean_severity": 2.5454545454545454,
>       "total_duration_s": 570
>     },
>     {
>       "label": "2026-W46",
>       "start": "2026-11-09",
>       "end": "2026-11-15",
>       "episodes": 2,
>       "days_with_episodes": 2,
>       "mean_severity": 1.5,
>       "total_duration_s": 90
>     },
>     {
>       "label": "2026-W47",
>       "start": "2026-11-16",
>       "end": "2026-11-22",
>       "episodes": 3,
>       "days_with_episodes": 2,
>       "mean_severity": 2,
>       "total_duration_s": 90
>     },
>     {
>       "label": "2026-W48",
>       "start": "2026-11-23",
>       "end": "2026-11-24",
>       "episodes": 2,
>       "days_with_episodes": 2,
>       "mean_severity": 2.5,
>       "total_duration_s": 60
>     }
>   ],
>   "insights": {
>     "observed_days": 22,
>     "unobserved_days": 4,
>     "run_up_days": 13,
>     "checkin_days": 23,
>     "day_before_in_model": true,
>     "no_twitches": false,
>     "factors_left_out": [
>       {
>         "id": "sleep",
>         "checkin_days": 15
>       }
>     ],
>     "unobserved_rate": 0.75,
>     "observed_rate": 0.7273,
>     "model": null,
>     "needed_days": 41,
>     "confidence": 0.95,
>     "factors": [
>       {
>         "id": "caffeine",
>         "lag": 0,
>         "per": "cup",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 9
>       },
>       {
>         "id": "caffeine",
>         "lag": 1,
>         "per": "cup",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 9
>       },
>       {
>         "id": "sleep",
>         "lag": 0,
>         "per": "hour less",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "sleep",
>         "lag": 1,
>         "per": "hour less",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "stress",
>         "lag": 0,
>         "per": "point",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "stress",
>         "lag": 1,
>         "per": "point",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "water",
>         "lag": 0,
>         "per": "litre less",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "water",
>         "lag": 1,
>         "per": "litre less",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "alcohol",
>         "lag": 0,
>         "per": "unit",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       },
>       {
>         "id": "alcohol",
>         "lag": 1,
>         "per": "unit",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_risk_side": 0,
>         "days_other_side": 0
>       }
>     ],
>     "remedies": [
>       {
>         "id": "caffeine-limit",
>         "from": "2026-11-16",
>         "rate_ratio": null,
>         "ci_low": null,
>         "ci_high": null,
>         "verdict": "not-enough-data",
>         "with": [],
>         "p_adjusted": null,
>         "days_on": 9,
>         "days_off": 0
>       }
>     ]
>   },
>   "factors": [
>     {
>       "id": "caffeine",
>       "threshold": 3,
>       "risk_side": "high",
>       "risk_days": 7,
>       "risk_rate": 1.5714285714285714,
>       "other_days": 16,
>       "other_rate": 0.4375,
>       "ratio": 3.5918367346938775,
>       "enough_data": true,
>       "stands_out": true
>     },
>     {
>       "id": "sleep",
>       "threshold": 7,
>       "risk_side": "low",
>       "risk_days": 8,
>       "risk_rate": 0.625,
>       "other_days": 7,
>       "other_rate": 0.8571428571428571,
>       "ratio": 0.7291666666666667,
>       "enough_data": true,
>       "stands_out": false
>     },
>     {
>       "id": "stress",
>       "threshold": 4,
>       "risk_side": "high",
>       "risk_days": 0,
>       "risk_rate": null,
>       "other_days": 0,
>       "other_rate": null,
>       "ratio": null,
>       "enough_data": false,
>       "stands_out": false
>     },
>     {
>       "id": "water",
>       "threshold": 1.5,
>       "risk_side": "low",
>       "risk_days": 0,
>       "risk_rate": null,
>       "other_days": 0,
>       "other_rate": null,
>       "ratio": null,
>       "enough_data": false,
>       "stands_out": false
>     },
>     {
>       "id": "alcohol",
>       "threshold": 3,
>       "risk_side": "high",
>       "risk_days": 0,
>       "risk_rate": null,
>       "other_days": 0,
>       "other_rate": null,
>       "ratio": null,
>       "enough_data": false,
>       "stands_out": false
>     }
>   ],
>   "remedies": [
>     {
>       "id": "caffeine-limit",
>       "known": true,
>       "first_day": "2026-11-09",
>       "onset_days": 7,
>       "window_days": 14,
>       "before_rate": 1.2,
>       "before_days": 10,
>       "after_rate": 0.5555555555555556,
>       "after_days": 9
>     },
>     {
>       "id": "hot-bath",
>       "known": false,
>       "first_day": "2026-11-20",
>       "onset_days": 0,
>       "window_days": 14,
>       "before_rate": 0.5714285714285714,
>       "before_days": 14,
>       "after_rate": 0.4,
>       "after_days": 5
>     }
>   ],
>   "other_remedies": 0,
>   "tags": [
>     {
>       "tag": "coffee",
>       "episodes": 6
>     },
>     {
>       "tag": "late",
>       "episodes": 2
>     },
>     {
>       "tag": "screen",
>       "episodes": 2
>     }
>   ],
>   "other_tags": 0,
>   "red_flags": {
>     "as_of": "2026-11-24T12:00:00+01:00",
>     "level": "doctor",
>     "flags": [
>       {
>         "id": "spreading",
>         "level": "doctor",
>         "evidence": "twitches in 2 places in the last 7 days (eyelid, lips); 2 or more is the rule"
>       }
>     ]
>   },
>   "journal": {
>     "file": "journal.txt",
>     "missing": false,
>     "first_day": "2026-10-30",
>     "last_day": "2026-11-24",
>     "errors": 1,
>     "warnings": 2
>   },
>   "warnings": [
>     {
>       "file": "journal.txt",
>       "line": 45,
>       "column": 37,
>       "severity": "warning",
>       "message": "unknown remedy \"hot-bath\": not in the built-in rules (no rule file of yours is in force); to use it, add an entry [[remedy]] with id = \"hot-bath\" to a rule file that starts with extends = \"builtin\" (twitchlog-rules(5)); valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy"
>     },
>     {
>       "file": "journal.txt",
>       "line": 48,
>       "column": 1,
>       "severity": "warning",
>       "message": "entry is in the future; computations ignore it until then"
>     },
>     {
>       "file": "journal.txt",
>       "line": 49,
>       "column": 11,
>       "severity": "error",
>       "message": "expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)"
>     }
>   ],
>   "warnings_total": 3,
>   "disclaimer": "twitchlog is not a diagnosis. It sorts what you report into how soon to see a doctor; when in doubt, ask one. These rules are for adults: for a child, or in pregnancy, ask a doctor."
> }

# One row per period for spreadsheets; RFC 4180 quoting, LF line ends.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format csv
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-W45,2026-11-02,2026-11-08,11,6,2.55,570
> 2026-W46,2026-11-09,2026-11-15,2,2,1.5,90
> 2026-W47,2026-11-16,2026-11-22,3,2,2,90
> 2026-W48,2026-11-23,2026-11-24,2,2,2.5,60
! journal.txt:49:11: warning: skipped: expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)
!  49 | 2026-11-17 twitch
!     |           ^
! twitchlog: note: 2 warnings about journal.txt; run `twitchlog check` to see them

$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format tsv
> period	start	end	episodes	days_with_episodes	mean_severity	total_duration_s
> 2026-W45	2026-11-02	2026-11-08	11	6	2.55	570
> 2026-W46	2026-11-09	2026-11-15	2	2	1.5	90
> 2026-W47	2026-11-16	2026-11-22	3	2	2	90
> 2026-W48	2026-11-23	2026-11-24	2	2	2.5	60
! journal.txt:49:11: warning: skipped: expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)
!  49 | 2026-11-17 twitch
!     |           ^
! twitchlog: note: 2 warnings about journal.txt; run `twitchlog check` to see them

# A page for a doctor.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format markdown
> # Lower lip and eyelid twitching, 2026-11-02 to 2026-11-24
>
> - **Days logged:** logged on 23 of 23 days (days with any entry).
> - **How often:** 18 episodes on 12 of 23 days (0.8 a day); longest run 4 days.
> - **How strong:** mean severity 2.3 of 5 (episodes by severity 1: 4, 2: 7, 3: 5, 4: 1, 5: 1).
> - **How long:** mean 1m2s over the 13 episodes that give one, longest 2m30s, 13m30s in all.
> - **Where:** Lower lip 17, eyelid 1; side: left 0, right 0, both 0, not given 18.
> - **Trend:** 1.1 episodes a day in the first half, 0.5 in the second (down 54%).
> - **Red flags (twitchlog triage, 2026-11-24):** spreading (doctor); care level **doctor**.
>
> ## By week
>
> | Week | Episodes | Days | Mean severity | Duration |
> |---|---:|---:|---:|---:|
> | 2026-W45 | 11 | 6 | 2.5 | 9m30s |
> | 2026-W46 | 2 | 2 | 1.5 | 1m30s |
> | 2026-W47 | 3 | 2 | 2.0 | 1m30s |
> | 2026-W48 | 2 | 2 | 2.5 | 1m |
>
> ## Triggers that stand out
>
> - Not enough data to tell yet: about 41 days with a complete check-in are needed, 22 so far.
>
> ## What goes with the twitching
>
> - 22 days with a complete check-in (today's and yesterday's); 4 other days, 0.8 twitches a day on them (left out).
> - Not in the model, given on too few of the 23 days with a check-in (it takes 80% of them): sleep (on 15).
> - 13 of the days with a check-in were the run-up to a remedy (the 14 days before you first took it, and its onset), also left out: the bad spell that makes you start a remedy would look like its effect.
> - Not enough data to tell what goes with your twitching: about 41 such days are needed. Until then advise shows common causes in general, not yours.
>
> ## Factors, descriptive (not adjusted for one another or for drift)
>
> - caffeine 3 or more cups/day: 1.6 episodes a day on 7 such days, 0.4 on 16 other days (3.6 times).
> - Most frequent tags on twitches: coffee (6), late (2), screen (2).
>
> ## Remedies tried
>
> | Remedy | Since | Episodes a day, 14 days before | After (from) | Doses (entries) | Taken in these days |
> |---|---|---:|---|---|---|
> | Less caffeine | 2026-11-09 | 1.2 | 0.6 (2026-11-16) | not given | on 1 day, 2026-11-09 |
> | hot-bath | 2026-11-20 | 0.6 | 0.4 (2026-11-20) | not given | on 1 day, 2026-11-20 |
>
> ## Notes and doctor visits
>
> - **2026-11-12 Note**: busy week, "deadline"
>
> ## Red flags (as of 2026-11-24T12:00:00+01:00)
>
> - **Spreading** (doctor): Twitching in more than one place is usually harmless too, but it is worth a doctor's check.
>   - twitches in 2 places in the last 7 days (eyelid, lips); 2 or more is the rule
>
> *twitchlog is not a diagnosis. It sorts what you report into how soon to see a doctor; when in doubt, ask one. These rules are for adults: for a child, or in pregnancy, ask a doctor.*
! journal.txt:49:11: warning: skipped: expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)
!  49 | 2026-11-17 twitch
!     |           ^
! twitchlog: note: 2 warnings about journal.txt; run `twitchlog check` to see them

# Every period of the range is listed, empty ones with zeros; the first and last are clipped to the range.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-04 --to 2026-11-07 --period day --format csv 2>/dev/null
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-11-04,2026-11-04,2026-11-04,1,1,2,60
> 2026-11-05,2026-11-05,2026-11-05,2,1,3,0
> 2026-11-06,2026-11-06,2026-11-06,0,0,,0
> 2026-11-07,2026-11-07,2026-11-07,1,1,1,30
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 2m --period month --format csv 2>/dev/null
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-09,2026-09-25,2026-09-30,0,0,,0
> 2026-10,2026-10-01,2026-10-31,1,1,1,0
> 2026-11,2026-11-01,2026-11-24,18,12,2.33,810
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 30d --format json 2>/dev/null | jq -c '[.from, .to, .days, .totals.episodes, [.periods[].label]]'
> ["2026-10-26","2026-11-24",30,19,["2026-W44","2026-W45","2026-W46","2026-W47","2026-W48"]]
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 3w --format json 2>/dev/null | jq -c '[.from, .to, .days]'
> ["2026-11-04","2026-11-24",21]
# By default the rules' default_days (56) ending today, but not before the first entry (10-30).
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --format json 2>/dev/null | jq -c '[.from, .to, .days, .period, .from_is, .settings.default_days]'
> ["2026-10-30","2026-11-24",26,"week","first-entry",56]
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report 2>/dev/null | head -n 1
> Report 2026-10-30 to 2026-11-24 (26 days from the first entry, by week)
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --format markdown 2>/dev/null | head -n 1
> # Lower lip and eyelid twitching, 2026-10-30 (the first entry) to 2026-11-24
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --to 2026-12-31 --format json 2>/dev/null | jq -c '[.from, .to, .days, .from_is, .trend.second_half.to]'
> ["2026-11-06","2026-12-31",56,"default","2026-11-24"]

# A range that ends in the past: red flags as triage saw them at its end: persistent (15 days of twitching
# with gaps of 3 days or less up to 2026-11-13), not spreading (the eyelid twitch is later).
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --to 2026-11-15 --format json 2>/dev/null | jq -c '[.red_flags.as_of, .red_flags.level, .totals.episodes, .remedies[0].after_days]'
> ["2026-11-15T23:59:59+01:00","doctor",13,9]

# --window changes the days compared before and after a remedy.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --window 3 --format json 2>/dev/null | jq -c '.remedies[] | [.id, .window_days, .before_days, .before_rate, .after_days, .after_rate]'
> ["caffeine-limit",3,3,1,3,1]
> ["hot-bath",3,3,0.3333333333333333,3,0]

# Pipes: the README's examples.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format json 2>/dev/null | jq -c .totals
> {"episodes":18,"days_with_episodes":12,"mean_severity":2.3333333333333335,"total_duration_s":810}
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format csv 2>/dev/null | column -ts,
> period    start       end         episodes  days_with_episodes  mean_severity  total_duration_s
> 2026-W45  2026-11-02  2026-11-08  11        6                   2.55           570
> 2026-W46  2026-11-09  2026-11-15  2         2                   1.5            90
> 2026-W47  2026-11-16  2026-11-22  3         2                   2              90
> 2026-W48  2026-11-23  2026-11-24  2         2                   2.5            60

# The order of the lines changes nothing (but the line numbers of the warnings, and the file's name).
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format json 2>/dev/null | jq 'del(.warnings, .journal.file)' > a.json && (head -n 2 journal.txt && tail -n +3 journal.txt | sort -r) > shuffled.txt && twitchlog --journal shuffled.txt --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format json 2>/dev/null | jq 'del(.warnings, .journal.file)' | cmp - a.json && echo same
> same

# Periods sum to the totals.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 6m --period day --format json 2>/dev/null | jq -c '[.totals.episodes, ([.periods[].episodes] | add), .totals.total_duration_s, ([.periods[].total_duration_s] | add), (.periods | length)]'
> [19,19,810,810,184]

# Malformed lines never stop a report; in JSON they are warnings, not stderr; --strict makes them an error.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --format json | jq -c '.warnings[] | [.file, .line, .column]'
> ["journal.txt",45,37]
> ["journal.txt",48,1]
> ["journal.txt",49,11]
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --strict --format csv
! journal.txt:49:11: warning: skipped: expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM) (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)
!  49 | 2026-11-17 twitch
!     |           ^
! twitchlog: note: 2 warnings about journal.txt; run `twitchlog check` to see them
! twitchlog: error: --strict: 1 line of journal.txt left out, as `twitchlog check` finds; run it
? 1

# A range that ends after today: its last days are empty, and the red flags are today's.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-23 --to 2026-11-30 --period day --format csv 2>/dev/null | tail -n 2
> 2026-11-29,2026-11-29,2026-11-29,0,0,,0
> 2026-11-30,2026-11-30,2026-11-30,0,0,,0
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-23 --to 2026-11-30 2>/dev/null | grep '^Red flags'
> Red flags on 2026-11-24: spreading (doctor); care level doctor (see `twitchlog triage`)
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-23 --to 2026-11-30 --format markdown 2>/dev/null | grep 'Red flags (twitchlog'
> - **Red flags (twitchlog triage, 2026-11-24):** spreading (doctor); care level **doctor**.

# Usage errors: one line, exit 2, nothing written.
$ cp journal.txt before.txt
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-20 --to 2026-11-10
! twitchlog: error: --from 2026-11-20 is after --to 2026-11-10
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 3w --from 2026-11-01
! twitchlog: error: choose --last, or --from and --to, not both
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 2y
! twitchlog: error: --last: "2y" is not a length such as 30d, 8w or 6m (days, weeks or months)
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 0d
! twitchlog: error: --last: "0d" is not a length such as 30d, 8w or 6m (days, weeks or months)
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --last 5300w
! twitchlog: error: the range is longer than 100 years
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --period year
! twitchlog: error: --period: unknown period "year"; valid: day, week, month
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --window 0
! twitchlog: error: --window: "0" is not a number of days from 1 to 3650
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --window x
! twitchlog: error: --window: "x" is not a number of days from 1 to 3650
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --format xml
! twitchlog: error: --format: unknown format "xml"; valid: text, json, csv, tsv, markdown, html
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from 2026-02-30
! twitchlog: error: --from: invalid time "2026-02-30": day 30 does not exist in 2026-02 (it has 28 days); use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --color sometimes
! twitchlog: error: --color: unknown choice "sometimes"; valid: auto, always, never
? 2
$ cmp journal.txt before.txt && echo unchanged
> unchanged

# No journal yet: a report of zeros and a note.
$ twitchlog --journal none.txt --as-of 2026-11-24T12:00:00+01:00 report --last 3d --period day --format csv
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-11-22,2026-11-22,2026-11-22,0,0,,0
> 2026-11-23,2026-11-23,2026-11-23,0,0,,0
> 2026-11-24,2026-11-24,2026-11-24,0,0,,0
! twitchlog: note: journal none.txt does not exist yet; nothing from it is taken into account

# Colour only when asked for or on a terminal, never with NO_COLOR.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --color always 2>/dev/null | head -n 1 | grep -c "$(printf '\033')"
> 1
$ script -qec "twitchlog --as-of 2026-11-24T12:00:00+01:00 report" /dev/null | grep -c "$(printf '\033')\[1mReport 2026-10-30"
> 1
$ NO_COLOR=1 script -qec "twitchlog --as-of 2026-11-24T12:00:00+01:00 report" /dev/null | grep -c "$(printf '\033')"
> 0
? 1
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --color never 2>/dev/null | grep -c "$(printf '\033')"
> 0
? 1

# The example journal: report and advise agree on a remedy's before and after (see advise.t).
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-09-30 report --format json | jq -c '.remedies[] | select(.id == "caffeine-limit") | [.first_day, .before_rate, (.after_rate * 1000 | round)]'
> ["2026-08-08",6,3143]
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-10-31 report --from 2026-08-03 --period month --format csv
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-08,2026-08-03,2026-08-31,106,29,2.7,5495
> 2026-09,2026-09-01,2026-09-30,19,11,1.47,300
> 2026-10,2026-10-01,2026-10-31,11,5,1.91,170

# Issue 13: report leaves out exactly the lines check rejects, says so as check does, and --strict fails on them.
$ printf '# twitchlog journal v1\n2026-11-11T08:00:00+01:00 twitch severity=7\n2026-11-11T08:30:00+01:00 twitch severity=3 tags=Coffee,espresso\n2026-11-11T10:30:00+01:00 checkin caffeine=4 sleep=6,5\n2026-11-11T10:30:00+01:00 checkin caffeine=40\n' > t1
$ twitchlog --journal t1 --as-of 2026-11-24T12:00:00+01:00 check
> t1:2:43: error: severity must be a whole number from 1 to 5, not "7"
>  2 | 2026-11-11T08:00:00+01:00 twitch severity=7
>    |                                           ^
> t1:3:50: error: tags holds "Coffee", which is not an id; ids are lowercase letters, digits, '-' and '_', separated by commas
>  3 | 2026-11-11T08:30:00+01:00 twitch severity=3 tags=Coffee,espresso
>    |                                                  ^
> t1:4:52: error: sleep must be a number such as 3 or 6.5, not "6,5"
>  4 | 2026-11-11T10:30:00+01:00 checkin caffeine=4 sleep=6,5
>    |                                                    ^
> t1:5:44: error: caffeine 40 is outside its range 0 to 20 (cups/day)
>  5 | 2026-11-11T10:30:00+01:00 checkin caffeine=40
>    |                                            ^
> t1: 5 lines, 4 entries: 4 errors, 0 warnings
? 1
$ twitchlog --journal t1 --as-of 2026-11-24T12:00:00+01:00 report --strict --format json
! t1:2:43: warning: skipped: severity must be a whole number from 1 to 5, not "7"
!  2 | 2026-11-11T08:00:00+01:00 twitch severity=7
!    |                                           ^
! t1:3:50: warning: skipped: tags holds "Coffee", which is not an id; ids are lowercase letters, digits, '-' and '_', separated by commas
!  3 | 2026-11-11T08:30:00+01:00 twitch severity=3 tags=Coffee,espresso
!    |                                                  ^
! t1:4:52: warning: skipped: sleep must be a number such as 3 or 6.5, not "6,5"
!  4 | 2026-11-11T10:30:00+01:00 checkin caffeine=4 sleep=6,5
!    |                                                    ^
! t1:5:44: warning: skipped: caffeine 40 is outside its range 0 to 20 (cups/day)
!  5 | 2026-11-11T10:30:00+01:00 checkin caffeine=40
!    |                                            ^
! twitchlog: error: --strict: 4 lines of t1 left out, as `twitchlog check` finds; run it
? 1
$ twitchlog --journal t1 --as-of 2026-11-24T12:00:00+01:00 report --format json | jq -c '.totals.episodes, .journal.errors, (.warnings[] | [.line, .column, .severity])'
> 0
> 4
> [2,43,"error"]
> [3,50,"error"]
> [4,52,"error"]
> [5,44,"error"]
$ twitchlog --journal t1 --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-11 --to 2026-11-11 --format csv
> period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s
> 2026-W46,2026-11-11,2026-11-11,0,0,,0
! t1:2:43: warning: skipped: severity must be a whole number from 1 to 5, not "7"
!  2 | 2026-11-11T08:00:00+01:00 twitch severity=7
!    |                                           ^
! t1:3:50: warning: skipped: tags holds "Coffee", which is not an id; ids are lowercase letters, digits, '-' and '_', separated by commas
!  3 | 2026-11-11T08:30:00+01:00 twitch severity=3 tags=Coffee,espresso
!    |                                                  ^
! t1:4:52: warning: skipped: sleep must be a number such as 3 or 6.5, not "6,5"
!  4 | 2026-11-11T10:30:00+01:00 checkin caffeine=4 sleep=6,5
!    |                                                    ^
! t1:5:44: warning: skipped: caffeine 40 is outside its range 0 to 20 (cups/day)
!  5 | 2026-11-11T10:30:00+01:00 checkin caffeine=40
!    |                                            ^

# Issue 13: a journal three weeks old whose twitching fell (3.2 a day, then 0.9): plain `report` covers
# the days from its first entry, and its trend says down.
$ for d in 04 05 06 07 08 09 10 11 12 13; do for h in 08 12 16; do echo "2026-11-${d}T$h:00:00+01:00 twitch severity=3"; done; done > fell.txt && echo "2026-11-05T20:00:00+01:00 twitch severity=4" >> fell.txt && echo "2026-11-06T20:00:00+01:00 twitch" >> fell.txt && for d in 14 15 16 17 18 19 20 21 22 23; do echo "2026-11-${d}T09:00:00+01:00 twitch severity=2"; done >> fell.txt && wc -l < fell.txt
> 42
$ twitchlog --journal fell.txt --as-of 2026-11-24T12:00:00+01:00 report | sed -n '1p;5p'
> Report 2026-11-04 to 2026-11-24 (21 days from the first entry, by week)
> Trend: 3.2 episodes a day in the first half, 0.9 in the second (down 72%)
$ twitchlog --journal fell.txt --as-of 2026-11-24T12:00:00+01:00 report --format json | jq -c '.trend | [.first_half.from, .first_half.days, .first_half.rate, .second_half.days, (.second_half.rate * 100 | round), .direction]'
> ["2026-11-04",10,3.2,11,91,"down"]

# The rules' [report] table sets the default range, --window's default, the minimum days and the tags listed.
$ sed -e 's/^default_days = 56 /default_days = 7 /' -e 's/^effect_window_days = 14 /effect_window_days = 5 /' -e 's/^min_factor_days = 3 /min_factor_days = 8 /' -e 's/^top_tags = 8 /top_tags = 1 /' $SRC/data/rules.toml > short.toml && grep -c '^default_days = 7 \|^effect_window_days = 5 \|^min_factor_days = 8 \|^top_tags = 1 ' short.toml
> 4
$ twitchlog --rules short.toml --as-of 2026-11-24T12:00:00+01:00 report --format json 2>/dev/null | jq -c '[.from, .days, .from_is, .settings.window_days, (.remedies[] | .window_days)]'
> ["2026-11-18",7,"default",5,5,5]
$ twitchlog --rules short.toml --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 2>/dev/null | grep -E '^Tags|^Remedies|^  caffeine'
>   caffeine   3 or more    risk: 1.6 on 7 days; other: 0.4 on 16 days; ratio 3.6 (too little data: under 8 days in a group)
> Tags: coffee (6) and 2 more tags
> Remedies (episodes a day in the 5 days before and after the effect starts)
>   caffeine-limit   since 2026-11-09: 1.2 before, 0.6 after (counted from 2026-11-16, 7 days on)
$ twitchlog --rules short.toml --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format markdown 2>/dev/null | grep 'Most frequent tags'
> - Most frequent tags on twitches: coffee (6) and 2 more tags.

# Issue 14 item 8: many distinct remedy ids: the text lists 20 and counts the rest; JSON lists them all.
$ for i in $(seq 10 39); do echo "2026-11-20T08:$i:00+01:00 remedy id=own-$i"; done > many.txt && twitchlog --journal many.txt --as-of 2026-11-24T12:00:00+01:00 report 2>/dev/null | grep -c ' since 2026-11-20'
> 20
$ twitchlog --journal many.txt --as-of 2026-11-24T12:00:00+01:00 report 2>&1 >/dev/null
> twitchlog: note: 30 warnings about many.txt; run `twitchlog check` to see them
$ twitchlog --journal many.txt --as-of 2026-11-24T12:00:00+01:00 report 2>/dev/null | grep 'more remedies'
>   and 10 more remedies (all in --format json)
$ twitchlog --journal many.txt --as-of 2026-11-24T12:00:00+01:00 report --format json | jq -c '[(.remedies | length), .other_remedies, .settings.tracked_ids]'
> [30,0,1000]

# Issue 14 item 11: Markdown escapes the text of the rules and of the journal; a `where` that is no id is left out.
$ sed 's/^name = "Less caffeine"$/name = "x|<img src=x onerror=alert(1)>|[doc](http:\/\/evil.example)"/' $SRC/data/rules.toml > evil.toml && grep -c 'onerror' evil.toml
> 1
$ cp journal.txt evil.txt && echo '2026-11-24T09:00:00+01:00 twitch where="x|<img src=x onerror=alert(1)>|[doc](http://evil.example)"' >> evil.txt
$ twitchlog --journal evil.txt --rules evil.toml --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format markdown 2>/dev/null | grep -F 'onerror'
> | x\|\<img src=x onerror=alert(1)\>\|\[doc\](http\://evil.example) | 2026-11-09 | 1.2 | 0.6 (2026-11-16) | not given | on 1 day, 2026-11-09 |
$ twitchlog --journal evil.txt --rules evil.toml --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format markdown 2>/dev/null | grep -c '[^\\][][<>]' || echo 'no unescaped < > [ ]'
> 0
> no unescaped < > [ ]
$ twitchlog --journal evil.txt --rules evil.toml --as-of 2026-11-24T12:00:00+01:00 report --from 2026-11-02 --format markdown 2>&1 >/dev/null | grep -c 'where holds'
> 1
