// `twitchlog advise` output: the advice as text for people and as JSON.
#include <fmt/format.h>

#include "twitchlog/advise.hpp"
#include "twitchlog/json.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

std::string day_text(std::int64_t day) { return format_date(date_from_days(day)); }

std::string rate_text(const EpisodeRate& r) { return r.rate ? fmt::format("{:.1f}", *r.rate) : "no day yet"; }

std::string tier_name(EvidenceTier tier) {
  switch (tier) {
    case EvidenceTier::direct: return "direct";
    case EvidenceTier::inferred: return "inferred";
    case EvidenceTier::none: break;
  }
  return "none";
}

std::string tried_text(const RemedyEffect& e) {
  return fmt::format("logged since {}: {} episodes a day in the {} days before, {} in the {} days from {}",
                     day_text(e.first_day), rate_text(e.before), e.window, rate_text(e.after), e.window,
                     day_text(e.first_day + e.onset_days));
}

std::string remedy_facts(const Remedy& m) {
  std::vector<std::string> facts;
  if (m.rating)
    facts.push_back(fmt::format("rated {}/5{}", *m.rating, m.rating_note.empty() ? "" : ": " + m.rating_note));
  if (m.onset_days && *m.onset_days > 0) facts.push_back(fmt::format("works after about {} days", *m.onset_days));
  if (!m.cost.empty()) facts.push_back(m.cost);
  if (!m.duration.empty()) facts.push_back(m.duration);
  return facts.empty() ? "" : " (" + printable(join(facts, "; ")) + ")";
}

void remedy_block(std::string& out, const RemedyOffer& o) {
  const Remedy& m = *o.remedy;
  out += fmt::format("  {}  {}{}", printable(m.id), printable(m.name), remedy_facts(m));
  if (!o.for_causes.empty()) out += fmt::format(", for {}", join(o.for_causes));
  out += fmt::format("\n    {}\n", printable(m.how));
  if (o.tried) out += fmt::format("    In your journal: {}.\n", tried_text(*o.tried));
}

}  // namespace

std::string render_advice_text(const Advice& a, const RuleSet& rules, bool color) {
  const auto p = [](const std::string& text) { return printable(text); };
  const Paint paint(color);
  const auto bold = [&](const std::string& text) { return paint(Style::bold, text); };
  std::string out;
  const Level& level = *a.triage.level;
  if (level.rank > 0) {
    out += bold(fmt::format("Care level: {} ({})", p(level.id), p(level.name))) + "\n";
    for (const auto& f : a.triage.fired) {
      out += fmt::format("  - {} ({}): {}\n", p(f.flag->id), p(f.flag->level),
                         f.evidence.empty() ? std::string() : p(evidence_text(f.evidence.front())));
    }
    out += fmt::format("  {}\n  See `twitchlog triage` for the evidence and the questions.\n\n", p(level.action));
  }

  out += bold(fmt::format("Likely causes, from the last {} days of the journal:", a.window_days)) + "\n";
  if (a.no_data) {
    out += fmt::format(
        "  No data yet: nothing was logged in the last {} days. The causes are ordered by how common they\n"
        "  are; log daily check-ins and twitches (with tags) to rank them by your own journal.\n",
        a.window_days);
  } else if (a.likely > 0 && a.causes.front().tier == EvidenceTier::none) {
    out += fmt::format(
        "  Nothing in the last {} days of the journal points at a cause; they are ordered by how common they are.\n",
        a.window_days);
  }
  for (std::size_t i = 0; i < a.causes.size(); ++i) {
    const auto& r = a.causes[i];
    const Cause& c = *r.cause;
    if (i == a.likely) out += "  Less likely now:\n";
    out += fmt::format("  {}. {}  {} ({}{}; score {})\n", i + 1, p(c.id), p(c.name), frequency_name(c.frequency),
                       c.frequency_note.empty() ? "" : ", " + p(c.frequency_note), format_number(r.score));
    if (i < a.likely) out += fmt::format("     {}\n", p(c.mechanism));
    for (const auto& clue : r.clues) out += fmt::format("     {} {}\n", clue.counts ? "+" : "-", p(clue.text));
  }

  const auto section = [&](RemedyKind kind, const std::string& title) {
    bool first = true;
    for (const auto& o : a.remedies) {
      if (o.remedy->kind != kind) continue;
      if (first) out += fmt::format("\n{}\n", bold(title));
      first = false;
      remedy_block(out, o);
    }
  };
  section(RemedyKind::quick, "Quick fixes to try now:");
  section(RemedyKind::long_term, "Long-term changes:");
  section(RemedyKind::medical, fmt::format("Medical options (the care level is {}):", p(level.id)));

  if (a.planned) {
    out += fmt::format("\n{}\n", bold("Plan: one change a week, the most effective for the likely causes first."));
    if (!a.in_place.empty()) {
      std::vector<std::string> ids;
      for (const auto* m : a.in_place) ids.push_back(p(m->id));
      out += fmt::format("  Already in place (logged in the last {} days; keep it up): {}\n", kEffectWindowDays,
                         join(ids));
    }
    for (const auto& w : a.plan) {
      const Remedy& m = *w.remedy;
      out += fmt::format("  Week {} (from {}): {}, {}, for {}\n", w.week, day_text(w.start_day), p(m.id), p(m.name),
                         join(w.for_causes));
      out += fmt::format("    {}\n    Log {}.\n", p(m.how), p(w.log));
      out += fmt::format("    See whether it works with `twitchlog advise` after {}.\n",
                         day_text(w.start_day + m.onset_days.value_or(0) + kEffectWindowDays - 1));
    }
  }
  out += fmt::format("\n{}\n", p(rules.triage.disclaimer));
  return out;
}

