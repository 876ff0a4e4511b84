// `twitchlog triage` output: the assessment as text for people and as JSON.
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

std::string source_name(const FiredFlag& f) {
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

std::string month_text(const YearMonth& m) { return fmt::format("{:04}-{:02}", m.year, m.month); }

std::string day_text(std::int64_t day) { return format_date(date_from_days(day)); }

std::vector<std::string> printable_all(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids) out.push_back(printable(id));
  return out;
}

}  // namespace

std::string_view evidence_rule_name(const Evidence& e) {
  switch (e.kind) {
    case EvidenceKind::answer: return "";
    case EvidenceKind::outside_local_areas: return journal_rule_name(JournalRuleKind::outside_local_areas);
    case EvidenceKind::streak: return journal_rule_name(JournalRuleKind::streak);
    case EvidenceKind::months: return journal_rule_name(JournalRuleKind::months);
    case EvidenceKind::tag: return journal_rule_name(JournalRuleKind::tag);
    case EvidenceKind::twitch_flags:
    case EvidenceKind::triage_flags: return "flags";
  }
  return "";
}

std::string evidence_text(const Evidence& e) {
  switch (e.kind) {
    case EvidenceKind::answer: return e.answer == Answer::unsure ? "answered unsure, counted as yes" : "answered yes";
    case EvidenceKind::outside_local_areas:
      return fmt::format("{} outside the local areas in the last {} days (where: {})",
                         plural(e.count, "twitch", "twitches"), e.window_days, join(printable_all(e.areas)));
    case EvidenceKind::tag:
      return fmt::format("{} tagged {} in the last {} days", plural(e.count, "twitch", "twitches"),
                         join(printable_all(e.tags), " or "), e.window_days);
    case EvidenceKind::months: {
      std::vector<std::string> months;
      for (const auto& m : e.months) months.push_back(month_text(m));
      return fmt::format("twitches in {} calendar months of the last {} days ({}), {} or more is the rule", e.count,
                         e.window_days, join(months), e.min_months);
    }
    case EvidenceKind::streak:
      return fmt::format(
          "twitching on {} of the {} days from {} to {} (no gap over {} days); {} days or more is the rule", e.count,
          e.span_days, day_text(e.first_day), day_text(e.last_day), e.max_gap_days, e.min_span_days);
    case EvidenceKind::twitch_flags:
      return fmt::format("named in the flags of {} in the last {} days",
                         plural(e.count, "twitch entry", "twitch entries"), e.window_days);
    case EvidenceKind::triage_flags:
      return fmt::format("answered yes or unsure in {} in the last {} days", plural(e.count, "triage", "triages"),
                         e.window_days);
  }
  return "";
}

void write_evidence_json(JsonWriter& j, const Evidence& e) {
  j.begin_object();
  j.key("source").value(e.source() == EvidenceSource::answer ? "answer" : "journal");
  j.key("rule");
  if (const auto rule = evidence_rule_name(e); rule.empty()) {
    j.null();
  } else {
    j.value(rule);
  }
  const auto count = static_cast<std::int64_t>(e.count);
  switch (e.kind) {
    case EvidenceKind::answer: j.key("answer").value(answer_name(e.answer)); break;
    case EvidenceKind::outside_local_areas:
      j.key("window_days").value(e.window_days);
      j.key("twitches").value(count);
      j.key("areas").value(e.areas);
      break;
    case EvidenceKind::tag:
      j.key("window_days").value(e.window_days);
      j.key("twitches").value(count);
      j.key("tags").value(e.tags);
      break;
    case EvidenceKind::months: {
      std::vector<std::string> months;
      for (const auto& m : e.months) months.push_back(month_text(m));
      j.key("window_days").value(e.window_days);
      j.key("months").value(months);
      j.key("min_months").value(e.min_months);
      break;
    }
    case EvidenceKind::streak:
      j.key("first_day").value(day_text(e.first_day));
      j.key("last_day").value(day_text(e.last_day));
      j.key("twitch_days").value(count);
      j.key("span_days").value(e.span_days);
      j.key("max_gap_days").value(e.max_gap_days);
      j.key("min_span_days").value(e.min_span_days);
      break;
    case EvidenceKind::twitch_flags:
    case EvidenceKind::triage_flags:
      j.key("window_days").value(e.window_days);
      j.key("entry_kind").value(kind_name(e.kind == EvidenceKind::twitch_flags ? Kind::twitch : Kind::triage));
      j.key("entries").value(count);
      break;
  }
  j.key("text").value(evidence_text(e));
  j.key("lines").begin_array();
  for (const auto line : e.lines) j.value(static_cast<std::int64_t>(line));
  j.end_array();
  j.key("line_count").value(static_cast<std::int64_t>(e.line_count));
  j.end_object();
}

