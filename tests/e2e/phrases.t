# Time phrases as people type them, for --at, --from, --to, --as-of and retract;
# the timestamp taken is in the entry echoed. Now is Tuesday 2026-11-24 12:00.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '  Yesterday 9AM '
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '9:15pm'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '2 hours ago'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'mon 8:00'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'last monday'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'this morning'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'Nov 30'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 2026-11-20
# At 00:30, 23:30 is last night, and "tonight" the night still going on.
$ twitchlog --as-of 2026-11-25T00:30:00+01:00 log -s2 --at 23:30
$ twitchlog --as-of 2026-11-25T00:30:00+01:00 log -s2 --at tonight
# Refused: a future time, a part of the day still to come, a form not known.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'today 23:30'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at 'this evening'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at tomorrow
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -s2 --at '2 hours'
# The same phrases for report, --as-of and retract.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 report --from yesterday --to today --format json | jq -c '[.range.from, .range.to]'
$ twitchlog --as-of yesterday report --format json | jq -c '.range.to'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 retract 'yesterday 9am'
# An approximate twitch has no hour: the night rule of advise leaves it out.
$ grep -c 'approx=' journal.txt

# Guards: "WHEN: text" as in jrnl, check-in values without --checkin, words after check-in values.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log 'yesterday 9am: lip twitching'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log dentist: call on Friday
$ cp journal.txt before.txt
$ twitchlog log caffeine=3
$ twitchlog log -s2 Caffeine=3 sleep=6
$ twitchlog log --checkin caffeine=3 stress
$ cmp journal.txt before.txt && echo unchanged
# Capitals are lowered, durations as typed, --note with --remedy.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -t Espresso --side Left --where Eyelid -d 45
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -d '2 min'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -d 1m30s
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -d 'two minutes'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log --remedy Magnesium --note 'with dinner'
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log --checkin Caffeine=2
# A tag a typo away from one the rules know: kept, with a note.
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -t coffe,expresso,exam
$ twitchlog --as-of 2026-11-24T12:00:00+01:00 log -q -t coffee

# Did you mean: subcommands, options, options in the wrong place, formats, ids.
$ twitchlog reprot
$ twitchlog --format json report
$ twitchlog report --formt json
$ twitchlog log --plan
$ twitchlog report --format jsno
$ twitchlog log --remedy magnesum
$ twitchlog log --flag chewnig
$ twitchlog log --where eyeld
$ twitchlog log --checkin cafeine=3
$ twitchlog help reprot

# log --help lists the factors with their units and ranges, from the rules.
$ twitchlog log --help | sed -n '/^Check-in factors/,/^$/p'
