#include "twitchlog/triage.hpp"

#include <algorithm>

#include "twitchlog/stats.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time_phrases.hpp"

namespace twitchlog {

namespace {

// The instant an entry counts from for a red flag: its own, or for an
// approx entry the latest instant of its day (or part of the day) not after
// now (the contract).
Timestamp flag_instant(const TypedEntry& entry, const Timestamp& now) {
  if (entry.hour_known()) return entry.time;
  Timestamp end = end_of_local_day(date_from_days(entry.time.day()));
  if (entry.approx == Approx::part) {
    if (const auto span = part_of_day_span(entry.time.second_of_day() / 60)) {
      const Timestamp midnight = start_of_local_day(date_from_days(entry.time.day()));
      end = local_timestamp(midnight.unix_seconds + std::int64_t{span->second} * 60 - 1);
    }
  }
  if (end.unix_seconds > now.unix_seconds) end = now;
  return end.unix_seconds < entry.time.unix_seconds ? entry.time : end;
}

// The instant a visit counts from: its own, or for an approx visit the
// earliest instant of its day.
Timestamp visit_instant(const TypedEntry& entry) {
  if (entry.hour_known()) return entry.time;
  Timestamp start = start_of_local_day(date_from_days(entry.time.day()));
  if (entry.approx == Approx::part) {
    if (const auto span = part_of_day_span(entry.time.second_of_day() / 60))
      start = local_timestamp(start.unix_seconds + std::int64_t{span->first} * 60);
  }
  return start.unix_seconds > entry.time.unix_seconds ? entry.time : start;
}

bool later(const Timestamp& a, const Timestamp& b) { return a.unix_seconds > b.unix_seconds; }

}  // namespace

namespace detail {

class TriageScanner : public EntrySink {
 public:
  TriageScanner(const RuleSet& rules, const Timestamp& now) : rules_(rules), now_(now), today_(today_of(now)) {
    for (const auto& flag : rules.red_flags) {
      if (flag.journal.kind == JournalRuleKind::areas)
        places_window_ = std::max(places_window_, flag.journal.window_days);
    }
    restart();
  }

  void restart() override {
    findings_ = JournalFindings{};
    findings_.now = now_;
    findings_.flags.assign(rules_.red_flags.size(), FlagEntries{});
    findings_.no_day.assign(rules_.red_flags.size(), std::nullopt);
    days_cursor_.reset();
  }

  void on_entry(const TypedEntry& entry) override {
    // A report looks from the end of its range, which may be before the reading's "now".
    if (later(entry.time, now_)) return;
    const std::int64_t day = std::min(entry.day, today_);
    switch (entry.kind) {
      case Kind::twitch: twitch(entry, day); break;
      case Kind::triage: triage(entry, day); break;
      case Kind::visit: visit(entry); break;
      default: break;
    }
  }

  JournalFindings finish(const JournalRead& read) {
    findings_.read = read;
    return std::move(findings_);
  }

 private:
  void twitch(const TypedEntry& entry, std::int64_t day) {
    const Timestamp at = flag_instant(entry, now_);
    TwitchDay& d = days_cursor_[day];
    if (d.first_line == 0 || entry.line < d.first_line) d.first_line = entry.line;
    if (later(at, d.latest) || d.latest.unix_seconds == 0) d.latest = at;
    if (places_window_ > 0 && day > today_ - places_window_) {
      // An unknown area is a place of its own: never miss a flag.
      const std::string_view place =
          entry.area_rule != nullptr ? std::string_view(entry.area_rule->place()) : entry.area;
      auto it = findings_.places.find(place);
      if (it == findings_.places.end()) it = findings_.places.emplace(std::string(place), PlaceSeen{}).first;
      if (it->second.line == 0 || later(at, it->second.latest)) it->second = PlaceSeen{at, day, entry.line};
    }
    for (const RedFlag* flag : entry.flags) add(flag, entry, at, day, false, false);
  }

