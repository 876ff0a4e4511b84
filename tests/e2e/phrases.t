# Time phrases as people type them, for --at, --from, --to, --as-of and retract;
# the timestamp taken is in the entry echoed. Now is Tuesday 2026-11-24 12:00.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '  Yesterday 9AM '
> 2026-11-23T09:00:00+01:00 twitch severity=2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '9:15pm'
> 2026-11-23T21:15:00+01:00 twitch severity=2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '2 hours ago'
> 2026-11-24T10:00:00+01:00 twitch severity=2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'mon 8:00'
> 2026-11-23T08:00:00+01:00 twitch severity=2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'last monday'
> 2026-11-23T12:00:00+01:00 twitch severity=2 approx=day
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'this morning'
> 2026-11-24T09:00:00+01:00 twitch severity=2 approx=part
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'Nov 30'
> 2025-11-30T12:00:00+01:00 twitch severity=2 approx=day
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 2026-11-20
> 2026-11-20T12:00:00+01:00 twitch severity=2 approx=day
# Refused: a future time, a part of the day still to come, a form not known.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'today 23:30'
! twitchlog: error: --at "today 23:30" is in the future (now is 2026-11-24T12:00:00+01:00); entries record what has happened
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'this evening'
! twitchlog: error: --at: invalid time "this evening": the evening has not begun yet (it is 12:00); for yesterday's, say yesterday evening; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at tomorrow
! twitchlog: error: --at: invalid time "tomorrow": not a form twitchlog knows; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '2 hours'
! twitchlog: error: --at: invalid time "2 hours": unexpected "hours" after the time; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2
# The same phrases for report, --as-of and retract.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from yesterday --to today --format json | jq -c '[.from, .to]'
> ["2026-11-23","2026-11-24"]
$ twitchlog --as-of 'Nov 20 2026' report --format json | jq -c '.to'
> "2026-11-20"
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 retract 'yesterday 9am'
> Taking back 1 entry:
>   2026-11-23T09:00:00+01:00  twitch   severity=2
> 2026-11-24T12:00:00+01:00 retract of=2026-11-23T09:00:00+01:00 kind=twitch
# At 00:30, 23:30 is last night, and "tonight" the night still going on.
$ twitchlog --as-of 2026-11-25T00:30:00+01:00 log -s2 --at 23:30
> 2026-11-24T23:30:00+01:00 twitch severity=2
$ twitchlog --as-of 2026-11-25T00:30:00+01:00 log -s2 --at tonight
> 2026-11-24T22:00:00+01:00 twitch severity=2 approx=part
# Only the day or the part of the day known: approx, which the hour-based rules skip.
$ grep -c 'approx=' journal.txt
> 5

# Guards: "WHEN: text" as in jrnl, check-in values without --checkin, words after check-in values.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log 'yesterday 9am: lip twitching'
> 2026-11-23T09:00:00+01:00 twitch note="lip twitching"
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log dentist: call on Friday
> 2026-11-24T12:00:00+01:00 twitch note="dentist: call on Friday"
$ cp journal.txt before.txt
$ twitchlog log caffeine=3
! twitchlog: error: caffeine=3 is a check-in value; a check-in needs --checkin: twitchlog log --checkin caffeine=3
? 2
$ twitchlog log -s2 Caffeine=3 sleep=6
! twitchlog: error: caffeine=3 sleep=6 are check-in values; a check-in needs --checkin: twitchlog log --checkin caffeine=3 sleep=6
? 2
$ twitchlog log --checkin caffeine=3 stress
! twitchlog: error: "stress" after the check-in values is not KEY=VALUE; a check-in's note is note="TEXT", or words before the values
? 2
$ cmp journal.txt before.txt && echo unchanged
> unchanged
# Capitals are lowered, durations as typed, --note with --remedy.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -t Espresso --side Left --where Eyelid -d 45
> 2026-11-24T12:00:00+01:00 twitch duration=45s where=eyelid side=left tags=espresso
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -d '2 min'
> 2026-11-24T12:00:00+01:00 twitch duration=2m
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -d 1m30s
> 2026-11-24T12:00:00+01:00 twitch duration=1m30s
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -d 'two minutes'
! twitchlog: error: -d/--duration "two minutes": expected a number, not "two"; use 45 (seconds), 45s, 2 min, 1m30s or 1h30m
? 2
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log --remedy Magnesium --note 'with dinner'
> 2026-11-24T12:00:00+01:00 remedy id=magnesium note="with dinner"
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log --checkin Caffeine=2
> 2026-11-24T12:00:00+01:00 checkin caffeine=2
# A tag a typo away from one the rules know: kept, with a note.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -t coffe,expresso,exam
> 2026-11-24T12:00:00+01:00 twitch tags=coffe,expresso,exam
! twitchlog: note: tag "coffe" is not one the rules know; did you mean coffee? (tags are free-form: it is kept as given, but only coffee counts as evidence)
! twitchlog: note: tag "expresso" is not one the rules know; did you mean espresso? (tags are free-form: it is kept as given, but only espresso counts as evidence)
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -q -t coffee

