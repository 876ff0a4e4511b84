// The rule set: care levels, factors, areas, causes, red flags and remedies.
//
// It is loaded from a TOML rule file (man twitchlog-rules(5)); the default
// file, data/rules.toml, is built into the binary. Loading validates
// everything and reports every problem, so a RuleSet that loads is safe for
// every command: all references resolve and all numbers are in range.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/names.hpp"

namespace twitchlog {

/// Which side of a factor's threshold is the risk side.
enum class RiskSide {
  high,  ///< a value at or above the threshold
  low,   ///< a value below the threshold
};

struct Level {
  std::string id, name, meaning, action;
  int rank = 0;  ///< 0 = least urgent
  /// A flag is at this level while its evidence is less than open_hours old,
  /// then open at `then` (then_rank).
  std::optional<int> open_hours;
  std::string then;
  int then_rank = 0;
  /// A flag is open while its evidence's day is within the last open_days
  /// days. Without open_hours and open_days it stays open until a visit.
  std::optional<int> open_days;
  /// A "no" recorded this many days ago or less spares the question; without
  /// it the question is asked on every run.
  std::optional<int> spare_days;
  /// What `advise` shows at this level.
  enum class Advice { full, no_treatments, action_only } advice = Advice::full;
  std::uint32_t line = 0;
};

struct Factor {
  std::string id, name, unit, description;
  std::string per;  ///< the unit of one step in the risk direction, for rate ratios ("cup", "hour less")
  double min = 0, max = 0, threshold = 0;
  bool integer = false;
  RiskSide risk = RiskSide::high;
  std::uint32_t line = 0;

  /// True when `value` is on the risk side of the threshold.
  bool at_risk(double value) const { return risk == RiskSide::high ? value >= threshold : value < threshold; }
};

/// Where an area is: the face or the rest of the body.
enum class Region { face, body };

struct Area {
  std::string id, name;
  Region region = Region::face;
  std::string group;        ///< areas of one group are one place (the lips); empty: a place of its own
  bool is_default = false;  ///< the area of a twitch without `where`
  std::uint32_t line = 0;

