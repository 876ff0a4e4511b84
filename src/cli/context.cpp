#include "context.hpp"

#include <cstdlib>
#include <ctime>

#include "twitchlog/error.hpp"

namespace twitchlog::cli {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

Context::Context(const GlobalOptions& options) : options_(options) {
  env_.twitchlog_journal = env("TWITCHLOG_JOURNAL");
  env_.twitchlog_rules = env("TWITCHLOG_RULES");
  env_.xdg_data_home = env("XDG_DATA_HOME");
  env_.xdg_config_home = env("XDG_CONFIG_HOME");
  env_.home = env("HOME");
  const Timestamp clock = local_timestamp(static_cast<std::int64_t>(std::time(nullptr)));
  now_ = clock;
  if (!options.as_of.empty()) {
    try {
      now_ = parse_instant(options.as_of, clock, /*date_means_end_of_day=*/true);
    } catch (const Error& e) {
      throw_usage(std::string("--as-of: ") + e.what());
    }
  }
}

std::string Context::journal_path() const { return twitchlog::journal_path(options_.journal, env_); }

RuleSet Context::load_rules() const {
  const auto path = rules_path(options_.rules, env_);
  if (!path) return load_builtin_rules();
  return twitchlog::load_rules(read_file(*path), *path);
}

}  // namespace twitchlog::cli
