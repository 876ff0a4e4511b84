// `twitchlog rules`: show, dump or validate rule files.
#include <memory>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/paths.hpp"

namespace twitchlog::cli {

namespace {

constexpr std::array<Format, 2> kFormatList{Format::text, Format::json};
constexpr auto kFormats = format_names(kFormatList);

struct RulesOptions {
  std::string check_file;
  bool dump = false;
  std::string format = "text";
};

int run_rules(const RulesOptions& options, const GlobalOptions& globals) {
  const Format format = parse_format(options.format, kFormats);
  if (options.dump) {
    if (!options.check_file.empty()) throw_usage("choose one of --dump and --check");
    fmt::print("{}", builtin_rules_text());
    return 0;
  }
  const Context context(globals);
  RuleSet rules;
  if (!options.check_file.empty()) {
    rules = load_rules(read_file(options.check_file), options.check_file);
    if (format == Format::text) {
      fmt::print("{}: ok: {} levels, {} factors, {} areas, {} causes, {} red flags, {} remedies\n", options.check_file,
                 rules.levels.size(), rules.factors.size(), rules.areas.size(), rules.causes.size(),
                 rules.red_flags.size(), rules.remedies.size());
      return 0;
    }
  } else {
    rules = context.load_rules();
  }
  fmt::print("{}", format == Format::json ? render_rules_json(rules) : render_rules_text(rules));
  return 0;
}

}  // namespace

void setup_rules(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* sub =
      app.add_subcommand("rules", "Show the rules in force, print the built-in ones, or validate a rule file");
  describe_value(
      sub->add_option("--check", options->check_file, "Validate FILE and report every problem (exit 1 if any)")
          ->option_text("FILE"),
      ValueSpec::of(ValueKind::file));
  sub->add_flag("--dump", options->dump, "Print the built-in rule file (a start for your own)");
  describe_choices(
      sub->add_option("--format", options->format, "Output format: text or json (every field)")->option_text("FORMAT"),
      kFormats);
  sub->footer(
      "A rule file that starts with extends = \"builtin\" holds only what it adds to the built-in\n"
      "rules or changes in them; `rules` marks those ids (twitchlog-rules(5)).\n\n"
      "Examples:\n"
      "  twitchlog rules\n"
      "  twitchlog rules --format json | jq '.factors[].id'\n"
      "  twitchlog rules --dump > full-rules.toml\n"
      "  twitchlog rules --check ~/.config/twitchlog/rules.toml");
  sub->callback([options, &globals, &status] { status = run_rules(*options, globals); });
}

}  // namespace twitchlog::cli
