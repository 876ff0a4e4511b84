#include "twitchlog/check.hpp"

#include <fmt/format.h>

#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// Adds diagnostics about one entry, pointing at its fields.
class EntryChecker {
 public:
  EntryChecker(const Entry& entry, std::string_view raw, const std::string& file, std::vector<Diagnostic>& out)
      : entry_(entry), raw_(raw), file_(file), out_(out) {}

  void error(std::size_t column, std::string message) { add(Diagnostic::Severity::error, column, std::move(message)); }
  void warning(std::size_t column, std::string message) {
    add(Diagnostic::Severity::warning, column, std::move(message));
  }

  /// Column of a field's value.
  static std::size_t value_column(const Field& field) { return field.column + field.key.size() + 1; }

  /// Checks a comma-separated list of ids; returns them when all are valid.
  std::vector<std::string_view> id_list(const Field& field) {
    auto ids = split_commas(field.value);
    for (const auto item : ids) {
      if (!is_id(item)) {
        error(value_column(field),
              fmt::format("{} holds {}, which is not an id; ids are lowercase letters, digits, '-' and '_', "
                          "separated by commas",
                          field.key, quoted(item)));
        return {};
      }
    }
    return ids;
  }

  void require(std::string_view key, std::string_view what) {
    if (entry_.find(key) == nullptr) {
      error(entry_.kind_column, fmt::format("{} entry without {}= ({})", entry_.kind_text, key, what));
    }
  }

  void unknown_key(const Field& field, std::string_view known) {
    warning(field.column, fmt::format("unknown key {} for a {} entry; computations ignore it (known: {})",
                                      quoted(field.key), entry_.kind_text, known));
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
  const std::string& file_;
  std::vector<Diagnostic>& out_;
};

void check_red_flags(EntryChecker& c, const Field& field, const RuleSet& rules) {
  for (const auto id : c.id_list(field)) {
    if (rules.find_red_flag(id) == nullptr) {
      c.warning(EntryChecker::value_column(field),
                fmt::format("unknown red flag {}; valid: {}", quoted(id), join(rules.red_flag_ids())));
    }
  }
}

void check_twitch(EntryChecker& c, const Entry& entry, const RuleSet& rules) {
  for (const auto& f : entry.fields) {
    const auto col = EntryChecker::value_column(f);
    if (f.key == "severity") {
      const auto n = parse_small_int(f.value);
      if (!n || *n < 1 || *n > 5)
        c.error(col, fmt::format("severity must be a whole number from 1 to 5, not {}", quoted(f.value)));
    } else if (f.key == "duration") {
      std::int64_t seconds;
      ParseFailure failure;
      if (!parse_duration(f.value, seconds, failure)) {
        c.error(col + failure.offset, fmt::format("bad duration {}: {}", quoted(f.value), failure.message));
      }
    } else if (f.key == "where") {
      if (rules.find_area(f.value) == nullptr) {
        c.warning(col, fmt::format("unknown area {}; valid: {}", quoted(f.value), join(rules.area_ids())));
      }
    } else if (f.key == "side") {
      if (!is_side(f.value)) {
        c.error(col, fmt::format("side must be left, right or both, not {}", quoted(f.value)));
      }
    } else if (f.key == "tags") {
      c.id_list(f);
    } else if (f.key == "flags") {
      check_red_flags(c, f, rules);
    } else if (f.key != "note") {
      c.unknown_key(f, "severity, duration, where, side, tags, flags, note");
    }
  }
}

void check_checkin(EntryChecker& c, const Entry& entry, const RuleSet& rules) {
  bool any_value = false;
  for (const auto& f : entry.fields) {
    if (f.key == "note") continue;
    any_value = true;  // an unknown factor gets its own warning below
    const auto* factor = rules.find_factor(f.key);
    if (factor == nullptr) {
      c.warning(f.column, fmt::format("unknown factor {}; computations ignore it (valid: {})", quoted(f.key),
                                      join(rules.factor_ids())));
      continue;
    }
    const auto col = EntryChecker::value_column(f);
    const auto value = parse_number(f.value);
    if (!value) {
      c.error(col, fmt::format("{} must be a number such as 3 or 6.5, not {}", f.key, quoted(f.value)));
    } else if (*value < factor->min || *value > factor->max) {
      c.error(col, fmt::format("{} {} is outside its range {} to {} ({})", f.key, f.value, format_number(factor->min),
                               format_number(factor->max), factor->unit));
    } else if (factor->integer && *value != static_cast<double>(static_cast<long long>(*value))) {
      c.error(col, fmt::format("{} must be a whole number, not {}", f.key, f.value));
    }
  }
  if (!any_value) c.warning(entry.kind_column, "check-in without any factor value");
}

void check_remedy(EntryChecker& c, const Entry& entry, const RuleSet& rules) {
  c.require("id", "the remedy taken");
  for (const auto& f : entry.fields) {
    if (f.key == "id") {
      if (rules.find_remedy(f.value) == nullptr) {
        c.warning(EntryChecker::value_column(f),
                  fmt::format("unknown remedy {}; valid: {}", quoted(f.value), join(rules.remedy_ids())));
      }
    } else if (f.key != "dose" && f.key != "note") {
      c.unknown_key(f, "id, dose, note");
    }
  }
}

void check_triage(EntryChecker& c, const Entry& entry, const RuleSet& rules) {
  c.require("level", "the care level");
  for (const auto& f : entry.fields) {
    if (f.key == "level") {
      if (rules.find_level(f.value) == nullptr) {
        c.warning(EntryChecker::value_column(f),
                  fmt::format("unknown level {}; valid: {}", quoted(f.value), join(rules.level_ids())));
      }
    } else if (f.key == "flags") {
      check_red_flags(c, f, rules);
    } else {
      c.unknown_key(f, "level, flags");
    }
  }
}

void check_note(EntryChecker& c, const Entry& entry) {
  c.require("text", "the note's text");
  for (const auto& f : entry.fields) {
    if (f.key != "text") c.unknown_key(f, "text");
  }
}

class CheckSink : public JournalSink {
 public:
  CheckSink(const std::string& file, const RuleSet& rules, const Timestamp& now, CheckReport& report)
      : file_(file), rules_(rules), now_(now), report_(report) {}

