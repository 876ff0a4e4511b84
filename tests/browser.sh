#!/bin/sh
# A real browser reads the doctor's page (report --format html, 90 days of the
# example journal): headless Chromium prints it to PDF on A4 and on Letter
# (pdfinfo: at most two pages each; pdftotext: the title and the disclaimer
# are there) and takes a screenshot that is not blank and shows the chart's
# bars. Chromium and poppler-utils are test-only tools (scripts/install-deps
# --browser, which scripts/test runs); without them, or when Chromium cannot
# start here, the test says "skipped: ..." and exits 77 (ctest: skipped).
# usage: browser.sh BIN_DIR SOURCE_DIR WORK_DIR
set -eu
bin=$1 src=$2 work=$3
skip() { echo "skipped: $*"; exit 77; }
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || skip "chromium is not installed (scripts/install-deps --browser installs it)"
for tool in pdfinfo pdftotext; do
  command -v $tool >/dev/null || skip "$tool is not installed (poppler-utils; scripts/install-deps --browser)"
done
rm -rf "$work" && mkdir -p "$work" && cd "$work"
set -- --headless --disable-gpu --no-first-run --no-default-browser-check --hide-scrollbars \
  --user-data-dir="$work/profile" --no-pdf-header-footer
# As root, Chromium's sandbox cannot start: it refuses to run without --no-sandbox.
[ "$(id -u)" -ne 0 ] || set -- "$@" --no-sandbox
render() { timeout 90 "$chromium" "$@" >>chromium.log 2>&1; }
echo '<!DOCTYPE html><title>t</title><p>twitchlog' > probe.html
render "$@" --print-to-pdf="$work/probe.pdf" probe.html && [ -s probe.pdf ] ||
  skip "chromium cannot run here: $(tail -n 1 chromium.log)"

fail() { echo "FAILED: $*"; exit 1; }
TZ=Europe/Berlin SOURCE_DATE_EPOCH=1793491200 "$bin/twitchlog" --journal "$src/data/example.journal" \
  --as-of 2026-10-31T23:00:00+01:00 report --last 90d --format html -o page.html
title=$(sed -n 's/.*<h1>\(.*\)<\/h1>.*/\1/p' page.html)
[ -n "$title" ] || fail "no <h1> in the page"
for paper in A4 letter; do
  # Chromium prints on Letter unless the page asks for a size: a copy asks for each.
  sed "s/@page{/@page{size:$paper;/" page.html > "$paper.html"
  render "$@" --print-to-pdf="$work/$paper.pdf" "$paper.html" || fail "chromium could not print $paper.html"
  pages=$(pdfinfo "$paper.pdf" | sed -n 's/^Pages: *//p')
  size=$(pdfinfo "$paper.pdf" | sed -n 's/^Page size: *//p')
  echo "$paper: $pages pages of $size"
  [ "$pages" -ge 1 ] && [ "$pages" -le 2 ] || fail "$paper: $pages pages, more than 2 for 90 days"
  pdftotext "$paper.pdf" "$paper.txt"
  tr '\n' ' ' < "$paper.txt" | grep -qF "$title" || fail "$paper: the PDF does not hold the title \"$title\""
  grep -qF 'not a diagnosis' "$paper.txt" || fail "$paper: the PDF does not hold the disclaimer"
done
render "$@" --window-size=800,1200 --screenshot="$work/page.png" page.html || fail "chromium took no screenshot"
ink=$(python3 "$src/tests/png-ink.py" page.png 2171b5)
echo "screenshot: $ink"
percent=${ink%%.*}
bars=$(echo "$ink" | sed 's/.*, \([0-9]*\) pixels.*/\1/')
[ "$percent" -ge 2 ] || fail "the screenshot is blank: $ink"
[ "$bars" -ge 500 ] || fail "the screenshot shows no bars of the chart: $ink"
echo "ok: $title, printed on A4 and Letter in at most 2 pages, screenshot not blank"
