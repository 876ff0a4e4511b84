// The statistics: the count regression against R's MASS::glm.nb, and the
// verdicts on simulated journals whose truth is known.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/insights.hpp"

using namespace twitchlog;

namespace {

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Csv read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  Csv csv;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
      cell.erase(std::remove(cell.begin(), cell.end(), '"'), cell.end());
      cell.erase(0, cell.find_first_not_of(' '));
      cells.push_back(cell);
    }
    if (first) {
      csv.header = cells;
      first = false;
    } else {
      csv.rows.push_back(cells);
    }
  }
  return csv;
}

// Fits one reference data set and compares with R's figures.
void compare_with_r(const std::string& name, bool nb) {
  const std::string dir = std::string(TWITCHLOG_SOURCE_DIR) + "/tests/data/glmnb/";
  const Csv data = read_csv(dir + name + ".csv");
  const Csv expected = read_csv(dir + name + ".expected.csv");
  const auto n = static_cast<Eigen::Index>(data.rows.size());
  const auto k = static_cast<Eigen::Index>(data.header.size());  // y + covariates: intercept takes y's place
  Eigen::MatrixXd X(n, k);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y[i] = std::stod(data.rows[static_cast<std::size_t>(i)][0]);
    X(i, 0) = 1;
    for (Eigen::Index j = 1; j < k; ++j)
      X(i, j) = std::stod(data.rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
  }
  const CountFit fit = fit_count_model(X, y, {}, nb, 0);
  CHECK(fit.converged);
  CHECK(fit.negative_binomial == nb);
  for (Eigen::Index j = 0; j < k; ++j) {
    const auto& row = expected.rows[static_cast<std::size_t>(j)];
    INFO(name << " " << row[0]);
    CHECK(std::fabs(fit.coefficients[j] - std::stod(row[1])) < 1e-5);
    CHECK(std::fabs(std::sqrt(fit.covariance(j, j)) - std::stod(row[2])) < 1e-4);
  }
  if (nb) {
    const double theta = std::stod(expected.rows.back()[1]);
    INFO(name << " theta " << fit.theta << " vs " << theta);
    CHECK(std::fabs(fit.theta - theta) < 1e-4 * std::max(1.0, theta));
  }
}

}  // namespace

TEST_CASE("the count regression agrees with R's MASS::glm.nb and glm(poisson)") {
  compare_with_r("nb-two", true);
  compare_with_r("nb-four", true);
  compare_with_r("poisson-one", false);
}

// --- simulated journals whose truth is known ----------------------------------

