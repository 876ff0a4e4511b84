// `twitchlog report` output: text with charts, JSON, CSV/TSV and Markdown,
// all from the same Report.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "twitchlog/json.hpp"
#include "twitchlog/report.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

std::string day_text(std::int64_t day) { return format_date(date_from_days(day)); }

std::string one_decimal(const std::optional<double>& x, std::string_view none = "-") {
  return x ? fmt::format("{:.1f}", *x) : std::string(none);
}

std::string per_day(const Figures& f, std::int64_t days) {
  return days > 0 ? fmt::format("{:.1f}", static_cast<double>(f.episodes) / static_cast<double>(days)) : "0.0";
}

std::int64_t range_days(const ReportRequest& r) { return r.to - r.from + 1; }

// "1 day", "3 days".
std::string days_text(std::uint64_t n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }

std::string risk_text(const Factor& f) {
  return f.risk == RiskSide::high ? fmt::format("{} or more", format_number(f.threshold))
                                  : fmt::format("under {}", format_number(f.threshold));
}

// The heat of a day's count: none, 1, 2-3, 4-6, 7 or more.
std::string_view heat(std::uint64_t n) {
  if (n == 0) return "\u00b7";
  if (n == 1) return "\u2591";
  if (n <= 3) return "\u2592";
  if (n <= 6) return "\u2593";
  return "\u2588";
}

std::string bar(std::uint64_t n, std::uint64_t max, int width) {
  if (max == 0 || n == 0) return "";
  const auto cells = std::max<std::int64_t>(1, std::llround(static_cast<double>(n) * width / static_cast<double>(max)));
  std::string out;
  for (std::int64_t i = 0; i < cells; ++i) out += "\u2588";
  return out;
}

// Episodes a day in the first and second halves of the range.
std::pair<double, double> halves(const Report& r) {
  const std::int64_t days = range_days(r.request);
  const std::int64_t mid = r.request.from + days / 2;
  std::uint64_t first = 0;
  std::uint64_t second = 0;
  for (const auto& [day, n] : r.daily) (day < mid ? first : second) += n;
  const auto a = static_cast<double>(first) / static_cast<double>(std::max<std::int64_t>(1, mid - r.request.from));
  const auto b = static_cast<double>(second) / static_cast<double>(std::max<std::int64_t>(1, r.request.to - mid + 1));
  return {a, b};
}

std::string trend_text(const Report& r) {
  if (range_days(r.request) < 2) return "too short a range for a trend";
  const auto [a, b] = halves(r);
  std::string change;
  if (a == 0 && b == 0) {
    change = "no episodes";
  } else if (a == 0) {
    change = "up from none";
  } else {
    const double pct = (b - a) / a * 100;
    change =
        std::fabs(pct) < 10 ? "about the same" : fmt::format("{} {:.0f}%", pct < 0 ? "down" : "up", std::fabs(pct));
  }
  return fmt::format("{:.1f} episodes a day in the first half, {:.1f} in the second ({})", a, b, change);
}

std::string flags_text(const Report& r) {
  if (r.triage.fired.empty()) return "none";
  std::vector<std::string> ids;
  for (const auto& f : r.triage.fired) ids.push_back(fmt::format("{} ({})", f.flag->id, f.flag->level));
  return join(ids);
}

std::string csv_field(const std::string& text, char separator) {
  if (separator == '\t') return text;  // TSV values never hold tabs or newlines here
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void json_rate(JsonWriter& j, std::string_view key, const std::optional<double>& x) {
  j.key(key);
  if (x) {
    j.value(*x);
  } else {
    j.null();
  }
}

void json_figures(JsonWriter& j, const Figures& f) {
  j.key("episodes").value(static_cast<std::int64_t>(f.episodes));
  j.key("days_with_episodes").value(static_cast<std::int64_t>(f.days_with_episodes));
  json_rate(j, "mean_severity", f.mean_severity);
  j.key("total_duration_s").value(f.total_duration_s);
}

}  // namespace

