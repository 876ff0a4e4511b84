// Report on the fixture rules (tests/unit/fixtures.cpp: [report]
// default_days = 28, effect_window_days = 7, top_tags = 3; factors coffee,
// rest and tension; default area "lip"), plus one test on the shipped rules.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/report.hpp"

using namespace twitchlog;

namespace {

const Timestamp kNow = test::fixture_now();  // 2026-11-24T10:00:00+01:00
const std::int64_t kToday = kNow.day();

std::int64_t day(const char* date) { return test::at(std::string(date) + "T12:00:00+01:00").day(); }

std::string journal(const std::vector<std::string>& lines) {
  std::string text = "# twitchlog journal v1\n";
  for (const auto& line : lines) text += line + "\n";
  return text;
}

Report report_on(const std::string& text, std::optional<std::int64_t> from, std::int64_t to,
                 Period period = Period::week, std::optional<int> window = std::nullopt,
                 const RuleSet& rules = test::fixture_rules()) {
  ReportRequest q;
  q.from = from;
  q.to = to;
  q.period = period;
  q.window = window;
  return report_journal_text(text, "j.txt", rules, q, kNow);
}

Report report(const std::vector<std::string>& lines, const char* from, const char* to, Period period = Period::week,
              std::optional<int> window = std::nullopt) {
  return report_on(journal(lines), day(from), day(to), period, window);
}

// The fixture rules with one line of the file replaced.
RuleSet rules_with(const std::string& line, const std::string& replacement) {
  std::string text = test::kFixtureRulesText;
  const auto at = text.find(line);
  REQUIRE(at != std::string::npos);
  text.replace(at, line.size(), replacement);
  return load_rules(text, "fixture.toml");
}

// A small journal whose figures are worked out by hand in the tests.
const std::vector<std::string> kHand = {
    "2026-11-10T09:00:00+01:00 twitch severity=1",  // line 2, before the range
    "2026-11-12T22:00:00+01:00 remedy id=less-coffee",
    "2026-11-16T09:00:00+01:00 twitch severity=2 duration=30s",
    "2026-11-16T18:00:00+01:00 twitch severity=4 duration=1m tags=coffee,screen",
    "2026-11-16T08:00:00+01:00 checkin coffee=4",
    "2026-11-17T08:00:00+01:00 checkin coffee=2",
    "2026-11-17T20:00:00+01:00 checkin coffee=6",  // the day's mean, 4, is on the risk side
    "2026-11-18T08:00:00+01:00 checkin coffee=1",
    "2026-11-18T10:00:00+01:00 twitch duration=10s tags=coffee",
    "2026-11-18T22:00:00+01:00 remedy id=less-coffee",
    "2026-11-19T08:00:00+01:00 checkin coffee=1",
    "2026-11-20T08:00:00+01:00 checkin coffee=2 rest=abc",  // line 13: check rejects it, so all of it is left out
    "2026-11-23T09:00:00+01:00 twitch severity=3",
    "2026-11-24T09:30:00+01:00 twitch severity=5 duration=2m",
    "2026-11-24T23:00:00+01:00 twitch severity=5",  // line 16: after now, ignored (a warning)
    "this line is malformed",                       // line 17
};

std::vector<std::string> labels(const Report& r) {
  std::vector<std::string> out;
  for (const auto& p : r.periods) out.push_back(p.label);
  return out;
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Occurrences of `c` not escaped with a backslash.
std::size_t unescaped(const std::string& text, char c) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != c) continue;
    std::size_t backslashes = 0;
    while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
    n += backslashes % 2 == 0 ? 1 : 0;
  }
  return n;
}

std::string line_with(const std::string& text, std::string_view what) {
  const auto at = text.find(what);
  if (at == std::string::npos) return "";
  const auto start = text.rfind('\n', at) + 1;
  return text.substr(start, text.find('\n', at) - start);
}

}  // namespace

