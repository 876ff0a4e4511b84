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

class ReportCollector : public JournalSink {
 public:
  ReportCollector(const RuleSet& rules, const ReportRequest& request, const Timestamp& now)
      : rules_(rules), request_(request), now_(now), today_(local_timestamp(now.unix_seconds).day()) {}

  void on_entry(const Entry& entry, std::string_view /*raw*/) override {
    if (entry.time.unix_seconds > now_.unix_seconds) return;
    const std::int64_t day = entry.time.day();
    if (!first_day_ || day < *first_day_) first_day_ = day;
    const bool in_range = day >= request_.from && day <= request_.to;
    switch (entry.kind) {
      case Kind::twitch: {
        ++all_days_cursor_[day];
        if (!in_range) break;
        DayFigures& d = days_cursor_[day];
        ++d.episodes;
        for (const Field& field : entry.fields) {  // one pass: keys are unique on a line
          const std::string_view key = field.key;
          if (key_is(key, "severity")) {
            const auto v = parse_small_int(field.value);
            if (v && *v >= 1 && *v <= 5) {
              d.severity_sum += *v;
              ++d.severity_count;
            }
          } else if (key_is(key, "duration")) {
            std::int64_t seconds = 0;
            ParseFailure failure;
            if (parse_duration(field.value, seconds, failure) &&
                !__builtin_add_overflow(d.duration_s, seconds, &seconds)) {
              d.duration_s = seconds;
            }
          } else if (key_is(key, "tags")) {
            for_each_comma_item(field.value, [this](std::string_view tag) {
              if (!is_id(tag)) return;
              if (const auto it = tags_.find(tag); it != tags_.end()) {
                ++it->second;
              } else {
                tags_.emplace(tag, 1);
              }
            });
          }
        }
        break;
      }
      case Kind::checkin: {
        if (!in_range) break;
        for (const auto& field : entry.fields) {
          for (std::size_t i = 0; i < rules_.factors.size(); ++i) {
            const std::string& id = rules_.factors[i].id;  // never empty
            if (id.size() != field.key.size() || id[0] != field.key[0] || id != field.key) continue;
            const auto value = parse_number(field.value);
            if (!value || *value < rules_.factors[i].min || *value > rules_.factors[i].max) continue;
            auto& sums = factor_days_cursor_[day];
            if (sums.empty()) sums.assign(rules_.factors.size(), {0.0, 0});
            sums[i].first += *value;
            ++sums[i].second;
          }
        }
        break;
      }
      case Kind::remedy:
        if (const Field* id = entry.find("id"); id != nullptr && is_id(id->value)) {
          auto [it, fresh] = remedy_first_.try_emplace(std::string(id->value), day);
          if (!fresh) it->second = std::min(it->second, day);
        }
        break;
      case Kind::triage:
      case Kind::note:
      case Kind::visit:
      case Kind::retract:
      case Kind::unknown: break;
    }
  }

  void on_problem(std::uint64_t, std::string_view, const LineProblem&, bool) override {}  // triage keeps them

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
  Timestamp now_;
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

template <typename Scan>
Report run_report(const RuleSet& rules, const ReportRequest& request, const Timestamp& now, const std::string& file,
                  Scan&& scan) {
  Report r;
  r.request = request;
  const Timestamp at = triage_instant(request.to, now);
  TriageCollector triage(rules, at, file);
  ReportCollector collector(rules, request, now);
  FanOutSink both({&triage, &collector});
  const ScanSummary summary = scan(both);
  JournalFindings findings = triage.finish(summary);
  collector.finish(r);
  r.skipped = std::move(findings.skipped);
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
  return run_report(rules, request, now, file, [&](JournalSink& sink) { return scan_journal_text(text, sink); });
}

Report report_journal_file(const std::string& path, const RuleSet& rules, const ReportRequest& request,
                           const Timestamp& now) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 && errno == ENOENT) {
    Report r = report_journal_text("", path, rules, request, now);
    r.missing = true;
    return r;
  }
  return run_report(rules, request, now, path, [&](JournalSink& sink) { return scan_journal_file(path, sink); });
}

}  // namespace twitchlog
