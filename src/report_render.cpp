// `twitchlog report` output: text with charts, JSON, CSV/TSV and Markdown,
// all from the same Report.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report_words.hpp"
#include "twitchlog/export.hpp"
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

// The trend in words: "1.1 episodes a day in the first half, 0.5 in the second (down 54%)".
std::string trend_text(const Report& r) {
  if (!r.trend) return "too few days in the journal for a trend";
  const Trend& t = *r.trend;
  const double a = *t.first.rate;
  const double b = *t.second.rate;
  std::string change;
  if (a == 0 && b == 0) {
    change = "no episodes";
  } else if (!t.change) {
    change = "up from none";
  } else if (t.direction == TrendDirection::about_same) {
    change = "about the same";
  } else {
    change = fmt::format("{} {:.0f}%", t.direction == TrendDirection::down ? "down" : "up", std::fabs(*t.change) * 100);
  }
  return fmt::format("{:.1f} episodes a day in the first half, {:.1f} in the second ({})", a, b, change);
}

// " from the first entry" when the default range was cut to it.
std::string_view range_note(const Report& r) {
  return r.from_is == RangeStart::first_entry ? " from the first entry" : "";
}

// "coffee (6), late (2)", the rules' top_tags most frequent, "and 3 more" for the rest.
template <typename Word>
std::string tags_text(const Report& r, const RuleSet& rules, Word&& word) {
  const auto shown = std::min(r.tags.size(), static_cast<std::size_t>(rules.report.top_tags));
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < shown; ++i)
    parts.push_back(fmt::format("{} ({})", word(r.tags[i].first), r.tags[i].second));
  std::string out = join(parts);
  const std::size_t more = r.tags.size() - shown;
  if (more > 0) out += fmt::format(" and {} more tag{}", more, more == 1 ? "" : "s");
  if (r.other_tags > 0) out += fmt::format(" (and {} mentions of further tags, not tracked one by one)", r.other_tags);
  return out;
}

// "… and 3 more remedies (all in --format json)", or "".
std::string more_remedies_text(const Report& r, std::size_t shown) {
  const std::size_t more = r.remedies.size() - shown;
  std::string out;
  if (more > 0) out += fmt::format("{} more remed{} (all in --format json)", more, more == 1 ? "y" : "ies");
  if (r.other_remedies > 0) {
    out += fmt::format("{}{} entr{} of further unknown remedy ids, not tracked one by one", out.empty() ? "" : "; ",
                       r.other_remedies, r.other_remedies == 1 ? "y" : "ies");
  }
  return out;
}

void json_rate_window(JsonWriter& j, const EpisodeRate& e) {
  j.begin_object();
  j.key("from").value(format_date(date_from_days(e.first_day)));
  j.key("to").value(format_date(date_from_days(e.last_day)));
  j.key("days").value(e.days);
  j.key("episodes").value(static_cast<std::int64_t>(e.episodes));
  j.key("rate");
  if (e.rate) {
    j.value(*e.rate);
  } else {
    j.null();
  }
  j.end_object();
}

std::string flags_text(const Report& r) {
  if (r.triage.fired.empty()) return "none";
  std::vector<std::string> ids;
  for (const auto& f : r.triage.fired) ids.push_back(fmt::format("{} ({})", f.flag->id, f.level->id));
  return join(ids);
}

