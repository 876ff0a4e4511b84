#include "twitchlog/model.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <set>

#include <fmt/format.h>

#include "twitchlog/text.hpp"

namespace twitchlog {

void TypedEntry::clear() {
  line = 0;
  raw = {};
  time = {};
  day = 0;
  kind = Kind::unknown;
  approx = Approx::exact;
  note = {};
  severity.reset();
  duration_s.reset();
  area = {};
  area_rule = nullptr;
  side.reset();
  tags.clear();
  flags.clear();
  values.clear();
  remedy_id = {};
  remedy = nullptr;
  dose = {};
  level = {};
  yes.clear();
  no.clear();
  unsure.clear();
  sudden.clear();
  of = {};
  of_kind = Kind::unknown;
}

std::int64_t today_of(const Timestamp& now) { return local_timestamp(now.unix_seconds).day(); }

namespace {

// The keys each kind knows besides `approx`, as check lists them.
std::string_view known_keys(Kind kind) {
  switch (kind) {
    case Kind::twitch: return "severity, duration, where, side, tags, flags, note, approx";
    case Kind::checkin: return "the factors of the rules, note, approx";
    case Kind::remedy: return "id, dose, note, approx";
    case Kind::triage: return "level, yes, no, unsure, sudden, flags, approx";
    case Kind::note: return "text, approx";
    case Kind::visit: return "note, approx";
    case Kind::retract: return "of, kind, note, approx";
    case Kind::unknown: break;
  }
  return "";
}

// Interprets one entry, adding diagnostics that point at its fields.
class Interpreter {
 public:
  Interpreter(const Entry& entry, std::string_view raw, const RuleSet& rules, const std::string& file,
              TypedEntry& typed, std::vector<Diagnostic>& out)
      : entry_(entry), raw_(raw), rules_(rules), file_(file), typed_(typed), out_(out) {}

  bool valid() const { return !failed_; }

  void error(std::size_t column, std::string message) {
    failed_ = true;
    add(Diagnostic::Severity::error, column, std::move(message));
  }
  void warning(std::size_t column, std::string message) {
    add(Diagnostic::Severity::warning, column, std::move(message));
  }

  /// Column of a field's value.
  static std::size_t value_column(const Field& field) { return field.column + field.key.size() + 1; }

  /// A comma-separated list of ids; false (with an error) when one is not an id.
  template <typename F>
  bool id_list(const Field& field, F&& each) {
    bool ok = true;
    for_each_comma_item(field.value, [&](std::string_view item) {
      if (!ok) return;
      if (!is_id(item)) {
        error(value_column(field),
              fmt::format("{} holds {}, which is not an id; ids are lowercase letters, digits, '-' and '_', "
                          "separated by commas",
                          field.key, quoted(item)));
        ok = false;
        return;
      }
      each(item);
    });
    return ok;
  }

  /// A list of red-flag ids: the known ones into `into`, a warning for the others.
  void red_flags(const Field& field, std::vector<const RedFlag*>& into) {
    id_list(field, [&](std::string_view id) {
      if (const RedFlag* flag = rules_.find_red_flag(id)) {
        if (std::find(into.begin(), into.end(), flag) == into.end()) into.push_back(flag);
      } else {
        warning(value_column(field), fmt::format("unknown red flag {}: {}; valid: {}", quoted(id),
                                                 rules_.missing_id_hint("red_flag", id), join(rules_.red_flag_ids())));
      }
    });
  }

  void require(bool present, std::string_view key, std::string_view what) {
    if (!present) error(entry_.kind_column, fmt::format("{} entry without {}= ({})", entry_.kind_text, key, what));
  }

  void unknown_key(const Field& field) {
    warning(field.column, fmt::format("unknown key {} for a {} entry; computations ignore it (known: {})",
                                      quoted(field.key), entry_.kind_text, known_keys(entry_.kind)));
  }

  // `approx`, which every kind may have. True when the field was it.
  bool approx(const Field& f) {
    if (!key_is(f.key, "approx")) return false;
    if (const auto a = kApproxNames.parse(f.value)) {
      typed_.approx = *a;
    } else {
      error(value_column(f), fmt::format("approx must be {}, not {}", join_or(kApproxNames.names()), quoted(f.value)));
    }
    return true;
  }