TEST_CASE("totals and periods, worked out by hand") {
  const Report r = report(kHand, "2026-11-16", "2026-11-24");
  CHECK(r.from == day("2026-11-16"));
  CHECK(r.from_is == RangeStart::asked);
  CHECK(r.days() == 9);
  CHECK(r.totals.episodes == 5);
  CHECK(r.totals.days_with_episodes == 4);
  CHECK(r.totals.mean_severity == 3.5);  // (2 + 4 + 3 + 5) / 4: the entry without one does not count
  CHECK(r.totals.total_duration_s == 220);
  CHECK(labels(r) == std::vector<std::string>{"2026-W47", "2026-W48"});
  CHECK(r.periods[0].start == day("2026-11-16"));
  CHECK(r.periods[0].end == day("2026-11-22"));
  CHECK(r.periods[0].figures.episodes == 3);
  CHECK(r.periods[0].figures.mean_severity == 3.0);
  CHECK(r.periods[0].figures.total_duration_s == 100);
  CHECK(r.periods[1].start == day("2026-11-23"));
  CHECK(r.periods[1].end == day("2026-11-24"));  // the last period is clipped to the range
  CHECK(r.periods[1].figures.episodes == 2);
  CHECK(r.longest_streak == 2);
  CHECK(r.longest_streak_end == day("2026-11-24"));
  CHECK(r.read.errors == 2);  // the check-in with rest=abc and the malformed line
  CHECK(r.read.warnings == 1);
  REQUIRE(r.read.diagnostics.size() == 3);
  CHECK(r.read.diagnostics[0].line == 13);
  CHECK(r.read.diagnostics[1].line == 16);
  CHECK(r.read.diagnostics[1].severity == Diagnostic::Severity::warning);
  CHECK(r.read.diagnostics[2].line == 17);
  CHECK(r.tags == std::vector<std::pair<std::string, std::uint64_t>>{{"coffee", 2}, {"screen", 1}});
  CHECK(r.other_tags == 0);
  CHECK(r.window == 7);  // the fixture rules' effect_window_days
}

TEST_CASE("every period of the range is listed, empty ones with zeros") {
  const Report days = report(kHand, "2026-11-16", "2026-11-24", Period::day);
  REQUIRE(days.periods.size() == 9);
  CHECK(days.periods[1].label == "2026-11-17");
  CHECK(days.periods[1].figures.episodes == 0);
  CHECK_FALSE(days.periods[1].figures.mean_severity);
  const Report months = report(kHand, "2026-10-20", "2026-12-02", Period::month);
  CHECK(labels(months) == std::vector<std::string>{"2026-10", "2026-11", "2026-12"});
  CHECK(months.periods[0].start == day("2026-10-20"));
  CHECK(months.periods[2].end == day("2026-12-02"));
  CHECK(months.periods[1].figures.episodes == 6);  // the 2026-11-10 twitch too
}

TEST_CASE("ISO weeks across a year's end") {
  const Report r = report({}, "2026-12-27", "2027-01-11");
  CHECK(labels(r) == std::vector<std::string>{"2026-W52", "2026-W53", "2027-W01", "2027-W02"});
  CHECK(r.periods[1].start == day("2026-12-28"));
  CHECK(r.periods[1].end == day("2027-01-03"));
  CHECK(report({}, "2020-12-31", "2021-01-01").periods[0].label == "2020-W53");
  CHECK(report({}, "2019-12-30", "2019-12-30").periods[0].label == "2020-W01");
}

