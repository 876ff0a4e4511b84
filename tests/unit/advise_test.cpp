// advise on the fixture rules (fixtures.hpp): causes coffee-cause (coffee
// and the espresso tag), rest-cause (rest) and grinding (night 22:00-06:00),
// windows of 5 days, 2 likely causes, remedies nap (quick), less-coffee
// (long-term, onset 3 days) and scan (medical), before/after windows of 7
// days, in place for 7 days. One test runs the shipped rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/advise.hpp"
#include "twitchlog/check.hpp"

using namespace twitchlog;

namespace {

const std::int64_t kToday = test::fixture_now().day();

std::string day(int days_ago) { return format_date(date_from_days(kToday - days_ago)); }

AdviceInput scan(const std::string& text, const RuleSet& rules = test::fixture_rules()) {
  return scan_for_advice_text(text, "j.txt", rules, test::fixture_now());
}

Advice advice(const std::string& text, bool plan = false, const RuleSet& rules = test::fixture_rules()) {
  return advise(rules, scan(text, rules), test::fixture_now(), plan);
}

Advice advice(const test::Journal& journal, bool plan = false, const RuleSet& rules = test::fixture_rules()) {
  return advice(journal.text(), plan, rules);
}

std::string text_of(const Advice& a, const RuleSet& rules = test::fixture_rules()) {
  return render_advice_text(a, rules, false);
}

std::string json_of(const Advice& a, const RuleSet& rules = test::fixture_rules()) {
  return render_advice_json(a, rules);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> cause_ids(const Advice& a, std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n && i < a.causes.size(); ++i) ids.push_back(a.causes[i].cause->id);
  return ids;
}

const RankedCause& cause(const Advice& a, const std::string& id) {
  const auto it =
      std::find_if(a.causes.begin(), a.causes.end(), [&](const RankedCause& r) { return r.cause->id == id; });
  REQUIRE(it != a.causes.end());
  return *it;
}

template <typename Figures>
const Figures& clue(const RankedCause& r) {
  for (const auto& c : r.clues) {
    if (const auto* f = std::get_if<Figures>(&c.figures)) return *f;
  }
  FAIL("no such clue");
  throw std::logic_error("unreachable");
}

template <typename Figures>
const CauseClue& clue_of(const RankedCause& r) {
  for (const auto& c : r.clues) {
    if (std::holds_alternative<Figures>(c.figures)) return c;
  }
  FAIL("no such clue");
  throw std::logic_error("unreachable");
}

const RemedyOffer* offered(const Advice& a, const std::string& id) {
  for (const auto& o : a.remedies) {
    if (o.remedy->id == id) return &o;
  }
  return nullptr;
}

bool has_medical(const Advice& a) {
  return std::any_of(a.remedies.begin(), a.remedies.end(),
                     [](const RemedyOffer& o) { return o.remedy->kind == RemedyKind::medical; });
}

// Check-ins on each of the last 5 days (the fixture window), before "now" (10:00).
test::Journal& checkins(test::Journal& j, const std::string& fields, int days = 5) {
  for (int d = days - 1; d >= 0; --d) j.checkin(d, fields, "08:00:00");
  return j;
}

const std::string kCalm = "coffee=1 rest=8 tension=2";

// The fixture rules with one more cause inferred from coffee-cause, unless
// the remedy pills was logged in the last 6 days.
const RuleSet& inferring_rules() {
  static const RuleSet rules = load_rules(std::string(test::kFixtureRulesText) + R"toml(
[[cause]]
id = "low-mineral"
name = "Low mineral"
mechanism = "Coffee washes it out."
frequency = "common"
[cause.evidence]
window_days = 5
inferred_from = "coffee-cause"
unless_remedy = "pills"
unless_remedy_days = 6

[[remedy]]
id = "pills"
name = "Mineral pills"
kind = "long-term"
how = "Take one a day."
targets = ["low-mineral"]
rating = 4
)toml",
                                          "inferring.toml");
  return rules;
}