std::string render_report_text(const Report& r, const RuleSet& rules, bool color) {
  const Paint paint(color);
  const auto bold = [&](const std::string& t) { return paint(Style::bold, t); };
  const ReportRequest& q = r.request;
  std::string out;
  out += bold(fmt::format("Report {} to {} ({} days, by {})", day_text(q.from), day_text(q.to), range_days(q),
                          period_name(q.period))) +
         "\n\n";
  const Figures& t = r.totals;
  out += fmt::format("Episodes: {} on {} of {} days ({} a day); mean severity {}; total duration {}\n", t.episodes,
                     t.days_with_episodes, range_days(q), per_day(t, range_days(q)), one_decimal(t.mean_severity),
                     format_duration(t.total_duration_s));
  out += fmt::format("Longest streak: {} day{}{}\n", r.longest_streak, r.longest_streak == 1 ? "" : "s",
                     r.longest_streak > 0 ? fmt::format(", to {}", day_text(r.longest_streak_end)) : "");
  out += fmt::format("Trend: {}\n", trend_text(r));

  std::uint64_t max = 0;
  for (const auto& p : r.periods) max = std::max(max, p.figures.episodes);
  out += fmt::format("\n{}\n", bold(fmt::format("{:<10}  {:>8}  {:>4}  {:>8}  {:>9}", period_name(q.period), "episodes",
                                                "days", "severity", "duration")));
  for (const auto& p : r.periods) {
    const Figures& f = p.figures;
    std::string row =
        fmt::format("{:<10}  {:>8}  {:>4}  {:>8}  {:>9}  {}", p.label, f.episodes, f.days_with_episodes,
                    one_decimal(f.mean_severity), format_duration(f.total_duration_s), bar(f.episodes, max, 30));
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }

  out +=
      fmt::format("\n{} (\u00b7 none, \u2591 1, \u2592 2-3, \u2593 4-6, \u2588 7 or more a day)\n", bold("Calendar"));
  out += "            Mo Tu We Th Fr Sa Su\n";
  const std::int64_t first_monday = q.from - ((q.from + 3) % 7 + 7) % 7;
  for (std::int64_t week = first_monday; week <= q.to; week += 7) {
    out += fmt::format("{}  ", day_text(week));
    for (std::int64_t day = week; day < week + 7; ++day) {
      if (day < q.from || day > q.to) {
        out += "   ";
        continue;
      }
      const auto it = r.daily.find(day);
      out += fmt::format(" {} ", heat(it == r.daily.end() ? 0 : it->second));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }

  out +=
      fmt::format("\n{} (episodes a day on the days a check-in puts the factor on its risk side, and on the others)\n",
                  bold("Factors"));
  for (const auto& f : r.factors) {
    out +=
        fmt::format("  {:<10} {:<12} risk: {} on {}; other: {} on {}; ratio {}{}\n", printable(f.factor->id),
                    risk_text(*f.factor), one_decimal(f.risk_rate), days_text(f.risk_days), one_decimal(f.other_rate),
                    days_text(f.other_days), one_decimal(f.ratio),
                    f.enough_data ? "" : fmt::format(" (too little data: under {} days in a group)", kMinFactorDays));
  }

  if (!r.tags.empty()) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < r.tags.size() && i < 8; ++i) {
      parts.push_back(fmt::format("{} ({})", printable(r.tags[i].first), r.tags[i].second));
    }
    out += fmt::format("\n{}: {}\n", bold("Tags"), join(parts));
  }

  if (!r.remedies.empty()) {
    out += fmt::format("\n{} (episodes a day in the {} days before and after the effect starts)\n", bold("Remedies"),
                       q.window);
    for (const auto& m : r.remedies) {
      const RemedyEffect& e = m.effect;
      const std::string from = e.onset_days > 0
                                   ? fmt::format(" (counted from {}, {} on)", day_text(e.first_day + e.onset_days),
                                                 days_text(static_cast<std::uint64_t>(e.onset_days)))
                                   : "";
      out += fmt::format("  {:<16} since {}: {} before, {} after{}{}\n", printable(m.id), day_text(e.first_day),
                         one_decimal(e.before.rate, "no day"), one_decimal(e.after.rate, "no day"), from,
                         m.remedy == nullptr ? " (not in the rules)" : "");
    }
  }
  out += fmt::format("\nRed flags on {}: {}; care level {} (see `twitchlog triage`)\n", day_text(r.triage.as_of.day()),
                     flags_text(r), r.triage.level->id);
  out += fmt::format("{}\n", printable(rules.triage.disclaimer));
  return out;
}

