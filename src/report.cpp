#include "twitchlog/report.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <map>
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

class ReportCollector : public EntrySink {
 public:
  ReportCollector(const RuleSet& rules, const ReportRequest& request, const Timestamp& now)
      : rules_(rules), request_(request), today_(today_of(now)) {}

  void restart() override {
    first_day_.reset();
    all_days_.clear();
    days_.clear();
    factor_days_.clear();
    remedy_first_.clear();
    tags_.clear();
    all_days_cursor_.reset();
    days_cursor_.reset();
    factor_days_cursor_.reset();
  }

  void on_entry(const TypedEntry& entry) override {
    const std::int64_t day = entry.day;
    if (!first_day_ || day < *first_day_) first_day_ = day;
    const bool in_range = day >= request_.from && day <= request_.to;
    switch (entry.kind) {
      case Kind::twitch: {
        ++all_days_cursor_[day];
        if (!in_range) break;
        DayFigures& d = days_cursor_[day];
        ++d.episodes;
        if (entry.severity) {
          d.severity_sum += *entry.severity;
          ++d.severity_count;
        }
        std::int64_t sum = 0;
        if (entry.duration_s && !__builtin_add_overflow(d.duration_s, *entry.duration_s, &sum)) d.duration_s = sum;
        for (const auto tag : entry.tags) {
          if (const auto it = tags_.find(tag); it != tags_.end()) {
            ++it->second;
          } else {
            tags_.emplace(tag, 1);
          }
        }
        break;
      }
      case Kind::checkin: {
        if (!in_range || entry.values.empty()) break;
        auto& sums = factor_days_cursor_[day];
        if (sums.empty()) sums.assign(rules_.factors.size(), {0.0, 0});
        for (const auto& v : entry.values) {
          sums[v.factor].first += v.value;
          ++sums[v.factor].second;
        }
        break;
      }
      case Kind::remedy: {
        auto [it, fresh] = remedy_first_.try_emplace(std::string(entry.remedy_id), day);
        if (!fresh) it->second = std::min(it->second, day);
        break;
      }
      case Kind::triage:
      case Kind::note:
      case Kind::visit:
      case Kind::retract:
      case Kind::unknown: break;
    }
  }

  void finish(Report& r) {
    r.today = today_;
    r.daily.clear();
    for (const auto& [day, d] : days_) r.daily.emplace(day, d.episodes);
    r.totals = figures(request_.from, request_.to);
    periods(r);
    streak(r);
    factors(r);
    remedies(r);
    r.tags.assign(tags_.begin(), tags_.end());
    std::sort(r.tags.begin(), r.tags.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
  }

 private:
  Figures figures(std::int64_t from, std::int64_t to) const {
    Figures f;
    double severity_sum = 0;
    std::uint64_t severity_count = 0;
    for (auto it = days_.lower_bound(from); it != days_.end() && it->first <= to; ++it) {
      const DayFigures& d = it->second;
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
    std::int64_t start = request_.from;
    while (start <= request_.to) {
      const Date date = date_from_days(start);
      std::int64_t period_start = start;
      std::int64_t period_end = start;
      std::string label;
      switch (request_.period) {
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
      p.start = std::max(period_start, request_.from);
      p.end = std::min(period_end, request_.to);
      p.label = std::move(label);
      p.figures = figures(p.start, p.end);
      r.periods.push_back(std::move(p));
      start = period_end + 1;
    }
  }

  void streak(Report& r) const {
    std::uint64_t run = 0;
    std::int64_t previous = 0;
    for (const auto& [day, d] : days_) {
      if (d.episodes == 0) continue;
      run = (run > 0 && day == previous + 1) ? run + 1 : 1;
      previous = day;
      if (run > r.longest_streak) {
        r.longest_streak = run;
        r.longest_streak_end = day;
      }
    }
  }

  void factors(Report& r) const {
    for (std::size_t i = 0; i < rules_.factors.size(); ++i) {
      FactorFigures f;
      f.factor = &rules_.factors[i];
      std::uint64_t risk_episodes = 0;
      std::uint64_t other_episodes = 0;
      for (const auto& [day, sums] : factor_days_) {
        if (sums[i].second == 0) continue;
        const double value = sums[i].first / sums[i].second;
        const auto it = days_.find(day);
        const std::uint64_t episodes = it == days_.end() ? 0 : it->second.episodes;
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
      f.enough_data = f.risk_days >= kMinFactorDays && f.other_days >= kMinFactorDays;
      r.factors.push_back(f);
    }
  }

  void remedies(Report& r) const {
    for (const auto& [id, first] : remedy_first_) {
      RemedyFigures m;
      m.id = id;
      m.remedy = rules_.find_remedy(id);
      const int onset = m.remedy != nullptr ? m.remedy->onset_days.value_or(0) : 0;
      m.effect = remedy_effect(all_days_, first, request_.window, onset, first_day_.value_or(today_), today_);
      r.remedies.push_back(std::move(m));
    }
    std::stable_sort(r.remedies.begin(), r.remedies.end(), [](const RemedyFigures& a, const RemedyFigures& b) {
      return a.effect.first_day < b.effect.first_day;
    });
  }

  const RuleSet& rules_;
  ReportRequest request_;
  std::int64_t today_;
  std::optional<std::int64_t> first_day_;
  DailyEpisodes all_days_;
  std::map<std::int64_t, DayFigures> days_;
  std::map<std::int64_t, std::vector<std::pair<double, std::uint64_t>>> factor_days_;
  std::map<std::string, std::int64_t> remedy_first_;
  struct TagHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint64_t, TagHash, std::equal_to<>> tags_;
  DayCursor<DailyEpisodes> all_days_cursor_{all_days_};
  DayCursor<std::map<std::int64_t, DayFigures>> days_cursor_{days_};
  DayCursor<std::map<std::int64_t, std::vector<std::pair<double, std::uint64_t>>>> factor_days_cursor_{factor_days_};
};

// The instant triage looks from: the end of the range's last day, or now if that is earlier.
Timestamp triage_instant(std::int64_t to, const Timestamp& now) {
  const auto end = from_local(date_from_days(to), 23, 59, 59);
  if (!end || end->unix_seconds >= now.unix_seconds) return now;
  return *end;
}

template <typename Read>
Report run_report(const RuleSet& rules, const ReportRequest& request, const Timestamp& now, Read&& read) {
  Report r;
  r.request = request;
  const Timestamp at = triage_instant(request.to, now);
  TriageCollector triage(rules, at);
  ReportCollector collector(rules, request, now);
  EntryFanOut both({&triage, &collector});
  JournalFindings findings = triage.finish(read(both));
  collector.finish(r);
  r.read = findings.read;
  r.triage = assess(rules, findings, {}, at);
  return r;
}

}  // namespace

std::string_view period_name(Period period) {
  switch (period) {
    case Period::day: return "day";
    case Period::week: return "week";
    case Period::month: return "month";
  }
  return "week";
}

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
