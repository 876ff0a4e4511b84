// `report --format html` (report_html.hpp): the page for a doctor.
#include "twitchlog/report_html.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report_words.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

using report_words::day_text;

std::string h(std::string_view text) { return html_text(text); }

// The style: compact enough for two printed pages (A4 or Letter: the
// narrower A4 width and the shorter Letter height) for 90 days.
constexpr std::string_view kStyle = R"(:root{color-scheme:light}
*{box-sizing:border-box}
body{font:10pt/1.35 "DejaVu Sans",Helvetica,Arial,sans-serif;color:#111;background:#fff;margin:0 auto;max-width:190mm;padding:8mm}
header{border-bottom:2px solid #333;padding-bottom:4px;margin-bottom:6px}
h1{font-size:15pt;margin:0}
h2{font-size:11pt;margin:9px 0 3px;border-bottom:1px solid #999;break-after:avoid}
p,ul{margin:2px 0}
ul{padding-left:16px}
li.sub{list-style:circle;margin-left:14px}
.meta{color:#333;font-size:9pt}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:0}
.facts dt{font-weight:bold}
.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:9pt}
th,td{border-bottom:1px solid #ccc;padding:2px 4px;text-align:left;vertical-align:top}
th{background:#eee}
#remedies td:nth-child(3){white-space:nowrap}
.flag{border-left:4px solid #a00;padding:1px 0 1px 6px;margin:3px 0}
.none{color:#333}
.charts{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}
figure{margin:0;max-width:100%}
figure>svg{max-width:100%;height:auto}
figcaption{font-size:8.5pt;color:#333}
.key{white-space:nowrap}
svg text{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif}
.disclaimer{margin-top:8px;border-top:1px solid #999;padding-top:3px;font-style:italic}
@page{margin:10mm 12mm}
@media print{body{padding:0;max-width:none;font-size:8.5pt}table,figure,.flag{break-inside:avoid}}
)";

// The heat of a day's count, as the text report's calendar bins it: none, 1, 2-3, 4-6, 7 or more.
constexpr std::array<std::string_view, 5> kHeat{"#e8e8e8", "#c6dbef", "#6baed6", "#2171b5", "#08306b"};
std::size_t heat_bin(std::uint64_t n) {
  if (n == 0) return 0;
  if (n == 1) return 1;
  if (n <= 3) return 2;
  if (n <= 6) return 3;
  return 4;
}

std::uint64_t episodes_on(const Report& r, std::int64_t day) {
  const auto it = r.daily.find(day);
  return it == r.daily.end() ? 0 : it->second;
}

// Monday on or before `day` (1970-01-01 was a Thursday).
std::int64_t monday_of(std::int64_t day) { return day - ((day + 3) % 7 + 7) % 7; }

// "11-03" (month and day) for chart labels.
std::string short_day(std::int64_t day) { return day_text(day).substr(5); }

// A round number at or above n for the chart's scale.
std::uint64_t nice_max(std::uint64_t n) {
  for (std::uint64_t step : {5ULL, 10ULL, 20ULL, 25ULL, 50ULL}) {
    if (n <= step) return step;
  }
  std::uint64_t step = 100;
  while (n > step) step *= (step % 3 == 1 ? 5 : 2);
  return std::max<std::uint64_t>(step, n);
}

// Episodes per week (Monday first, clipped to the range) as bars.
std::string weekly_chart(const Report& r) {
  struct Week {
    std::int64_t start;
    std::uint64_t episodes;
  };
  std::vector<Week> weeks;
  for (std::int64_t w = monday_of(r.from); w <= r.to; w += 7) {
    std::uint64_t n = 0;
    for (std::int64_t d = std::max(w, r.from); d <= std::min(w + 6, r.to); ++d) n += episodes_on(r, d);
    weeks.push_back({std::max(w, r.from), n});
  }
  std::uint64_t max = 0;
  for (const auto& w : weeks) max = std::max(max, w.episodes);
  const std::uint64_t top = nice_max(std::max<std::uint64_t>(max, 1));
  constexpr int kLeft = 28, kTop = 10, kPlotH = 110, kBottom = 30;
  const int slot = std::max(4, std::min(28, 392 / static_cast<int>(weeks.size())));
  const int width = kLeft + slot * static_cast<int>(weeks.size()) + 8;
  const int height = kTop + kPlotH + kBottom;
  std::string out = fmt::format(
      "<figure style=\"width:{0}px\"><svg width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "role=\"img\" aria-labelledby=\"weekly-title\"><title id=\"weekly-title\">Episodes per week</title>\n",
      width, height);
  for (int i = 0; i <= 2; ++i) {  // the scale: 0, half, top
    const std::uint64_t v = top * static_cast<std::uint64_t>(i) / 2;
    const int y = kTop + kPlotH - static_cast<int>(static_cast<std::uint64_t>(kPlotH) * v / top);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#bbb\" stroke-width=\"0.5\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"8\" text-anchor=\"end\">{}</text>\n",
        kLeft, width - 8, kLeft - 3, y + 3, v, fmt::arg("y", y));
  }
  const std::size_t label_every = (weeks.size() + 13) / 14;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const Week& w = weeks[i];
    const int bar = static_cast<int>(static_cast<std::uint64_t>(kPlotH) * w.episodes / top);
    const int x = kLeft + slot * static_cast<int>(i);
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2171b5\"><title>week of {}: {} "
        "episode{}</title></rect>",
        x + 1, kTop + kPlotH - bar, std::max(1, slot - 2), bar, day_text(w.start), w.episodes,
        w.episodes == 1 ? "" : "s");
    if (slot >= 14 && w.episodes > 0)
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"8\" text-anchor=\"middle\">{}</text>", x + slot / 2,
                         kTop + kPlotH - bar - 2, w.episodes);
    if (i % label_every == 0)
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" font-size=\"8\" text-anchor=\"end\" transform=\"rotate(-45 {} {})\">{}</text>",
          x + slot / 2 + 3, kTop + kPlotH + 10, x + slot / 2 + 3, kTop + kPlotH + 10, short_day(w.start));
    out += "\n";
  }
  out +=
      "</svg><figcaption>Episodes per week (Monday first; each bar labelled with its first day)</figcaption>"
      "</figure>\n";
  return out;
}

// A calendar of the range: a column per week, a row per weekday, each day by its heat.
std::string calendar_heatmap(const Report& r) {
  constexpr int kCell = 11, kGap = 2, kLeft = 20, kTop = 14;
  const std::int64_t first = monday_of(r.from);
  const int columns = static_cast<int>((r.to - first) / 7 + 1);
  const int width = kLeft + columns * (kCell + kGap) + 2;
  const int height = kTop + 7 * (kCell + kGap) + 2;
  std::string out = fmt::format(
      "<figure style=\"width:{0}px\"><svg width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "role=\"img\" aria-labelledby=\"calendar-title\"><title id=\"calendar-title\">Episodes by day</title>\n",
      width, height);
  constexpr std::array<std::string_view, 7> kDays{"Mo", "", "We", "", "Fr", "", "Su"};
  constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int d = 0; d < 7; ++d) {
    if (!kDays[static_cast<std::size_t>(d)].empty())
      out += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"8\">{}</text>", kTop + d * (kCell + kGap) + 9,
                         kDays[static_cast<std::size_t>(d)]);
  }
  out += "\n";
  for (int c = 0; c < columns; ++c) {
    const std::int64_t week = first + 7 * c;
    for (int d = 0; d < 7; ++d) {
      const std::int64_t day = week + d;
      if (day < r.from || day > r.to) continue;
      const Date date = date_from_days(day);
      const int x = kLeft + c * (kCell + kGap);
      if (date.day == 1 || (day == r.from && date.day <= 20))  // a month's name over its first week
        out += fmt::format("<text x=\"{}\" y=\"9\" font-size=\"8\">{}</text>", x,
                           kMonths[static_cast<std::size_t>(date.month - 1)]);
      const std::uint64_t n = episodes_on(r, day);
      const bool logged = r.diary.logged.count(day) != 0;
      const std::string_view fill = n == 0 && !logged ? "#ffffff" : kHeat[heat_bin(n)];
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{k}\" height=\"{k}\" fill=\"{}\"{}><title>{}: {}</title></rect>", x,
          kTop + d * (kCell + kGap), fill, logged || n > 0 ? "" : " stroke=\"#999\" stroke-dasharray=\"2 1\"",
          day_text(day), logged || n > 0 ? fmt::format("{} episode{}", n, n == 1 ? "" : "s") : "nothing logged",
          fmt::arg("k", kCell));
    }
    out += "\n";
  }
  out += "</svg><figcaption>Episodes by day: ";
  constexpr std::array<std::string_view, 5> kLegend{"none", "1", "2-3", "4-6", "7 or more"};
  for (std::size_t i = 0; i < kHeat.size(); ++i) {
    out += fmt::format(
        "<span class=\"key\"><svg width=\"9\" height=\"9\" aria-hidden=\"true\"><rect width=\"9\" height=\"9\" "
        "fill=\"{}\"/></svg> {}</span>, ",
        kHeat[i], kLegend[i]);  // "nothing logged" comes last
  }
  out +=
      "<span class=\"key\"><svg width=\"9\" height=\"9\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" "
      "width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#999\" stroke-dasharray=\"2 1\"/></svg> nothing "
      "logged</span></figcaption></figure>\n";
  return out;
}

