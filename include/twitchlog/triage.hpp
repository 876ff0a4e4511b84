// Triage: the red flags of the rules, from the user's answers and from the
// journal's history, turned into a care level with the reasons.
//
// One streaming pass over the journal gathers, for each red flag, the
// evidence its journal rule and the `flags` fields show (scan_for_triage_*).
// assess() then joins that with the answers; it is pure, and a "no" answer
// never hides what the journal shows. Every number comes from the rules.
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

/// An answer to a red flag's question.
enum class Answer { yes, no, unsure };

/// "yes", "no", "unsure".
std::string_view answer_name(Answer answer);

/// Answers by red-flag id.
using Answers = std::map<std::string, Answer, std::less<>>;

/// Where a piece of evidence comes from.
enum class EvidenceSource { answer, journal };

/// One reason a red flag fired.
struct Evidence {
  EvidenceSource source = EvidenceSource::journal;
  std::string rule;                  ///< the journal rule ("streak", "flags"...), empty for an answer
  std::string text;                  ///< what was seen, in words and figures
  std::vector<std::uint64_t> lines;  ///< journal lines it rests on, ascending (the first kMaxEvidenceLines)
  std::uint64_t line_count = 0;      ///< how many lines it rests on in all
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
  std::string journal;    ///< the journal's name
  bool recorded = false;  ///< a triage entry was appended
  bool color = false;     ///< ANSI colour (text only)
};

/// The text report for people.
std::string render_triage_text(const Assessment& assessment, const RuleSet& rules, const TriageView& view);
/// The JSON report for scripts.
std::string render_triage_json(const Assessment& assessment, const RuleSet& rules, const TriageView& view);

}  // namespace twitchlog
