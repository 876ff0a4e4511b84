// `twitchlog triage` output: the assessment as text for people and as JSON.
#include <algorithm>

#include <fmt/format.h>

#include "twitchlog/json.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog {

namespace {

// How many journal lines the text report names per piece of evidence.
constexpr std::size_t kTextLines = 5;

// Green for the least urgent level, bold red for the most urgent, red for
// the one below it, yellow between.
Style level_colour(int rank, int levels) {
  if (rank == 0) return Style::green;
  if (rank == levels - 1) return Style::bold_red;
  if (rank == levels - 2) return Style::red;
  return Style::yellow;
}

std::string from_name(const FiredFlag& f) {
  if (f.from_answer && f.from_journal) return "answer+journal";
  return f.from_answer ? "answer" : "journal";
}

std::string line_refs(const Evidence& e, const std::string& file) {
  std::vector<std::string> refs;
  for (std::size_t i = 0; i < e.lines.size() && i < kTextLines; ++i) {
    refs.push_back(fmt::format("{}:{}", printable(file), e.lines[i]));
  }
  std::string out = join(refs);
  if (e.line_count > refs.size()) out += fmt::format(" and {} more", e.line_count - refs.size());
  return out;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string day_text(std::int64_t day) { return format_date(date_from_days(day)); }

// "2026-11-24 09:30" in the offset the instant carries.
std::string when_text(const Timestamp& t) {
  const int s = t.second_of_day();
  return fmt::format("{} {:02}:{:02}", day_text(t.day()), s / 3600, s / 60 % 60);
}

std::vector<std::string> printable_all(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids) out.push_back(printable(id));
  return out;
}

std::string answer_words(Answer answer) {
  return answer == Answer::unsure ? "answered unsure, counted as yes" : "answered yes";
}

// The command that takes back the entry behind a piece of evidence.
std::string retract_command(const Timestamp& time, Kind kind) {
  return fmt::format("twitchlog retract {} --kind {}", format_timestamp(time), kind_name(kind));
}

}  // namespace

std::string_view evidence_rule_name(const Evidence& e) {
  switch (e.kind) {
    case EvidenceKind::answer: return "";
    case EvidenceKind::areas: return journal_rule_name(JournalRuleKind::areas);
    case EvidenceKind::streak: return journal_rule_name(JournalRuleKind::streak);
    case EvidenceKind::runs: return journal_rule_name(JournalRuleKind::runs);
    case EvidenceKind::twitch_flags: return "flags";
    case EvidenceKind::triage_answers: return "answers";
  }
  return "";
}

std::string evidence_text(const Evidence& e) {
  const std::string sudden = e.sudden ? ", and that it came on suddenly" : "";
  const std::string at_least = e.count_at_least ? "at least " : "";
  switch (e.kind) {
    case EvidenceKind::answer: return answer_words(e.answer) + (e.sudden ? ", came on suddenly" : "");
    case EvidenceKind::twitch_flags:
      return fmt::format("{}{} {} it (the latest on {})", at_least, plural(e.count, "twitch entry", "twitch entries"),
                         e.count == 1 ? "names" : "name", when_text(e.latest));
    case EvidenceKind::triage_answers:
      return fmt::format("{} in {}{} (the latest on {}){}", answer_words(e.answer), at_least,
                         plural(e.count, "triage", "triages"), when_text(e.latest), sudden);
    case EvidenceKind::areas:
      return fmt::format("twitches in {} places in the last {} days ({}); {} or more is the rule", e.count,
                         e.window_days, join(printable_all(e.areas)), e.min_count);
    case EvidenceKind::streak:
      return fmt::format(
          "twitching on {} of the {} days from {} to {} (no gap over {} days); {} days or more is the rule", e.count,
          e.span_days, day_text(e.first_day), day_text(e.last_day), e.max_gap_days, e.min_span_days);
    case EvidenceKind::runs: {
      std::vector<std::string> days;
      for (const auto d : e.run_days) days.push_back(day_text(d));
      return fmt::format(
          "{} separate runs of twitching began in the last {} days ({}), each at least {} days after the one before; "
          "{} or more is the rule",
          e.count, e.window_days, join(days), e.min_apart_days, e.min_count);
    }
  }
  return "";
}

