#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "helpers.hpp"
#include "twitchlog/advise.hpp"

using namespace twitchlog;

namespace {

const Timestamp kNow = test::at("2026-11-24T23:00:00+01:00");
const std::int64_t kToday = kNow.day();

const RuleSet& rules() {
  static const RuleSet r = load_builtin_rules();
  return r;
}

std::string on(int days_ago, const std::string& rest, const std::string& time = "12:00:00") {
  return format_date(date_from_days(kToday - days_ago)) + "T" + time + "+01:00 " + rest;
}

// The same entry on each of the last `days` days.
std::vector<std::string> each_day(int days, const std::string& rest, const std::string& time = "12:00:00") {
  std::vector<std::string> lines;
  for (int d = days - 1; d >= 0; --d) lines.push_back(on(d, rest, time));
  return lines;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string journal(const std::vector<std::string>& lines) {
  std::string text = "# twitchlog journal v1\n";
  for (const auto& line : lines) text += line + "\n";
  return text;
}

Advice advice(const std::vector<std::string>& lines, bool plan = false) {
  return advise(rules(), scan_for_advice_text(journal(lines), "j.txt", rules(), kNow), kNow, plan);
}

std::vector<std::string> cause_ids(const Advice& a, std::size_t n) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n && i < a.causes.size(); ++i) ids.push_back(a.causes[i].cause->id);
  return ids;
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

// A calm baseline: every factor on its safe side, a daytime twitch a day.
const std::string kCalm = "checkin caffeine=1 sleep=8 stress=2 water=2";

}  // namespace

TEST_CASE("the cause the journal shows comes first") {
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    const char* first;
  };
  const Case cases[] = {
      {"heavy caffeine", each_day(7, "checkin caffeine=6 sleep=8 stress=2 water=2"), "caffeine"},
      {"short sleep", each_day(7, "checkin caffeine=1 sleep=5 stress=2 water=2"), "sleep-debt"},
      {"high stress", each_day(7, "checkin caffeine=1 sleep=8 stress=5 water=2"), "stress"},
      {"little water", each_day(7, "checkin caffeine=1 sleep=8 stress=2 water=0.8"), "dehydration"},
      {"night twitching", each_day(7, kCalm) + each_day(7, "twitch severity=2", "23:30:00"), "bruxism"},
      {"food tags", each_day(7, kCalm) + each_day(3, "twitch tags=aspartame"), "food-triggers"},
      {"phone tags", each_day(7, kCalm) + each_day(3, "twitch tags=phone"), "nerve-irritation"},
      {"inhaler tags", each_day(7, kCalm) + each_day(3, "twitch tags=inhaler,exam"), "medication"},
      {"coffee tags without check-ins", each_day(4, "twitch tags=coffee") + each_day(2, "twitch tags=espresso"),
       "caffeine"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const Advice a = advice(c.lines);
    REQUIRE(!a.causes.empty());
    CHECK(a.causes.front().cause->id == c.first);
    CHECK(a.causes.front().tier == EvidenceTier::direct);
    CHECK_FALSE(a.no_data);
    CHECK(a.likely >= 1);
  }
}

TEST_CASE("evidence in figures") {
  const Advice a = advice(each_day(5, "checkin caffeine=3 sleep=8") +
                          std::vector<std::string>{
                              on(1, "checkin caffeine=5 water=2"), on(9, "checkin caffeine=20"),  // too old
                          });
  const auto& caffeine = a.causes.front();
  REQUIRE(caffeine.cause->id == "caffeine");
  CHECK(caffeine.clues.at(0).text ==
        "caffeine 3.3 cups/day on average over 6 check-ins in the last 7 days; threshold 3, on the risk side");
  CHECK(caffeine.clues.at(1).text ==
        "no twitch tagged coffee, espresso, latte, tea, cola, energy-drink in the last 7 days");
  CHECK_FALSE(caffeine.clues.at(1).counts);
  const auto sleep =
      std::find_if(a.causes.begin(), a.causes.end(), [](const RankedCause& r) { return r.cause->id == "sleep-debt"; });
  CHECK(sleep->clues.at(0).text ==
        "sleep 8.0 hours on average over 5 check-ins in the last 7 days; threshold 7, not on the risk side");
  CHECK(sleep->tier == EvidenceTier::none);
}