// The fixture rules with every window of 5 days made 3 days.
const RuleSet& short_window_rules() {
  static const RuleSet rules = [] {
    std::string text = test::kFixtureRulesText;
    const std::string from = "window_days = 5";
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, from.size(), "window_days = 3");
    return load_rules(text, "short.toml");
  }();
  return rules;
}

}  // namespace

TEST_CASE("advise: the cause the journal shows comes first") {
  struct Case {
    const char* name;
    test::Journal journal;
    const char* first;
  };
  test::Journal coffee, rest, night, tags;
  checkins(coffee, "coffee=6 rest=8 tension=2");
  checkins(rest, "coffee=1 rest=5 tension=2");
  checkins(night, kCalm);
  for (int d = 4; d >= 1; --d) night.twitch(d, "severity=2", "23:30:00");
  for (int d = 3; d >= 0; --d) tags.twitch(d, "tags=espresso");  // tags alone, no check-in
  const Case cases[] = {
      {"heavy coffee", coffee, "coffee-cause"},
      {"short rest", rest, "rest-cause"},
      {"night twitching", night, "grinding"},
      {"espresso tags without check-ins", tags, "coffee-cause"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const Advice a = advice(c.journal);
    REQUIRE(!a.causes.empty());
    CHECK(a.causes.front().cause->id == c.first);
    CHECK(a.causes.front().tier == EvidenceTier::direct);
    CHECK(a.causes.front().score > test::fixture_rules().advise.direct_score);
    CHECK_FALSE(a.no_data);
    CHECK(a.likely == 1);  // only causes with evidence are likely when some have it
  }
}

TEST_CASE("advise: evidence in figures, worded by the renderer") {
  test::Journal j;
  checkins(j, "coffee=3 rest=8");
  j.checkin(1, "coffee=5", "09:30:00").checkin(5, "coffee=10");  // 5 days ago: outside the 5-day window
  const Advice a = advice(j);
  REQUIRE(a.causes.front().cause->id == "coffee-cause");
  const RankedCause& coffee = a.causes.front();

  const CauseClue& factor = clue_of<FactorClue>(coffee);
  const auto& f = clue<FactorClue>(coffee);
  CHECK(f.factor->id == "coffee");
  CHECK(f.checkins == 6);
  REQUIRE(f.mean);
  CHECK(*f.mean == doctest::Approx(20.0 / 6));
  CHECK(f.at_risk);
  CHECK(factor.counts);
  CHECK(factor.window_days == 5);
  // 1, plus the distance from the threshold relative to it: (3.33 - 3) / 3.
  CHECK(factor.strength == doctest::Approx(1 + (20.0 / 6 - 3) / 3));
  CHECK(coffee.score == doctest::Approx(20 + 1 + (20.0 / 6 - 3) / 3).epsilon(0.001));

  const auto& tags = clue<TagsClue>(coffee);
  CHECK(tags.twitches == 0);
  CHECK(tags.tags == std::vector<std::string>{"espresso"});
  CHECK_FALSE(clue_of<TagsClue>(coffee).counts);

  const RankedCause& rest = cause(a, "rest-cause");
  CHECK(rest.tier == EvidenceTier::none);
  CHECK(rest.score == 0);
  CHECK(clue<FactorClue>(rest).checkins == 5);
  CHECK_FALSE(clue<FactorClue>(rest).at_risk);

  const std::string text = text_of(a);
  CHECK(contains(
      text, "     + coffee 3.3 cups on average over 6 check-ins in the last 5 days; threshold 3, on the risk side\n"));
  CHECK(contains(text, "     - no twitch tagged espresso in the last 5 days\n"));
  CHECK(contains(
      text,
      "     - rest 8.0 hours on average over 5 check-ins in the last 5 days; threshold 7, not on the risk side\n"));
  CHECK(contains(text, "     - no twitch with a known hour in the last 5 days to tell night from day\n"));
  CHECK(contains(text, "Likely causes, from the last 5 days of the journal:\n"));

  const std::string json = json_of(a);
  CHECK(contains(json, R"("kind": "factor")"));
  CHECK(contains(json, R"("factor": "coffee")"));
  CHECK(contains(json, R"("unit": "cups")"));
  CHECK(contains(json, R"("checkins": 6)"));
  CHECK(contains(json, R"("mean": 3.3333)"));
  CHECK(contains(json, R"("threshold": 3)"));
  CHECK(contains(json, R"("risk": "high")"));
  CHECK(contains(json, R"("at_risk": true)"));
  CHECK(contains(json, R"("window_days": 5)"));
  CHECK(contains(json, R"("share": null)"));  // grinding: no twitch
  CHECK_FALSE(contains(json, R"("text")"));   // figures, not sentences
}

TEST_CASE("advise: tag counts by tag, in the rule's order") {
  test::Journal j;
  for (int d = 3; d >= 0; --d) j.twitch(d, "tags=espresso,stress");
  j.twitch(2, "tags=other");
  const Advice a = advice(j);
  const RankedCause& coffee = cause(a, "coffee-cause");
  const auto& tags = clue<TagsClue>(coffee);
  CHECK(tags.twitches == 4);
  CHECK(tags.by_tag == std::vector<std::pair<std::string, std::uint64_t>>{{"espresso", 4}});
  CHECK(clue_of<TagsClue>(coffee).strength == doctest::Approx(1.4));  // 1 + 4 / 10
  CHECK(contains(text_of(a), "     + 4 twitches tagged espresso (4) in the last 5 days\n"));
  CHECK(contains(json_of(a), "\"by_tag\": {\n"));
  CHECK(contains(json_of(a), "\"espresso\": 4"));
}

TEST_CASE("advise: night twitching is the share between the rule's hours, of twitches with a known hour") {
  test::Journal j;
  for (int d = 3; d >= 1; --d) j.twitch(d, "severity=2", "22:00:00").twitch(d, "severity=2", "05:59:00");
  for (int d = 2; d >= 1; --d) j.twitch(d, "severity=2", "06:00:00");  // the night ends at 06:00
  const Advice a = advice(j);
  REQUIRE(a.causes.front().cause->id == "grinding");
  const auto& n = clue<NightClue>(a.causes.front());
  CHECK(n.night == 6);
  CHECK(n.total == 8);
  REQUIRE(n.share);
  CHECK(*n.share == 0.75);
  CHECK(n.from_minute == 22 * 60);
  CHECK(n.to_minute == 6 * 60);
  CHECK(clue_of<NightClue>(a.causes.front()).strength == doctest::Approx(1.5));  // 1 + 2 * (0.75 - 0.5)
  CHECK(contains(text_of(a),
                 "     + 6 of 8 twitches (75%) between 22:00 and 06:00 in the last 5 days; over 50% points here\n"));
  const std::string json = json_of(a);
  CHECK(contains(json, R"("from": "22:00")"));
  CHECK(contains(json, R"("to": "06:00")"));
  CHECK(contains(json, R"("night": 6)"));
  CHECK(contains(json, R"("total": 8)"));
  CHECK(contains(json, R"("share": 0.75)"));
  CHECK(contains(json, R"("share_over": 0.5)"));

  SUBCASE("exactly half is not more than half") {
    test::Journal half;
    half.twitch(2, "severity=2", "23:00:00").twitch(2, "severity=2", "12:00:00");
    CHECK(cause(advice(half), "grinding").tier == EvidenceTier::none);
  }
  SUBCASE("approx twitches have no hour: they do not count for the night rule") {
    test::Journal approx;
    for (int d = 3; d >= 1; --d) approx.twitch(d, "severity=2 approx=day", "23:00:00");
    approx.twitch(1, "severity=2", "12:00:00").twitch(2, "severity=2", "13:00:00");
    const Advice b = advice(approx);
    const auto& nb = clue<NightClue>(cause(b, "grinding"));
    CHECK(nb.total == 2);
    CHECK(nb.night == 0);
    CHECK(cause(b, "grinding").tier == EvidenceTier::none);
    // All approximate: nothing to tell night from day by, though there are twitches.
    test::Journal only;
    for (int d = 3; d >= 1; --d) only.twitch(d, "severity=2 approx=day", "23:00:00");
    const Advice c = advice(only);
    CHECK_FALSE(c.no_data);
    CHECK_FALSE(clue<NightClue>(cause(c, "grinding")).share);
    CHECK(contains(text_of(c), "no twitch with a known hour in the last 5 days to tell night from day"));
  }
}

TEST_CASE("advise: direct evidence outranks inferred; a remedy logged within its days stops the inference") {
  const RuleSet& rules = inferring_rules();
  test::Journal heavy;
  checkins(heavy, "coffee=6 rest=8");
  const Advice a = advice(heavy, false, rules);
  CHECK(cause_ids(a, 2) == std::vector<std::string>{"coffee-cause", "low-mineral"});
  CHECK(a.likely == 2);
  const RankedCause& mineral = a.causes[1];
  CHECK(mineral.tier == EvidenceTier::inferred);
  const auto& i = clue<InferredClue>(mineral);
  CHECK(i.from == "coffee-cause");
  CHECK(i.from_tier == EvidenceTier::direct);
  CHECK(i.unless_remedy == "pills");
  CHECK(i.unless_remedy_days == 6);
  CHECK_FALSE(i.remedy_day);
  // Half the strength of the cause it is inferred from, on the inferred tier's score.
  const double coffee_strength = a.causes[0].score - rules.advise.direct_score;
  CHECK(mineral.score == doctest::Approx(rules.advise.inferred_score + coffee_strength / 2).epsilon(0.001));
  CHECK(a.causes[0].score > mineral.score);
  CHECK(contains(text_of(a, rules), "     + inferred from coffee-cause, and no pills logged in the last 6 days\n"));
  CHECK(offered(a, "pills") != nullptr);

  // Logged 5 days ago: within the 6 days.
  test::Journal taken = heavy;
  taken.remedy(5, "pills");
  const Advice b = advice(taken, false, rules);
  const RankedCause& stopped = cause(b, "low-mineral");
  CHECK(stopped.tier == EvidenceTier::none);
  REQUIRE(clue<InferredClue>(stopped).remedy_day);
  CHECK(*clue<InferredClue>(stopped).remedy_day == kToday - 5);
  CHECK(contains(text_of(b, rules),
                 "     - inferred from coffee-cause, but pills was logged on " + day(5) + ", within 6 days\n"));
  CHECK(contains(json_of(b, rules), R"("remedy_day": ")" + day(5) + "\""));

  // Logged 6 days ago: outside the 6 days.
  test::Journal old = heavy;
  old.remedy(6, "pills");
  CHECK(cause(advice(old, false, rules), "low-mineral").tier == EvidenceTier::inferred);

  // Nothing points at coffee: nothing to infer from.
  test::Journal calm;
  checkins(calm, kCalm);
  const Advice c = advice(calm, false, rules);
  CHECK(cause(c, "low-mineral").tier == EvidenceTier::none);
  CHECK(clue<InferredClue>(cause(c, "low-mineral")).from_tier == EvidenceTier::none);
  CHECK(contains(text_of(c, rules), "     - inferred from coffee-cause, which the journal does not point at\n"));
}

