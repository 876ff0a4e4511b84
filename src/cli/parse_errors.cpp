// Better messages than CLI11's for the usual slips on the command line: a
// subcommand or an option typed wrong ("did you mean report?"), and an option
// given in the wrong place ("--format is an option of report: twitchlog
// report --format json").
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/suggest.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

std::vector<const CLI::App*> subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// The option `name` ("--format", "-s") of `app`, or nullptr.
const CLI::Option* option_named(const CLI::App& app, const std::string& name) {
  for (const CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional()) continue;
    for (const auto& s : opt->get_snames()) {
      if ("-" + s == name) return opt;
    }
    for (const auto& l : opt->get_lnames()) {
      if ("--" + l == name) return opt;
    }
  }
  return nullptr;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional()) continue;
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
  }
  return names;
}

}  // namespace

std::string explain_parse_error(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* current = nullptr;  // the subcommand, once named
  std::vector<std::string> sub_names;
  for (const CLI::App* sub : subcommands(app)) sub_names.push_back(sub->get_name());
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return {};
    if (arg.size() > 1 && arg[0] == '-') {
      const bool long_option = arg.starts_with("--");
      const auto eq = arg.find('=');
      const std::string name = long_option ? arg.substr(0, eq) : arg.substr(0, 2);
      const CLI::Option* opt = current != nullptr ? option_named(*current, name) : nullptr;
      if (opt == nullptr) opt = option_named(app, name);
      if (opt != nullptr) {
        const bool value_attached = long_option ? eq != std::string::npos : arg.size() > 2;
        if (opt->get_items_expected_max() != 0 && !value_attached) ++i;  // its value
        continue;
      }
      if (name == "-h" || name == "--help") continue;
      // Not an option here: whose is it?
      std::vector<std::string> owners;
      for (const CLI::App* sub : subcommands(app)) {
        if (option_named(*sub, name) != nullptr) owners.push_back(sub->get_name());
      }
      if (!owners.empty()) {
        // Given before the subcommand: the one named later, when it has the option.
        std::string owner = owners.front();
        if (current == nullptr) {
          for (std::size_t j = i + 1; j < args.size(); ++j) {
            if (std::find(owners.begin(), owners.end(), args[j]) != owners.end()) {
              owner = args[j];
              owners = {owner};
              break;
            }
          }
        }
        const CLI::Option* theirs = option_named(*app.get_subcommand(owner), name);
        std::string example = "twitchlog " + owner + " " + arg;
        if (theirs->get_items_expected_max() != 0 && eq == std::string::npos && i + 1 < args.size()) {
          example += " " + args[i + 1];
        }
        return fmt::format("{} is an option of {}: {}{}", name, join_or(owners), example,
                           current != nullptr ? fmt::format(" ({} has no {})", current->get_name(), name) : "");
      }
      std::vector<std::string> valid = option_names(app);
      if (current != nullptr) {
        const auto own = option_names(*current);
        valid.insert(valid.begin(), own.begin(), own.end());
      }
      return fmt::format("unknown option {}{}; see twitchlog {}--help", twitchlog::quoted(name),
                         did_you_mean(name, valid), current != nullptr ? current->get_name() + " " : "");
    }
    if (current == nullptr) {
      const CLI::App* sub = nullptr;
      for (const CLI::App* s : subcommands(app)) {
        if (s->get_name() == arg) sub = s;
      }
      if (sub == nullptr) {
        return fmt::format("unknown subcommand {}{}; valid: {}", twitchlog::quoted(arg), did_you_mean(arg, sub_names),
                           join(sub_names));
      }
      current = sub;
    }
  }
  return {};
}

}  // namespace twitchlog::cli