std::string render_report_json(const Report& r, const RuleSet& rules) {
  const ReportRequest& q = r.request;
  JsonWriter j;
  j.begin_object();
  j.key("from").value(day_text(q.from));
  j.key("to").value(day_text(q.to));
  j.key("period").value(period_name(q.period));
  j.key("days").value(range_days(q));
  j.key("totals").begin_object();
  json_figures(j, r.totals);
  j.end_object();
  j.key("longest_streak").begin_object();
  j.key("days").value(static_cast<std::int64_t>(r.longest_streak));
  j.key("end");
  if (r.longest_streak > 0) {
    j.value(day_text(r.longest_streak_end));
  } else {
    j.null();
  }
  j.end_object();
  j.key("periods").begin_array();
  for (const auto& p : r.periods) {
    j.begin_object();
    j.key("label").value(p.label);
    j.key("start").value(day_text(p.start));
    j.key("end").value(day_text(p.end));
    json_figures(j, p.figures);
    j.end_object();
  }
  j.end_array();
  j.key("factors").begin_array();
  for (const auto& f : r.factors) {
    j.begin_object();
    j.key("id").value(f.factor->id);
    j.key("threshold").value(f.factor->threshold);
    j.key("risk_side").value(risk_side_name(f.factor->risk));
    j.key("risk_days").value(static_cast<std::int64_t>(f.risk_days));
    json_rate(j, "risk_rate", f.risk_rate);
    j.key("other_days").value(static_cast<std::int64_t>(f.other_days));
    json_rate(j, "other_rate", f.other_rate);
    json_rate(j, "ratio", f.ratio);
    j.key("enough_data").value(f.enough_data);
    j.end_object();
  }
  j.end_array();
  j.key("remedies").begin_array();
  for (const auto& m : r.remedies) {
    const RemedyEffect& e = m.effect;
    j.begin_object();
    j.key("id").value(m.id);
    j.key("known").value(m.remedy != nullptr);
    j.key("first_day").value(day_text(e.first_day));
    j.key("onset_days").value(e.onset_days);
    j.key("window_days").value(e.window);
    json_rate(j, "before_rate", e.before.rate);
    j.key("before_days").value(e.before.days);
    json_rate(j, "after_rate", e.after.rate);
    j.key("after_days").value(e.after.days);
    j.end_object();
  }
  j.end_array();
  j.key("tags").begin_array();
  for (const auto& [tag, n] : r.tags) {
    j.begin_object().key("tag").value(tag).key("episodes").value(static_cast<std::int64_t>(n)).end_object();
  }
  j.end_array();
  j.key("red_flags").begin_object();
  j.key("as_of").value(format_timestamp(r.triage.as_of));
  j.key("level").value(r.triage.level->id);
  j.key("flags").begin_array();
  for (const auto& f : r.triage.fired) {
    j.begin_object().key("id").value(f.flag->id).key("level").value(f.flag->level);
    j.key("evidence").value(f.evidence.empty() ? std::string() : evidence_text(f.evidence.front())).end_object();
  }
  j.end_array();
  j.end_object();
  j.key("warnings").begin_array();
  for (const auto& d : r.read.diagnostics) {
    j.begin_object().key("file").value(d.file).key("line").value(static_cast<std::int64_t>(d.line));
    j.key("column").value(static_cast<std::int64_t>(d.column));
    j.key("severity").value(d.severity == Diagnostic::Severity::error ? "error" : "warning");
    j.key("message").value(d.message).end_object();
  }
  j.end_array();
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.end_object();
  return j.finish();
}

std::string render_report_table(const Report& r, char separator) {
  const std::string sep(1, separator);
  std::string out =
      join({"period", "start", "end", "episodes", "days_with_episodes", "mean_severity", "total_duration_s"}, sep) +
      "\n";
  for (const auto& p : r.periods) {
    const Figures& f = p.figures;
    out += join({csv_field(p.label, separator), day_text(p.start), day_text(p.end), std::to_string(f.episodes),
                 std::to_string(f.days_with_episodes),
                 f.mean_severity ? format_number(std::round(*f.mean_severity * 100) / 100) : "",
                 std::to_string(f.total_duration_s)},
                sep) +
           "\n";  // LF, not RFC 4180's CRLF: what column, awk and spreadsheets on Unix expect
  }
  return out;
}

