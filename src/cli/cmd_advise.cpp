// `twitchlog advise`: the likely causes and what to do about them.
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/advise.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

constexpr std::array<Format, 2> kFormatList{Format::text, Format::json};
constexpr auto kFormats = format_names(kFormatList);

struct AdviseOptions {
  bool plan = false;
  bool strict = false;
  std::string format = "text";
  std::string color = "auto";
};

int run_advise(const AdviseOptions& options, const GlobalOptions& globals) {
  const Format format = parse_format(options.format, kFormats);
  const bool color = format == Format::text && use_color(options.color);
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const std::string path = context.journal_path();
  const AdviceInput input = scan_for_advice_file(path, rules, context.now());
  enforce_strict(options.strict, input.triage.read);
  if (format != Format::json) report_read(input.triage.read);
  const Advice advice = advise(rules, input, context.now(), options.plan);
  fmt::print("{}",
             format == Format::json ? render_advice_json(advice, rules) : render_advice_text(advice, rules, color));
  return 0;
}

}  // namespace

void setup_advise(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<AdviseOptions>();
  CLI::App* sub = app.add_subcommand("advise", "The likely causes, ranked by the journal, and the remedies for them");
  sub->add_flag("--plan", options->plan, "Add a week-by-week plan: one change a week, the most effective first");
  add_strict_option(sub, options->strict);
  describe_choices(sub->add_option("--format", options->format, "Output format: text or json")->option_text("FORMAT"),
                   kFormats);
  add_color_option(sub, options->color);
  sub->footer(
      "Causes are ranked by the last days of the journal (check-in averages against the rules' thresholds,\n"
      "twitch tags, night twitching, remedies taken); with no data, by how common they are. With enough days\n"
      "of check-ins, the statistics of `twitchlog report` rank the causes that have a factor (a likely trigger\n"
      "first), and check-in averages no longer count by themselves. When triage says a doctor is needed,\n"
      "advise leads with that and lists the medical options.\n\n"
      "Examples:\n"
      "  twitchlog advise\n"
      "  twitchlog advise --plan\n"
      "  twitchlog advise --format json | jq -r '.causes[0].id'");
  sub->callback([options, &globals, &status] { status = run_advise(*options, globals); });
}

}  // namespace twitchlog::cli
