// What every subcommand needs: the global options, the environment they
// resolve against, "now", and the rules. Only the CLI reads the environment.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "twitchlog/paths.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog::cli {

/// Options that work before or after the subcommand name.
struct GlobalOptions {
  std::string journal;
  std::string rules;
  std::string as_of;
};

/// The resolved set-up of one run.
class Context {
 public:
  explicit Context(const GlobalOptions& options);

  /// "Now": the --as-of instant, else the clock.
  const Timestamp& now() const { return now_; }
  /// The journal's path (--journal, $TWITCHLOG_JOURNAL, XDG default).
  std::string journal_path() const;
  /// The rules in force (--rules, $TWITCHLOG_RULES, XDG config, built in).
  RuleSet load_rules() const;

 private:
  const GlobalOptions& options_;
  PathEnvironment env_;
  Timestamp now_;
};

/// Refuses a value outside `valid`: "OPTION: unknown WHAT "VALUE"; valid: ..." (exit 2).
void check_choice(std::string_view option, std::string_view what, const std::string& value,
                  std::initializer_list<std::string_view> valid);
/// --format FORMAT among `valid`.
void check_format(const std::string& format, std::initializer_list<std::string_view> valid);
/// --color auto|always|never: always, never, or on a terminal when NO_COLOR is unset.
bool use_color(const std::string& choice);
/// Tells on stderr that the journal does not exist yet, and shows the
/// malformed lines a reading command skipped (the first 10, then a count).
void report_skipped(const JournalFindings& findings);

/// Each subcommand: its options and the callback that runs it. The callback
/// stores the exit status in `status`.
void setup_log(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_check(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_report(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_advise(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_triage(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_rules(CLI::App& app, const GlobalOptions& globals, int& status);

}  // namespace twitchlog::cli
