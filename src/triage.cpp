#include "twitchlog/triage.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "twitchlog/stats.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// Line numbers of one kind of evidence: the first kMaxEvidenceLines, and the count.
struct LineList {
  std::vector<std::uint64_t> lines;
  std::uint64_t count = 0;

  void add(std::uint64_t line) {
    ++count;
    if (lines.size() < kMaxEvidenceLines) lines.push_back(line);
  }
  /// Evidence of `kind` resting on these lines, `count` set to how many.
  Evidence evidence(EvidenceKind kind) {
    std::sort(lines.begin(), lines.end());  // entries may come in any order
    Evidence e;
    e.kind = kind;
    e.count = count;
    e.lines = lines;
    e.line_count = count;
    return e;
  }
};

// What one red flag gathers during the pass.
struct FlagState {
  const RedFlag* flag = nullptr;
  LineList rule_lines;                  // outside-local-areas and tag rules
  std::set<std::string> areas;          // outside-local-areas: where it twitched
  std::map<int, std::uint64_t> months;  // months rule: month key -> first line
  LineList twitch_flags;                // twitch entries naming the flag
  LineList triage_flags;                // triage entries naming the flag
};

}  // namespace

namespace detail {

class TriageScanner : public EntrySink {
 public:
  TriageScanner(const RuleSet& rules, const Timestamp& now) : rules_(rules), now_(now), today_(today_of(now)) {
    restart();
    for (const auto& flag : rules.red_flags) widest_window_ = std::max(widest_window_, flag.journal.window_days);
    widest_window_ = std::max(widest_window_, rules.triage.flag_window_days);
  }

  void restart() override {
    states_.clear();
    for (const auto& flag : rules_.red_flags) states_.push_back(FlagState{&flag, {}, {}, {}, {}, {}});
    twitch_days_.clear();
    twitch_days_cursor_.reset();
  }

  void on_entry(const TypedEntry& entry) override {
    // A report looks from the end of its range, which may be before the reading's "now".
    if (entry.time.unix_seconds > now_.unix_seconds) return;
    const std::int64_t day = std::min(entry.day, today_);
    if (entry.kind == Kind::twitch) {
      twitch(entry, day);
    } else if (entry.kind == Kind::triage) {
      // Answered yes (or `flags`, or `sudden`) or unsure: unsure counts as yes.
      named_flags(entry.yes, entry.line, day, &FlagState::triage_flags);
      named_flags(entry.unsure, entry.line, day, &FlagState::triage_flags);
    }
  }

  JournalFindings finish(const JournalRead& read) {
    JournalFindings findings;
    findings.read = read;
    for (auto& state : states_) {
      std::vector<Evidence> evidence;
      journal_rule(state, evidence);
      const auto window = rules_.triage.flag_window_days;
      if (state.twitch_flags.count > 0) {
        evidence.push_back(state.twitch_flags.evidence(EvidenceKind::twitch_flags));
        evidence.back().window_days = window;
      }
      if (state.triage_flags.count > 0) {
        evidence.push_back(state.triage_flags.evidence(EvidenceKind::triage_flags));
        evidence.back().window_days = window;
      }
      if (!evidence.empty()) findings.by_flag.emplace(state.flag->id, std::move(evidence));
    }
    return findings;
  }

 private:
  // The last `days` calendar days, today included.
  bool within(std::int64_t day, int days) const { return day > today_ - days && day <= today_; }

