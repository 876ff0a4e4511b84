# twitchlog triage: red flags from the answers and the journal, to a care level.
# No journal yet, no answers, not on a terminal: nothing is asked, all is listed.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage
> Care level: self-care (Self-care)
>   No red flag in what you answered and logged.
>   Look after the usual causes (caffeine, sleep, stress, water) and keep logging; run `twitchlog triage` again if anything new appears.
>   24 of the 24 questions were not answered, so this is not an all-clear.
>
> No open red flag, from your answers or from the journal.
>
> Not answered (24 of 24): stroke-signs, breathing, seizure, weakness, drooping, speech, vision, swallowing, ear-rash, tingling-cramps, numb-chin, head-injury, jaw-headache, dystonia, wasting, spreading, persistent, recurring, chewing, eye-closing, eye-red, stiffness, medicine, known-condition
>   Answer them with --yes, --no and --unsure ID,..., or run triage on a terminal.
>
> As of 2026-11-24T10:00:00+01:00, from journal.txt.
> twitchlog is not a diagnosis. It sorts what you report into how soon to see a doctor; when in doubt, ask one. These rules are for adults: for a child, or in pregnancy, ask a doctor.
! twitchlog: note: journal journal.txt does not exist yet; nothing from it is taken into account
$ test -e journal.txt || echo "nothing recorded"
> nothing recorded

# Four weeks of twitching, a chewing tag and a twitch on the eyelid weeks ago: persistent (a run of 14
# days or more) and chewing (the tag counts as the flag, for 30 days); one eyelid twitch in the last 7
# days would be needed for spreading.
$ for d in 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at "2026-11-$d 08:00" -s2; done
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at "2026-10-27 08:00" -s2
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at "2026-10-30 08:00" -s2 -t chewing
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at "2026-11-01 08:00" --where eyelid
$ cp journal.txt before.txt
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --exit-code
> Care level: doctor (See a doctor)
>   Something here deserves a doctor's look, though it is not urgent.
>   Book an appointment with a doctor (a GP) in the next week or two, and bring your journal (`twitchlog report`).
>
> Open red flags:
>   persistent  doctor  from the journal
>     Has the twitching gone on for 2 weeks or longer?
>     - twitching on 25 of the 29 days from 2026-10-27 to 2026-11-24 (no gap over 3 days); 14 days or more is the rule
>       journal.txt:2, journal.txt:3, journal.txt:4, journal.txt:5, journal.txt:6 and 20 more
>     Harmless twitching usually settles; the NHS advises a doctor after 2 weeks (the article says 4).
>     What to do: Book a doctor's appointment; blood tests for salts, thyroid and vitamins are a usual first step.
>     Open since 2026-10-27 00:00; open while the pattern holds, or until a doctor has seen you.
>     Seen a doctor about it? `twitchlog log --visit` closes it.
>     Source: NHS: Twitching eyes and muscles; the article (4 weeks)
>   chewing  doctor  from the journal
>     Do particular movements, such as chewing, set the twitching off?
>     - 1 twitch entry names it (the latest on 2026-10-30 08:00)
>       journal.txt:25
>     Twitching set off by a movement can point at the nerve rather than at lifestyle.
>     What to do: Book a doctor's appointment and describe which movements set it off.
>     Open since 2026-10-30 08:00; open until 2026-11-28, or until a doctor has seen you.
>     Seen a doctor about it? `twitchlog log --visit` closes it.
>     Logged by mistake? `twitchlog retract 2026-10-30T08:00:00+01:00 --kind twitch`
>     Source: the article
>
> Not answered (22 of 24): stroke-signs, breathing, seizure, weakness, drooping, speech, vision, swallowing, ear-rash, tingling-cramps, numb-chin, head-injury, jaw-headache, dystonia, wasting, spreading, recurring, eye-closing, eye-red, stiffness, medicine, known-condition
>   Answer them with --yes, --no and --unsure ID,..., or run triage on a terminal.
>
> As of 2026-11-24T10:00:00+01:00, from journal.txt.
> twitchlog is not a diagnosis. It sorts what you report into how soon to see a doctor; when in doubt, ask one. These rules are for adults: for a child, or in pregnancy, ask a doctor.
? 10

