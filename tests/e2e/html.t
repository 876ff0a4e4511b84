# report --format html: the page for a doctor, on a fixed journal (tests/data/doctor.journal).
# The golden page tests/data/doctor.html is what this first command writes; after a
# change on purpose, regenerate it with the same command and read the diff:
#   SOURCE_DATE_EPOCH=1795305600 TZ=Europe/Berlin twitchlog --journal tests/data/doctor.journal \
#     --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format html > tests/data/doctor.html
$ cp $SRC/tests/data/doctor.journal journal.txt
$ SOURCE_DATE_EPOCH=1795305600 twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format html -o page.html
$ diff -u $SRC/tests/data/doctor.html page.html && echo same as the golden page
> same as the golden page

# -o writes a private file, and never over one without --force (the file stays as it was).
$ stat -c %a page.html
> 600
$ echo old > keep.html && twitchlog --as-of 2026-11-22T12:00:00+01:00 report --format html -o keep.html
! twitchlog: error: keep.html: the file exists; add --force to replace it
? 1
$ cat keep.html
> old
$ SOURCE_DATE_EPOCH=1795305600 twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format html -o keep.html --force && cmp page.html keep.html && stat -c %a keep.html
> 600
$ ls -A | grep -c twitchlog-output || echo no temporary file left
> 0
> no temporary file left
$ mkdir folder && twitchlog report --format html -o folder
! twitchlog: error: folder: is a folder, not a file
? 1
$ twitchlog report --format html -o nowhere/page.html 2>&1 | sed 's/: [^:]*$/: REASON/'
> twitchlog: error: nowhere/page.html: cannot create a file in nowhere: REASON

# Self-contained: no URL to fetch, no script; print CSS; the same bytes every run.
$ grep -ciE 'https?:' page.html || echo no URL
> 0
> no URL
$ grep -ciE '<script|<link|<img|src=' page.html || echo nothing loaded
> 0
> nothing loaded
$ grep -c '@media print' page.html
> 1
$ SOURCE_DATE_EPOCH=1795305600 twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format html > again.html && cmp page.html again.html && echo same bytes
> same bytes
$ SOURCE_DATE_EPOCH=1795305600 twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format html | grep -o 'Generated [0-9-]*'
> Generated 2026-11-22
$ SOURCE_DATE_EPOCH=yesterday twitchlog report --format html
! twitchlog: error: SOURCE_DATE_EPOCH: "yesterday" is not a number of seconds since 1970
? 2

# What the page holds: the areas in the title, coverage, the red flag with its evidence,
# doses and days, the visit and the notes; the retracted twitch is not counted.
$ grep -o '<title>[^<]*</title>' page.html | head -n 1
> <title>Lower lip, eyelid and upper lip twitching, 2026-11-02 to 2026-11-22</title>
$ grep -o 'logged on [0-9]* of [0-9]* days' page.html
> logged on 12 of 21 days
$ grep -o '<strong>Spreading</strong>[^<]*' page.html
> <strong>Spreading</strong> (doctor, open since 2026-11-16): Twitching in more than one place is usually harmless too, but it is worth a doctor&#39;s check.
$ grep -c '<li>twitches in 2 places in the last 7 days (eyelid, lips); 2 or more is the rule</li>' page.html
> 1
$ grep -o '<td>Magnesium</td><td>[^<]*</td><td>[^<]*</td>' page.html
> <td>Magnesium</td><td>400mg (2), 200mg (1)</td><td>on 3 days, 2026-11-02 to 2026-11-04</td>
$ grep -o '<td>Gabapentin (medical)</td><td>[^<]*' page.html
> <td>Gabapentin (medical)</td><td>100 mg (2)
$ grep -o '<li><strong>2026-11-06 Visit</strong>[^<]*' page.html
> <li><strong>2026-11-06 Visit</strong>: GP: benign fasciculation, come back if it spreads
$ grep -o 'busy week, &quot;deadline&quot;' page.html
> busy week, &quot;deadline&quot;
$ grep -o '<dd>[0-9]* episodes on [^<]*' page.html
> <dd>8 episodes on 7 of 21 days (0.4 a day); longest run 4 days
$ grep -o '<title>week of [^<]*' page.html
> <title>week of 2026-11-02: 5 episodes
> <title>week of 2026-11-09: 1 episode
> <title>week of 2026-11-16: 2 episodes
$ grep -o '<title>2026-11-[0-9]*: [^<]*' page.html | wc -l
> 21
$ grep -o '<title>2026-11-0[4-7]: [^<]*' page.html
> <title>2026-11-04: 1 episode
> <title>2026-11-05: 1 episode
> <title>2026-11-06: 0 episodes
> <title>2026-11-07: nothing logged

# Hostile journal text comes out inert: markup escaped, bidi controls shown as escapes.
$ printf '2026-11-20T11:00:00+01:00 note text="<img src=x onerror=alert(1)> a|b `code` \342\200\256evil"\n2026-11-20T12:00:00+01:00 remedy id=magnesium dose="<b>9</b>|`x`"\n' >> journal.txt
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format html -o evil.html
$ grep -c '<img\|<b>' evil.html || echo no markup from the journal
> 0
> no markup from the journal
$ grep -o '&lt;img src=x onerror=alert(1)&gt; a|b `code` \\u{202e}evil' evil.html
> &lt;img src=x onerror=alert(1)&gt; a|b `code` \u{202e}evil
$ grep -o '&lt;b&gt;9&lt;/b&gt;|`x` (1)' evil.html
> &lt;b&gt;9&lt;/b&gt;|`x` (1)
$ grep -c "$(printf '\342\200\256')" evil.html || echo no bidi control
> 0
> no bidi control
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format markdown | grep -o '\\<img.*evil'
> \<img src=x onerror=alert(1)\> a\|b \`code\` \\u{202e}evil
$ twitchlog --as-of 2026-11-22T12:00:00+01:00 report --from 2026-11-02 --format markdown | grep -o '\\<b\\>9.*(1)'
> \<b\>9\</b\>\|\`x\` (1)
