#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"
#include "twitchlog/rules.hpp"

using namespace twitchlog;

namespace {

// A small valid rule file; tests change one thing in it.
const std::string kMinimal = R"(schema = 2

[triage]
emergency_numbers = "112"
disclaimer = "Not a diagnosis."

[[level]]
id = "self-care"
name = "Self-care"
meaning = "No red flag."
action = "Keep logging."

[[level]]
id = "doctor"
name = "Doctor"
meaning = "See a doctor."
action = "Book an appointment."

[[factor]]
id = "caffeine"
name = "Caffeine"
unit = "cups/day"
description = "cups of coffee today"
min = 0
max = 20
threshold = 3
risk = "high"

[[area]]
id = "lower-lip"
name = "lower lip"
group = "lips"

[[cause]]
id = "caffeine"
name = "Caffeine"
mechanism = "Overstimulates nerves."
frequency = "extremely-common"

[cause.evidence]
factor = "caffeine"
tags = ["coffee"]

[[red_flag]]
id = "spreading"
level = "doctor"
name = "Spreading"
question = "Has it spread?"
meaning = "It spreads."
action = "See a doctor."

[red_flag.journal]
rule = "areas"
window_days = 30

[[remedy]]
id = "caffeine-limit"
name = "Less caffeine"
kind = "long-term"
how = "One cup before noon."
targets = ["caffeine"]
rating = 5
)";

std::string replaced(const std::string& from, const std::string& to) {
  std::string text = kMinimal;
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  return text;
}

// Every diagnostic of loading `text`, rendered; empty when it loads.
std::vector<std::string> problems(const std::string& text) { return test::rule_problems(text, "r.toml"); }

std::string only_problem(const std::string& text) {
  const auto all = problems(text);
  REQUIRE(all.size() == 1);
  return all.front();
}

}  // namespace

TEST_CASE("the minimal rule file loads") {
  CHECK(problems(kMinimal).empty());
  const RuleSet rules = load_rules(kMinimal, "r.toml");
  CHECK(rules.source == "r.toml");
  CHECK(rules.levels.size() == 2);
  CHECK(rules.levels[1].rank == 1);
  CHECK(rules.red_flags[0].level_rank == 1);
  CHECK(rules.red_flags[0].journal.kind == JournalRuleKind::areas);
  CHECK(rules.red_flags[0].journal.min_areas == 2);  // the default
  CHECK(rules.triage.onset_level == "doctor");       // a file without one: the most urgent level
  CHECK(rules.triage.notice_level == "doctor");
  CHECK(rules.causes[0].evidence->window_days == 7);
  CHECK(rules.factors[0].at_risk(3));
  CHECK_FALSE(rules.factors[0].at_risk(2.9));
}