TEST_CASE("factors: risk days and other days, by the day's mean check-in") {
  const Report r = report(kHand, "2026-11-16", "2026-11-24");
  const FactorFigures& coffee = r.factors.at(0);
  REQUIRE(coffee.factor->id == "coffee");
  CHECK(coffee.risk_days == 2);    // 16 (4) and 17 (mean of 2 and 6)
  CHECK(coffee.risk_rate == 1.0);  // 2 episodes on 16, none on 17
  CHECK(coffee.other_days == 2);   // 18 and 19; the 20th's check-in is left out whole (rest=abc)
  CHECK(coffee.other_rate == 0.5);
  CHECK(coffee.ratio == 2.0);
  CHECK_FALSE(coffee.enough_data);  // under the rules' 3 days on a side
  CHECK_FALSE(coffee.stands_out);
  const FactorFigures& rest = r.factors.at(1);
  CHECK(rest.risk_days + rest.other_days == 0);
  CHECK_FALSE(rest.ratio);
}

TEST_CASE("factors: enough data and standing out follow the rules' min_factor_days and stands_out_ratio") {
  test::Journal j;
  for (int d = 6; d >= 0; --d) j.checkin(d, d < 3 ? "coffee=5" : "coffee=1", "08:00:00");  // 3 risk days, 4 others
  j.daily(2, 0, 2).daily(6, 3, 1);  // 2 a day on risk days, 1 on the others
  const auto factor = [&](const RuleSet& rules) {
    return report_on(j.text(), kToday - 6, kToday, Period::week, std::nullopt, rules).factors.at(0);
  };
  const FactorFigures plain = factor(test::fixture_rules());
  CHECK(plain.risk_days == 3);
  CHECK(plain.other_days == 4);
  CHECK(plain.ratio == 2.0);
  CHECK(plain.enough_data);
  CHECK(plain.stands_out);  // 2.0 >= 1.5
  const FactorFigures strict = factor(rules_with("min_factor_days = 3", "min_factor_days = 4"));
  CHECK_FALSE(strict.enough_data);
  CHECK_FALSE(strict.stands_out);
  CHECK(factor(rules_with("stands_out_ratio = 1.5", "stands_out_ratio = 2.5")).enough_data);
  CHECK_FALSE(factor(rules_with("stands_out_ratio = 1.5", "stands_out_ratio = 2.5")).stands_out);
  const std::string md = render_report_markdown(report_on(j.text(), kToday - 6, kToday), test::fixture_rules());
  CHECK(md.find("- coffee 3 or more cups: 2.0 episodes a day on 3 such days, 1.0 on 4 other days (2.0 times).\n") !=
        std::string::npos);
  const RuleSet four = rules_with("min_factor_days = 3", "min_factor_days = 4");
  const Report r4 = report_on(j.text(), kToday - 6, kToday, Period::week, std::nullopt, four);
  CHECK(render_report_markdown(r4, four).find("(4 days or more on each side, 1.5 times the episodes or more)") !=
        std::string::npos);
  CHECK(render_report_text(r4, four, false).find("(too little data: under 4 days in a group)") != std::string::npos);
}

TEST_CASE("remedies: before and after, clipped to the days the journal covers") {
  const Report r = report(kHand, "2026-11-16", "2026-11-24");
  REQUIRE(r.remedies.size() == 1);
  CHECK(r.remedies[0].id == "less-coffee");
  const RemedyEffect& e = r.remedies[0].effect;
  CHECK(e.first_day == day("2026-11-12"));  // the first day in the whole journal, before the range
  CHECK(e.window == 7);                     // the rules' effect_window_days
  CHECK(e.onset_days == 3);
  CHECK(e.before.first_day == day("2026-11-10"));  // 11-05..11 clipped to the first entry
  CHECK(e.before.days == 2);
  CHECK(e.before.rate == 0.5);
  CHECK(e.after.first_day == day("2026-11-15"));  // 3 days on
  CHECK(e.after.days == 7);
  CHECK(*e.after.rate == doctest::Approx(3.0 / 7));  // 2 on 16, 1 on 18
  const Report wide = report(kHand, "2026-11-16", "2026-11-24", Period::week, 14);
  CHECK(wide.remedies[0].effect.after.days == 10);  // 15 to 28: clipped to today
  CHECK(wide.remedies[0].effect.after.rate == 0.5);
  const Report narrow = report(kHand, "2026-11-16", "2026-11-24", Period::week, 1);
  CHECK(narrow.remedies[0].effect.after.days == 1);
  CHECK(narrow.remedies[0].effect.after.rate == 0.0);  // 15 alone: no twitch
}

