#include "context.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/output_file.hpp"
#include "twitchlog/suggest.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// `text` as one word for a POSIX shell: as it is when that is safe, else in single quotes.
std::string shell_quoted(std::string_view text) {
  const bool safe = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("/._-+,:@%").find(c) != std::string_view::npos;
  });
  if (safe) return std::string(text);
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

Context::Context(const GlobalOptions& options) : options_(options) {
  env_.twitchlog_journal = env("TWITCHLOG_JOURNAL");
  env_.twitchlog_rules = env("TWITCHLOG_RULES");
  env_.xdg_data_home = env("XDG_DATA_HOME");
  env_.xdg_config_home = env("XDG_CONFIG_HOME");
  env_.home = env("HOME");
  const Timestamp clock = local_timestamp(static_cast<std::int64_t>(std::time(nullptr)));
  clock_ = clock;
  now_ = clock;
  if (!options.as_of.empty()) {
    try {
      now_ = parse_instant(options.as_of, clock, /*date_means_end_of_day=*/true);
    } catch (const Error& e) {
      throw_usage(std::string("--as-of: ") + e.what());
    }
  }
}

const Timestamp& Context::now_for_writing() const {
  if (now_.unix_seconds > clock_.unix_seconds) {
    throw_usage(
        fmt::format("--as-of: {} is later than the clock ({}); a command that writes takes no future --as-of, "
                    "so that no entry is dated in the future (reading commands take one)",
                    format_timestamp(now_), format_timestamp(clock_)));
  }
  return now_;
}

std::string Context::journal_path() const { return twitchlog::journal_path(options_.journal, env_); }

void print_error(std::string_view text) {
  try {
    std::string out;
    out.reserve(text.size() + 1);
    for (;;) {
      const auto newline = text.find('\n');
      out += printable(text.substr(0, newline));
      if (newline == std::string_view::npos) break;
      out += '\n';
      text.remove_prefix(newline + 1);
    }
    out += '\n';
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::write(STDERR_FILENO, out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // stderr is gone (closed, full): nothing more can be said
      done += static_cast<std::size_t>(n);
    }
  } catch (...) {  // out of memory while escaping: stay quiet rather than abort
  }
}

int write_output(std::string_view text) {
  errno = 0;
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    const int err = errno != 0 ? errno : EIO;
    std::clearerr(stdout);
    return err;
  }
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int err = errno != 0 ? errno : EIO;
    std::clearerr(stdout);
    return err;
  }
  return 0;
}

void warn_if_shared(const std::string& path) {
  // The journal is health data: say so when others may read or write it, or list its folder.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 066) != 0) {
    print_error(fmt::format(
        "twitchlog: warning: journal {} can be read or written by others (mode {:04o}); make it private: chmod 600 {}",
        path, st.st_mode & 07777, shell_quoted(printable(path))));
  }
  // The folder of the file itself (a symlinked journal's real folder; the folder it will be made in).
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) return;  // not a journal at all: the command says so
  const auto parent = [](const std::string& file) {
    const auto slash = file.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : file.substr(0, std::max<std::size_t>(slash, 1));
  };
  char* real = ::realpath(exists ? path.c_str() : parent(path).c_str(), nullptr);
  if (real == nullptr) return;
  const std::string folder = exists ? parent(real) : std::string(real);
  std::free(real);
  if (::stat(folder.c_str(), &st) != 0 || (st.st_mode & 044) == 0) return;
  if ((st.st_mode & S_IWOTH) != 0 && (st.st_mode & S_ISVTX) == 0) return;  // the writer refuses it outright
  if ((st.st_mode & S_ISVTX) != 0 || st.st_uid != ::geteuid()) {
    print_error(fmt::format(
        "twitchlog: warning: journal {} is in {}, a folder others can list (mode {:04o}, owner uid {}): they can see "
        "that it exists; keep it in a private folder of your own",
        path, folder, st.st_mode & 07777, st.st_uid));
  } else {
    print_error(fmt::format(
        "twitchlog: warning: the folder of journal {}, {}, can be listed by others (mode {:04o}); make it private: "
        "chmod 700 {}",
        path, folder, st.st_mode & 07777, shell_quoted(printable(folder))));
  }
}

RuleSet Context::load_rules() const {
  const auto path = rules_path(options_.rules, env_);
  if (!path) return load_builtin_rules();
  return twitchlog::load_rules(read_file(*path), *path);
}

