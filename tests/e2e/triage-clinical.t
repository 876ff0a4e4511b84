# Triage that a clinician would sign (issue 15): every stroke sign alone, combinations, onset, flags
# open until a doctor has seen them, answers that can be taken back, and the care level right after
# `log --flag`. The built-in rules; "now" is given with --as-of.

# Face droop with slurred speech is an emergency on its own, whatever the stroke question got.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --dry-run --no sudden-droop --yes drooping,speech --format json | jq -c '[.level, [.combinations[] | [.id, .flags, .until]], .answers]'
> ["emergency",[["face-and-speech",["drooping","speech"],"2026-11-25T10:00:00+01:00"]],{"drooping":"yes","speech":"yes","stroke-signs":"no"}]

# --sudden: an onset flag that came on suddenly is an emergency; only onset flags have it.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 triage --dry-run --sudden drooping --format json | jq -c '[.level, .red_flags[0].sudden, .red_flags[0].steps_down_at, .red_flags[0].steps_down_to]'
> ["emergency",true,"2026-11-25T10:00:00+01:00","doctor-soon"]
$ twitchlog triage --sudden swallowing
! twitchlog: error: --sudden: "swallowing" has no onset question; valid: weakness, drooping, speech, vision
? 2
$ twitchlog triage --sudden speech --no speech
! twitchlog: error: red flag "speech" is answered both no and sudden
? 2
$ test -e journal.txt || echo "nothing written"
> nothing written

# log --flag with an emergency flag: the entry is saved, then the care level on stderr; --exit-code.
# An old id (sudden-droop) is stored as the flag's id.
$ twitchlog --as-of 2026-11-24T09:00:00+01:00 log --flag sudden-droop --exit-code
> 2026-11-24T09:00:00+01:00 twitch flags=stroke-signs
! twitchlog: care level emergency: Call your local emergency number now (999 in the UK, 112 in the EU, 911 in the US and Canada, 000 in Australia). Note the time it started. Do not drive yourself.
! twitchlog: `twitchlog triage` shows the reasons
? 12
# A day and a minute later it is still open, now at doctor-soon: an unchecked event needs a doctor today.
$ twitchlog --as-of 2026-11-25T09:01:00+01:00 triage --no-ask --format json | jq -c '[.level, .red_flags[0].id, .red_flags[0].level, .red_flags[0].since]'
> ["doctor-soon","stroke-signs","doctor-soon","2026-11-24T09:00:00+01:00"]
$ twitchlog --as-of 2026-11-25T09:01:00+01:00 triage --no-ask | grep -A 3 'Open since'
>     Open since 2026-11-24 09:00; open until a doctor has seen you (a past event like this still needs checking).
>     Seen a doctor about it? `twitchlog log --visit` closes it.
>     Logged by mistake? `twitchlog retract 2026-11-24T09:00:00+01:00 --kind twitch`
>     Source: NHS: Stroke symptoms (FAST); Stroke Association: Act FAST

# A visit closes it and says so; triage then shows it as seen by a doctor.
$ twitchlog --as-of 2026-11-25T12:00:00+01:00 log --visit "GP: no stroke"
> 2026-11-25T12:00:00+01:00 visit note="GP: no stroke"
! twitchlog: this visit closes: stroke-signs (doctor-soon); journal patterns count again from the visit on
$ twitchlog --as-of 2026-11-25T12:05:00+01:00 triage --no-ask | sed -n '1p;/Closed by a visit/,/^$/p'
> Care level: self-care (Self-care)
> Closed by a visit:
>   stroke-signs  seen by a doctor on 2026-11-25
>
$ twitchlog --as-of 2026-11-25T12:05:00+01:00 log --visit
> 2026-11-25T12:05:00+01:00 visit
! twitchlog: this visit closes no open red flag

