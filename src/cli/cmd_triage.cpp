// `twitchlog triage`: red flags from the answers and the journal, to a care level.
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/suggest.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog::cli {

namespace {

constexpr std::array<Format, 2> kFormatList{Format::text, Format::json};
constexpr auto kFormats = format_names(kFormatList);

struct TriageOptions {
  std::vector<std::string> yes;
  std::vector<std::string> no;
  std::vector<std::string> unsure;
  std::vector<std::string> sudden;
  bool ask = false;
  bool no_ask = false;
  std::string format = "text";
  std::string color = "auto";
  bool exit_code = false;
  bool dry_run = false;
  bool strict = false;
};

// The red flag an id names (an alias names its flag), or a usage error.
const RedFlag& flag_of(std::string_view id, std::string_view option, const RuleSet& rules) {
  const RedFlag* flag = rules.find_red_flag(id);
  if (flag == nullptr) {
    throw_usage(fmt::format("{}: unknown red flag {}{}; valid: {}", option, twitchlog::quoted(id),
                            did_you_mean(id, rules.red_flag_ids()), join(rules.red_flag_ids())));
  }
  return *flag;
}

// --yes, --no and --unsure: comma-separated and repeatable, each flag answered once.
void add_answers(const std::vector<std::string>& values, Answer answer, std::string_view option, const RuleSet& rules,
                 Answers& answers) {
  for (const auto& value : values) {
    for (const auto id : split_commas(value)) {
      const RedFlag& flag = flag_of(id, option, rules);
      const auto [it, inserted] = answers.emplace(flag.id, answer);
      if (!inserted && it->second != answer) {
        throw_usage(fmt::format("red flag {} is answered both {} and {}", twitchlog::quoted(flag.id),
                                answer_name(it->second), answer_name(answer)));
      }
    }
  }
}

// --sudden: onset flags only; implies yes (unsure when also in --unsure).
void add_sudden(const std::vector<std::string>& values, const RuleSet& rules, RunAnswers& run) {
  std::vector<std::string> onset;
  for (const auto& flag : rules.red_flags) {
    if (flag.onset) onset.push_back(flag.id);
  }
  for (const auto& value : values) {
    for (const auto id : split_commas(value)) {
      const RedFlag& flag = flag_of(id, "--sudden", rules);
      if (!flag.onset) {
        throw_usage(
            fmt::format("--sudden: {} has no onset question; valid: {}", twitchlog::quoted(flag.id), join(onset)));
      }
      const auto [it, inserted] = run.answers.emplace(flag.id, Answer::yes);
      if (!inserted && it->second == Answer::no) {
        throw_usage(fmt::format("red flag {} is answered both no and sudden", twitchlog::quoted(flag.id)));
      }
      run.sudden.insert(flag.id);
    }
  }
}

// Reads lines from standard input with read(2), so that Ctrl-C (SIGINT)
// ends a question instead of the process: the answers given so far are
// recorded.
class AnswerReader {
 public:
  AnswerReader() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: read(2) returns EINTR
    ::sigaction(SIGINT, &action, &previous_);
    interrupted_ = 0;
  }
  ~AnswerReader() { ::sigaction(SIGINT, &previous_, nullptr); }
  AnswerReader(const AnswerReader&) = delete;
  AnswerReader& operator=(const AnswerReader&) = delete;

  bool interrupted() const { return interrupted_ != 0; }

  // One line without its end; false at the end of the input or on Ctrl-C.
  bool line(std::string& out) {
    out.clear();
    for (;;) {
      if (interrupted_ != 0) return false;
      char c;
      const ssize_t n = ::read(STDIN_FILENO, &c, 1);
      if (n == 1) {
        if (c == '\n') return true;
        out += c;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;  // the flag decides
      return !out.empty();
    }
  }

 private:
  static void on_interrupt(int) { interrupted_ = 1; }
  static inline volatile std::sig_atomic_t interrupted_ = 0;
  struct sigaction previous_ {};
};

enum class Reply { yes, no, unsure, stop };

// Reads one reply: y, n, ? (and their long forms), or q to stop. The end of
// the input and Ctrl-C stop too.
Reply read_reply(AnswerReader& reader) {
  const bool echo = ::isatty(STDIN_FILENO) != 1;  // answers from a pipe: show them, as a terminal would
  std::string line;
  for (;;) {
    if (!reader.line(line)) {
      fmt::print(stderr, "\n");
      return Reply::stop;
    }
    if (echo) fmt::print(stderr, "{}\n", printable(line));
    std::string word;
    for (const char c : line) {
      if (c != ' ' && c != '\t' && c != '\r') word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (word == "y" || word == "yes") return Reply::yes;
    if (word == "n" || word == "no") return Reply::no;
    if (word == "?" || word == "unsure" || word == "u") return Reply::unsure;
    if (word == "q" || word == "quit") return Reply::stop;
    fmt::print(stderr, "  Please answer y (yes), n (no) or ? (unsure), or q to stop: ");
    std::fflush(stderr);
  }
}

// Asks the open questions in turn, most urgent first. After the last of a
// row of onset flags, one follow-up asks whether those answered yes came on
// suddenly. An answer that makes the level the most urgent ends the
// questions. Returns true when they were stopped (q, Ctrl-C, end of input).
bool ask_questions(const RuleSet& rules, const JournalFindings& findings, RunAnswers& run, bool& ctrl_c) {
  const auto questions = open_questions(rules, assess(rules, findings, run));
  if (questions.empty()) return false;
  const int most_urgent = static_cast<int>(rules.levels.size()) - 1;
  AnswerReader reader;
  fmt::print(stderr, "{} questions, most urgent first. Answer y (yes), n (no) or ? (unsure); q stops.\n",
             questions.size());
  // Onset flags answered yes or unsure and not yet followed up: those of the command line first.
  std::vector<std::string> pending;
  for (const auto& [id, answer] : run.answers) {
    const RedFlag* flag = rules.find_red_flag(id);
    if (answer != Answer::no && flag != nullptr && flag->onset && run.sudden.count(id) == 0) pending.push_back(id);
  }
  const auto stopped = [&] {
    ctrl_c = reader.interrupted();
    return true;
  };
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const RedFlag* flag = questions[i];
    fmt::print(stderr, "[{}] {} [y/n/?] ", printable(flag->level), printable(flag->question));
    std::fflush(stderr);
    const Reply reply = read_reply(reader);
    if (reply == Reply::stop) return stopped();
    run.answers[flag->id] = reply == Reply::yes ? Answer::yes : reply == Reply::no ? Answer::no : Answer::unsure;
    if (reply != Reply::no && flag->onset) pending.push_back(flag->id);
    // The follow-up comes after the last of a row of onset questions, and not among the emergency ones.
    const bool next_is_onset = i + 1 < questions.size() && questions[i + 1]->onset;
    const bool next_is_emergency = i + 1 < questions.size() && questions[i + 1]->level_rank == most_urgent;
    if (!pending.empty() && !next_is_onset && !next_is_emergency) {
      fmt::print(stderr, "  {} (about: {}) [y/n/?] ", printable(rules.triage.onset_question), join(pending));
      std::fflush(stderr);
      const Reply onset = read_reply(reader);
      if (onset == Reply::stop) return stopped();
      if (onset != Reply::no) run.sudden.insert(pending.begin(), pending.end());
      pending.clear();
    }
    const Assessment now = assess(rules, findings, run);
    if (now.level->rank == most_urgent) {
      fmt::print(stderr, "\n{}\n\n", printable(now.level->action));
      return false;
    }
  }
  return false;
}

int run_triage(const TriageOptions& options, const GlobalOptions& globals) {
  const Format format = parse_format(options.format, kFormats);
  const bool color = use_color(options.color);
  if (options.ask && options.no_ask) throw_usage("choose one of --ask and --no-ask");
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  RunAnswers run;
  add_answers(options.yes, Answer::yes, "--yes", rules, run.answers);
  add_answers(options.no, Answer::no, "--no", rules, run.answers);
  add_answers(options.unsure, Answer::unsure, "--unsure", rules, run.answers);
  add_sudden(options.sudden, rules, run);

  const bool asking = options.ask || (!options.no_ask && ::isatty(STDIN_FILENO) == 1);
  // Answers are recorded: refuse a future --as-of before reading or asking anything.
  if (!options.dry_run && (asking || !run.empty())) context.now_for_writing();

  const std::string path = context.journal_path();
  const JournalFindings findings = scan_for_triage_file(path, rules, context.now());
  enforce_strict(options.strict, findings.read);
  if (format != Format::json) report_read(findings.read);
  TriageView view;
  bool ctrl_c = false;
  if (asking) view.interrupted = ask_questions(rules, findings, run, ctrl_c);

  const Assessment assessment = assess(rules, findings, run);
  view.journal = path;
  view.read = &findings.read;
  view.color = format == Format::text && color;
  // The result is shown even when recording fails: it matters more than the record.
  std::optional<Error> record_error;
  if (!run.empty() && !options.dry_run) {
    try {
      const Timestamp at = context.now_for_writing();
      append_line(path, triage_entry(assessment, at));
      view.recorded = true;
      view.recorded_at = at;
    } catch (const Error& e) {
      record_error = e;
    }
  }
  const int output_error = write_output(format == Format::json ? render_triage_json(assessment, rules, view)
                                                               : render_triage_text(assessment, rules, view));
  if (record_error) {
    print_error(fmt::format("twitchlog: error: this triage was not recorded: {}", record_error->what()));
    return exit_code(ExitStatus::data);
  }
  if (output_error != 0 && output_error != EPIPE) {
    // Once the triage is recorded, the status says so: a retry would record it twice.
    if (!view.recorded) {
      print_error(fmt::format("twitchlog: error: cannot write to standard output: {}", errno_text(output_error)));
      return exit_code(ExitStatus::data);
    }
    print_error(fmt::format(
        "twitchlog: warning: the triage was recorded, but its result could not be shown: cannot write to standard "
        "output: {}",
        errno_text(output_error)));
  }
  if (ctrl_c) return 130;
  return options.exit_code ? exit_status_for(assessment) : 0;
}

}  // namespace

void setup_triage(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<TriageOptions>();
  CLI::App* sub = app.add_subcommand(
      "triage", "Red flags from your answers and the journal, to a care level with the reasons (not a diagnosis)");
  describe_value(sub->add_option("--yes", options->yes, "Red flags you have (ids, comma-separated or repeated)")
                     ->option_text("ID,...")
                     ->allow_extra_args(false),
                 ValueSpec::of(ValueKind::red_flag, true));
  describe_value(
      sub->add_option("--no", options->no, "Red flags you do not have")->option_text("ID,...")->allow_extra_args(false),
      ValueSpec::of(ValueKind::red_flag, true));
  describe_value(sub->add_option("--unsure", options->unsure, "Red flags you are not sure about (counted as yes)")
                     ->option_text("ID,...")
                     ->allow_extra_args(false),
                 ValueSpec::of(ValueKind::red_flag, true));
  describe_value(sub->add_option("--sudden", options->sudden,
                                 "Onset flags that came on suddenly, now or in the last 24 hours (implies yes; "
                                 "unsure when also in --unsure)")
                     ->option_text("ID,...")
                     ->allow_extra_args(false),
                 ValueSpec::of(ValueKind::red_flag, true));
  sub->add_flag("--ask", options->ask, "Ask the unanswered questions even when standard input is not a terminal");
  sub->add_flag("--no-ask", options->no_ask, "Ask nothing; list the unanswered questions instead");
  describe_choices(sub->add_option("--format", options->format, "Output format: text or json")->option_text("FORMAT"),
                   kFormats);
  add_color_option(sub, options->color);
  sub->add_flag("--exit-code", options->exit_code,
                "Exit status tells the level: 0 for the least urgent, else 9 + its rank (10 doctor, 11 doctor-soon, 12 "
                "emergency)");
  sub->add_flag("--dry-run", options->dry_run, "Do not record this triage in the journal");
  add_strict_option(sub, options->strict);
  sub->footer(
      "On a terminal, the questions are asked in turn, most urgent first: y, n or ? (unsure, counted as\n"
      "yes), q to stop. The emergency questions come first on every run; a yes to a face, speech or\n"
      "vision question is followed by one question: did it come on suddenly, now or in the last 24 hours?\n"
      "An answer that makes it an emergency ends the questions. A flag that is already open is not asked\n"
      "(an emergency one is, once it is open at a lower level), and a recent no spares its question (7 days\n"
      "at doctor-soon, 30 at doctor; from the rules).\n\n"
      "The answers of a run are recorded as one triage entry (also when you stop with q or Ctrl-C), so a\n"
      "yes stays open: an emergency for 24 hours and then doctor-soon, doctor-soon until a doctor has seen\n"
      "you (`twitchlog log --visit`), doctor for 30 days. A no never closes a yes; a mistaken answer is\n"
      "taken back with `twitchlog retract` (the output shows the exact command). --dry-run records nothing.\n\n"
      "Examples:\n"
      "  twitchlog triage\n"
      "  twitchlog triage --yes chewing --no weakness,drooping\n"
      "  twitchlog triage --sudden drooping            # came on suddenly: an emergency\n"
      "  twitchlog triage --no-ask --format json | jq -r .level\n"
      "  twitchlog triage --no-ask --exit-code || notify-send 'twitchlog: see a doctor'");
  sub->callback([options, &globals, &status] { status = run_triage(*options, globals); });
}

}  // namespace twitchlog::cli
