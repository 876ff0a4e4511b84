// `twitchlog triage`: red flags from the answers and the journal, to a care level.
#include <unistd.h>

#include <cerrno>
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
  bool ask = false;
  bool no_ask = false;
  std::string format = "text";
  std::string color = "auto";
  bool exit_code = false;
  bool dry_run = false;
  bool strict = false;
};

// --yes and --no: comma-separated and repeatable, ids of the rules, each answered once.
void add_answers(const std::vector<std::string>& values, Answer answer, std::string_view option, const RuleSet& rules,
                 Answers& answers) {
  for (const auto& value : values) {
    for (const auto id : split_commas(value)) {
      if (rules.find_red_flag(id) == nullptr) {
        throw_usage(fmt::format("{}: unknown red flag {}{}; valid: {}", option, twitchlog::quoted(id),
                                did_you_mean(id, rules.red_flag_ids()), join(rules.red_flag_ids())));
      }
      const auto [it, inserted] = answers.emplace(std::string(id), answer);
      if (!inserted && it->second != answer) {
        throw_usage(fmt::format("red flag {} is answered both yes and no", twitchlog::quoted(id)));
      }
    }
  }
}

// Reads one answer from standard input: y, n or ? (and their long forms).
// Returns false at the end of the input.
bool read_answer(Answer& answer) {
  const bool echo = ::isatty(STDIN_FILENO) != 1;  // answers from a pipe: show them, as a terminal would
  std::string line;
  for (;;) {
    if (!std::getline(std::cin, line)) return false;
    if (echo) fmt::print(stderr, "{}\n", printable(line));
    std::string word;
    for (const char c : line) {
      if (c != ' ' && c != '\t' && c != '\r') word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (word == "y" || word == "yes") {
      answer = Answer::yes;
      return true;
    }
    if (word == "n" || word == "no") {
      answer = Answer::no;
      return true;
    }
    if (word == "?" || word == "unsure" || word == "u") {
      answer = Answer::unsure;
      return true;
    }
    fmt::print(stderr, "  Please answer y (yes), n (no) or ? (unsure): ");
    std::fflush(stderr);
  }
}

// Asks the open questions in turn, most urgent first. An emergency answered
// yes (or unsure) ends the questions at once.
void ask_questions(const RuleSet& rules, const JournalFindings& findings, Answers& answers) {
  const auto questions = open_questions(rules, findings, answers);
  if (questions.empty()) return;
  const int most_urgent = static_cast<int>(rules.levels.size()) - 1;
  fmt::print(stderr, "{} questions, most urgent first. Answer y (yes), n (no) or ? (unsure).\n", questions.size());
  for (const RedFlag* flag : questions) {
    fmt::print(stderr, "[{}] {} [y/n/?] ", printable(flag->level), printable(flag->question));
    std::fflush(stderr);
    Answer answer;
    if (!read_answer(answer)) {
      fmt::print(stderr, "\n");
      return;
    }
    answers[flag->id] = answer;
    if (answer != Answer::no && flag->level_rank == most_urgent) {
      fmt::print(stderr, "\n{}\n\n", printable(rules.levels.back().action));
      return;
    }
  }
}

int run_triage(const TriageOptions& options, const GlobalOptions& globals) {
  const Format format = parse_format(options.format, kFormats);
  const bool color = use_color(options.color);
  if (options.ask && options.no_ask) throw_usage("choose one of --ask and --no-ask");
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  Answers answers;
  add_answers(options.yes, Answer::yes, "--yes", rules, answers);
  add_answers(options.no, Answer::no, "--no", rules, answers);

  const bool asking = options.ask || (!options.no_ask && ::isatty(STDIN_FILENO) == 1);
  // Answers are recorded: refuse a future --as-of before reading or asking anything.
  if (!options.dry_run && (asking || !answers.empty())) context.now_for_writing();

  const std::string path = context.journal_path();
  const JournalFindings findings = scan_for_triage_file(path, rules, context.now());
  enforce_strict(options.strict, findings.read);
  if (format != Format::json) report_read(findings.read);
  if (asking) ask_questions(rules, findings, answers);

  const Assessment assessment = assess(rules, findings, answers, context.now());
  TriageView view;
  view.journal = path;
  view.read = &findings.read;
  view.color = format == Format::text && color;
  // The result is shown even when recording fails: it matters more than the record.
  std::optional<Error> record_error;
  if (!answers.empty() && !options.dry_run) {
    try {
      append_line(path, triage_entry(assessment, context.now_for_writing()));
      view.recorded = true;
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
      "On a terminal, each unanswered question is asked in turn, most urgent first (y, n or ? for unsure;\n"
      "unsure counts as yes). A triage with answers is recorded in the journal as a triage entry, so the\n"
      "flags answered yes stay in force for the rules' window; --dry-run records nothing.\n\n"
      "Examples:\n"
      "  twitchlog triage\n"
      "  twitchlog triage --yes chewing --no weakness,drooping\n"
      "  twitchlog triage --no-ask --format json | jq -r .level\n"
      "  twitchlog triage --no-ask --exit-code || notify-send 'twitchlog: see a doctor'");
  sub->callback([options, &globals, &status] { status = run_triage(*options, globals); });
}

}  // namespace twitchlog::cli
