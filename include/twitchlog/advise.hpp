// Advice: the causes of the rules ranked by what the journal shows, the
// remedies that target the likely ones, the medical options when triage
// says a doctor is needed, and a week-by-week plan.
//
// One pass over the journal feeds both triage's collector and the advice
// collector; advise() is pure and deterministic: the same journal, rules and
// "now" give the same advice.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "twitchlog/insights.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/stats.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog {

/// What the journal holds for the causes: check-ins and twitches of the
/// window (advice_window_days), every day's episodes, and every remedy the
/// rules know that was taken.
struct AdviceFindings {
  struct Checkin {
    std::int64_t day;
    std::size_t factor;  ///< index in RuleSet::factors
    double value;
  };
  struct Twitch {
    std::int64_t day;
    std::optional<int> second_of_day;  ///< local time as written; nullopt when only approximate
    std::vector<std::string> tags;
  };
  struct RemedyUse {
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
    std::uint64_t count = 0;
  };
  std::int64_t today = 0;
  std::optional<std::int64_t> first_day;  ///< the earliest entry's day
  DailyEpisodes daily;
  std::vector<Checkin> checkins;
  std::vector<Twitch> twitches;
  std::map<std::string, RemedyUse, std::less<>> remedies;
};

/// Everything one pass over the journal gives advise.
struct AdviceInput {
  JournalFindings triage;
  AdviceFindings journal;
  Insights insights;  ///< the statistics of the whole journal (insights.hpp)
};

/// Reads a journal held in memory; `file` names it.
AdviceInput scan_for_advice_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                 const Timestamp& now);
/// Reads the journal file at `path`, streaming; a missing file is an empty journal.
AdviceInput scan_for_advice_file(const std::string& path, const RuleSet& rules, const Timestamp& now);

/// How strongly the journal points at a cause.
enum class EvidenceTier {
  none,
  inferred,
  direct,
  associated,  ///< the statistics find the cause's factor a likely trigger in this journal
};

/// A factor's check-ins over the cause's window against its threshold
/// (the unit, threshold and risk side are the factor's, from the rules).
struct FactorClue {
  const Factor* factor = nullptr;
  std::uint64_t checkins = 0;  ///< check-ins with a value of the factor in the window
  std::optional<double> mean;  ///< their average; nullopt without a check-in
  bool at_risk = false;        ///< the mean is on the risk side of the threshold
};

/// Twitches tagged with the cause's tags over its window.
struct TagsClue {
  std::vector<std::string> tags;  ///< the tags the rule looks for, in its order
  std::uint64_t twitches = 0;     ///< twitches with at least one of them
  /// Twitches per tag, the rule's order, tags seen only.
  std::vector<std::pair<std::string, std::uint64_t>> by_tag;
};

/// Twitches of known hour between the rule's night hours over its window.
struct NightClue {
  int from_minute = 0;          ///< minute of the day the night starts (inclusive)
  int to_minute = 0;            ///< and ends (exclusive)
  double share_over = 0.5;      ///< the rule: more than this share of the twitches at night points here
  std::uint64_t night = 0;      ///< twitches between the hours
  std::uint64_t total = 0;      ///< twitches whose hour is known (approx entries are left out)
  std::optional<double> share;  ///< night / total; nullopt without a twitch of known hour
};

/// A cause inferred from another (magnesium from caffeine), unless a remedy was logged recently.
struct InferredClue {
  std::string from;                             ///< the cause it is inferred from
  EvidenceTier from_tier = EvidenceTier::none;  ///< that cause's own tier: direct, or none
  std::string unless_remedy;                    ///< the remedy that stops the inference; empty: none
  int unless_remedy_days = 0;                   ///< logged within this many days
  std::optional<std::int64_t> remedy_day;       ///< its last day when within them (it stops the inference)
};

/// One observation about a cause, in figures; renderers word it.
struct CauseClue {
  bool counts = false;  ///< it points at the cause
  double strength = 0;  ///< its part of the score
  int window_days = 0;  ///< the cause's evidence window
  std::variant<FactorClue, TagsClue, NightClue, InferredClue> figures;
};

/// "factor", "tags", "night" or "inferred": the kind of a clue in every output.
std::string_view clue_kind_name(const CauseClue& clue);

/// A cause with its place in the ranking.
struct RankedCause {
  const Cause* cause = nullptr;
  EvidenceTier tier = EvidenceTier::none;
  /// The statistics' term of the cause's factor (the lag with the larger ratio), when the model was fitted.
  std::optional<TermInsight> association;
  double score = 0;  ///< the tier's score ([advise] direct_score, inferred_score) plus the clues' strength
  std::vector<CauseClue> clues;
};

/// A remedy offered, with what the journal says of it when already tried.
struct RemedyOffer {
  const Remedy* remedy = nullptr;
  std::vector<std::string> for_causes;   ///< the likely causes it targets
  std::optional<RemedyEffect> tried;     ///< the descriptive before/after figures
  std::optional<TermInsight> insight;    ///< what the statistics say of it (report's insights)
  std::optional<std::int64_t> last_day;  ///< the last day it was logged
};

/// One week of the plan.
struct PlanWeek {
  int week = 1;
  std::int64_t start_day = 0;
  const Remedy* remedy = nullptr;
  std::vector<std::string> for_causes;
  /// What to log to see whether it works (besides the remedy and every twitch):
  std::vector<std::string> factors;  ///< the factors of its causes' evidence, by id
  std::vector<std::string> tags;     ///< their tags, in the rules' order
  std::int64_t review_day = 0;       ///< the last day of its after-window: look again with advise after it
};

/// The advice.
struct Advice {
  Assessment triage;
  bool action_only = false;           ///< the level says: only what to do now (no causes, remedies or plan)
  std::vector<RankedCause> causes;    ///< most likely first
  std::size_t likely = 0;             ///< how many of the first causes are the likely ones
  bool no_data = false;               ///< nothing logged in the window
  int window_days = 1;                ///< advice_window_days of the rules
  int effect_window_days = 0;         ///< days compared before and after a remedy ([report])
  std::vector<RemedyOffer> remedies;  ///< quick, then long-term, then medical (only above self-care)
  bool planned = false;               ///< a plan was asked for
  std::vector<PlanWeek> plan;
  std::vector<const Remedy*> in_place;  ///< left out of the plan: logged in the last in_place_days
  int in_place_days = 0;                ///< [advise] in_place_days
  Timestamp as_of;
  JournalRead read;  ///< the reading: its diagnostics go into JSON's warnings
  /// Whether the statistics could rank the causes by this journal; else how many days they have and need.
  bool associated = false;
  std::uint64_t observed_days = 0;
  std::optional<std::uint64_t> needed_days;
};

/// The days advise reads check-ins and twitches of, ending today: the
/// largest evidence window of the rules' causes (1, today only, when no cause has evidence).
int advice_window_days(const RuleSet& rules);

/// Ranks the causes and picks the remedies (and the plan, when `plan`).
Advice advise(const RuleSet& rules, const AdviceInput& input, const Timestamp& now, bool plan);

/// The text report for people.
std::string render_advice_text(const Advice& advice, const RuleSet& rules, bool color);
/// The JSON report for scripts.
std::string render_advice_json(const Advice& advice, const RuleSet& rules);

}  // namespace twitchlog
