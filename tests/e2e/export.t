# twitchlog export: every entry in force with every field, on a fixed journal (tests/data/doctor.journal:
# 23 entries, one of them a twitch taken back by the retract on line 16).
$ cp $SRC/tests/data/doctor.journal journal.txt
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export > all.csv
# CSV as RFC 4180 has it: CRLF line ends (dropped with tr below, for reading).
$ head -n 1 all.csv | tr -d '\r'
> line,timestamp,day,kind,retracted,approx,severity,duration_s,where,side,tags,flags,caffeine,sleep,stress,water,alcohol,remedy,dose,level,yes,no,unsure,sudden,of,of_kind,note
$ python3 $SRC/tests/export-roundtrip.py journal.txt all.csv
> 22 rows, every field as in the journal
$ grep -c "$(printf '\r')$" all.csv
> 23
$ grep '^5,' all.csv | tr -d '\r'
> 5,2026-11-02T10:15:00+01:00,2026-11-02,twitch,false,,2,60,lower-lip,left,"coffee,screen",,,,,,,,,,,,,,,,after the second espresso
$ grep '^21,' all.csv | tr -d '\r'
> 21,2026-11-12T20:00:00+01:00,2026-11-12,note,false,,,,,,,,,,,,,,,,,,,,,,"busy week, ""deadline"""

# The retracted twitch (line 15) is left out; --all puts it in, marked.
$ grep -c '^15,' all.csv || echo left out
> 0
> left out
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --all > with-retracted.csv && python3 $SRC/tests/export-roundtrip.py journal.txt with-retracted.csv --all
> 23 rows, every field as in the journal
$ grep '^15,' with-retracted.csv | tr -d '\r'
> 15,2026-11-05T11:05:00+01:00,2026-11-05,twitch,true,,5,180,lower-lip,,,,,,,,,,,,,,,,,,

# TSV: tabs, line breaks and backslashes escaped; the same fields.
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --format tsv > all.tsv && python3 $SRC/tests/export-roundtrip.py journal.txt all.tsv
> 22 rows, every field as in the journal

# JSON Lines: one object a line, read with jq.
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --format jsonl > all.jsonl && jq -s length all.jsonl
> 22
$ jq -c 'select(.line == 5)' all.jsonl
> {"line":5,"timestamp":"2026-11-02T10:15:00+01:00","day":"2026-11-02","kind":"twitch","retracted":false,"approx":null,"severity":2,"duration_s":60,"where":"lower-lip","side":"left","tags":["coffee","screen"],"flags":[],"factors":{},"remedy":null,"dose":null,"level":null,"yes":[],"no":[],"unsure":[],"sudden":[],"of":null,"of_kind":null,"note":"after the second espresso"}
$ jq -c 'select(.kind == "checkin") | [.line, .factors]' all.jsonl
> [4,{"caffeine":5,"sleep":6,"stress":4,"water":1}]
> [8,{"caffeine":4,"sleep":5.5,"stress":4,"water":1.2}]
> [18,{"caffeine":1,"sleep":8,"stress":2,"water":2}]
$ jq -r 'select(.kind == "remedy") | [.line, .remedy, .dose // "-", .note // "-"] | @tsv' all.jsonl
> 7	magnesium	400mg	-
> 11	magnesium	400mg	-
> 13	magnesium	200mg	ran out, half a dose
> 19	caffeine-limit	-	-
> 23	gabapentin	100 mg	prescribed by the neurologist
> 24	gabapentin	100 mg	-
$ jq -c 'select(.kind == "triage" or .kind == "retract" or .kind == "visit" or .approx != null) | [.line, .kind, .approx, .level, .yes, .no, .of, .of_kind, .note]' all.jsonl
> [12,"twitch","part",null,[],[],null,null,null]
> [16,"retract",null,null,[],[],"2026-11-05T11:05:00+01:00","twitch","logged twice by mistake"]
> [17,"visit",null,null,[],[],null,null,"GP: benign fasciculation, come back if it spreads"]
> [25,"triage",null,"doctor",["spreading"],["weakness"],null,null,null]
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --format jsonl --all | jq -c 'select(.retracted) | .line'
> 15
$ jq -r '.line' all.jsonl | paste -sd, - && cut -d, -f1 all.csv | tail -n +2 | paste -sd, -
> 4,5,6,7,8,9,10,11,12,13,14,16,17,18,19,20,21,22,23,24,25,26
> 4,5,6,7,8,9,10,11,12,13,14,16,17,18,19,20,21,22,23,24,25,26