TEST_CASE("night twitching: the share between the rule's hours") {
  const Advice a =
      advice(each_day(3, "twitch", "22:00:00") + each_day(3, "twitch", "06:59:00") + each_day(2, "twitch", "07:00:00"));
  const auto& first = a.causes.front();
  REQUIRE(first.cause->id == "bruxism");
  CHECK(first.clues.at(0).text ==
        "6 of 8 twitches (75%) between 21:00 and 07:00 in the last 7 days; over 50% points here");
  CHECK(offered(a, "mouthguard") != nullptr);
  // Exactly half is not "most".
  const Advice half = advice(each_day(2, "twitch", "22:00:00") + each_day(2, "twitch", "12:00:00"));
  CHECK(half.causes.front().cause->id != "bruxism");
}

TEST_CASE("direct evidence outranks inferred; a remedy taken stops the inference") {
  const auto heavy = each_day(7, "checkin caffeine=6 sleep=8 stress=2 water=2");
  const Advice a = advice(heavy);
  CHECK(cause_ids(a, 2) == std::vector<std::string>{"caffeine", "magnesium"});
  CHECK(a.causes[1].tier == EvidenceTier::inferred);
  CHECK(a.causes[1].clues.back().text == "inferred from caffeine, and no magnesium logged in the last 14 days");
  CHECK(a.causes[0].score > a.causes[1].score);

  const Advice taken = advice(heavy + std::vector<std::string>{on(13, "remedy id=magnesium dose=400mg")});
  const auto magnesium = std::find_if(taken.causes.begin(), taken.causes.end(),
                                      [](const RankedCause& r) { return r.cause->id == "magnesium"; });
  CHECK(magnesium->tier == EvidenceTier::none);
  CHECK(magnesium->clues.back().text == "inferred from caffeine, but magnesium was logged on " +
                                            format_date(date_from_days(kToday - 13)) + ", within 14 days");
  // Taken 14 days ago is outside the 14 days.
  const Advice old = advice(heavy + std::vector<std::string>{on(14, "remedy id=magnesium")});
  CHECK(cause_ids(old, 2) == std::vector<std::string>{"caffeine", "magnesium"});
}

TEST_CASE("no data: the causes by frequency, and the output says so") {
  const Advice a = advice({on(30, "twitch tags=coffee"), on(40, kCalm)});
  CHECK(a.no_data);
  CHECK(a.likely == kLikelyCauses);
  CHECK(cause_ids(a, 3) == std::vector<std::string>{"caffeine", "stress", "magnesium"});
  CHECK(render_advice_text(a, rules(), false).find("No data yet: nothing was logged in the last 7 days.") !=
        std::string::npos);
  CHECK(render_advice_json(a, rules()).find("\"no_data\": true") != std::string::npos);
}

TEST_CASE("remedies: quick then long-term, for the likely causes; medical only above self-care") {
  const auto heavy = each_day(7, "checkin caffeine=6 sleep=8 stress=2 water=2");
  const Advice a = advice(heavy);
  REQUIRE(!a.remedies.empty());
  CHECK(a.remedies.front().remedy->kind == RemedyKind::quick);
  CHECK(offered(a, "caffeine-limit") != nullptr);
  CHECK(offered(a, "magnesium") != nullptr);
  CHECK(offered(a, "mouthguard") == nullptr);  // bruxism is not likely here
  CHECK_FALSE(has_medical(a));

  const Advice doctor = advice(heavy + std::vector<std::string>{on(2, "twitch where=eyelid")});
  CHECK(doctor.triage.level->id == "doctor");
  CHECK(has_medical(doctor));
  CHECK(offered(doctor, "botox") != nullptr);
  const std::string text = render_advice_text(doctor, rules(), false);
  CHECK(text.starts_with("Care level: doctor (See a doctor)\n  - spreading (doctor): "));
  CHECK(text.find("Medical options (the care level is doctor):") != std::string::npos);
  CHECK(text.find("$300-$600 per session; lasts 3-6 months") != std::string::npos);
  CHECK(render_advice_text(a, rules(), false).find("Medical options") == std::string::npos);
}

