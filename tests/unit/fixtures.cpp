#include "fixtures.hpp"

#include "helpers.hpp"

namespace test {

const char* const kFixtureRulesText = R"toml(
schema = 2

[triage]
disclaimer = "Fixture rules: not medical advice."
emergency_numbers = "112"
onset_question = "Sudden?"
onset_level = "now"
notice_level = "now"

[advise]
likely_causes = 2
associated_score = 40
direct_score = 20
inferred_score = 10
excess_cap = 2
in_place_days = 7

[report]
default_days = 28
effect_window_days = 7
min_factor_days = 3
stands_out_ratio = 1.5
trend_band = 0.10
top_tags = 3

[insights]
min_observed_days = 28
days_per_term = 10
min_side_days = 7
confidence = 0.95
no_link_low = 0.8
no_link_high = 1.25
apart_correlation = 0.8
remedy_overlap_days = 14
drift_days = 28
remedy_lead_days = 14
hac_lag_days = 7

[[level]]
id = "ok"
name = "Fine"
meaning = "Nothing found."
action = "Keep logging."

[[level]]
id = "gp"
name = "See a GP"
meaning = "Worth a look."
action = "Book a GP."
open_days = 10
spare_days = 10

[[level]]
id = "now"
name = "Urgent"
meaning = "Urgent."
action = "Call for help ({emergency_numbers})."
open_hours = 24
then = "gp"
advice = "action-only"

[[factor]]
id = "coffee"
name = "Coffee"
unit = "cups"
description = "Cups a day."
min = 0
max = 10
threshold = 3
risk = "high"

[[factor]]
id = "rest"
name = "Rest"
unit = "hours"
description = "Hours slept."
min = 0
max = 24
threshold = 7
risk = "low"

[[factor]]
id = "tension"
name = "Tension"
unit = "1-5"
description = "Tension, 1 to 5."
min = 1
max = 5
integer = true
threshold = 4
risk = "high"

[[area]]
id = "eye"
name = "Eye"

[[area]]
id = "lip"
name = "Lip"
group = "mouth"
default = true

[[area]]
id = "gum"
name = "Gum"
group = "mouth"

[[area]]
id = "arm"
name = "Arm"
region = "body"

[[cause]]
id = "coffee-cause"
name = "Coffee"
mechanism = "Too much coffee."
frequency = "very-common"
[cause.evidence]
window_days = 5
factor = "coffee"
tags = ["espresso"]

[[cause]]
id = "rest-cause"
name = "Short rest"
mechanism = "Too little sleep."
frequency = "common"
[cause.evidence]
window_days = 5
factor = "rest"

[[cause]]
id = "grinding"
name = "Grinding"
mechanism = "Night grinding."
frequency = "less-common"
[cause.evidence]
window_days = 5
night_from = "22:00"
night_to = "06:00"
night_share = 0.5

[[red_flag]]
id = "moving"
level = "gp"
name = "Moving"
question = "Has it moved?"
meaning = "It moved."
action = "Book a GP."
[red_flag.journal]
rule = "areas"
min_areas = 2
window_days = 5

[[red_flag]]
id = "long"
level = "gp"
name = "Long"
question = "Long?"
meaning = "Long."
action = "Book a GP."
[red_flag.journal]
rule = "streak"
max_gap_days = 2
min_span_days = 10
recent_days = 3

[[red_flag]]
id = "monthly"
level = "gp"
name = "Monthly"
question = "Monthly?"
meaning = "Monthly."
action = "Book a GP."
[red_flag.journal]
rule = "runs"
max_gap_days = 2
min_runs = 2
min_apart_days = 20
window_days = 60

[[red_flag]]
id = "bite"
level = "gp"
name = "Bite"
question = "Biting?"
meaning = "Biting."
action = "Book a GP."
tags = ["biting"]

[[red_flag]]
id = "droop"
level = "now"
name = "Droop"
question = "Droop?"
meaning = "Droop."
action = "Call for help."

[[remedy]]
id = "less-coffee"
name = "Less coffee"
kind = "long-term"
how = "Drink less."
targets = ["coffee-cause"]
onset_days = 3

[[remedy]]
id = "nap"
name = "Nap"
kind = "quick"
how = "Sleep."
targets = ["rest-cause"]

[[remedy]]
id = "scan"
name = "Scan"
kind = "medical"
category = "diagnostic"
how = "A scan."
targets = ["grinding"]
cost = "a lot"
duration = "an hour"
)toml";

const twitchlog::RuleSet& fixture_rules() {
  static const twitchlog::RuleSet rules = twitchlog::load_rules(kFixtureRulesText, "fixture.toml");
  return rules;
}

twitchlog::Timestamp fixture_now() { return at("2026-11-24T10:00:00+01:00"); }

std::string Journal::stamp(int days_ago, const std::string& clock) const {
  return twitchlog::format_date(twitchlog::date_from_days(today_ - days_ago)) + "T" + clock + offset_;
}

Journal& Journal::at(int days_ago, const std::string& rest, const std::string& clock) {
  lines_.push_back(stamp(days_ago, clock) + " " + rest);
  return *this;
}

Journal& Journal::daily(int from, int to, int per_day, const std::string& fields) {
  for (int d = from; d >= to; --d) {
    for (int i = 0; i < per_day; ++i)
      twitch(d, fields, "09:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ":00");
  }
  return *this;
}

Journal& Journal::line(const std::string& raw) {
  lines_.push_back(raw);
  return *this;
}

std::string Journal::text() const {
  std::string out = "# twitchlog journal v1\n";
  for (const auto& l : lines_) out += l + "\n";
  return out;
}

void Collected::on_entry(const twitchlog::TypedEntry& e) {
  Seen s{e.line, e.kind, e.day, std::string(e.area), {}};
  for (auto t : e.tags) s.tags.emplace_back(t);
  entries.push_back(std::move(s));
}

}  // namespace test