  void twitch() {
    for (const auto& f : entry_.fields) {
      const auto col = value_column(f);
      if (key_is(f.key, "severity")) {
        const auto n = parse_small_int(f.value);
        if (!n || *n < kMinSeverity || *n > kMaxSeverity) {
          error(col, fmt::format("severity must be a whole number from {} to {}, not {}", kMinSeverity, kMaxSeverity,
                                 quoted(f.value)));
        } else {
          typed_.severity = *n;
        }
      } else if (key_is(f.key, "duration")) {
        std::int64_t seconds = 0;
        ParseFailure failure;
        if (parse_duration(f.value, seconds, failure)) {
          typed_.duration_s = seconds;
        } else {
          error(col + failure.offset, fmt::format("bad duration {}: {}", quoted(f.value), failure.message));
        }
      } else if (key_is(f.key, "where")) {
        typed_.area = f.value;
        typed_.area_rule = rules_.find_area(f.value);
        if (typed_.area_rule == nullptr) {
          if (is_id(f.value)) {
            warning(col,
                    fmt::format("unknown area {}: {}; it counts as an area of its own (valid: {})", quoted(f.value),
                                rules_.missing_id_hint("area", f.value), join(rules_.area_ids())));
          } else {
            error(col, fmt::format("where holds {}, which is not an id (known areas: {})", quoted(f.value),
                                   join(rules_.area_ids())));
          }
        }
      } else if (key_is(f.key, "side")) {
        if (const auto side = kSideNames.parse(f.value)) {
          typed_.side = *side;
        } else {
          error(col, fmt::format("side must be {}, not {}", join_or(kSideNames.names()), quoted(f.value)));
        }
      } else if (key_is(f.key, "tags")) {
        id_list(f, [&](std::string_view tag) {
          if (std::find(typed_.tags.begin(), typed_.tags.end(), tag) == typed_.tags.end()) typed_.tags.push_back(tag);
        });
      } else if (key_is(f.key, "flags")) {
        red_flags(f, typed_.flags);
      } else if (key_is(f.key, "note")) {
        typed_.note = f.value;
      } else if (!approx(f)) {
        unknown_key(f);
      }
    }
    if (typed_.area.empty()) {
      typed_.area_rule = rules_.default_area();
      if (typed_.area_rule != nullptr) typed_.area = typed_.area_rule->id;
    }
    // A tag a red flag names counts as that flag.
    if (!typed_.tags.empty()) {
      for (const std::size_t i : rules_.tagged_flags) {
        const RedFlag& flag = rules_.red_flags[i];
        if (std::find(typed_.flags.begin(), typed_.flags.end(), &flag) != typed_.flags.end()) continue;
        for (const auto tag : typed_.tags) {
          if (std::find(flag.tags.begin(), flag.tags.end(), tag) != flag.tags.end()) {
            typed_.flags.push_back(&flag);
            break;
          }
        }
      }
    }
  }

  void checkin() {
    bool any_value = false;
    for (const auto& f : entry_.fields) {
      if (key_is(f.key, "note")) {
        typed_.note = f.value;
        continue;
      }
      if (approx(f)) continue;
      any_value = true;  // an unknown factor gets its own warning below
      const Factor* factor = rules_.find_factor(f.key);
      if (factor == nullptr) {
        warning(f.column, fmt::format("unknown factor {}: {}; computations ignore it (valid: {})", quoted(f.key),
                                      rules_.missing_id_hint("factor", f.key), join(rules_.factor_ids())));
        continue;
      }
      const auto col = value_column(f);
      const auto value = parse_number(f.value);
      if (!value) {
        error(col, fmt::format("{} must be a number such as 3 or 6.5, not {}", f.key, quoted(f.value)));
      } else if (*value < factor->min || *value > factor->max) {
        error(col, fmt::format("{} {} is outside its range {} to {} ({})", f.key, f.value, format_number(factor->min),
                               format_number(factor->max), factor->unit));
      } else if (factor->integer && *value != static_cast<double>(static_cast<long long>(*value))) {
        error(col, fmt::format("{} must be a whole number, not {}", f.key, f.value));
      } else {
        typed_.values.push_back({static_cast<std::size_t>(factor - rules_.factors.data()), *value});
      }
    }
    if (!any_value) warning(entry_.kind_column, "check-in without any factor value");
  }

  void remedy() {
    bool has_id = false;
    for (const auto& f : entry_.fields) {
      if (key_is(f.key, "id")) {
        has_id = true;
        if (!is_id(f.value)) {
          error(value_column(f),
                fmt::format("remedy id {} is not an id; valid: {}", quoted(f.value), join(rules_.remedy_ids())));
          continue;
        }
        typed_.remedy_id = f.value;
        typed_.remedy = rules_.find_remedy(f.value);
        if (typed_.remedy == nullptr) {
          warning(value_column(f), fmt::format("unknown remedy {}: {}; valid: {}", quoted(f.value),
                                               rules_.missing_id_hint("remedy", f.value), join(rules_.remedy_ids())));
        }
      } else if (key_is(f.key, "dose")) {
        typed_.dose = f.value;
      } else if (key_is(f.key, "note")) {
        typed_.note = f.value;
      } else if (!approx(f)) {
        unknown_key(f);
      }
    }
    require(has_id, "id", "the remedy taken");
  }