  void triage(const TypedEntry& entry, std::int64_t day) {
    const Timestamp at = flag_instant(entry, now_);
    const auto has = [](const std::vector<const RedFlag*>& list, const RedFlag* f) {
      return std::find(list.begin(), list.end(), f) != list.end();
    };
    for (const RedFlag* flag : entry.yes) add(flag, entry, at, day, has(entry.sudden, flag), false);
    for (const RedFlag* flag : entry.unsure) {
      if (!has(entry.yes, flag)) add(flag, entry, at, day, has(entry.sudden, flag), true);
    }
    for (const RedFlag* flag : entry.no) {
      if (has(entry.yes, flag) || has(entry.unsure, flag)) continue;
      auto& no = findings_.no_day[index(flag)];
      if (!no || day > *no) no = day;
    }
  }

  void visit(const TypedEntry& entry) {
    const Timestamp at = visit_instant(entry);
    if (!findings_.last_visit || later(at, *findings_.last_visit)) {
      findings_.last_visit = at;
    }
  }

  std::size_t index(const RedFlag* flag) const { return static_cast<std::size_t>(flag - rules_.red_flags.data()); }

  void add(const RedFlag* flag, const TypedEntry& entry, const Timestamp& at, std::int64_t day, bool sudden,
           bool unsure) {
    FlagEntries& f = findings_.flags[index(flag)];
    f.records.push_back(FlagRecord{at, EntryRef{entry.time, entry.kind, entry.line}, day, sudden, unsure});
    if (f.records.size() >= 2 * kMaxFlagRecords) thin(f);
  }

  // Keeps memory bounded on a journal with very many flagged entries: the
  // entries before the latest visit seen so far are closed whatever comes
  // later; beyond that only the latest kMaxFlagRecords are kept, and the
  // count says "at least".
  void thin(FlagEntries& f) const {
    auto& r = f.records;
    if (findings_.last_visit) {
      const auto visit = *findings_.last_visit;
      r.erase(std::remove_if(r.begin(), r.end(), [&](const FlagRecord& x) { return later(visit, x.counts_from); }),
              r.end());
    }
    if (r.size() <= kMaxFlagRecords) return;
    std::sort(r.begin(), r.end(), [](const FlagRecord& a, const FlagRecord& b) {
      return a.counts_from.unix_seconds < b.counts_from.unix_seconds;
    });
    const auto drop = r.size() - kMaxFlagRecords;
    if (f.dropped == 0 || r.front().counts_from.unix_seconds < f.dropped_min.unix_seconds)
      f.dropped_min = r.front().counts_from;
    if (f.dropped == 0 || r[drop - 1].counts_from.unix_seconds > f.dropped_max.unix_seconds)
      f.dropped_max = r[drop - 1].counts_from;
    f.dropped += drop;
    r.erase(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(drop));
  }

  const RuleSet& rules_;
  Timestamp now_;
  std::int64_t today_;
  int places_window_ = 0;
  JournalFindings findings_;
  DayCursor<std::map<std::int64_t, TwitchDay>> days_cursor_{findings_.twitch_days};
};

}  // namespace detail

TriageCollector::TriageCollector(const RuleSet& rules, const Timestamp& now)
    : scanner_(std::make_unique<detail::TriageScanner>(rules, now)) {}
TriageCollector::~TriageCollector() = default;
void TriageCollector::on_entry(const TypedEntry& entry) { scanner_->on_entry(entry); }
void TriageCollector::restart() { scanner_->restart(); }
JournalFindings TriageCollector::finish(const JournalRead& read) { return scanner_->finish(read); }

std::string_view answer_name(Answer answer) { return kAnswerNames.name(answer); }

JournalFindings scan_for_triage_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                     const Timestamp& now) {
  TriageCollector scanner(rules, now);
  const JournalRead read = read_journal_text(text, file, rules, now, scanner);
  return scanner.finish(read);
}

JournalFindings scan_for_triage_file(const std::string& path, const RuleSet& rules, const Timestamp& now) {
  TriageCollector scanner(rules, now);
  const JournalRead read = read_journal_file(path, rules, now, scanner);
  return scanner.finish(read);
}

