// What every subcommand needs: the global options, the environment they
// resolve against, "now", and the rules. Only the CLI reads the environment.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "twitchlog/paths.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

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

/// Each subcommand: its options and the callback that runs it. The callback
/// stores the exit status in `status`.
void setup_log(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_check(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_triage(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_rules(CLI::App& app, const GlobalOptions& globals, int& status);

}  // namespace twitchlog::cli