  void triage() {
    bool has_level = false;
    for (const auto& f : entry_.fields) {
      if (key_is(f.key, "level")) {
        has_level = true;
        typed_.level = f.value;
        if (rules_.find_level(f.value) == nullptr) {
          warning(value_column(f), fmt::format("unknown level {}: {}; valid: {}", quoted(f.value),
                                               rules_.missing_id_hint("level", f.value), join(rules_.level_ids())));
        }
      } else if (key_is(f.key, "flags") || key_is(f.key, "yes")) {
        red_flags(f, typed_.yes);
      } else if (key_is(f.key, "no")) {
        red_flags(f, typed_.no);
      } else if (key_is(f.key, "unsure")) {
        red_flags(f, typed_.unsure);
      } else if (key_is(f.key, "sudden")) {
        red_flags(f, typed_.sudden);
      } else if (!approx(f)) {
        unknown_key(f);
      }
    }
    require(has_level, "level", "the care level");
    // An id in `sudden` counts as yes unless it is in `unsure` (the contract).
    const auto has = [](const std::vector<const RedFlag*>& list, const RedFlag* flag) {
      return std::find(list.begin(), list.end(), flag) != list.end();
    };
    for (const RedFlag* flag : typed_.sudden) {
      if (!has(typed_.unsure, flag) && !has(typed_.yes, flag)) typed_.yes.push_back(flag);
    }
  }

  void note() {
    bool has_text = false;
    for (const auto& f : entry_.fields) {
      if (key_is(f.key, "text")) {
        has_text = true;
        typed_.note = f.value;
      } else if (!approx(f)) {
        unknown_key(f);
      }
    }
    require(has_text, "text", "the note's text");
  }

  void visit() {
    for (const auto& f : entry_.fields) {
      if (key_is(f.key, "note")) {
        typed_.note = f.value;
      } else if (!approx(f)) {
        unknown_key(f);
      }
    }
  }

  void retract() {
    bool has_of = false, has_kind = false;
    for (const auto& f : entry_.fields) {
      if (key_is(f.key, "of")) {
        has_of = true;
        ParseFailure failure;
        if (!parse_timestamp(f.value, typed_.of, failure)) {
          error(value_column(f) + failure.offset,
                fmt::format("of must be the timestamp of the entry taken back: {}", failure.message));
        }
      } else if (key_is(f.key, "kind")) {
        has_kind = true;
        if (const auto k = kKindNames.parse(f.value)) {
          typed_.of_kind = *k;
        } else {
          error(value_column(f), fmt::format("kind must be the kind of the entry taken back ({}), not {}",
                                             join(kKindNames.names()), quoted(f.value)));
        }
      } else if (key_is(f.key, "note")) {
        typed_.note = f.value;
      } else if (!approx(f)) {
        unknown_key(f);
      }
    }
    require(has_of, "of", "the timestamp of the entry taken back");
    require(has_kind, "kind", "the kind of the entry taken back");
    if (!valid() || !has_of || !has_kind) return;
    // No cycles, no self-retraction: `of` not after the retract, and strictly
    // earlier when it takes back a retract.
    const bool later = typed_.of.unix_seconds > entry_.time.unix_seconds;
    const bool self = typed_.of_kind == Kind::retract && typed_.of.unix_seconds >= entry_.time.unix_seconds;
    if (later || self) {
      warning(1, later ? "retract of a later instant: it takes back nothing (of must not be after the retract)"
                       : "a retract of a retract must be of an earlier instant: it takes back nothing");
      typed_.of_kind = Kind::unknown;  // inert
    }
  }

 private:
  void add(Diagnostic::Severity severity, std::size_t column, std::string message) {
    Diagnostic d;
    d.file = file_;
    d.line = entry_.line;
    d.column = column;
    d.severity = severity;
    d.message = std::move(message);
    d.excerpt = std::string(raw_);
    out_.push_back(std::move(d));
  }