TEST_CASE("advise: no data orders the causes by how common they are, and says so") {
  test::Journal j;
  j.twitch(30, "tags=espresso").checkin(40, "coffee=9");
  const Advice a = advice(j);
  CHECK(a.no_data);
  CHECK(a.likely == static_cast<std::size_t>(test::fixture_rules().advise.likely_causes));
  CHECK(a.likely == 2);
  CHECK(cause_ids(a, 3) == std::vector<std::string>{"coffee-cause", "rest-cause", "grinding"});
  const std::string text = text_of(a);
  CHECK(contains(text, "No data yet: nothing was logged in the last 5 days."));
  CHECK(contains(text, "  Less likely now:\n  3. grinding"));
  CHECK(contains(json_of(a), R"("no_data": true)"));
}

TEST_CASE("advise: one window for what is read and what is said (issue 13)") {
  CHECK(advice_window_days(test::fixture_rules()) == 5);
  const RuleSet& rules = short_window_rules();
  CHECK(advice_window_days(rules) == 3);

  // Check-ins 3 to 6 days old are outside a 3-day window: no data, in the last 3 days.
  test::Journal old;
  for (int d = 6; d >= 3; --d) old.checkin(d, "coffee=6");
  const Advice a = advice(old, false, rules);
  CHECK(a.window_days == 3);
  CHECK(a.no_data);
  const std::string text = text_of(a, rules);
  CHECK(contains(text, "Likely causes, from the last 3 days of the journal:\n"));
  CHECK(contains(text, "No data yet: nothing was logged in the last 3 days."));
  CHECK_FALSE(contains(text, "7 days"));
  CHECK(contains(json_of(a, rules), R"("window_days": 3)"));

  // One 2 days old is inside it, and the only one the figures count.
  test::Journal recent = old;
  recent.checkin(2, "coffee=6");
  const Advice b = advice(recent, false, rules);
  CHECK_FALSE(b.no_data);
  CHECK(b.causes.front().cause->id == "coffee-cause");
  CHECK(clue<FactorClue>(b.causes.front()).checkins == 1);
  CHECK(contains(text_of(b, rules), "coffee 6.0 cups on average over 1 check-in in the last 3 days"));
}

