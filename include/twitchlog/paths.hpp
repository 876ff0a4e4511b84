// Where the journal and the rule file live (XDG base directories).
//
// The library never reads the environment: the caller passes in the values
// of the variables it read.
#pragma once

#include <optional>
#include <string>

namespace twitchlog {

/// The environment variables that decide the paths; unset and empty are
/// alike, and a relative XDG_DATA_HOME, XDG_CONFIG_HOME or HOME is ignored
/// (the XDG base directory spec calls such values invalid).
struct PathEnvironment {
  std::string twitchlog_journal;  ///< $TWITCHLOG_JOURNAL
  std::string twitchlog_rules;    ///< $TWITCHLOG_RULES
  std::string xdg_data_home;      ///< $XDG_DATA_HOME
  std::string xdg_config_home;    ///< $XDG_CONFIG_HOME
  std::string home;               ///< $HOME
};

/// `--journal FILE`, else $TWITCHLOG_JOURNAL, else
/// $XDG_DATA_HOME/twitchlog/journal.txt (default ~/.local/share). Throws a
/// usage Error when none can be found (no HOME).
std::string journal_path(const std::string& option, const PathEnvironment& env);

/// `--rules FILE`, else $TWITCHLOG_RULES, else
/// $XDG_CONFIG_HOME/twitchlog/rules.toml (default ~/.config) when it exists;
/// nullopt means the built-in rules.
std::optional<std::string> rules_path(const std::string& option, const PathEnvironment& env);

/// Reads a whole (small) file; throws a data Error naming it on failure.
std::string read_file(const std::string& path);

}  // namespace twitchlog