// A list of lines ("  " first for a sub-item) as <ul>.
std::string html_list(std::string_view lines) {
  std::string out = "<ul>\n";
  while (!lines.empty()) {
    const auto end = lines.find('\n');
    std::string_view line = lines.substr(0, end);
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
    const bool sub = line.starts_with("  ");
    while (line.starts_with(' ')) line.remove_prefix(1);
    out += fmt::format("<li{}>{}</li>\n", sub ? " class=\"sub\"" : "", line);
  }
  return out + "</ul>\n";
}

const report_words::Escape kEscape = [](std::string_view s) { return html_text(s); };

std::string summary(const Report& r) {
  const Figures& t = r.totals;
  const Diary& d = r.diary;
  std::string out = "<section id=\"summary\"><h2>How often, how strong, how long</h2><dl class=\"facts\">\n";
  const auto fact = [&](std::string_view term, const std::string& text) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, text);
  };
  fact("How often",
       fmt::format("{} episodes on {} of {} days ({} a day); longest run {} day{}", t.episodes, t.days_with_episodes,
                   r.days(), report_words::per_day(t, r.days()), r.longest_streak, r.longest_streak == 1 ? "" : "s"));
  fact("Trend", h(report_words::trend_text(r)));
  fact("How strong", report_words::strength_text(r));
  fact("How long", report_words::duration_text(r));
  fact("Where", report_words::areas_text(d, kEscape));
  fact("Side", report_words::sides_text(d));
  out += "</dl></section>\n";
  return out;
}

