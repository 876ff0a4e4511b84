// Triage: the red flags of the rules, from the user's answers and from the
// journal's history, turned into a care level with the reasons.
//
// One streaming pass over the journal (TriageCollector, an EntrySink) keeps,
// for each red flag, the entries that name it (twitch `flags` and tags,
// triage answers yes/unsure/sudden), the recorded "no" answers, the visits,
// and the twitch days and places its journal patterns need. assess() then
// decides, as of "now", which flags are open and at what level, by the rules
// of default-rules.md, every number taken from the rule set:
//   - an entry's flag is closed by a `visit` later than it;
//   - a flag at a level with open_hours is at that level while its latest
//     open evidence is less than open_hours old, then at the level's `then`;
//     a sudden onset gives [triage] onset_level the same way; a level with
//     open_days keeps a flag open while its evidence's day is within them;
//     any other level keeps it open until a visit;
//   - journal patterns use only the twitches after the last visit and are
//     open while they hold at "now";
//   - combinations are at their level while both parts are open and recent;
//   - a "no", earlier or later, never closes anything; it spares its
//     question for the level's spare_days.
// The computations return figures, ids and instants; only the render_*
// functions (triage_render.cpp) put them into words.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/model.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

class JsonWriter;

/// An answer to a red flag's question.
enum class Answer { yes, no, unsure };

inline constexpr auto kAnswerNames =
    make_names<Answer>({{Answer::yes, "yes"}, {Answer::no, "no"}, {Answer::unsure, "unsure"}});

/// "yes", "no", "unsure".
std::string_view answer_name(Answer answer);

/// Answers by red-flag id (the canonical id, never an alias).
using Answers = std::map<std::string, Answer, std::less<>>;

/// The answers given in one run of triage.
struct RunAnswers {
  Answers answers;
  /// Onset flags whose follow-up ("did it come on suddenly?") was answered
  /// yes or unsure; each is also in `answers` as yes or unsure.
  std::set<std::string, std::less<>> sudden;
  bool empty() const { return answers.empty(); }
};

/// What a piece of evidence is.
enum class EvidenceKind : std::uint8_t {
  answer,          ///< answered yes or unsure in this run
  twitch_flags,    ///< twitch entries naming the flag (in `flags`, or by a tag the flag names)
  triage_answers,  ///< triage entries that answered it yes or unsure
  areas,           ///< journal pattern: twitches in several places
  streak,          ///< journal pattern: a long run of twitch days
  runs,            ///< journal pattern: runs of twitch days that keep coming back
};

/// One entry a flag rests on, to name it and to retract it.
struct EntryRef {
  Timestamp time;  ///< as written
  Kind kind = Kind::unknown;
  std::uint64_t line = 0;
};

/// One reason a red flag is open (or was, before a visit), in figures; the
/// renderers word it. Which fields hold figures depends on the kind.
struct Evidence {
  EvidenceKind kind = EvidenceKind::answer;
  Answer answer = Answer::yes;  ///< answer, triage_answers: yes, or unsure (counted as yes) for the latest
  bool sudden = false;          ///< answer, triage_answers: the onset follow-up was yes or unsure
  /// Entries (twitch_flags, triage_answers): the instants the flag counts
  /// from, of the earliest and the latest entry; answer: now. Patterns: the
  /// start of the first day and the latest twitch.
  Timestamp first, latest;
  /// twitch_flags, triage_answers: entries; areas: places; streak: twitch
  /// days; runs: the runs counted.
  std::uint64_t count = 0;
  bool count_at_least = false;           ///< the count is a lower bound (a journal with very many such entries)
  std::optional<EntryRef> latest_entry;  ///< twitch_flags, triage_answers: the latest entry, to retract
  // Patterns, with the rule's numbers.
  int window_days = 0;                 ///< areas, runs
  int min_count = 0;                   ///< areas: min_areas; runs: min_runs
  std::vector<std::string> areas;      ///< areas: the places, sorted
  std::vector<std::int64_t> run_days;  ///< runs: the first day of each counted run, ascending
  int min_apart_days = 0;              ///< runs
  std::int64_t first_day = 0;          ///< streak: its first day (days since 1970-01-01)
  std::int64_t last_day = 0;           ///< streak: its last day, the latest twitch day
  std::int64_t span_days = 0;          ///< streak: first to last day, both included
  int max_gap_days = 0;                ///< streak, runs
  int min_span_days = 0;               ///< streak
  std::vector<std::uint64_t> lines;    ///< journal lines it rests on, ascending (the first kMaxEvidenceLines)
  std::uint64_t line_count = 0;        ///< how many lines it rests on in all

