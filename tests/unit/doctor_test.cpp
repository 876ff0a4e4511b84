// The doctor's page and export (issue 19): HTML escaping, the formula guard,
// the diary a report gathers, and export's rows, on the fixture rules
// (default area "lip"; factors coffee, rest, tension; remedies less-coffee,
// nap and the medical scan).
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "twitchlog/export.hpp"
#include "twitchlog/report.hpp"
#include "twitchlog/report_html.hpp"

using namespace twitchlog;

namespace {

const Timestamp kNow = test::fixture_now();  // 2026-11-24T10:00:00+01:00

Report report_of(const std::string& text, int days) {
  ReportRequest q;
  q.to = kNow.day();
  q.from = kNow.day() - days + 1;
  return report_journal_text(text, "j.txt", test::fixture_rules(), q, kNow);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html_text: markup characters become references, invisible characters escapes") {
  CHECK(html_text("<img src=x onerror=\"alert('1')\"> & co") ==
        "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co");
  CHECK(html_text("a\xe2\x80\xae"
                  "b") == "a\\u{202e}b");
  CHECK(html_text("line\nbreak\x1b[31m") == "line\\nbreak\\x1b[31m");
  CHECK(html_text("caf\xc3\xa9 | `x`") == "caf\xc3\xa9 | `x`");
}

TEST_CASE("formula_guard: a leading = + - @ tab or CR gets a quote, nothing else changes") {
  for (const char* cell : {"=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"})
    CHECK(formula_guard(cell) == "'" + std::string(cell));
  for (const char* cell : {"", "a=1", "1-2", "x@y", " =1"}) CHECK(formula_guard(cell) == cell);
}

TEST_CASE("the diary: days logged, severities, areas, doses and days, notes and visits in time order") {
  test::Journal j;
  j.twitch(3, "severity=2 duration=1m where=eye side=left")
      .twitch(3, "severity=4 duration=3m", "10:00:00")
      .twitch(2, "severity=4 where=arm side=both")
      .twitch(1, "")
      .at(1, "twitch severity=5", "11:00:00")
      .at(1, "retract of=" + j.stamp(1, "11:00:00") + " kind=twitch", "11:05:00")
      .at(3, "remedy id=nap dose=20min", "12:00:00")
      .at(2, "remedy id=nap dose=20min", "12:00:00")
      .at(2, "remedy id=nap dose=1h", "18:00:00")
      .at(1, "remedy id=scan", "08:00:00")
      .at(2, "visit note=\"GP\"", "15:00:00")
      .at(0, "note text=\"latest\"", "08:00:00")
      .at(5, "note text=\"backdated\"", "08:00:00")  // written last, happened first
      .checkin(9, "coffee=1");
  const Report r = report_of(j.text(), 7);
  const Diary& d = r.diary;
  CHECK(d.logged.size() == 5);  // days 5, 3, 2, 1 and 0 ago; day 9 ago is before the range
  CHECK(d.severity[2] == 1);
  CHECK(d.severity[4] == 2);
  CHECK(d.severity[5] == 0);  // retracted
  CHECK(d.severity[0] == 1);  // the twitch without a severity
  CHECK(d.with_duration == 2);
  CHECK(d.longest_duration_s == 180);
  CHECK(d.sides == std::array<std::uint64_t, 4>{1, 0, 1, 2});
  REQUIRE(d.areas.size() == 3);
  CHECK(d.areas[0].id == "lip");
  CHECK(d.areas[0].episodes == 2);
  CHECK(d.areas[0].area != nullptr);
  REQUIRE(d.remedies.size() == 2);
  CHECK(d.remedies[0].id == "nap");
  CHECK(d.remedies[0].entries == 3);
  CHECK(d.remedies[0].days == 2);
  REQUIRE(d.remedies[0].doses.size() == 2);
  CHECK(d.remedies[0].doses[0].dose == "20min");
  CHECK(d.remedies[0].doses[0].entries == 2);
  CHECK(d.remedies[1].id == "scan");
  CHECK(d.remedies[1].without_dose == 1);
  REQUIRE(d.texts.size() == 3);
  CHECK(d.texts[0].text == "backdated");
  CHECK(d.texts[1].kind == Kind::visit);
  CHECK(d.texts[2].text == "latest");
}

TEST_CASE("the HTML page: the areas in the title, the medicine marked, the same bytes twice, no URL") {
  test::Journal j;
  j.twitch(2, "severity=3 where=eye").twitch(1, "severity=2").twitch(1, "severity=2", "10:00:00");
  j.at(1, "remedy id=scan dose=\"1 <b>x</b>\"", "12:00:00");
  const Report r = report_of(j.text(), 14);
  const HtmlPage page{"2026-11-24", "9.9"};
  const std::string html = render_report_html(r, test::fixture_rules(), page);
  CHECK(html == render_report_html(r, test::fixture_rules(), page));
  CHECK(count(html, "<title>Lip and eye twitching, ") == 1);
  CHECK(count(html, "<td>Scan (medical)</td><td>1 &lt;b&gt;x&lt;/b&gt; (1)</td>") == 1);
  CHECK(count(html, "Generated 2026-11-24 by twitchlog 9.9") == 1);
  CHECK(count(html, "http") == 0);
  CHECK(count(html, "<b>") == 0);
  CHECK(count(html, "@media print") == 1);
  CHECK(count(html, "<section id=\"red-flags\">") == 1);
}

TEST_CASE("export: one row per entry in force, CSV quoting, TSV escapes, the factors in JSON Lines") {
  test::Journal j;
  j.twitch(1, "severity=2 note=\"a, \\\"b\\\"\\nc\"")
      .checkin(1, "coffee=3 rest=6.5")
      .at(1, "twitch severity=5", "11:00:00")
      .at(1, "retract of=" + j.stamp(1, "11:00:00") + " kind=twitch", "11:05:00")
      .at(1, "note text=\"tab\\there \\\\ =x\"", "12:00:00");
  ExportRequest q;
  const auto csv = export_journal_text(j.text(), "j.txt", test::fixture_rules(), q, kNow);
  CHECK(csv.rows == 4);  // the retracted twitch left out, once (the pass runs twice)
  CHECK(count(csv.text, "\r\n") == 5);
  CHECK(count(csv.text, ",\"a, \"\"b\"\"\nc\"\r\n") == 1);
  CHECK(count(csv.text, ",\"tab\there \\ =x\"") == 0);  // a tab needs no quotes in CSV
  CHECK(count(csv.text, ",tab\there \\ =x\r\n") == 1);
  q.format = ExportFormat::tsv;
  const auto tsv = export_journal_text(j.text(), "j.txt", test::fixture_rules(), q, kNow);
  CHECK(count(tsv.text, "\ttab\\there \\\\ =x\n") == 1);
  CHECK(count(tsv.text, "\ta, \"b\"\\nc\n") == 1);
  q.format = ExportFormat::jsonl;
  q.all = true;
  const auto jsonl = export_journal_text(j.text(), "j.txt", test::fixture_rules(), q, kNow);
  CHECK(jsonl.rows == 5);
  CHECK(count(jsonl.text, "\"factors\":{\"coffee\":3,\"rest\":6.5}") == 1);
  CHECK(count(jsonl.text, "\"retracted\":true") == 1);
  CHECK(count(jsonl.text, "\"where\":\"lip\"") == 2);  // the retracted twitch too
  q.kind = Kind::checkin;
  CHECK(export_journal_text(j.text(), "j.txt", test::fixture_rules(), q, kNow).rows == 1);
}

TEST_CASE("Markdown and HTML list every visit and the latest notes, 20 in all, and count the others") {
  test::Journal j;
  for (int i = 0; i < 25; ++i)
    j.at(i / 4, "note text=\"note " + std::to_string(i) + "\"", fmt::format("{:02}:00:00", 1 + i % 4));
  j.at(6, "visit note=\"first visit\"", "08:00:00").at(5, "visit", "08:00:00");
  const Report r = report_of(j.text(), 7);
  const std::string md = render_report_markdown(r, test::fixture_rules());
  CHECK(count(md, " Note**: note ") == 18);
  CHECK(count(md, " Visit**") == 2);
  CHECK(count(md, "Visit**: first visit") == 1);
  CHECK(count(md, "note 24") == 0);  // the earliest notes (24 is the oldest) are the ones counted, not listed
  CHECK(count(md, "note 0\n") == 1);
  CHECK(count(md, "\nAnd 7 more notes or visits (all with twitchlog export --kind note, --kind visit).\n") == 1);
  const std::string html = render_report_html(r, test::fixture_rules(), HtmlPage{"2026-11-24", "0"});
  CHECK(count(html, " Note</strong>") == 18);
  CHECK(count(html, " Visit</strong>") == 2);
}