std::string csv_field(const std::string& text, char separator) {
  if (separator == '\t') return text;  // TSV values never hold tabs or newlines here
  return csv_cell(text);
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

// --- what goes with the twitching (the insights) ------------------------------

// A rate ratio rounded for JSON (4 decimals), or null.
void json_ratio(JsonWriter& j, std::string_view key, const std::optional<double>& x) {
  j.key(key);
  if (x) {
    j.value(std::round(*x * 10000) / 10000);
  } else {
    j.null();
  }
}

void json_term(JsonWriter& j, const TermInsight& t) {
  json_ratio(j, "rate_ratio", t.rate_ratio);
  json_ratio(j, "ci_low", t.ci_low);
  json_ratio(j, "ci_high", t.ci_high);
  j.key("verdict").value(kVerdictNames.name(t.verdict));
  j.key("with").value(t.with);
  if (t.joint_rate_ratio) {
    j.key("joint").begin_object();
    json_ratio(j, "rate_ratio", t.joint_rate_ratio);
    json_ratio(j, "ci_low", t.joint_ci_low);
    json_ratio(j, "ci_high", t.joint_ci_high);
    j.end_object();
  }
  if (t.zero_side_bound) {
    j.key("zero_side").begin_object();
    j.key("side").value(t.zero_on_risk_side ? "risk" : "other");
    json_ratio(j, "rate_ratio_below", t.zero_side_bound);
    j.end_object();
  }
  json_ratio(j, "p_adjusted", t.p_adjusted);
}

void json_insights(JsonWriter& j, const Insights& in, const RuleSet& rules) {
  j.key("insights").begin_object();
  j.key("observed_days").value(static_cast<std::int64_t>(in.observed_days));
  j.key("unobserved_days").value(static_cast<std::int64_t>(in.unobserved_days));
  j.key("run_up_days").value(static_cast<std::int64_t>(in.run_up_days));
  j.key("checkin_days").value(static_cast<std::int64_t>(in.checkin_days));
  j.key("day_before_in_model").value(in.day_before_in_model);
  j.key("no_twitches").value(in.no_twitches);
  j.key("factors_left_out").begin_array();
  for (const auto& [id, days] : in.factors_left_out) {
    j.begin_object().key("id").value(id).key("checkin_days").value(static_cast<std::int64_t>(days)).end_object();
  }
  j.end_array();
  json_ratio(j, "unobserved_rate", in.unobserved_rate);
  json_ratio(j, "observed_rate", in.observed_rate);
  j.key("model");
  if (in.fitted) {
    j.begin_object();
    j.key("family").value(in.negative_binomial ? "negative-binomial" : "poisson");
    json_ratio(j, "theta", in.negative_binomial ? std::optional<double>(in.theta) : std::nullopt);
    j.key("days").value(static_cast<std::int64_t>(in.model_days));
    j.key("terms").value(static_cast<std::int64_t>(in.terms));
    j.key("converged").value(in.converged);
    j.end_object();
  } else {
    j.null();
  }
  j.key("needed_days");
  if (in.needed_days) {
    j.value(static_cast<std::int64_t>(*in.needed_days));
  } else {
    j.null();
  }
  j.key("confidence").value(rules.insights.confidence);
  j.key("factors").begin_array();
  for (const auto& t : in.factors) {
    const Factor* f = rules.find_factor(t.id);
    j.begin_object().key("id").value(t.id).key("lag").value(t.lag).key("per").value(f != nullptr ? f->per : "");
    json_term(j, t);
    j.key("days_risk_side").value(static_cast<std::int64_t>(t.days_risk_side));
    j.key("days_other_side").value(static_cast<std::int64_t>(t.days_other_side));
    j.end_object();
  }
  j.end_array();
  j.key("remedies").begin_array();
  for (const auto& t : in.remedies) {
    j.begin_object().key("id").value(t.id).key("from").value(t.from ? day_text(*t.from) : "");
    json_term(j, t);
    j.key("days_on").value(static_cast<std::int64_t>(t.days_risk_side));
    j.key("days_off").value(static_cast<std::int64_t>(t.days_other_side));
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

std::string ratio_text(const std::optional<double>& rr, const std::optional<double>& lo,
                       const std::optional<double>& hi) {
  if (!rr) return "no estimate";
  return fmt::format("{:.2f}x [{:.2f} to {:.2f}]", *rr, *lo, *hi);
}

// "What goes with your twitching": the same for text and Markdown, through `esc`.
template <typename Esc>
std::string insights_lines(const Insights& in, const RuleSet& rules, Esc&& esc, std::string_view bullet) {
  std::string out;
  const auto pct = static_cast<int>(std::lround(rules.insights.confidence * 100));
  out += fmt::format("{}{} day{} with a complete check-in ({}); {} other day{}", bullet, in.observed_days,
                     in.observed_days == 1 ? "" : "s",
                     in.day_before_in_model ? "today's and yesterday's" : "the day's own", in.unobserved_days,
                     in.unobserved_days == 1 ? "" : "s");
  if (in.unobserved_rate) out += fmt::format(", {:.1f} twitches a day on them (left out)", *in.unobserved_rate);
  out += ".\n";
  if (!in.factors_left_out.empty()) {
    std::vector<std::string> parts;
    for (const auto& [id, days] : in.factors_left_out) parts.push_back(fmt::format("{} (on {})", esc(id), days));
    out += fmt::format(
        "{}Not in the model, given on too few of the {} days with a check-in (it takes {:.0f}% of them): {}.\n", bullet,
        in.checkin_days, rules.insights.min_factor_share * 100, join(parts));
  }
  if (in.run_up_days > 0) {
    out += fmt::format(
        "{}{} of the days with a check-in were the run-up to a remedy (the {} days before you first took it, "
        "and its onset), also left out: the bad spell that makes you start a remedy would look like its "
        "effect.\n",
        bullet, in.run_up_days, rules.insights.remedy_lead_days);
  }
  if (!in.day_before_in_model) {
    out += fmt::format(
        "{}Fewer than half of the days with a check-in follow a day with one, so the day before is not in the "
        "model.\n",
        bullet);
  }
  if (in.no_twitches) {
    out += fmt::format("{}Not one twitch on the {} days in the model: nothing yet to relate the factors to.\n", bullet,
                       in.model_days);
    return out;
  }
  if (in.fitted && !in.converged) {
    out += fmt::format("{}The model did not settle on these days, so it gives no estimates.\n", bullet);
  }
  if (!in.fitted) {
    out += fmt::format(
        "{}Not enough data to tell what goes with your twitching: about {} such days are needed. "
        "Until then advise shows common causes in general, not yours.\n",
        bullet, in.needed_days.value_or(0));
    return out;
  }
  out += fmt::format("{}Rate ratios with {}% intervals, from a {} model of your daily twitches:\n", bullet, pct,
                     in.negative_binomial ? "negative binomial" : "Poisson");
  for (const auto& t : in.factors) {
    if (t.verdict == Verdict::not_enough_data && !t.rate_ratio) continue;
    const Factor* f = rules.find_factor(t.id);
    std::string line = fmt::format("{}  {}{}, per {}: ", bullet, esc(t.id), t.lag == 1 ? " the day before" : "",
                                   esc(f != nullptr ? f->per : ""));
    line += ratio_text(t.rate_ratio, t.ci_low, t.ci_high);
    if (t.zero_side_bound && t.zero_on_risk_side) {
      line += fmt::format("; no twitch on the {} days on its risk side: their rate is at most {:.2f} times the others'",
                          t.days_risk_side, *t.zero_side_bound);
    } else if (t.zero_side_bound) {
      line += fmt::format(
          "; twitches only on its risk side: the rate on those {} days is at least {:.1f} times the "
          "other {} days'",
          t.days_risk_side, 1 / *t.zero_side_bound, t.days_other_side);
    }
    line += std::string(" - ") + verdict_words(t.verdict);
    if (!t.with.empty()) {
      line += fmt::format(" from {} (together {})", esc(join(t.with)),
                          ratio_text(t.joint_rate_ratio, t.joint_ci_low, t.joint_ci_high));
    }
    out += line + "\n";
  }
  for (const auto& t : in.remedies) {
    std::string line = fmt::format("{}  remedy {} from {}: ", bullet, esc(t.id), t.from ? day_text(*t.from) : "?");
    constexpr std::string_view kCaveat = "; starting at a bad time and the natural course can explain that too";
    if (t.verdict == Verdict::not_enough_data) {
      line += fmt::format("not enough days on each side ({} before, {} after)", t.days_other_side, t.days_risk_side);
    } else if (t.verdict == Verdict::cant_tell_apart) {
      line += fmt::format("{} - can't tell apart from {} (together {})", ratio_text(t.rate_ratio, t.ci_low, t.ci_high),
                          esc(join(t.with)), ratio_text(t.joint_rate_ratio, t.joint_ci_low, t.joint_ci_high));
      if (t.joint_rate_ratio && *t.joint_rate_ratio < 1) line += kCaveat;
    } else if (!t.rate_ratio) {
      line +=
          "no estimate: too little to pin it down (it may have started just as your twitching was changing "
          "anyway) - can't tell yet";
    } else {
      line += ratio_text(t.rate_ratio, t.ci_low, t.ci_high);
      if (t.verdict == Verdict::likely_protective) {
        line += std::string(" - the rate was lower after (") + verdict_words(t.verdict) + ")";
        line += kCaveat;
      } else if (*t.rate_ratio < 1) {
        line +=
            std::string(" - the estimate is lower after, but the interval holds 1 (") + verdict_words(t.verdict) + ")";
      } else {
        line += std::string(" - ") + verdict_words(t.verdict);
      }
    }
    out += line + "\n";
  }
  return out;
}

std::string render_report_text(const Report& r, const RuleSet& rules, bool color) {
  const Paint paint(color);
  const auto bold = [&](const std::string& t) { return paint(Style::bold, t); };
  const Period period = r.request.period;
  std::string out;
  out += bold(fmt::format("Report {} to {} ({} days{}, by {})", day_text(r.from), day_text(r.to), r.days(),
                          range_note(r), period_name(period))) +
         "\n\n";
  const Figures& t = r.totals;
  out += fmt::format("Episodes: {} on {} of {} days ({} a day); mean severity {}; total duration {}\n", t.episodes,
                     t.days_with_episodes, r.days(), per_day(t, r.days()), one_decimal(t.mean_severity),
                     format_duration(t.total_duration_s));
  out += fmt::format("Longest streak: {} day{}{}\n", r.longest_streak, r.longest_streak == 1 ? "" : "s",
                     r.longest_streak > 0 ? fmt::format(", to {}", day_text(r.longest_streak_end)) : "");
  out += fmt::format("Trend: {}\n", trend_text(r));

  std::uint64_t max = 0;
  for (const auto& p : r.periods) max = std::max(max, p.figures.episodes);
  out += fmt::format("\n{}\n", bold(fmt::format("{:<10}  {:>8}  {:>4}  {:>8}  {:>9}", period_name(period), "episodes",
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
  const std::int64_t first_monday = r.from - ((r.from + 3) % 7 + 7) % 7;
  for (std::int64_t week = first_monday; week <= r.to; week += 7) {
    out += fmt::format("{}  ", day_text(week));
    for (std::int64_t day = week; day < week + 7; ++day) {
      if (day < r.from || day > r.to) {
        out += "   ";
        continue;
      }
      const auto it = r.daily.find(day);
      out += fmt::format(" {} ", heat(it == r.daily.end() ? 0 : it->second));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }

  out += fmt::format("\n{}\n", bold("What goes with your twitching"));
  out += insights_lines(
      r.insights, rules, [](std::string_view t) { return printable(t); }, "  ");
  out += fmt::format(
      "\n{} (descriptive: episodes a day on the days a check-in puts the factor on its risk side, and on "
      "the others; not adjusted for anything)\n",
      bold("Factors"));
  for (const auto& f : r.factors) {
    out +=
        fmt::format("  {:<10} {:<12} risk: {} on {}; other: {} on {}; ratio {}{}\n", printable(f.factor->id),
                    risk_text(*f.factor), one_decimal(f.risk_rate), days_text(f.risk_days), one_decimal(f.other_rate),
                    days_text(f.other_days), one_decimal(f.ratio),
                    f.enough_data ? ""
                                  : fmt::format(" (too little data: under {} in a group)",
                                                days_text(static_cast<std::uint64_t>(rules.report.min_factor_days))));
  }

  if (!r.tags.empty() || r.other_tags > 0) {
    out +=
        fmt::format("\n{}: {}\n", bold("Tags"), tags_text(r, rules, [](std::string_view s) { return printable(s); }));
  }

  if (!r.remedies.empty() || r.other_remedies > 0) {
    out += fmt::format("\n{} (episodes a day in the {} days before and after the effect starts)\n", bold("Remedies"),
                       r.window);
    const std::size_t shown = std::min(r.remedies.size(), kListedRemedies);
    for (std::size_t i = 0; i < shown; ++i) {
      const RemedyFigures& m = r.remedies[i];
      const RemedyEffect& e = m.effect;
      const std::string from = e.onset_days > 0
                                   ? fmt::format(" (counted from {}, {} on)", day_text(e.first_day + e.onset_days),
                                                 days_text(static_cast<std::uint64_t>(e.onset_days)))
                                   : "";
      out += fmt::format("  {:<16} since {}: {} before, {} after{}{}\n", printable(m.id), day_text(e.first_day),
                         one_decimal(e.before.rate, "no day"), one_decimal(e.after.rate, "no day"), from,
                         m.remedy == nullptr ? " (not in the rules)" : "");
    }
    if (const std::string more = more_remedies_text(r, shown); !more.empty()) out += fmt::format("  and {}\n", more);
  }
  out += fmt::format("\nRed flags on {}: {}; care level {} (see `twitchlog triage`)\n", day_text(r.triage.as_of.day()),
                     flags_text(r), r.triage.level->id);
  out += fmt::format("{}\n", printable(rules.triage.disclaimer));
  return out;
}

std::string render_report_json(const Report& r, const RuleSet& rules) {
  JsonWriter j;
  j.begin_object();
  j.key("from").value(day_text(r.from));
  j.key("to").value(day_text(r.to));
  j.key("from_is").value(kRangeStartNames.name(r.from_is));
  j.key("period").value(period_name(r.request.period));
  j.key("days").value(r.days());
  // What the figures below were computed with: the rules' [report] table and --window.
  j.key("settings").begin_object();
  j.key("window_days").value(r.window);
  j.key("default_days").value(rules.report.default_days);
  j.key("min_factor_days").value(rules.report.min_factor_days);
  j.key("stands_out_ratio").value(rules.report.stands_out_ratio);
  j.key("trend_band").value(rules.report.trend_band);
  j.key("top_tags").value(rules.report.top_tags);
  j.key("tracked_ids").value(static_cast<std::int64_t>(kTrackedIds));
  j.end_object();
  j.key("totals").begin_object();
  json_figures(j, r.totals);
  j.end_object();
  j.key("trend");
  if (r.trend) {
    j.begin_object();
    j.key("first_half");
    json_rate_window(j, r.trend->first);
    j.key("second_half");
    json_rate_window(j, r.trend->second);
    json_rate(j, "change", r.trend->change);
    j.key("direction").value(kTrendDirectionNames.name(r.trend->direction));
    j.end_object();
  } else {
    j.null();
  }
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
  json_insights(j, r.insights, rules);
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
    j.key("stands_out").value(f.stands_out);
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
  j.key("other_remedies").value(static_cast<std::int64_t>(r.other_remedies));
  j.key("tags").begin_array();
  for (const auto& [tag, n] : r.tags) {
    j.begin_object().key("tag").value(tag).key("episodes").value(static_cast<std::int64_t>(n)).end_object();
  }
  j.end_array();
  j.key("other_tags").value(static_cast<std::int64_t>(r.other_tags));
  j.key("red_flags").begin_object();
  j.key("as_of").value(format_timestamp(r.triage.as_of));
  j.key("level").value(r.triage.level->id);
  j.key("flags").begin_array();
  for (const auto& f : r.triage.fired) {
    j.begin_object().key("id").value(f.flag->id).key("level").value(f.level->id);
    j.key("evidence").value(f.evidence.empty() ? std::string() : evidence_text(f.evidence.front())).end_object();
  }
  j.end_array();
  j.end_object();
  j.key("journal").begin_object();
  j.key("file").value(r.read.file);
  j.key("missing").value(r.read.missing);
  j.key("first_day");
  if (r.read.first_day) {
    j.value(day_text(*r.read.first_day));
  } else {
    j.null();
  }
  j.key("last_day");
  if (r.read.last_day) {
    j.value(day_text(*r.read.last_day));
  } else {
    j.null();
  }
  j.key("errors").value(static_cast<std::int64_t>(r.read.errors));
  j.key("warnings").value(static_cast<std::int64_t>(r.read.warnings));
  j.end_object();
  write_warnings(j, r.read);
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

std::string markdown_text(std::string_view text) {
  const std::string shown = printable(text);  // control characters, line breaks included, become \n, \x1b...
  std::string out;
  out.reserve(shown.size() + 8);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const char c = shown[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '&':
      case '#':
      case '!': out += '\\'; break;
      case ':':  // "http://": no bare autolink (GFM)
        if (shown.compare(i + 1, 2, "//") == 0) out += '\\';
        break;
      case '.':  // "www.": no bare autolink (GFM)
        if (i >= 3 && shown.compare(i - 3, 3, "www") == 0) out += '\\';
        break;
      default: break;
    }
    out += c;
  }
  return out;
}

std::string render_report_markdown(const Report& r, const RuleSet& rules) {
  const auto md = [](std::string_view s) { return markdown_text(s); };
  const Figures& t = r.totals;
  std::string out = fmt::format("# {}, {}{} to {}\n\n", report_words::title_text(r.diary, md), day_text(r.from),
                                r.from_is == RangeStart::first_entry ? " (the first entry)" : "", day_text(r.to));
  out += fmt::format("- **Days logged:** {} (days with any entry).\n", report_words::coverage_text(r));
  out += fmt::format("- **How often:** {} episodes on {} of {} days ({} a day); longest run {} day{}.\n", t.episodes,
                     t.days_with_episodes, r.days(), per_day(t, r.days()), r.longest_streak,
                     r.longest_streak == 1 ? "" : "s");
  out += fmt::format("- **How strong:** {}.\n", report_words::strength_text(r));
  out += fmt::format("- **How long:** {}.\n", report_words::duration_text(r));
  out += fmt::format("- **Where:** {}; side: {}.\n", report_words::areas_text(r.diary, md),
                     report_words::sides_text(r.diary));
  out += fmt::format("- **Trend:** {}.\n", trend_text(r));
  std::vector<std::string> flags;
  for (const auto& f : r.triage.fired) flags.push_back(fmt::format("{} ({})", md(f.flag->id), md(f.level->id)));
  out += fmt::format("- **Red flags (twitchlog triage, {}):** {}; care level **{}**.\n\n",
                     day_text(r.triage.as_of.day()), flags.empty() ? "none" : join(flags), md(r.triage.level->id));

  const std::string_view name = period_name(r.request.period);
  out += fmt::format("## By {}\n\n| {}{} | Episodes | Days | Mean severity | Duration |\n|---|---:|---:|---:|---:|\n",
                     name, static_cast<char>(name[0] - 'a' + 'A'), name.substr(1));
  for (const auto& p : r.periods) {
    const Figures& f = p.figures;
    out += fmt::format("| {} | {} | {} | {} | {} |\n", p.label, f.episodes, f.days_with_episodes,
                       one_decimal(f.mean_severity), format_duration(f.total_duration_s));
  }

  out += "\n## Triggers that stand out\n\n";
  bool any = false;
  for (const auto& t : r.insights.factors) {
    if (t.verdict != Verdict::likely_trigger || !t.rate_ratio) continue;
    any = true;
    const Factor* f = rules.find_factor(t.id);
    out += fmt::format("- {}{}: {:.2f} times the twitching per {} ({}% interval {:.2f} to {:.2f}).\n", md(t.id),
                       t.lag == 1 ? " the day before" : "", *t.rate_ratio, md(f != nullptr ? f->per : ""),
                       static_cast<int>(std::lround(rules.insights.confidence * 100)), *t.ci_low, *t.ci_high);
  }
  if (!any) {
    out += r.insights.fitted ? "- None: no factor is a likely trigger in this journal (see below).\n"
                             : fmt::format(
                                   "- Not enough data to tell yet: about {} days with a complete check-in are "
                                   "needed, {} so far.\n",
                                   r.insights.needed_days.value_or(0), r.insights.observed_days);
  }
  out += "\n## What goes with the twitching\n\n";
  out += insights_lines(r.insights, rules, md, "- ");
  out += "\n## Factors, descriptive (not adjusted for one another or for drift)\n\n";
  bool stands = false;
  for (const auto& f : r.factors) {
    if (!f.stands_out) continue;
    stands = true;
    out += fmt::format("- {} {} {}: {:.1f} episodes a day on {} such days, {:.1f} on {} other days ({:.1f} times).\n",
                       md(f.factor->id), risk_text(*f.factor), md(f.factor->unit), *f.risk_rate, f.risk_days,
                       *f.other_rate, f.other_days, *f.ratio);
  }
  if (!stands) {
    out += fmt::format(
        "- No check-in factor stands out with enough data ({} or more on each side, {} times the episodes or more).\n",
        days_text(static_cast<std::uint64_t>(rules.report.min_factor_days)),
        format_number(rules.report.stands_out_ratio));
  }
  if (!r.tags.empty() || r.other_tags > 0)
    out += fmt::format("- Most frequent tags on twitches: {}.\n", tags_text(r, rules, md));

  out += "\n## Remedies tried\n\n";
  if (r.remedies.empty() && r.other_remedies == 0) {
    out += "None logged.\n";
  } else {
    out += fmt::format(
        "| Remedy | Since | Episodes a day, {} days before | After (from) | Doses (entries) | Taken in these days "
        "|\n|---|---|---:|---|---|---|\n",
        r.window);
    const std::size_t shown = std::min(r.remedies.size(), kListedRemedies);
    for (std::size_t i = 0; i < shown; ++i) {
      const RemedyFigures& m = r.remedies[i];
      const RemedyEffect& e = m.effect;
      const RemedyTaken* taken = report_words::taken_in_range(r.diary, m.id);
      out += fmt::format("| {} | {} | {} | {} ({}) | {} | {} |\n", md(m.remedy ? m.remedy->name : m.id),
                         day_text(e.first_day), one_decimal(e.before.rate, "no day"),
                         one_decimal(e.after.rate, "no day"), day_text(e.first_day + e.onset_days),
                         taken != nullptr ? report_words::doses_text(*taken, md) : "-",
                         taken != nullptr ? report_words::taken_text(*taken) : "not taken");
    }
    if (const std::string more = more_remedies_text(r, shown); !more.empty()) out += fmt::format("\nAnd {}.\n", more);
  }
  out += "\n## Notes and doctor visits\n\n";
  const auto listed = report_words::listed_texts(r.diary, report_words::kListedTexts);
  if (listed.empty()) out += "None in these days.\n";
  for (const DiaryText* n : listed) {
    out += fmt::format("- **{} {}**{}{}\n", day_text(n->day), report_words::text_label(*n), n->text.empty() ? "" : ": ",
                       md(n->text));
  }
  if (const std::string more = report_words::more_texts_text(r.diary, listed.size()); !more.empty())
    out += fmt::format("\n{}{}.\n", static_cast<char>(more[0] - 'a' + 'A'), more.substr(1));
  if (!r.triage.fired.empty()) {
    out += fmt::format("\n## Red flags (as of {})\n\n", format_timestamp(r.triage.as_of));
    for (const auto& f : r.triage.fired) {
      out += fmt::format("- **{}** ({}): {}\n", md(f.flag->name), md(f.level->id), md(f.flag->meaning));
      for (const auto& e : f.evidence) out += fmt::format("  - {}\n", md(evidence_text(e)));
    }
  }
  out += fmt::format("\n*{}*\n", md(rules.triage.disclaimer));
  return out;
}

// --- for the other renderers (report_words.hpp) -------------------------------

namespace report_words {

std::string day_text(std::int64_t day) { return twitchlog::day_text(day); }
std::string one_decimal(const std::optional<double>& x, std::string_view none) {
  return twitchlog::one_decimal(x, none);
}
std::string per_day(const Figures& f, std::int64_t days) { return twitchlog::per_day(f, days); }
std::string trend_text(const Report& r) { return twitchlog::trend_text(r); }
std::string insights_lines(const Insights& in, const RuleSet& rules, const Escape& esc, std::string_view bullet) {
  return twitchlog::insights_lines(in, rules, esc, bullet);
}

}  // namespace report_words

}  // namespace twitchlog
