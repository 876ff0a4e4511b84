# twitchlog advise on the example journal, which follows the article's story.
# Read as of an earlier day, its later entries are in the future: left out, with a note.
$ cp $SRC/data/example.journal example.journal
# First week: heavy caffeine, short sleep, stress, little water; caffeine cut on day 6.
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --format json | jq -c '[.level, .no_data, [.causes[] | select(.likely) | .id], [.causes[] | select(.tier == "inferred") | .id]]'
> ["self-care",false,["caffeine","dehydration","sleep-debt"],[]]
$ twitchlog --journal example.journal --as-of 2026-08-09 advise | sed -n '1,8p'
> Likely causes, from the last 7 days of the journal:
>   These are common causes of twitching in general, not yet yours: your journal has 0 days with a complete
>   check-in, and about 28 are needed to tell which factors go with your own twitching: about 28 more days
>   of daily check-ins (`twitchlog report`).
>   1. caffeine  Too much caffeine (extremely-common; score 24.05)
>      Caffeine overstimulates the nervous system, and small muscles such as the lip's answer first.
>      + caffeine 6.1 cups/day on average over 7 check-ins in the last 7 days; threshold 3, on the risk side
>      + 18 twitches tagged coffee (3), espresso (8), latte (7) in the last 7 days
! twitchlog: note: 318 warnings about example.journal; run `twitchlog check` to see them
# The same figures in JSON: the numbers, not the sentences.
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --format json | jq -c '.causes[0].evidence[0] | [.kind, .counts, .factor, .unit, .mean, .checkins, .window_days, .threshold, .risk, .at_risk]'
> ["factor",true,"caffeine","cups/day",6.1429,7,7,3,"high",true]
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --format json | jq -c '.causes[0].evidence[1] | [.kind, .counts, .twitches, .by_tag, .window_days]'
> ["tags",true,18,{"coffee":3,"espresso":8,"latte":7},7]
# Low magnesium has no evidence: a journal cannot show it, and heavy coffee alone does not prove it;
# bruxism looks at the night hours.
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --format json | jq -c '.causes[] | select(.id == "magnesium" or .id == "bruxism") | .evidence[] | del(.strength)'
> {"kind":"night","counts":false,"window_days":7,"from":"21:00","to":"07:00","share_over":0.5,"night":0,"total":41,"share":0}
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --format json | jq -c '.remedies[] | [.id, .kind, .for_causes, .rating]'
> ["hydration","quick",["dehydration"],null]
> ["caffeine-limit","long-term",["caffeine"],5]
> ["diet","long-term",["dehydration"],4]
> ["sleep","long-term",["sleep-debt"],3]