std::string render_triage_text(const Assessment& a, const RuleSet& rules, const TriageView& view) {
  const Paint paint(view.color);
  const auto p = [](const std::string& text) { return printable(text); };
  const int levels = static_cast<int>(rules.levels.size());
  std::string out;
  out += fmt::format("Care level: {}\n", paint(level_colour(a.level->rank, levels),
                                               fmt::format("{} ({})", p(a.level->id), p(a.level->name))));
  out += fmt::format("  {}\n  {}\n", p(a.level->meaning), p(a.level->action));

  if (a.fired.empty()) {
    out += "\nNo red flag, from your answers or from the journal.\n";
  } else {
    out += "\nRed flags:\n";
    for (const auto& f : a.fired) {
      out += fmt::format("  {}  {}  from the {}\n", paint(Style::bold, p(f.flag->id)),
                         paint(level_colour(f.flag->level_rank, levels), p(f.flag->level)),
                         f.from_answer && f.from_journal ? "answer and the journal" : source_name(f));
      out += fmt::format("    {}\n", p(f.flag->question));
      for (const auto& e : f.evidence) {
        out += fmt::format("    - {}\n", evidence_text(e));
        if (!e.lines.empty()) out += fmt::format("      {}\n", line_refs(e, view.journal));
      }
      const auto answer = a.answers.find(f.flag->id);
      if (answer != a.answers.end() && answer->second == Answer::no) {
        out += "    - you answered no, but the journal shows it\n";
      }
      out += fmt::format("    What to do: {}\n", p(f.flag->action));
    }
  }
  if (a.counted_unsure) out += "\nAn \"unsure\" answer counts as yes: when in doubt, get it checked.\n";

  if (!a.unanswered.empty()) {
    std::vector<std::string> ids;
    for (const auto* flag : a.unanswered) ids.push_back(p(flag->id));
    out += fmt::format("\nNot answered: {}\n", join(ids));
    out += "  Answer them with --yes ID,... and --no ID,..., or run triage on a terminal.\n";
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
    j.key("level").value(f.flag->level);
    j.key("question").value(f.flag->question);
    j.key("source").value(source_name(f));
    j.key("answer");
    if (const auto answer = a.answers.find(f.flag->id); answer != a.answers.end()) {
      j.value(answer_name(answer->second));
    } else {
      j.null();
    }
    j.key("evidence").begin_array();
    for (const auto& e : f.evidence) write_evidence_json(j, e);
    j.end_array();
    j.key("action").value(f.flag->action);
    j.end_object();
  }
  j.end_array();
  std::vector<std::string> unanswered;
  for (const auto* flag : a.unanswered) unanswered.push_back(flag->id);
  j.key("unanswered").value(unanswered);
  j.key("answers").begin_object();
  for (const auto& [id, answer] : a.answers) j.key(id).value(answer_name(answer));
  j.end_object();
  j.key("counted_unsure").value(a.counted_unsure);
  j.key("recorded").value(view.recorded);
  if (view.read != nullptr) write_warnings(j, *view.read);
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.end_object();
  return j.finish();
}

}  // namespace twitchlog