TEST_CASE("the built-in rules carry every id, level and threshold of default-rules.md") {
  const RuleSet rules = load_builtin_rules();
  CHECK(rules.source == "<built-in>");
  CHECK(rules.level_ids() == std::vector<std::string>{"self-care", "doctor", "doctor-soon", "emergency"});
  CHECK_FALSE(rules.triage.disclaimer.empty());
  CHECK(rules.triage.onset_level == "emergency");
  CHECK(rules.triage.notice_level == "doctor-soon");
  // How long a flag stays open, and the memory of a "no" (default-rules.md).
  CHECK(rules.find_level("emergency")->open_hours == 24);
  CHECK(rules.find_level("emergency")->then == "doctor-soon");
  CHECK_FALSE(rules.find_level("emergency")->spare_days.has_value());
  CHECK_FALSE(rules.find_level("doctor-soon")->open_days.has_value());
  CHECK(rules.find_level("doctor-soon")->spare_days == 7);
  CHECK(rules.find_level("doctor")->open_days == 30);
  CHECK(rules.find_level("doctor")->spare_days == 30);
  CHECK(rules.find_level("emergency")->advice == Level::Advice::action_only);
  CHECK(rules.find_level("doctor-soon")->advice == Level::Advice::no_treatments);

  const auto& spreading = rules.find_red_flag("spreading")->journal;
  CHECK(spreading.kind == JournalRuleKind::areas);
  CHECK(spreading.min_areas == 2);
  CHECK(spreading.window_days == 7);
  const auto& persistent = rules.find_red_flag("persistent")->journal;
  CHECK(persistent.kind == JournalRuleKind::streak);
  CHECK(persistent.max_gap_days == 3);
  CHECK(persistent.min_span_days == 14);
  CHECK(persistent.recent_days == 7);
  const auto& recurring = rules.find_red_flag("recurring")->journal;
  CHECK(recurring.kind == JournalRuleKind::runs);
  CHECK(recurring.min_runs == 3);
  CHECK(recurring.window_days == 180);
  CHECK(recurring.min_apart_days == 28);
  CHECK(recurring.max_gap_days == 3);
  CHECK(rules.find_red_flag("chewing")->tags == std::vector<std::string>{"chewing"});
  CHECK(rules.find_area("lower-lip")->place() == "lips");
  CHECK(rules.find_area("upper-lip")->place() == "lips");
  for (const char* area : {"eyelid", "cheek", "jaw", "chin"}) CHECK(rules.find_area(area)->region == Region::face);
  for (const char* area : {"neck", "arm", "leg"}) CHECK(rules.find_area(area)->region == Region::body);
  REQUIRE(rules.combinations.size() == 2);
  CHECK(rules.combinations[0].any_of == std::vector<std::string>{"weakness", "drooping"});
  CHECK(rules.combinations[0].with == std::vector<std::string>{"speech"});
  CHECK(rules.combinations[1].any_of == std::vector<std::string>{"jaw-headache"});
  CHECK(rules.combinations[1].with == std::vector<std::string>{"vision"});

  struct FactorSpec {
    const char* id;
    double min, max, threshold;
    RiskSide risk;
  };
  for (const auto& f : {FactorSpec{"caffeine", 0, 20, 3, RiskSide::high}, FactorSpec{"sleep", 0, 24, 7, RiskSide::low},
                        FactorSpec{"stress", 1, 5, 4, RiskSide::high}, FactorSpec{"water", 0, 10, 1.5, RiskSide::low},
                        FactorSpec{"alcohol", 0, 50, 3, RiskSide::high}}) {
    const auto* factor = rules.find_factor(f.id);
    REQUIRE_MESSAGE(factor != nullptr, f.id);
    CHECK(factor->min == f.min);
    CHECK(factor->max == f.max);
    CHECK(factor->threshold == f.threshold);
    CHECK(factor->risk == f.risk);
  }
  CHECK(rules.cause_ids() == std::vector<std::string>{"stress", "caffeine", "magnesium", "sleep-debt", "dehydration",
                                                      "alcohol", "nerve-irritation", "medication", "bruxism",
                                                      "food-triggers"});
  // Low magnesium cannot be seen in a journal: it has no evidence, never one inferred from coffee.
  CHECK_FALSE(rules.find_cause("magnesium")->evidence.has_value());
  const auto& bruxism = *rules.find_cause("bruxism")->evidence;
  CHECK(bruxism.night_from_minute == 21 * 60);
  CHECK(bruxism.night_to_minute == 7 * 60);
  const auto has_tags = [&](const char* cause, std::vector<std::string> tags) {
    const auto& have = rules.find_cause(cause)->evidence->tags;
    for (const auto& t : tags) CHECK_MESSAGE(std::find(have.begin(), have.end(), t) != have.end(), cause, " ", t);
  };
  has_tags("caffeine", {"coffee", "espresso"});
  has_tags("nerve-irritation", {"phone", "pillow", "dental"});
  has_tags("medication", {"adhd-meds", "inhaler", "steroids"});
  has_tags("food-triggers", {"aspartame", "msg", "salty"});

  const std::pair<const char*, RemedyKind> remedies[] = {
      {"hydration", RemedyKind::quick},      {"magnesium", RemedyKind::long_term},
      {"facial-yoga", RemedyKind::quick},    {"cold-compress", RemedyKind::quick},
      {"diet", RemedyKind::long_term},       {"caffeine-limit", RemedyKind::long_term},
      {"sleep", RemedyKind::long_term},      {"massage", RemedyKind::long_term},
      {"mouthguard", RemedyKind::long_term}, {"food-diary", RemedyKind::long_term},
      {"blood-work", RemedyKind::medical},   {"nerve-conduction", RemedyKind::medical},
      {"neuro-exam", RemedyKind::medical},   {"botox", RemedyKind::medical},
      {"gabapentin", RemedyKind::medical},   {"physical-therapy", RemedyKind::medical},
  };
  for (const auto& [id, kind] : remedies) {
    const auto* remedy = rules.find_remedy(id);
    REQUIRE_MESSAGE(remedy != nullptr, id);
    CHECK(remedy->kind == kind);
    CHECK_FALSE(remedy->targets.empty());
  }
  CHECK(rules.find_remedy("caffeine-limit")->rating == 5);
  CHECK(rules.find_remedy("diet")->rating == 4);
  CHECK(rules.find_remedy("sleep")->rating == 3);
  CHECK(rules.find_remedy("massage")->rating == 3);
  CHECK(rules.find_remedy("mouthguard")->targets == std::vector<std::string>{"bruxism"});
  CHECK_FALSE(rules.find_remedy("botox")->duration.empty());
}