namespace {

// Line numbers of a piece of evidence: the first kMaxEvidenceLines, ascending, and the count.
void set_lines(Evidence& e, std::vector<std::uint64_t> lines, std::uint64_t count) {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  if (lines.size() > kMaxEvidenceLines) lines.resize(kMaxEvidenceLines);
  e.lines = std::move(lines);
  e.line_count = std::max<std::uint64_t>(count, e.lines.size());
}

class Assessor {
 public:
  Assessor(const RuleSet& rules, const JournalFindings& findings)
      : rules_(rules), f_(findings), now_(findings.now), today_(today_of(findings.now)) {}

  Assessment run(const RunAnswers& answers) {
    Assessment a;
    a.as_of = now_;
    a.answers = answers;
    a.last_visit = f_.last_visit;
    for (std::size_t i = 0; i < rules_.red_flags.size(); ++i) flag(a, i);
    std::stable_sort(a.fired.begin(), a.fired.end(),
                     [](const FiredFlag& x, const FiredFlag& y) { return x.level->rank > y.level->rank; });
    combinations(a);
    int rank = 0;
    for (const auto& fired : a.fired) rank = std::max(rank, fired.level->rank);
    for (const auto& c : a.combinations) rank = std::max(rank, c.level->rank);
    a.level = &rules_.levels[static_cast<std::size_t>(rank)];
    questions(a);
    return a;
  }

 private:
  // The level evidence from instant `at` on day `day` gives now, starting at
  // `level`: down the open_hours steps, closed past open_days.
  const Level* level_at(const Level* level, const Timestamp& at, std::int64_t day, FiredFlag* out) const {
    while (level != nullptr) {
      if (level->open_hours) {
        const Timestamp until = local_timestamp(at.unix_seconds + std::int64_t{*level->open_hours} * 3600);
        if (now_.unix_seconds < until.unix_seconds) {
          if (out != nullptr && (!out->steps_down_at || until.unix_seconds > out->steps_down_at->unix_seconds)) {
            out->steps_down_at = until;
            out->steps_down_to = &rules_.levels[static_cast<std::size_t>(level->then_rank)];
          }
          return level;
        }
        level = &rules_.levels[static_cast<std::size_t>(level->then_rank)];
        continue;
      }
      if (level->open_days) {
        if (day > today_ - *level->open_days && day <= today_) {
          if (out != nullptr)
            out->open_until_day = std::max(out->open_until_day.value_or(day), day + *level->open_days - 1);
          return level;
        }
        return nullptr;
      }
      return level;
    }
    return nullptr;
  }

  const Level* more_urgent(const Level* a, const Level* b) const {
    if (a == nullptr) return b;
    if (b == nullptr) return a;
    return a->rank >= b->rank ? a : b;
  }

  // Evidence from entries: those later than `visit` (all with none).
  struct EntryEvidence {
    Evidence twitch, triage;
    const Level* level = nullptr;
    bool sudden = false;
    std::optional<Timestamp> latest;  // the latest open record (for combinations)
    std::optional<Timestamp> since;
  };

