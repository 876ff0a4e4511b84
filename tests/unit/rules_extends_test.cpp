// `extends = "builtin"`: a small rule file merged onto the built-in rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "helpers.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/rules.hpp"

using namespace twitchlog;

namespace {

const RuleSet& builtin() {
  static const RuleSet rules = load_builtin_rules();
  return rules;
}

// Every diagnostic of loading `text` as my.toml, rendered; empty when it loads.
std::vector<std::string> problems(const std::string& text) { return test::rule_problems(text, "my.toml"); }

std::string only_problem(const std::string& text) {
  const auto all = problems(text);
  REQUIRE(all.size() == 1);
  return all.front();
}

const std::string kB12 = R"(extends = "builtin"

[[remedy]]
id = "b12"
name = "Vitamin B12"
kind = "long-term"
how = "A B12 supplement, as your doctor says."
targets = ["magnesium"]
)";

}  // namespace

TEST_CASE("extends alone gives the built-in rules, from the user's file") {
  const RuleSet rules = load_rules("extends = \"builtin\"\n", "my.toml");
  CHECK(rules.source == "my.toml");
  CHECK(rules.extends == "builtin");
  CHECK(rules.origins.empty());
  CHECK(rules.remedy_ids() == builtin().remedy_ids());
  CHECK(rules.cause_ids() == builtin().cause_ids());
  CHECK(rules.red_flag_ids() == builtin().red_flag_ids());
  CHECK(rules.report.default_days == builtin().report.default_days);
  CHECK(rules.triage.disclaimer == builtin().triage.disclaimer);
  CHECK(rules.origin_of("remedy", "magnesium").origin == Origin::builtin);
}

TEST_CASE("a new id is appended, complete, and marked as the user's") {
  const RuleSet rules = load_rules(kB12, "my.toml");
  auto ids = builtin().remedy_ids();
  ids.push_back("b12");
  CHECK(rules.remedy_ids() == ids);
  const Remedy* b12 = rules.find_remedy("b12");
  REQUIRE(b12 != nullptr);
  CHECK(b12->name == "Vitamin B12");
  CHECK(b12->targets == std::vector<std::string>{"magnesium"});
  CHECK(b12->line == 3);
  const IdOrigin origin = rules.origin_of("remedy", "b12");
  CHECK(origin.origin == Origin::file);
  CHECK(origin.line == 3);
  CHECK(rules.origin_of("remedy", "magnesium").origin == Origin::builtin);
}

TEST_CASE("a known id takes the keys given, keeps the others and its place") {
  const RuleSet rules = load_rules(R"(extends = "builtin"
[[factor]]
id = "caffeine"
threshold = 4

[report]
default_days = 28
)",
                                   "my.toml");
  const Factor* caffeine = rules.find_factor("caffeine");
  const Factor* original = builtin().find_factor("caffeine");
  REQUIRE(caffeine != nullptr);
  CHECK(caffeine->threshold == 4);
  CHECK(original->threshold != 4);
  CHECK(caffeine->name == original->name);
  CHECK(caffeine->unit == original->unit);
  CHECK(caffeine->max == original->max);
  CHECK(caffeine->line == 2);  // the user's [[factor]]
  CHECK(rules.factor_ids() == builtin().factor_ids());
  CHECK(rules.report.default_days == 28);
  CHECK(rules.report.top_tags == builtin().report.top_tags);
  const IdOrigin factor = rules.origin_of("factor", "caffeine");
  CHECK(factor.origin == Origin::overridden);
  CHECK(factor.keys == std::vector<std::string>{"threshold"});
  const IdOrigin report = rules.origin_of("report", "");
  CHECK(report.origin == Origin::overridden);
  CHECK(report.line == 6);
  CHECK(report.keys == std::vector<std::string>{"default_days"});
}

TEST_CASE("a list value replaces the built-in list; KEY.add and KEY.remove edit it") {
  const auto tags = [](const std::string& evidence) {
    const RuleSet rules =
        load_rules("extends = \"builtin\"\n[[cause]]\nid = \"caffeine\"\n[cause.evidence]\n" + evidence, "my.toml");
    return rules.find_cause("caffeine")->evidence->tags;
  };
  auto builtin_tags = builtin().find_cause("caffeine")->evidence->tags;
  REQUIRE(builtin_tags.size() > 2);
  CHECK(tags("tags = [\"matcha\"]\n") == std::vector<std::string>{"matcha"});
  auto added = builtin_tags;
  added.push_back("matcha");
  CHECK(tags("tags.add = [\"matcha\"]\n") == added);
  CHECK(tags("tags.add = [\"matcha\", \"" + builtin_tags[0] + "\"]\n") == added);  // no twice
  auto removed = builtin_tags;
  removed.erase(removed.begin());
  removed.push_back("matcha");
  CHECK(tags("tags.remove = [\"" + builtin_tags[0] + "\"]\ntags.add = [\"matcha\"]\n") == removed);
}

