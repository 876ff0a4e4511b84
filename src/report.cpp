#include "twitchlog/report.hpp"

#include "twitchlog/insights.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// What one day of the range holds.
struct DayFigures {
  std::uint64_t episodes = 0;
  double severity_sum = 0;
  std::uint64_t severity_count = 0;
  std::int64_t duration_s = 0;
};

// A factor's check-ins of one day: the sum of the values and how many.
struct FactorDay {
  double sum = 0;
  std::uint64_t count = 0;
};

struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using IdMap = std::unordered_map<std::string, T, IdHash, std::equal_to<>>;

// The first day of the range before it is cut to the journal's first entry.
std::int64_t collected_from(const ReportRequest& q, const RuleSet& rules) {
  return q.from ? *q.from : q.to - rules.report.default_days + 1;
}

class ReportCollector : public EntrySink {
 public:
  ReportCollector(const RuleSet& rules, const ReportRequest& request, const Timestamp& now)
      : rules_(rules),
        from_(collected_from(request, rules)),
        to_(request.to),
        today_(today_of(now)),
        days_(static_cast<std::size_t>(to_ - from_ + 1)),
        known_remedy_first_(rules.remedies.size()) {}

  void restart() override {
    all_days_.clear();
    all_days_cursor_.reset();
    std::fill(days_.begin(), days_.end(), DayFigures{});
    factor_days_.clear();
    std::fill(known_remedy_first_.begin(), known_remedy_first_.end(), std::nullopt);
    unknown_remedy_first_.clear();
    other_remedies_ = 0;
    tags_.clear();
    other_tags_ = 0;
  }

  void on_entry(const TypedEntry& entry) override {
    const std::int64_t day = entry.day;
    const bool in_range = day >= from_ && day <= to_;
    switch (entry.kind) {
      case Kind::twitch: {
        ++all_days_cursor_[day];
        if (!in_range) break;
        DayFigures& d = days_[static_cast<std::size_t>(day - from_)];
        ++d.episodes;
        if (entry.severity) {
          d.severity_sum += *entry.severity;
          ++d.severity_count;
        }
        std::int64_t sum = 0;
        if (entry.duration_s && !__builtin_add_overflow(d.duration_s, *entry.duration_s, &sum)) d.duration_s = sum;
        for (const auto tag : entry.tags) count_tag(tag);
        break;
      }
      case Kind::checkin: {
        if (!in_range || entry.values.empty()) break;
        if (factor_days_.empty()) factor_days_.resize(days_.size() * rules_.factors.size());
        FactorDay* sums = &factor_days_[static_cast<std::size_t>(day - from_) * rules_.factors.size()];
        for (const auto& v : entry.values) {
          sums[v.factor].sum += v.value;
          ++sums[v.factor].count;
        }
        break;
      }
      case Kind::remedy: {
        if (entry.remedy != nullptr) {
          auto& first = known_remedy_first_[static_cast<std::size_t>(entry.remedy - rules_.remedies.data())];
          if (!first || day < *first) first = day;
        } else if (const auto it = unknown_remedy_first_.find(entry.remedy_id); it != unknown_remedy_first_.end()) {
          it->second = std::min(it->second, day);
        } else if (unknown_remedy_first_.size() < kTrackedIds) {
          unknown_remedy_first_.emplace(entry.remedy_id, day);
        } else {
          ++other_remedies_;
        }
        break;
      }
      case Kind::triage:
      case Kind::note:
      case Kind::visit:
      case Kind::retract:
      case Kind::unknown: break;
    }
  }

