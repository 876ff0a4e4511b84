#include "twitchlog/advise.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace twitchlog {

namespace {

// Gathers what advise needs, entry by entry.
class AdviceCollector : public EntrySink {
 public:
  AdviceCollector(const RuleSet& rules, const Timestamp& now) : window_(advice_window_days(rules)) {
    out_.today = today_of(now);
  }

  void restart() override {
    const std::int64_t today = out_.today;
    out_ = AdviceFindings{};
    out_.today = today;
  }

  void on_entry(const TypedEntry& entry) override {
    const std::int64_t day = entry.day;
    if (!out_.first_day || day < *out_.first_day) out_.first_day = day;
    const bool recent = day > out_.today - window_ && day <= out_.today;
    switch (entry.kind) {
      case Kind::twitch: {
        ++out_.daily[day];
        if (!recent) break;
        AdviceFindings::Twitch t{
            day, entry.hour_known() ? std::optional<int>(entry.time.second_of_day()) : std::nullopt, {}};
        for (const auto tag : entry.tags) t.tags.emplace_back(tag);
        out_.twitches.push_back(std::move(t));
        break;
      }
      case Kind::checkin:
        if (!recent) break;
        for (const auto& v : entry.values) out_.checkins.push_back({day, v.factor, v.value});
        break;
      case Kind::remedy: {
        if (entry.remedy == nullptr) break;  // an id the rules do not know: nothing to advise on
        auto [it, fresh] = out_.remedies.try_emplace(std::string(entry.remedy_id));
        auto& use = it->second;
        if (fresh || day < use.first_day) use.first_day = day;
        if (fresh || day > use.last_day) use.last_day = day;
        ++use.count;
        break;
      }
      case Kind::triage:
      case Kind::note:
      case Kind::visit:
      case Kind::retract:
      case Kind::unknown: break;
    }
  }

  AdviceFindings finish() {
    // One order whatever the order of the lines, so that sums (and so every figure) come out the same.
    std::sort(out_.checkins.begin(), out_.checkins.end(), [](const auto& a, const auto& b) {
      return std::tie(a.day, a.factor, a.value) < std::tie(b.day, b.factor, b.value);
    });
    return std::move(out_);
  }