std::string render_advice_json(const Advice& a, const RuleSet& rules) {
  JsonWriter j;
  j.begin_object();
  j.key("as_of").value(format_timestamp(a.as_of));
  j.key("level").value(a.triage.level->id);
  j.key("level_rank").value(a.triage.level->rank);
  std::vector<std::string> flags;
  for (const auto& f : a.triage.fired) flags.push_back(f.flag->id);
  j.key("red_flags").value(flags);
  j.key("window_days").value(a.window_days);
  j.key("no_data").value(a.no_data);
  j.key("causes").begin_array();
  for (std::size_t i = 0; i < a.causes.size(); ++i) {
    const auto& r = a.causes[i];
    j.begin_object();
    j.key("id").value(r.cause->id);
    j.key("name").value(r.cause->name);
    j.key("rank").value(static_cast<int>(i + 1));
    j.key("likely").value(i < a.likely);
    j.key("score").value(r.score);
    j.key("tier").value(tier_name(r.tier));
    j.key("frequency").value(frequency_name(r.cause->frequency));
    j.key("evidence").begin_array();
    for (const auto& clue : r.clues) {
      j.begin_object().key("kind").value(clue.kind).key("counts").value(clue.counts).key("text").value(clue.text);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("remedies").begin_array();
  for (const auto& o : a.remedies) {
    const Remedy& m = *o.remedy;
    j.begin_object();
    j.key("id").value(m.id);
    j.key("name").value(m.name);
    j.key("kind").value(remedy_kind_name(m.kind));
    j.key("category");
    if (m.category == MedicalCategory::none) {
      j.null();
    } else {
      j.value(medical_category_name(m.category));
    }
    j.key("targets").value(m.targets);
    j.key("for_causes").value(o.for_causes);
    j.key("rating").value(m.rating);
    j.key("onset_days").value(m.onset_days);
    j.key("how").value(m.how);
    j.key("cost").value(m.cost);
    j.key("duration").value(m.duration);
    j.key("tried");
    if (!o.tried) {
      j.null();
    } else {
      const auto& e = *o.tried;
      j.begin_object();
      j.key("first_day").value(day_text(e.first_day));
      j.key("window_days").value(e.window);
      j.key("before_rate");
      e.before.rate ? j.value(*e.before.rate) : j.null();
      j.key("after_rate");
      e.after.rate ? j.value(*e.after.rate) : j.null();
      j.end_object();
    }
    j.end_object();
  }
  j.end_array();
  if (a.planned) {
    j.key("plan").begin_array();
    for (const auto& w : a.plan) {
      j.begin_object();
      j.key("week").value(w.week);
      j.key("start").value(day_text(w.start_day));
      j.key("remedy").value(w.remedy->id);
      j.key("for_causes").value(w.for_causes);
      j.key("log").value(w.log);
      j.end_object();
    }
    j.end_array();
    std::vector<std::string> ids;
    for (const auto* m : a.in_place) ids.push_back(m->id);
    j.key("in_place").value(ids);
  }
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.end_object();
  return j.finish();
}

}  // namespace twitchlog
