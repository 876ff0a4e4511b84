# twitchlog advise on the example journal, which follows the article's story.
# First week: heavy caffeine, short sleep, stress, little water; caffeine cut on day 6.
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-08-09 advise --format json | jq -c '[.level, .no_data, [.causes[] | select(.likely) | .id], [.causes[] | select(.tier == "inferred") | .id]]'
> ["self-care",false,["caffeine","dehydration","sleep-debt"],["magnesium"]]
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-08-09 advise --format json | jq -c '.causes[0].evidence[] | [.kind, .counts, .text]'
> ["factor",true,"caffeine 6.1 cups/day on average over 7 check-ins in the last 7 days; threshold 3, on the risk side"]
> ["tags",true,"18 twitches tagged coffee (3), espresso (8), latte (7) in the last 7 days"]
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-08-09 advise --format json | jq -c '.remedies[] | [.id, .kind, .for_causes, .rating]'
> ["hydration","quick",["dehydration"],null]
> ["caffeine-limit","long-term",["caffeine"],5]
> ["diet","long-term",["dehydration"],4]
> ["sleep","long-term",["sleep-debt"],3]

# A remedy already tried shows episodes a day before and after: caffeine-limit from 2026-08-08, its effect
# after 7 days; 30 twitches on the 5 days the journal has before (Aug 3-7), 44 in the 14 days from Aug 15.
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-09-30 advise --format json | jq -c '.remedies[] | select(.id == "caffeine-limit") | .tried | [.first_day, .window_days, .before_rate, (.after_rate * 1000 | round)]'
> ["2026-08-08",14,6,3143]
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-08-09 advise | grep -A 2 '^  caffeine-limit'
>   caffeine-limit  Less caffeine (rated 5/5: the change that helped the author most; works after about 7 days), for caffeine
>     Keep to 1-2 cups a day, all before noon, and switch to green tea after that.
>     In your journal: logged since 2026-08-08: 6.0 episodes a day in the 14 days before, no day yet in the 14 days from 2026-08-15.

# The plan: one change a week; a remedy logged in the last 14 days is already in place.
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-08-09 advise --plan | sed -n '/^Plan:/,/^$/p'
> Plan: one change a week, the most effective for the likely causes first.
>   Already in place (logged in the last 14 days; keep it up): caffeine-limit
>   Week 1 (from 2026-08-09): diet, Better diet, for dehydration
>     Eat more potassium (avocados, bananas), magnesium (pumpkin seeds, spinach) and calcium (kale, yogurt).
>     Log `twitchlog log --remedy diet` on the days you do it; a daily check-in with water; every twitch.
>     See whether it works with `twitchlog advise` after 2026-09-12.
>   Week 2 (from 2026-08-16): hydration, Water with electrolytes, for dehydration
>     Drink a large glass of water with a pinch of salt and a squeeze of lemon.
>     Log `twitchlog log --remedy hydration` on the days you do it; a daily check-in with water; every twitch.
>     See whether it works with `twitchlog advise` after 2026-08-29.
>   Week 3 (from 2026-08-23): sleep, Regular sleep, for sleep-debt
>     Sleep 7-8 hours at regular times; magnesium before bed can help.
>     Log `twitchlog log --remedy sleep` on the days you do it; a daily check-in with sleep; every twitch.
>     See whether it works with `twitchlog advise` after 2026-09-26.
>

# Month 3: nothing points at a cause; triage says doctor (recurring), so advise leads with it and lists medical options.
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-10-31 advise | head -n 4
> Care level: doctor (See a doctor)
>   - recurring (doctor): twitches in 3 calendar months of the last 180 days (2026-08, 2026-09, 2026-10), 3 or more is the rule
>   Book an appointment with your doctor and bring your journal (`twitchlog report`).
>   See `twitchlog triage` for the evidence and the questions.
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-10-31 advise --format json | jq -c '[.level, .no_data, (.causes | map(.tier) | unique), [.remedies[] | select(.kind == "medical") | .id]]'
> ["doctor",false,["none"],["blood-work","nerve-conduction","neuro-exam","botox","gabapentin","physical-therapy"]]

# No data: an empty journal orders the causes by how common they are, and says so.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 advise | sed -n '1,4p'
> Likely causes, from the last 7 days of the journal:
>   No data yet: nothing was logged in the last 7 days. The causes are ordered by how common they
>   are; log daily check-ins and twitches (with tags) to rank them by your own journal.
>   1. caffeine  Too much caffeine (extremely-common; score 0)
! twitchlog: note: journal journal.txt does not exist yet; nothing from it is taken into account

# Deterministic: the same journal, rules and --as-of give the same bytes.
$ twitchlog --journal $SRC/data/example.journal --as-of 2026-09-01 advise --plan --format json > a.json && twitchlog --journal $SRC/data/example.journal --as-of 2026-09-01 advise --plan --format json | cmp - a.json && echo same
> same

# Usage errors.
$ twitchlog advise --format csv
! twitchlog: error: --format: unknown format "csv"; valid: text, json
? 2