namespace {

// The fixture's factors: coffee (cups, risk high from 3), rest (hours, risk low under 7), tension (1-5, high from 4).
constexpr std::size_t kCoffee = 0, kRest = 1, kTension = 2;

struct Truth {
  double base = 1.2;         // twitches a day at the thresholds
  double theta = 2;          // overdispersion of the counts
  double coffee_rr = 1;      // per cup, the same day
  double coffee_lag_rr = 1;  // per cup, the day before
  double rest_rr = 1;        // per hour less
  double confound = 0;       // coffee rises by this many cups per hour of rest less
  double collinear = 0;      // tension follows coffee this closely (0: independent)
  double drift = 0;          // slow drift of log rate and of coffee together (amplitude)
  double weekend_rr = 1;
  double monday_rr = 1;      // Mondays twitch more ...
  double monday_coffee = 0;  // ... and have this many more cups
  double remedy_rr = 1;      // the "nap" remedy, from day remedy_day
  int remedy_day = -1;
  double flare_rr = 1;  // a bad spell of flare_days days that ends when the remedy starts
  int flare_days = 7;
  double checkin_if_twitch = 1;  // chance of a check-in on a day with twitches
  double checkin_otherwise = 1;  // ... and on a day without
};

struct Simulated {
  DayTable table;
  std::int64_t today;
  explicit Simulated(const RuleSet& rules) : table(rules), today(0) {}
};

// Feeds `days` days of a simulated journal ending today into a day table.
void simulate(DayTable& table, const Truth& t, int days, std::uint32_t seed, std::int64_t today) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0, 1);
  std::uniform_real_distribution<double> uniform(0, 1);
  const std::int64_t first = today - days + 1;
  double yesterday_coffee = 3;
  for (std::int64_t day = first; day <= today; ++day) {
    const double phase = static_cast<double>(day - first) / 60.0 * 2 * 3.14159265;
    const double drift = t.drift * std::sin(phase);
    const double rest = std::clamp(std::round((7 + normal(rng)) * 2) / 2, 0.0, 24.0);
    const std::int64_t day_of_week = ((day + 3) % 7 + 7) % 7;  // 0 = Monday
    const double coffee_mean =
        std::max(0.2, 2.5 + t.confound * (7 - rest) + 2 * drift + (day_of_week == 0 ? t.monday_coffee : 0));
    const double coffee = std::min(10.0, static_cast<double>(std::poisson_distribution<int>(coffee_mean)(rng)));
    double tension = 1 + std::floor(uniform(rng) * 5);
    if (t.collinear > 0) tension = std::clamp(std::round(1 + coffee * 0.8 + normal(rng) * (1 - t.collinear)), 1.0, 5.0);
    const std::int64_t weekday = ((day + 3) % 7 + 7) % 7;
    double log_mu = std::log(t.base) + std::log(t.coffee_rr) * (coffee - 3) +
                    std::log(t.coffee_lag_rr) * (yesterday_coffee - 3) + std::log(t.rest_rr) * (7 - rest) + drift;
    if (weekday >= 5) log_mu += std::log(t.weekend_rr);
    if (weekday == 0) log_mu += std::log(t.monday_rr);
    if (t.remedy_day >= 0 && day - first >= t.remedy_day) log_mu += std::log(t.remedy_rr);
    if (t.remedy_day >= 0 && day - first < t.remedy_day && day - first >= t.remedy_day - t.flare_days)
      log_mu += std::log(t.flare_rr);
    const double mu = std::exp(log_mu);
    std::gamma_distribution<double> gamma(t.theta, mu / t.theta);
    const int twitches = std::poisson_distribution<int>(gamma(rng))(rng);
    TypedEntry e;
    e.day = day;
    e.kind = Kind::twitch;
    for (int i = 0; i < twitches; ++i) table.on_entry(e);
    if (uniform(rng) < (twitches > 0 ? t.checkin_if_twitch : t.checkin_otherwise)) {
      TypedEntry c;
      c.day = day;
      c.kind = Kind::checkin;
      c.values = {{kCoffee, coffee}, {kRest, rest}, {kTension, tension}};
      table.on_entry(c);
    }
    if (t.remedy_day >= 0 && day - first == t.remedy_day) {
      TypedEntry r;
      r.day = day;
      r.kind = Kind::remedy;
      r.remedy = test::fixture_rules().find_remedy("nap");
      r.remedy_id = "nap";
      table.on_entry(r);
    }
    yesterday_coffee = coffee;
  }
}

