# The statistics ("What goes with your twitching", JSON insights, advise's ranking) with a FITTED
# model, end to end, on tests/data/insights.journal (scripts/gen-insights-journal): 200 days,
# 2026-05-09..11-24, a check-in with every factor every day. The truth behind it: 1.6 times the
# twitching per hour of sleep less, caffeine rising after short nights with no effect of its own,
# stress, water and alcohol null; the remedy "sleep" (regular sleep) logged every evening from
# 2026-08-17, doing nothing. Day 1 has no check-in the day before: 199 observed days, 1 other.
# The remedy's run-up (the 14 days before 08-17 and its 21 onset days) is left out: 35 days, so the
# model has 164. Terms: 5 factors x 2 lags and the remedy = 11 (the days of the week and the drift
# curve only adjust), so 110 model days are needed and the model is fitted.
$ cp $SRC/tests/data/insights.journal journal.txt
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 check
> journal.txt: 543 lines, 540 entries: ok

# The text section, as the user reads it: sleep a likely trigger, caffeine not.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report > out && sed -n '/^What goes with your twitching/,/^$/p' out
> What goes with your twitching
>   199 days with a complete check-in (today's and yesterday's); 1 other day, 1.0 twitches a day on them (left out).
>   35 of the days with a check-in were the run-up to a remedy (the 14 days before you first took it, and its onset), also left out: the bad spell that makes you start a remedy would look like its effect.
>   Rate ratios with 95% intervals, from a Poisson model of your daily twitches:
>     caffeine, per cup: 0.98x [0.84 to 1.13] - can't tell yet
>     caffeine the day before, per cup: 1.03x [0.87 to 1.23] - can't tell yet
>     sleep, per hour less: 1.65x [1.39 to 1.95] - likely a trigger
>     sleep the day before, per hour less: 0.98x [0.82 to 1.18] - can't tell yet
>     stress, per point: 1.04x [0.90 to 1.20] - can't tell yet
>     stress the day before, per point: 1.05x [0.92 to 1.21] - can't tell yet
>     water, per litre less: 1.02x [0.74 to 1.42] - can't tell yet
>     water the day before, per litre less: 0.86x [0.60 to 1.24] - can't tell yet
>     alcohol, per unit: 0.90x [0.78 to 1.05] - can't tell yet
>     alcohol the day before, per unit: 0.95x [0.84 to 1.08] - can't tell yet
>     remedy sleep from 2026-09-07: no estimate: too little to pin it down (it may have started just as your twitching was changing anyway) - can't tell yet
>

# JSON: the counts and the model.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights | [.observed_days, .unobserved_days, .unobserved_rate, .run_up_days, .model, .needed_days, .confidence]' out
> [199,1,1,35,{"family":"poisson","theta":null,"days":164,"terms":11,"converged":true},null,0.95]
# The model's days are the observed ones without the run-up.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights | [(.observed_days - .run_up_days) == .model.days, (.model.terms | type), (.model.family | type)]' out
> [true,"number","string"]
# One entry per factor and lag (0 and 1), each with the contract's keys and types.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights.factors | [length, map([.id, .lag]) == ([["caffeine","sleep","stress","water","alcohol"][] as $f | [$f, 0], [$f, 1]])]' out
> [10,true]
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights.factors[] | [.id, .lag, .per, (.rate_ratio | type), (.ci_low | type), (.ci_high | type), .verdict, (.with | type), .days_risk_side + .days_other_side]' out
> ["caffeine",0,"cup","number","number","number","cant-tell-yet","array",164]
> ["caffeine",1,"cup","number","number","number","cant-tell-yet","array",164]
> ["sleep",0,"hour less","number","number","number","likely-trigger","array",164]
> ["sleep",1,"hour less","number","number","number","cant-tell-yet","array",164]
> ["stress",0,"point","number","number","number","cant-tell-yet","array",164]
> ["stress",1,"point","number","number","number","cant-tell-yet","array",164]
> ["water",0,"litre less","number","number","number","cant-tell-yet","array",164]
> ["water",1,"litre less","number","number","number","cant-tell-yet","array",164]
> ["alcohol",0,"unit","number","number","number","cant-tell-yet","array",164]
> ["alcohol",1,"unit","number","number","number","cant-tell-yet","array",164]
# Sleep on the same day: likely a trigger, its whole interval above 1; the day before: not.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights.factors[] | select(.id == "sleep") | [.lag, .rate_ratio, .ci_low, .ci_high, .verdict, .ci_low > 1]' out
> [0,1.6452,1.3857,1.9534,"likely-trigger",true]
> [1,0.9789,0.8154,1.1753,"cant-tell-yet",false]
# Caffeine, the confounder: no likely trigger on either lag, each interval around 1.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights.factors[] | select(.id == "caffeine") | [.lag, .rate_ratio, .ci_low, .ci_high, .verdict, .verdict != "likely-trigger", .ci_low < 1 and .ci_high > 1]' out
> [0,0.9783,0.8436,1.1344,"cant-tell-yet",true,true]
> [1,1.0335,0.8694,1.2287,"cant-tell-yet",true,true]
# The remedy: its effect counted from its onset (08-17 + 21 days); 79 model days after, 85 before;
# no estimate (the drift curve can bend across the left-out run-up), so can't tell yet.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights.remedies[] | [.id, .from, .rate_ratio, .ci_low, .ci_high, .verdict, .with, .days_on, .days_off, .days_on + .days_off]' out
> ["sleep","2026-09-07",null,null,null,"cant-tell-yet",[],79,85,164]