# Two days earlier the last lines are in the future (check lists them as warnings; triage leaves them out).
$ twitchlog --as-of 2026-11-22T10:00:00+01:00 triage --no-ask --format json | jq -c '[.level, [.red_flags[].id], .as_of]'
> ["doctor",["persistent","chewing"],"2026-11-22T10:00:00+01:00"]

# JSON for scripts: every flag with its level, source and evidence.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --format json | jq -c '.red_flags[] | [.id, .level, .source, .evidence[0].rule, .evidence[0].lines[0], .evidence[0].line_count]'
> ["persistent","doctor","NHS: Twitching eyes and muscles; the article (4 weeks)","streak",2,25]
> ["chewing","doctor","the article","flags",25,1]
# The figures of each piece of evidence, besides its words.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --format json | jq -c '.red_flags[].evidence[] | del(.text, .lines, .line_count)'
> {"from":"journal","rule":"streak","first":"2026-10-27T00:00:00+01:00","latest":"2026-11-24T08:00:00+01:00","first_day":"2026-10-27","last_day":"2026-11-24","twitch_days":25,"span_days":29,"max_gap_days":3,"min_span_days":14}
> {"from":"journal","rule":"flags","first":"2026-10-30T08:00:00+01:00","latest":"2026-10-30T08:00:00+01:00","entry_kind":"twitch","entries":1,"entries_at_least":false,"latest_entry":"2026-10-30T08:00:00+01:00","retract":"twitchlog retract 2026-10-30T08:00:00+01:00 --kind twitch"}
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --format json | jq -r '.red_flags[1].evidence[0].text'
> 1 twitch entry names it (the latest on 2026-10-30 08:00)
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --format json | jq -c '[.unanswered, .recorded, (.disclaimer | length > 0)]'
> [["stroke-signs","breathing","seizure","weakness","drooping","speech","vision","swallowing","ear-rash","tingling-cramps","numb-chin","head-injury","jaw-headache","dystonia","wasting","spreading","recurring","eye-closing","eye-red","stiffness","medicine","known-condition"],false,true]

# Answers from options. A "no" never hides what the journal shows (spreading is not open here: no to it
# changes nothing); unsure counts as yes.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --dry-run --no spreading --yes weakness --format json | jq -c '[.level, [.red_flags[] | [.id, .source, .answer]], .answers]'
> ["doctor-soon",[["weakness","NHS: Bell's palsy; NHS: Stroke symptoms","yes"],["persistent","NHS: Twitching eyes and muscles; the article (4 weeks)",null],["chewing","the article",null]],{"spreading":"no","weakness":"yes"}]
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --dry-run --yes weakness --no-ask --format json | jq -c '.red_flags[0].evidence'
> [{"from":"answer","rule":null,"first":"2026-11-24T10:00:00+01:00","latest":"2026-11-24T10:00:00+01:00","answer":"yes","sudden":false,"text":"answered yes","lines":[],"line_count":0}]
$ cmp journal.txt before.txt && echo "--dry-run wrote nothing"
> --dry-run wrote nothing

# Answered questions are recorded, "no" answers too: a recorded no spares its question for a while
# (7 days at doctor-soon, 30 at doctor), and a yes stays open: doctor-soon until a doctor has seen you.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --no sudden-droop,weakness,drooping,speech,swallowing,wasting,recurring --exit-code > /dev/null
? 10
$ tail -n 1 journal.txt
> 2026-11-24T10:00:00+01:00 triage level=doctor no=drooping,recurring,speech,stroke-signs,swallowing,wasting,weakness
$ twitchlog --as-of 2026-11-24T10:05:00+01:00 triage --no-ask --yes speech --exit-code > /dev/null
? 11
$ tail -n 1 journal.txt
> 2026-11-24T10:05:00+01:00 triage level=doctor-soon yes=speech
$ twitchlog --as-of 2026-12-24T10:00:00+01:00 triage --no-ask --format json | jq -c '.red_flags[] | select(.id == "speech") | [.level, .since, .evidence[0].rule, .evidence[0].lines, .evidence[0].text]'
> ["doctor-soon","2026-11-24T10:05:00+01:00","answers",[28],"answered yes in 1 triage (the latest on 2026-11-24 10:05)"]
$ twitchlog --as-of 2026-11-24T10:06:00+01:00 triage --no-ask --format json | jq -c '[.spared[].id]'
> ["weakness","drooping","swallowing","wasting","recurring"]
$ cp journal.txt before.txt