  /// The place it counts as for the spreading rule: its group, else its id.
  const std::string& place() const { return group.empty() ? id : group; }
};

/// How common a cause is, most common first.
enum class Frequency { extremely_common, very_common, common, moderately_common, less_common, uncommon };

struct CauseEvidence {
  int window_days = 7;
  std::string factor;  ///< empty: none
  std::vector<std::string> tags;
  int night_from_minute = -1;  ///< -1: no night rule
  int night_to_minute = -1;
  double night_share = 0.5;
  std::string inferred_from;  ///< cause id; empty: direct evidence only
  std::string unless_remedy;
  int unless_remedy_days = 0;
};

struct Cause {
  std::string id, name, mechanism;
  Frequency frequency = Frequency::common;
  std::string frequency_note;
  std::optional<CauseEvidence> evidence;
  std::string source;  ///< where its facts come from
  std::uint32_t line = 0;
};

/// A rule by which a red flag fires from the journal itself (a pattern of
/// the twitch entries after the last visit, open while it holds at "now").
enum class JournalRuleKind {
  none,
  areas,   ///< twitches in min_areas or more places within the last window_days days
  streak,  ///< the run of twitch days holding the latest spans min_span_days, latest within recent_days
  runs,    ///< min_runs or more runs starting within window_days, each min_apart_days after the previous counted
};

struct JournalRule {
  JournalRuleKind kind = JournalRuleKind::none;
  int window_days = 0;     ///< areas, runs
  int min_areas = 0;       ///< areas
  int max_gap_days = 0;    ///< streak, runs: twitch days this close or closer join into one run
  int min_span_days = 0;   ///< streak
  int recent_days = 0;     ///< streak
  int min_runs = 0;        ///< runs
  int min_apart_days = 0;  ///< runs
};

struct RedFlag {
  std::string id, level, name, question, meaning, action;
  int level_rank = 0;
  std::vector<std::string> aliases;  ///< older ids that still name it
  bool onset = false;                ///< a yes is followed by the onset question
  std::vector<std::string> tags;     ///< twitch tags that count as the flag
  JournalRule journal;
  std::string source;
  std::uint32_t line = 0;
};

/// Two groups of red flags that together are more urgent than each alone.
struct Combination {
  std::string id, name, level, meaning, source;
  int level_rank = 0;
  std::vector<std::string> any_of, with;  ///< red-flag ids: one of each, both open and recent
  std::uint32_t line = 0;
};

enum class RemedyKind { quick, long_term, medical };
enum class MedicalCategory { none, diagnostic, treatment };

struct Remedy {
  std::string id, name;
  RemedyKind kind = RemedyKind::quick;
  MedicalCategory category = MedicalCategory::none;
  std::string how;
  std::vector<std::string> targets;
  std::optional<int> rating;
  std::string rating_note;
  std::optional<int> onset_days;
  std::string cost, duration;
  std::string source;
  std::uint32_t line = 0;
};

struct TriageSettings {
  std::string disclaimer;
  std::string emergency_numbers;  ///< what {emergency_numbers} in a text stands for
  std::string onset_question;     ///< asked once per run after an onset flag was answered yes or unsure
  std::string onset_level;        ///< the level a sudden onset gives while it is recent
  int onset_rank = 0;
  std::string notice_level;  ///< `log --flag` prints the care level when it is this or more urgent
};

/// [advise]: how causes are ranked and how many are aimed at.
struct AdviseSettings {
  int likely_causes = 3;         ///< causes the remedies and the plan aim at
  double associated_score = 40;  ///< score of a cause whose factor the statistics call a likely trigger
  double direct_score = 20;      ///< score of a cause the journal points at directly
  double inferred_score = 10;    ///< score of a cause inferred from another
  double excess_cap = 2;         ///< most a factor's distance from its threshold adds
  int in_place_days = 14;        ///< a remedy logged this recently is "in place", not planned
};

/// [report]: the figures of `report` and the before/after of remedies.
struct ReportSettings {
  int default_days = 56;          ///< the default range, ending today
  int effect_window_days = 14;    ///< days before and after a remedy
  int min_factor_days = 3;        ///< fewer days in a factor group: not enough data
  double stands_out_ratio = 1.5;  ///< a factor "stands out" at this ratio or more
  double trend_band = 0.10;       ///< halves within this share of each other are "about the same"
  int top_tags = 8;               ///< tags listed
};

/// [insights]: when the statistics may conclude, and what they call a link.
struct InsightsSettings {
  int min_observed_days = 28;  ///< fewer days in the model: not enough data
  int days_per_term = 10;      ///< observed days needed per model term
  int min_side_days = 7;       ///< days needed on each side of a threshold (or of a remedy's start)
  double confidence = 0.95;    ///< of every interval; 1 - confidence is the (Holm-adjusted) level of a verdict
  double no_link_low = 0.8;    ///< an interval within low..high is "no clear link"
  double no_link_high = 1.25;
  double apart_correlation = 0.8;  ///< estimates correlated beyond this: "can't tell apart"
  int remedy_overlap_days = 14;    ///< remedies started this close: "can't tell apart"
  double min_factor_share = 0.8;   ///< a factor in the model is on at least this share of the check-in days
  int remedy_lead_days = 14;       ///< days before a remedy's first day left out of the model (its run-up)
  double widest_interval = 100;    ///< an interval wider than this (high / low) is no estimate
  int drift_days = 28;             ///< the curve that absorbs slow drift may bend this often
  int max_drift_bends = 12;        ///< at most this many bends (further apart on a long journal)
  int hac_lag_days = 7;            ///< days of correlation the standard errors allow for
  int weekday_min_days = 112;      ///< from this many model days on, each day of the week has its own term
};

/// Where an id (or a settings table) of the rules in force comes from.
enum class Origin {
  builtin,     ///< the built-in rules
  file,        ///< the user's rule file: all of a file without `extends`, or an id that file adds
  overridden,  ///< a built-in id whose keys the user's file (with `extends`) changes
};
struct IdOrigin {
  Origin origin = Origin::builtin;
  std::uint32_t line = 0;         ///< in the user's file; 0 for built-in
  std::vector<std::string> keys;  ///< overridden: the keys the file gives ("evidence.tags"), besides id
};

/// A validated rule set.
struct RuleSet {
  std::string source;  ///< the file it came from, or "<built-in>"
  int schema = 2;
  TriageSettings triage;
  AdviseSettings advise;
  ReportSettings report;
  InsightsSettings insights;
  std::vector<Level> levels;
  std::vector<Factor> factors;
  std::vector<Area> areas;
  std::vector<Cause> causes;
  std::vector<RedFlag> red_flags;
  std::vector<Combination> combinations;
  std::vector<std::size_t> tagged_flags;  ///< indices of the red flags that name tags (the reader checks only these)
  std::vector<Remedy> remedies;
  /// `extends = "builtin"` (rules_extends.cpp): "builtin", and what the file
  /// adds or overrides, by "TABLE ID" ("remedy b12") or by "TABLE" for a
  /// settings table ("report"); what is not there is built in.
  std::string extends;
  std::map<std::string, IdOrigin, std::less<>> origins;