TEST_CASE("the trend: halves of the days the journal covers in the range") {
  SUBCASE("worked out by hand") {
    const Report r = report(kHand, "2026-11-16", "2026-11-24");
    REQUIRE(r.trend);
    CHECK(r.trend->first.first_day == day("2026-11-16"));
    CHECK(r.trend->first.last_day == day("2026-11-19"));
    CHECK(r.trend->first.days == 4);
    CHECK(r.trend->first.rate == 0.75);  // 3 episodes
    CHECK(r.trend->second.first_day == day("2026-11-20"));
    CHECK(r.trend->second.days == 5);  // the second half gets the odd day
    CHECK(r.trend->second.rate == 0.4);
    CHECK(*r.trend->change == doctest::Approx(-0.35 / 0.75));
    CHECK(r.trend->direction == TrendDirection::down);
    CHECK(render_report_text(r, test::fixture_rules(), false)
              .find("Trend: 0.8 episodes a day in the first half, 0.4 in the second (down 47%)\n") !=
          std::string::npos);
  }
  SUBCASE("issue 13: a journal 3 weeks old, plain report: from the first entry, falling") {
    test::Journal j;
    j.daily(20, 11, 3).twitch(15, "severity=4", "18:00:00").twitch(14, "severity=4", "18:00:00");  // 32 in 10 days
    j.daily(10, 1, 1);                                                                             // 10 in 11 days
    const Report r = report_on(j.text(), std::nullopt, kToday);
    CHECK(r.from == kToday - 20);  // not 28 days back: the journal starts there
    CHECK(r.from_is == RangeStart::first_entry);
    CHECK(r.days() == 21);
    REQUIRE(r.trend);
    CHECK(r.trend->first.days == 10);
    CHECK(r.trend->first.rate == 3.2);
    CHECK(r.trend->second.days == 11);
    CHECK(*r.trend->second.rate == doctest::Approx(10.0 / 11));
    CHECK(r.trend->direction == TrendDirection::down);
    const std::string text = render_report_text(r, test::fixture_rules(), false);
    CHECK(text.starts_with("Report 2026-11-04 to 2026-11-24 (21 days from the first entry, by week)\n"));
    CHECK(line_with(text, "Trend:") == "Trend: 3.2 episodes a day in the first half, 0.9 in the second (down 72%)");
    const std::string json = render_report_json(r, test::fixture_rules());
    CHECK(json.find("\"from_is\": \"first-entry\"") != std::string::npos);
    CHECK(json.find("\"direction\": \"down\"") != std::string::npos);
    CHECK(render_report_markdown(r, test::fixture_rules())
              .starts_with("# Lip twitching, 2026-11-04 (the first entry) to 2026-11-24\n"));
  }
  SUBCASE("an older journal: the rules' default_days") {
    const Report r = report_on(test::Journal().twitch(40).twitch(3).text(), std::nullopt, kToday);
    CHECK(r.from == kToday - 27);
    CHECK(r.from_is == RangeStart::default_days);
    REQUIRE(r.trend);
    CHECK(r.trend->first.days == 14);
    const Report ten = report_on(test::Journal().twitch(40).text(), std::nullopt, kToday, Period::week, std::nullopt,
                                 rules_with("default_days = 28", "default_days = 10"));
    CHECK(ten.days() == 10);
  }
  SUBCASE("the band, up from none, nothing at all, too few days") {
    const auto direction = [](int first, int second, const RuleSet& rules = test::fixture_rules()) {
      test::Journal j;
      j.checkin(9, "coffee=1");  // the journal covers 10 days: 5 and 5
      for (int i = 0; i < first; ++i) j.twitch(9 - i % 5, "severity=2", fmt::format("1{}:00:00", i % 10));
      for (int i = 0; i < second; ++i) j.twitch(4 - i % 5, "severity=2", fmt::format("0{}:00:00", i % 10));
      return *report_on(j.text(), std::nullopt, kToday, Period::week, std::nullopt, rules).trend;
    };
    CHECK(direction(10, 10).direction == TrendDirection::about_same);
    CHECK(direction(10, 10).change == 0.0);
    CHECK(direction(20, 21).direction == TrendDirection::about_same);  // +5%
    CHECK(direction(10, 12).direction == TrendDirection::up);          // +20%
    CHECK(direction(10, 12, rules_with("trend_band = 0.10", "trend_band = 0.25")).direction ==
          TrendDirection::about_same);
    CHECK(direction(10, 5).direction == TrendDirection::down);
    const Trend from_none = direction(0, 3);
    CHECK(from_none.direction == TrendDirection::up);
    CHECK_FALSE(from_none.change);
    const Trend nothing = direction(0, 0);
    CHECK(nothing.direction == TrendDirection::about_same);
    CHECK(nothing.first.rate == 0.0);
    CHECK_FALSE(report_on(test::Journal().twitch(0).text(), std::nullopt, kToday).trend);  // one day
    CHECK_FALSE(report_on(journal({}), std::nullopt, kToday).trend);                       // no entry
    const Report empty = report_on(journal({}), std::nullopt, kToday);
    CHECK(empty.from_is == RangeStart::default_days);
    CHECK(render_report_text(empty, test::fixture_rules(), false)
              .find("Trend: too few days in the journal for a trend\n") != std::string::npos);
  }
  SUBCASE("a range that ends after today: the trend stops at today") {
    const Report r = report(kHand, "2026-11-17", "2026-11-30");
    REQUIRE(r.trend);
    CHECK(r.trend->first.first_day == day("2026-11-17"));
    CHECK(r.trend->second.last_day == kToday);
    CHECK(r.trend->first.days + r.trend->second.days == 8);
  }
}