Insights simulated(const Truth& t, int days, std::uint32_t seed) {
  DayTable table(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  simulate(table, t, days, seed, today);
  return analyse(table, test::fixture_rules(), today);
}

const TermInsight& factor(const Insights& in, const std::string& id, int lag) {
  for (const auto& f : in.factors) {
    if (f.id == id && f.lag == lag) return f;
  }
  FAIL("no factor " << id);
  return in.factors.front();
}

bool any_trigger(const Insights& in) {
  return std::any_of(in.factors.begin(), in.factors.end(),
                     [](const TermInsight& f) { return f.verdict == Verdict::likely_trigger; });
}

// Of `seeds` simulated journals of `days` days, how many name some factor a likely trigger.
int false_trigger_journals(const Truth& t, int days, std::uint32_t seeds) {
  int n = 0;
  for (std::uint32_t seed = 1; seed <= seeds; ++seed) n += any_trigger(simulated(t, days, seed)) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("nothing matters: a likely trigger in at most 10% of journals, with and without drift") {
  for (const double drift : {0.0, 0.5}) {
    Truth t;
    t.drift = drift;
    int false_triggers = 0, fitted = 0;
    for (std::uint32_t seed = 1; seed <= 100; ++seed) {
      const Insights in = simulated(t, 120, seed);
      fitted += in.fitted ? 1 : 0;
      false_triggers += any_trigger(in) ? 1 : 0;
    }
    INFO("drift " << drift << ": " << false_triggers << " of 100 journals show a false trigger");
    CHECK(fitted == 100);
    CHECK(false_triggers <= 10);
  }
}

TEST_CASE("short sleep drives the twitching and coffee follows short nights: sleep found, coffee not") {
  Truth t;
  t.rest_rr = 1.5;
  t.confound = 1.2;
  int sleep_found = 0, coffee_flagged = 0;
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const Insights in = simulated(t, 120, seed);
    sleep_found += factor(in, "rest", 0).verdict == Verdict::likely_trigger ? 1 : 0;
    coffee_flagged += factor(in, "coffee", 0).verdict == Verdict::likely_trigger ? 1 : 0;
  }
  INFO("sleep found in " << sleep_found << " of 30; coffee flagged in " << coffee_flagged);
  // Power is modest on 120 days once six factor terms are tested together and
  // the errors allow for correlated days (20 of 30 when this was written); the
  // innocent factor must stay clear.
  CHECK(sleep_found >= 15);
  CHECK(coffee_flagged <= 3);
}

TEST_CASE("yesterday's coffee drives today's twitching: the lag is found, the same day is not blamed") {
  Truth t;
  t.coffee_lag_rr = 1.35;
  int lag_found = 0, same_day = 0;
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const Insights in = simulated(t, 120, seed);
    lag_found += factor(in, "coffee", 1).verdict == Verdict::likely_trigger ? 1 : 0;
    same_day += factor(in, "coffee", 0).verdict == Verdict::likely_trigger ? 1 : 0;
  }
  INFO("lag found in " << lag_found << " of 30; same day flagged in " << same_day);
  CHECK(lag_found >= 24);
  CHECK(same_day <= 3);
}

TEST_CASE("two factors that move together cannot be told apart") {
  Truth t;
  t.coffee_rr = 1.3;
  t.collinear = 0.97;
  int apart = 0;
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    const Insights in = simulated(t, 150, seed);
    const auto& c = factor(in, "coffee", 0);
    if (c.verdict == Verdict::cant_tell_apart) {
      ++apart;
      CHECK(std::find(c.with.begin(), c.with.end(), "tension") != c.with.end());
      CHECK(c.joint_rate_ratio.has_value());
    }
  }
  CHECK(apart >= 7);
}

TEST_CASE("too little data: no model, and how many days would do") {
  const Insights in = simulated(Truth{}, 14, 1);
  CHECK_FALSE(in.fitted);
  REQUIRE(in.needed_days.has_value());
  CHECK(*in.needed_days >= 28);
  for (const auto& f : in.factors) CHECK(f.verdict == Verdict::not_enough_data);
}

TEST_CASE("check-ins mostly when a twitch reminds you, nothing matters: still rarely a false trigger") {
  // 0.1's split made stress look 1.55 times with no effect at all when check-ins came with twitches.
  Truth t;
  t.checkin_otherwise = 0.3;
  int false_triggers = 0, fitted = 0;
  for (std::uint32_t seed = 1; seed <= 100; ++seed) {
    const Insights in = simulated(t, 180, seed);
    fitted += in.fitted ? 1 : 0;
    false_triggers += any_trigger(in) ? 1 : 0;
  }
  INFO(false_triggers << " of " << fitted << " fitted journals show a false trigger");
  CHECK(fitted >= 50);
  CHECK(false_triggers <= 10);
}

TEST_CASE("check-ins only when twitching: the days left out are counted, with their rate") {
  Truth t;
  t.checkin_otherwise = 0.2;
  const Insights in = simulated(t, 120, 3);
  CHECK(in.unobserved_days > 30);
  REQUIRE(in.unobserved_rate.has_value());
  REQUIRE(in.observed_rate.has_value());
  CHECK(*in.unobserved_rate < *in.observed_rate);
  CHECK(in.observed_days + in.unobserved_days == in.covered_days);
}