  void twitch(const TypedEntry& entry, std::int64_t day) {
    std::uint64_t& first_line = twitch_days_cursor_[day];  // 0 for a new day: lines count from 1
    if (first_line == 0 || entry.line < first_line) first_line = entry.line;
    if (!within(day, widest_window_)) return;  // older than every window: only the streak rule looks further

    // An unknown area counts as outside: never miss a flag.
    const bool local = entry.area_rule != nullptr && entry.area_rule->local;

    for (auto& state : states_) {
      const JournalRule& rule = state.flag->journal;
      switch (rule.kind) {
        case JournalRuleKind::outside_local_areas:
          if (within(day, rule.window_days) && !local) {
            state.rule_lines.add(entry.line);
            state.areas.emplace(entry.area);
          }
          break;
        case JournalRuleKind::months:
          if (within(day, rule.window_days)) {
            const Date date = date_from_days(day);
            const int key = date.year * 12 + date.month - 1;
            const auto [m, fresh] = state.months.emplace(key, entry.line);
            if (!fresh && entry.line < m->second) m->second = entry.line;
          }
          break;
        case JournalRuleKind::tag:
          if (within(day, rule.window_days)) {
            for (const auto tag : entry.tags) {
              if (std::find(rule.tags.begin(), rule.tags.end(), tag) != rule.tags.end()) {
                state.rule_lines.add(entry.line);
                break;
              }
            }
          }
          break;
        case JournalRuleKind::streak:  // from the twitch days, at the end
        case JournalRuleKind::none: break;
      }
    }
    named_flags(entry.flags, entry.line, day, &FlagState::twitch_flags);
  }

  // The flags named by a twitch entry, or answered yes in a triage entry.
  void named_flags(const std::vector<const RedFlag*>& flags, std::uint64_t line, std::int64_t day,
                   LineList FlagState::*list) {
    if (flags.empty() || !within(day, rules_.triage.flag_window_days)) return;
    for (const RedFlag* flag : flags)
      (states_[static_cast<std::size_t>(flag - rules_.red_flags.data())].*list).add(line);
  }

  void journal_rule(FlagState& state, std::vector<Evidence>& out) const {
    const JournalRule& rule = state.flag->journal;
    switch (rule.kind) {
      case JournalRuleKind::outside_local_areas:
        if (state.rule_lines.count > 0) {
          Evidence e = state.rule_lines.evidence(EvidenceKind::outside_local_areas);
          e.window_days = rule.window_days;
          e.areas.assign(state.areas.begin(), state.areas.end());
          out.push_back(std::move(e));
        }
        break;
      case JournalRuleKind::tag:
        if (state.rule_lines.count > 0) {
          Evidence e = state.rule_lines.evidence(EvidenceKind::tag);
          e.window_days = rule.window_days;
          e.tags = rule.tags;
          out.push_back(std::move(e));
        }
        break;
      case JournalRuleKind::months:
        if (static_cast<int>(state.months.size()) >= rule.min_months) {
          LineList lines;
          for (const auto& [key, line] : state.months) lines.add(line);
          Evidence e = lines.evidence(EvidenceKind::months);
          e.window_days = rule.window_days;
          e.min_months = rule.min_months;
          for (const auto& [key, line] : state.months) e.months.push_back(YearMonth{key / 12, key % 12 + 1});
          out.push_back(std::move(e));
        }
        break;
      case JournalRuleKind::streak: streak(rule, out); break;
      case JournalRuleKind::none: break;
    }
  }

  // The run of twitch days, joined across gaps of at most max_gap_days, that
  // holds the latest twitch day.
  void streak(const JournalRule& rule, std::vector<Evidence>& out) const {
    if (twitch_days_.empty()) return;
    auto it = std::prev(twitch_days_.end());
    const std::int64_t latest = it->first;
    if (!within(latest, rule.recent_days)) return;
    std::int64_t first = latest;
    LineList lines;
    lines.add(it->second);
    std::uint64_t days = 1;
    while (it != twitch_days_.begin()) {
      const auto previous = std::prev(it);
      if (it->first - previous->first > rule.max_gap_days) break;
      it = previous;
      first = it->first;
      lines.add(it->second);
      ++days;
    }
    const std::int64_t span = latest - first + 1;
    if (span < rule.min_span_days) return;
    Evidence e = lines.evidence(EvidenceKind::streak);
    e.count = days;
    e.first_day = first;
    e.last_day = latest;
    e.span_days = span;
    e.max_gap_days = rule.max_gap_days;
    e.min_span_days = rule.min_span_days;
    out.push_back(std::move(e));
  }