# Asking, with answers on standard input (--ask forces it off a terminal): most urgent first, the
# emergency questions always, no question whose flag is open or was answered no recently; a bad
# answer is asked again; after a yes (or unsure) to an onset flag one follow-up asks whether it came
# on suddenly; the end of input stops, and the answers given so far count.
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --ask --dry-run --format json | jq -c '[.level, .answers, .sudden, .counted_unsure, .interrupted]'
< n
< n
< n
< maybe
< ?
< N
> ["doctor-soon",{"breathing":"no","seizure":"no","stroke-signs":"no","vision":"unsure"},[],true,true]
! 16 questions, most urgent first. Answer y (yes), n (no) or ? (unsure); q stops.
! [emergency] Now or in the last 24 hours, did any ONE of these come on suddenly: the face drooping on one side, an arm or leg weak or numb, speech slurred or muddled, loss of sight or double vision, loss of balance, or a sudden severe headache? [y/n/?] n
! [emergency] Now or in the last 24 hours, have you had difficulty breathing, or does your throat feel tight? [y/n/?] n
! [emergency] Now or in the last 24 hours, have you had a fit (seizure), passed out, or had jerking that spread from the face into the arm? [y/n/?] n
! [doctor-soon] With the twitching, do you have double vision or loss of vision, or numbness or unsteadiness of your arms or legs? [y/n/?] maybe
!   Please answer y (yes), n (no) or ? (unsure), or q to stop: ?
!   Did it come on suddenly, now or in the last 24 hours? (about: vision) [y/n/?] N
! [doctor-soon] Do you have a rash or blisters in or around the ear, or sudden hearing loss; or ear pain or dizziness together with weakness of the face? [y/n/?] 

# A sudden onset makes it an emergency, which ends the questions; q stops them too.
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --ask --dry-run --format json | jq -c '[.level, .answers, .sudden, [.red_flags[] | [.id, .level, .sudden]]]'
< n
< n
< n
< y
< y
> ["emergency",{"breathing":"no","seizure":"no","stroke-signs":"no","vision":"yes"},["vision"],[["vision","emergency",true],["speech","doctor-soon",false],["persistent","doctor",false],["chewing","doctor",false]]]
! 16 questions, most urgent first. Answer y (yes), n (no) or ? (unsure); q stops.
! [emergency] Now or in the last 24 hours, did any ONE of these come on suddenly: the face drooping on one side, an arm or leg weak or numb, speech slurred or muddled, loss of sight or double vision, loss of balance, or a sudden severe headache? [y/n/?] n
! [emergency] Now or in the last 24 hours, have you had difficulty breathing, or does your throat feel tight? [y/n/?] n
! [emergency] Now or in the last 24 hours, have you had a fit (seizure), passed out, or had jerking that spread from the face into the arm? [y/n/?] n
! [doctor-soon] With the twitching, do you have double vision or loss of vision, or numbness or unsteadiness of your arms or legs? [y/n/?] y
!   Did it come on suddenly, now or in the last 24 hours? (about: vision) [y/n/?] y
!
! Call your local emergency number now (999 in the UK, 112 in the EU, 911 in the US and Canada, 000 in Australia). Note the time it started. Do not drive yourself.
!
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --ask --dry-run --format json | jq -c '[.answers, .interrupted]'
< n
< q
> [{"stroke-signs":"no"},true]
! 16 questions, most urgent first. Answer y (yes), n (no) or ? (unsure); q stops.
! [emergency] Now or in the last 24 hours, did any ONE of these come on suddenly: the face drooping on one side, an arm or leg weak or numb, speech slurred or muddled, loss of sight or double vision, loss of balance, or a sudden severe headache? [y/n/?] n
! [emergency] Now or in the last 24 hours, have you had difficulty breathing, or does your throat feel tight? [y/n/?] q