  bool from_journal() const { return kind != EvidenceKind::answer; }
  bool is_pattern() const {
    return kind == EvidenceKind::areas || kind == EvidenceKind::streak || kind == EvidenceKind::runs;
  }
};

/// How many line numbers one piece of evidence keeps.
inline constexpr std::size_t kMaxEvidenceLines = 50;

namespace detail {
class TriageScanner;
}

/// One entry that names a red flag.
struct FlagRecord {
  Timestamp counts_from;  ///< the instant it counts from (an approx entry: the latest of its day not after now)
  EntryRef entry;
  std::int64_t day = 0;  ///< the day it counts on
  bool sudden = false;   ///< a triage entry's onset follow-up was yes or unsure
  bool unsure = false;   ///< a triage entry answered unsure
};

/// The entries that name one red flag. Very many are thinned to the latest
/// kMaxFlagRecords (after dropping those before the latest visit seen).
struct FlagEntries {
  std::vector<FlagRecord> records;
  std::uint64_t dropped = 0;  ///< records left out, all earlier than the kept ones
  Timestamp dropped_min, dropped_max;
};

/// How many entries per red flag the findings keep.
inline constexpr std::size_t kMaxFlagRecords = 4096;

/// A day with twitches, for the streak and runs patterns.
struct TwitchDay {
  Timestamp latest;  ///< its latest twitch, as counted (see FlagRecord::counts_from)
  std::uint64_t first_line = 0;
};

/// A place the twitching was in, for the areas pattern.
struct PlaceSeen {
  Timestamp latest;  ///< its latest twitch, as counted
  std::int64_t day = 0;
  std::uint64_t line = 0;
};

/// What one pass over the journal found, before "now" and the answers judge it.
struct JournalFindings {
  JournalRead read;  ///< the reading: file, missing, diagnostics
  Timestamp now;
  std::optional<Timestamp> last_visit;  ///< the latest visit (the earliest instant it may stand for), not after now
  std::vector<FlagEntries> flags;       ///< per red flag (index in RuleSet::red_flags)
  std::vector<std::optional<std::int64_t>> no_day;  ///< per red flag: the day of the latest recorded "no"
  std::map<std::int64_t, TwitchDay> twitch_days;
  std::map<std::string, PlaceSeen, std::less<>> places;
};

/// Gathers triage's findings entry by entry, so other readers can share the
/// one pass over the journal (see EntryFanOut).
class TriageCollector : public EntrySink {
 public:
  TriageCollector(const RuleSet& rules, const Timestamp& now);
  ~TriageCollector() override;
  void on_entry(const TypedEntry& entry) override;
  void restart() override;
  /// The findings, once every entry was seen.
  JournalFindings finish(const JournalRead& read);

 private:
  std::unique_ptr<detail::TriageScanner> scanner_;
};

/// Reads a journal held in memory; `file` names it. `now` ends every window;
/// entries after it are ignored.
JournalFindings scan_for_triage_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                     const Timestamp& now);
/// Reads the journal file at `path`, streaming; a missing file is an empty
/// journal (findings.read.missing). Throws a data Error when it cannot be read.
JournalFindings scan_for_triage_file(const std::string& path, const RuleSet& rules, const Timestamp& now);