TEST_CASE("nothing matters on a journal of 240 days with drift: still at most 10% false triggers") {
  // A longer journal shrinks the intervals; drift that a too-stiff curve left over would now show.
  Truth t;
  t.drift = 0.5;
  const int false_triggers = false_trigger_journals(t, 240, 100);
  INFO(false_triggers << " of 100 journals of 240 days show a false trigger");
  CHECK(false_triggers <= 10);
}

TEST_CASE("a remedy with no effect is rarely called protective, even when started at the end of a bad spell") {
  struct Case {
    const char* what;
    double flare_rr;
    int flare_days;
  };
  for (const Case c : {Case{"no bad spell", 1, 7}, Case{"a week at 3 times the rate", 3, 7},
                       Case{"12 days at 2.5 times the rate", 2.5, 12}}) {
    Truth t;
    t.remedy_day = 60;
    t.flare_rr = c.flare_rr;
    t.flare_days = c.flare_days;
    int false_protective = 0;
    for (std::uint32_t seed = 1; seed <= 100; ++seed) {
      const Insights in = simulated(t, 120, seed);
      REQUIRE(in.remedies.size() == 1);
      CHECK(in.run_up_days >= 14);  // the 14 days before it are left out
      false_protective += in.remedies[0].verdict == Verdict::likely_protective ? 1 : 0;
    }
    // Before the run-up was left out (28-day blocks), the week at 3 times gave 48 of 100.
    INFO(std::string(c.what) << ": no effect called protective in " << false_protective << " of 100");
    CHECK(false_protective <= 10);
  }
}

TEST_CASE("a remedy that halves the rate: never called a trigger; any estimate's interval holds the truth") {
  Truth t;
  t.remedy_day = 60;
  t.remedy_rr = 0.5;
  int trigger = 0, estimates = 0, covered = 0, protective = 0;
  for (std::uint32_t seed = 1; seed <= 100; ++seed) {
    const Insights in = simulated(t, 120, seed);
    const TermInsight& m = in.remedies.at(0);
    trigger += m.verdict == Verdict::likely_trigger ? 1 : 0;
    protective += m.verdict == Verdict::likely_protective ? 1 : 0;
    if (m.rate_ratio) {
      ++estimates;
      covered += *m.ci_low <= 0.5 && 0.5 <= *m.ci_high ? 1 : 0;
      CHECK(*m.ci_high / *m.ci_low <= 100);  // widest_interval: wider is no estimate
    } else {
      CHECK(m.verdict == Verdict::cant_tell_yet);
    }
  }
  // A step at the start cannot be told from the drift curve bending across the run-up that is left
  // out, so the honest answer is mostly "can't tell yet" (power is low: see twitchlog(1)).
  INFO("protective " << protective << ", trigger " << trigger << ", estimates " << estimates << ", covered "
                     << covered);
  CHECK(trigger <= 2);
  CHECK(covered >= estimates * 9 / 10);
}