  EntryEvidence entries(std::size_t i, const std::optional<Timestamp>& visit, FiredFlag* out) const {
    const RedFlag& flag = rules_.red_flags[i];
    const Level* own = &rules_.levels[static_cast<std::size_t>(flag.level_rank)];
    const Level* onset = &rules_.levels[static_cast<std::size_t>(rules_.triage.onset_rank)];
    const FlagEntries& fe = f_.flags[i];
    EntryEvidence r;
    r.twitch.kind = EvidenceKind::twitch_flags;
    r.triage.kind = EvidenceKind::triage_answers;
    std::vector<std::uint64_t> twitch_lines, triage_lines;
    for (const auto& rec : fe.records) {
      if (visit && later(*visit, rec.counts_from)) continue;  // a visit later than the evidence closes it
      const Level* level = level_at(own, rec.counts_from, rec.day, out);
      if (rec.sudden && flag.onset) level = more_urgent(level, level_at(onset, rec.counts_from, rec.day, out));
      if (level == nullptr) continue;  // past open_days
      r.level = more_urgent(r.level, level);
      if (!r.latest || later(rec.counts_from, *r.latest)) r.latest = rec.counts_from;
      if (!r.since || later(*r.since, rec.counts_from)) r.since = rec.counts_from;
      Evidence& e = rec.entry.kind == Kind::twitch ? r.twitch : r.triage;
      auto& lines = rec.entry.kind == Kind::twitch ? twitch_lines : triage_lines;
      if (e.count == 0 || later(e.first, rec.counts_from)) e.first = rec.counts_from;
      if (e.count == 0 || !later(e.latest, rec.counts_from)) {
        e.latest = rec.counts_from;
        e.latest_entry = rec.entry;
        e.answer = rec.unsure ? Answer::unsure : Answer::yes;
      }
      if (rec.sudden) {
        e.sudden = true;
      }
      ++e.count;
      lines.push_back(rec.entry.line);
    }
    // Entries thinned away: all earlier than the kept ones.
    if (fe.dropped > 0 && r.level != nullptr) {
      Evidence& e = r.twitch.count > 0 ? r.twitch : r.triage;
      if (!visit || !later(*visit, fe.dropped_min)) {
        e.count += fe.dropped;
        if (later(e.first, fe.dropped_min)) e.first = fe.dropped_min;
      } else if (!later(*visit, fe.dropped_max)) {
        e.count_at_least = true;
      }
    }
    set_lines(r.twitch, twitch_lines, r.twitch.count);
    set_lines(r.triage, triage_lines, r.triage.count);
    // Make `sudden` mean: the onset level is what this flag is at.
    r.sudden = r.level != nullptr && flag.onset && r.level->rank == onset->rank && onset->rank > own->rank;
    return r;
  }

  // A journal pattern of flag i from the twitches later than `visit`.
  std::optional<Evidence> pattern(const RedFlag& flag, const std::optional<Timestamp>& visit) const {
    const JournalRule& rule = flag.journal;
    const auto counts = [&](const Timestamp& t) { return !visit || later(t, *visit); };
    switch (rule.kind) {
      case JournalRuleKind::none: return std::nullopt;
      case JournalRuleKind::areas: {
        Evidence e;
        e.kind = EvidenceKind::areas;
        e.window_days = rule.window_days;
        e.min_count = rule.min_areas;
        std::vector<std::uint64_t> lines;
        for (const auto& [place, seen] : f_.places) {
          if (seen.day <= today_ - rule.window_days || !counts(seen.latest)) continue;
          e.areas.push_back(place);
          lines.push_back(seen.line);
          if (e.count == 0 || later(e.first, seen.latest)) e.first = seen.latest;
          if (e.count == 0 || later(seen.latest, e.latest)) e.latest = seen.latest;
          ++e.count;
        }
        if (static_cast<int>(e.count) < rule.min_areas) return std::nullopt;
        set_lines(e, lines, lines.size());
        return e;
      }
      case JournalRuleKind::streak: {
        const auto runs = twitch_runs(rule.max_gap_days, counts);
        if (runs.empty()) return std::nullopt;
        const Run& last = runs.back();
        if (last.last <= today_ - rule.recent_days) return std::nullopt;
        const std::int64_t span = last.last - last.first + 1;
        if (span < rule.min_span_days) return std::nullopt;
        Evidence e;
        e.kind = EvidenceKind::streak;
        e.count = last.days;
        e.first_day = last.first;
        e.last_day = last.last;
        e.span_days = span;
        e.max_gap_days = rule.max_gap_days;
        e.min_span_days = rule.min_span_days;
        e.first = start_of_local_day(date_from_days(last.first));
        e.latest = last.latest;
        set_lines(e, last.lines, last.days);
        return e;
      }
      case JournalRuleKind::runs: {
        const auto runs = twitch_runs(rule.max_gap_days, counts);
        Evidence e;
        e.kind = EvidenceKind::runs;
        e.window_days = rule.window_days;
        e.min_count = rule.min_runs;
        e.min_apart_days = rule.min_apart_days;
        e.max_gap_days = rule.max_gap_days;
        std::vector<std::uint64_t> lines;
        for (const Run& run : runs) {
          if (run.first <= today_ - rule.window_days) continue;
          if (!e.run_days.empty() && run.first - e.run_days.back() < rule.min_apart_days) continue;
          e.run_days.push_back(run.first);
          lines.push_back(run.lines.front());
          if (e.count == 0) e.first = start_of_local_day(date_from_days(run.first));
          e.latest = run.latest;
          ++e.count;
        }
        if (static_cast<int>(e.count) < rule.min_runs) return std::nullopt;
        set_lines(e, lines, lines.size());
        return e;
      }
    }
    return std::nullopt;
  }