TEST_CASE("issue 13: report leaves out exactly the lines check rejects") {
  const std::string text = journal({
      "2026-11-11T08:00:00+01:00 twitch severity=7",
      "2026-11-11T08:30:00+01:00 twitch severity=3 tags=Coffee,espresso",
      "2026-11-11T10:30:00+01:00 checkin caffeine=4 sleep=6,5",
      "2026-11-11T10:30:00+01:00 checkin caffeine=40",
  });
  const RuleSet shipped = load_builtin_rules();  // the issue's journal as written, on the shipped rules
  ReportRequest q;
  q.to = kToday;
  const Report r = report_journal_text(text, "t1", shipped, q, kNow);
  CHECK(r.read.errors == 4);
  CHECK_FALSE(r.read.clean());  // what --strict fails on
  CHECK(r.totals.episodes == 0);
  CHECK(r.tags.empty());
  for (const auto& f : r.factors) CHECK(f.risk_days + f.other_days == 0);
  REQUIRE(r.read.diagnostics.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(r.read.diagnostics[i].line == i + 2);
    CHECK(r.read.diagnostics[i].severity == Diagnostic::Severity::error);
  }
  const std::string json = render_report_json(r, shipped);
  CHECK(count(json, "\"severity\": \"error\"") == 4);
  CHECK(json.find("\"errors\": 4") != std::string::npos);

  // The same on the fixture rules, whose factors are coffee and rest.
  const Report f = report_on(journal({
                                 "2026-11-11T08:00:00+01:00 twitch severity=7",
                                 "2026-11-11T08:30:00+01:00 twitch severity=3 tags=Coffee,espresso",
                                 "2026-11-11T10:30:00+01:00 checkin coffee=4 rest=6,5",
                                 "2026-11-11T10:30:00+01:00 checkin coffee=40",
                                 "2026-11-11T11:00:00+01:00 twitch severity=3 tags=espresso",
                             }),
                             day("2026-11-01"), kToday);
  CHECK(f.read.errors == 4);
  CHECK(f.totals.episodes == 1);  // only the valid twitch
  CHECK(f.tags == std::vector<std::pair<std::string, std::uint64_t>>{{"espresso", 1}});
  CHECK(f.factors.at(0).risk_days + f.factors.at(0).other_days == 0);
}

