// `twitchlog rules` output: the rule set as readable text and as JSON.
#include <algorithm>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/json.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

std::string risk_text(const Factor& f) {
  return f.risk == RiskSide::high ? fmt::format("{} or more", format_number(f.threshold))
                                  : fmt::format("under {}", format_number(f.threshold));
}

std::string journal_rule_text(const JournalRule& j) {
  switch (j.kind) {
    case JournalRuleKind::areas:
      return fmt::format("twitches in {}+ places (an area group is one place) in the last {} days", j.min_areas,
                         j.window_days);
    case JournalRuleKind::streak:
      return fmt::format("twitch days (gaps of at most {} days) spanning {}+ days, the latest within {} days",
                         j.max_gap_days, j.min_span_days, j.recent_days);
    case JournalRuleKind::runs:
      return fmt::format(
          "{}+ runs of twitch days (gaps of at most {} days) starting in the last {} days, each {}+ days after the "
          "previous one counted",
          j.min_runs, j.max_gap_days, j.window_days, j.min_apart_days);
    case JournalRuleKind::none: break;
  }
  return "";
}

std::string evidence_text(const CauseEvidence& e, const RuleSet& rules) {
  std::vector<std::string> parts;
  if (const auto* f = rules.find_factor(e.factor)) parts.push_back(fmt::format("average {} {}", f->id, risk_text(*f)));
  if (!e.tags.empty()) parts.push_back(fmt::format("tags {}", join(e.tags)));
  if (e.night_from_minute >= 0) {
    parts.push_back(fmt::format("over {}% of twitches between {:02}:{:02} and {:02}:{:02}",
                                format_number(e.night_share * 100), e.night_from_minute / 60, e.night_from_minute % 60,
                                e.night_to_minute / 60, e.night_to_minute % 60));
  }
  if (!e.inferred_from.empty()) {
    std::string inferred = fmt::format("inferred from {}", e.inferred_from);
    if (!e.unless_remedy.empty())
      inferred += fmt::format(" unless {} taken in {} days", e.unless_remedy, e.unless_remedy_days);
    parts.push_back(inferred);
  }
  return fmt::format("{} (last {} days)", join(parts, "; "), e.window_days);
}

std::string_view origin_name(Origin origin) {
  switch (origin) {
    case Origin::builtin: return "built-in";
    case Origin::file: return "file";
    case Origin::overridden: return "overridden";
  }
  return "";
}

// Where an id comes from, after its line in the text: nothing for a built-in
// id, or for every id of a full rule file (the heading says it); else
// " [added: FILE:LINE]" or " [changed: FILE:LINE: KEYS]".
std::string origin_mark(const RuleSet& rules, std::string_view table, std::string_view id, std::uint32_t line) {
  if (rules.extends.empty()) return "";
  const IdOrigin o = rules.origin_of(table, id, line);
  const std::string place = fmt::format("{}:{}", printable(rules.source), o.line);
  switch (o.origin) {
    case Origin::builtin: return "";
    case Origin::file: return fmt::format(" [added: {}]", place);
    case Origin::overridden: return fmt::format(" [changed: {}: {}]", place, printable(join(o.keys)));
  }
  return "";
}

// The heading's account of where the rules come from.
std::string origin_heading(const RuleSet& rules) {
  if (rules.source == kBuiltinRulesName) return "";
  if (rules.extends.empty()) return "Every id is from this file (it does not extend the built-in rules).\n";
  std::size_t added = 0, changed = 0;
  std::vector<std::string> settings;
  for (const auto& [name, o] : rules.origins) {
    if (name.find(' ') == std::string::npos) {
      settings.push_back(fmt::format("[{}] {} ({}:{})", name, join(o.keys), rules.source, o.line));
    } else {
      ++(o.origin == Origin::file ? added : changed);
    }
  }
  std::string out = fmt::format(
      "On top of the built-in rules: {} id{} added, {} changed (marked below), the rest "
      "built in.\n",
      added, added == 1 ? "" : "s", changed);
  if (!settings.empty()) out += fmt::format("Settings changed: {}\n", printable(join(settings, "; ")));
  return out;
}