  const Entry& entry_;
  std::string_view raw_;
  const RuleSet& rules_;
  const std::string& file_;
  TypedEntry& typed_;
  std::vector<Diagnostic>& out_;
  bool failed_ = false;
};

// One retract entry, as far as taking back goes.
struct Retract {
  std::int64_t at = 0;  // its own instant
  std::int64_t of = 0;
  Kind kind = Kind::unknown;
  std::uint64_t line = 0;
  std::string excerpt;
};

// The entries taken back: (kind, instant) pairs of the retracts in force.
class Retractions {
 public:
  void add(const TypedEntry& e, std::string_view raw) {
    if (e.of_kind == Kind::unknown) return;  // inert (reported already)
    all_.push_back(Retract{e.time.unix_seconds, e.of.unix_seconds, e.of_kind, e.line, std::string(raw)});
  }

  // Decides which retracts are in force: a retract is taken back only by a
  // later one (of a retract is strictly earlier), so latest first settles it.
  bool resolve() {
    std::sort(all_.begin(), all_.end(), [](const Retract& a, const Retract& b) { return a.at > b.at; });
    std::set<std::int64_t> retracted_retracts;  // instants of retract entries taken back
    for (const auto& r : all_) {
      if (retracted_retracts.count(r.at) != 0) continue;  // taken back itself
      if (r.kind == Kind::retract) retracted_retracts.insert(r.of);
      targets_.emplace(std::make_pair(r.kind, r.of), Target{r.line, r.excerpt, false});
    }
    // A retract entry in force that is taken back... was decided above: the
    // set keeps only targets of retracts in force.
    return !targets_.empty();
  }

  // Whether a typed entry is taken back (and marks the target as matched).
  bool takes_back(const TypedEntry& e) {
    if (targets_.empty()) return false;
    const auto it = targets_.find(std::make_pair(e.kind, e.time.unix_seconds));
    if (it == targets_.end()) return false;
    it->second.matched = true;
    return true;
  }

  // Warnings for retracts in force that matched no entry.
  void unmatched(const std::string& file, std::vector<Diagnostic>& out) const {
    for (const auto& [key, target] : targets_) {
      if (target.matched) continue;
      Diagnostic d;
      d.file = file;
      d.line = target.line;
      d.column = 1;
      d.severity = Diagnostic::Severity::warning;
      d.message =
          fmt::format("retract matches no {} entry at that instant; it takes back nothing", kind_name(key.first));
      d.excerpt = target.excerpt;
      out.push_back(std::move(d));
    }
  }

 private:
  struct Target {
    std::uint64_t line;
    std::string excerpt;
    bool matched;
  };
  std::vector<Retract> all_;
  std::map<std::pair<Kind, std::int64_t>, Target> targets_;
};

// Turns the reader's lines into typed entries for the sink.
class ModelFeeder : public JournalSink {
 public:
  ModelFeeder(const std::string& file, const RuleSet& rules, const Timestamp& now, EntrySink& sink,
              const ReadOptions& options, JournalRead& out)
      : file_(file), rules_(rules), now_(now), today_(today_of(now)), sink_(sink), options_(options), out_(out) {}

  /// Second pass: diagnostics were all reported by the first.
  void second_pass(Retractions* retractions) {
    retractions_ = retractions;
    quiet_ = true;
    out_.in_force = 0;
    out_.retracted = 0;
    out_.first_day.reset();
    out_.last_day.reset();
  }

  void on_entry(const Entry& entry, std::string_view raw) override {
    scratch_.clear();
    typed_.clear();
    const bool valid = interpret_entry(entry, raw, rules_, now_, file_, typed_, scratch_);
    for (auto& d : scratch_) report(std::move(d));
    if (!valid || entry.kind == Kind::unknown) return;
    // An approximate entry (only its day or part of day is known) of today
    // counts from the latest instant of it that is not after now.
    const bool approx_today = typed_.approx != Approx::exact && entry.time.day() <= today_;
    if (entry.time.unix_seconds > now_.unix_seconds && !approx_today) return;  // not happened yet
    typed_.raw = raw;
    typed_.day = std::min(entry.time.day(), today_);
    if (retractions_ != nullptr && retractions_->takes_back(typed_)) {  // by the instant as written
      ++out_.retracted;
      sink_.on_retracted(typed_);
      return;
    }
    if (typed_.time.unix_seconds > now_.unix_seconds) typed_.time = now_;
    if (!quiet_ && typed_.kind == Kind::retract) retract_entries_.add(typed_, raw);
    ++out_.in_force;
    if (!out_.first_day || typed_.day < *out_.first_day) out_.first_day = typed_.day;
    if (!out_.last_day || typed_.day > *out_.last_day) out_.last_day = typed_.day;
    sink_.on_entry(typed_);
  }

