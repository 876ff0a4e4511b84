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
#include <vector>

#include "twitchlog/rules.hpp"
#include "twitchlog/stats.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog {

/// What the journal holds for the causes: check-ins and twitches of the
/// largest cause window, every day's episodes, and every remedy taken.
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
};

/// Reads a journal held in memory; `file` names it.
AdviceInput scan_for_advice_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                 const Timestamp& now);
/// Reads the journal file at `path`, streaming; a missing file is an empty journal.
AdviceInput scan_for_advice_file(const std::string& path, const RuleSet& rules, const Timestamp& now);

/// How strongly the journal points at a cause.
enum class EvidenceTier { none, inferred, direct };

/// One observation about a cause, in figures.
struct CauseClue {
  std::string kind;     ///< "factor", "tags", "night" or "inferred"
  bool counts = false;  ///< it points at the cause
  double strength = 0;  ///< its part of the score
  std::string text;
};

/// A cause with its place in the ranking.
struct RankedCause {
  const Cause* cause = nullptr;
  EvidenceTier tier = EvidenceTier::none;
  double score = 0;  ///< 10 per tier (direct 20, inferred 10) plus the clues' strength
  std::vector<CauseClue> clues;
};

/// A remedy offered, with what the journal says of it when already tried.
struct RemedyOffer {
  const Remedy* remedy = nullptr;
  std::vector<std::string> for_causes;  ///< the likely causes it targets
  std::optional<RemedyEffect> tried;
  std::optional<std::int64_t> last_day;  ///< the last day it was logged
};

/// One week of the plan.
struct PlanWeek {
  int week = 1;
  std::int64_t start_day = 0;
  const Remedy* remedy = nullptr;
  std::vector<std::string> for_causes;
  std::string log;  ///< what to log to see whether it works
};

/// The advice.
struct Advice {
  Assessment triage;
  std::vector<RankedCause> causes;    ///< most likely first
  std::size_t likely = 0;             ///< how many of the first causes are the likely ones
  bool no_data = false;               ///< nothing logged in the window
  int window_days = 7;                ///< the largest evidence window
  std::vector<RemedyOffer> remedies;  ///< quick, then long-term, then medical (only above self-care)
  bool planned = false;               ///< a plan was asked for
  std::vector<PlanWeek> plan;
  std::vector<const Remedy*> in_place;  ///< left out of the plan: logged in the last 14 days
  Timestamp as_of;
};

/// How many likely causes the remedies and the plan aim at.
inline constexpr std::size_t kLikelyCauses = 3;

/// Ranks the causes and picks the remedies (and the plan, when `plan`).
Advice advise(const RuleSet& rules, const AdviceInput& input, const Timestamp& now, bool plan);

/// The text report for people.
std::string render_advice_text(const Advice& advice, const RuleSet& rules, bool color);
/// The JSON report for scripts.
std::string render_advice_json(const Advice& advice, const RuleSet& rules);

}  // namespace twitchlog