TEST_CASE("two remedies started within 14 days cannot be told apart: their joint effect is given") {
  Truth t;
  t.remedy_day = 60;
  t.remedy_rr = 0.5;
  DayTable table(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  simulate(table, t, 120, 5, today);
  // A second remedy ("less-coffee", onset 3 days) started 4 days after the first.
  TypedEntry r;
  r.day = today - 120 + 1 + 60 + 4 - 3;
  r.kind = Kind::remedy;
  r.remedy = test::fixture_rules().find_remedy("less-coffee");
  r.remedy_id = "less-coffee";
  table.on_entry(r);
  const Insights in = analyse(table, test::fixture_rules(), today);
  REQUIRE(in.remedies.size() == 2);
  for (const auto& m : in.remedies) {
    CHECK(m.verdict == Verdict::cant_tell_apart);
    REQUIRE(m.with.size() == 1);
    CHECK(m.with[0] != m.id);
    // Their joint effect, when the data pin it down at all, holds the truth (a halving).
    if (m.joint_rate_ratio) {
      CHECK(*m.joint_ci_low < 0.5);
      CHECK(*m.joint_ci_high > 0.5);
    }
  }
}

TEST_CASE("a weekend effect is absorbed by its own term, and blames no factor") {
  Truth t;
  t.weekend_rr = 2.5;
  const int false_triggers = false_trigger_journals(t, 120, 30);
  INFO(false_triggers << " of 30 journals blame a factor for the weekend");
  CHECK(false_triggers <= 3);
}

TEST_CASE("a Monday effect with more coffee on Mondays: the days of the week absorb it on a long journal") {
  Truth t;
  t.monday_rr = 3;
  t.monday_coffee = 3;
  int long_blamed = 0, short_blamed = 0;
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    long_blamed += factor(simulated(t, 168, seed), "coffee", 0).verdict == Verdict::likely_trigger ? 1 : 0;
    short_blamed += factor(simulated(t, 98, seed), "coffee", 0).verdict == Verdict::likely_trigger ? 1 : 0;
  }
  INFO(long_blamed << " of 30 journals of 24 weeks blame coffee for Mondays; " << short_blamed
                   << " of 30 of 14 weeks (only a weekend term)");
  CHECK(long_blamed <= 3);
  CHECK(short_blamed > long_blamed);  // the weekend term alone cannot: the test can fail
}

