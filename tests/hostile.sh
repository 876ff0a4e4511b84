#!/bin/sh
# A catalogue of hostile inputs across every subcommand's options, journals
# and rule files. Each case runs one command (under `timeout`) and must end
# with the expected exit status (0, 1 data, 2 usage: never a signal, a hang
# or a sanitizer report), say what is wrong on stderr when it fails, print no
# raw control characters (other than newline and tab), and leave the journal
# byte for byte as it was. Prints one line per case that goes wrong and a
# summary; exit 1 if any did. A status written q:N is for a case whose stderr
# is itself unwritable (no message is asked for), w:N for a `log` that writes.
#
# Usage: hostile.sh        (twitchlog on PATH; run in an empty folder)
set -u
umask 077  # the fixtures are private, as a journal should be
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:exitcode=86:halt_on_error=1"
export TWITCHLOG_JOURNAL=j.txt TZ=CET-1CEST,M3.5.0,M10.5.0/3
now="--as-of 2026-11-24T12:00:00+01:00"

# --- fixtures (printf, head and awk only: nothing a fresh Debian lacks) -----
ts=2026-11-20T09:00:00+01:00
ok_line="$ts twitch severity=2 tags=coffee"
printf '# twitchlog journal v1\n%s\n%s checkin caffeine=4 sleep=6\n' "$ok_line" "$ts" > base.txt
mk() { { printf '# twitchlog journal v1\n%s\n' "$ok_line"; cat; } > "$1"; }
awk 'BEGIN { printf "2026-11-20T09:00:00+01:00 note text=\""; for (i = 0; i < 100000; i++) printf "x"; print "\"" }' | mk huge.txt
awk 'BEGIN { printf "2026-11-20T09:00:00+01:00 note text=\""; for (i = 0; i < 65540; i++) printf "y"; print "\"" }' | mk over-limit.txt
printf '%s note text="a\000b"\n' "$ts" | mk nul.txt
printf '%s note text="caf\351"\n' "$ts" | mk latin1.txt
{ printf '\357\273\277# twitchlog journal v1\n%s\n' "$ok_line"; } > bom.txt
printf '# twitchlog journal v1\r\n%s\r\n' "$ok_line" > crlf.txt
awk 'BEGIN { printf "2026-11-20T09:00:00+01:00 note"; for (i = 0; i < 10000; i++) printf " k%d=v", i; print "" }' | mk fields.txt
printf '2026-02-30T09:00:00+01:00 twitch severity=2\n' | mk feb30.txt
printf '0000-01-01T00:00:00Z twitch severity=2\n' | mk year0.txt
printf '9999-12-31T23:59:59-23:59 twitch severity=2\n' | mk year9999.txt
printf '%s twitch duration=99999999999999999999s\n' "$ts" | mk dur-overflow.txt
printf '%s twitch duration=9223372036854775807s\n%s twitch duration=9223372036854775807s\n' "$ts" "$ts" | mk dur-sum.txt
printf '%s twitch severity=1e999\n%s twitch severity=-0\n' "$ts" "$ts" | mk sev.txt
printf '%s checkin caffeine=1e999 sleep=nan stress=-0 water=inf\n' "$ts" | mk numbers.txt
printf '%s twitch severity=2 where="lip\\r\\n\\tx" note="\\r\\n\\t"\n' "$ts" | mk escapes.txt
printf '%s note text="\033[31mred\033[0m"\n' "$ts" | mk ansi.txt
: > empty.txt
printf '# twitchlog journal v1\n' > header.txt
awk 'BEGIN { printf "2026-11-20T09:00:00+01:00 note text=\""; for (i = 0; i < 70000; i++) printf "z" }' | mk torn-huge.txt
printf '%s sneeze loud=yes\n%s twitch severity=2 mood=odd\n' "$ts" "$ts" | mk unknown.txt
awk 'BEGIN { printf "2026-11-20T09:00:00+01:00 twitch flags="; for (i = 0; i < 5000; i++) printf "chewing,"; print "spreading" }' | mk many-flags.txt
awk 'BEGIN { printf "2026-11-20T09:00:00+01:00 twitch tags="; for (i = 0; i < 5000; i++) printf "t%d,", i; print "x" }' | mk many-tags.txt
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "2026-11-%02dT09:00:00+01:00 twitch severity=%d duration=%ds\n", i % 24 + 1, i % 5 + 1, i % 90 }' | mk many-lines.txt
mkdir -p folder.txt
ln -sf loop.txt loop.txt 2>/dev/null
twitchlog rules --dump > rules.toml
printf '' > r-empty.toml
{ printf '\357\273\277'; cat rules.toml; } > r-bom.toml
awk '{ printf "%s\r\n", $0 }' rules.toml > r-crlf.toml
awk 'BEGIN { printf "schema = 1\nx = "; for (i = 0; i < 5000; i++) printf "["; for (i = 0; i < 5000; i++) printf "]"; print "" }' > r-deep-array.toml
awk 'BEGIN { printf "schema = 1\n["; for (i = 0; i < 3000; i++) printf "a%d.", i; print "z]" }' > r-deep-table.toml
awk 'BEGIN { printf "x = "; for (i = 0; i < 5000; i++) printf "{a="; printf "1"; for (i = 0; i < 5000; i++) printf "}"; print "" }' > r-deep-inline.toml
sed 's/^threshold = 3$/threshold = 1e999/' rules.toml > r-inf.toml
sed 's/^threshold = 3$/threshold = nan/' rules.toml > r-nan.toml
sed 's/^threshold = 3$/threshold = -0.0/' rules.toml > r-minus0.toml
sed 's/^window_days = 180$/window_days = 99999999999999999999/' rules.toml > r-int-overflow.toml
sed 's/^window_days = 180$/window_days = -5/' rules.toml > r-negative.toml
{ cat rules.toml; printf '\ninclude = "/etc/passwd"\n'; } > r-include.toml
{ cat rules.toml; printf '\n[x]\ntext = "a\000b"\n'; } > r-nul.toml
{ cat rules.toml; printf '\n# caf\351\n'; } > r-latin1.toml
{ cat rules.toml; awk 'BEGIN { printf "\nhuge = \""; for (i = 0; i < 1000000; i++) printf "h"; print "\"" }'; } > r-huge-string.toml
sed 's/^id = "magnesium"$/id = "magnesium\\u001b[31m"/' rules.toml > r-ansi-id.toml
sed 's/^schema = 2$/schema = 3/' rules.toml > r-schema.toml
printf 'schema = 1\n[triage\n' > r-syntax.toml
printf '\033[31m' > escape.txt
# Issue 14: a terminal title and colour escape (OSC, BEL, CSI), C1, bidi and zero-width characters,
# FIFOs where files should be, a journal whose file name holds escapes.
printf '\033]0;PWNED\007\033[31m' > osc.txt
printf '%s twitch severity=9 note="\342\200\256evil \302\233 \342\200\213 \357\273\277"\n' "$ts" | mk bidi.txt
printf '%s note text="\342\200\256evil \302\233 \342\200\213 \357\273\277 <img src=x onerror=alert(1)>"\n' "$ts" | mk bidi-note.txt
cp ansi.txt "$(cat osc.txt)name.txt"
printf '%s twitch severity=2\nnot a line\n' "$ts" | mk "$(cat osc.txt)bad.txt"
mkfifo fifo.txt
mkdir -p xdg-fifo/twitchlog && mkfifo xdg-fifo/twitchlog/rules.toml
sed '0,/^question = "/s//question = "\\u009b\\u202e/' rules.toml > r-c1.toml
note_big=$(awk 'BEGIN { for (i = 0; i < 70000; i++) printf "n" }')