TEST_CASE("a nested table is merged key by key") {
  const RuleSet rules = load_rules(R"(extends = "builtin"
[[cause]]
id = "caffeine"
name = "Coffee and tea"
[cause.evidence]
window_days = 14
)",
                                   "my.toml");
  const Cause* cause = rules.find_cause("caffeine");
  const Cause* original = builtin().find_cause("caffeine");
  REQUIRE(cause->evidence);
  CHECK(cause->name == "Coffee and tea");
  CHECK(cause->mechanism == original->mechanism);
  CHECK(cause->evidence->window_days == 14);
  CHECK(cause->evidence->factor == original->evidence->factor);
  CHECK(cause->evidence->tags == original->evidence->tags);
  CHECK(rules.origin_of("cause", "caffeine").keys == std::vector<std::string>{"evidence.window_days", "name"});
}

TEST_CASE("a remedy made non-medical leaves the built-in category out") {
  const Remedy* original = nullptr;
  for (const auto& m : builtin().remedies) {
    if (m.kind == RemedyKind::medical && original == nullptr) original = &m;
  }
  REQUIRE(original != nullptr);
  const RuleSet rules =
      load_rules("extends = \"builtin\"\n[[remedy]]\nid = \"" + original->id + "\"\nkind = \"quick\"\n", "my.toml");
  CHECK(rules.find_remedy(original->id)->kind == RemedyKind::quick);
  CHECK(rules.find_remedy(original->id)->category == MedicalCategory::none);
  CHECK(rules.find_remedy(original->id)->how == original->how);
}

TEST_CASE("a journal rule of another kind replaces the built-in one") {
  const RuleSet rules = load_rules(R"(extends = "builtin"
[[red_flag]]
id = "spreading"
[red_flag.journal]
rule = "streak"
max_gap_days = 2
min_span_days = 10
recent_days = 3
)",
                                   "my.toml");
  const RedFlag* flag = rules.find_red_flag("spreading");
  CHECK(flag->journal.kind == JournalRuleKind::streak);
  CHECK(flag->journal.min_span_days == 10);
  CHECK(flag->journal.window_days == 0);  // the built-in areas rule's window is gone with it
  CHECK(flag->question == builtin().find_red_flag("spreading")->question);
}

TEST_CASE("problems of what the user wrote name the user's FILE:LINE:COL") {
  // An edited list that ends up empty, at the user's edit.
  CHECK(only_problem("extends = \"builtin\"\n[[remedy]]\nid = \"magnesium\"\ntargets.remove = [\"magnesium\"]\n") ==
        "my.toml:4:18: error: remedy \"magnesium\": targets is empty");
  // A new remedy that targets a cause that does not exist.
  CHECK(only_problem(kB12 + "\n[[remedy]]\nid = \"zinc\"\nname = \"Zinc\"\nkind = \"quick\"\nhow = \"x\"\ntargets "
                            "= [\"zinc-deficiency\"]\n")
            .starts_with("my.toml:10: error: remedy \"zinc\": targets unknown cause \"zinc-deficiency\"; valid: "));
  // A new id must be complete: its missing keys, at its table.
  CHECK(only_problem("extends = \"builtin\"\n\n[[remedy]]\nid = \"magnesum\"\nname = \"typo\"\nkind = \"quick\"\n"
                     "targets = [\"magnesium\"]\n") == "my.toml:3:1: error: remedy \"magnesum\": missing how");
  // An overridden value out of range, at the key the user wrote.
  CHECK(only_problem("extends = \"builtin\"\n[[factor]]\nid = \"caffeine\"\nthreshold = 99\n")
            .starts_with("my.toml:4:13: error: factor \"caffeine\": threshold 99 is outside the factor's range"));
  CHECK(only_problem("extends = \"builtin\"\n[report]\ntrend_band = 5\n") ==
        "my.toml:2:1: error: [report]: trend_band = 5 is out of range (0 to 1)");
  CHECK(only_problem("extends = \"builtin\"\n[report]\ndefault_dayz = 5\n") ==
        "my.toml:3:16: error: [report]: unknown key \"default_dayz\"");
  CHECK(only_problem("extends = \"builtin\"\n[[cause]]\nid = \"caffeine\"\n[cause.evidence]\ntags = [\"Matcha\"]\n")
            .starts_with("my.toml:5:9: error: cause \"caffeine\" evidence: every item of tags must be an id"));
  CHECK(only_problem("extends = \"builtin\"\n[[cause]]\nid = \"caffeine\"\n[cause.evidence]\ntags.add = [\"Matcha\"]\n")
            .starts_with("my.toml:5:13: error: cause \"caffeine\" evidence: every item of tags must be an id"));
}