namespace {

std::map<const CLI::Option*, ValueSpec>& value_specs() {
  static std::map<const CLI::Option*, ValueSpec> specs;
  return specs;
}

}  // namespace

CLI::Option* describe_value(CLI::Option* option, ValueSpec spec) {
  value_specs()[option] = std::move(spec);
  return option;
}

CLI::Option* describe_choices(CLI::Option* option, Choices choices) {
  return describe_value(option, ValueSpec{ValueKind::choice, {choices.begin(), choices.end()}, false});
}

ValueSpec value_of(const CLI::Option* option) {
  const auto it = value_specs().find(option);
  return it == value_specs().end() ? ValueSpec{} : it->second;
}

void check_choice(std::string_view option, std::string_view what, const std::string& value, Choices valid) {
  for (const auto v : valid) {
    if (v == value) return;
  }
  std::vector<std::string> names(valid.begin(), valid.end());
  throw_usage(fmt::format("{}: unknown {} {}{}; valid: {}", option, what, twitchlog::quoted(value),
                          did_you_mean(value, valid), join(names)));
}

Format parse_format(const std::string& format, Choices valid) {
  check_choice("--format", "format", format, valid);
  return *kFormatNames.parse(format);
}

std::int64_t day_option(const std::string& option, const std::string& text, const Timestamp& now) {
  try {
    return local_timestamp(parse_instant(text, now).unix_seconds).day();
  } catch (const Error& e) {
    throw_usage(option + ": " + e.what());
  }
}

void add_output_options(CLI::App* sub, OutputOptions& options) {
  describe_value(
      sub->add_option("-o,--output", options.file, "Write to FILE (mode 0600, atomically) instead of standard output")
          ->option_text("FILE"),
      ValueSpec::of(ValueKind::file));
  sub->add_flag("--force", options.force, "With -o: replace FILE if it exists (else it is refused)");
}

void check_output(const OutputOptions& options) {
  if (options.force && options.file.empty()) throw_usage("--force goes with -o FILE: there is no file to replace");
  if (!options.file.empty()) check_output_file(options.file, options.force);
}

void emit_output(const OutputOptions& options, std::string_view text) {
  if (options.file.empty()) {
    fmt::print("{}", text);  // main() tells when standard output fails
  } else {
    write_output_file(options.file, text, options.force);
  }
}

CLI::Option* add_color_option(CLI::App* sub, std::string& choice) {
  return describe_choices(
      sub->add_option("--color", choice, "Colour the text: auto (on a terminal, unless NO_COLOR), always, never")
          ->option_text("WHEN"),
      kColorChoices);
}

bool use_color(const std::string& choice) {
  check_choice("--color", "choice", choice, kColorChoices);
  if (choice == "always") return true;
  if (choice == "never") return false;
  if (!env("NO_COLOR").empty()) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

CLI::Option* add_strict_option(CLI::App* sub, bool& strict) {
  return sub->add_flag(
      "--strict", strict,
      "Fail (exit 1) when the journal has lines `twitchlog check` rejects, instead of leaving them out");
}

void enforce_strict(bool strict, const JournalRead& read) {
  if (!strict || read.clean()) return;
  report_read(read);
  throw_data(fmt::format("--strict: {} line{} of {} left out, as `twitchlog check` finds; run it", read.errors,
                         read.errors == 1 ? "" : "s", printable(read.file)));
}

void report_read(const JournalRead& read) {
  if (read.missing) {
    print_error(fmt::format("twitchlog: note: journal {} does not exist yet; nothing from it is taken into account",
                            read.file));
  }
  // The lines left out, as check names them; warnings (unknown ids, entries
  // after now...) are counted in one line: `check` lists them.
  constexpr std::size_t kShown = 10;
  std::size_t shown = 0;
  for (const auto& d : read.diagnostics) {
    if (d.severity != Diagnostic::Severity::error || shown == kShown) continue;
    Diagnostic skipped = d;
    skipped.severity = Diagnostic::Severity::warning;
    skipped.message = "skipped: " + d.message;
    print_error(skipped.render());
    ++shown;
  }
  if (read.errors > shown) {
    print_error(
        fmt::format("twitchlog: warning: {} more malformed lines skipped; run `twitchlog check`", read.errors - shown));
  }
  if (read.warnings > 0) {
    print_error(fmt::format("twitchlog: note: {} warning{} about {}; run `twitchlog check` to see {}", read.warnings,
                            read.warnings == 1 ? "" : "s", read.file, read.warnings == 1 ? "it" : "them"));
  }
}

}  // namespace twitchlog::cli