# A remedy already tried shows episodes a day before and after: caffeine-limit from 2026-08-08, its effect
# after 7 days; 30 twitches on the 5 days the journal has before (Aug 3-7), 44 in the 14 days from Aug 15.
$ twitchlog --journal example.journal --as-of 2026-09-30 advise --format json | jq -c '.remedies[] | select(.id == "caffeine-limit") | .tried | [.first_day, .window_days, .before_rate, (.after_rate * 1000 | round)]'
> ["2026-08-08",14,6,3143]
$ twitchlog --journal example.journal --as-of 2026-08-09 advise | grep -A 2 '^  caffeine-limit'
>   caffeine-limit  Less caffeine (the article author's rating 5/5: the change that helped the author most; works after about 7 days), for caffeine
>     Cut down over a week or two (stopping at once can bring headaches), to 1-2 cups a day, all before noon; after that drink decaffeinated or herbal drinks (green tea has caffeine too).
>     In your journal (descriptive): logged since 2026-08-08: 6.0 episodes a day in the 14 days before, no day yet in the 14 days from 2026-08-15.
! twitchlog: note: 318 warnings about example.journal; run `twitchlog check` to see them

# The plan: one change a week; a remedy logged in the last 14 days is already in place.
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --plan | sed -n '/^Plan:/,/^$/p'
> Plan: one change a week, the most effective for the likely causes first.
>   Already in place (logged in the last 14 days; keep it up): caffeine-limit
>   Week 1 (from 2026-08-09): diet, Better diet, for dehydration
>     Eat more potassium (avocados, bananas), magnesium (pumpkin seeds, spinach) and calcium (kale, yogurt). With kidney disease, or if you take an ACE inhibitor, an ARB or spironolactone, ask your doctor before eating more potassium.
>     Log `twitchlog log --remedy diet` on the days you do it; a daily check-in with water; every twitch.
>     Look again with `twitchlog report` after 2026-09-12; twitching also comes and goes by itself, so one
>     start seldom tells.
>   Week 2 (from 2026-08-16): hydration, Water with electrolytes, for dehydration
>     Drink a large glass of water with a pinch of salt and a squeeze of lemon. If a doctor told you to limit salt or fluids (heart or kidney disease), use plain water within your limit.
>     Log `twitchlog log --remedy hydration` on the days you do it; a daily check-in with water; every twitch.
>     Look again with `twitchlog report` after 2026-08-29; twitching also comes and goes by itself, so one
>     start seldom tells.
>   Week 3 (from 2026-08-23): sleep, Regular sleep, for sleep-debt
>     Sleep 7-8 hours at regular times.
>     Log `twitchlog log --remedy sleep` on the days you do it; a daily check-in with sleep; every twitch.
>     Look again with `twitchlog report` after 2026-09-26; twitching also comes and goes by itself, so one
>     start seldom tells.
>
! twitchlog: note: 318 warnings about example.journal; run `twitchlog check` to see them

# The plan in JSON: what to log and when to look again, as ids and dates.
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --plan --format json | jq -c '.plan[] | [.week, .start, .remedy, .log_factors, .log_tags, .review_after]'
> [1,"2026-08-09","diet",["water"],[],"2026-09-12"]
> [2,"2026-08-16","hydration",["water"],[],"2026-08-29"]
> [3,"2026-08-23","sleep",["sleep"],[],"2026-09-26"]
$ twitchlog --journal example.journal --as-of 2026-08-09 advise --plan --format json | jq -c '[.in_place, .in_place_days, .effect_window_days, (.remedies[] | select(.id == "caffeine-limit") | .last_day, .tried.onset_days, .tried.after_first_day)]'
> [["caffeine-limit"],14,14,"2026-08-09",7,"2026-08-15"]

# Lines check rejects are left out, and said so as check says it: caffeine=40 (out of range) and
# sleep=6,5 (not a number) take their whole line with them. An approximate twitch has no hour for the
# night rule; a remedy the rules do not know is not counted as tried.
$ cat > small.journal
< # twitchlog journal v1
< 2026-11-20T08:00:00+01:00 checkin caffeine=40 sleep=5
< 2026-11-21T08:00:00+01:00 checkin caffeine=5 sleep=6,5
< 2026-11-22T08:00:00+01:00 checkin caffeine=6 sleep=8
< 2026-11-23T08:00:00+01:00 checkin caffeine=4 sleep=8
< 2026-11-23T11:00:00+01:00 remedy id=zinc
< 2026-11-23T23:30:00+01:00 twitch severity=2 approx=day
< 2026-11-24T09:00:00+01:00 twitch severity=2
$ twitchlog --journal small.journal --as-of 2026-11-24T10:00:00+01:00 advise --format json | jq -c '.causes[] | select(.id == "caffeine" or .id == "sleep-debt" or .id == "bruxism") | [.id, .tier, (.evidence[0] | .mean, .checkins, .night, .total)]'
> ["caffeine","direct",5,2,null,null]
> ["sleep-debt","none",8,2,null,null]
> ["bruxism","none",null,null,0,1]
$ twitchlog --journal small.journal --as-of 2026-11-24T10:00:00+01:00 advise --format json 2>/dev/null | jq -c '[.remedies[] | [.id, .last_day, .tried]]'
> [["caffeine-limit",null,null]]

# Month 3: nothing points at a cause; triage says doctor (recurring), so advise leads with it and lists medical options.
$ twitchlog --journal example.journal --as-of 2026-10-31 advise | head -n 4
> Care level: doctor (See a doctor)
>   - recurring (doctor): 3 separate runs of twitching began in the last 180 days (2026-08-03, 2026-09-17, 2026-10-15), each at least 28 days after the one before; 3 or more is the rule
>   Book an appointment with a doctor (a GP) in the next week or two, and bring your journal (`twitchlog report`).
>   See `twitchlog triage` for the evidence and the questions.
$ twitchlog --journal example.journal --as-of 2026-10-31 advise --format json | jq -c '[.level, .no_data, (.causes | map(.tier) | unique), [.remedies[] | select(.kind == "medical") | .id]]'
> ["doctor",false,["none"],["blood-work","nerve-conduction","neuro-exam","botox","gabapentin","physical-therapy"]]

# No data: an empty journal orders the causes by how common they are, and says so.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 advise | sed -n '1,4p'
> Likely causes, from the last 7 days of the journal:
>   No data yet: nothing was logged in the last 7 days. The causes are ordered by how common they
>   are; log daily check-ins and twitches (with tags) to rank them by your own journal.
>   1. caffeine  Too much caffeine (extremely-common; score 0)
! twitchlog: note: journal journal.txt does not exist yet; nothing from it is taken into account

# Deterministic: the same journal, rules and --as-of give the same bytes.
$ twitchlog --journal example.journal --as-of 2026-09-01 advise --plan --format json > a.json && twitchlog --journal example.journal --as-of 2026-09-01 advise --plan --format json | cmp - a.json && echo same
> same

# Usage errors.
$ twitchlog advise --format csv
! twitchlog: error: --format: unknown format "csv"; valid: text, json
? 2
