// `twitchlog advise` output: the advice as text for people and as JSON.
#include <algorithm>
#include <cmath>
#include <variant>

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
    case EvidenceTier::associated: return "associated";
    case EvidenceTier::direct: return "direct";
    case EvidenceTier::inferred: return "inferred";
    case EvidenceTier::none: break;
  }
  return "none";
}

std::string clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return std::string(n == 1 ? one : many);
}

// One clue in words, from its figures.
std::string clue_text(const CauseClue& clue) {
  const int w = clue.window_days;
  struct Words {
    int w;
    std::string operator()(const FactorClue& c) const {
      const Factor& f = *c.factor;
      if (!c.mean) return fmt::format("no check-in of {} in the last {} days", f.id, w);
      return fmt::format("{} {:.1f} {} on average over {} {} in the last {} days; threshold {}, {}", f.id, *c.mean,
                         f.unit, c.checkins, plural(c.checkins, "check-in", "check-ins"), w, format_number(f.threshold),
                         c.at_risk ? "on the risk side" : "not on the risk side");
    }
    std::string operator()(const TagsClue& c) const {
      if (c.twitches == 0) return fmt::format("no twitch tagged {} in the last {} days", join(c.tags, ", "), w);
      std::vector<std::string> parts;
      for (const auto& [tag, n] : c.by_tag) parts.push_back(fmt::format("{} ({})", tag, n));
      return fmt::format("{} {} tagged {} in the last {} days", c.twitches, plural(c.twitches, "twitch", "twitches"),
                         join(parts), w);
    }
    std::string operator()(const NightClue& c) const {
      if (!c.share) return fmt::format("no twitch with a known hour in the last {} days to tell night from day", w);
      return fmt::format("{} of {} twitches ({:.0f}%) between {} and {} in the last {} days; over {:.0f}% points here",
                         c.night, c.total, *c.share * 100, clock(c.from_minute), clock(c.to_minute), w,
                         c.share_over * 100);
    }
    std::string operator()(const InferredClue& c) const {
      if (c.from_tier != EvidenceTier::direct)
        return fmt::format("inferred from {}, which the journal does not point at", c.from);
      if (c.remedy_day) {
        return fmt::format("inferred from {}, but {} was logged on {}, within {} days", c.from, c.unless_remedy,
                           day_text(*c.remedy_day), c.unless_remedy_days);
      }
      if (c.unless_remedy.empty()) return fmt::format("inferred from {}", c.from);
      return fmt::format("inferred from {}, and no {} logged in the last {} days", c.from, c.unless_remedy,
                         c.unless_remedy_days);
    }
  };
  return std::visit(Words{w}, clue.figures);
}

// How many of a plan week's tags the text gives as examples.
constexpr std::size_t kTagExamples = 3;

// What to log for a plan week, in words.
std::string log_text(const PlanWeek& w) {
  std::vector<std::string> parts{fmt::format("`twitchlog log --remedy {}` on the days you do it", w.remedy->id)};
  if (!w.factors.empty()) parts.push_back(fmt::format("a daily check-in with {}", join(w.factors, " and ")));
  if (!w.tags.empty()) {
    const std::vector<std::string> some(
        w.tags.begin(), w.tags.begin() + static_cast<std::ptrdiff_t>(std::min(w.tags.size(), kTagExamples)));
    parts.push_back(fmt::format("tags such as {} on twitches", join(some, ", ")));
  }
  parts.push_back("every twitch");
  return join(parts, "; ");
}

std::string tried_text(const RemedyEffect& e) {
  return fmt::format("logged since {}: {} episodes a day in the {} days before, {} in the {} days from {}",
                     day_text(e.first_day), rate_text(e.before), e.window, rate_text(e.after), e.window,
                     day_text(e.first_day + e.onset_days));
}

std::string remedy_facts(const Remedy& m) {
  std::vector<std::string> facts;
  if (m.rating)
    facts.push_back(fmt::format("the article author's rating {}/5{}", *m.rating,
                                m.rating_note.empty() ? "" : ": " + m.rating_note));
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
  if (o.tried) out += fmt::format("    In your journal (descriptive): {}.\n", tried_text(*o.tried));
  if (o.insight && o.insight->verdict != Verdict::not_enough_data) {
    const TermInsight& t = *o.insight;
    std::string said = t.rate_ratio ? fmt::format("{:.2f}x the twitching after [{:.2f} to {:.2f}], {}", *t.rate_ratio,
                                                  *t.ci_low, *t.ci_high, verdict_words(t.verdict))
                                    : fmt::format("no estimate, {}", verdict_words(t.verdict));
    if (!t.with.empty()) said += fmt::format(" from {}", join(t.with));
    out += fmt::format("    The statistics (`twitchlog report`): {}{}.\n", said,
                       t.rate_ratio && *t.rate_ratio < 1 ? "; a lower rate after can also come from starting at a bad\n"
                                                           "    time and from the natural course of twitching"
                                                         : "");
  }
}