TEST_CASE("the shipped rules still report on a plain journal") {
  const RuleSet shipped = load_builtin_rules();
  ReportRequest q;
  q.to = kToday;
  const Report r = report_journal_text(test::Journal()
                                           .checkin(3, "caffeine=5 sleep=6")
                                           .twitch(3, "severity=3 tags=coffee")
                                           .remedy(2, "magnesium")
                                           .twitch(0, "severity=2 where=eyelid")
                                           .text(),
                                       "j.txt", shipped, q, kNow);
  CHECK(r.read.clean());
  CHECK(r.from == kToday - 3);  // the first entry
  CHECK(r.window == shipped.report.effect_window_days);
  CHECK(r.totals.episodes == 2);
  REQUIRE(r.remedies.size() == 1);
  CHECK(r.remedies[0].remedy != nullptr);
  CHECK(r.triage.level->id != shipped.levels.front().id);  // the eyelid twitch: spreading
  CHECK(render_report_markdown(r, shipped).find("## Red flags") != std::string::npos);
}

TEST_CASE("top_tags: text and Markdown list the same number of tags") {
  test::Journal j;
  j.twitch(3, "tags=a,b,c,d", "08:00:00").twitch(2, "tags=a,b,c", "08:00:00").twitch(1, "tags=a,b", "08:00:00");
  j.twitch(0, "tags=a", "08:00:00");
  const Report r = report_on(j.text(), kToday - 5, kToday);
  CHECK(r.tags.size() == 4);
  CHECK(line_with(render_report_text(r, test::fixture_rules(), false), "Tags:") ==
        "Tags: a (4), b (3), c (2) and 1 more tag");
  CHECK(line_with(render_report_markdown(r, test::fixture_rules()), "Most frequent tags") ==
        "- Most frequent tags on twitches: a (4), b (3), c (2) and 1 more tag.");
  const RuleSet one = rules_with("top_tags = 3", "top_tags = 1");
  CHECK(line_with(render_report_text(r, one, false), "Tags:") == "Tags: a (4) and 3 more tags");
  CHECK(line_with(render_report_markdown(r, one), "Most frequent tags") ==
        "- Most frequent tags on twitches: a (4) and 3 more tags.");
}

