# twitchlog rules: show, dump, check; rule files are found as documented.
$ twitchlog rules --dump | cmp - $SRC/data/rules.toml && echo identical
> identical
$ twitchlog rules --check $SRC/data/rules.toml
> .*/data/rules.toml: ok: 4 levels, 5 factors, [0-9]+ areas, 10 causes, 24 red flags, 16 remedies (re)
$ twitchlog rules | head -n 1
> Rules: <built-in> (schema 2)
$ twitchlog rules --format json | jq -r '.levels[].id' | tr '\n' ' '
> self-care doctor doctor-soon emergency 
$ twitchlog rules --format json | jq -c '.factors[] | [.id, .threshold, .risk_side]'
> ["caffeine",3,"high"]
> ["sleep",7,"low"]
> ["stress",4,"high"]
> ["water",1.5,"low"]
> ["alcohol",3,"high"]
$ twitchlog rules --format json | jq -c '.red_flags[] | select(.journal != null) | [.id, .journal]'
> ["spreading",{"rule":"areas","window_days":7,"min_areas":2}]
> ["persistent",{"rule":"streak","max_gap_days":3,"min_span_days":14,"recent_days":7}]
> ["recurring",{"rule":"runs","window_days":180,"max_gap_days":3,"min_runs":3,"min_apart_days":28}]
$ twitchlog rules --format yaml
! twitchlog: error: --format: unknown format "yaml"; valid: text, json
? 2

# Validation reports every problem, with FILE:LINE and the id.
$ : > empty.toml && twitchlog rules --check empty.toml
! empty.toml:1: error: empty rule file: it needs schema = 2, a [triage] table and at least one [[level]] (start from `twitchlog rules --dump`)
? 1
$ printf 'schema = 1\n[triage\n' > syntax.toml && twitchlog rules --check syntax.toml
! syntax.toml:2:8: error: Error while parsing table header: expected ']', saw '\n'
!  2 | [triage
!    |        ^
? 1
$ twitchlog rules --dump | sed -e 's/^threshold = 3$/threshold = 30/' -e 's/^level = "doctor-soon"/level = "soon"/' > bad.toml && twitchlog rules --check bad.toml 2>&1 | sed 's/:[0-9]*:/:N:/'
> bad.toml:N:13: error: factor "caffeine": threshold 30 is outside the factor's range 0 to 20
> bad.toml:N: error: red flag "weakness": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "drooping": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "speech": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "vision": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "swallowing": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "ear-rash": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "tingling-cramps": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "numb-chin": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "head-injury": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "jaw-headache": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
> bad.toml:N: error: red flag "dystonia": unknown level "soon"; valid: self-care, doctor, doctor-soon, emergency
$ twitchlog rules --check missing.toml
! twitchlog: error: cannot read missing.toml: No such file or directory
? 1

# A bad rule file stops every command before the journal is touched.
$ twitchlog --rules bad.toml log -s2 2>/dev/null; echo "status $?"; test -e journal.txt || echo "no journal"
> status 1
> no journal

# Where rules come from: --rules, else $TWITCHLOG_RULES, else the XDG config file, else built in.
$ twitchlog rules --dump | sed 's/^id = "eyelid"/id = "eye"/' > own.toml
$ twitchlog --rules own.toml log -q --where eye && echo logged
> logged
$ TWITCHLOG_RULES=own.toml twitchlog log -q --where eye && echo logged
> logged
$ mkdir -p home/.config/twitchlog && cp own.toml home/.config/twitchlog/rules.toml && twitchlog rules | head -n 1
> Rules: .*/home/.config/twitchlog/rules.toml \(schema 2\) (re)
$ XDG_CONFIG_HOME=$PWD/elsewhere twitchlog rules | head -n 1
> Rules: <built-in> (schema 2)