# A mistaken answer: the command triage shows takes it back, exactly as printed.
$ twitchlog --as-of 2026-11-25T13:00:00+01:00 triage --no-ask --unsure breathing | grep 'by mistake'
>     Answered by mistake? `twitchlog retract 2026-11-25T13:00:00+01:00 --kind triage`
$ tail -n 1 journal.txt
> 2026-11-25T13:00:00+01:00 triage level=emergency unsure=breathing
$ twitchlog --as-of 2026-11-25T13:01:00+01:00 retract 2026-11-25T13:00:00+01:00 --kind triage > /dev/null
$ twitchlog --as-of 2026-11-25T13:02:00+01:00 triage --no-ask --format json | jq -r .level
> self-care

# advise at emergency: only what to do now; at doctor-soon: the action first and no medical treatments.
$ twitchlog --as-of 2026-11-25T14:00:00+01:00 log -q --flag breathing
! twitchlog: care level emergency: Call your local emergency number now (999 in the UK, 112 in the EU, 911 in the US and Canada, 000 in Australia). Note the time it started. Do not drive yourself.
! twitchlog: `twitchlog triage` shows the reasons
$ twitchlog --as-of 2026-11-25T14:01:00+01:00 advise 2>/dev/null
> Care level: emergency (Emergency)
>   - breathing (emergency): 1 twitch entry names it (the latest on 2026-11-25 14:00)
>   Call your local emergency number now (999 in the UK, 112 in the EU, 911 in the US and Canada, 000 in Australia). Note the time it started. Do not drive yourself.
>   See `twitchlog triage` for the evidence and the questions.
>
> Causes and remedies can wait: do what the care level says first.
>
> twitchlog is not a diagnosis. It sorts what you report into how soon to see a doctor; when in doubt, ask one. These rules are for adults: for a child, or in pregnancy, ask a doctor.
$ twitchlog --as-of 2026-11-27T14:01:00+01:00 advise --format json 2>/dev/null | jq -c '[.level, .action_only, [.remedies[] | select(.kind == "medical") | .id]]'
> ["doctor-soon",false,["blood-work","nerve-conduction","neuro-exam"]]

# On a terminal (a pseudo-terminal driven by tests/e2e/ptydrive): Ctrl-C after two answers records the two.
$ ptydrive expect '[y/n/?]' send 'n\n' expect '[y/n/?]' send 'n\n' expect '[y/n/?]' send '\x03' -- twitchlog --journal fresh.txt --as-of 2026-11-24T10:00:00+01:00 triage --color never | grep -c 'The questions were stopped'
> 1
$ tail -n 1 fresh.txt
> 2026-11-24T10:00:00+01:00 triage level=self-care no=breathing,stroke-signs
$ ptydrive expect '[y/n/?]' send '\x03' -- twitchlog --journal fresh.txt --as-of 2026-11-24T10:01:00+01:00 triage > /dev/null
? 130
# The onset follow-up on a terminal, and an emergency ends the questions at once.
$ ptydrive expect '[y/n/?]' send 'n\n' expect '[y/n/?]' send 'n\n' expect '[y/n/?]' send 'n\n' expect 'smile evenly' send 'y\n' expect 'droop' send 'n\n' expect 'speech' send 'n\n' expect 'double vision' send 'n\n' expect 'suddenly' send 'y\n' -- twitchlog --journal fresh.txt --as-of 2026-11-24T10:02:00+01:00 triage --color never --exit-code | sed -n '/(about: weakness)/p;/^Care level/p'
>   Did it come on suddenly, now or in the last 24 hours? (about: weakness) [y/n/?] y
> Care level: emergency (Emergency)
$ tail -n 1 fresh.txt
> 2026-11-24T10:02:00+01:00 triage level=emergency yes=weakness no=breathing,drooping,seizure,speech,stroke-signs,vision sudden=weakness
# An onset flag answered on the command line gets its follow-up too, once the onset questions are done.
$ twitchlog --journal onset.txt --as-of 2026-11-24T10:00:00+01:00 triage --ask --yes drooping --format json 2>/dev/null | jq -c '[.level, .sudden]'
< n
< n
< n
< n
< n
< n
< y
> ["emergency",["drooping"]]