TEST_CASE("a remedy already tried shows episodes a day before and after") {
  // 3 twitches a day for 14 days, then less caffeine (its effect after 7 days), then 1 a day.
  std::vector<std::string> lines;
  for (int d = 27; d >= 14; --d) {
    for (int i = 0; i < 3; ++i) lines.push_back(on(d, "twitch"));
  }
  lines.push_back(on(13, "remedy id=caffeine-limit"));
  for (int d = 13; d >= 0; --d) lines.push_back(on(d, "twitch"));
  lines = lines + each_day(7, "checkin caffeine=6");
  const Advice a = advice(lines);
  const RemedyOffer* m = offered(a, "caffeine-limit");
  REQUIRE(m != nullptr);
  REQUIRE(m->tried);
  CHECK(m->tried->first_day == kToday - 13);
  CHECK(m->tried->before.rate == 3.0);
  CHECK(m->tried->after.first_day == kToday - 6);
  CHECK(m->tried->after.days == 7);  // clipped to today
  CHECK(m->tried->after.rate == 1.0);
  CHECK(render_advice_text(a, rules(), false)
            .find("In your journal: logged since " + format_date(date_from_days(kToday - 13)) +
                  ": 3.0 episodes a day in the 14 days before, 1.0 in the 14 days from " +
                  format_date(date_from_days(kToday - 6)) + ".") != std::string::npos);
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

TEST_CASE("the plan: one change a week, the most effective first, what is in place left out") {
  const auto heavy = each_day(7, "checkin caffeine=6 sleep=5 stress=2 water=2");
  const Advice a = advice(heavy + std::vector<std::string>{on(3, "remedy id=sleep")}, true);
  CHECK(a.planned);
  CHECK(cause_ids(a, 3) == std::vector<std::string>{"caffeine", "sleep-debt", "magnesium"});
  std::vector<std::string> weeks;
  for (const auto& w : a.plan) weeks.push_back(w.remedy->id);
  // The first cause's best-rated remedy, then the third cause's by rating (sleep is in place).
  CHECK(weeks == std::vector<std::string>{"caffeine-limit", "diet", "magnesium"});
  CHECK(a.plan[0].week == 1);
  CHECK(a.plan[0].start_day == kToday);
  CHECK(a.plan[1].week == 2);
  CHECK(a.plan[1].start_day == kToday + 7);
  CHECK(a.plan[0].log.find("`twitchlog log --remedy caffeine-limit`") != std::string::npos);
  CHECK(a.plan[0].log.find("a daily check-in with caffeine") != std::string::npos);
  REQUIRE(a.in_place.size() == 1);
  CHECK(a.in_place[0]->id == "sleep");
  CHECK(render_advice_json(a, rules()).find("\"plan\": [") != std::string::npos);
  CHECK(render_advice_json(advice(heavy), rules()).find("\"plan\"") == std::string::npos);
}

TEST_CASE("deterministic: the same journal in any order gives the same bytes") {
  std::vector<std::string> lines =
      each_day(7, "checkin caffeine=4 sleep=6 stress=4 water=1") + each_day(6, "twitch tags=coffee,phone", "23:00:00") +
      each_day(20, "twitch") +
      std::vector<std::string>{on(10, "remedy id=caffeine-limit"), on(2, "twitch flags=chewing")};
  const Advice a = advice(lines, true);
  const std::string text = render_advice_text(a, rules(), false);
  const std::string json = render_advice_json(a, rules());
  std::mt19937 random(7);
  for (int i = 0; i < 5; ++i) {
    std::shuffle(lines.begin(), lines.end(), random);
    const Advice b = advice(lines, true);
    CHECK(render_advice_text(b, rules(), false) == text);
    CHECK(render_advice_json(b, rules()) == json);
  }
}
