// `twitchlog log`: append one entry to the journal.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/log.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time_phrases.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog::cli {

namespace {

struct LogOptions {
  LogRequest request;
  bool quiet = false;
  bool exit_code = false;
};

// After a twitch with red flags, a visit, or with --exit-code: what triage
// says now, from the journal as it is with the new entry. Returns the exit
// status of --exit-code.
int after_entry(const LogOptions& options, const RuleSet& rules, const std::string& path, const Timestamp& now,
                const std::optional<Assessment>& before) {
  const JournalFindings findings = scan_for_triage_file(path, rules, now);
  const Assessment a = assess(rules, findings, {});
  if (options.request.visit && before) {
    std::vector<std::string> closed;
    for (const auto& f : before->fired) {
      if (a.find(f.flag->id) == nullptr) closed.push_back(fmt::format("{} ({})", f.flag->id, f.level->id));
    }
    print_error(closed.empty() ? std::string("twitchlog: this visit closes no open red flag")
                               : fmt::format("twitchlog: this visit closes: {}; journal patterns count again from the "
                                             "visit on",
                                             join(closed)));
  }
  const Level* notice = rules.find_level(rules.triage.notice_level);
  if (!options.request.flags.empty() && notice != nullptr && a.level->rank >= notice->rank) {
    print_error(fmt::format("twitchlog: care level {}: {}", printable(a.level->id), printable(a.level->action)));
    print_error("twitchlog: `twitchlog triage` shows the reasons");
  }
  return options.exit_code ? exit_status_for(a) : 0;
}

// Up to the end of input; on a terminal, the first Ctrl-D ends it, even in the middle of a line.
std::string read_standard_input() {
  const bool terminal = ::isatty(STDIN_FILENO) == 1;
  if (terminal) print_error("twitchlog: reading from the terminal; end with Ctrl-D");
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw_data("cannot read standard input: " + errno_text(errno));
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > kMaxLineBytes) throw_usage(fmt::format("standard input is longer than {} bytes", kMaxLineBytes));
    if (terminal && buffer[got - 1] != '\n') break;  // Ctrl-D after some text
  }
  return text;
}

int run_log(LogOptions& options, const GlobalOptions& globals) {
  const LogRequest& r = options.request;
  if (r.checkin && r.words.empty() && !r.severity && !r.duration && !r.where && !r.side && !r.remedy && !r.dose &&
      !r.note && r.tags.empty() && r.flags.empty()) {
    return guided_checkin(globals, options.quiet, options.request.at);
  }
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const std::vector<std::string> notes = prepare_log_request(options.request, rules, context.now());
  if (reads_standard_input(options.request)) options.request.standard_input = read_standard_input();
  // Everything is validated before the journal is touched; appending never reads it.
  const std::string line = build_entry(options.request, rules, context.now_for_writing());
  const std::string path = context.journal_path();
  warn_if_shared(path);
  const bool assess_after = options.exit_code || options.request.visit || !options.request.flags.empty();
  std::optional<Assessment> before;
  if (options.request.visit) before = assess(rules, scan_for_triage_file(path, rules, context.now()), {});
  append_line(path, line);
  for (const auto& note : notes) print_error(note);
  // The entry is durable now: whatever happens to the echo, the status says it was recorded (a retry
  // would write it twice).
  if (options.request.at) {
    const ResolvedTime resolved = resolve_time_phrase(*options.request.at, context.now(), DayMeans::representative);
    const InstantNotes& at_notes = resolved.notes;
    const Timestamp& taken = resolved.time;
    if (at_notes.ambiguous) {
      print_error(fmt::format(
          "twitchlog: note: {} happens twice in the local time zone (the clocks went back); took the first, "
          "{}; for the second, give --at {}",
          *options.request.at, format_timestamp(taken), format_timestamp(at_notes.later)));
    }
    if (at_notes.leap_second) {
      print_error("twitchlog: note: second 60 (a leap second) is recorded as second 59: Unix time has no leap seconds");
    }
  }
  if (!options.quiet) {
    if (const int err = write_output(line + "\n"); err != 0 && err != EPIPE) {
      print_error(fmt::format(
          "twitchlog: warning: the entry was recorded, but it could not be shown: cannot write to standard output: {}",
          errno_text(err)));
    }
  }
  if (!assess_after) return 0;
  // The entry's own instant may be before now; triage looks from now.
  const Timestamp now = context.now_for_writing();
  return after_entry(options, rules, path, now, before);
}

}  // namespace

