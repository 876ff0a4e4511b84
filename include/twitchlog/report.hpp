// Reports: episodes per period over a range of days, the factors that go
// with more twitching, remedies before and after, and the red flags at the
// end of the range.
//
// One streaming pass: memory grows with the number of days and periods, not
// with the number of entries. The renderers (text, JSON, CSV/TSV, Markdown)
// all show the same numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/rules.hpp"
#include "twitchlog/stats.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog {

/// How the range is cut.
enum class Period { day, week, month };

/// "day", "week", "month".
std::string_view period_name(Period period);

/// What to report on.
struct ReportRequest {
  std::int64_t from = 0;  ///< first day (inclusive)
  std::int64_t to = 0;    ///< last day (inclusive)
  Period period = Period::week;
  int window = kEffectWindowDays;  ///< days before and after a remedy
};

/// Parses `--last`: Nd, Nw or Nm (N from 1), ending today. Throws a usage Error.
std::int64_t range_start_for_last(std::string_view text, std::int64_t today);

/// Figures of a run of days.
struct Figures {
  std::uint64_t episodes = 0;
  std::uint64_t days_with_episodes = 0;
  std::optional<double> mean_severity;  ///< of the entries that give one
  std::int64_t total_duration_s = 0;
};

/// One period of the range.
struct PeriodFigures {
  std::int64_t start = 0;  ///< clipped to the range
  std::int64_t end = 0;
  std::string label;  ///< 2026-11-24, 2026-W48 or 2026-11
  Figures figures;
};

/// Episodes a day on the days a factor is on its risk side and on the others.
struct FactorFigures {
  const Factor* factor = nullptr;
  std::uint64_t risk_days = 0;
  std::optional<double> risk_rate;
  std::uint64_t other_days = 0;
  std::optional<double> other_rate;
  std::optional<double> ratio;  ///< risk_rate / other_rate
  bool enough_data = false;     ///< at least 3 days in each group
};

/// A remedy of the journal, before and after.
struct RemedyFigures {
  std::string id;
  const Remedy* remedy = nullptr;  ///< nullptr for an id the rules do not know
  RemedyEffect effect;
};

/// The report.
struct Report {
  ReportRequest request;
  std::int64_t today = 0;
  Figures totals;
  std::vector<PeriodFigures> periods;
  std::uint64_t longest_streak = 0;  ///< consecutive days with episodes in the range
  std::int64_t longest_streak_end = 0;
  std::vector<FactorFigures> factors;
  std::vector<RemedyFigures> remedies;
  Assessment triage;                                        ///< as of the end of the range
  std::vector<std::pair<std::string, std::uint64_t>> tags;  ///< twitch tags in the range, most frequent first
  JournalRead read;     ///< the reading: file, missing, diagnostics
  DailyEpisodes daily;  ///< episodes by day, in the range
};

/// Days in a factor group below this are too few to draw a conclusion.
inline constexpr std::uint64_t kMinFactorDays = 3;

/// Reads a journal held in memory and reports; `now` gives today.
Report report_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                           const ReportRequest& request, const Timestamp& now);
/// Reads the journal file at `path`, streaming. A missing file is an empty journal.
Report report_journal_file(const std::string& path, const RuleSet& rules, const ReportRequest& request,
                           const Timestamp& now);

/// The renderers; `color` only for text.
std::string render_report_text(const Report& report, const RuleSet& rules, bool color);
std::string render_report_json(const Report& report, const RuleSet& rules);
/// One row per period with a header; `separator` ',' (RFC 4180 quoting) or '\t'.
std::string render_report_table(const Report& report, char separator);
std::string render_report_markdown(const Report& report, const RuleSet& rules);

}  // namespace twitchlog