void origin_json(JsonWriter& j, const RuleSet& rules, std::string_view table, std::string_view id, std::uint32_t line) {
  const IdOrigin o = rules.origin_of(table, id, line);
  j.key("origin").begin_object().key("from").value(origin_name(o.origin));
  if (o.origin != Origin::builtin) j.key("file").value(rules.source).key("line").value(static_cast<int>(o.line));
  if (o.origin == Origin::overridden) j.key("keys").value(o.keys);
  j.end_object();
}

}  // namespace

std::string render_rules_text(const RuleSet& rules) {
  std::string out = fmt::format("Rules: {} (schema {})\n", printable(rules.source), rules.schema);
  out += origin_heading(rules);
  const auto section = [&](std::string_view title) { out += fmt::format("\n{}\n", title); };
  const auto p = [](const std::string& text) { return printable(text); };

  section("Care levels, least urgent first");
  for (const auto& l : rules.levels) {
    out +=
        fmt::format("  {:<14} {}: {}{}\n", p(l.id), p(l.name), p(l.meaning), origin_mark(rules, "level", l.id, l.line));
    std::vector<std::string> open;
    if (l.open_hours)
      open.push_back(fmt::format("a flag stays at this level for {} hours, then {}", *l.open_hours, p(l.then)));
    if (l.open_days) open.push_back(fmt::format("a flag stays open for {} days", *l.open_days));
    if (!l.open_hours && !l.open_days && l.rank > 0) open.push_back("a flag stays open until a visit");
    if (l.spare_days) open.push_back(fmt::format("a no spares its question for {} days", *l.spare_days));
    if (l.advice != Level::Advice::full) open.push_back(fmt::format("advise: {}", kLevelAdviceNames.name(l.advice)));
    if (!open.empty()) out += fmt::format("  {:<14} ({})\n", "", join(open, "; "));
  }

  section("Factors (log --checkin ID=VALUE)");
  for (const auto& f : rules.factors) {
    out += fmt::format("  {:<14} {}: {}, {} to {}{}; at risk when {}{}\n", p(f.id), p(f.name), p(f.unit),
                       format_number(f.min), format_number(f.max), f.integer ? ", whole numbers" : "", risk_text(f),
                       origin_mark(rules, "factor", f.id, f.line));
  }

  section("Areas (log --where ID)");
  for (const auto& a : rules.areas) {
    out += fmt::format("  {:<14} {} ({}{}){}\n", p(a.id), p(a.name), region_name(a.region),
                       a.group.empty() ? "" : ", group " + p(a.group), origin_mark(rules, "area", a.id, a.line));
  }

  section("Red flags, most urgent first (log --flag ID)");
  std::vector<const RedFlag*> flags;
  for (const auto& f : rules.red_flags) flags.push_back(&f);
  std::stable_sort(flags.begin(), flags.end(),
                   [](const RedFlag* a, const RedFlag* b) { return a->level_rank > b->level_rank; });
  for (const auto* f : flags) {
    out += fmt::format("  {:<16} {:<12} {}{}\n", p(f->id), p(f->level), p(f->question),
                       origin_mark(rules, "red_flag", f->id, f->line));
    const auto more = [&](std::string_view what, const std::string& text) {
      out += fmt::format("  {:<29} {}: {}\n", "", what, text);
    };
    if (f->onset) more("onset", "a yes is followed by: " + p(rules.triage.onset_question));
    if (!f->tags.empty()) more("tags", join(f->tags) + " (a twitch tag counts as the flag)");
    if (!f->aliases.empty()) more("also", join(f->aliases));
    if (f->journal.kind != JournalRuleKind::none) more("journal", journal_rule_text(f->journal));
    if (!f->source.empty()) more("source", p(f->source));
  }
  if (!rules.combinations.empty()) {
    section("Combinations");
    for (const auto& c : rules.combinations) {
      out += fmt::format("  {:<24} {:<12} one of {} with one of {}, both in the last {} hours{}\n", p(c.id), p(c.level),
                         join(c.any_of), join(c.with),
                         rules.levels[static_cast<std::size_t>(c.level_rank)].open_hours.value_or(0),
                         origin_mark(rules, "combination", c.id, c.line));
      if (!c.source.empty()) out += fmt::format("  {:<37} source: {}\n", "", p(c.source));
    }
  }

  section("Causes");
  for (const auto& c : rules.causes) {
    out += fmt::format("  {:<18} {} ({}{}){}\n", p(c.id), p(c.name), frequency_name(c.frequency),
                       c.frequency_note.empty() ? "" : ", " + p(c.frequency_note),
                       origin_mark(rules, "cause", c.id, c.line));
    if (c.evidence) out += fmt::format("  {:<18} evidence: {}\n", "", evidence_text(*c.evidence, rules));
    if (!c.source.empty()) out += fmt::format("  {:<18} source: {}\n", "", p(c.source));
  }

  section("Remedies (log --remedy ID)");
  for (const auto kind : {RemedyKind::quick, RemedyKind::long_term, RemedyKind::medical}) {
    for (const auto& m : rules.remedies) {
      if (m.kind != kind) continue;
      std::string extra;
      if (m.category != MedicalCategory::none) extra += fmt::format(", {}", medical_category_name(m.category));
      if (m.rating) extra += fmt::format(", the article author's rating {}/5", *m.rating);
      if (m.onset_days) extra += fmt::format(", effect after {} days", *m.onset_days);
      out += fmt::format("  {:<18} {:<9} {} (targets {}{}){}\n", p(m.id), remedy_kind_name(m.kind), p(m.name),
                         join(m.targets), extra, origin_mark(rules, "remedy", m.id, m.line));
      if (!m.source.empty()) out += fmt::format("  {:<18} source: {}\n", "", p(m.source));
    }
  }
  out += fmt::format("\n{}\n", p(rules.triage.disclaimer));
  return out;
}