void setup_log(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<LogOptions>();
  auto& r = options->request;
  CLI::App* sub = app.add_subcommand("log", "Record a twitch, a daily check-in, a remedy taken or a note");
  sub->add_option("-s,--severity", r.severity, "Twitch strength, 1 (faint) to 5 (strong)")->option_text("N");
  sub->add_option("-d,--duration", r.duration, "How long it lasted: 45 (seconds), 45s, 2m, '2 min', 1h30m")
      ->option_text("DURATION");
  sub->add_option("-t,--tag", r.tags, "Context or suspected trigger (repeatable, or comma-separated)")
      ->option_text("TAG")
      ->allow_extra_args(false);
  describe_value(
      sub->add_option("--flag", r.flags, "A red flag noticed with this twitch (repeatable; ids from the rules)")
          ->option_text("ID")
          ->allow_extra_args(false),
      ValueSpec::of(ValueKind::red_flag));
  describe_value(
      sub->add_option("--where", r.where, "Where it twitched (an area id of the rules; lower-lip when absent)")
          ->option_text("AREA"),
      ValueSpec::of(ValueKind::area));
  describe_choices(sub->add_option("--side", r.side, "left, right or both")->option_text("SIDE"), kSides);
  describe_value(sub->add_option("--at", r.at,
                                 "When (default now): 9:15, 9am, noon, yesterday, 'yesterday 9am', 'mon 8:00', "
                                 "'this morning', 'last night', '2 hours ago', 'Nov 30', 2026-11-30 09:15... "
                                 "(twitchlog(1), TIME PHRASES)")
                     ->option_text("TIME"),
                 ValueSpec::of(ValueKind::instant));
  sub->add_flag("--checkin", r.checkin,
                "Log a daily check-in: KEY=VALUE words for the rules' factors (- reads them from stdin; none, on "
                "a terminal: asks for them)");
  describe_value(
      sub->add_option("--remedy", r.remedy, "Log a remedy taken (a remedy id of the rules)")->option_text("ID"),
      ValueSpec::of(ValueKind::remedy));
  sub->add_option("--dose", r.dose, "With --remedy: the dose, e.g. 400mg")->option_text("TEXT");
  sub->add_option("--note", r.note, "Log a note (- reads it from stdin); with --remedy, the remedy's note")
      ->option_text("TEXT");
  sub->add_flag("--visit", r.visit,
                "Log that a doctor has seen you about the twitching (closes the open red flags; words: a note)");
  sub->add_flag("-q,--quiet", options->quiet, "Do not print the entry written");
  sub->add_flag("--exit-code", options->exit_code,
                "Exit status tells the care level after this entry, as triage --exit-code does");
  describe_value(
      sub->add_option("words", r.words, "A note for the entry, or KEY=VALUE words of a check-in (- reads stdin)")
          ->option_text("NOTE|KEY=VALUE..."),
      ValueSpec::of(ValueKind::factor));
  sub->footer(
      "A twitch logged with --flag at doctor-soon or emergency level prints the care level and what to do\n"
      "on standard error (the entry is saved first). A visit closes the red flags whose evidence is earlier.\n\n"
      "Examples:\n"
      "  twitchlog log -s3 -d45s -t espresso \"after the third espresso\"\n"
      "  twitchlog log --where eyelid --side left --flag chewing\n"
      "  twitchlog log --checkin caffeine=3 sleep=6.5 stress=4 water=1.2\n"
      "  echo 'caffeine=2 sleep=7' | twitchlog log --checkin -\n"
      "  twitchlog log --remedy magnesium --dose 400mg\n"
      "  twitchlog log --note \"dentist on Friday\"\n"
      "  twitchlog log --visit \"GP: Bell's palsy ruled out\"\n"
      "  twitchlog log --at 'yesterday 22:30' -s2\n"
      "  twitchlog log -s2 'this morning: at the desk'");
  sub->callback([options, &globals, &status] { status = run_log(*options, globals); });
}

}  // namespace twitchlog::cli