TEST_CASE("advise: an invalid check-in is left out exactly as check rejects it") {
  test::Journal j;
  for (int d = 4; d >= 1; --d) j.checkin(d, "coffee=1 rest=8", "08:00:00");
  j.checkin(0, "coffee=40 rest=2", "08:00:00");      // coffee out of its range 0-10: the whole line is out
  j.checkin(0, "coffee=9 rest=6,5", "08:30:00");     // not a number
  j.checkin(0, "coffee=9 tension=2.5", "08:45:00");  // tension is a whole number
  const AdviceInput input = scan(j.text());
  const CheckReport check = check_journal_text(j.text(), "j.txt", test::fixture_rules(), test::fixture_now());
  CHECK(check.errors == 3);
  CHECK(input.triage.read.errors == check.errors);
  REQUIRE(input.triage.read.diagnostics.size() == check.diagnostics.size());
  for (std::size_t i = 0; i < check.diagnostics.size(); ++i) {
    CHECK(input.triage.read.diagnostics[i].line == check.diagnostics[i].line);
    CHECK(input.triage.read.diagnostics[i].message == check.diagnostics[i].message);
  }
  const Advice a = advice(j);
  const auto& coffee = clue<FactorClue>(cause(a, "coffee-cause"));
  CHECK(coffee.checkins == 4);
  CHECK(*coffee.mean == 1.0);
  const auto& rest = clue<FactorClue>(cause(a, "rest-cause"));
  CHECK(rest.checkins == 4);  // the rest=2 of the coffee=40 line is left out with it
  CHECK(*rest.mean == 8.0);
  CHECK(a.causes.front().tier == EvidenceTier::none);
}