# --from, --to and --kind choose the rows, by the day an entry counts on.
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --from 2026-11-16 --to 2026-11-17 --format jsonl | jq -c '[.line, .kind]'
> [22,"twitch"]
> [23,"remedy"]
> [24,"remedy"]
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --kind visit | tr -d '\r'
> line,timestamp,day,kind,retracted,approx,severity,duration_s,where,side,tags,flags,caffeine,sleep,stress,water,alcohol,remedy,dose,level,yes,no,unsure,sudden,of,of_kind,note
> 17,2026-11-06T15:00:00+01:00,2026-11-06,visit,false,,,,,,,,,,,,,,,,,,,,,,"GP: benign fasciculation, come back if it spreads"
$ twitchlog export --kind sneeze
! twitchlog: error: --kind: unknown kind "sneeze"; valid: twitch, checkin, remedy, triage, note, visit, retract
? 2
$ twitchlog export --format xlsx
! twitchlog: error: --format: unknown format "xlsx"; valid: csv, tsv, jsonl
? 2
$ twitchlog export --from 2026-11-20 --to 2026-11-10
! twitchlog: error: --from 2026-11-20 is after --to 2026-11-10
? 2
$ twitchlog export --from someday
! twitchlog: error: --from: invalid time "someday": not a form twitchlog knows; use now, 9, 9:15, today, yesterday, monday, mon, Nov 30, 30 Nov, yesterday 9am, yesterday at 9:00, this morning, this afternoon, yesterday morning, monday evening, 2 hours ago, 2h ago, 2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z (twitchlog(1) lists every form)
? 2

# The formula guard (OWASP): a text cell that begins with = + - @, a tab or a carriage return
# gets a leading ' in CSV and TSV; --raw keeps it as written; JSON Lines is never changed.
$ printf '%s\n' '2026-11-21T09:00:00+01:00 note text="=HYPERLINK(\"x\",\"y\")"' '2026-11-21T09:01:00+01:00 remedy id=magnesium dose=+1 note=-2' '2026-11-21T09:02:00+01:00 note text="@SUM(A1)"' '2026-11-21T09:03:00+01:00 note text="\tx"' '2026-11-21T09:04:00+01:00 note text="a=1, fine"' > formulas.txt
$ twitchlog --journal formulas.txt --as-of 2026-11-22T12:00:00+01:00 export 2>/dev/null | cut -d, -f1,18- | tr -d '\r'
> line,remedy,dose,level,yes,no,unsure,sudden,of,of_kind,note
> 1,,,,,,,,,,"'=HYPERLINK(""x"",""y"")"
> 2,magnesium,'+1,,,,,,,,'-2
> 3,,,,,,,,,,'@SUM(A1)
> 4,,,,,,,,,,'	x
> 5,,,,,,,,,,"a=1, fine"
$ twitchlog --journal formulas.txt --as-of 2026-11-22T12:00:00+01:00 export --format tsv 2>/dev/null | cut -f27 | tail -n +2
> '=HYPERLINK("x","y")
> '-2
> '@SUM(A1)
> '\tx
> a=1, fine
$ twitchlog --journal formulas.txt --as-of 2026-11-22T12:00:00+01:00 export --raw 2>/dev/null | cut -d, -f1,18- | tr -d '\r' | tail -n +2
> 1,,,,,,,,,,"=HYPERLINK(""x"",""y"")"
> 2,magnesium,+1,,,,,,,,-2
> 3,,,,,,,,,,@SUM(A1)
> 4,,,,,,,,,,	x
> 5,,,,,,,,,,"a=1, fine"
$ twitchlog --journal formulas.txt --as-of 2026-11-22T12:00:00+01:00 export --format jsonl 2>/dev/null | jq -r .note
> =HYPERLINK("x","y")
> -2
> @SUM(A1)
> 	x
> a=1, fine

# -o: a private file, written whole, never over another without --force.
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export -o out.csv && cmp out.csv all.csv && stat -c %a out.csv
> 600
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export -o out.csv
! twitchlog: error: out.csv: the file exists; add --force to replace it
? 1
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 export --format jsonl -o out.csv --force && cmp out.csv all.jsonl && echo replaced
> replaced
$ twitchlog export --force
! twitchlog: error: --force goes with -o FILE: there is no file to replace
? 2

# An empty or missing journal: the header alone.
$ twitchlog --journal none.txt export | tr -d '\r'
> line,timestamp,day,kind,retracted,approx,severity,duration_s,where,side,tags,flags,caffeine,sleep,stress,water,alcohol,remedy,dose,level,yes,no,unsure,sudden,of,of_kind,note
! twitchlog: note: journal none.txt does not exist yet; nothing from it is taken into account