# Markdown: the likely trigger stands out (sleep, not caffeine), and the same section as the text.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format markdown > out && sed -n '/^## Triggers that stand out/,/^## Factors/p' out
> ## Triggers that stand out
>
> - sleep: 1.65 times the twitching per hour less (95% interval 1.39 to 1.95).
>
> ## What goes with the twitching
>
> - 199 days with a complete check-in (today's and yesterday's); 1 other day, 1.0 twitches a day on them (left out).
> - 35 of the days with a check-in were the run-up to a remedy (the 14 days before you first took it, and its onset), also left out: the bad spell that makes you start a remedy would look like its effect.
> - Rate ratios with 95% intervals, from a Poisson model of your daily twitches:
> -   caffeine, per cup: 0.98x [0.84 to 1.13] - can't tell yet
> -   caffeine the day before, per cup: 1.03x [0.87 to 1.23] - can't tell yet
> -   sleep, per hour less: 1.65x [1.39 to 1.95] - likely a trigger
> -   sleep the day before, per hour less: 0.98x [0.82 to 1.18] - can't tell yet
> -   stress, per point: 1.04x [0.90 to 1.20] - can't tell yet
> -   stress the day before, per point: 1.05x [0.92 to 1.21] - can't tell yet
> -   water, per litre less: 1.02x [0.74 to 1.42] - can't tell yet
> -   water the day before, per litre less: 0.86x [0.60 to 1.24] - can't tell yet
> -   alcohol, per unit: 0.90x [0.78 to 1.05] - can't tell yet
> -   alcohol the day before, per unit: 0.95x [0.84 to 1.08] - can't tell yet
> -   remedy sleep from 2026-09-07: no estimate: too little to pin it down (it may have started just as your twitching was changing anyway) - can't tell yet
>
> ## Factors, descriptive (not adjusted for one another or for drift)

# HTML: the page for a doctor has the section, with the sleep line.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 report --format html > out && sed -n '/<section id="insights">/,/<\/section>/p' out | grep -e '<h2>' -e 'sleep, per hour less' -e 'caffeine, per cup'
> <section id="insights"><h2>What goes with your twitching</h2>
> <li class="sub">caffeine, per cup: 0.98x [0.84 to 1.13] - can't tell yet</li>
> <li class="sub">sleep, per hour less: 1.65x [1.39 to 1.95] - likely a trigger</li>