  void on_entry(const Entry& entry, std::string_view raw) override {
    check_entry(entry, raw, rules_, now_, file_, report_.diagnostics);
  }

  void on_problem(std::uint64_t line, std::string_view raw, const LineProblem& problem, bool) override {
    Diagnostic d;
    d.file = file_;
    d.line = line;
    d.column = problem.column;
    d.message = problem.message;
    d.excerpt = std::string(raw);
    report_.diagnostics.push_back(std::move(d));
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
      report_.diagnostics.push_back(std::move(d));
    }
  }

 private:
  const std::string& file_;
  const RuleSet& rules_;
  const Timestamp& now_;
  CheckReport& report_;
};

void count(CheckReport& report) {
  for (const auto& d : report.diagnostics) {
    (d.severity == Diagnostic::Severity::error ? report.errors : report.warnings) += 1;
  }
}

}  // namespace

void check_entry(const Entry& entry, std::string_view raw, const RuleSet& rules, const Timestamp& now,
                 const std::string& file, std::vector<Diagnostic>& out) {
  EntryChecker c(entry, raw, file, out);
  if (entry.loose_spacing) {
    c.warning(1, "extra spaces or tabs: the format separates the timestamp, kind and fields with one space");
  }
  if (entry.time.unix_seconds > now.unix_seconds) {
    c.warning(1, "entry is in the future; computations ignore it until then");
  }
  switch (entry.kind) {
    case Kind::twitch: check_twitch(c, entry, rules); break;
    case Kind::checkin: check_checkin(c, entry, rules); break;
    case Kind::remedy: check_remedy(c, entry, rules); break;
    case Kind::triage: check_triage(c, entry, rules); break;
    case Kind::note: check_note(c, entry); break;
    case Kind::unknown:
      c.warning(entry.kind_column, fmt::format("unknown kind {}; computations skip it (known: twitch, checkin, remedy, "
                                               "triage, note)",
                                               quoted(entry.kind_text)));
      break;
  }
}

CheckReport check_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                               const Timestamp& now) {
  CheckReport report;
  CheckSink sink(file, rules, now, report);
  report.summary = scan_journal_text(text, sink);
  count(report);
  return report;
}

CheckReport check_journal_file(const std::string& path, const RuleSet& rules, const Timestamp& now) {
  CheckReport report;
  CheckSink sink(path, rules, now, report);
  report.summary = scan_journal_file(path, sink);
  count(report);
  return report;
}

}  // namespace twitchlog
