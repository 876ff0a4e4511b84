# Taking back a mistake: last, undo, retract. Nothing is rewritten: a retract
# entry is appended, and every command leaves the entries it takes back out.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:00 -s2
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:30 -s3 --flag chewing
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:30 --remedy magnesium --dose 400mg
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 log -q --at 09:45 --note "dentist on Friday"

# last: oldest first, each with the timestamp that names it.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 last
> 2026-11-24T09:00:00+01:00  twitch   severity=2
> 2026-11-24T09:30:00+01:00  twitch   severity=3 flags=chewing
> 2026-11-24T09:30:00+01:00  remedy   id=magnesium dose=400mg
> 2026-11-24T09:45:00+01:00  note     text="dentist on Friday"
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 last -n 2
> 2026-11-24T09:30:00+01:00  remedy   id=magnesium dose=400mg
> 2026-11-24T09:45:00+01:00  note     text="dentist on Friday"
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 last --kind twitch -n 1
> 2026-11-24T09:30:00+01:00  twitch   severity=3 flags=chewing
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 last --format json | jq -c '.entries[2]'
> {"line":4,"time":"2026-11-24T09:30:00+01:00","kind":"remedy","fields":{"id":"magnesium","dose":"400mg"},"retracted":false}
$ twitchlog last --kind sneeze
! twitchlog: error: --kind: unknown kind "sneeze"; valid: twitch, checkin, remedy, triage, note, visit, retract
? 2

# undo takes back the entry written last; off a terminal it needs --yes.
$ twitchlog --as-of 2026-11-24T10:00:00+01:00 undo < /dev/null
> Taking back line 5:
>   2026-11-24T09:45:00+01:00  note     text="dentist on Friday"
! twitchlog: error: undo: not on a terminal, so nothing is asked; add --yes to take it back
? 2
$ twitchlog --as-of 2026-11-24T10:01:00+01:00 undo --yes
> Taking back line 5:
>   2026-11-24T09:45:00+01:00  note     text="dentist on Friday"
> 2026-11-24T10:01:00+01:00 retract of=2026-11-24T09:45:00+01:00 kind=note note=undo
# undo again takes back the one before, not the retract.
$ twitchlog --as-of 2026-11-24T10:02:00+01:00 undo --yes --note "wrong remedy"
> Taking back line 4:
>   2026-11-24T09:30:00+01:00  remedy   id=magnesium dose=400mg
> 2026-11-24T10:02:00+01:00 retract of=2026-11-24T09:30:00+01:00 kind=remedy note="wrong remedy"
$ twitchlog --as-of 2026-11-24T10:05:00+01:00 last --all
> 2026-11-24T09:00:00+01:00  twitch   severity=2
> 2026-11-24T09:30:00+01:00  twitch   severity=3 flags=chewing
> 2026-11-24T09:30:00+01:00  remedy   id=magnesium dose=400mg  (taken back)
> 2026-11-24T09:45:00+01:00  note     text="dentist on Friday"  (taken back)
> 2026-11-24T10:01:00+01:00  retract  of=2026-11-24T09:45:00+01:00 kind=note note=undo
> 2026-11-24T10:02:00+01:00  retract  of=2026-11-24T09:30:00+01:00 kind=remedy note="wrong remedy"

# retract: the twitch logged with a red flag by mistake; triage no longer counts it.
$ twitchlog --as-of 2026-11-24T10:05:00+01:00 triage --no-ask --format json | jq -r '.level'
> doctor
$ twitchlog --as-of 2026-11-24T10:06:00+01:00 retract 09:30
> Taking back 1 entry:
>   2026-11-24T09:30:00+01:00  twitch   severity=3 flags=chewing
> 2026-11-24T10:06:00+01:00 retract of=2026-11-24T09:30:00+01:00 kind=twitch
$ twitchlog --as-of 2026-11-24T10:07:00+01:00 triage --no-ask --format json | jq -r '.level'
> self-care

# A retract of a retract restores what it took back.
$ twitchlog --as-of 2026-11-24T10:08:00+01:00 retract 2026-11-24T10:02:00+01:00 --note "it was right after all"
> Taking back 1 entry:
>   2026-11-24T10:02:00+01:00  retract  of=2026-11-24T09:30:00+01:00 kind=remedy note="wrong remedy"
> 2026-11-24T10:08:00+01:00 retract of=2026-11-24T10:02:00+01:00 kind=retract note="it was right after all"
$ twitchlog --as-of 2026-11-24T10:09:00+01:00 last -n 1 --kind remedy
> 2026-11-24T09:30:00+01:00  remedy   id=magnesium dose=400mg

# Two kinds at one instant: --kind chooses; nothing at the instant: refused.
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 log -q --at 09:50 --checkin caffeine=2
$ twitchlog --as-of 2026-11-24T10:10:00+01:00 log -q --at 09:50 --note "coffee with Ann"
$ twitchlog --as-of 2026-11-24T10:11:00+01:00 retract 09:50
! twitchlog: error: retract: entries of 2 kinds at 2026-11-24T09:50:00+01:00; choose one with --kind checkin or note:
!   2026-11-24T09:50:00+01:00  checkin  caffeine=2
!   2026-11-24T09:50:00+01:00  note     text="coffee with Ann"
? 2
$ twitchlog --as-of 2026-11-24T10:11:00+01:00 retract 09:50 --kind note
> Taking back 1 entry:
>   2026-11-24T09:50:00+01:00  note     text="coffee with Ann"
> 2026-11-24T10:11:00+01:00 retract of=2026-11-24T09:50:00+01:00 kind=note
$ twitchlog --as-of 2026-11-24T10:12:00+01:00 retract 08:00
! twitchlog: error: retract: no entry in force at 2026-11-24T08:00:00+01:00 in journal.txt; `twitchlog last` shows the entries with their timestamps
? 1
$ twitchlog retract 09:50 --as-of 2099-01-01
! twitchlog: error: --as-of: 2099-01-01T23:59:59\+01:00 is later than the clock .*; a command that writes takes no future --as-of.* (re)
? 2

# Retracting a triage entry withdraws its answers.
$ twitchlog --as-of 2026-11-24T10:13:00+01:00 triage --no-ask --yes spreading --format json | jq -r '.level'
> doctor
$ twitchlog --as-of 2026-11-24T10:14:00+01:00 retract 10:13 --note "pressed y by mistake"
> Taking back 1 entry:
>   2026-11-24T10:13:00+01:00  triage   level=doctor yes=spreading
> 2026-11-24T10:14:00+01:00 retract of=2026-11-24T10:13:00+01:00 kind=triage note="pressed y by mistake"
$ twitchlog --as-of 2026-11-24T10:15:00+01:00 triage --no-ask --format json | jq -r '.level'
> self-care

# check: the journal is fine; a hand-written retract that matches nothing is a warning.
$ twitchlog --as-of 2026-11-24T10:15:00+01:00 check
> journal.txt: 14 lines, 13 entries: ok
$ echo '2026-11-24T10:15:00+01:00 retract of=2026-11-24T07:00:00+01:00 kind=twitch' >> journal.txt
$ twitchlog --as-of 2026-11-24T10:16:00+01:00 check
> journal.txt:15:1: warning: retract matches no twitch entry at that instant; it takes back nothing
>  15 | 2026-11-24T10:15:00+01:00 retract of=2026-11-24T07:00:00+01:…
>     | ^
> journal.txt: 15 lines, 14 entries: 0 errors, 1 warning
