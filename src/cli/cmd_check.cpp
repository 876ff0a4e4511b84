// `twitchlog check`: validate the journal and report every problem.
#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/check.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

int run_check(const GlobalOptions& globals) {
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const std::string path = context.journal_path();
  warn_if_shared(path);
  // Printed as found, so that memory stays small on a journal of any size.
  const CheckReport report = check_journal_file(
      path, rules, context.now(), [](const Diagnostic& d) { fmt::print("{}\n", d.render()); }, 0);
  const auto count = [](std::uint64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  const std::string verdict = report.errors + report.warnings == 0
                                  ? std::string("ok")
                                  : fmt::format("{}, {}", count(report.errors, "error", "errors"),
                                                count(report.warnings, "warning", "warnings"));
  fmt::print("{}: {}, {}: {}\n", printable(path), count(report.summary.lines, "line", "lines"),
             count(report.summary.entries, "entry", "entries"), verdict);
  return exit_code(report.errors > 0 ? ExitStatus::data : ExitStatus::ok);
}

}  // namespace

void setup_check(CLI::App& app, const GlobalOptions& globals, int& status) {
  CLI::App* sub = app.add_subcommand("check", "Validate the journal against its format and the rules");
  sub->footer(
      "Reports every problem as FILE:LINE:COL: error|warning: message, with the line.\n"
      "Exit status 1 when there is an error.\n\n"
      "Examples:\n"
      "  twitchlog check\n"
      "  twitchlog check --journal data/example.journal");
  sub->callback([&globals, &status] { status = run_check(globals); });
}

}  // namespace twitchlog::cli