TEST_CASE("advise: remedies quick then long-term, for the likely causes; medical only above the first level") {
  test::Journal j;
  checkins(j, "coffee=6 rest=5");
  const Advice a = advice(j);
  CHECK(cause_ids(a, 2) == std::vector<std::string>{"coffee-cause", "rest-cause"});
  REQUIRE(a.remedies.size() == 2);
  CHECK(a.remedies[0].remedy->id == "nap");  // quick first, though its cause ranks second
  CHECK(a.remedies[0].for_causes == std::vector<std::string>{"rest-cause"});
  CHECK(a.remedies[1].remedy->id == "less-coffee");
  CHECK_FALSE(has_medical(a));
  CHECK_FALSE(contains(text_of(a), "Medical options"));

  test::Journal moved = j;
  moved.twitch(1, "where=eye").twitch(1);  // two places in 5 days
  const Advice doctor = advice(moved);
  CHECK(doctor.triage.level->id == "gp");
  CHECK(has_medical(doctor));
  REQUIRE(offered(doctor, "scan") != nullptr);
  CHECK(offered(doctor, "scan")->for_causes.empty());  // grinding is not likely here
  const std::string text = text_of(doctor);
  CHECK(text.starts_with("Care level: gp (See a GP)\n  - moving (gp): "));
  CHECK(contains(text, "Medical options (the care level is gp):\n  scan  Scan (a lot; an hour)\n    A scan.\n"));

  test::Journal rested;  // the remedy of a cause the journal does not point at is not offered
  checkins(rested, "coffee=6 rest=8");
  CHECK(offered(advice(rested), "nap") == nullptr);
}