std::string render_report_markdown(const Report& r, const RuleSet& rules) {
  const ReportRequest& q = r.request;
  const Figures& t = r.totals;
  std::string out = fmt::format("# Lip twitching, {} to {}\n\n", day_text(q.from), day_text(q.to));
  out += fmt::format("- **How often:** {} episodes on {} of {} days ({} a day); longest run {} day{}.\n", t.episodes,
                     t.days_with_episodes, range_days(q), per_day(t, range_days(q)), r.longest_streak,
                     r.longest_streak == 1 ? "" : "s");
  out += fmt::format("- **How strong and how long:** mean severity {} of 5; {} in all.\n",
                     one_decimal(t.mean_severity, "not given"), format_duration(t.total_duration_s));
  out += fmt::format("- **Trend:** {}.\n", trend_text(r));
  out += fmt::format("- **Red flags (twitchlog triage, {}):** {}; care level **{}**.\n\n",
                     day_text(r.triage.as_of.day()), flags_text(r), r.triage.level->id);

  const std::string_view name = period_name(q.period);
  out += fmt::format("## By {}\n\n| {}{} | Episodes | Days | Mean severity | Duration |\n|---|---:|---:|---:|---:|\n",
                     name, static_cast<char>(name[0] - 'a' + 'A'), name.substr(1));
  for (const auto& p : r.periods) {
    const Figures& f = p.figures;
    out += fmt::format("| {} | {} | {} | {} | {} |\n", p.label, f.episodes, f.days_with_episodes,
                       one_decimal(f.mean_severity), format_duration(f.total_duration_s));
  }

  out += "\n## Triggers that stand out\n\n";
  bool any = false;
  for (const auto& f : r.factors) {
    if (!f.enough_data || !f.ratio || *f.ratio < 1.5) continue;
    any = true;
    out += fmt::format("- {} {} {}: {:.1f} episodes a day on {} such days, {:.1f} on {} other days ({:.1f} times).\n",
                       printable(f.factor->id), risk_text(*f.factor), printable(f.factor->unit), *f.risk_rate,
                       f.risk_days, *f.other_rate, f.other_days, *f.ratio);
  }
  if (!any) out += "- No check-in factor stands out with enough data (3 days or more on each side).\n";
  if (!r.tags.empty()) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < r.tags.size() && i < 5; ++i) {
      parts.push_back(fmt::format("{} ({})", printable(r.tags[i].first), r.tags[i].second));
    }
    out += fmt::format("- Most frequent tags on twitches: {}.\n", join(parts));
  }

  out += "\n## Remedies tried\n\n";
  if (r.remedies.empty()) {
    out += "None logged.\n";
  } else {
    out += fmt::format("| Remedy | Since | Episodes a day, {} days before | After (from) |\n|---|---|---:|---|\n",
                       q.window);
    for (const auto& m : r.remedies) {
      const RemedyEffect& e = m.effect;
      out += fmt::format("| {} | {} | {} | {} ({}) |\n", printable(m.remedy ? m.remedy->name : m.id),
                         day_text(e.first_day), one_decimal(e.before.rate, "no day"),
                         one_decimal(e.after.rate, "no day"), day_text(e.first_day + e.onset_days));
    }
  }
  if (!r.triage.fired.empty()) {
    out += fmt::format("\n## Red flags (as of {})\n\n", format_timestamp(r.triage.as_of));
    for (const auto& f : r.triage.fired) {
      out += fmt::format("- **{}** ({}): {}\n", printable(f.flag->name), f.flag->level, printable(f.flag->meaning));
      for (const auto& e : f.evidence) out += fmt::format("  - {}\n", printable(evidence_text(e)));
    }
  }
  out += fmt::format("\n*{}*\n", printable(rules.triage.disclaimer));
  return out;
}

}  // namespace twitchlog