TEST_CASE("TOML syntax errors give FILE:LINE:COL") {
  CHECK(only_problem("schema = 1\nfoo = = 2\n").starts_with("r.toml:2:7: error: "));
}

TEST_CASE("an empty rule file is an error") {
  CHECK(only_problem("") ==
        "r.toml:1: error: empty rule file: it needs schema = 2, a [triage] table and at least one "
        "[[level]] (start from `twitchlog rules --dump`)");
  CHECK(only_problem("# only a comment\n\n").starts_with("r.toml:1: error: empty rule file"));
}

TEST_CASE("one error per semantic problem, with FILE:LINE and the id") {
  CHECK(only_problem(replaced("level = \"doctor\"", "level = \"urgent\"")) ==
        "r.toml:44: error: red flag \"spreading\": unknown level \"urgent\"; valid: self-care, doctor");
  CHECK(only_problem(replaced("targets = [\"caffeine\"]", "targets = [\"coffee\"]")) ==
        "r.toml:56: error: remedy \"caffeine-limit\": targets unknown cause \"coffee\"; valid: caffeine");
  CHECK(only_problem(kMinimal + "\n[[area]]\nid = \"lower-lip\"\nname = \"Lip\"\n") ==
        "r.toml:64: error: area \"lower-lip\": duplicate id (first at line 29)");
  CHECK(only_problem(replaced("min = 0\nmax = 20", "min = 30\nmax = 20")) ==
        "r.toml:19: error: factor \"caffeine\": min 30 is greater than max 20");
  CHECK(only_problem(replaced("question = \"Has it spread?\"\n", "")) ==
        "r.toml:44:1: error: red flag \"spreading\": missing question");
  CHECK(only_problem(replaced("question = \"Has it spread?\"", "question = \"\"")) ==
        "r.toml:48:12: error: red flag \"spreading\": question is empty");
  CHECK(only_problem(replaced("threshold = 3", "threshold = 25")) ==
        "r.toml:26:13: error: factor \"caffeine\": threshold 25 is outside the factor's range 0 to 20");
  CHECK(only_problem(replaced("risk = \"high\"", "risk = \"up\"")) ==
        "r.toml:27:8: error: factor \"caffeine\": unknown risk \"up\"; valid: high, low");
  CHECK(only_problem(replaced("rating = 5", "rating = 6")) ==
        "r.toml:62:10: error: remedy \"caffeine-limit\": rating = 6 is out of range (1 to 5)");
  CHECK(only_problem(replaced("rating = 5", "ratin = 5")) ==
        "r.toml:62:9: error: remedy \"caffeine-limit\": unknown key \"ratin\"");
  CHECK(only_problem(replaced("min = 0", "min = \"0\"")) ==
        "r.toml:24:7: error: factor \"caffeine\": min must be a number");
  CHECK(only_problem(replaced("min = 0", "min = nan")) ==
        "r.toml:24:7: error: factor \"caffeine\": min must be a finite number");
  CHECK(only_problem(replaced("schema = 2", "schema = 3")) ==
        "r.toml:1:10: error: rule file: schema 3 is not supported by this twitchlog (it reads schema 2)");
  CHECK(only_problem(replaced("schema = 2", "schema = 1"))
            .starts_with("r.toml:1:10: error: rule file: schema 1 is the rule format of twitchlog 0.1, whose red flags "
                         "were unsafe"));
  {
    // The cause's evidence then names a factor that is gone: a second, expected problem.
    const auto all =
        problems(replaced("id = \"caffeine\"\nname = \"Caffeine\"\nunit", "id = \"note\"\nname = \"Caffeine\"\nunit"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].starts_with("r.toml:19: error: factor \"note\": the id note is reserved"));
    CHECK(all[1].starts_with("r.toml:34: error: cause \"caffeine\": evidence names unknown factor \"caffeine\""));
  }
  CHECK(only_problem(replaced("group = \"lips\"", "local = true")) ==
        "r.toml:32:9: error: area \"lower-lip\": local is gone in schema 2; the lips are one place through group = "
        "\"lips\"");
  CHECK(only_problem(replaced("window_days = 30\n",
                              "window_days = 30\n[[combination]]\nid = \"x\"\nname = \"X\"\n"
                              "level = \"doctor\"\nany_of = [\"spreading\"]\nwith = [\"spreading\"]\n"
                              "meaning = \"m\"\n")) ==
        "r.toml:55: error: combination \"x\": level \"doctor\" has no open_hours, so the combination would never end");
  CHECK(only_problem(replaced("level = \"doctor\"\nname = \"Spreading\"",
                              "level = \"doctor\"\naliases = [\"spreading\"]\nname = \"Spreading\"")) ==
        "r.toml:44: error: red flag \"spreading\": alias \"spreading\" is its own id");
  CHECK(only_problem(
            replaced("action = \"Book an appointment.\"", "action = \"Book an appointment.\"\nopen_hours = 24")) ==
        "r.toml:13: error: level \"doctor\": open_hours and then come together (the level a flag is open at once "
        "open_hours have passed)");
  CHECK(only_problem(replaced("window_days = 30\n\n[[remedy]]", "\n[[remedy]]")) ==
        "r.toml:52:1: error: red flag \"spreading\" journal rule: missing window_days");
  CHECK(only_problem(replaced("rule = \"areas\"", "rule = \"areas\"\nmin_runs = 2")) ==
        "r.toml:54:12: error: red flag \"spreading\" journal rule: unknown key \"min_runs\"");
  CHECK(only_problem(replaced("factor = \"caffeine\"", "factor = \"coffee\"")) ==
        "r.toml:34: error: cause \"caffeine\": evidence names unknown factor \"coffee\"; valid: caffeine");
  CHECK(only_problem(replaced("tags = [\"coffee\"]", "tags = [\"Coffee\"]"))
            .starts_with("r.toml:42:9: error: cause \"caffeine\" evidence: every item of tags must be an id"));
  CHECK(only_problem(replaced("kind = \"long-term\"", "kind = \"long-term\"\ncategory = \"diagnostic\"")) ==
        "r.toml:60:12: error: remedy \"caffeine-limit\": category is only for kind = \"medical\"");
  CHECK(only_problem(replaced("kind = \"long-term\"", "kind = \"medical\"")) ==
        "r.toml:56:1: error: remedy \"caffeine-limit\": missing category");
  CHECK(only_problem(replaced("id = \"lower-lip\"", "id = \"Lower Lip\""))
            .starts_with("r.toml:30:6: error: area: id \"Lower Lip\" is not an id"));
  CHECK(only_problem(replaced("name = \"Caffeine\"\nmechanism", "name = \"Caf\\u001bfeine\"\nmechanism")) ==
        "r.toml:36:8: error: cause \"caffeine\": name contains a control character; texts are one line of plain text");
  CHECK(only_problem(replaced("[[level]]\nid = \"self-care\"", "[level]\nid = \"self-care\"")).find("level") !=
        std::string::npos);
  // A file may leave [triage] out: its texts come from the built-in rules.
  CHECK(problems(replaced("[triage]\nemergency_numbers = \"112\"\ndisclaimer = \"Not a diagnosis.\"\n", "")).empty());
}

