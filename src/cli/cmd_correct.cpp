// `twitchlog last`, `undo` and `retract`: see what was logged and take a
// mistake back, without hand-typing a timestamp. Taking back appends a
// `retract` entry; the journal keeps every line it had.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/correct.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/json.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time_phrases.hpp"

namespace twitchlog::cli {

namespace {

constexpr std::array<Format, 2> kFormatList{Format::text, Format::json};
constexpr auto kFormats = format_names(kFormatList);
constexpr auto kKindChoices = kKindNames.views();

std::optional<Kind> kind_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  check_choice("--kind", "kind", text, kKindChoices);
  return kKindNames.parse(text);
}

// One entry as a line for people: its timestamp (what `retract` takes), kind and fields.
std::string entry_text(const EntryRecord& e) {
  return fmt::format("{}  {:<7}  {}{}", format_timestamp(e.time), kind_name(e.kind), printable(fields_text(e.raw)),
                     e.retracted ? "  (taken back)" : "");
}

void entry_json(JsonWriter& j, const EntryRecord& e) {
  j.begin_object();
  j.key("line").value(static_cast<std::int64_t>(e.line));
  j.key("time").value(format_timestamp(e.time));
  j.key("kind").value(kind_name(e.kind));
  j.key("fields").begin_object();
  LineParser parser;
  Entry entry;
  LineProblem problem;
  if (parser.parse(e.raw, e.line, entry, problem) == LineType::entry) {
    for (const auto& f : entry.fields) j.key(f.key).value(f.value);
  }
  j.end_object();
  j.key("retracted").value(e.retracted);
  j.end_object();
}

// Asks on the terminal; off a terminal the answer must have come as --yes.
bool confirmed(bool yes, std::string_view question, std::string_view command) {
  if (yes) return true;
  if (::isatty(STDIN_FILENO) != 1) {
    throw_usage(fmt::format("{}: not on a terminal, so nothing is asked; add --yes to take it back", command));
  }
  fmt::print(stderr, "{} [y/N] ", question);
  std::fflush(stderr);
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

// --- last ---------------------------------------------------------------

struct LastOptions {
  int count = 10;
  std::string kind;
  bool all = false;
  std::string format = "text";
};

int run_last(const LastOptions& options, const GlobalOptions& globals) {
  const Format format = parse_format(options.format, kFormats);
  if (options.count < 1 || options.count > 100000) throw_usage("-n: the number of entries must be from 1 to 100000");
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  CorrectionQuery query;
  query.newest = static_cast<std::size_t>(options.count);
  query.kind = kind_option(options.kind);
  query.include_retracted = options.all;
  const std::string path = context.journal_path();
  const CorrectionFindings found = find_for_correction(path, rules, context.now(), query);
  if (format == Format::json) {
    JsonWriter j;
    j.begin_object().key("journal").value(path).key("entries").begin_array();
    for (const auto& e : found.newest) entry_json(j, e);
    j.end_array();
    write_warnings(j, found.read);
    j.end_object();
    fmt::print("{}", j.finish());
    return 0;
  }
  report_read(found.read);
  for (const auto& e : found.newest) fmt::print("{}\n", entry_text(e));
  if (found.newest.empty() && !found.read.missing) fmt::print("no entries{}\n", query.kind ? " of that kind" : "");
  return 0;
}

// --- undo and retract -----------------------------------------------------

struct UndoOptions {
  bool yes = false;
  std::string note;
};

// Appends the retract, after saying what it takes back.
void take_back(const Context& context, const std::string& path, const std::vector<EntryRecord>& entries,
               const std::string& note) {
  const EntryRecord& first = entries.front();
  const Timestamp& now = context.now_for_writing();
  if (first.kind == Kind::retract && now.unix_seconds <= first.time.unix_seconds) {
    // The contract: a retract of a retract is strictly later than it, so there are no cycles.
    throw_usage("a retract can be taken back from the next second on; try again in a moment");
  }
  const std::string line = retract_line(first.time, first.kind, now, note);
  append_line(path, line);
  fmt::print("{}\n", line);
}

int run_undo(const UndoOptions& options, const GlobalOptions& globals) {
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  context.now_for_writing();
  const std::string path = context.journal_path();
  const CorrectionFindings found = find_for_correction(path, rules, context.now(), {});
  report_read(found.read);
  if (!found.last_written) throw_data(fmt::format("undo: {} has no entry to take back", printable(path)));
  const EntryRecord& last = *found.last_written;
  // A retract takes back every entry of the kind at that instant: say so when there are others.
  CorrectionQuery same;
  same.at = last.time.unix_seconds;
  std::vector<EntryRecord> taken;
  for (auto& e : find_for_correction(path, rules, context.now(), same).at) {
    if (e.kind == last.kind) taken.push_back(std::move(e));
  }
  fmt::print("Taking back line {}:\n  {}\n", last.line, entry_text(last));
  if (taken.size() > 1) {
    fmt::print("This also takes back {} other {} entr{} at the same instant:\n", taken.size() - 1, kind_name(last.kind),
               taken.size() == 2 ? "y" : "ies");
    for (const auto& e : taken) {
      if (e.line != last.line) fmt::print("  {}\n", entry_text(e));
    }
  }
  std::fflush(stdout);
  if (!confirmed(options.yes, "Take it back?", "undo")) {
    fmt::print("nothing taken back\n");
    return 0;
  }
  take_back(context, path, {last}, options.note.empty() ? "undo" : options.note);
  return 0;
}

struct RetractOptions {
  std::string when;
  std::string kind;
  std::string note;
};

int run_retract(const RetractOptions& options, const GlobalOptions& globals) {
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const Timestamp& now = context.now_for_writing();
  const std::optional<Kind> kind = kind_option(options.kind);
  Timestamp when;
  try {
    when = resolve_time_phrase(options.when, now, DayMeans::representative).time;  // a day: where `log --at` puts it
  } catch (const Error& e) {
    throw_usage(std::string("WHEN: ") + e.what());
  }
  const std::string path = context.journal_path();
  CorrectionQuery query;
  query.at = when.unix_seconds;
  const CorrectionFindings found = find_for_correction(path, rules, now, query);
  report_read(found.read);
  std::vector<EntryRecord> matches;
  for (const auto& e : found.at) {
    if (!kind || e.kind == *kind) matches.push_back(e);
  }
  if (matches.empty()) {
    throw_data(fmt::format(
        "retract: no entry{} in force at {} in {}; `twitchlog last` shows the entries with their "
        "timestamps",
        kind ? fmt::format(" of kind {}", kind_name(*kind)) : std::string(), format_timestamp(when), printable(path)));
  }
  std::vector<std::string> kinds;
  for (const auto& e : matches) {
    const std::string k(kind_name(e.kind));
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
  }
  if (kinds.size() > 1) {
    std::string list;
    for (const auto& e : matches) list += "\n  " + entry_text(e);
    throw_usage(fmt::format("retract: entries of {} kinds at {}; choose one with --kind {}:{}", kinds.size(),
                            format_timestamp(when), join_or(kinds), list));
  }
  fmt::print("Taking back {} entr{}:\n", matches.size(), matches.size() == 1 ? "y" : "ies");
  for (const auto& e : matches) fmt::print("  {}\n", entry_text(e));
  take_back(context, path, matches, options.note);
  return 0;
}

}  // namespace

void setup_last(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<LastOptions>();
  CLI::App* sub = app.add_subcommand("last", "Show the most recent entries, with the timestamp that names each");
  sub->add_option("-n,--count", options->count, "How many entries (default 10)")->option_text("N");
  describe_choices(sub->add_option("--kind", options->kind, "Only entries of this kind")->option_text("KIND"),
                   kKindChoices);
  sub->add_flag("--all", options->all, "Show entries taken back too, marked \"(taken back)\"");
  describe_choices(sub->add_option("--format", options->format, "text or json")->option_text("FORMAT"), kFormats);
  sub->footer(
      "Entries come oldest first, by time; the first column is the timestamp `twitchlog retract` takes.\n\n"
      "Examples:\n"
      "  twitchlog last\n"
      "  twitchlog last -n 3 --kind remedy\n"
      "  twitchlog last --format json | jq '.entries[].time'");
  sub->callback([options, &globals, &status] { status = run_last(*options, globals); });
}

void setup_undo(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<UndoOptions>();
  CLI::App* sub = app.add_subcommand("undo", "Take back the entry written last (appends a retract entry)");
  sub->add_flag("-y,--yes", options->yes, "Do not ask (needed off a terminal)");
  sub->add_option("--note", options->note, "Why (stored in the retract entry; default \"undo\")")->option_text("TEXT");
  sub->footer(
      "Takes back the last entry line of the journal that is in force and is not a retract;\n"
      "run it again to take back the one before. The journal keeps every line:\n"
      "`twitchlog retract` of the retract's own timestamp with --kind retract restores it.\n\n"
      "Examples:\n"
      "  twitchlog undo\n"
      "  twitchlog undo --yes --note \"logged twice\"");
  sub->callback([options, &globals, &status] { status = run_undo(*options, globals); });
}

void setup_retract(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<RetractOptions>();
  CLI::App* sub = app.add_subcommand("retract", "Take back the entries at an instant (appends a retract entry)");
  describe_value(
      sub->add_option("when", options->when, "The entry's timestamp, as `twitchlog last` shows it (any --at form)")
          ->option_text("WHEN")
          ->required(),
      ValueSpec::of(ValueKind::instant));
  describe_choices(
      sub->add_option("--kind", options->kind, "The kind, when several kinds share that instant")->option_text("KIND"),
      kKindChoices);
  sub->add_option("--note", options->note, "Why (stored in the retract entry)")->option_text("TEXT");
  sub->footer(
      "Every computation then leaves those entries out; retracting a triage entry withdraws its answers.\n\n"
      "Examples:\n"
      "  twitchlog retract 2026-11-24T09:14:03+01:00\n"
      "  twitchlog retract 2026-11-24T08:00:00+01:00 --kind remedy --note \"logged by mistake\"");
  sub->callback([options, &globals, &status] { status = run_retract(*options, globals); });
}

}  // namespace twitchlog::cli
