// Reports: episodes per period over a range of days, the trend, the factors
// that go with more twitching, remedies before and after, and the red flags
// at the end of the range.
//
// One streaming pass: memory grows with the number of days and periods, not
// with the number of entries; tags and unknown remedy ids are tracked one by
// one up to kTrackedIds distinct ids, the rest counted together. The report
// holds numbers, ids and days, never sentences; every threshold comes from
// the rules' [report] table. The renderers (text, JSON, CSV/TSV, Markdown)
// word them and all show the same numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "twitchlog/diary.hpp"
#include "twitchlog/insights.hpp"
#include "twitchlog/model.hpp"
#include "twitchlog/names.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/stats.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog {

/// How the range is cut.
enum class Period : std::uint8_t { day, week, month };
inline constexpr auto kPeriodNames =
    make_names<Period>({{Period::day, "day"}, {Period::week, "week"}, {Period::month, "month"}});

/// "day", "week", "month".
inline std::string_view period_name(Period period) { return kPeriodNames.name(period); }

/// What to report on.
struct ReportRequest {
  /// First day (inclusive). Unset: the rules' report.default_days ending at
  /// `to`, but not before the day of the journal's first entry.
  std::optional<std::int64_t> from;
  std::int64_t to = 0;  ///< last day (inclusive)
  Period period = Period::week;
  std::optional<int> window;  ///< days before and after a remedy; unset: the rules' report.effect_window_days
};

/// Where the range starts, and why.
enum class RangeStart : std::uint8_t {
  asked,         ///< --from or --last
  default_days,  ///< the rules' report.default_days before the last day
  first_entry,   ///< the default range, cut to the day of the journal's first entry
};
inline constexpr auto kRangeStartNames = make_names<RangeStart>(
    {{RangeStart::asked, "asked"}, {RangeStart::default_days, "default"}, {RangeStart::first_entry, "first-entry"}});

/// The longest range a report covers: 100 years.
inline constexpr std::int64_t kMaxRangeDays = 36600;

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

/// Which way the twitching went from the first half to the second.
enum class TrendDirection : std::uint8_t { up, down, about_same };
inline constexpr auto kTrendDirectionNames = make_names<TrendDirection>(
    {{TrendDirection::up, "up"}, {TrendDirection::down, "down"}, {TrendDirection::about_same, "about-same"}});

/// The days of the range the journal covers (from its first entry's day, to
/// today at the latest), cut in two halves; the second gets the odd day.
struct Trend {
  EpisodeRate first;   ///< always has a rate (at least one day)
  EpisodeRate second;  ///< always has a rate
  /// (second - first) / first; unset when the first half has no episode.
  std::optional<double> change;
  /// about_same within the rules' report.trend_band of the first half's rate
  /// (and when neither half has an episode); up from none is up.
  TrendDirection direction = TrendDirection::about_same;
};

/// Episodes a day on the days a factor is on its risk side and on the others.
struct FactorFigures {
  const Factor* factor = nullptr;
  std::uint64_t risk_days = 0;
  std::optional<double> risk_rate;
  std::uint64_t other_days = 0;
  std::optional<double> other_rate;
  std::optional<double> ratio;  ///< risk_rate / other_rate
  bool enough_data = false;     ///< at least report.min_factor_days days in each group
  bool stands_out = false;      ///< enough data and a ratio of report.stands_out_ratio or more
};

/// A remedy of the journal, before and after.
struct RemedyFigures {
  std::string id;
  const Remedy* remedy = nullptr;  ///< nullptr for an id the rules do not know
  RemedyEffect effect;
};

/// Distinct tags, and distinct remedy ids the rules do not know, that a
/// report tracks one by one (the first met in the file); beyond them,
/// mentions are only counted (Report::other_tags, other_remedies), so
/// memory stays bounded whatever the journal holds.
inline constexpr std::size_t kTrackedIds = 1000;

/// The report.
struct Report {
  ReportRequest request;  ///< as asked
  std::int64_t from = 0;  ///< the range, resolved (see ReportRequest::from)
  std::int64_t to = 0;
  RangeStart from_is = RangeStart::asked;
  int window = 0;  ///< days before and after a remedy, resolved
  std::int64_t today = 0;
  Figures totals;
  std::vector<PeriodFigures> periods;
  std::optional<Trend> trend;        ///< unset when the journal covers under 2 days of the range
  std::uint64_t longest_streak = 0;  ///< consecutive days with episodes in the range
  std::int64_t longest_streak_end = 0;
  std::vector<FactorFigures> factors;
  std::vector<RemedyFigures> remedies;  ///< by first day, then id
  std::uint64_t other_remedies = 0;     ///< remedy entries of unknown ids beyond the kTrackedIds tracked
  Assessment triage;                    ///< as of the end of the range
  std::vector<std::pair<std::string, std::uint64_t>> tags;  ///< twitch tags in the range, most frequent first
  std::uint64_t other_tags = 0;                             ///< tag mentions of tags beyond the kTrackedIds tracked
  JournalRead read;     ///< the reading: file, missing, diagnostics, first and last day
  Insights insights;    ///< what goes with the twitching (the statistics, whole journal)
  DailyEpisodes daily;  ///< episodes by day, in the range
  Diary diary;          ///< days logged, areas, severities, remedies with doses, notes and visits, in the range

  /// Days in the range.
  std::int64_t days() const { return to - from + 1; }
};

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

/// Text made inert in Markdown: its characters that could start markup
/// (| < > [ ] ` * _ \ & # and the colon of "://") escaped with a backslash,
/// control characters shown as escapes, line breaks too.
std::string markdown_text(std::string_view text);

/// How many remedies the text and Markdown reports list (JSON lists all).
inline constexpr std::size_t kListedRemedies = 20;

}  // namespace twitchlog