TEST_CASE("every problem is reported, not just the first") {
  std::string text = replaced("threshold = 3", "threshold = 25");
  const auto pos = text.find("level = \"doctor\"");
  text.replace(pos, 16, "level = \"urgent\"");
  text += "\n[[remedy]]\nid = \"caffeine-limit\"\nname = \"x\"\nkind = \"quick\"\nhow = \"x\"\ntargets = [\"nope\"]\n";
  const auto all = problems(text);
  REQUIRE(all.size() == 4);
  CHECK(all[0].find("threshold 25") != std::string::npos);
  CHECK(all[1].find("duplicate id") != std::string::npos);
  CHECK(all[2].find("unknown level \"urgent\"") != std::string::npos);
  CHECK(all[3].find("targets unknown cause \"nope\"") != std::string::npos);
}

TEST_CASE("rules render as text and as JSON with every field") {
  const RuleSet rules = load_rules(kMinimal, "r.toml");
  const std::string json = render_rules_json(rules);
  for (const char* needle : {"\"id\": \"caffeine\"", "\"threshold\": 3", "\"risk_side\": \"high\"",
                             "\"rule\": \"areas\"", "\"window_days\": 30", "\"targets\": [\n", "\"rating\": 5",
                             "\"onset_days\": null", "\"group\": \"lips\"", "\"frequency\": \"extremely-common\""}) {
    CHECK_MESSAGE(json.find(needle) != std::string::npos, needle);
  }
  const std::string text = render_rules_text(rules);
  CHECK(text.starts_with("Rules: r.toml (schema 2)\n"));
  CHECK(text.find("caffeine       Caffeine: cups/day, 0 to 20; at risk when 3 or more\n") != std::string::npos);
  CHECK(text.find("evidence: average caffeine 3 or more; tags coffee (last 7 days)\n") != std::string::npos);
}