std::string remedies(const Report& r) {
  std::string out = "<section id=\"remedies\"><h2>Remedies and medicines</h2>\n";
  if (r.diary.remedies.empty()) return out + "<p class=\"none\">None logged in these days.</p></section>\n";
  out += fmt::format(
      "<table><thead><tr><th>Remedy or medicine</th><th>Doses (entries)</th><th>Taken</th>"
      "<th>Episodes a day, {} days before / after</th></tr></thead><tbody>\n",
      r.window);
  for (const auto& t : r.diary.remedies) {
    std::string effect = "-";
    for (const auto& m : r.remedies) {
      if (m.id != t.id) continue;
      effect = fmt::format("{} / {}", report_words::one_decimal(m.effect.before.rate, "no day"),
                           report_words::one_decimal(m.effect.after.rate, "no day"));
      if (m.effect.onset_days > 0)
        effect += fmt::format(" (after from {})", day_text(m.effect.first_day + m.effect.onset_days));
    }
    out +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", report_words::remedy_title(t, kEscape),
                    report_words::doses_text(t, kEscape), report_words::taken_text(t), effect);
  }
  out += "</tbody></table>\n";
  if (r.diary.other_remedies > 0)
    out +=
        fmt::format("<p>And {} entries of further remedy ids, not tracked one by one.</p>\n", r.diary.other_remedies);
  return out + "</section>\n";
}