TEST_CASE("conflicts of the merge itself are clear, at the user's place") {
  CHECK(only_problem("extends = \"default\"\n") ==
        "my.toml:1:11: error: rule file: extends = \"default\" is not a rule set this twitchlog knows; valid: "
        "\"builtin\" (the built-in rules, as `twitchlog rules --dump` prints them)");
  CHECK(only_problem("schema = 3\nextends = \"builtin\"\n") ==
        "my.toml:1:10: error: rule file: schema = 3 differs from the built-in rules' schema 2; a file with extends = "
        "\"builtin\" has theirs: leave schema out (or write schema = 2)");
  CHECK(problems("schema = 2\nextends = \"builtin\"\n").empty());
  CHECK(only_problem("extends = \"builtin\"\n[[remedy]]\nname = \"B12\"\n") ==
        "my.toml:2:1: error: [[remedy]] without an id: in a file with extends, each [[remedy]] names the id it adds "
        "or changes (id = \"...\")");
  CHECK(only_problem("extends = \"builtin\"\n[[remedy]]\nid = 12\n") ==
        "my.toml:3:6: error: remedy: id must be a string (id = \"...\")");
  CHECK(only_problem(kB12 + "[[remedy]]\nid = \"b12\"\nname = \"again\"\n") ==
        "my.toml:9:1: error: remedy \"b12\": duplicate id (first at line 3)");
  CHECK(only_problem("extends = \"builtin\"\n[[cause]]\nid = \"caffeine\"\nname.add = [\"x\"]\n") ==
        "my.toml:4:1: error: cause \"caffeine\": name.add and name.remove edit a list, and the built-in name is not a "
        "list; write name = VALUE to replace it");
  CHECK(only_problem("extends = \"builtin\"\n[[cause]]\nid = \"caffeine\"\n[cause.evidence]\ntags.remove = "
                     "[\"matcha\"]\n")
            .starts_with("my.toml:5:16: error: cause \"caffeine\" evidence: tags.remove: \"matcha\" is not in the "
                         "built-in list (it has \"coffee\", "));
}

TEST_CASE("a problem the user's change causes in a built-in entry names the built-in rules") {
  // A new red flag with the id that is a built-in flag's alias: the built-in flag's alias clashes, in <built-in>.
  const auto all = problems(
      "extends = \"builtin\"\n[[red_flag]]\nid = \"sudden-droop\"\nlevel = \"doctor\"\nname = \"x\"\n"
      "question = \"x?\"\nmeaning = \"x\"\naction = \"x\"\n");
  REQUIRE(all.size() == 1);
  CHECK(std::regex_match(all[0], std::regex("<built-in>:[0-9]+: error: red flag \"stroke-signs\": alias "
                                            "\"sudden-droop\" is the id of another red flag")));
  // A change within the user's own entry names the user's file.
  CHECK(only_problem("extends = \"builtin\"\n[[level]]\nid = \"doctor-soon\"\nthen = \"doctor\"\n")
            .starts_with("my.toml:2: error: level \"doctor-soon\": open_hours and then come together"));
}

TEST_CASE("which rules an unknown id would need") {
  CHECK(builtin().missing_id_hint("remedy", "b12") ==
        "not in the built-in rules (no rule file of yours is in force); to use it, add an entry [[remedy]] with id = "
        "\"b12\" "
        "to a rule file that starts with extends = \"builtin\" (twitchlog-rules(5))");
  CHECK(load_rules(kB12, "my.toml").missing_id_hint("remedy", "zinc") ==
        "not in the built-in rules nor in my.toml, which extends them; add an entry [[remedy]] with id = \"zinc\" to "
        "my.toml");
  RuleSet full = builtin();
  full.source = "full.toml";
  CHECK(
      full.missing_id_hint("area", "nose") ==
      "not in full.toml, the rules in force (a full rule file, not extending the built-in ones); add an entry [[area]] "
      "with id = \"nose\" to it");
  CHECK(full.origin_of("area", "jaw", 12).origin == Origin::file);
  CHECK(full.origin_of("area", "jaw", 12).line == 12);
}