  struct Run {
    std::int64_t first = 0, last = 0;
    std::uint64_t days = 0;
    Timestamp latest;
    std::vector<std::uint64_t> lines;  // the first line of each day (the first kMaxEvidenceLines)
  };

  // The twitch days that count, joined into runs where consecutive days
  // differ by max_gap days or less; oldest first.
  template <typename Counts>
  std::vector<Run> twitch_runs(int max_gap, const Counts& counts) const {
    std::vector<Run> runs;
    for (const auto& [day, d] : f_.twitch_days) {
      if (day > today_ || !counts(d.latest)) continue;
      if (runs.empty() || day - runs.back().last > max_gap) runs.push_back(Run{day, day, 0, d.latest, {}});
      Run& run = runs.back();
      run.last = day;
      ++run.days;
      if (later(d.latest, run.latest)) run.latest = d.latest;
      if (run.lines.size() < kMaxEvidenceLines) run.lines.push_back(d.first_line);
    }
    return runs;
  }

  void flag(Assessment& a, std::size_t i) {
    const RedFlag& flag = rules_.red_flags[i];
    const Level* own = &rules_.levels[static_cast<std::size_t>(flag.level_rank)];
    FiredFlag fired;
    fired.flag = &flag;
    const Level* level = nullptr;
    std::optional<Timestamp> since;
    // This run's answer.
    if (const auto answer = a.answers.answers.find(flag.id);
        answer != a.answers.answers.end() && answer->second != Answer::no) {
      Evidence e;
      e.kind = EvidenceKind::answer;
      e.answer = answer->second;
      e.sudden = flag.onset && a.answers.sudden.count(flag.id) > 0;
      e.first = e.latest = now_;
      a.counted_unsure = a.counted_unsure || answer->second == Answer::unsure;
      level = level_at(own, now_, today_, &fired);
      if (e.sudden) {
        const Level* onset = &rules_.levels[static_cast<std::size_t>(rules_.triage.onset_rank)];
        const Level* o = level_at(onset, now_, today_, &fired);
        if (o != nullptr && (level == nullptr || o->rank > level->rank)) {
          level = o;
          fired.sudden = true;
        }
      }
      fired.from_answer = true;
      fired.evidence.push_back(std::move(e));
      since = now_;
      latest_[i] = now_;
    }
    // The entries after the last visit.
    EntryEvidence ev = entries(i, f_.last_visit, &fired);
    if (ev.level != nullptr) {
      if (ev.sudden && (level == nullptr || ev.level->rank >= level->rank)) fired.sudden = true;
      level = more_urgent(level, ev.level);
      fired.from_journal = true;
      for (Evidence* e : {&ev.twitch, &ev.triage}) {
        if (e->count > 0) fired.evidence.push_back(std::move(*e));
      }
      if (!since || later(*since, *ev.since)) since = ev.since;
      if (!latest_[i] || later(*ev.latest, *latest_[i])) latest_[i] = ev.latest;
      for (const auto& e : fired.evidence) {
        if (e.kind == EvidenceKind::triage_answers && e.answer == Answer::unsure) a.counted_unsure = true;
      }
    }
    // The journal pattern, from the twitches after the last visit.
    if (auto p = pattern(flag, f_.last_visit)) {
      level = more_urgent(level, own);
      fired.from_journal = true;
      if (!since || later(*since, p->first)) since = p->first;
      fired.evidence.push_back(std::move(*p));
    }
    if (level != nullptr) {
      fired.level = level;
      fired.since = *since;
      if (fired.sudden) fired.open_until_day.reset();
      a.fired.push_back(std::move(fired));
      return;
    }
    // Closed by the last visit: it would be open without it.
    if (f_.last_visit) {
      const bool by_entries = entries(i, std::nullopt, nullptr).level != nullptr;
      if (by_entries || pattern(flag, std::nullopt)) a.closed.push_back(ClosedFlag{&flag, *f_.last_visit});
    }
  }