TEST_CASE("advise: a remedy tried shows episodes a day before and after, over the rules' window") {
  // 3 twitches a day from 20 to 8 days ago, less-coffee from 7 days ago (onset 3 days), then 1 a day.
  test::Journal j;
  j.daily(20, 8, 3);
  j.remedy(7, "less-coffee");
  j.daily(7, 0, 1);
  checkins(j, "coffee=6");
  const Advice a = advice(j);
  CHECK(a.effect_window_days == 7);
  const RemedyOffer* m = offered(a, "less-coffee");
  REQUIRE(m != nullptr);
  REQUIRE(m->tried);
  CHECK(m->last_day == kToday - 7);
  CHECK(m->tried->first_day == kToday - 7);
  CHECK(m->tried->window == 7);
  CHECK(m->tried->onset_days == 3);
  // Before: the 7 days from 14 to 8 days ago, 21 twitches.
  CHECK(m->tried->before.first_day == kToday - 14);
  CHECK(m->tried->before.days == 7);
  CHECK(m->tried->before.episodes == 21);
  CHECK(m->tried->before.rate == 3.0);
  // After: from 4 days ago (7 - 3), 7 days clipped to today: 5 days, 1 a day.
  CHECK(m->tried->after.first_day == kToday - 4);
  CHECK(m->tried->after.days == 5);
  CHECK(m->tried->after.rate == 1.0);
  CHECK(contains(text_of(a), "    In your journal (descriptive): logged since " + day(7) +
                                 ": 3.0 episodes a day in the 7 days before, 1.0 in the 7 days from " + day(4) +
                                 ".\n"));
  const std::string json = json_of(a);
  CHECK(contains(json, R"("after_first_day": ")" + day(4) + "\""));
  CHECK(contains(json, R"("before_rate": 3)"));
  CHECK(contains(json, R"("after_rate": 1)"));
  CHECK(contains(json, R"("effect_window_days": 7)"));
}

TEST_CASE("advise: a remedy id the rules do not know is not counted as tried") {
  test::Journal j;
  checkins(j, "coffee=6");
  j.remedy(2, "less-cofee").remedy(1, "zinc");
  const AdviceInput input = scan(j.text());
  CHECK(input.journal.remedies.empty());
  CHECK(input.triage.read.errors == 0);
  CHECK(input.triage.read.warnings == 2);  // unknown remedy, as check warns
  const Advice a = advice(j, true);
  const RemedyOffer* m = offered(a, "less-coffee");
  REQUIRE(m != nullptr);
  CHECK_FALSE(m->tried);
  CHECK_FALSE(m->last_day);
  CHECK(a.in_place.empty());
  REQUIRE(a.plan.size() == 1);
  CHECK(a.plan[0].remedy->id == "less-coffee");
}