TEST_CASE("issue 14 item 8: tags and unknown remedy ids are tracked up to kTrackedIds, the rest counted") {
  test::Journal j;
  const std::size_t extra = 5;
  for (std::size_t i = 0; i < kTrackedIds + extra; ++i) {
    j.twitch(2, fmt::format("tags=t{:04}", i), fmt::format("{:02}:{:02}:{:02}", i / 3600, i / 60 % 60, i % 60));
    j.remedy(1, fmt::format("r{:04}", i), fmt::format("{:02}:{:02}:{:02}", i / 3600, i / 60 % 60, i % 60));
  }
  j.twitch(0, "tags=t0000").remedy(0, "less-coffee", "08:30:00");  // known remedies are always tracked
  const Report r = report_on(j.text(), kToday - 6, kToday);
  CHECK(r.tags.size() == kTrackedIds);
  CHECK(r.tags.front() == std::pair<std::string, std::uint64_t>{"t0000", 2});
  CHECK(r.other_tags == extra);
  CHECK(r.remedies.size() == kTrackedIds + 1);
  CHECK(r.other_remedies == extra);
  CHECK(
      std::any_of(r.remedies.begin(), r.remedies.end(), [](const RemedyFigures& m) { return m.id == "less-coffee"; }));
  CHECK(r.totals.episodes == kTrackedIds + extra + 1);

  const std::string text = render_report_text(r, test::fixture_rules(), false);
  CHECK(line_with(text, "Tags:") ==
        "Tags: t0000 (2), t0001 (1), t0002 (1) and 997 more tags (and 5 mentions of further tags, not tracked one by "
        "one)");
  CHECK(count(text, " since ") == kListedRemedies);
  CHECK(line_with(text, "more remedies") ==
        "  and 981 more remedies (all in --format json); 5 entries of further unknown remedy ids, not tracked one by "
        "one");
  const std::string md = render_report_markdown(r, test::fixture_rules());
  CHECK(count(md, "\n| r") == kListedRemedies);
  CHECK(md.find("\nAnd 981 more remedies (all in --format json); 5 entries") != std::string::npos);
  const std::string json = render_report_json(r, test::fixture_rules());
  CHECK(json.find("\"other_tags\": 5") != std::string::npos);
  CHECK(json.find("\"other_remedies\": 5") != std::string::npos);
}

TEST_CASE("issue 14 item 11: Markdown escapes the text of the rules and the journal in every cell") {
  const std::string evil = "x|<img src=x onerror=alert(1)>|[doc](http://evil.example)";
  const std::string escaped = R"(x\|\<img src=x onerror=alert(1)\>\|\[doc\](http\://evil.example))";
  CHECK(markdown_text(evil) == escaped);
  CHECK(markdown_text("a*b*_c_ `d` \\ # & ! www.e.example") == R"(a\*b\*\_c\_ \`d\` \\ \# \& \! www\.e.example)");
  CHECK(markdown_text("two\nlines\r\n") == R"(two\\nlines\\r\\n)");  // no line break: \n shown, its \ escaped
  CHECK(markdown_text("caf\xc3\xa9 2.5") == "caf\xc3\xa9 2.5");

  std::string rules_text = test::kFixtureRulesText;
  for (const std::string& line : {std::string("name = \"Less coffee\""), std::string("meaning = \"It moved.\""),
                                  std::string("unit = \"cups\"")}) {
    const auto at = rules_text.find(line);
    REQUIRE(at != std::string::npos);
    rules_text.replace(at, line.size(), line.substr(0, line.find('=') + 2) + "\"" + evil + "\"");
  }
  const RuleSet rules = load_rules(rules_text, "evil.toml");
  test::Journal j;
  for (int d = 6; d >= 0; --d) j.checkin(d, d < 3 ? "coffee=5" : "coffee=1", "08:00:00");
  j.daily(2, 0, 3).daily(6, 3, 1).remedy(4, "less-coffee");
  j.twitch(1, "where=eye");               // the red flag "moving"
  j.twitch(0, "where=\"" + evil + "\"");  // not an id: check rejects it, so it never reaches the page
  const Report r = report_on(j.text(), kToday - 6, kToday, Period::week, std::nullopt, rules);
  CHECK(r.read.errors == 1);
  const std::string md = render_report_markdown(r, rules);
  CAPTURE(md);
  for (const char c : {'<', '>', '[', ']'}) {
    CAPTURE(c);
    CHECK(unescaped(md, c) == 0);
  }
  CHECK(md.find("http://") == std::string::npos);
  CHECK(md.find(evil) == std::string::npos);
  // The remedy row keeps its six columns (seven |): every | of the name is escaped.
  const std::string row = line_with(md, "| x");
  CHECK(row.starts_with("| " + escaped + " | 2026-11-20 | "));
  CHECK(unescaped(row, '|') == 7);
  CHECK(md.find("- coffee 3 or more " + escaped + ": ") != std::string::npos);
  CHECK(md.find("- **Moving** (gp): " + escaped + "\n") != std::string::npos);
}