void write_evidence_json(JsonWriter& j, const Evidence& e) {
  j.begin_object();
  j.key("from").value(e.from_journal() ? "journal" : "answer");
  j.key("rule");
  if (const auto rule = evidence_rule_name(e); rule.empty()) {
    j.null();
  } else {
    j.value(rule);
  }
  const auto count = static_cast<std::int64_t>(e.count);
  j.key("first").value(format_timestamp(e.first));
  j.key("latest").value(format_timestamp(e.latest));
  switch (e.kind) {
    case EvidenceKind::answer:
      j.key("answer").value(answer_name(e.answer));
      j.key("sudden").value(e.sudden);
      break;
    case EvidenceKind::twitch_flags:
    case EvidenceKind::triage_answers:
      j.key("entry_kind").value(kind_name(e.kind == EvidenceKind::twitch_flags ? Kind::twitch : Kind::triage));
      j.key("entries").value(count);
      j.key("entries_at_least").value(e.count_at_least);
      if (e.kind == EvidenceKind::triage_answers) {
        j.key("answer").value(answer_name(e.answer));
        j.key("sudden").value(e.sudden);
      }
      if (e.latest_entry) {
        j.key("latest_entry").value(format_timestamp(e.latest_entry->time));
        j.key("retract").value(retract_command(e.latest_entry->time, e.latest_entry->kind));
      }
      break;
    case EvidenceKind::areas:
      j.key("window_days").value(e.window_days);
      j.key("places").value(e.areas);
      j.key("min_areas").value(e.min_count);
      break;
    case EvidenceKind::streak:
      j.key("first_day").value(day_text(e.first_day));
      j.key("last_day").value(day_text(e.last_day));
      j.key("twitch_days").value(count);
      j.key("span_days").value(e.span_days);
      j.key("max_gap_days").value(e.max_gap_days);
      j.key("min_span_days").value(e.min_span_days);
      break;
    case EvidenceKind::runs: {
      std::vector<std::string> days;
      for (const auto d : e.run_days) days.push_back(day_text(d));
      j.key("window_days").value(e.window_days);
      j.key("run_starts").value(days);
      j.key("min_runs").value(e.min_count);
      j.key("min_apart_days").value(e.min_apart_days);
      j.key("max_gap_days").value(e.max_gap_days);
      break;
    }
  }
  j.key("text").value(evidence_text(e));
  j.key("lines").begin_array();
  for (const auto line : e.lines) j.value(static_cast<std::int64_t>(line));
  j.end_array();
  j.key("line_count").value(static_cast<std::int64_t>(e.line_count));
  j.end_object();
}

// How a flag is closed once a doctor has seen you (a constant: GCC 12 -O3 misjudges a literal pushed here).
const std::string kVisitCloses = "Seen a doctor about it? `twitchlog log --visit` closes it.";

std::vector<std::string> open_flag_notes(const FiredFlag& f, const TriageView& view) {
  std::vector<std::string> out;
  const bool pattern_only =
      std::all_of(f.evidence.begin(), f.evidence.end(), [](const Evidence& e) { return e.is_pattern(); });
  std::string open = fmt::format("Open since {}", when_text(f.since));
  if (f.steps_down_at && f.steps_down_to != nullptr) {
    open += fmt::format("; {} until {}, then {}", f.level->id, when_text(*f.steps_down_at), f.steps_down_to->id);
    open += f.steps_down_to->open_days ? "" : " until a doctor has seen you";
  } else if (pattern_only) {
    open += "; open while the pattern holds, or until a doctor has seen you";
  } else if (f.open_until_day) {
    open += fmt::format("; open until {}, or until a doctor has seen you", day_text(*f.open_until_day));
  } else {
    open += "; open until a doctor has seen you (a past event like this still needs checking)";
  }
  open += '.';
  out.push_back(std::move(open));
  out.emplace_back(kVisitCloses);
  for (const auto& e : f.evidence) {
    if (e.kind == EvidenceKind::answer && view.recorded_at) {
      out.push_back(fmt::format("Answered by mistake? `{}`", retract_command(*view.recorded_at, Kind::triage)));
    } else if (e.latest_entry) {
      const bool answer = e.kind == EvidenceKind::triage_answers;
      std::string line = fmt::format("{} by mistake? `{}`", answer ? "Answered" : "Logged",
                                     retract_command(e.latest_entry->time, e.latest_entry->kind));
      if (e.count > 1) line += fmt::format(" (the latest of {}; each needs its own)", e.count);
      out.push_back(line);
    }
  }
  return out;
}