# advise: short sleep first, ranked by the statistics (associated_score 40 + 10 x ln 1.6452 = 44.98),
# the other causes with the journal's estimate for them (the likely-trigger lag, else the larger ratio).
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 advise > out && sed -n '/^Likely causes/,/^  3\./p' out
> Likely causes, from the last 7 days of the journal:
>   1. sleep-debt  Short sleep (common, the article gives no figure; the NHS lists tiredness among the usual causes; score 44.98)
>      Too little sleep leaves the nervous system tired and easily excited.
>      + your journal: 1.65x the twitching per hour less (95% interval 1.39 to 1.95): likely a trigger
>      - sleep 6.6 hours on average over 7 check-ins in the last 7 days; threshold 7, on the risk side
>   Less likely now:
>   2. caffeine  Too much caffeine (extremely-common; score 0)
>      - your journal: 1.03x the twitching per cup the day before (95% interval 0.87 to 1.23): can't tell yet
>      - caffeine 1.6 cups/day on average over 7 check-ins in the last 7 days; threshold 3, not on the risk side
>      - no twitch tagged coffee, espresso, latte, tea, green-tea, cola, energy-drink in the last 7 days
>   3. stress  Stress and anxiety (very-common, behind roughly 60% of cases, by the article's estimate; score 0)
# The remedy already tried: the descriptive before/after and the statistics' verdict.
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 advise > out && sed -n '/^Long-term changes/,/^$/p' out
> Long-term changes:
>   sleep  Regular sleep (the article author's rating 3/5: helps, but takes weeks; works after about 21 days), for sleep-debt
>     Sleep 7-8 hours at regular times.
>     In your journal (descriptive): logged since 2026-08-17: 0.9 episodes a day in the 14 days before, 0.9 in the 14 days from 2026-09-07.
>     The statistics (`twitchlog report`): no estimate, can't tell yet.
>
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 advise --format json > out && jq -c '[.statistics, .causes[0].id, .causes[0].tier, .causes[0].score, .causes[0].association]' out
> [{"ranked_by_journal":true,"observed_days":199,"needed_days":null},"sleep-debt","associated",44.98,{"factor":"sleep","lag":0,"rate_ratio":1.6452,"ci_low":1.3857,"ci_high":1.9534,"verdict":"likely-trigger"}]
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 advise --format json > out && jq -c '[.causes[] | select(.association) | [.id, .association.factor, .association.lag, .association.verdict]]' out
> [["sleep-debt","sleep",0,"likely-trigger"],["caffeine","caffeine",1,"cant-tell-yet"],["stress","stress",1,"cant-tell-yet"],["dehydration","water",0,"cant-tell-yet"],["alcohol","alcohol",1,"cant-tell-yet"]]
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 advise --format json > out && jq -c '.remedies[] | select(.id == "sleep") | [.tried.first_day, .tried.after_first_day, .tried.before_rate, .tried.after_rate, .insight]' out
> ["2026-08-17","2026-09-07",0.8571428571428571,0.8571428571428571,{"from":"2026-09-07","rate_ratio":null,"ci_low":null,"ci_high":null,"verdict":"cant-tell-yet","with":[]}]
$ twitchlog --as-of 2026-11-24T22:00:00+01:00 advise --plan > out && sed -n '/^Plan/,/^$/p' out
> Plan: one change a week, the most effective for the likely causes first.
>   Already in place (logged in the last 14 days; keep it up): sleep
>

# One side of caffeine's threshold without any twitch (the old crash was a null estimate read as a
# number). 42 days, 2026-10-14..11-24, a check-in with caffeine alone (4 cups on 3 days of each 7,
# else 1); twitches only on the 4-cup days: 1, or 2 on every third day. The model's days are the 41
# after the first: 17 at 4 cups with 22 twitches, 24 at 1 cup with none. Terms: caffeine x 2 lags
# and the weekend = 3, so 30 days are needed. The bound on the 1-cup days' rate relative to the 4-cup
# days': each of the 22 twitches falls on a 1-cup day with chance p = 24R / (24R + 17); none does
# with chance (1 - p)^22 >= 0.05 up to p = 1 - 0.05^(1/22) = 0.12727, R = 17p / (24 (1 - p)) = 0.1033.
$ { echo "# twitchlog journal v1"; for i in $(seq 0 41); do d=$(date -u -d "2026-10-14 12:00 UTC +$i days" +%F); c=$(( i * 5 % 7 < 3 ? 4 : 1 )); echo "${d}T08:00:00+01:00 checkin caffeine=$c"; if [ $c = 4 ]; then echo "${d}T11:30:00+01:00 twitch severity=2"; [ $((i % 3)) = 0 ] && echo "${d}T15:30:00+01:00 twitch severity=2"; fi; done; } > high.journal; wc -l < high.journal
> 67
$ twitchlog --journal high.journal --as-of 2026-11-24T22:00:00+01:00 report > out && sed -n '/^What goes with your twitching/,/^$/p' out
> What goes with your twitching
>   41 days with a complete check-in (today's and yesterday's); 1 other day, 2.0 twitches a day on them (left out).
>   Rate ratios with 95% intervals, from a Poisson model of your daily twitches:
>     caffeine, per cup: no estimate; twitches only on its risk side: the rate on those 17 days is at least 9.7 times the other 24 days' - can't tell yet
>     caffeine the day before, per cup: 0.96x [0.67 to 1.37] - can't tell yet
>
$ twitchlog --journal high.journal --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights | [.model, (.factors[] | select(.id == "caffeine") | [.lag, .rate_ratio, .verdict, .zero_side, .days_risk_side, .days_other_side])]' out
> [{"family":"poisson","theta":null,"days":41,"terms":3,"converged":true},[0,null,"cant-tell-yet",{"side":"other","rate_ratio_below":0.1033},17,24],[1,0.9557,"cant-tell-yet",null,17,24]]
$ twitchlog --journal high.journal --as-of 2026-11-24T22:00:00+01:00 report --format markdown > out && sed -n '/^## Triggers that stand out/,/^## Factors/p' out
> ## Triggers that stand out
>
> - None: no factor is a likely trigger in this journal (see below).
>
> ## What goes with the twitching
>
> - 41 days with a complete check-in (today's and yesterday's); 1 other day, 2.0 twitches a day on them (left out).
> - Rate ratios with 95% intervals, from a Poisson model of your daily twitches:
> -   caffeine, per cup: no estimate; twitches only on its risk side: the rate on those 17 days is at least 9.7 times the other 24 days' - can't tell yet
> -   caffeine the day before, per cup: 0.96x [0.67 to 1.37] - can't tell yet
>
> ## Factors, descriptive (not adjusted for one another or for drift)
$ twitchlog --journal high.journal --as-of 2026-11-24T22:00:00+01:00 report --format html > out && grep -c 'at least 9.7 times the other 24 days' out
> 1
$ twitchlog --journal high.journal --as-of 2026-11-24T22:00:00+01:00 advise > out && grep -e '^  1\.' -e 'your journal:' out
>   1. caffeine  Too much caffeine (extremely-common; score 0)
>      - your journal: 0.96x the twitching per cup the day before (95% interval 0.67 to 1.37): can't tell yet

# The other way round: twitches only on the 1-cup days (every other day: 12 twitches on the 24), none
# on the 17 at 4 cups, the risk side. p = 1 - 0.05^(1/12) = 0.22092, R = 24p / (17 (1 - p)) = 0.4003.
$ { echo "# twitchlog journal v1"; for i in $(seq 0 41); do d=$(date -u -d "2026-10-14 12:00 UTC +$i days" +%F); c=$(( i * 5 % 7 < 3 ? 4 : 1 )); echo "${d}T08:00:00+01:00 checkin caffeine=$c"; if [ $c = 1 ] && [ $((i % 2)) = 0 ]; then echo "${d}T11:30:00+01:00 twitch severity=2"; fi; done; } > low.journal; wc -l < low.journal
> 55
$ twitchlog --journal low.journal --as-of 2026-11-24T22:00:00+01:00 report > out && sed -n '/^What goes with your twitching/,/^$/p' out
> What goes with your twitching
>   41 days with a complete check-in (today's and yesterday's); 1 other day, 0.0 twitches a day on them (left out).
>   Rate ratios with 95% intervals, from a Poisson model of your daily twitches:
>     caffeine, per cup: no estimate; no twitch on the 17 days on its risk side: their rate is at most 0.40 times the others' - can't tell yet
>     caffeine the day before, per cup: 1.00x [0.63 to 1.59] - can't tell yet
>
$ twitchlog --journal low.journal --as-of 2026-11-24T22:00:00+01:00 report --format json > out && jq -c '.insights | [.model, (.factors[] | select(.id == "caffeine") | [.lag, .rate_ratio, .verdict, .zero_side, .days_risk_side, .days_other_side])]' out
> [{"family":"poisson","theta":null,"days":41,"terms":3,"converged":true},[0,null,"cant-tell-yet",{"side":"risk","rate_ratio_below":0.4003},17,24],[1,1,"cant-tell-yet",null,17,24]]
$ twitchlog --journal low.journal --as-of 2026-11-24T22:00:00+01:00 report --format markdown > out && sed -n '/^## Triggers that stand out/,/^## Factors/p' out
> ## Triggers that stand out
>
> - None: no factor is a likely trigger in this journal (see below).
>
> ## What goes with the twitching
>
> - 41 days with a complete check-in (today's and yesterday's); 1 other day, 0.0 twitches a day on them (left out).
> - Rate ratios with 95% intervals, from a Poisson model of your daily twitches:
> -   caffeine, per cup: no estimate; no twitch on the 17 days on its risk side: their rate is at most 0.40 times the others' - can't tell yet
> -   caffeine the day before, per cup: 1.00x [0.63 to 1.59] - can't tell yet
>
> ## Factors, descriptive (not adjusted for one another or for drift)
$ twitchlog --journal low.journal --as-of 2026-11-24T22:00:00+01:00 report --format html > out && grep -c 'their rate is at most 0.40 times' out
> 1