/// A red flag that is open, with every reason.
struct FiredFlag {
  const RedFlag* flag = nullptr;
  const Level* level = nullptr;  ///< the level it is open at now (may differ from the flag's own)
  bool from_answer = false;      ///< answered yes or unsure in this run
  bool from_journal = false;     ///< the journal shows it (entries or a pattern)
  bool sudden = false;           ///< at the onset level through a sudden onset
  Timestamp since;               ///< the earliest evidence still open
  /// When the level steps down (open_hours), or nullopt.
  std::optional<Timestamp> steps_down_at;
  const Level* steps_down_to = nullptr;
  /// open_days: the last day it stays open; nullopt when it stays open until a visit (or a pattern's end).
  std::optional<std::int64_t> open_until_day;
  std::vector<Evidence> evidence;  ///< the answer first, then the journal
};

/// A combination that is open.
struct FiredCombination {
  const Combination* rule = nullptr;
  const Level* level = nullptr;
  const RedFlag* first = nullptr;   ///< the open flag of any_of
  const RedFlag* second = nullptr;  ///< the open flag of `with`
  Timestamp until;                  ///< when it ends (the older part's open_hours)
};

/// A red flag a visit closed: it would be open without that visit.
struct ClosedFlag {
  const RedFlag* flag = nullptr;
  Timestamp visit;
};

/// A question spared by a recent "no".
struct SparedQuestion {
  const RedFlag* flag = nullptr;
  std::int64_t no_day = 0;
};

/// The outcome of triage.
struct Assessment {
  const Level* level = nullptr;  ///< the most urgent level of what is open, else the least urgent level
  std::vector<FiredFlag> fired;  ///< open flags, most urgent first, rule order within a level
  std::vector<FiredCombination> combinations;
  std::vector<ClosedFlag> closed;
  std::vector<SparedQuestion> spared;
  std::vector<const RedFlag*> unanswered;  ///< neither open, answered in this run nor spared; most urgent first
  RunAnswers answers;                      ///< this run's
  bool counted_unsure = false;             ///< an "unsure" counted as yes
  std::optional<Timestamp> last_visit;
  Timestamp as_of;

  const FiredFlag* find(std::string_view id) const;
};

/// Joins the journal's findings and this run's answers into a care level.
Assessment assess(const RuleSet& rules, const JournalFindings& findings, const RunAnswers& answers);

/// The questions to ask now: none while an emergency is open; else the flags
/// neither open, answered in this run nor spared, most urgent first.
std::vector<const RedFlag*> open_questions(const RuleSet& rules, const Assessment& assessment);

/// The journal entry that records this run's answers (level, yes, no,
/// unsure, sudden); the level is a record of what was shown.
std::string triage_entry(const Assessment& assessment, const Timestamp& now);

/// The exit status of `--exit-code`: 0 for the least urgent level, else 9 +
/// its rank (doctor 10, doctor-soon 11, emergency 12 by default).
int exit_status_for(const Level& level);
inline int exit_status_for(const Assessment& assessment) { return exit_status_for(*assessment.level); }

/// What the renderers need besides the assessment.
struct TriageView {
  std::string journal;                   ///< the journal's name
  bool recorded = false;                 ///< a triage entry was appended
  std::optional<Timestamp> recorded_at;  ///< its timestamp
  bool interrupted = false;              ///< the questions were stopped (q or Ctrl-C)
  bool color = false;                    ///< ANSI colour (text only)
  const JournalRead* read = nullptr;     ///< the reading, for JSON's warnings
};

/// The text report for people.
std::string render_triage_text(const Assessment& assessment, const RuleSet& rules, const TriageView& view);
/// The JSON report for scripts.
std::string render_triage_json(const Assessment& assessment, const RuleSet& rules, const TriageView& view);

/// One piece of evidence in words, as the text report shows it (for the
/// renderers of other commands that list triage's reasons).
std::string evidence_text(const Evidence& evidence);
/// The rule name of a piece of evidence in JSON ("streak", "flags"...; empty for an answer).
std::string_view evidence_rule_name(const Evidence& evidence);
/// One piece of evidence as a JSON object: its figures, its words and its lines.
void write_evidence_json(JsonWriter& json, const Evidence& evidence);
/// Why a flag is open, until when, and what closes it, in words (one line each).
std::vector<std::string> open_flag_notes(const FiredFlag& flag, const TriageView& view);

}  // namespace twitchlog