  const Level* find_level(std::string_view id) const;
  const Factor* find_factor(std::string_view id) const;
  const Area* find_area(std::string_view id) const;
  const Cause* find_cause(std::string_view id) const;
  /// By id or by one of its aliases.
  const RedFlag* find_red_flag(std::string_view id) const;
  const Remedy* find_remedy(std::string_view id) const;
  /// The area of a twitch without `where` (never nullptr in a loaded rule set).
  const Area* default_area() const;

  /// The ids of each list, in file order (for "valid choices" messages).
  std::vector<std::string> level_ids() const;
  std::vector<std::string> factor_ids() const;
  std::vector<std::string> area_ids() const;
  std::vector<std::string> cause_ids() const;
  std::vector<std::string> red_flag_ids() const;
  std::vector<std::string> remedy_ids() const;

  /// Where `id` of the list `table` ("remedy", "red_flag", ...; or a settings
  /// table with an empty id) comes from; `line` is the item's line, which is
  /// in the user's file unless it is built in.
  IdOrigin origin_of(std::string_view table, std::string_view id, std::uint32_t line = 0) const;
  /// For a message about an id of the list `table` that these rules lack:
  /// which rules are in force and where to add it ("not in the built-in
  /// rules; to use it, add a [[remedy]] with id = \"b12\" to ...").
  std::string missing_id_hint(std::string_view table, std::string_view id) const;
};

/// The name the built-in rules go by in messages.
inline constexpr std::string_view kBuiltinRulesName = "<built-in>";

/// The text of data/rules.toml as built into the binary.
std::string_view builtin_rules_text();

/// Parses and validates a rule file. Throws a data Error carrying one
/// Diagnostic per problem found (TOML syntax: FILE:LINE:COL; meaning: FILE:LINE).
RuleSet load_rules(std::string_view text, std::string_view source_name);

/// The built-in rules, loaded.
RuleSet load_builtin_rules();

/// Names used in files and output: one table per enum, for reading and printing.
inline constexpr auto kRiskSideNames = make_names<RiskSide>({{RiskSide::high, "high"}, {RiskSide::low, "low"}});
inline constexpr auto kFrequencyNames = make_names<Frequency>({{Frequency::extremely_common, "extremely-common"},
                                                               {Frequency::very_common, "very-common"},
                                                               {Frequency::common, "common"},
                                                               {Frequency::moderately_common, "moderately-common"},
                                                               {Frequency::less_common, "less-common"},
                                                               {Frequency::uncommon, "uncommon"}});
inline constexpr auto kRemedyKindNames = make_names<RemedyKind>(
    {{RemedyKind::quick, "quick"}, {RemedyKind::long_term, "long-term"}, {RemedyKind::medical, "medical"}});
inline constexpr auto kMedicalCategoryNames = make_names<MedicalCategory>(
    {{MedicalCategory::diagnostic, "diagnostic"}, {MedicalCategory::treatment, "treatment"}});
inline constexpr auto kJournalRuleNames = make_names<JournalRuleKind>(
    {{JournalRuleKind::areas, "areas"}, {JournalRuleKind::streak, "streak"}, {JournalRuleKind::runs, "runs"}});
inline constexpr auto kLevelAdviceNames = make_names<Level::Advice>({{Level::Advice::full, "full"},
                                                                     {Level::Advice::no_treatments, "no-treatments"},
                                                                     {Level::Advice::action_only, "action-only"}});
inline constexpr auto kRegionNames = make_names<Region>({{Region::face, "face"}, {Region::body, "body"}});
inline std::string_view risk_side_name(RiskSide side) { return kRiskSideNames.name(side); }
inline std::string_view frequency_name(Frequency frequency) { return kFrequencyNames.name(frequency); }
inline std::string_view remedy_kind_name(RemedyKind kind) { return kRemedyKindNames.name(kind); }
inline std::string_view medical_category_name(MedicalCategory category) { return kMedicalCategoryNames.name(category); }
inline std::string_view journal_rule_name(JournalRuleKind kind) { return kJournalRuleNames.name(kind); }
inline std::string_view region_name(Region region) { return kRegionNames.name(region); }

/// `twitchlog rules` output: a readable listing, and every field as JSON.
std::string render_rules_text(const RuleSet& rules);
std::string render_rules_json(const RuleSet& rules);

}  // namespace twitchlog