 private:
  int window_;
  AdviceFindings out_;
};

template <typename Read>
AdviceInput scan_both(const RuleSet& rules, const Timestamp& now, Read&& read) {
  TriageCollector triage(rules, now);
  AdviceCollector advice(rules, now);
  DayTable days(rules);
  EntryFanOut all({&triage, &advice, &days});
  const JournalRead result = read(all);
  return AdviceInput{triage.finish(result), advice.finish(), analyse(days, rules, today_of(now))};
}

bool within_days(std::int64_t day, std::int64_t today, int days) { return day > today - days && day <= today; }

// The clues of one cause's own (direct) evidence.
std::vector<CauseClue> direct_clues(const Cause& cause, const RuleSet& rules, const AdviceFindings& j) {
  std::vector<CauseClue> clues;
  const CauseEvidence& e = *cause.evidence;
  const auto within = [&](std::int64_t day) { return within_days(day, j.today, e.window_days); };
  const auto clue_of = [&](auto figures) {
    CauseClue clue;
    clue.window_days = e.window_days;
    clue.figures = std::move(figures);
    return clue;
  };

  if (const Factor* f = rules.find_factor(e.factor)) {
    const auto index = static_cast<std::size_t>(f - rules.factors.data());
    FactorClue fc;
    fc.factor = f;
    double sum = 0;
    for (const auto& c : j.checkins) {
      if (c.factor == index && within(c.day)) {
        sum += c.value;
        ++fc.checkins;
      }
    }
    double strength = 0;
    if (fc.checkins > 0) {
      const double mean = sum / static_cast<double>(fc.checkins);
      fc.mean = mean;
      fc.at_risk = f->at_risk(mean);
      const double excess = std::fabs(mean - f->threshold) / std::max(std::fabs(f->threshold), 1.0);
      if (fc.at_risk) strength = 1 + std::min(rules.advise.excess_cap, excess);
    }
    CauseClue clue = clue_of(std::move(fc));
    clue.counts = strength > 0;
    clue.strength = strength;
    clues.push_back(std::move(clue));
  }

  if (!e.tags.empty()) {
    TagsClue tc;
    tc.tags = e.tags;
    std::map<std::string, std::uint64_t, std::less<>> by_tag;
    for (const auto& t : j.twitches) {
      if (!within(t.day)) continue;
      bool hit = false;
      for (const auto& tag : t.tags) {
        if (std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end()) {
          ++by_tag[tag];
          hit = true;
        }
      }
      if (hit) ++tc.twitches;
    }
    for (const auto& tag : e.tags) {  // in the rule's order, for a stable output
      if (const auto it = by_tag.find(tag); it != by_tag.end()) tc.by_tag.emplace_back(tag, it->second);
    }
    const std::uint64_t twitches = tc.twitches;
    CauseClue clue = clue_of(std::move(tc));
    clue.counts = twitches > 0;
    if (clue.counts) clue.strength = 1 + std::min(1.0, static_cast<double>(twitches) / 10);
    clues.push_back(std::move(clue));
  }

  if (e.night_from_minute >= 0) {
    NightClue nc;
    nc.from_minute = e.night_from_minute;
    nc.to_minute = e.night_to_minute;
    nc.share_over = e.night_share;
    const int from = e.night_from_minute * 60;
    const int to = e.night_to_minute * 60;
    for (const auto& t : j.twitches) {
      if (!within(t.day) || !t.second_of_day) continue;  // the night rule needs the hour (not approx)
      ++nc.total;
      const int second = *t.second_of_day;
      const bool in = from <= to ? (second >= from && second < to) : (second >= from || second < to);
      if (in) ++nc.night;
    }
    if (nc.total > 0) nc.share = static_cast<double>(nc.night) / static_cast<double>(nc.total);
    const std::optional<double> share = nc.share;
    CauseClue clue = clue_of(std::move(nc));
    clue.counts = share && *share > e.night_share;
    if (clue.counts) clue.strength = 1 + 2 * (*share - e.night_share);
    clues.push_back(std::move(clue));
  }
  return clues;
}

double strength_of(const std::vector<CauseClue>& clues) {
  double s = 0;
  for (const auto& c : clues) s += c.counts ? c.strength : 0;
  return s;
}

bool more_likely(const RankedCause& a, const RankedCause& b) {
  if (a.tier != b.tier) return a.tier > b.tier;
  if (a.score != b.score) return a.score > b.score;
  return a.cause->frequency < b.cause->frequency;  // more common first; stable sort keeps the rule order
}

// What to log to see whether a remedy works: the factors and tags of its causes' evidence.
void log_hint(PlanWeek& week, const RuleSet& rules) {
  for (const auto& id : week.for_causes) {
    const Cause* c = rules.find_cause(id);
    if (c == nullptr || !c->evidence) continue;
    const auto add = [](std::vector<std::string>& to, const std::string& x) {
      if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
    };
    if (!c->evidence->factor.empty()) add(week.factors, c->evidence->factor);
    for (const auto& t : c->evidence->tags) add(week.tags, t);
  }
  std::sort(week.factors.begin(), week.factors.end());  // by id, as the text has always listed them
}

}  // namespace

std::string_view clue_kind_name(const CauseClue& clue) {
  struct Name {
    std::string_view operator()(const FactorClue&) const { return "factor"; }
    std::string_view operator()(const TagsClue&) const { return "tags"; }
    std::string_view operator()(const NightClue&) const { return "night"; }
    std::string_view operator()(const InferredClue&) const { return "inferred"; }
  };
  return std::visit(Name{}, clue.figures);
}

int advice_window_days(const RuleSet& rules) {
  int days = 1;
  for (const auto& cause : rules.causes) {
    if (cause.evidence) days = std::max(days, cause.evidence->window_days);
  }
  return days;
}

AdviceInput scan_for_advice_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                 const Timestamp& now) {
  return scan_both(rules, now, [&](EntrySink& sink) { return read_journal_text(text, file, rules, now, sink); });
}

AdviceInput scan_for_advice_file(const std::string& path, const RuleSet& rules, const Timestamp& now) {
  return scan_both(rules, now, [&](EntrySink& sink) { return read_journal_file(path, rules, now, sink); });
}