# Did you mean: subcommands, options, options in the wrong place, formats, ids.
$ twitchlog reprot
! twitchlog: error: unknown subcommand "reprot" (did you mean report?); valid: log, checkin, check, triage, advise, report, export, last, undo, retract, edit, rules, completion, help
? 2
$ twitchlog --format json report
! twitchlog: error: --format is an option of report: twitchlog report --format json
? 2
$ twitchlog report --formt json
! twitchlog: error: unknown option "--formt" (did you mean --format?); see twitchlog report --help
? 2
$ twitchlog log --plan
! twitchlog: error: --plan is an option of advise: twitchlog advise --plan (log has no --plan)
? 2
$ twitchlog report --format jsno
! twitchlog: error: --format: unknown format "jsno" (did you mean json?); valid: text, json, csv, tsv, markdown, html
? 2
$ twitchlog log --remedy magnesum
! twitchlog: error: unknown remedy "magnesum" (did you mean magnesium?); valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy
? 2
$ twitchlog log --flag chewnig
! twitchlog: error: --flag: unknown id "chewnig" (did you mean chewing?); valid: stroke-signs, breathing, seizure, weakness, drooping, speech, vision, swallowing, ear-rash, tingling-cramps, numb-chin, head-injury, jaw-headache, dystonia, wasting, spreading, persistent, recurring, chewing, eye-closing, eye-red, stiffness, medicine, known-condition
? 2
$ twitchlog log --where eyeld
! twitchlog: error: --where: unknown area "eyeld" (did you mean eyelid?); valid: lower-lip, upper-lip, eyelid, cheek, jaw, chin, neck, arm, leg, other
? 2
$ twitchlog log --checkin cafeine=3
! twitchlog: error: unknown factor "cafeine" (did you mean caffeine?); valid: caffeine, sleep, stress, water, alcohol (and note=TEXT)
? 2
$ twitchlog help reprot
! twitchlog: error: help: unknown subcommand "reprot" (did you mean report?); valid: log, checkin, check, triage, advise, report, export, last, undo, retract, edit, rules, completion, help
? 2

# log --help lists the factors with their units and ranges, from the rules.
$ twitchlog log --help | sed -n '/^Check-in factors/,/^$/p'
> Check-in factors (KEY=VALUE words with --checkin, from the rules in force):
>   caffeine=N   cups/day, 0 to 20: Cups of coffee, or the same caffeine from tea, cola or energy drinks, per day.
>   sleep=N      hours, 0 to 24: Hours slept last night.
>   stress=N     out of 5, 1 to 5, whole numbers: How stressed you felt today, from 1 (calm) to 5 (overwhelmed).
>   water=N      litres/day, 0 to 10: Litres of water and other plain drinks per day.
>   alcohol=N    units/day, 0 to 50: Units of alcohol (standard drinks) per day.
>

# Five days logged with a date alone: stand-in times with approx=day, so the night rule of advise
# has no hour to go by (they used to be stored at 00:00, "100% at night", and bruxism came first).
$ for d in 16 17 18 19 20; do twitchlog --journal dates.journal --as-of 2026-11-24T12:00:00+01:00 log -q -s2 --at 2026-11-$d; done
$ cut -d' ' -f1,4 dates.journal | tail -n 1
> 2026-11-20T12:00:00+01:00 approx=day
$ twitchlog --journal dates.journal --as-of 2026-11-24T12:00:00+01:00 advise --format json | jq -c '.causes[] | select(.id == "bruxism") | [.tier, (.evidence[0] | .night, .total)]'
> ["none",0,0]
# log --help takes the factors from the rules in force (--rules here).
$ sed 's|unit = "cups/day"|unit = "mugs"|' "$SRC/data/rules.toml" > mine.toml
$ twitchlog --rules mine.toml log --help | grep '^  caffeine=N'
>   caffeine=N   mugs, 0 to 20: Cups of coffee, or the same caffeine from tea, cola or energy drinks, per day.
