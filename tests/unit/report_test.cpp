#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "helpers.hpp"
#include "twitchlog/report.hpp"

using namespace twitchlog;

namespace {

const Timestamp kNow = test::at("2026-11-24T12:00:00+01:00");
const std::int64_t kToday = kNow.day();

const RuleSet& rules() {
  static const RuleSet r = load_builtin_rules();
  return r;
}

std::int64_t day(const char* date) { return test::at(std::string(date) + "T12:00:00+01:00").day(); }

std::string journal(const std::vector<std::string>& lines) {
  std::string text = "# twitchlog journal v1\n";
  for (const auto& line : lines) text += line + "\n";
  return text;
}

Report report(const std::vector<std::string>& lines, const char* from, const char* to, Period period = Period::week,
              int window = 14) {
  ReportRequest q;
  q.from = day(from);
  q.to = day(to);
  q.period = period;
  q.window = window;
  return report_journal_text(journal(lines), "j.txt", rules(), q, kNow);
}

// A small journal whose figures are worked out by hand in the tests.
const std::vector<std::string> kHand = {
    "2026-11-10T09:00:00+01:00 twitch severity=1",  // before the range
    "2026-11-12T22:00:00+01:00 remedy id=magnesium",
    "2026-11-16T09:00:00+01:00 twitch severity=2 duration=30s",
    "2026-11-16T18:00:00+01:00 twitch severity=4 duration=1m tags=coffee,screen",
    "2026-11-16T08:00:00+01:00 checkin caffeine=4",
    "2026-11-17T08:00:00+01:00 checkin caffeine=2",
    "2026-11-17T20:00:00+01:00 checkin caffeine=6",  // the day's mean, 4, is on the risk side
    "2026-11-18T08:00:00+01:00 checkin caffeine=1",
    "2026-11-18T10:00:00+01:00 twitch duration=10s tags=coffee",
    "2026-11-18T22:00:00+01:00 remedy id=magnesium",
    "2026-11-19T08:00:00+01:00 checkin caffeine=1",
    "2026-11-20T08:00:00+01:00 checkin caffeine=2 sleep=abc",
    "2026-11-23T09:00:00+01:00 twitch severity=3",
    "2026-11-24T10:00:00+01:00 twitch severity=5 duration=2m",
    "2026-11-24T23:00:00+01:00 twitch severity=5",  // after now: ignored
    "this line is malformed",
};

std::vector<std::string> labels(const Report& r) {
  std::vector<std::string> out;
  for (const auto& p : r.periods) out.push_back(p.label);
  return out;
}

}  // namespace

TEST_CASE("totals and periods, worked out by hand") {
  const Report r = report(kHand, "2026-11-16", "2026-11-24");
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
  REQUIRE(r.read.diagnostics.size() == 1);
  CHECK(r.read.diagnostics[0].line == 17);
  CHECK(r.tags == std::vector<std::pair<std::string, std::uint64_t>>{{"coffee", 2}, {"screen", 1}});
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
  const FactorFigures& caffeine = r.factors.at(0);
  REQUIRE(caffeine.factor->id == "caffeine");
  CHECK(caffeine.risk_days == 2);    // 16 (4) and 17 (mean 4)
  CHECK(caffeine.risk_rate == 1.0);  // 2 episodes on 16, none on 17
  CHECK(caffeine.other_days == 3);
  CHECK(*caffeine.other_rate == doctest::Approx(1.0 / 3));
  CHECK(*caffeine.ratio == doctest::Approx(3.0));
  CHECK_FALSE(caffeine.enough_data);  // under 3 risk days
  const FactorFigures& sleep = r.factors.at(1);
  CHECK(sleep.risk_days + sleep.other_days == 0);  // "abc" is no value
  CHECK_FALSE(sleep.ratio);
}

TEST_CASE("remedies: before and after, clipped to the days the journal covers") {
  const Report r = report(kHand, "2026-11-16", "2026-11-24");
  REQUIRE(r.remedies.size() == 1);
  const RemedyEffect& e = r.remedies[0].effect;
  CHECK(e.first_day == day("2026-11-12"));  // the first day in the whole journal, before the range
  CHECK(e.before.first_day == day("2026-11-10"));
  CHECK(e.before.days == 2);
  CHECK(e.before.rate == 0.5);
  CHECK(e.after.days == 13);  // 12 to 24: clipped to today
  CHECK(*e.after.rate == doctest::Approx(5.0 / 13));
  const Report narrow = report(kHand, "2026-11-16", "2026-11-24", Period::week, 3);
  CHECK(narrow.remedies[0].effect.after.rate == 0.0);  // 12 to 14: no twitch
}

TEST_CASE("properties: periods sum to the totals; the order of the lines changes nothing") {
  std::mt19937 random(11);
  std::vector<std::string> lines;
  for (int i = 0; i < 400; ++i) {
    const std::int64_t d = kToday - static_cast<std::int64_t>(random() % 120);
    std::string line =
        format_date(date_from_days(d)) + "T" + fmt::format("{:02}:{:02}:00+01:00 ", random() % 24, random() % 60);
    switch (random() % 4) {
      case 0:
        line += fmt::format("checkin caffeine={} sleep={} stress={} water={}", random() % 8, 4 + random() % 5,
                            1 + random() % 5, 1 + random() % 3);
        break;
      case 1: line += fmt::format("remedy id={}", random() % 2 ? "magnesium" : "diet"); break;
      default: line += fmt::format("twitch severity={} duration={}s", 1 + random() % 5, random() % 300); break;
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
    CHECK(sum.episodes == r.totals.episodes);
    CHECK(sum.days_with_episodes == r.totals.days_with_episodes);
    CHECK(sum.total_duration_s == r.totals.total_duration_s);
    CHECK(r.periods.front().start == day("2026-08-01"));
    CHECK(r.periods.back().end == day("2026-11-24"));
    const std::string json = render_report_json(r, rules());
    const std::string md = render_report_markdown(r, rules());
    for (int i = 0; i < 3; ++i) {
      std::shuffle(lines.begin(), lines.end(), random);
      const Report s = report(lines, "2026-08-01", "2026-11-24", period);
      CHECK(render_report_json(s, rules()) == json);
      CHECK(render_report_markdown(s, rules()) == md);
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
  CHECK(render_report_table(r, '\t').starts_with("period\tstart\tend\t"));
}