Advice advise(const RuleSet& rules, const AdviceInput& input, const Timestamp& now, bool plan) {
  const AdviseSettings& settings = rules.advise;
  Advice a;
  a.as_of = now;
  a.read = input.triage.read;
  a.triage = assess(rules, input.triage, {});
  a.window_days = advice_window_days(rules);
  a.effect_window_days = rules.report.effect_window_days;
  a.in_place_days = settings.in_place_days;
  const AdviceFindings& j = input.journal;
  if (a.triage.level->advice == Level::Advice::action_only) {
    a.action_only = true;
    a.planned = plan;
    return a;
  }

  // Direct evidence first: inferred evidence reads the causes it is inferred from.
  std::map<std::string, double, std::less<>> direct_strength;
  for (const auto& cause : rules.causes) {
    RankedCause r;
    r.cause = &cause;
    if (cause.evidence) r.clues = direct_clues(cause, rules, j);
    const double s = strength_of(r.clues);
    if (s > 0) {
      r.tier = EvidenceTier::direct;
      r.score = settings.direct_score + s;
      direct_strength[cause.id] = s;
    }
    a.causes.push_back(std::move(r));
  }
  for (auto& r : a.causes) {
    if (!r.cause->evidence || r.cause->evidence->inferred_from.empty()) continue;
    const CauseEvidence& e = *r.cause->evidence;
    InferredClue ic;
    ic.from = e.inferred_from;
    ic.unless_remedy = e.unless_remedy;
    ic.unless_remedy_days = e.unless_remedy_days;
    if (const auto used = j.remedies.find(e.unless_remedy);
        !e.unless_remedy.empty() && used != j.remedies.end() &&
        within_days(used->second.last_day, j.today, e.unless_remedy_days)) {
      ic.remedy_day = used->second.last_day;
    }
    CauseClue clue;
    clue.window_days = e.window_days;
    const auto source = direct_strength.find(e.inferred_from);
    if (source != direct_strength.end()) {
      ic.from_tier = EvidenceTier::direct;
      if (!ic.remedy_day) {
        clue.counts = true;
        clue.strength = source->second / 2;
      }
    }
    clue.figures = std::move(ic);
    if (clue.counts && r.tier == EvidenceTier::none) {
      r.tier = EvidenceTier::inferred;
      r.score = settings.inferred_score + clue.strength;
    }
    r.clues.push_back(std::move(clue));
  }
  // With enough days, the statistics rank the causes that have a factor: a
  // likely trigger comes first, by its rate ratio; a factor that the model
  // finds no trigger of no longer counts by its averages alone.
  a.observed_days = input.insights.observed_days;
  a.needed_days = input.insights.needed_days;
  a.associated = input.insights.fitted && input.insights.converged;
  if (a.associated) {
    for (auto& r : a.causes) {
      if (!r.cause->evidence || r.cause->evidence->factor.empty()) continue;
      for (const auto& t : input.insights.factors) {
        if (t.id != r.cause->evidence->factor || !t.rate_ratio) continue;
        // A likely trigger first (the same day or the day before), then the larger ratio.
        const bool trigger = t.verdict == Verdict::likely_trigger;
        const bool held = r.association && r.association->verdict == Verdict::likely_trigger;
        if (!r.association || (trigger && !held) || (trigger == held && *t.rate_ratio > *r.association->rate_ratio))
          r.association = t;
      }
      for (auto& clue : r.clues) {
        if (std::holds_alternative<FactorClue>(clue.figures)) {
          clue.counts = false;
          clue.strength = 0;
        }
      }
      const bool trigger = r.association && r.association->verdict == Verdict::likely_trigger;
      r.score = strength_of(r.clues);
      r.tier = r.score > 0 ? EvidenceTier::direct : EvidenceTier::none;
      if (trigger) {
        r.tier = EvidenceTier::associated;
        r.score = settings.associated_score + std::log(*r.association->rate_ratio) * 10;
      } else if (r.tier == EvidenceTier::direct) {
        r.score += settings.direct_score;
      }
    }
  }
  for (auto& r : a.causes) r.score = std::round(r.score * 100) / 100;  // two decimals, the same in every format
  std::stable_sort(a.causes.begin(), a.causes.end(), more_likely);

  // The collector kept the check-ins and twitches of this same window only.
  const bool any_evidence = !a.causes.empty() && a.causes.front().tier != EvidenceTier::none;
  a.no_data = j.checkins.empty() && j.twitches.empty();
  std::size_t likely = 0;
  while (likely < a.causes.size() && likely < static_cast<std::size_t>(settings.likely_causes) &&
         (!any_evidence || a.causes[likely].tier != EvidenceTier::none)) {
    ++likely;
  }
  a.likely = likely;

  // Remedies for the likely causes: quick, then long-term; the better-ranked cause and the higher rating first.
  const auto cause_rank = [&](const std::string& id) {
    for (std::size_t i = 0; i < likely; ++i) {
      if (a.causes[i].cause->id == id) return i;
    }
    return a.causes.size();
  };
  const auto offer = [&](const Remedy& m) {
    RemedyOffer o;
    o.remedy = &m;
    for (std::size_t i = 0; i < likely; ++i) {
      const auto& id = a.causes[i].cause->id;
      if (std::find(m.targets.begin(), m.targets.end(), id) != m.targets.end()) o.for_causes.push_back(id);
    }
    if (const auto used = j.remedies.find(m.id); used != j.remedies.end()) {
      o.last_day = used->second.last_day;
      o.tried = remedy_effect(j.daily, used->second.first_day, a.effect_window_days, m.onset_days.value_or(0),
                              j.first_day.value_or(j.today), j.today);
      for (const auto& t : input.insights.remedies) {
        if (t.id == m.id) o.insight = t;
      }
    }
    return o;
  };
  std::vector<RemedyOffer> everyday;
  for (const auto& m : rules.remedies) {
    if (m.kind == RemedyKind::medical) continue;
    RemedyOffer o = offer(m);
    if (!o.for_causes.empty()) everyday.push_back(std::move(o));
  }
  const auto best_rank = [&](const RemedyOffer& o) {
    std::size_t best = a.causes.size();
    for (const auto& id : o.for_causes) best = std::min(best, cause_rank(id));
    return best;
  };
  std::stable_sort(everyday.begin(), everyday.end(), [&](const RemedyOffer& x, const RemedyOffer& y) {
    if (x.remedy->kind != y.remedy->kind) return x.remedy->kind == RemedyKind::quick;
    if (best_rank(x) != best_rank(y)) return best_rank(x) < best_rank(y);
    return x.remedy->rating.value_or(0) > y.remedy->rating.value_or(0);
  });

  a.planned = plan;
  if (plan) {
    std::vector<RemedyOffer> order = everyday;
    std::stable_sort(order.begin(), order.end(), [&](const RemedyOffer& x, const RemedyOffer& y) {
      if (best_rank(x) != best_rank(y)) return best_rank(x) < best_rank(y);
      return x.remedy->rating.value_or(0) > y.remedy->rating.value_or(0);
    });
    int week = 0;
    for (const auto& o : order) {
      if (o.last_day && within_days(*o.last_day, j.today, a.in_place_days)) {
        a.in_place.push_back(o.remedy);
        continue;
      }
      PlanWeek w;
      w.week = ++week;
      w.start_day = j.today + 7 * (week - 1);  // one change a week
      w.remedy = o.remedy;
      w.for_causes = o.for_causes;
      w.review_day = w.start_day + o.remedy->onset_days.value_or(0) + a.effect_window_days - 1;
      log_hint(w, rules);
      a.plan.push_back(std::move(w));
    }
  }

  a.remedies = std::move(everyday);
  if (a.triage.level->rank > 0) {
    for (const auto category : {MedicalCategory::diagnostic, MedicalCategory::treatment}) {
      for (const auto& m : rules.remedies) {
        if (category == MedicalCategory::treatment && a.triage.level->advice == Level::Advice::no_treatments) continue;
        if (m.kind == RemedyKind::medical && m.category == category) a.remedies.push_back(offer(m));
      }
    }
  }
  return a;
}

}  // namespace twitchlog
