// `twitchlog report`: trends, triggers and remedies over a range of days.
#include <cstdlib>
#include <ctime>
#include <memory>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/report.hpp"
#include "twitchlog/report_html.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

constexpr std::array<Format, 6> kFormatList{Format::text, Format::json,     Format::csv,
                                            Format::tsv,  Format::markdown, Format::html};
constexpr auto kFormats = format_names(kFormatList);
constexpr auto kPeriods = kPeriodNames.views();

struct ReportOptions {
  std::string from;
  std::string to;
  std::string last;
  std::string period = "week";
  std::string format = "text";
  std::string color = "auto";
  std::string window;  // empty: the rules' report.effect_window_days
  bool strict = false;
  OutputOptions output;
};

// The date the HTML page says it was made: SOURCE_DATE_EPOCH (UTC) when set,
// for the same bytes from the same journal; else today by the clock.
std::string generated_date() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') return format_date(date_from_days(local_timestamp(std::time(nullptr)).day()));
  const std::string text(epoch);
  const bool digits = text.size() <= 12 && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits)
    throw_usage(fmt::format("SOURCE_DATE_EPOCH: {} is not a number of seconds since 1970", twitchlog::quoted(text)));
  return format_date(date_from_days(std::stoll(text) / 86400));
}

ReportRequest request_from(const ReportOptions& o, const Timestamp& now) {
  ReportRequest r;
  check_choice("--period", "period", o.period, kPeriods);
  r.period = *kPeriodNames.parse(o.period);
  if (!o.window.empty()) {
    const std::optional<int> window = parse_small_int(o.window);
    if (!window || *window < 1 || *window > 3650)
      throw_usage(fmt::format("--window: \"{}\" is not a number of days from 1 to 3650", o.window));
    r.window = *window;
  }
  const std::int64_t today = local_timestamp(now.unix_seconds).day();
  if (!o.last.empty()) {
    if (!o.from.empty() || !o.to.empty()) throw_usage("choose --last, or --from and --to, not both");
    r.to = today;
    r.from = range_start_for_last(o.last, today);
  } else {
    r.to = o.to.empty() ? today : day_option("--to", o.to, now);
    if (!o.from.empty()) r.from = day_option("--from", o.from, now);  // else the rules' default range
  }
  if (r.from && *r.from > r.to) {
    throw_usage(fmt::format("--from {} is after --to {}", format_date(date_from_days(*r.from)),
                            format_date(date_from_days(r.to))));
  }
  if (r.from && r.to - *r.from >= kMaxRangeDays) throw_usage("the range is longer than 100 years");
  return r;
}

int run_report(const ReportOptions& options, const GlobalOptions& globals) {
  const Format format = parse_format(options.format, kFormats);
  // A file of -o gets colour only when asked for with --color always.
  const bool color =
      format == Format::text && (options.output.file.empty() || options.color == "always") && use_color(options.color);
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const ReportRequest request = request_from(options, context.now());
  const std::string generated = format == Format::html ? generated_date() : std::string();
  check_output(options.output);
  const std::string path = context.journal_path();
  const Report report = report_journal_file(path, rules, request, context.now());
  enforce_strict(options.strict, report.read);
  if (format != Format::json) report_read(report.read);
  std::string out;
  switch (format) {
    case Format::json: out = render_report_json(report, rules); break;
    case Format::csv: out = render_report_table(report, ','); break;
    case Format::tsv: out = render_report_table(report, '\t'); break;
    case Format::markdown: out = render_report_markdown(report, rules); break;
    case Format::html: out = render_report_html(report, rules, HtmlPage{generated, TWITCHLOG_VERSION}); break;
    case Format::text: out = render_report_text(report, rules, color); break;
    case Format::jsonl: break;  // not one of report's
  }
  emit_output(options.output, out);
  return 0;
}

}  // namespace

void setup_report(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* sub =
      app.add_subcommand("report", "Trends, triggers and remedies over a range of days, for people and pipes");
  describe_value(sub->add_option("--from", options->from,
                                 "First day (YYYY-MM-DD, yesterday, monday, Nov 30...); default: default_days of the "
                                 "rules before --to, not before the first entry")
                     ->option_text("DATE"),
                 ValueSpec::of(ValueKind::instant));
  describe_value(sub->add_option("--to", options->to, "Last day (YYYY-MM-DD, yesterday, monday...); default: today")
                     ->option_text("DATE"),
                 ValueSpec::of(ValueKind::instant));
  sub->add_option("--last", options->last, "The range as a length ending today: 30d, 8w, 6m")->option_text("N[dwm]");
  describe_choices(
      sub->add_option("--period", options->period, "Cut the range by day, week (ISO, Monday first) or month")
          ->option_text("PERIOD"),
      kPeriods);
  describe_choices(sub->add_option("--format", options->format,
                                   "text (charts), json, csv, tsv, markdown or html (a page for a doctor, to print)")
                       ->option_text("FORMAT"),
                   kFormats);
  sub->add_option("--window", options->window,
                  "Days compared before and after a remedy; default: effect_window_days of the rules")
      ->option_text("DAYS");
  add_output_options(sub, options->output);
  add_strict_option(sub, options->strict);
  add_color_option(sub, options->color);
  sub->footer(
      "\"What goes with your twitching\" (JSON insights) estimates, over the whole journal, how much each\n"
      "factor and remedy goes with more or less twitching, with 95% intervals; it shows association, not\n"
      "cause; see twitchlog(1).\n\n"
      "Examples:\n"
      "  twitchlog report\n"
      "  twitchlog report --last 6m --period month\n"
      "  twitchlog report --format csv | column -ts,\n"
      "  twitchlog report --format json | jq .totals\n"
      "  twitchlog report --format markdown > for-my-doctor.md\n"
      "  twitchlog report --last 90d --format html -o for-my-doctor.html\n"
      "  chromium --headless --print-to-pdf=for-my-doctor.pdf for-my-doctor.html");
  sub->callback([options, &globals, &status] { status = run_report(*options, globals); });
}

}  // namespace twitchlog::cli