std::string notes(const Report& r) {
  std::string out = "<section id=\"notes\"><h2>Notes and doctor visits</h2>\n";
  if (r.diary.texts.empty()) return out + "<p class=\"none\">None in these days.</p></section>\n";
  const auto listed = report_words::listed_texts(r.diary, report_words::kListedTexts);
  out += "<ul>\n";
  for (const DiaryText* t : listed) {
    out += fmt::format("<li><strong>{} {}</strong>{}{}</li>\n", day_text(t->day), report_words::text_label(*t),
                       t->text.empty() ? "" : ": ", h(t->text));
  }
  out += "</ul>\n";
  if (const std::string more = report_words::more_texts_text(r.diary, listed.size()); !more.empty())
    out += fmt::format("<p>{}.</p>\n", h(more));
  return out + "</section>\n";
}

}  // namespace

std::string html_text(std::string_view text) {
  const std::string shown = printable(text);
  std::string out;
  out.reserve(shown.size() + 8);
  for (const char c : shown) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_red_flags(const Assessment& a) {
  std::string out = "<section id=\"red-flags\"><h2>Red flags</h2>\n";
  out +=
      fmt::format("<p>As of {} (twitchlog triage from the journal, no questions asked): care level <strong>{}</strong>",
                  h(format_timestamp(a.as_of)), h(a.level->name));
  if (!a.level->meaning.empty()) out += fmt::format(": {}", h(a.level->meaning));
  out += "</p>\n";
  for (const FiredCombination& c : a.combinations) {
    out += fmt::format("<div class=\"flag\"><strong>{}</strong> ({}): {} and {} together. {}</div>\n", h(c.rule->name),
                       h(c.level->id), h(c.first->name), h(c.second->name), h(c.rule->meaning));
  }
  if (a.fired.empty()) out += "<p class=\"none\">No red flag of the rules is open in the journal.</p>\n";
  for (const FiredFlag& f : a.fired) {
    out += fmt::format("<div class=\"flag\"><strong>{}</strong> ({}, open since {}): {}", h(f.flag->name),
                       h(f.level->id), h(day_text(f.since.day())), h(f.flag->meaning));
    if (!f.evidence.empty()) {
      out += "<ul>\n";
      for (const Evidence& e : f.evidence) out += fmt::format("<li>{}</li>\n", h(evidence_text(e)));
      out += "</ul>";
    }
    out += "</div>\n";
  }
  // What closed the flags that would be open without it: a visit.
  for (const ClosedFlag& c : a.closed) {
    out += fmt::format("<p class=\"closed\">{}: seen by a doctor on {}.</p>\n", h(c.flag->name),
                       h(day_text(c.visit.day())));
  }
  return out + "</section>\n";
}

std::string render_report_html(const Report& r, const RuleSet& rules, const HtmlPage& page) {
  const std::string title = report_words::title_text(r.diary, kEscape);
  const std::string range = fmt::format("{} to {}", day_text(r.from), day_text(r.to));
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"twitchlog {}\">\n", h(page.version));
  out += fmt::format("<title>{}, {}</title>\n<style>\n{}</style>\n</head>\n<body>\n", title, range, kStyle);
  out += fmt::format("<header><h1>{}</h1>\n", title);
  out +=
      fmt::format("<p class=\"meta\">Symptom diary, {} ({} days{}): {}. Generated {} by twitchlog {}.</p></header>\n",
                  range, r.days(), r.from_is == RangeStart::first_entry ? ", from the first entry" : "",
                  report_words::coverage_text(r), h(page.generated), h(page.version));
  out += html_red_flags(r.triage);
  out += summary(r);
  out += "<section id=\"charts\"><h2>Episodes</h2><div class=\"charts\">\n";
  out += weekly_chart(r);
  out += calendar_heatmap(r);
  out += "</div></section>\n";
  out += "<section id=\"insights\"><h2>What goes with your twitching</h2>\n";
  out += html_list(report_words::insights_lines(r.insights, rules, kEscape, ""));
  out += "</section>\n";
  out += remedies(r);
  out += notes(r);
  out += fmt::format("<footer class=\"disclaimer\">{}</footer>\n</body>\n</html>\n", h(rules.triage.disclaimer));
  return out;
}

}  // namespace twitchlog