std::string render_rules_json(const RuleSet& rules) {
  JsonWriter j;
  j.begin_object();
  j.key("source").value(rules.source);
  j.key("schema").value(rules.schema);
  j.key("extends");
  rules.extends.empty() ? j.null() : j.value(rules.extends);
  j.key("changed_settings").begin_array();
  for (const auto& [name, o] : rules.origins) {
    if (name.find(' ') != std::string::npos) continue;
    j.begin_object()
        .key("table")
        .value(name)
        .key("file")
        .value(rules.source)
        .key("line")
        .value(static_cast<int>(o.line));
    j.key("keys").value(o.keys).end_object();
  }
  j.end_array();
  j.key("triage").begin_object();
  j.key("disclaimer").value(rules.triage.disclaimer);
  j.key("emergency_numbers").value(rules.triage.emergency_numbers);
  j.key("onset_question").value(rules.triage.onset_question);
  j.key("onset_level").value(rules.triage.onset_level);
  j.key("notice_level").value(rules.triage.notice_level);
  j.end_object();

  j.key("levels").begin_array();
  for (const auto& l : rules.levels) {
    j.begin_object().key("id").value(l.id).key("rank").value(l.rank).key("name").value(l.name);
    j.key("meaning").value(l.meaning).key("action").value(l.action);
    j.key("open_hours").value(l.open_hours);
    j.key("then");
    l.then.empty() ? j.null() : j.value(l.then);
    j.key("open_days").value(l.open_days).key("spare_days").value(l.spare_days);
    j.key("advice").value(kLevelAdviceNames.name(l.advice));
    origin_json(j, rules, "level", l.id, l.line);
    j.end_object();
  }
  j.end_array();

  j.key("factors").begin_array();
  for (const auto& f : rules.factors) {
    j.begin_object().key("id").value(f.id).key("name").value(f.name).key("unit").value(f.unit);
    j.key("description").value(f.description).key("min").value(f.min).key("max").value(f.max);
    j.key("integer").value(f.integer).key("threshold").value(f.threshold);
    j.key("risk_side").value(risk_side_name(f.risk));
    origin_json(j, rules, "factor", f.id, f.line);
    j.end_object();
  }
  j.end_array();

  j.key("areas").begin_array();
  for (const auto& a : rules.areas) {
    j.begin_object().key("id").value(a.id).key("name").value(a.name).key("region").value(region_name(a.region));
    j.key("group");
    a.group.empty() ? j.null() : j.value(a.group);
    j.key("default").value(a.is_default);
    origin_json(j, rules, "area", a.id, a.line);
    j.end_object();
  }
  j.end_array();

  j.key("causes").begin_array();
  for (const auto& c : rules.causes) {
    j.begin_object().key("id").value(c.id).key("name").value(c.name).key("mechanism").value(c.mechanism);
    j.key("frequency").value(frequency_name(c.frequency)).key("frequency_note").value(c.frequency_note);
    j.key("evidence");
    if (c.evidence) {
      const auto& e = *c.evidence;
      j.begin_object().key("window_days").value(e.window_days);
      j.key("factor");
      e.factor.empty() ? j.null() : j.value(e.factor);
      j.key("tags").value(e.tags);
      j.key("night");
      if (e.night_from_minute >= 0) {
        j.begin_object();
        j.key("from").value(fmt::format("{:02}:{:02}", e.night_from_minute / 60, e.night_from_minute % 60));
        j.key("to").value(fmt::format("{:02}:{:02}", e.night_to_minute / 60, e.night_to_minute % 60));
        j.key("share").value(e.night_share).end_object();
      } else {
        j.null();
      }
      j.key("inferred_from");
      e.inferred_from.empty() ? j.null() : j.value(e.inferred_from);
      j.key("unless_remedy");
      e.unless_remedy.empty() ? j.null() : j.value(e.unless_remedy);
      j.key("unless_remedy_days");
      e.unless_remedy.empty() ? j.null() : j.value(e.unless_remedy_days);
      j.end_object();
    } else {
      j.null();
    }
    j.key("source").value(c.source);
    origin_json(j, rules, "cause", c.id, c.line);
    j.end_object();
  }
  j.end_array();

  j.key("red_flags").begin_array();
  for (const auto& f : rules.red_flags) {
    j.begin_object().key("id").value(f.id).key("level").value(f.level).key("name").value(f.name);
    j.key("question").value(f.question).key("meaning").value(f.meaning).key("action").value(f.action);
    j.key("aliases").value(f.aliases).key("onset").value(f.onset).key("tags").value(f.tags);
    j.key("source").value(f.source);
    j.key("journal");
    if (f.journal.kind == JournalRuleKind::none) {
      j.null();
    } else {
      j.begin_object().key("rule").value(journal_rule_name(f.journal.kind));
      const auto days = [&](std::string_view key, int value) {
        if (value > 0) j.key(key).value(value);
      };
      days("window_days", f.journal.window_days);
      days("max_gap_days", f.journal.max_gap_days);
      days("min_span_days", f.journal.min_span_days);
      days("recent_days", f.journal.recent_days);
      days("min_areas", f.journal.min_areas);
      days("min_runs", f.journal.min_runs);
      days("min_apart_days", f.journal.min_apart_days);
      j.end_object();
    }
    origin_json(j, rules, "red_flag", f.id, f.line);
    j.end_object();
  }
  j.end_array();

  j.key("combinations").begin_array();
  for (const auto& c : rules.combinations) {
    j.begin_object().key("id").value(c.id).key("name").value(c.name).key("level").value(c.level);
    j.key("any_of").value(c.any_of).key("with").value(c.with).key("meaning").value(c.meaning);
    j.key("source").value(c.source);
    origin_json(j, rules, "combination", c.id, c.line);
    j.end_object();
  }
  j.end_array();

  j.key("remedies").begin_array();
  for (const auto& m : rules.remedies) {
    j.begin_object().key("id").value(m.id).key("name").value(m.name).key("kind").value(remedy_kind_name(m.kind));
    j.key("category");
    m.category == MedicalCategory::none ? j.null() : j.value(medical_category_name(m.category));
    j.key("how").value(m.how).key("targets").value(m.targets).key("rating").value(m.rating);
    j.key("rating_note").value(m.rating_note).key("onset_days").value(m.onset_days);
    j.key("cost").value(m.cost).key("duration").value(m.duration).key("source").value(m.source);
    origin_json(j, rules, "remedy", m.id, m.line);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.finish();
}

}  // namespace twitchlog