# --- the catalogue: EXPECTED-STATUS NAME :: COMMAND ---------------------------
# A status that starts with "w:" may change the journal (a `log` that succeeds); "q:" asks for no message.
cases=$(cat <<'EOF'
1 journal-huge-line :: twitchlog --journal huge.txt check
0 journal-huge-line-report :: twitchlog --journal huge.txt $now report
1 journal-over-limit :: twitchlog --journal over-limit.txt check
0 journal-over-limit-triage :: twitchlog --journal over-limit.txt $now triage --no-ask
1 journal-nul :: twitchlog --journal nul.txt check
0 journal-nul-triage :: twitchlog --journal nul.txt $now triage --no-ask --format json
1 journal-invalid-utf8 :: twitchlog --journal latin1.txt check
0 journal-invalid-utf8-advise :: twitchlog --journal latin1.txt $now advise
1 journal-bom :: twitchlog --journal bom.txt check
0 journal-bom-report :: twitchlog --journal bom.txt $now report --format markdown
1 journal-crlf :: twitchlog --journal crlf.txt check
0 journal-crlf-report :: twitchlog --journal crlf.txt $now report --format json
1 journal-10000-fields :: twitchlog --journal fields.txt check
0 journal-10000-fields-report :: twitchlog --journal fields.txt $now report --format csv
1 journal-feb-30 :: twitchlog --journal feb30.txt check
0 journal-year-0 :: twitchlog --journal year0.txt $now report --last 30d
0 journal-year-0-triage :: twitchlog --journal year0.txt $now triage --no-ask
0 journal-year-9999 :: twitchlog --journal year9999.txt $now check
1 journal-duration-overflow :: twitchlog --journal dur-overflow.txt check
0 journal-duration-sum-overflow :: twitchlog --journal dur-sum.txt $now report --format json
1 journal-severity-1e999 :: twitchlog --journal sev.txt check
1 journal-numbers-nan-inf :: twitchlog --journal numbers.txt check
0 journal-numbers-report :: twitchlog --journal numbers.txt $now report --format tsv
0 journal-escaped-controls :: twitchlog --journal escapes.txt $now triage --no-ask --yes spreading
0 journal-escaped-controls-report :: twitchlog --journal escapes.txt $now report
1 journal-raw-escape :: twitchlog --journal ansi.txt check
0 journal-raw-escape-report :: twitchlog --journal ansi.txt $now report
0 journal-empty-file :: twitchlog --journal empty.txt $now report
0 journal-header-only :: twitchlog --journal header.txt check
1 journal-torn-huge :: twitchlog --journal torn-huge.txt check
0 journal-unknown-kind-and-key :: twitchlog --journal unknown.txt check
0 journal-5000-flags :: twitchlog --journal many-flags.txt $now triage --no-ask
0 journal-5000-tags :: twitchlog --journal many-tags.txt $now report --format json
0 journal-5000-tags-html :: twitchlog --journal many-tags.txt $now report --format html
0 journal-bidi-note-html :: twitchlog --journal bidi-note.txt $now report --format html
0 journal-escaped-controls-export-tsv :: twitchlog --journal escapes.txt $now export --format tsv
0 journal-escaped-controls-export-jsonl :: twitchlog --journal escapes.txt $now export --format jsonl
0 journal-20000-lines-export :: twitchlog --journal many-lines.txt $now export --format jsonl
2 export-kind-escape :: twitchlog $now export --kind "$(cat escape.txt)"
1 report-output-escape-folder :: twitchlog $now report --format html -o "$(cat osc.txt)/x.html"
0 journal-20000-lines :: twitchlog --journal many-lines.txt $now advise --plan
1 journal-is-a-folder :: twitchlog --journal folder.txt check
1 journal-symlink-loop :: twitchlog --journal loop.txt check
1 journal-missing-strict :: twitchlog --journal huge.txt $now report --strict
1 rules-empty :: twitchlog rules --check r-empty.toml
0 rules-bom :: twitchlog rules --check r-bom.toml
0 rules-crlf :: twitchlog rules --check r-crlf.toml
1 rules-deep-array :: twitchlog rules --check r-deep-array.toml
1 rules-deep-table :: twitchlog rules --check r-deep-table.toml
1 rules-deep-inline-table :: twitchlog rules --check r-deep-inline.toml
1 rules-threshold-1e999 :: twitchlog rules --check r-inf.toml
1 rules-threshold-nan :: twitchlog rules --check r-nan.toml
0 rules-threshold-minus-0 :: twitchlog rules --check r-minus0.toml
1 rules-integer-overflow :: twitchlog rules --check r-int-overflow.toml
1 rules-negative-window :: twitchlog rules --check r-negative.toml
1 rules-include-key :: twitchlog rules --check r-include.toml
1 rules-nul :: twitchlog rules --check r-nul.toml
1 rules-invalid-utf8 :: twitchlog rules --check r-latin1.toml
1 rules-huge-string :: twitchlog rules --check r-huge-string.toml
1 rules-escape-in-id :: twitchlog rules --check r-ansi-id.toml
1 rules-schema-3 :: twitchlog --rules r-schema.toml $now triage --no-ask
1 rules-syntax :: twitchlog --rules r-syntax.toml $now report
1 rules-is-a-folder :: twitchlog --rules folder.txt rules
1 rules-missing :: twitchlog --rules missing.toml $now advise
2 log-severity-0 :: twitchlog log -s 0
2 log-severity-6 :: twitchlog log -s 6
2 log-severity-1e999 :: twitchlog log -s 1e999
2 log-severity-minus-0 :: twitchlog log -s -0
2 log-duration-overflow :: twitchlog log -d 99999999999999999999s
2 log-duration-days-overflow :: twitchlog log -d 999999999999999d
2 log-duration-empty :: twitchlog log -d ''
2 log-at-feb-30 :: twitchlog $now log --at 2026-02-30
2 log-at-year-0 :: twitchlog $now log --at 0000-01-01
2 log-at-future :: twitchlog $now log --at 9999-12-31
2 log-at-ago-overflow :: twitchlog $now log --at '99999999999999999999d ago'
2 log-note-invalid-utf8 :: twitchlog log --note "$(printf 'caf\351')"
2 log-note-escape :: twitchlog log --note "$(cat escape.txt)"
2 log-note-too-long :: twitchlog log --note "$note_big"
2 log-note-stdin-nul :: printf 'a\000b' | twitchlog log --note -
2 log-checkin-nan :: twitchlog log --checkin caffeine=nan
2 log-checkin-1e999 :: twitchlog log --checkin caffeine=1e999
w:0 log-checkin-stdin-crlf :: printf 'caffeine=2\r\n' | twitchlog $now log --checkin -
w:0 log-checkin-minus-0 :: twitchlog $now log --checkin caffeine=-0
2 log-where-escape :: twitchlog log --where "$(cat escape.txt)"
2 log-tag-escape :: twitchlog log -t "$(cat escape.txt)"
2 log-remedy-unknown :: twitchlog log --remedy 'magnesium;rm -rf ~'
2 triage-yes-unknown :: twitchlog $now triage --no-ask --yes "$(cat escape.txt)"
2 triage-format-empty :: twitchlog $now triage --no-ask --format ''
2 report-window-huge :: twitchlog $now report --window 99999999999
2 report-window-negative :: twitchlog $now report --window -1
2 report-last-huge :: twitchlog $now report --last 999999999d
2 report-from-year-0 :: twitchlog $now report --from 0000-01-01
2 report-from-feb-30 :: twitchlog $now report --from 2026-02-30
2 report-period-escape :: twitchlog $now report --period "$(cat escape.txt)"
2 as-of-feb-30 :: twitchlog --as-of 2026-02-30 report
2 as-of-empty :: twitchlog --as-of '' report
2 completion-shell-escape :: twitchlog completion "$(cat escape.txt)"
2 help-unknown :: twitchlog help "$(cat escape.txt)"
2 rules-format-empty :: twitchlog rules --format ''
2 journal-option-empty :: twitchlog --journal '' check
2 rules-option-empty :: twitchlog --rules '' rules
2 log-at-1899 :: twitchlog $now log --at 1899-12-31
2 cli-escape-option :: twitchlog "--bogus$(cat osc.txt)"
2 cli-escape-word :: twitchlog report "$(cat osc.txt)"
2 cli-escape-window :: twitchlog $now report --window "$(cat osc.txt)"
1 cli-escape-journal-missing :: twitchlog --journal "nope$(cat osc.txt)" check
1 cli-escape-rules-missing :: twitchlog --rules "nope$(cat osc.txt)" rules
1 journal-name-escape-check :: twitchlog --journal "$(cat osc.txt)name.txt" check
0 journal-name-escape-skipped :: twitchlog --journal "$(cat osc.txt)bad.txt" $now report --format csv
1 journal-bidi-c1-check :: twitchlog --journal bidi.txt check
0 journal-bidi-c1-report-json :: twitchlog --journal bidi.txt $now report --format json
0 rules-c1-bidi-json :: twitchlog --rules r-c1.toml rules --format json
0 rules-c1-bidi-text :: twitchlog --rules r-c1.toml rules
2 log-note-c1 :: twitchlog log --note "$(printf 'a\302\23331mRED')"
2 log-tag-bidi :: twitchlog log -t "$(printf 'a\342\200\256b')"
1 journal-fifo-check :: twitchlog --journal fifo.txt check
1 journal-fifo-report :: twitchlog --journal fifo.txt $now report
1 journal-fifo-triage :: twitchlog --journal fifo.txt $now triage --no-ask
1 journal-fifo-advise :: twitchlog --journal fifo.txt $now advise
1 journal-fifo-log :: twitchlog --journal fifo.txt $now log -s1
1 journal-dev-zero-check :: twitchlog --journal /dev/zero check
1 journal-dev-zero-report :: twitchlog --journal /dev/zero $now report
1 rules-fifo-option :: twitchlog --rules fifo.txt rules
1 rules-fifo-default-log :: XDG_CONFIG_HOME=$PWD/xdg-fifo twitchlog $now log -s1
1 rules-fifo-default-completion :: XDG_CONFIG_HOME=$PWD/xdg-fifo twitchlog completion bash
1 rules-fifo-default-advise :: XDG_CONFIG_HOME=$PWD/xdg-fifo twitchlog $now advise
q:2 stderr-full-usage :: twitchlog log -s9 2>/dev/full
q:1 stderr-full-stdout-full :: twitchlog $now report >/dev/full 2>/dev/full
q:2 stderr-closed-usage :: twitchlog log --bogus 2>&-
q:1 stderr-full-data :: twitchlog --journal missing.txt check 2>/dev/full
2 report-last-before-year-1 :: twitchlog --as-of 2026-11-24 report --last 24323m
2 as-of-year-1-log :: TZ=UTC twitchlog --as-of 0001-01-01 log -s1
2 log-year-10000 :: TZ=UTC twitchlog --as-of 9999-12-31T23:59:59-23:59 log -s1
2 log-offset-24-59 :: TZ='XXX-24:59:59' twitchlog log --note x
w:0 log-offset-seconds :: TZ='<+1234>-12:34:56' twitchlog log --note x
EOF
)

