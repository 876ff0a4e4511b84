// Triage: the red flags of the rules, from the user's answers and from the
// journal's history, turned into a care level with the reasons.
//
// One streaming pass over the journal gathers, for each red flag, the
// evidence its journal rule and the `flags` fields show (scan_for_triage_*).
// assess() then joins that with the answers; it is pure, and a "no" answer
// never hides what the journal shows. Every number comes from the rules.
// The computations return figures, ids and dates; only the render_*
// functions (triage_render.cpp) put them into words.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
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

/// "yes", "no", "unsure".
std::string_view answer_name(Answer answer);

/// Answers by red-flag id.
using Answers = std::map<std::string, Answer, std::less<>>;

/// Where a piece of evidence comes from.
enum class EvidenceSource { answer, journal };

/// What a piece of evidence is: an answer, a journal rule, or `flags` fields.
enum class EvidenceKind : std::uint8_t {
  answer,               ///< the question answered yes or unsure
  outside_local_areas,  ///< twitches outside the local areas (journal rule)
  streak,               ///< a run of twitch days (journal rule)
  months,               ///< twitches in enough calendar months (journal rule)
  tag,                  ///< twitches with one of the rule's tags (journal rule)
  twitch_flags,         ///< twitch entries naming the flag in `flags`
  triage_flags,         ///< triage entries that answered it yes or unsure
};

/// A calendar month.
struct YearMonth {
  int year = 0;
  int month = 0;  ///< 1 to 12
  bool operator==(const YearMonth&) const = default;
};

/// One reason a red flag fired, in figures; the renderers word it. Which
/// fields hold figures depends on the kind (see each one).
struct Evidence {
  EvidenceKind kind = EvidenceKind::answer;
  Answer answer = Answer::yes;  ///< answer: yes, or unsure (counted as yes)
  /// outside_local_areas, months, tag, twitch_flags, triage_flags: the days
  /// looked back over, today included.
  int window_days = 0;
  /// outside_local_areas and tag: twitches; twitch_flags and triage_flags:
  /// entries; streak: days with twitching; months: months with twitching.
  std::uint64_t count = 0;
  std::vector<std::string> areas;    ///< outside_local_areas: the areas of those twitches, sorted
  std::vector<std::string> tags;     ///< tag: the rule's tags, any one of which counts
  std::vector<YearMonth> months;     ///< months: the months with twitches, ascending
  int min_months = 0;                ///< months: the rule's minimum
  std::int64_t first_day = 0;        ///< streak: its first day (days since 1970-01-01)
  std::int64_t last_day = 0;         ///< streak: its last day, the latest twitch day
  std::int64_t span_days = 0;        ///< streak: first to last day, both included
  int max_gap_days = 0;              ///< streak: the rule's longest gap that still joins
  int min_span_days = 0;             ///< streak: the rule's shortest span that fires
  std::vector<std::uint64_t> lines;  ///< journal lines it rests on, ascending (the first kMaxEvidenceLines)
  std::uint64_t line_count = 0;      ///< how many lines it rests on in all

  /// Where it comes from: the answer or the journal.
  EvidenceSource source() const {
    return kind == EvidenceKind::answer ? EvidenceSource::answer : EvidenceSource::journal;
  }
};

/// How many line numbers one piece of evidence keeps.
inline constexpr std::size_t kMaxEvidenceLines = 50;

/// What one pass over the journal found.
struct JournalFindings {
  JournalRead read;  ///< the reading: file, missing, diagnostics
  /// Journal evidence by red-flag id (only flags that fired from the journal).
  std::map<std::string, std::vector<Evidence>, std::less<>> by_flag;
};

namespace detail {
class TriageScanner;
}

/// Gathers triage's findings line by line, so other readers can share the
/// one pass over the journal (see FanOutSink).
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
/// journal (findings.missing). Throws a data Error when it cannot be read.
JournalFindings scan_for_triage_file(const std::string& path, const RuleSet& rules, const Timestamp& now);

/// A red flag that fired, with every reason.
struct FiredFlag {
  const RedFlag* flag = nullptr;
  bool from_answer = false;        ///< answered yes or unsure
  bool from_journal = false;       ///< the journal shows it
  std::vector<Evidence> evidence;  ///< the answer first, then the journal
};

/// The outcome of triage.
struct Assessment {
  const Level* level = nullptr;            ///< the most urgent level of the fired flags, else the least urgent level
  std::vector<FiredFlag> fired;            ///< most urgent first, rule order within a level
  std::vector<const RedFlag*> unanswered;  ///< not answered and not fired, most urgent first
  Answers answers;
  bool counted_unsure = false;  ///< an "unsure" answer counted as yes
  Timestamp as_of;
};

/// The questions worth asking: flags neither answered nor fired from the
/// journal, most urgent first.
std::vector<const RedFlag*> open_questions(const RuleSet& rules, const JournalFindings& findings,
                                           const Answers& answers);

/// Joins the journal's findings and the answers into a care level.
Assessment assess(const RuleSet& rules, const JournalFindings& findings, const Answers& answers, const Timestamp& now);

/// The journal entry that records a triage with answers: the level, and the
/// flags that fired from answers.
std::string triage_entry(const Assessment& assessment, const Timestamp& now);

/// The exit status of `triage --exit-code`: 0 for the least urgent level,
/// else 9 + its rank (doctor 10, doctor-soon 11, emergency 12 by default).
int exit_status_for(const Assessment& assessment);

/// What the renderers need besides the assessment.
struct TriageView {
  std::string journal;                ///< the journal's name
  bool recorded = false;              ///< a triage entry was appended
  bool color = false;                 ///< ANSI colour (text only)
  const JournalRead* read = nullptr;  ///< the reading, for JSON's warnings
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

}  // namespace twitchlog