TEST_CASE("properties: periods sum to the totals; the order of the lines changes nothing") {
  std::mt19937 random(11);
  std::vector<std::string> lines;
  for (int i = 0; i < 400; ++i) {
    const std::int64_t d = kToday - 1 - static_cast<std::int64_t>(random() % 120);
    std::string line =
        format_date(date_from_days(d)) + "T" + fmt::format("{:02}:{:02}:00+01:00 ", random() % 24, random() % 60);
    switch (random() % 4) {
      case 0:
        line += fmt::format("checkin coffee={} rest={} tension={}", random() % 8, 4 + random() % 5, 1 + random() % 5);
        break;
      case 1: line += fmt::format("remedy id={}", random() % 2 ? "less-coffee" : "nap"); break;
      default:
        line += fmt::format("twitch severity={} duration={}s tags={}", 1 + random() % 5, random() % 300,
                            random() % 2 ? "coffee" : "late");
        break;
    }
    lines.push_back(line);
  }
  for (const Period period : {Period::day, Period::week, Period::month}) {
    const Report r = report(lines, "2026-08-01", "2026-11-24", period);
    Figures sum;
    for (const auto& p : r.periods) {
      sum.episodes += p.figures.episodes;
      sum.days_with_episodes += p.figures.days_with_episodes;
      sum.total_duration_s += p.figures.total_duration_s;
    }
    CHECK(r.totals.episodes > 0);
    CHECK(sum.episodes == r.totals.episodes);
    CHECK(sum.days_with_episodes == r.totals.days_with_episodes);
    CHECK(sum.total_duration_s == r.totals.total_duration_s);
    CHECK(r.periods.front().start == day("2026-08-01"));
    CHECK(r.periods.back().end == day("2026-11-24"));
    const std::string json = render_report_json(r, test::fixture_rules());
    const std::string md = render_report_markdown(r, test::fixture_rules());
    const std::string text = render_report_text(r, test::fixture_rules(), false);
    for (int i = 0; i < 3; ++i) {
      std::shuffle(lines.begin(), lines.end(), random);
      const Report s = report(lines, "2026-08-01", "2026-11-24", period);
      CHECK(render_report_json(s, test::fixture_rules()) == json);
      CHECK(render_report_markdown(s, test::fixture_rules()) == md);
      CHECK(render_report_text(s, test::fixture_rules(), false) == text);
    }
  }
}

TEST_CASE("--last lengths") {
  CHECK(range_start_for_last("30d", kToday) == kToday - 29);
  CHECK(range_start_for_last("8w", kToday) == kToday - 55);
  CHECK(range_start_for_last("6m", kToday) == day("2026-05-25"));
  CHECK(range_start_for_last("1m", day("2026-03-31")) == day("2026-03-01"));  // 02-28, the day after
  for (const char* bad : {"", "d", "0d", "5y", "-3d", "3.5w"}) {
    CAPTURE(bad);
    CHECK(test::error_of([&] { range_start_for_last(bad, kToday); }).starts_with("--last: "));
  }
}

TEST_CASE("CSV and TSV: one row per period with a header") {
  const Report r = report(kHand, "2026-11-16", "2026-11-24");
  CHECK(render_report_table(r, ',') ==
        "period,start,end,episodes,days_with_episodes,mean_severity,total_duration_s\n"
        "2026-W47,2026-11-16,2026-11-22,3,2,3,100\n"
        "2026-W48,2026-11-23,2026-11-24,2,2,4,120\n");
  CHECK(render_report_table(r, '\t') ==
        "period\tstart\tend\tepisodes\tdays_with_episodes\tmean_severity\ttotal_duration_s\n"
        "2026-W47\t2026-11-16\t2026-11-22\t3\t2\t3\t100\n"
        "2026-W48\t2026-11-23\t2026-11-24\t2\t2\t4\t120\n");
}
