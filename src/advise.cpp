#include "twitchlog/advise.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

int evidence_window(const Cause& cause) { return cause.evidence ? cause.evidence->window_days : 0; }

// Gathers what advise needs, entry by entry.
class AdviceCollector : public EntrySink {
 public:
  AdviceCollector(const RuleSet& rules, const Timestamp& now) : rules_(rules) {
    out_.today = today_of(now);
    for (const auto& cause : rules.causes) window_ = std::max(window_, evidence_window(cause));
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
        AdviceFindings::Twitch t{day, entry.hour_known() ? std::optional<int>(entry.time.second_of_day()) : std::nullopt,
                                 {}};
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

  AdviceFindings finish() { return std::move(out_); }

 private:
  const RuleSet& rules_;
  int window_ = 1;
  AdviceFindings out_;
};

template <typename Read>
AdviceInput scan_both(const RuleSet& rules, const Timestamp& now, Read&& read) {
  TriageCollector triage(rules, now);
  AdviceCollector advice(rules, now);
  EntryFanOut both({&triage, &advice});
  const JournalRead result = read(both);
  return AdviceInput{triage.finish(result), advice.finish()};
}

std::string frac(double x) { return fmt::format("{:.1f}", x); }

std::string clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

// The clues of one cause's own (direct) evidence.
std::vector<CauseClue> direct_clues(const Cause& cause, const RuleSet& rules, const AdviceFindings& j) {
  std::vector<CauseClue> clues;
  const CauseEvidence& e = *cause.evidence;
  const auto within = [&](std::int64_t day) { return day > j.today - e.window_days && day <= j.today; };

  if (const Factor* f = rules.find_factor(e.factor)) {
    const auto index = static_cast<std::size_t>(f - rules.factors.data());
    double sum = 0;
    std::size_t n = 0;
    for (const auto& c : j.checkins) {
      if (c.factor == index && within(c.day)) {
        sum += c.value;
        ++n;
      }
    }
    CauseClue clue{"factor", false, 0, ""};
    if (n == 0) {
      clue.text = fmt::format("no check-in of {} in the last {} days", f->id, e.window_days);
    } else {
      const double mean = sum / static_cast<double>(n);
      clue.counts = f->at_risk(mean);
      const double excess = std::fabs(mean - f->threshold) / std::max(std::fabs(f->threshold), 1.0);
      if (clue.counts) clue.strength = 1 + std::min(2.0, excess);
      clue.text = fmt::format("{} {} {} on average over {} check-in{} in the last {} days; threshold {}, {}", f->id,
                              frac(mean), f->unit, n, n == 1 ? "" : "s", e.window_days, format_number(f->threshold),
                              clue.counts ? "on the risk side" : "not on the risk side");
    }
    clues.push_back(std::move(clue));
  }

  if (!e.tags.empty()) {
    std::map<std::string, std::uint64_t> by_tag;
    std::uint64_t twitches = 0;
    for (const auto& t : j.twitches) {
      if (!within(t.day)) continue;
      bool hit = false;
      for (const auto& tag : t.tags) {
        if (std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end()) {
          ++by_tag[tag];
          hit = true;
        }
      }
      if (hit) ++twitches;
    }
    CauseClue clue{"tags", twitches > 0, 0, ""};
    if (twitches == 0) {
      clue.text = fmt::format("no twitch tagged {} in the last {} days", join(e.tags, ", "), e.window_days);
    } else {
      clue.strength = 1 + std::min(1.0, static_cast<double>(twitches) / 10);
      std::vector<std::string> parts;
      for (const auto& tag : e.tags) {  // in the rule's order, for a stable text
        if (const auto it = by_tag.find(tag); it != by_tag.end())
          parts.push_back(fmt::format("{} ({})", tag, it->second));
      }
      clue.text = fmt::format("{} twitch{} tagged {} in the last {} days", twitches, twitches == 1 ? "" : "es",
                              join(parts), e.window_days);
    }
    clues.push_back(std::move(clue));
  }

  if (e.night_from_minute >= 0) {
    std::uint64_t total = 0;
    std::uint64_t night = 0;
    const int from = e.night_from_minute * 60;
    const int to = e.night_to_minute * 60;
    for (const auto& t : j.twitches) {
      if (!within(t.day) || !t.second_of_day) continue;  // the night rule needs the hour (not approx)
      ++total;
      const int second = *t.second_of_day;
      const bool in = from <= to ? (second >= from && second < to) : (second >= from || second < to);
      if (in) ++night;
    }
    CauseClue clue{"night", false, 0, ""};
    if (total == 0) {
      clue.text = fmt::format("no twitch in the last {} days to tell night from day", e.window_days);
    } else {
      const double share = static_cast<double>(night) / static_cast<double>(total);
      clue.counts = share > e.night_share;
      if (clue.counts) clue.strength = 1 + 2 * (share - e.night_share);
      clue.text = fmt::format(
          "{} of {} twitches ({:.0f}%) between {} and {} in the last {} days; over {:.0f}% points here", night, total,
          share * 100, clock(e.night_from_minute), clock(e.night_to_minute), e.window_days, e.night_share * 100);
    }
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

bool within_days(std::int64_t day, std::int64_t today, int days) { return day > today - days && day <= today; }

// What to log to see whether a remedy works, from the evidence of its causes.
std::string log_hint(const Remedy& remedy, const std::vector<std::string>& causes, const RuleSet& rules) {
  std::vector<std::string> parts{fmt::format("`twitchlog log --remedy {}` on the days you do it", remedy.id)};
  std::set<std::string> factors;
  std::vector<std::string> tags;
  for (const auto& id : causes) {
    const Cause* c = rules.find_cause(id);
    if (c == nullptr || !c->evidence) continue;
    if (!c->evidence->factor.empty()) factors.insert(c->evidence->factor);
    for (const auto& t : c->evidence->tags) {
      if (std::find(tags.begin(), tags.end(), t) != tags.end()) continue;
      if (tags.size() < 3) tags.push_back(t);
    }
  }
  if (!factors.empty()) {
    std::vector<std::string> f(factors.begin(), factors.end());
    parts.push_back(fmt::format("a daily check-in with {}", join(f, " and ")));
  }
  if (!tags.empty()) parts.push_back(fmt::format("tags such as {} on twitches", join(tags, ", ")));
  parts.push_back("every twitch");
  return join(parts, "; ");
}

}  // namespace

AdviceInput scan_for_advice_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                 const Timestamp& now) {
  return scan_both(rules, now, [&](EntrySink& sink) { return read_journal_text(text, file, rules, now, sink); });
}

AdviceInput scan_for_advice_file(const std::string& path, const RuleSet& rules, const Timestamp& now) {
  return scan_both(rules, now, [&](EntrySink& sink) { return read_journal_file(path, rules, now, sink); });
}

Advice advise(const RuleSet& rules, const AdviceInput& input, const Timestamp& now, bool plan) {
  Advice a;
  a.as_of = now;
  a.triage = assess(rules, input.triage, {}, now);
  const AdviceFindings& j = input.journal;

  // Direct evidence first: inferred evidence reads the causes it is inferred from.
  std::map<std::string, double, std::less<>> direct_strength;
  for (const auto& cause : rules.causes) {
    RankedCause r;
    r.cause = &cause;
    if (cause.evidence) {
      r.clues = direct_clues(cause, rules, j);
      a.window_days = std::max(a.window_days, cause.evidence->window_days);
    }
    const double s = strength_of(r.clues);
    if (s > 0) {
      r.tier = EvidenceTier::direct;
      r.score = 20 + s;
      direct_strength[cause.id] = s;
    }
    a.causes.push_back(std::move(r));
  }
  for (auto& r : a.causes) {
    if (!r.cause->evidence || r.cause->evidence->inferred_from.empty()) continue;
    const CauseEvidence& e = *r.cause->evidence;
    CauseClue clue{"inferred", false, 0, ""};
    const auto source = direct_strength.find(e.inferred_from);
    if (source == direct_strength.end()) {
      clue.text = fmt::format("inferred from {}, which the journal does not point at", e.inferred_from);
    } else {
      clue.text = fmt::format("inferred from {}", e.inferred_from);
      const auto used = j.remedies.find(e.unless_remedy);
      if (!e.unless_remedy.empty() && used != j.remedies.end() &&
          within_days(used->second.last_day, j.today, e.unless_remedy_days)) {
        clue.text += fmt::format(", but {} was logged on {}, within {} days", e.unless_remedy,
                                 format_date(date_from_days(used->second.last_day)), e.unless_remedy_days);
      } else {
        clue.counts = true;
        clue.strength = source->second / 2;
        if (!e.unless_remedy.empty()) {
          clue.text += fmt::format(", and no {} logged in the last {} days", e.unless_remedy, e.unless_remedy_days);
        }
      }
    }
    if (clue.counts && r.tier == EvidenceTier::none) {
      r.tier = EvidenceTier::inferred;
      r.score = 10 + clue.strength;
    }
    r.clues.push_back(std::move(clue));
  }
  for (auto& r : a.causes) r.score = std::round(r.score * 100) / 100;  // two decimals, the same in every format
  std::stable_sort(a.causes.begin(), a.causes.end(), more_likely);

  const bool any_evidence = !a.causes.empty() && a.causes.front().tier != EvidenceTier::none;
  a.no_data = std::none_of(j.checkins.begin(), j.checkins.end(),
                           [&](const auto& c) { return within_days(c.day, j.today, a.window_days); }) &&
              std::none_of(j.twitches.begin(), j.twitches.end(),
                           [&](const auto& t) { return within_days(t.day, j.today, a.window_days); });
  std::size_t likely = 0;
  while (likely < a.causes.size() && likely < kLikelyCauses &&
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
      o.tried = remedy_effect(j.daily, used->second.first_day, kEffectWindowDays, m.onset_days.value_or(0),
                              j.first_day.value_or(j.today), j.today);
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
      if (o.last_day && within_days(*o.last_day, j.today, kEffectWindowDays)) {
        a.in_place.push_back(o.remedy);
        continue;
      }
      PlanWeek w;
      w.week = ++week;
      w.start_day = j.today + 7 * (week - 1);
      w.remedy = o.remedy;
      w.for_causes = o.for_causes;
      w.log = log_hint(*o.remedy, o.for_causes, rules);
      a.plan.push_back(std::move(w));
    }
  }

  a.remedies = std::move(everyday);
  if (a.triage.level->rank > 0) {
    for (const auto category : {MedicalCategory::diagnostic, MedicalCategory::treatment}) {
      for (const auto& m : rules.remedies) {
        if (m.kind == RemedyKind::medical && m.category == category) a.remedies.push_back(offer(m));
      }
    }
  }
  return a;
}

}  // namespace twitchlog