# --- running them -------------------------------------------------------------
total=0 bad=0
say() { echo "FAIL $name: $*"; bad=$((bad + 1)); }
has_control() { LC_ALL=C tr -d '\n\t' < "$1" | LC_ALL=C grep -q '[[:cntrl:]]'; }
# C1 controls (U+0080-U+009F), bidi controls (U+202A-U+202E, U+2066-U+2069), zero-width characters
# (U+200B-U+200D, U+FEFF), as UTF-8 bytes.
invisible=$(printf '\302[\200-\237]\n\342\200[\213-\215]\n\342\200[\252-\256]\n\342\201[\246-\251]\n\357\273\277')
has_invisible() { LC_ALL=C grep -q -e "$invisible" "$1"; }
printf '%s\n' "$cases" | while IFS= read -r line; do
  [ -n "$line" ] || continue
  expect=${line%% *}
  rest=${line#* }
  name=${rest%% :: *}
  command=${rest#* :: }
  writes=false quiet=false
  case $expect in w:*) writes=true expect=${expect#w:} ;; esac
  case $expect in q:*) quiet=true expect=${expect#q:} ;; esac  # stderr itself is unwritable: no message to see
  cp base.txt j.txt
  timeout 60 sh -c "now='$now' note_big='$note_big'; $command" > out.txt 2> err.txt
  status=$?
  total=$((total + 1))
  [ "$status" -eq 124 ] && say "hung (killed after 60 s)"
  [ "$status" -ge 126 ] && [ "$status" -ne 124 ] && say "died: exit status $status"
  [ "$status" -eq 86 ] && say "sanitizer report: $(head -c 300 err.txt)"
  grep -q -e 'Sanitizer' -e 'runtime error:' err.txt && say "sanitizer output: $(grep -m1 -e Sanitizer -e 'runtime error' err.txt)"
  [ "$status" -ne "$expect" ] && [ "$status" -lt 124 ] && say "exit status $status, expected $expect: $(head -n 1 err.txt | cut -c1-200)"
  # The message: on stderr, or on stdout for `check`, whose findings are its output.
  clear='^(twitchlog: (error|warning)|[^ ]+:[0-9]+(:[0-9]+)?: (error|warning)): .'
  if [ "$status" -ne 0 ] && ! $quiet && ! grep -qE "$clear" err.txt && ! grep -qE "$clear" out.txt; then
    say "no clear message: $(head -n 1 err.txt | cut -c1-200)"
  fi
  has_control out.txt && say "raw control characters on stdout"
  has_control err.txt && say "raw control characters on stderr"
  has_invisible out.txt && say "raw C1, bidi or zero-width characters on stdout"
  has_invisible err.txt && say "raw C1, bidi or zero-width characters on stderr"
  if ! $writes && ! cmp -s base.txt j.txt; then say "the journal changed"; fi
  if $writes && ! twitchlog --journal j.txt check > /dev/null 2>&1; then say "the journal no longer checks"; fi
  echo "$total $bad" > tally.txt
done
read -r total bad < tally.txt
echo "$total hostile inputs, $bad went wrong"
[ "$bad" -eq 0 ]