TEST_CASE("advise: the plan, one change a week, the most effective first, what is in place left out") {
  test::Journal j;
  checkins(j, "coffee=6 rest=5");
  SUBCASE("nap logged 3 days ago is in place (7 days)") {
    test::Journal k = j;
    k.remedy(3, "nap");
    const Advice a = advice(k, true);
    CHECK(a.planned);
    CHECK(a.in_place_days == 7);
    REQUIRE(a.in_place.size() == 1);
    CHECK(a.in_place[0]->id == "nap");
    REQUIRE(a.plan.size() == 1);
    const PlanWeek& w = a.plan[0];
    CHECK(w.week == 1);
    CHECK(w.start_day == kToday);
    CHECK(w.remedy->id == "less-coffee");
    CHECK(w.for_causes == std::vector<std::string>{"coffee-cause"});
    CHECK(w.factors == std::vector<std::string>{"coffee"});
    CHECK(w.tags == std::vector<std::string>{"espresso"});
    CHECK(w.review_day == kToday + 3 + 7 - 1);  // onset, then the 7 days after
    const std::string text = text_of(a);
    CHECK(contains(text, "  Already in place (logged in the last 7 days; keep it up): nap\n"));
    CHECK(
        contains(text, "  Week 1 (from " + day(0) +
                           "): less-coffee, Less coffee, for coffee-cause\n"
                           "    Drink less.\n"
                           "    Log `twitchlog log --remedy less-coffee` on the days you do it; a daily check-in with "
                           "coffee; tags such as espresso on twitches; every twitch.\n"
                           "    Look again with `twitchlog report` after " +
                           day(-9) +
                           "; twitching also comes and goes by itself, so one\n"
                           "    start seldom tells.\n"));
    const std::string json = json_of(a);
    CHECK(contains(json, R"("review_after": ")" + day(-9) + "\""));
    CHECK(contains(json, R"("in_place_days": 7)"));
    CHECK(contains(json, "\"log_factors\": [\n"));
  }
  SUBCASE("nap logged 8 days ago is not: it is week 2") {
    test::Journal k = j;
    k.remedy(8, "nap");
    const Advice a = advice(k, true);
    CHECK(a.in_place.empty());
    REQUIRE(a.plan.size() == 2);
    CHECK(a.plan[0].remedy->id == "less-coffee");
    CHECK(a.plan[1].remedy->id == "nap");
    CHECK(a.plan[1].week == 2);
    CHECK(a.plan[1].start_day == kToday + 7);
    CHECK(a.plan[1].review_day == kToday + 7 + 0 + 7 - 1);
    CHECK(a.plan[1].factors == std::vector<std::string>{"rest"});
    CHECK(a.plan[1].tags.empty());
    CHECK(contains(text_of(a),
                   "    Log `twitchlog log --remedy nap` on the days you do it; a daily check-in with rest; "
                   "every twitch.\n"));
  }
  SUBCASE("without --plan, no plan in the JSON") {
    CHECK(contains(json_of(advice(j, true)), R"("plan": [)"));
    CHECK_FALSE(contains(json_of(advice(j)), R"("plan")"));
  }
}

TEST_CASE("advise: deterministic, the same journal in any order gives the same bytes") {
  test::Journal j;
  checkins(j, "coffee=4.3 rest=6.1 tension=4");
  for (int d = 4; d >= 0; --d) j.checkin(d, "coffee=2.7 rest=7.3", "09:10:00");
  for (int d = 5; d >= 1; --d) j.twitch(d, "tags=espresso,phone", "23:00:00");
  j.daily(15, 0).remedy(6, "less-coffee").twitch(2, "flags=moving").twitch(1, "approx=day", "02:00:00");
  std::vector<std::string> lines;
  std::istringstream in(j.text());
  std::string header, line;
  std::getline(in, header);
  while (std::getline(in, line)) lines.push_back(line);
  const auto text_of_lines = [&] {
    std::string t = header + "\n";
    for (const auto& l : lines) t += l + "\n";
    return t;
  };
  const Advice a = advice(text_of_lines(), true);
  const std::string text = text_of(a);
  const std::string json = json_of(a);
  CHECK(contains(text, "Plan:"));
  std::mt19937 random(7);
  for (int i = 0; i < 5; ++i) {
    std::shuffle(lines.begin(), lines.end(), random);
    const Advice b = advice(text_of_lines(), true);
    CHECK(text_of(b) == text);
    CHECK(json_of(b) == json);
  }
}