std::string render_triage_text(const Assessment& a, const RuleSet& rules, const TriageView& view) {
  const Paint paint(view.color);
  const auto p = [](const std::string& text) { return printable(text); };
  const int levels = static_cast<int>(rules.levels.size());
  const auto level_label = [&](const Level& level) { return paint(level_colour(level.rank, levels), p(level.id)); };
  std::string out;
  out += fmt::format("Care level: {}\n", paint(level_colour(a.level->rank, levels),
                                               fmt::format("{} ({})", p(a.level->id), p(a.level->name))));
  out += fmt::format("  {}\n  {}\n", p(a.level->meaning), p(a.level->action));
  const std::size_t asked = rules.red_flags.size();
  if (a.level->rank == 0 && !a.unanswered.empty()) {
    out += fmt::format("  {} of the {} questions were not answered, so this is not an all-clear.\n",
                       a.unanswered.size(), asked);
  }
  if (view.interrupted) out += "  The questions were stopped; the answers given so far count.\n";

  for (const auto& c : a.combinations) {
    if (&c == &a.combinations.front()) out += "\nTogether:\n";
    out += fmt::format("  {}  {}  {} with {}, until {}\n", paint(Style::bold, p(c.rule->id)), level_label(*c.level),
                       p(c.first->id), p(c.second->id), when_text(c.until));
    out += fmt::format("    {}\n", p(c.rule->meaning));
    out += fmt::format("    Source: {}\n", p(c.rule->source));
  }
  if (a.fired.empty()) {
    out += "\nNo open red flag, from your answers or from the journal.\n";
  } else {
    out += "\nOpen red flags:\n";
    for (const auto& f : a.fired) {
      out += fmt::format("  {}  {}  from the {}{}\n", paint(Style::bold, p(f.flag->id)), level_label(*f.level),
                         f.from_answer && f.from_journal ? "answer and the journal"
                         : f.from_answer                 ? "answer"
                                                         : "journal",
                         f.sudden ? " (came on suddenly)" : "");
      out += fmt::format("    {}\n", p(f.flag->question));
      for (const auto& e : f.evidence) {
        out += fmt::format("    - {}\n", evidence_text(e));
        if (e.from_journal() && !e.lines.empty()) out += fmt::format("      {}\n", line_refs(e, view.journal));
      }
      const auto answer = a.answers.answers.find(f.flag->id);
      if (answer != a.answers.answers.end() && answer->second == Answer::no) {
        out += "    - you answered no, but the journal shows it (a no does not undo what was logged)\n";
      }
      out += fmt::format("    {}\n", p(f.flag->meaning));
      out += fmt::format("    What to do: {}\n", p(f.flag->action));
      for (const auto& note : open_flag_notes(f, view)) out += fmt::format("    {}\n", note);
      if (!f.flag->source.empty()) out += fmt::format("    Source: {}\n", p(f.flag->source));
    }
  }
  if (a.counted_unsure) out += "\nAn \"unsure\" answer counts as yes: when in doubt, get it checked.\n";
  if (!a.closed.empty()) {
    out += "\nClosed by a visit:\n";
    for (const auto& c : a.closed) {
      out += fmt::format("  {}  seen by a doctor on {}\n", p(c.flag->id), day_text(c.visit.day()));
    }
  }
  if (!a.spared.empty()) {
    std::vector<std::string> ids;
    for (const auto& s : a.spared) ids.push_back(fmt::format("{} (no on {})", p(s.flag->id), day_text(s.no_day)));
    out += fmt::format("\nNot asked again after a recent no: {}\n", join(ids));
  }
  if (!a.unanswered.empty()) {
    std::vector<std::string> ids;
    for (const auto* flag : a.unanswered) ids.push_back(p(flag->id));
    out += fmt::format("\nNot answered ({} of {}): {}\n", a.unanswered.size(), asked, join(ids));
    out += "  Answer them with --yes, --no and --unsure ID,..., or run triage on a terminal.\n";
  }
  out += fmt::format("\nAs of {}, from {}{}.\n", format_timestamp(a.as_of), p(view.journal),
                     view.recorded ? " (this triage was recorded in it)" : "");
  out += fmt::format("{}\n", p(rules.triage.disclaimer));
  return out;
}

