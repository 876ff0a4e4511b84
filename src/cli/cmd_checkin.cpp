// `twitchlog checkin` (and `log --checkin` with no values on a terminal): the
// guided check-in. Asks each factor of the rules with its unit and range and
// the last value as the default, then the note; shows the entry and asks to
// save it. Prompts go to standard error; answers are read from standard input
// with read(2), so that the first Ctrl-D ends it and writes nothing.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/log.hpp"
#include "twitchlog/model.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

// A prompt on standard error, without a line end.
void print_error_partial(std::string_view text) {
  const std::string out = printable(text);
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::write(STDERR_FILENO, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// One line from standard input without its "\n"; nullopt at the end of input
// (Ctrl-D, even in the middle of a line).
std::optional<std::string> read_answer() {
  std::string line;
  char c;
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    if (c == '\n') break;
    line += c;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string::npos) return std::string();
  return line.substr(first, line.find_last_not_of(" \t") - first + 1);
}

// The latest value of each factor in the journal's check-ins in force.
class LastValues : public EntrySink {
 public:
  explicit LastValues(std::size_t factors) : values_(factors) {}
  void on_entry(const TypedEntry& e) override {
    if (e.kind != Kind::checkin) return;
    for (const auto& v : e.values) {
      if (!values_[v.factor] || e.time.unix_seconds >= values_[v.factor]->first) {
        values_[v.factor] = std::pair{e.time.unix_seconds, v.value};
      }
    }
  }
  void restart() override { std::fill(values_.begin(), values_.end(), std::nullopt); }
  std::optional<double> value(std::size_t i) const {
    return values_[i] ? std::optional<double>(values_[i]->second) : std::nullopt;
  }

 private:
  std::vector<std::optional<std::pair<std::int64_t, double>>> values_;
};

}  // namespace

std::string factor_range(const Factor& f) {
  return fmt::format("{}, {} to {}{}", f.unit, format_number(f.min), format_number(f.max),
                     f.integer ? ", whole numbers" : "");
}

std::string factor_help(const RuleSet& rules) {
  std::string out = "Check-in factors (KEY=VALUE words with --checkin, from the rules in force):\n";
  for (const auto& f : rules.factors) {
    out += fmt::format("  {:<12} {}: {}\n", f.id + "=N", factor_range(f), f.description);
  }
  return out;
}

int guided_checkin(const GlobalOptions& globals, bool quiet, const std::optional<std::string>& at) {
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const Timestamp now = context.now_for_writing();
  if (::isatty(STDIN_FILENO) != 1 || ::isatty(STDERR_FILENO) != 1) {
    std::vector<std::string> forms;
    for (const auto& f : rules.factors) forms.push_back(f.id + "=N");
    throw_usage(
        fmt::format("the guided check-in asks its questions on a terminal; here, give the values: "
                    "twitchlog log --checkin {} [note=TEXT] (or KEY=VALUE lines on standard input: "
                    "twitchlog log --checkin -)",
                    join(forms, " ")));
  }
  const std::string path = context.journal_path();
  LastValues last(rules.factors.size());
  report_read(read_journal_file(path, rules, now, last));

  print_error(
      "Check-in: Enter keeps the value in [brackets], - skips, < goes back, . ends; Ctrl-D quits without saving.");
  const auto quit = [] {
    print_error("\nnothing saved");
    return 0;
  };
  std::vector<std::optional<std::string>> answers(rules.factors.size());
  for (std::size_t i = 0; i < rules.factors.size(); ++i) {
    if (const auto v = last.value(i)) answers[i] = format_number(*v);
  }
  std::size_t i = 0;
  while (i < rules.factors.size()) {
    const Factor& f = rules.factors[i];
    const auto prompt = fmt::format("{} ({}){}: ", f.id, factor_range(f),
                                    answers[i] ? fmt::format(" [{}]", *answers[i]) : std::string());
    print_error_partial(prompt);
    const auto answer = read_answer();
    if (!answer) return quit();
    if (*answer == ".") {  // the factors not asked yet are left out, whatever their last value
      std::fill(answers.begin() + static_cast<std::ptrdiff_t>(i), answers.end(), std::nullopt);
      break;
    }
    if (*answer == "<") {
      if (i > 0) --i;
      continue;
    }
    if (*answer == "-") {
      answers[i].reset();
      ++i;
      continue;
    }
    if (!answer->empty()) {
      LogRequest one;  // the value, checked as `log --checkin` checks it
      one.checkin = true;
      one.words = {f.id + "=" + *answer};
      try {
        build_entry(one, rules, now);
      } catch (const Error& e) {
        print_error(fmt::format("  {}", e.what()));
        continue;
      }
      answers[i] = *answer;
    }
    ++i;
  }
  LogRequest request;
  request.checkin = true;
  request.at = at;
  for (std::size_t k = 0; k < rules.factors.size(); ++k) {
    if (answers[k]) request.words.push_back(rules.factors[k].id + "=" + *answers[k]);
  }
  if (request.words.empty()) {
    print_error("no values given: nothing saved");
    return 0;
  }
  print_error_partial("note (Enter for none): ");
  const auto note = read_answer();
  if (!note) return quit();
  if (!note->empty() && *note != "." && *note != "-") request.words.push_back("note=" + *note);
  const std::string line = build_entry(request, rules, now);
  print_error(line);
  print_error_partial("Save it? [Y/n] ");
  const auto yes = read_answer();
  if (!yes) return quit();
  if (!yes->empty() && *yes != "y" && *yes != "Y" && *yes != "yes") {
    print_error("nothing saved");
    return 0;
  }
  warn_if_shared(path);
  append_line(path, line);
  if (!quiet) {
    if (const int err = write_output(line + "\n"); err != 0 && err != EPIPE) {
      print_error(fmt::format(
          "twitchlog: warning: the entry was recorded, but it could not be shown: cannot write to standard output: {}",
          errno_text(err)));
    }
  }
  return 0;
}

void add_factor_help(CLI::App& app, const GlobalOptions& globals) {
  CLI::App* log = app.get_subcommand("log");
  log->footer([&globals] {
    try {
      return factor_help(Context(globals).load_rules());
    } catch (const Error&) {  // a bad --rules or --as-of: the command itself says so
      return factor_help(load_builtin_rules());
    }
  });
}

void setup_checkin(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto quiet = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("checkin", "The daily check-in, question by question (on a terminal)");
  sub->add_flag("-q,--quiet", *quiet, "Do not print the entry written");
  sub->footer(
      "Asks each factor of the rules with its unit and range, the last value as the default:\n"
      "Enter keeps it, - skips it, < goes back, . ends; then a note; then shows the entry and asks to save it.\n"
      "Ctrl-D quits without writing anything. Off a terminal, use twitchlog log --checkin KEY=VALUE...\n"
      "\nExamples:\n"
      "  twitchlog checkin\n"
      "  twitchlog log --checkin caffeine=3 sleep=6.5");
  sub->callback([quiet, &globals, &status] { status = guided_checkin(globals, *quiet, std::nullopt); });
}

}  // namespace twitchlog::cli
