// What every subcommand needs: the global options, the environment they
// resolve against, "now", and the rules. Only the CLI reads the environment.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
  /// "Now" for a command that writes an entry: refuses (usage error) an
  /// --as-of later than the clock, so nothing is ever written in the future.
  const Timestamp& now_for_writing() const;
  /// The journal's path (--journal, $TWITCHLOG_JOURNAL, XDG default).
  std::string journal_path() const;
  /// The rules in force (--rules, $TWITCHLOG_RULES, XDG config, built in).
  RuleSet load_rules() const;

 private:
  const GlobalOptions& options_;
  PathEnvironment env_;
  Timestamp now_;
  Timestamp clock_;
};

/// The values of an option that takes one of a fixed few.
using Choices = std::span<const std::string_view>;
inline constexpr std::array<std::string_view, 3> kColorChoices{"auto", "always", "never"};

/// What an option's value is: the one description that checks, help and
/// shell completion (`twitchlog completion`) share.
enum class ValueKind {
  text,      ///< free text: nothing to complete
  file,      ///< a file name
  choice,    ///< one of `choices`
  red_flag,  ///< red-flag ids of the rules (a comma-separated list when `list`)
  area,      ///< area ids of the rules
  remedy,    ///< remedy ids of the rules
  factor,    ///< check-in factor ids of the rules, as KEY=VALUE
  instant,   ///< a time phrase (the one-word ones are offered)
};
struct ValueSpec {
  ValueKind kind = ValueKind::text;
  std::vector<std::string_view> choices;  ///< for ValueKind::choice
  bool list = false;                      ///< comma-separated items

  static ValueSpec of(ValueKind kind, bool list = false) { return ValueSpec{kind, {}, list}; }
};
/// Records what `option`'s value is, and returns it for chaining.
CLI::Option* describe_value(CLI::Option* option, ValueSpec spec);
/// Shorthand: `option` takes one of `choices`.
CLI::Option* describe_choices(CLI::Option* option, Choices choices);
/// What describe_value recorded for `option` (text when nothing).
ValueSpec value_of(const CLI::Option* option);

/// --color WHEN (auto, always, never), described for completion.
CLI::Option* add_color_option(CLI::App* sub, std::string& choice);

/// Writes `text` to standard error with every line passed through
/// printable() (so no byte from a file name, the command line or a file can
/// drive the terminal), in one write(2). Never throws: when standard error
/// itself fails there is nowhere left to say so, and the exit status tells.
void print_error(std::string_view text);

/// Writes `text` to standard output and flushes it. Returns 0 when it was
/// written, else the errno of the failure (EPIPE included); clears the
/// stream's error, so that only the caller decides what the failure means.
int write_output(std::string_view text);

/// Warns on stderr, with the chmod that fixes it, when the journal at `path`
/// can be read or written by others, or its folder can be listed by others
/// (`log` and `check` call it).
void warn_if_shared(const std::string& path);

/// Refuses a value outside `valid`: "OPTION: unknown WHAT "VALUE"; valid: ..." (exit 2).
void check_choice(std::string_view option, std::string_view what, const std::string& value, Choices valid);
/// The output formats of every command; each command accepts some of them.
enum class Format { text, json, csv, tsv, markdown, html, jsonl };
inline constexpr auto kFormatNames = make_names<Format>({{Format::text, "text"},
                                                         {Format::json, "json"},
                                                         {Format::csv, "csv"},
                                                         {Format::tsv, "tsv"},
                                                         {Format::markdown, "markdown"},
                                                         {Format::html, "html"},
                                                         {Format::jsonl, "jsonl"}});
/// The formats a command accepts, as names (for --format's choices and completion).
template <std::size_t N>
constexpr std::array<std::string_view, N> format_names(const std::array<Format, N>& formats) {
  std::array<std::string_view, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = kFormatNames.name(formats[i]);
  return out;
}
/// --format FORMAT among `valid` (names from format_names), as a Format.
Format parse_format(const std::string& format, Choices valid);
/// --color auto|always|never: always, never, or on a terminal when NO_COLOR is unset.
bool use_color(const std::string& choice);
/// --strict: fail (exit 1) when the journal has lines `check` rejects.
CLI::Option* add_strict_option(CLI::App* sub, bool& strict);
/// With --strict, shows what was left out and fails when `check` would.
void enforce_strict(bool strict, const JournalRead& read);

/// The local day of a --from or --to value (a date, or any --at form); a usage Error names `option`.
std::int64_t day_option(const std::string& option, const std::string& text, const Timestamp& now);

/// -o/--output FILE and --force: a command writes its output to FILE (see
/// write_output_file) instead of standard output.
struct OutputOptions {
  std::string file;
  bool force = false;
};
void add_output_options(CLI::App* sub, OutputOptions& options);
/// Refuses an existing FILE without --force, before any work (nothing when there is no -o).
void check_output(const OutputOptions& options);
/// Writes `text` to FILE, else to standard output.
void emit_output(const OutputOptions& options, std::string_view text);

/// Tells on stderr that the journal does not exist yet, shows the lines a
/// reading command left out (the first 10, then a count), and counts the
/// warnings that `check` would list.
void report_read(const JournalRead& read);

/// A clearer message for a command line CLI11 refused (`args` without the
/// program name): an unknown subcommand or option with "did you mean ...?",
/// an option of another subcommand with where it belongs; "" when there is
/// nothing better to say than CLI11's message.
std::string explain_parse_error(const CLI::App& app, const std::vector<std::string>& args);

/// "cups/day, 0 to 20" (", whole numbers" when integer): a factor's unit and range.
std::string factor_range(const Factor& factor);
/// The factors with their units and ranges, for `log --help`.
std::string factor_help(const RuleSet& rules);
/// Adds the factors of the rules in force to `log --help` (after the footers are set).
void add_factor_help(CLI::App& app, const GlobalOptions& globals);
/// The guided check-in (`checkin`, `log --checkin` with no values): a usage
/// error off a terminal, naming the non-interactive form. `at` is --at.
int guided_checkin(const GlobalOptions& globals, bool quiet, const std::optional<std::string>& at);

/// Each subcommand: its options and the callback that runs it. The callback
/// stores the exit status in `status`.
void setup_log(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_checkin(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_check(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_report(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_advise(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_triage(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_rules(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_last(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_undo(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_retract(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_edit(CLI::App& app, const GlobalOptions& globals, int& status);
/// `completion SHELL`: a completion script generated from `app`'s options and the rules in force.
void setup_completion(CLI::App& app, const GlobalOptions& globals, int& status);
void setup_export(CLI::App& app, const GlobalOptions& globals, int& status);

}  // namespace twitchlog::cli