  const RuleSet& rules_;
  Timestamp now_;
  std::int64_t today_;
  std::vector<FlagState> states_;
  int widest_window_ = 0;                              // days: the widest window of a rule or of `flags`
  std::map<std::int64_t, std::uint64_t> twitch_days_;  // day -> first twitch line that day
  DayCursor<std::map<std::int64_t, std::uint64_t>> twitch_days_cursor_{twitch_days_};
};

}  // namespace detail

namespace {

bool more_urgent(const RedFlag* a, const RedFlag* b) { return a->level_rank > b->level_rank; }

}  // namespace

TriageCollector::TriageCollector(const RuleSet& rules, const Timestamp& now)
    : scanner_(std::make_unique<detail::TriageScanner>(rules, now)) {}
TriageCollector::~TriageCollector() = default;
void TriageCollector::on_entry(const TypedEntry& entry) { scanner_->on_entry(entry); }
void TriageCollector::restart() { scanner_->restart(); }
JournalFindings TriageCollector::finish(const JournalRead& read) { return scanner_->finish(read); }

std::string_view answer_name(Answer answer) {
  switch (answer) {
    case Answer::yes: return "yes";
    case Answer::no: return "no";
    case Answer::unsure: return "unsure";
  }
  return "no";
}

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

std::vector<const RedFlag*> open_questions(const RuleSet& rules, const JournalFindings& findings,
                                           const Answers& answers) {
  std::vector<const RedFlag*> out;
  for (const auto& flag : rules.red_flags) {
    if (answers.count(flag.id) == 0 && findings.by_flag.count(flag.id) == 0) out.push_back(&flag);
  }
  std::stable_sort(out.begin(), out.end(), more_urgent);
  return out;
}

Assessment assess(const RuleSet& rules, const JournalFindings& findings, const Answers& answers, const Timestamp& now) {
  Assessment a;
  a.as_of = now;
  a.answers = answers;
  for (const auto& flag : rules.red_flags) {
    FiredFlag fired;
    fired.flag = &flag;
    const auto answer = answers.find(flag.id);
    if (answer != answers.end() && answer->second != Answer::no) {
      fired.from_answer = true;
      const bool unsure = answer->second == Answer::unsure;
      a.counted_unsure = a.counted_unsure || unsure;
      Evidence e;
      e.kind = EvidenceKind::answer;
      e.answer = answer->second;
      fired.evidence.push_back(std::move(e));
    }
    if (const auto journal = findings.by_flag.find(flag.id); journal != findings.by_flag.end()) {
      fired.from_journal = true;
      fired.evidence.insert(fired.evidence.end(), journal->second.begin(), journal->second.end());
    }
    if (fired.from_answer || fired.from_journal) a.fired.push_back(std::move(fired));
  }
  std::stable_sort(a.fired.begin(), a.fired.end(),
                   [](const FiredFlag& x, const FiredFlag& y) { return more_urgent(x.flag, y.flag); });
  a.level = a.fired.empty() ? &rules.levels.front() : &rules.levels[a.fired.front().flag->level_rank];
  a.unanswered = open_questions(rules, findings, answers);
  return a;
}

std::string triage_entry(const Assessment& assessment, const Timestamp& now) {
  std::vector<FieldValue> fields{{"level", assessment.level->id}};
  std::vector<std::string> flags;
  for (const auto& fired : assessment.fired) {
    if (fired.from_answer) flags.push_back(fired.flag->id);
  }
  if (!flags.empty()) fields.emplace_back("flags", join(flags, ","));
  return format_entry(now, Kind::triage, fields);
}

int exit_status_for(const Assessment& assessment) {
  return assessment.level->rank == 0 ? 0 : 9 + assessment.level->rank;
}

}  // namespace twitchlog