// 120 days, coffee 5 on a third of them and 1 on the others; twitches only on one kind of day.
Insights one_sided(bool twitch_on_heavy_days) {
  DayTable table(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  std::mt19937 rng(3);
  for (std::int64_t day = today - 119; day <= today; ++day) {
    const bool heavy = (day % 3) == 0;
    TypedEntry c;
    c.day = day;
    c.kind = Kind::checkin;
    c.values = {{kCoffee, heavy ? 5.0 : 1.0}, {kRest, 7.0 + static_cast<double>(rng() % 3) - 1}, {kTension, 2}};
    table.on_entry(c);
    if (heavy == twitch_on_heavy_days) {
      TypedEntry e;
      e.day = day;
      e.kind = Kind::twitch;
      for (int i = 0; i < 1 + static_cast<int>(rng() % 3); ++i) table.on_entry(e);
    }
  }
  return analyse(table, test::fixture_rules(), today);
}

TEST_CASE("no twitch at all on the risk side of a factor: a one-sided bound instead of an estimate") {
  const Insights in = one_sided(false);
  REQUIRE(in.fitted);
  const auto& c = factor(in, "coffee", 0);
  REQUIRE(c.zero_side_bound.has_value());
  CHECK(c.zero_on_risk_side);
  // 0 twitches on 40 days against ~2 a day on 80: (1 - 0.05^(1/N)) / 0.05^(1/N) * 80 / 40, N ~ 160.
  CHECK(*c.zero_side_bound < 0.05);
  CHECK(*c.zero_side_bound > 0.01);
  CHECK_FALSE(c.rate_ratio.has_value());  // the model's estimate runs off to 0: none shown
  CHECK(c.verdict == Verdict::cant_tell_yet);
}

TEST_CASE("no twitch at all on the other side: a bound on the other side's rate, never an absurd estimate") {
  const Insights in = one_sided(true);
  REQUIRE(in.fitted);
  const auto& c = factor(in, "coffee", 0);
  REQUIRE(c.zero_side_bound.has_value());
  CHECK_FALSE(c.zero_on_risk_side);
  CHECK(*c.zero_side_bound < 0.1);
  if (c.rate_ratio) CHECK(*c.ci_high / *c.ci_low <= 100);
  CHECK(c.verdict != Verdict::likely_protective);
}

TEST_CASE("a factor given now and then is left out of the model, not the days without it") {
  DayTable table(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  simulate(table, Truth{}, 120, 7, today);
  const Insights all = analyse(table, test::fixture_rules(), today);
  // Now "tension" only on one check-in day in four: the days without it must stay in the model.
  DayTable sparse(test::fixture_rules());
  std::mt19937 rng(7);
  for (const auto& [day, d] : table.days()) {
    TypedEntry e;
    e.day = day;
    e.kind = Kind::twitch;
    for (std::uint64_t i = 0; i < d.episodes; ++i) sparse.on_entry(e);
    if (!d.checkin) continue;
    TypedEntry c;
    c.day = day;
    c.kind = Kind::checkin;
    c.values = {{kCoffee, d.sum[kCoffee]}, {kRest, d.sum[kRest]}};
    if (day % 4 == 0) c.values.push_back({kTension, d.sum[kTension]});
    sparse.on_entry(c);
  }
  const Insights in = analyse(sparse, test::fixture_rules(), today);
  REQUIRE(in.factors_left_out.size() == 1);
  CHECK(in.factors_left_out[0].first == "tension");
  CHECK(in.factors_left_out[0].second == 30);
  CHECK(in.observed_days == all.observed_days);  // not cut to the days with tension
  CHECK(factor(in, "tension", 0).verdict == Verdict::not_enough_data);
  CHECK(factor(in, "coffee", 0).verdict != Verdict::not_enough_data);
}

TEST_CASE("a check-in every other day: the day before leaves the model, the days stay") {
  Truth t;
  t.rest_rr = 1.6;
  DayTable every(test::fixture_rules()), alternate(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  simulate(every, t, 240, 11, today);
  for (const auto& [day, d] : every.days()) {
    TypedEntry e;
    e.day = day;
    e.kind = Kind::twitch;
    for (std::uint64_t i = 0; i < d.episodes; ++i) alternate.on_entry(e);
    if (!d.checkin || day % 2 != 0) continue;
    TypedEntry c;
    c.day = day;
    c.kind = Kind::checkin;
    c.values = {{kCoffee, d.sum[kCoffee]}, {kRest, d.sum[kRest]}, {kTension, d.sum[kTension]}};
    alternate.on_entry(c);
  }
  CHECK(analyse(every, test::fixture_rules(), today).day_before_in_model);
  const Insights in = analyse(alternate, test::fixture_rules(), today);
  CHECK_FALSE(in.day_before_in_model);
  CHECK(in.observed_days == 120);
  REQUIRE(in.fitted);
  CHECK(factor(in, "rest", 1).verdict == Verdict::not_enough_data);
  CHECK(factor(in, "rest", 0).verdict == Verdict::likely_trigger);
}

TEST_CASE("days enough but no twitch at all: nothing to relate the factors to, and no impossible day count") {
  DayTable table(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  Truth t;
  t.base = 1e-9;
  simulate(table, t, 120, 2, today);
  const Insights in = analyse(table, test::fixture_rules(), today);
  CHECK_FALSE(in.fitted);
  CHECK(in.no_twitches);
  REQUIRE(in.needed_days.has_value());
  CHECK(*in.needed_days <= in.observed_days);  // not "about 121 days": more of the same would not help
}

TEST_CASE("a remedy that starts to count inside another's run-up cannot be told apart from it") {
  // Their run-ups are left out, so on the model's days their on/off columns are the same.
  Truth t;
  t.remedy_day = 60;  // "nap", onset 0: taken day 60, counts from day 60
  DayTable table(test::fixture_rules());
  const std::int64_t today = test::fixture_now().day();
  simulate(table, t, 160, 9, today);
  // "less-coffee", onset 3: taken 17 days before nap, counts from 14 days before it, the first day of
  // nap's run-up; with the run-up left out, both are on from day 60 on the model's days.
  TypedEntry r;
  r.day = today - 160 + 1 + 60 - 17;
  r.kind = Kind::remedy;
  r.remedy = test::fixture_rules().find_remedy("less-coffee");
  r.remedy_id = "less-coffee";
  table.on_entry(r);
  const Insights in = analyse(table, test::fixture_rules(), today);
  REQUIRE(in.remedies.size() == 2);
  for (const auto& m : in.remedies) {
    INFO(m.id);
    CHECK(m.verdict == Verdict::cant_tell_apart);
    CHECK(m.with.size() == 1);
  }
}
