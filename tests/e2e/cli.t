# Command-line manners: help, version, usage errors, global options anywhere.
$ twitchlog
! twitchlog: error: no subcommand given; choose one of log, checkin, check, triage, advise, report, export, last, undo, retract, edit, rules, completion, help (see twitchlog --help)
? 2
$ twitchlog frobnicate
! twitchlog: error: unknown subcommand "frobnicate"; valid: log, checkin, check, triage, advise, report, export, last, undo, retract, edit, rules, completion, help
? 2
$ twitchlog --version
> twitchlog 0.1.0
$ twitchlog --help | head -n 1
> twitchlog: a journal and triage tool for lip twitching. Not a diagnosis.
$ twitchlog log --help | grep -c -e '^  --checkin ' -e '^  --remedy ID ' -e '^Examples:'
> 3
$ twitchlog check --help | grep -c 'Examples:'
> 1
$ twitchlog -V
> twitchlog 0.1.0

# `help SUBCOMMAND` says what `SUBCOMMAND --help` says; every help ends with examples.
$ twitchlog help report > a.txt && twitchlog report --help > b.txt && cmp a.txt b.txt && echo same
> same
$ twitchlog help > a.txt && twitchlog --help > b.txt && cmp a.txt b.txt && echo same
> same
$ for s in "" log check triage advise report rules completion help; do twitchlog $s --help | sed -n '/^Examples:/,$p' | sed -n 2p | grep -q "^  twitchlog " || echo "no examples: $s"; done; echo checked
> checked
$ twitchlog help frobnicate
! twitchlog: error: help: unknown subcommand "frobnicate"; valid: log, checkin, check, triage, advise, report, export, last, undo, retract, edit, rules, completion, help
? 2

# Global options work before and after the subcommand name.
$ twitchlog --journal a.txt --as-of 2026-11-24T10:00:00+01:00 log -s1
> 2026-11-24T10:00:00+01:00 twitch severity=1
$ twitchlog log -s2 --journal b.txt --as-of 2026-11-24T10:00:00+01:00
> 2026-11-24T10:00:00+01:00 twitch severity=2
$ cat a.txt b.txt | grep -c ' twitch '
> 2

# Where the journal lives: --journal, else $TWITCHLOG_JOURNAL, else XDG data home.
$ env -u TWITCHLOG_JOURNAL twitchlog log -q -s1 && ls home/.local/share/twitchlog
> journal.txt
$ env -u TWITCHLOG_JOURNAL stat -c %a home/.local/share/twitchlog home/.local/share/twitchlog/journal.txt
> 700
> 600
$ env -u TWITCHLOG_JOURNAL XDG_DATA_HOME=$PWD/data twitchlog log -q -s1 && ls data/twitchlog
> journal.txt
$ env -u TWITCHLOG_JOURNAL -u HOME twitchlog log -s1
! twitchlog: error: cannot tell where twitchlog's files live: HOME is not set; set TWITCHLOG_JOURNAL or use --journal and --rules
? 2

# A reader that stops early is not an error; a full disk is.
$ twitchlog rules --format json | head -c 1
> {
$ twitchlog rules > /dev/full
! twitchlog: error: cannot write to standard output: No space left on device
? 1

# Each subcommand's help names the global options.
$ for c in log check rules; do twitchlog $c --help | grep -c '^Global options, before or after the subcommand: --journal FILE, --rules FILE, --as-of INSTANT'; done
> 1
> 1
> 1