# An emergency answered yes stops the questions and shows the result at once.
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --ask --exit-code | head -n 3
< y
> Care level: emergency (Emergency)
>   Possible signs of a stroke or another emergency: every minute counts.
>   Call your local emergency number now (999 in the UK, 112 in the EU, 911 in the US and Canada, 000 in Australia). Note the time it started. Do not drive yourself.
! 16 questions, most urgent first. Answer y (yes), n (no) or ? (unsure); q stops.
! [emergency] Now or in the last 24 hours, did any ONE of these come on suddenly: the face drooping on one side, an arm or leg weak or numb, speech slurred or muddled, loss of sight or double vision, loss of balance, or a sudden severe headache? [y/n/?] y
!
! Call your local emergency number now (999 in the UK, 112 in the EU, 911 in the US and Canada, 000 in Australia). Note the time it started. Do not drive yourself.
!
$ tail -n 1 journal.txt
> 2026-11-24T10:10:00+01:00 triage level=emergency yes=stroke-signs
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --no-ask --exit-code > /dev/null
? 12

# Colour only when asked for or on a terminal, never with NO_COLOR or --color never.
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --no-ask --color always | head -n 1 | od -c | head -n 1 | grep -c 033
> 1
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --no-ask | grep -c "$(printf '\033')"
> 0
? 1

# On a pseudo-terminal (script(1)): colour by default, none with NO_COLOR; questions asked without --ask.
$ script -qec "twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --no-ask" /dev/null | head -n 1 | grep -c "$(printf '\033')"
> 1
$ NO_COLOR=1 script -qec "twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --no-ask" /dev/null | grep -c "$(printf '\033')"
> 0
? 1
# (An emergency is open from 10:10 on, so nothing is asked then; two days later it is doctor-soon.)
$ printf 'n\n' | script -qec "twitchlog --as-of 2026-11-26T10:10:00+01:00 triage --dry-run --color never" /dev/null | grep -c "questions, most urgent first"
> 1
$ printf 'n\n' | script -qec "twitchlog --as-of 2026-11-24T10:11:00+01:00 triage --dry-run --color never" /dev/null | grep -c "questions, most urgent first"
> 0
? 1

# Usage errors change nothing.
$ cp journal.txt before.txt
$ twitchlog triage --yes itchy
! twitchlog: error: --yes: unknown red flag "itchy"; valid: stroke-signs, breathing, seizure, weakness, drooping, speech, vision, swallowing, ear-rash, tingling-cramps, numb-chin, head-injury, jaw-headache, dystonia, wasting, spreading, persistent, recurring, chewing, eye-closing, eye-red, stiffness, medicine, known-condition
? 2
$ twitchlog triage --yes chewing --no chewing
! twitchlog: error: red flag "chewing" is answered both yes and no
? 2
$ twitchlog triage --ask --no-ask
! twitchlog: error: choose one of --ask and --no-ask
? 2
$ twitchlog triage --format yaml
! twitchlog: error: --format: unknown format "yaml"; valid: text, json
? 2
$ twitchlog triage --color sometimes
! twitchlog: error: --color: unknown choice "sometimes"; valid: auto, always, never
? 2
# A triage with answers records them, so it takes no --as-of later than the clock: refused before anything
# is asked or written. Reading with a future --as-of is allowed.
$ twitchlog --as-of 2099-01-01T10:00:00+01:00 triage --yes chewing
! twitchlog: error: --as-of: 2099-01-01T10:00:00\+01:00 is later than the clock \(.*\); a command that writes takes no future --as-of, so that no entry is dated in the future \(reading commands take one\) (re)
? 2
$ twitchlog --as-of 2099-01-01T10:00:00+01:00 triage --ask
< y
! twitchlog: error: --as-of: 2099-01-01T10:00:00\+01:00 is later than the clock \(.*\); a command that writes takes no future --as-of, so that no entry is dated in the future \(reading commands take one\) (re)
? 2
$ twitchlog --as-of 2099-01-01T10:00:00+01:00 triage --dry-run --yes chewing --format json | jq -c '[.level, [.red_flags[].id], .recorded]'
> ["doctor-soon",["stroke-signs","speech","chewing"],false]
$ twitchlog --as-of 2099-01-01T10:00:00+01:00 triage --no-ask --format json | jq -c '[.level, .recorded]'
> ["doctor-soon",false]
$ cmp journal.txt before.txt && echo unchanged
> unchanged