JsonWriter& count(JsonWriter& j, std::uint64_t n) { return j.value(static_cast<std::int64_t>(n)); }

// A computed fraction (mean, share, strength) to 4 decimals: enough for any use, free of float noise
// (1.0000000000000002).
double figure(double x) { return std::round(x * 10000) / 10000; }

// One clue's figures: what the text says of it, as data.
void clue_json(JsonWriter& j, const CauseClue& clue) {
  j.begin_object();
  j.key("kind").value(clue_kind_name(clue));
  j.key("counts").value(clue.counts);
  j.key("strength").value(figure(clue.strength));
  j.key("window_days").value(clue.window_days);
  if (const auto* c = std::get_if<FactorClue>(&clue.figures)) {
    j.key("factor").value(c->factor->id);
    j.key("unit").value(c->factor->unit);
    j.key("checkins");
    count(j, c->checkins);
    j.key("mean");
    c->mean ? j.value(figure(*c->mean)) : j.null();
    j.key("threshold").value(c->factor->threshold);
    j.key("risk").value(risk_side_name(c->factor->risk));
    j.key("at_risk").value(c->at_risk);
  } else if (const auto* t = std::get_if<TagsClue>(&clue.figures)) {
    j.key("tags").value(t->tags);
    j.key("twitches");
    count(j, t->twitches);
    j.key("by_tag").begin_object();
    for (const auto& [tag, n] : t->by_tag) {
      j.key(tag);
      count(j, n);
    }
    j.end_object();
  } else if (const auto* n = std::get_if<NightClue>(&clue.figures)) {
    j.key("from").value(clock(n->from_minute));
    j.key("to").value(clock(n->to_minute));
    j.key("share_over").value(n->share_over);
    j.key("night");
    count(j, n->night);
    j.key("total");
    count(j, n->total);
    j.key("share");
    n->share ? j.value(figure(*n->share)) : j.null();
  } else if (const auto* i = std::get_if<InferredClue>(&clue.figures)) {
    j.key("from").value(i->from);
    j.key("from_tier").value(tier_name(i->from_tier));
    j.key("unless_remedy");
    i->unless_remedy.empty() ? j.null() : j.value(i->unless_remedy);
    j.key("unless_remedy_days").value(i->unless_remedy_days);
    j.key("remedy_day");
    i->remedy_day ? j.value(day_text(*i->remedy_day)) : j.null();
  }
  j.end_object();
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
      out += fmt::format("  - {} ({}): {}\n", p(f.flag->id), p(f.level->id),
                         f.evidence.empty() ? std::string() : p(evidence_text(f.evidence.front())));
    }
    out += fmt::format("  {}\n  See `twitchlog triage` for the evidence and the questions.\n\n", p(level.action));
  }
  if (a.action_only) {
    out += "Causes and remedies can wait: do what the care level says first.\n";
    out += fmt::format("\n{}\n", p(rules.triage.disclaimer));
    return out;
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
  if (!a.associated && !a.no_data) {
    out += fmt::format(
        "  These are common causes of twitching in general, not yet yours: your journal has {} days with a complete\n"
        "  check-in, and about {} are needed to tell which factors go with your own twitching: about {} more days\n"
        "  of daily check-ins (`twitchlog report`).\n",
        a.observed_days, a.needed_days.value_or(0),
        a.needed_days.value_or(0) > a.observed_days ? *a.needed_days - a.observed_days : 0);
  }
  for (std::size_t i = 0; i < a.causes.size(); ++i) {
    const auto& r = a.causes[i];
    const Cause& c = *r.cause;
    if (i == a.likely) out += "  Less likely now:\n";
    out += fmt::format("  {}. {}  {} ({}{}; score {})\n", i + 1, p(c.id), p(c.name), frequency_name(c.frequency),
                       c.frequency_note.empty() ? "" : ", " + p(c.frequency_note), format_number(r.score));
    if (i < a.likely) out += fmt::format("     {}\n", p(c.mechanism));
    if (r.association) {
      const TermInsight& t = *r.association;
      out +=
          fmt::format("     {} your journal: {:.2f}x the twitching per {} {}({:.0f}% interval {:.2f} to {:.2f}): {}\n",
                      t.verdict == Verdict::likely_trigger ? "+" : "-", *t.rate_ratio,
                      p(rules.find_factor(t.id) != nullptr ? rules.find_factor(t.id)->per : t.id),
                      t.lag == 1 ? "the day before " : "", rules.insights.confidence * 100, *t.ci_low, *t.ci_high,
                      verdict_words(t.verdict));
    }
    for (const auto& clue : r.clues) out += fmt::format("     {} {}\n", clue.counts ? "+" : "-", p(clue_text(clue)));
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
      out +=
          fmt::format("  Already in place (logged in the last {} days; keep it up): {}\n", a.in_place_days, join(ids));
    }
    for (const auto& w : a.plan) {
      const Remedy& m = *w.remedy;
      out += fmt::format("  Week {} (from {}): {}, {}, for {}\n", w.week, day_text(w.start_day), p(m.id), p(m.name),
                         join(w.for_causes));
      out += fmt::format("    {}\n    Log {}.\n", p(m.how), p(log_text(w)));
      out += fmt::format(
          "    Look again with `twitchlog report` after {}; twitching also comes and goes by itself, so one\n"
          "    start seldom tells.\n",
          day_text(w.review_day));
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
  j.key("action").value(a.triage.level->action);
  j.key("action_only").value(a.action_only);
  j.key("window_days").value(a.window_days);
  j.key("effect_window_days").value(a.effect_window_days);
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
    j.key("association");
    if (r.association) {
      j.begin_object().key("factor").value(r.association->id).key("lag").value(r.association->lag);
      j.key("rate_ratio").value(std::round(*r.association->rate_ratio * 10000) / 10000);
      j.key("ci_low").value(std::round(*r.association->ci_low * 10000) / 10000);
      j.key("ci_high").value(std::round(*r.association->ci_high * 10000) / 10000);
      j.key("verdict").value(kVerdictNames.name(r.association->verdict)).end_object();
    } else {
      j.null();
    }
    j.key("frequency").value(frequency_name(r.cause->frequency));
    j.key("frequency_note").value(r.cause->frequency_note);
    j.key("mechanism").value(r.cause->mechanism);
    j.key("evidence").begin_array();
    for (const auto& clue : r.clues) clue_json(j, clue);
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
    j.key("rating_note").value(m.rating_note);
    j.key("onset_days").value(m.onset_days);
    j.key("how").value(m.how);
    j.key("cost").value(m.cost);
    j.key("duration").value(m.duration);
    j.key("last_day");
    o.last_day ? j.value(day_text(*o.last_day)) : j.null();
    j.key("tried");
    if (!o.tried) {
      j.null();
    } else {
      const auto& e = *o.tried;
      j.begin_object();
      j.key("first_day").value(day_text(e.first_day));
      j.key("window_days").value(e.window);
      j.key("onset_days").value(e.onset_days);
      j.key("after_first_day").value(day_text(e.first_day + e.onset_days));
      j.key("before_rate");
      e.before.rate ? j.value(*e.before.rate) : j.null();
      j.key("after_rate");
      e.after.rate ? j.value(*e.after.rate) : j.null();
      j.end_object();
    }
    j.key("insight");
    if (!o.insight) {
      j.null();
    } else {
      const TermInsight& t = *o.insight;
      const auto num = [&](const char* key, const std::optional<double>& v) {
        j.key(key);
        v ? j.value(figure(*v)) : j.null();
      };
      j.begin_object();
      j.key("from").value(t.from ? day_text(*t.from) : "");
      num("rate_ratio", t.rate_ratio);
      num("ci_low", t.ci_low);
      num("ci_high", t.ci_high);
      j.key("verdict").value(kVerdictNames.name(t.verdict));
      j.key("with").value(t.with);
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
      j.key("log_factors").value(w.factors);
      j.key("log_tags").value(w.tags);
      j.key("review_after").value(day_text(w.review_day));
      j.end_object();
    }
    j.end_array();
    std::vector<std::string> ids;
    for (const auto* m : a.in_place) ids.push_back(m->id);
    j.key("in_place").value(ids);
    j.key("in_place_days").value(a.in_place_days);
  }
  j.key("statistics").begin_object().key("ranked_by_journal").value(a.associated);
  j.key("observed_days").value(static_cast<std::int64_t>(a.observed_days)).key("needed_days");
  if (a.needed_days) {
    j.value(static_cast<std::int64_t>(*a.needed_days));
  } else {
    j.null();
  }
  j.end_object();
  write_warnings(j, a.read);
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.end_object();
  return j.finish();
}

}  // namespace twitchlog
