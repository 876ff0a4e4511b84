# A rule file with extends = "builtin": only what it adds or changes, on top of the built-in rules.
$ printf '%s\n' 'extends = "builtin"' '' '[[remedy]]' 'id = "b12"' 'name = "Vitamin B12"' 'kind = "long-term"' 'how = "A B12 supplement, as your doctor advises."' 'targets = ["magnesium"]' '' '[[cause]]' 'id = "caffeine"' '[cause.evidence]' 'tags.add = ["matcha"]' '' '[[factor]]' 'id = "caffeine"' 'threshold = 4' '' '[report]' 'default_days = 28' > my.toml
$ twitchlog rules --check my.toml
> my.toml: ok: 4 levels, 5 factors, 10 areas, 10 causes, 24 red flags, 17 remedies

# The addition: logged like any built-in remedy.
$ twitchlog --rules my.toml log -q --at 2026-11-20T08:00:00+01:00 --remedy b12 && tail -n 1 journal.txt
> 2026-11-20T08:00:00+01:00 remedy id=b12

# `rules` says where each id comes from: the heading, and a mark on each id the file adds or changes.
$ twitchlog --rules my.toml rules | head -n 3
> Rules: my.toml (schema 2)
> On top of the built-in rules: 1 id added, 2 changed (marked below), the rest built in.
> Settings changed: [report] default_days (my.toml:19)
$ twitchlog --rules my.toml rules | grep -e '\[added' -e '\[changed'
>   caffeine       Caffeine: cups/day, 0 to 20; at risk when 4 or more [changed: my.toml:15: threshold]
>   caffeine           Too much caffeine (extremely-common) [changed: my.toml:10: evidence.tags]
>   b12                long-term Vitamin B12 (targets magnesium) [added: my.toml:3]
$ twitchlog --rules my.toml rules | grep -c 'evidence:.*matcha'
> 1
$ twitchlog rules | grep -c -e '\[added' -e '\[changed'
> 0
? 1
$ twitchlog --rules my.toml rules --format json | jq -c '[.extends, .changed_settings]'
> ["builtin",[{"table":"report","file":"my.toml","line":19,"keys":["default_days"]}]]
$ twitchlog --rules my.toml rules --format json | jq -c '.remedies[] | select(.id == "b12" or .id == "magnesium") | [.id, .origin]'
> ["magnesium",{"from":"built-in"}]
> ["b12",{"from":"file","file":"my.toml","line":3}]
$ twitchlog --rules my.toml rules --format json | jq -c '.factors[0] | [.id, .threshold, .origin]'
> ["caffeine",4,{"from":"overridden","file":"my.toml","line":15,"keys":["threshold"]}]
$ twitchlog rules --format json | jq -c '[.extends, .remedies[0].origin]'
> [null,{"from":"built-in"}]

# A full copy (no extends): every id is from the file.
$ twitchlog rules --dump > full.toml && twitchlog --rules full.toml rules | head -n 2
> Rules: full.toml (schema 2)
> Every id is from this file (it does not extend the built-in rules).
$ twitchlog --rules full.toml rules --format json | jq -c '.levels[0].origin'
> {"from":"file","file":"full.toml","line":92}

# The file gone: the entry stays, check says which rules are in force and where b12 would go.
$ twitchlog check --as-of 2026-11-24
> journal.txt:2:37: warning: unknown remedy "b12": not in the built-in rules (no rule file of yours is in force); to use it, add an entry [[remedy]] with id = "b12" to a rule file that starts with extends = "builtin" (twitchlog-rules(5)); valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy
>  2 | 2026-11-20T08:00:00+01:00 remedy id=b12
>    |                                     ^
> journal.txt: 2 lines, 1 entry: 0 errors, 1 warning
$ twitchlog --rules my.toml check --as-of 2026-11-24
> journal.txt: 2 lines, 1 entry: ok
$ printf 'extends = "builtin"\n' > bare.toml && twitchlog --rules bare.toml check --as-of 2026-11-24 | head -n 1
> journal.txt:2:37: warning: unknown remedy "b12": not in the built-in rules nor in bare.toml, which extends them; add an entry [[remedy]] with id = "b12" to bare.toml; valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy
$ twitchlog --rules full.toml check --as-of 2026-11-24 | head -n 1
> journal.txt:2:37: warning: unknown remedy "b12": not in full.toml, the rules in force (a full rule file, not extending the built-in ones); add an entry [[remedy]] with id = "b12" to it; valid: hydration, facial-yoga, cold-compress, diet, caffeine-limit, sleep, massage, mouthguard, food-diary, magnesium, blood-work, nerve-conduction, neuro-exam, botox, gabapentin, physical-therapy
$ twitchlog report --as-of 2026-11-24 > /dev/null
! twitchlog: note: 1 warning about journal.txt; run `twitchlog check` to see it

# Conflicts: each at the user's FILE:LINE:COL, every one at once, and no command runs.
$ printf '%s\n' 'extends = "builtin"' '[[remedy]]' 'id = "zinc"' 'name = "Zinc"' 'kind = "quick"' 'how = "A zinc tablet."' 'targets = ["zinc-deficiency"]' '[[factor]]' 'id = "caffeine"' 'threshold = 40' > conflict.toml
$ twitchlog rules --check conflict.toml
! conflict.toml:10:13: error: factor "caffeine": threshold 40 is outside the factor's range 0 to 20
! conflict.toml:2: error: remedy "zinc": targets unknown cause "zinc-deficiency"; valid: stress, caffeine, magnesium, sleep-debt, dehydration, alcohol, nerve-irritation, medication, bruxism, food-triggers
? 1
$ twitchlog --rules conflict.toml log -q -s2; echo "status $?"; tail -n 1 journal.txt
> status 1
> 2026-11-20T08:00:00+01:00 remedy id=b12
! conflict.toml:10:13: error: factor "caffeine": threshold 40 is outside the factor's range 0 to 20
! conflict.toml:2: error: remedy "zinc": targets unknown cause "zinc-deficiency"; valid: stress, caffeine, magnesium, sleep-debt, dehydration, alcohol, nerve-irritation, medication, bruxism, food-triggers
$ printf 'extends = "built-in"\n' > unknown.toml && twitchlog rules --check unknown.toml
! unknown.toml:1:11: error: rule file: extends = "built-in" is not a rule set this twitchlog knows; valid: "builtin" (the built-in rules, as `twitchlog rules --dump` prints them)
? 1
$ printf 'schema = 3\nextends = "builtin"\n[[remedy]]\nname = "B12"\n' > schema.toml && twitchlog rules --check schema.toml
! schema.toml:1:10: error: rule file: schema = 3 differs from the built-in rules' schema 2; a file with extends = "builtin" has theirs: leave schema out (or write schema = 2)
! schema.toml:3:1: error: [[remedy]] without an id: in a file with extends, each [[remedy]] names the id it adds or changes (id = "...")
? 1