std::string render_triage_json(const Assessment& a, const RuleSet& rules, const TriageView& view) {
  JsonWriter j;
  j.begin_object();
  j.key("as_of").value(format_timestamp(a.as_of));
  j.key("journal").value(view.journal);
  j.key("level").value(a.level->id);
  j.key("level_rank").value(a.level->rank);
  j.key("level_name").value(a.level->name);
  j.key("level_meaning").value(a.level->meaning);
  j.key("action").value(a.level->action);
  j.key("red_flags").begin_array();
  for (const auto& f : a.fired) {
    j.begin_object();
    j.key("id").value(f.flag->id);
    j.key("name").value(f.flag->name);
    j.key("level").value(f.level->id);
    j.key("flag_level").value(f.flag->level);
    j.key("sudden").value(f.sudden);
    j.key("since").value(format_timestamp(f.since));
    j.key("steps_down_at");
    if (f.steps_down_at) {
      j.value(format_timestamp(*f.steps_down_at));
    } else {
      j.null();
    }
    j.key("steps_down_to");
    if (f.steps_down_to != nullptr) {
      j.value(f.steps_down_to->id);
    } else {
      j.null();
    }
    j.key("open_until");
    if (f.open_until_day) {
      j.value(day_text(*f.open_until_day));
    } else {
      j.null();
    }
    j.key("question").value(f.flag->question);
    j.key("from").value(from_name(f));
    j.key("answer");
    if (const auto answer = a.answers.answers.find(f.flag->id); answer != a.answers.answers.end()) {
      j.value(answer_name(answer->second));
    } else {
      j.null();
    }
    j.key("evidence").begin_array();
    for (const auto& e : f.evidence) write_evidence_json(j, e);
    j.end_array();
    j.key("meaning").value(f.flag->meaning);
    j.key("action").value(f.flag->action);
    j.key("closes").value(open_flag_notes(f, view));
    j.key("source").value(f.flag->source);
    j.end_object();
  }
  j.end_array();
  j.key("combinations").begin_array();
  for (const auto& c : a.combinations) {
    j.begin_object();
    j.key("id").value(c.rule->id);
    j.key("level").value(c.level->id);
    j.key("flags").value(std::vector<std::string>{c.first->id, c.second->id});
    j.key("until").value(format_timestamp(c.until));
    j.key("meaning").value(c.rule->meaning);
    j.key("source").value(c.rule->source);
    j.end_object();
  }
  j.end_array();
  j.key("closed").begin_array();
  for (const auto& c : a.closed) {
    j.begin_object().key("id").value(c.flag->id).key("visit").value(format_timestamp(c.visit)).end_object();
  }
  j.end_array();
  j.key("last_visit");
  if (a.last_visit) {
    j.value(format_timestamp(*a.last_visit));
  } else {
    j.null();
  }
  j.key("spared").begin_array();
  for (const auto& s : a.spared) {
    j.begin_object().key("id").value(s.flag->id).key("no_on").value(day_text(s.no_day)).end_object();
  }
  j.end_array();
  std::vector<std::string> unanswered;
  for (const auto* flag : a.unanswered) unanswered.push_back(flag->id);
  j.key("unanswered").value(unanswered);
  j.key("questions").value(static_cast<std::int64_t>(rules.red_flags.size()));
  j.key("answers").begin_object();
  for (const auto& [id, answer] : a.answers.answers) j.key(id).value(answer_name(answer));
  j.end_object();
  j.key("sudden").value(std::vector<std::string>(a.answers.sudden.begin(), a.answers.sudden.end()));
  j.key("counted_unsure").value(a.counted_unsure);
  j.key("recorded").value(view.recorded);
  j.key("interrupted").value(view.interrupted);
  if (view.read != nullptr) write_warnings(j, *view.read);
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.end_object();
  return j.finish();
}

}  // namespace twitchlog