# When the record cannot be written, the result is still shown, then the error (exit 1).
$ twitchlog --journal /proc/version --as-of 2026-11-24T10:00:00+01:00 triage --yes chewing --exit-code > out.txt 2> err.txt
? 1
$ head -n 1 out.txt; grep -c '^twitchlog: error: this triage was not recorded: ' err.txt
> Care level: doctor (See a doctor)
> 1

# Malformed lines are skipped with a warning, never fatal; a torn last line is ignored, as the contract says.
$ printf 'garbage\n2026-11-24T09:00:00+01:00 twitch where=cheek' >> journal.txt
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 triage --no-ask --format json | jq -c '[.level, [.red_flags[].id]]'
> ["emergency",["stroke-signs","speech","persistent","chewing"]]

# An entry invalid as a whole is skipped, as check rejects it: a severity of 7 does not make weakness
# count, nor does a tag list with a word that is not an id make chewing count.
$ printf '# twitchlog journal v1\n2026-11-20T08:00:00+01:00 twitch severity=7 flags=weakness\n2026-11-20T09:00:00+01:00 twitch tags=Coffee,chewing\n2026-11-20T10:00:00+01:00 twitch severity=2 tags=coffee\n' > invalid.txt
$ twitchlog --journal invalid.txt --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --format json | jq -c '[.level, [.red_flags[].id]]'
> ["self-care",[]]
$ twitchlog --journal invalid.txt --as-of 2026-11-24T10:00:00+01:00 check
> invalid.txt:2:43: error: severity must be a whole number from 1 to 5, not "7"
>  2 | 2026-11-20T08:00:00+01:00 twitch severity=7 flags=weakness
>    |                                           ^
> invalid.txt:3:39: error: tags holds "Coffee", which is not an id; ids are lowercase letters, digits, '-' and '_', separated by commas
>  3 | 2026-11-20T09:00:00+01:00 twitch tags=Coffee,chewing
>    |                                       ^
> invalid.txt: 4 lines, 3 entries: 2 errors, 0 warnings
? 1
$ cp invalid.txt before.txt
$ twitchlog --journal invalid.txt --as-of 2099-01-01T10:00:00+01:00 triage --yes chewing
! twitchlog: error: --as-of: 2099-01-01T10:00:00\+01:00 is later than the clock \(.*\); a command that writes takes no future --as-of, so that no entry is dated in the future \(reading commands take one\) (re)
? 2
$ cmp invalid.txt before.txt && echo unchanged
> unchanged

# A retracted twitch fires nothing.
$ printf '# twitchlog journal v1\n2026-11-20T08:00:00+01:00 twitch where=eyelid flags=weakness\n2026-11-20T08:05:00+01:00 retract of=2026-11-20T08:00:00+01:00 kind=twitch note="wrong journal"\n' > retracted.txt
$ twitchlog --journal retracted.txt --as-of 2026-11-24T10:00:00+01:00 triage --no-ask --format json | jq -c '[.level, [.red_flags[].id]]'
> ["self-care",[]]

# An entry logged at +14:00, dated tomorrow here but already past, counts today (issue 14, item 4).
$ printf '# twitchlog journal v1\n2026-11-25T08:00:00+14:00 twitch severity=4 flags=swallowing\n' > east.txt
$ twitchlog --journal east.txt --as-of 2026-11-24T20:00:00+01:00 triage --no-ask --format json | jq -c '[.level, [.red_flags[] | [.id, .evidence[0].entry_kind, .evidence[0].lines]]]'
> ["doctor-soon",[["swallowing","twitch",[2]]]]
$ twitchlog --journal east.txt --as-of 2026-11-24T18:00:00+01:00 triage --no-ask --format json | jq -c '[.level, [.red_flags[].id]]'
> ["self-care",[]]