TEST_CASE("episode rates: windows clipped to the days the journal covers") {
  const DailyEpisodes daily{{100, 2}, {101, 4}, {105, 1}};
  const auto r = episode_rate(daily, 98, 101, 100, 200);
  CHECK(r.days == 2);
  CHECK(r.episodes == 6);
  CHECK(r.rate == 3.0);
  CHECK_FALSE(episode_rate(daily, 90, 99, 100, 200).rate);    // before the first entry
  CHECK_FALSE(episode_rate(daily, 201, 210, 100, 200).rate);  // after today
  const auto e = remedy_effect(daily, 102, 14, 3, 100, 110);
  CHECK(e.before.first_day == 100);
  CHECK(e.before.rate == 3.0);
  CHECK(e.after.first_day == 105);
  CHECK(e.after.last_day == 110);
  CHECK(*e.after.rate == doctest::Approx(1.0 / 6));
}

TEST_CASE("advise on the shipped rules: heavy caffeine ranks caffeine first") {
  const RuleSet rules = load_builtin_rules();
  test::Journal j;
  for (int d = 6; d >= 0; --d) j.checkin(d, "caffeine=6 sleep=8 stress=2 water=2", "08:00:00");
  const Advice a = advice(j, false, rules);
  REQUIRE(!a.causes.empty());
  CHECK(a.causes.front().cause->id == "caffeine");
  CHECK(a.causes.front().tier == EvidenceTier::direct);
  CHECK(a.window_days == advice_window_days(rules));
  CHECK(offered(a, "caffeine-limit") != nullptr);
}

TEST_CASE("with enough days the statistics rank the causes: a likely trigger first, averages alone no longer count") {
  // 150 days: rest varies and drives the twitching (1.8x per hour less); coffee varies on its own and is heavy.
  test::Journal j;
  std::mt19937 rng(11);
  for (int d = 149; d >= 0; --d) {
    const double rest = 5 + static_cast<double>(rng() % 5);  // 5 to 9 hours
    const int coffee = 3 + static_cast<int>(rng() % 4);      // always on the risk side: 3 to 6 cups
    const double mu = 0.8 * std::pow(1.8, 7 - rest);
    const int twitches = std::poisson_distribution<int>(mu)(rng);
    for (int i = 0; i < twitches; ++i) j.twitch(d, "severity=2", fmt::format("10:{:02}:00", i));
    j.checkin(d, fmt::format("coffee={} rest={} tension=2", coffee, rest));
  }
  const Timestamp now = test::fixture_now();
  const AdviceInput input = scan_for_advice_text(j.text(), "j.txt", test::fixture_rules(), now);
  REQUIRE(input.insights.fitted);
  const Advice a = advise(test::fixture_rules(), input, now, false);
  CHECK(a.associated);
  REQUIRE_FALSE(a.causes.empty());
  CHECK(a.causes.front().cause->id == "rest-cause");
  CHECK(a.causes.front().tier == EvidenceTier::associated);
  REQUIRE(a.causes.front().association.has_value());
  CHECK(*a.causes.front().association->rate_ratio > 1.3);
  // Heavy coffee every day, but no link in the counts: it is not ranked on its averages.
  for (const auto& r : a.causes) {
    if (r.cause->id == "coffee-cause") CHECK(r.tier != EvidenceTier::associated);
  }
}

TEST_CASE("too few days for the statistics: advise says these are common causes in general") {
  test::Journal j;
  j.twitch(1).checkin(1, "coffee=5 rest=6");
  const Timestamp now = test::fixture_now();
  const Advice a =
      advise(test::fixture_rules(), scan_for_advice_text(j.text(), "j.txt", test::fixture_rules(), now), now, false);
  CHECK_FALSE(a.associated);
  REQUIRE(a.needed_days.has_value());
  const std::string text = render_advice_text(a, test::fixture_rules(), false);
  CHECK(text.find("These are common causes of twitching in general, not yet yours") != std::string::npos);
}