  void on_problem(std::uint64_t line, std::string_view raw, const LineProblem& problem, bool /*torn*/) override {
    Diagnostic d;
    d.file = file_;
    d.line = line;
    d.column = problem.column;
    d.message = problem.message;  // a torn line's message says so
    d.excerpt = std::string(raw);
    report(std::move(d));
  }

  void on_comment(std::uint64_t line, std::string_view raw) override {
    // A header of another version means the whole file is in a format this reader does not know.
    if (raw.starts_with("# twitchlog journal v") && raw != kJournalHeader) {
      Diagnostic d;
      d.file = file_;
      d.line = line;
      d.column = 1;
      d.message = fmt::format("this twitchlog reads journal format v1; the header says {}", quoted(raw.substr(2)));
      d.excerpt = std::string(raw);
      report(std::move(d));
    }
  }

  Retractions& retractions() { return retract_entries_; }

  void report(Diagnostic d) {
    if (quiet_) return;
    (d.severity == Diagnostic::Severity::error ? out_.errors : out_.warnings) += 1;
    if (options_.on_diagnostic) options_.on_diagnostic(d);
    if (out_.diagnostics.size() < options_.keep_diagnostics) out_.diagnostics.push_back(std::move(d));
  }

  void unquiet() { quiet_ = false; }

 private:
  const std::string& file_;
  const RuleSet& rules_;
  Timestamp now_;
  std::int64_t today_;
  EntrySink& sink_;
  const ReadOptions& options_;
  JournalRead& out_;
  TypedEntry typed_;
  std::vector<Diagnostic> scratch_;
  Retractions retract_entries_;
  Retractions* retractions_ = nullptr;
  bool quiet_ = false;
};

// One or two passes of `scan` (a function of a JournalSink) through the model.
template <typename Scan>
JournalRead read_with(const std::string& file, const RuleSet& rules, const Timestamp& now, EntrySink& sink,
                      const ReadOptions& options, Scan&& scan) {
  JournalRead out;
  out.file = file;
  ModelFeeder feeder(file, rules, now, sink, options, out);
  out.summary = scan(feeder);
  Retractions& retractions = feeder.retractions();
  if (retractions.resolve()) {
    sink.restart();
    feeder.second_pass(&retractions);
    scan(feeder);
    feeder.unquiet();
    std::vector<Diagnostic> unmatched;
    retractions.unmatched(file, unmatched);
    for (auto& d : unmatched) feeder.report(std::move(d));
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  }
  return out;
}

}  // namespace

bool interpret_entry(const Entry& entry, std::string_view raw, const RuleSet& rules, const Timestamp& now,
                     const std::string& file, TypedEntry& typed, std::vector<Diagnostic>& out) {
  typed.line = entry.line;
  typed.time = entry.time;
  typed.kind = entry.kind;
  Interpreter in(entry, raw, rules, file, typed, out);
  if (entry.loose_spacing) {
    in.warning(1, "extra spaces or tabs: the format separates the timestamp, kind and fields with one space");
  }
  if (entry.time.unix_seconds > now.unix_seconds &&
      !(entry.find("approx") != nullptr && entry.time.day() <= local_timestamp(now.unix_seconds).day())) {
    in.warning(1, "entry is in the future; computations ignore it until then");
  }
  switch (entry.kind) {
    case Kind::twitch: in.twitch(); break;
    case Kind::checkin: in.checkin(); break;
    case Kind::remedy: in.remedy(); break;
    case Kind::triage: in.triage(); break;
    case Kind::note: in.note(); break;
    case Kind::visit: in.visit(); break;
    case Kind::retract: in.retract(); break;
    case Kind::unknown:
      in.warning(entry.kind_column, fmt::format("unknown kind {}; computations skip it (known: {})",
                                                quoted(entry.kind_text), join(kKindNames.names())));
      break;
  }
  return in.valid();
}

JournalRead read_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                              const Timestamp& now, EntrySink& sink, const ReadOptions& options) {
  return read_with(file, rules, now, sink, options,
                   [&](JournalSink& feeder) { return scan_journal_text(text, feeder); });
}

JournalRead read_journal_file(const std::string& path, const RuleSet& rules, const Timestamp& now, EntrySink& sink,
                              const ReadOptions& options) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 && errno == ENOENT) {
    JournalRead out;
    out.file = path;
    out.missing = true;
    return out;
  }
  return read_with(path, rules, now, sink, options,
                   [&](JournalSink& feeder) { return scan_journal_file(path, feeder); });
}

}  // namespace twitchlog