  void finish(Report& r, const JournalRead& read) {
    r.today = today_;
    r.window = r.request.window.value_or(rules_.report.effect_window_days);
    r.to = to_;
    r.from = from_;
    r.from_is = r.request.from ? RangeStart::asked : RangeStart::default_days;
    if (!r.request.from && read.first_day && *read.first_day > from_ && *read.first_day <= to_) {
      r.from = *read.first_day;
      r.from_is = RangeStart::first_entry;
    }
    r.daily.clear();
    for (std::size_t i = 0; i < days_.size(); ++i) {
      if (days_[i].episodes > 0)
        r.daily.emplace_hint(r.daily.end(), from_ + static_cast<std::int64_t>(i), days_[i].episodes);
    }
    r.totals = figures(r.from, r.to);
    periods(r);
    trend(r, read);
    streak(r);
    factors(r);
    remedies(r, read);
    r.tags.assign(tags_.begin(), tags_.end());
    std::sort(r.tags.begin(), r.tags.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    r.other_tags = other_tags_;
  }

 private:
  void count_tag(std::string_view tag) {
    if (const auto it = tags_.find(tag); it != tags_.end()) {
      ++it->second;
    } else if (tags_.size() < kTrackedIds) {
      tags_.emplace(tag, 1);
    } else {
      ++other_tags_;
    }
  }

  const DayFigures& day_figures(std::int64_t day) const { return days_[static_cast<std::size_t>(day - from_)]; }

  Figures figures(std::int64_t from, std::int64_t to) const {
    Figures f;
    double severity_sum = 0;
    std::uint64_t severity_count = 0;
    for (std::int64_t day = from; day <= to; ++day) {
      const DayFigures& d = day_figures(day);
      f.episodes += d.episodes;
      f.days_with_episodes += d.episodes > 0 ? 1 : 0;
      severity_sum += d.severity_sum;
      severity_count += d.severity_count;
      f.total_duration_s += d.duration_s;
    }
    if (severity_count > 0) f.mean_severity = severity_sum / static_cast<double>(severity_count);
    return f;
  }

  void periods(Report& r) const {
    std::int64_t start = r.from;
    while (start <= r.to) {
      const Date date = date_from_days(start);
      std::int64_t period_start = start;
      std::int64_t period_end = start;
      std::string label;
      switch (r.request.period) {
        case Period::day: label = format_date(date); break;
        case Period::week: {
          const std::int64_t weekday = ((start + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
          period_start = start - weekday;
          period_end = period_start + 6;
          const std::int64_t thursday = period_start + 3;
          const int iso_year = date_from_days(thursday).year;
          const std::int64_t week = (thursday - days_from_date(Date{iso_year, 1, 1})) / 7 + 1;
          label = fmt::format("{:04}-W{:02}", iso_year, week);
          break;
        }
        case Period::month:
          period_start = days_from_date(Date{date.year, date.month, 1});
          period_end = period_start + days_in_month(date.year, date.month) - 1;
          label = fmt::format("{:04}-{:02}", date.year, date.month);
          break;
      }
      PeriodFigures p;
      p.start = std::max(period_start, r.from);
      p.end = std::min(period_end, r.to);
      p.label = std::move(label);
      p.figures = figures(p.start, p.end);
      r.periods.push_back(std::move(p));
      start = period_end + 1;
    }
  }

  // The halves of the days the journal covers in the range: from its first
  // entry's day (or the range's first day) to today (or the range's last).
  void trend(Report& r, const JournalRead& read) const {
    if (!read.first_day) return;
    const std::int64_t first = std::max(r.from, *read.first_day);
    const std::int64_t last = std::min(r.to, today_);
    if (last - first + 1 < 2) return;
    const std::int64_t mid = first + (last - first + 1) / 2;
    Trend t;
    t.first = episode_rate(r.daily, first, mid - 1, first, last);
    t.second = episode_rate(r.daily, mid, last, first, last);
    const double a = t.first.rate.value_or(0);
    const double b = t.second.rate.value_or(0);
    if (a > 0) t.change = (b - a) / a;
    if (a == 0) {
      t.direction = b > 0 ? TrendDirection::up : TrendDirection::about_same;
    } else if (std::fabs(b - a) < rules_.report.trend_band * a) {
      t.direction = TrendDirection::about_same;
    } else {
      t.direction = b > a ? TrendDirection::up : TrendDirection::down;
    }
    r.trend = t;
  }

  void streak(Report& r) const {
    std::uint64_t run = 0;
    std::int64_t previous = 0;
    for (const auto& [day, n] : r.daily) {
      if (day < r.from) continue;
      run = (run > 0 && day == previous + 1) ? run + 1 : 1;
      previous = day;
      if (run > r.longest_streak) {
        r.longest_streak = run;
        r.longest_streak_end = day;
      }
    }
  }

  void factors(Report& r) const {
    const std::size_t n = rules_.factors.size();
    const auto min_days = static_cast<std::uint64_t>(rules_.report.min_factor_days);
    for (std::size_t i = 0; i < n; ++i) {
      FactorFigures f;
      f.factor = &rules_.factors[i];
      std::uint64_t risk_episodes = 0;
      std::uint64_t other_episodes = 0;
      for (std::size_t d = 0; d < factor_days_.size() / std::max<std::size_t>(n, 1); ++d) {
        const FactorDay& sums = factor_days_[d * n + i];
        if (sums.count == 0) continue;
        const double value = sums.sum / static_cast<double>(sums.count);
        const std::uint64_t episodes = days_[d].episodes;
        if (f.factor->at_risk(value)) {
          ++f.risk_days;
          risk_episodes += episodes;
        } else {
          ++f.other_days;
          other_episodes += episodes;
        }
      }
      if (f.risk_days > 0) f.risk_rate = static_cast<double>(risk_episodes) / static_cast<double>(f.risk_days);
      if (f.other_days > 0) f.other_rate = static_cast<double>(other_episodes) / static_cast<double>(f.other_days);
      if (f.risk_rate && f.other_rate && *f.other_rate > 0) f.ratio = *f.risk_rate / *f.other_rate;
      f.enough_data = f.risk_days >= min_days && f.other_days >= min_days;
      f.stands_out = f.enough_data && f.ratio && *f.ratio >= rules_.report.stands_out_ratio;
      r.factors.push_back(f);
    }
  }

  void remedies(Report& r, const JournalRead& read) const {
    const auto add = [&](std::string id, const Remedy* remedy, std::int64_t first) {
      RemedyFigures m;
      m.id = std::move(id);
      m.remedy = remedy;
      const int onset = remedy != nullptr ? remedy->onset_days.value_or(0) : 0;
      m.effect = remedy_effect(all_days_, first, r.window, onset, read.first_day.value_or(today_), today_);
      r.remedies.push_back(std::move(m));
    };
    for (std::size_t i = 0; i < known_remedy_first_.size(); ++i) {
      if (known_remedy_first_[i]) add(rules_.remedies[i].id, &rules_.remedies[i], *known_remedy_first_[i]);
    }
    for (const auto& [id, first] : unknown_remedy_first_) add(id, nullptr, first);
    std::sort(r.remedies.begin(), r.remedies.end(), [](const RemedyFigures& a, const RemedyFigures& b) {
      return a.effect.first_day != b.effect.first_day ? a.effect.first_day < b.effect.first_day : a.id < b.id;
    });
    r.other_remedies = other_remedies_;
  }

  const RuleSet& rules_;
  std::int64_t from_;  // the days collected: the range before it is cut to the first entry
  std::int64_t to_;
  std::int64_t today_;
  DailyEpisodes all_days_;  // the whole journal's twitches by day, for the remedies' before and after
  DayCursor<DailyEpisodes> all_days_cursor_{all_days_};
  std::vector<DayFigures> days_;        // by day of the range
  std::vector<FactorDay> factor_days_;  // by day of the range, then factor (allocated at the first check-in)
  std::vector<std::optional<std::int64_t>> known_remedy_first_;  // by remedy of the rules
  IdMap<std::int64_t> unknown_remedy_first_;                     // at most kTrackedIds
  std::uint64_t other_remedies_ = 0;
  IdMap<std::uint64_t> tags_;  // at most kTrackedIds
  std::uint64_t other_tags_ = 0;
};

// The instant triage looks from: the end of the range's last day, or now if that is earlier.
Timestamp triage_instant(std::int64_t to, const Timestamp& now) {
  const auto end = from_local(date_from_days(to), 23, 59, 59);
  if (!end || end->unix_seconds >= now.unix_seconds) return now;
  return *end;
}

template <typename Read>
Report run_report(const RuleSet& rules, const ReportRequest& request, const Timestamp& now, Read&& read) {
  const std::int64_t from = collected_from(request, rules);
  if (from > request.to || request.to - from >= kMaxRangeDays) {
    throw_usage(fmt::format("a report covers 1 to {} days, not {} to {}", kMaxRangeDays,
                            format_date(date_from_days(from)), format_date(date_from_days(request.to))));
  }
  Report r;
  r.request = request;
  const Timestamp at = triage_instant(request.to, now);
  TriageCollector triage(rules, at);
  ReportCollector collector(rules, request, now);
  DayTable days(rules);  // the statistics look at the whole journal, first entry to today
  DiaryCollector diary(from, request.to);
  EntryFanOut all({&triage, &collector, &days, &diary});
  JournalFindings findings = triage.finish(read(all));
  collector.finish(r, findings.read);
  r.insights = analyse(days, rules, today_of(now));
  r.diary = diary.finish();
  r.triage = assess(rules, findings, {});
  r.read = std::move(findings.read);
  return r;
}

}  // namespace

std::int64_t range_start_for_last(std::string_view text, std::int64_t today) {
  const auto bad = [&] {
    throw_usage(fmt::format("--last: {} is not a length such as 30d, 8w or 6m (days, weeks or months)", quoted(text)));
  };
  if (text.size() < 2) bad();
  const auto n = parse_small_int(text.substr(0, text.size() - 1));
  if (!n || *n < 1 || *n > 100000) bad();
  switch (text.back()) {
    case 'd': return today - *n + 1;
    case 'w': return today - 7 * static_cast<std::int64_t>(*n) + 1;
    case 'm': {
      const Date t = date_from_days(today);
      const std::int64_t months = static_cast<std::int64_t>(t.year) * 12 + (t.month - 1) - *n;
      const int year = static_cast<int>(months / 12);
      const int month = static_cast<int>(months % 12) + 1;
      const int day = std::min(t.day, days_in_month(year, month));
      return days_from_date(Date{year, month, day}) + 1;
    }
    default: bad();
  }
  return today;
}

Report report_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                           const ReportRequest& request, const Timestamp& now) {
  return run_report(rules, request, now,
                    [&](EntrySink& sink) { return read_journal_text(text, file, rules, now, sink); });
}

Report report_journal_file(const std::string& path, const RuleSet& rules, const ReportRequest& request,
                           const Timestamp& now) {
  return run_report(rules, request, now, [&](EntrySink& sink) { return read_journal_file(path, rules, now, sink); });
}

}  // namespace twitchlog