  void combinations(Assessment& a) const {
    for (const auto& c : rules_.combinations) {
      const Level* level = &rules_.levels[static_cast<std::size_t>(c.level_rank)];
      const auto newest = [&](const std::vector<std::string>& ids) {
        std::pair<const RedFlag*, std::optional<Timestamp>> best{nullptr, std::nullopt};
        for (const auto& id : ids) {
          const RedFlag* flag = rules_.find_red_flag(id);
          const auto& t = latest_[static_cast<std::size_t>(flag - rules_.red_flags.data())];
          if (t && (!best.second || later(*t, *best.second))) best = {flag, t};
        }
        return best;
      };
      const auto [first, t1] = newest(c.any_of);
      const auto [second, t2] = newest(c.with);
      if (first == nullptr || second == nullptr) continue;
      const Timestamp older = later(*t1, *t2) ? *t2 : *t1;
      const std::int64_t until = older.unix_seconds + std::int64_t{level->open_hours.value_or(0)} * 3600;
      if (now_.unix_seconds >= until) continue;
      a.combinations.push_back(FiredCombination{&c, level, first, second, local_timestamp(until)});
    }
  }

  void questions(Assessment& a) const {
    const int most_urgent = static_cast<int>(rules_.levels.size()) - 1;
    for (const auto& flag : rules_.red_flags) {
      if (a.answers.answers.count(flag.id) > 0) continue;
      // An open flag is not asked again, but an emergency question is while the flag is open at a lower
      // level only: new signs after an earlier episode are the most urgent of all.
      if (const FiredFlag* open = a.find(flag.id);
          open != nullptr && !(flag.level_rank == most_urgent && open->level->rank < most_urgent))
        continue;
      const Level& own = rules_.levels[static_cast<std::size_t>(flag.level_rank)];
      const auto& no = f_.no_day[static_cast<std::size_t>(&flag - rules_.red_flags.data())];
      if (no && own.spare_days && *no > today_ - *own.spare_days) {
        a.spared.push_back(SparedQuestion{&flag, *no});
        continue;
      }
      a.unanswered.push_back(&flag);
    }
    std::stable_sort(a.unanswered.begin(), a.unanswered.end(),
                     [](const RedFlag* x, const RedFlag* y) { return x->level_rank > y->level_rank; });
  }

  const RuleSet& rules_;
  const JournalFindings& f_;
  Timestamp now_;
  std::int64_t today_;
  // Per flag: the latest open evidence from an answer or an entry (for combinations).
  std::vector<std::optional<Timestamp>> latest_ = std::vector<std::optional<Timestamp>>(rules_.red_flags.size());
};

}  // namespace

const FiredFlag* Assessment::find(std::string_view id) const {
  for (const auto& f : fired) {
    if (f.flag->id == id) return &f;
  }
  return nullptr;
}

Assessment assess(const RuleSet& rules, const JournalFindings& findings, const RunAnswers& answers) {
  return Assessor(rules, findings).run(answers);
}

std::vector<const RedFlag*> open_questions(const RuleSet& rules, const Assessment& a) {
  const int most_urgent = static_cast<int>(rules.levels.size()) - 1;
  if (a.level->rank == most_urgent) return {};
  return a.unanswered;
}

std::string triage_entry(const Assessment& a, const Timestamp& now) {
  std::vector<FieldValue> fields{{"level", a.level->id}};
  for (const Answer answer : {Answer::yes, Answer::no, Answer::unsure}) {
    std::vector<std::string> ids;
    for (const auto& [id, given] : a.answers.answers) {
      if (given == answer) ids.push_back(id);
    }
    if (!ids.empty()) fields.emplace_back(std::string(answer_name(answer)), join(ids, ","));
  }
  if (!a.answers.sudden.empty()) {
    fields.emplace_back("sudden",
                        join(std::vector<std::string>(a.answers.sudden.begin(), a.answers.sudden.end()), ","));
  }
  return format_entry(now, Kind::triage, fields);
}

int exit_status_for(const Level& level) { return level.rank == 0 ? 0 : 9 + level.rank; }

}  // namespace twitchlog
