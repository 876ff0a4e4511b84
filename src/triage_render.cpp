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

}  // namespace

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
        out += fmt::format("    - {}\n", p(e.text));
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
  j.key("action").value(a.level->action);
  j.key("red_flags").begin_array();
  for (const auto& f : a.fired) {
    j.begin_object();
    j.key("id").value(f.flag->id);
    j.key("name").value(f.flag->name);
    j.key("level").value(f.flag->level);
    j.key("source").value(source_name(f));
    j.key("answer");
    if (const auto answer = a.answers.find(f.flag->id); answer != a.answers.end()) {
      j.value(answer_name(answer->second));
    } else {
      j.null();
    }
    j.key("evidence").begin_array();
    for (const auto& e : f.evidence) {
      j.begin_object();
      j.key("source").value(e.source == EvidenceSource::answer ? "answer" : "journal");
      j.key("rule");
      if (e.rule.empty()) {
        j.null();
      } else {
        j.value(e.rule);
      }
      j.key("text").value(e.text);
      j.key("lines").begin_array();
      for (const auto line : e.lines) j.value(static_cast<std::int64_t>(line));
      j.end_array();
      j.key("line_count").value(static_cast<std::int64_t>(e.line_count));
      j.end_object();
    }
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
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.end_object();
  return j.finish();
}

}  // namespace twitchlog
