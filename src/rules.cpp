#include "twitchlog/rules.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "rules_extends.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// A place in the rule file: its line and, when known, its column (toml++ gives both for every node), and
// the file of the node when it is known (with `extends`, a node comes from the user's file or the built-in one).
struct Line {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  const std::string* file = nullptr;
  Line(std::uint32_t l = 0, std::uint32_t c = 0) : line(l), column(c) {}  // NOLINT: a bare line number is a place
  operator std::uint32_t() const { return line; }                         // NOLINT: structs keep the line
};

Line line_of(const toml::node& node) {
  Line place(static_cast<std::uint32_t>(node.source().begin.line),
             static_cast<std::uint32_t>(node.source().begin.column));
  place.file = node.source().path.get();
  return place;
}

// Collects every problem of a rule file, so all are reported at once.
class Problems {
 public:
  explicit Problems(std::string_view file) : file_(file) {}
  void add(Line line, std::string message) {
    Diagnostic d;
    d.file = line.file != nullptr ? *line.file : file_;
    d.line = line.line == 0 ? 1 : line.line;
    d.column = line.column;
    d.message = std::move(message);
    list_.push_back(std::move(d));
  }
  bool empty() const { return list_.empty(); }
  std::vector<Diagnostic> take() { return std::move(list_); }

 private:
  std::string file_;
  std::vector<Diagnostic> list_;
};

// Reads the keys of one table, checking types, and reports the keys it did
// not read as unknown (a typo must not be silently ignored).
class TableReader {
 public:
  TableReader(const toml::table& table, std::string what, Problems& problems)
      : table_(table), what_(std::move(what)), problems_(problems) {}
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  ~TableReader() {
    for (const auto& [key, node] : table_) {
      if (!read_.count(std::string(key.str()))) {
        problems_.add(line_of(node), fmt::format("{}: unknown key {}", what_, quoted(key.str())));
      }
    }
  }

  Line line() const { return line_of(table_); }
  const std::string& what() const { return what_; }
  void rename(std::string what) { what_ = std::move(what); }
  bool has(std::string_view key) const { return table_.contains(key); }

  const toml::node* node(std::string_view key) {
    read_.insert(std::string(key));
    return table_.get(key);
  }

  std::optional<std::string> text(std::string_view key, bool required) {
    const auto* n = node(key);
    if (n == nullptr) {
      if (required) missing(key);
      return std::nullopt;
    }
    const auto* s = n->as_string();
    if (s == nullptr) return wrong(*n, key, "a string");
    const std::string& value = s->get();
    if (required && value.empty()) {
      problems_.add(line_of(*n), fmt::format("{}: {} is empty", what_, key));
      return std::nullopt;
    }
    if (const auto bad = find_control(value)) {
      problems_.add(line_of(*n),
                    fmt::format("{}: {} contains a control character; texts are one line of plain text", what_, key));
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> id_value(std::string_view key, bool required) {
    auto value = text(key, required);
    if (value && !is_id(*value)) {
      problems_.add(
          line_of(*table_.get(key)),
          fmt::format("{}: {} {} is not an id (lowercase letters, digits, '-' and '_')", what_, key, quoted(*value)));
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> number(std::string_view key, bool required) {
    const auto* n = node(key);
    if (n == nullptr) {
      if (required) missing(key);
      return std::nullopt;
    }
    double value;
    if (const auto* i = n->as_integer()) {
      value = static_cast<double>(i->get());
    } else if (const auto* f = n->as_floating_point()) {
      value = f->get();
    } else {
      return wrong(*n, key, "a number");
    }
    if (!std::isfinite(value)) {
      problems_.add(line_of(*n), fmt::format("{}: {} must be a finite number", what_, key));
      return std::nullopt;
    }
    return value == 0 ? 0.0 : value;
  }

  std::optional<int> integer(std::string_view key, bool required, int min, int max) {
    const auto* n = node(key);
    if (n == nullptr) {
      if (required) missing(key);
      return std::nullopt;
    }
    const auto* i = n->as_integer();
    if (i == nullptr) return wrong(*n, key, "an integer");
    if (i->get() < min || i->get() > max) {
      problems_.add(line_of(*n), fmt::format("{}: {} = {} is out of range ({} to {})", what_, key, i->get(), min, max));
      return std::nullopt;
    }
    return static_cast<int>(i->get());
  }

  std::optional<bool> boolean(std::string_view key) {
    const auto* n = node(key);
    if (n == nullptr) return std::nullopt;
    const auto* b = n->as_boolean();
    if (b == nullptr) return wrong(*n, key, "true or false");
    return b->get();
  }

  std::optional<std::vector<std::string>> ids(std::string_view key, bool required) {
    const auto* n = node(key);
    if (n == nullptr) {
      if (required) missing(key);
      return std::nullopt;
    }
    const auto* array = n->as_array();
    if (array == nullptr) return wrong(*n, key, "an array of ids");
    std::vector<std::string> out;
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr || !is_id(s->get())) {
        problems_.add(line_of(item), fmt::format("{}: every item of {} must be an id (lowercase letters, digits, '-' "
                                                 "and '_')",
                                                 what_, key));
        return std::nullopt;
      }
      out.push_back(s->get());
    }
    if (required && out.empty()) {
      problems_.add(line_of(*n), fmt::format("{}: {} is empty", what_, key));
      return std::nullopt;
    }
    return out;
  }

  /// A choice among fixed names.
  template <typename Enum, std::size_t N>
  std::optional<Enum> choice(std::string_view key, bool required, const NameTable<Enum, N>& names) {
    const auto value = text(key, required);
    if (!value) return std::nullopt;
    if (const auto e = names.parse(*value)) return e;
    problems_.add(line_of(*table_.get(key)),
                  fmt::format("{}: unknown {} {}; valid: {}", what_, key, quoted(*value), join(names.names())));
    return std::nullopt;
  }

  void missing(std::string_view key) { problems_.add(line(), fmt::format("{}: missing {}", what_, key)); }

 private:
  template <typename T = std::nullopt_t>
  std::nullopt_t wrong(const toml::node& n, std::string_view key, std::string_view expected) {
    problems_.add(line_of(n), fmt::format("{}: {} must be {}", what_, key, expected));
    return std::nullopt;
  }

  const toml::table& table_;
  std::string what_;
  Problems& problems_;
  std::set<std::string> read_;
};

// Line `number` (from 1) of `text`, without its end; empty past the end.
std::string_view nth_line(std::string_view text, std::size_t number) {
  for (std::size_t i = 1; i < number; ++i) {
    const auto end = text.find('\n');
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end + 1);
  }
  const auto end = text.find_first_of("\r\n");
  return end == std::string_view::npos ? text : text.substr(0, end);
}

// "HH:MM" to minutes since midnight.
std::optional<int> parse_clock_minutes(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = parse_small_int(text.substr(0, 2));
  const auto m = parse_small_int(text.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

// Iterates an array of tables ([[name]]); reports other shapes.
template <typename F>
void each_table(TableReader& top, std::string_view name, Problems& problems, F&& read_one) {
  const auto* n = top.node(name);
  if (n == nullptr) return;
  const auto* array = n->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    problems.add(line_of(*n), fmt::format("{} must be an array of tables: write [[{}]] above each one", name, name));
    return;
  }
  for (const auto& item : *array) read_one(*item.as_table());
}

// Reports the second and later uses of an id in one list.
template <typename T>
void check_unique(const std::vector<T>& items, std::string_view what, Problems& problems) {
  std::map<std::string_view, Line> seen;
  for (const auto& item : items) {
    const auto [it, inserted] = seen.emplace(item.id, item.line);
    if (!inserted) {
      problems.add(item.line, fmt::format("{} {}: duplicate id (first at line {})", what, quoted(item.id), it->second));
    }
  }
}

class Loader {
 public:
  Loader(std::string_view source) : source_(source), problems_(source) {}

  RuleSet load(std::string_view text) {
    toml::table root = parse_rule_text(text, source_);
    // A file that says `extends` is merged onto the built-in rules first (rules_extends.cpp).
    Extension extension;
    extend_rules(root, source_, extension);
    RuleSet rules;
    rules.source = std::string(source_);
    if (root.empty()) {
      problems_.add(1,
                    "empty rule file: it needs schema = 2, a [triage] table and at least one [[level]] "
                    "(start from `twitchlog rules --dump`)");
      throw Error(ErrorKind::data, problems_.take());
    }
    {
      TableReader top(root, "rule file", problems_);
      read_top(top, rules);
    }
    cross_check(rules);
    if (!problems_.empty()) throw Error(ErrorKind::data, attribute_problems(problems_.take(), extension));
    rules.extends = std::move(extension.extends);
    rules.origins = std::move(extension.origins);
    fill_emergency_numbers(rules);
    for (std::size_t i = 0; i < rules.red_flags.size(); ++i) {
      if (!rules.red_flags[i].tags.empty()) rules.tagged_flags.push_back(i);
    }
    return rules;
  }

 private:
  void read_top(TableReader& top, RuleSet& rules) {
    if (const auto schema = top.integer("schema", true, 1, 1000)) {
      if (*schema == 1) {
        problems_.add(line_of(*top.node("schema")),
                      "rule file: schema 1 is the rule format of twitchlog 0.1, whose red flags were unsafe; this "
                      "twitchlog reads schema 2 (twitchlog-rules(5) says what changed): start again from `twitchlog "
                      "rules --dump`, or keep only your changes in a file that starts with extends = \"builtin\"");
        throw Error(ErrorKind::data, problems_.take());
      }
      if (*schema != 2) {
        problems_.add(
            line_of(*top.node("schema")),
            fmt::format("rule file: schema {} is not supported by this twitchlog (it reads schema 2)", *schema));
      }
      rules.schema = *schema;
    }
    const bool builtin = source_ == kBuiltinRulesName;
    if (!builtin) {
      // The texts come from the built-in rules; the levels they name are the file's own (see cross_check).
      const TriageSettings& d = builtin_defaults().triage;
      rules.triage.disclaimer = d.disclaimer;
      rules.triage.emergency_numbers = d.emergency_numbers;
      rules.triage.onset_question = d.onset_question;
    }
    if (const auto* n = top.node("triage")) {
      if (const auto* t = n->as_table()) {
        TableReader r(*t, "[triage]", problems_);
        TriageSettings& s = rules.triage;
        if (auto v = r.text("disclaimer", builtin)) s.disclaimer = *v;
        if (auto v = r.text("emergency_numbers", builtin)) s.emergency_numbers = *v;
        if (auto v = r.text("onset_question", builtin)) s.onset_question = *v;
        if (auto v = r.id_value("onset_level", builtin)) s.onset_level = *v;
        if (auto v = r.id_value("notice_level", builtin)) s.notice_level = *v;
      } else {
        problems_.add(line_of(*n), "triage must be a table: write [triage]");
      }
    } else if (builtin) {
      top.missing("[triage] table");
    }
    read_settings(top, rules);
    each_table(top, "level", problems_, [&](const toml::table& t) { rules.levels.push_back(read_level(t)); });
    if (rules.levels.empty() && !top.has("level")) top.missing("[[level]] tables (at least one care level)");
    for (std::size_t i = 0; i < rules.levels.size(); ++i) rules.levels[i].rank = static_cast<int>(i);
    each_table(top, "factor", problems_, [&](const toml::table& t) { rules.factors.push_back(read_factor(t)); });
    each_table(top, "area", problems_, [&](const toml::table& t) { rules.areas.push_back(read_area(t)); });
    each_table(top, "cause", problems_, [&](const toml::table& t) { rules.causes.push_back(read_cause(t)); });
    each_table(top, "red_flag", problems_, [&](const toml::table& t) { rules.red_flags.push_back(read_red_flag(t)); });
    each_table(top, "combination", problems_,
               [&](const toml::table& t) { rules.combinations.push_back(read_combination(t)); });
    each_table(top, "remedy", problems_, [&](const toml::table& t) { rules.remedies.push_back(read_remedy(t)); });
  }

  // [advise] and [report]. The built-in rules must give every key; another
  // rule file may leave any out, and then has the built-in value, so that
  // each number is written in one place only (data/rules.toml).
  void read_settings(TableReader& top, RuleSet& rules) {
    const bool builtin = source_ == kBuiltinRulesName;
    if (!builtin) {
      const RuleSet& defaults = builtin_defaults();
      rules.advise = defaults.advise;
      rules.report = defaults.report;
      rules.insights = defaults.insights;
    }
    const auto table = [&](std::string_view name, auto&& read) {
      const auto* n = top.node(name);
      if (n == nullptr) {
        if (builtin) top.missing(fmt::format("[{}] table", name));
        return;
      }
      const auto* t = n->as_table();
      if (t == nullptr) {
        problems_.add(line_of(*n), fmt::format("{} must be a table: write [{}]", name, name));
        return;
      }
      TableReader r(*t, fmt::format("[{}]", name), problems_);
      read(r);
    };
    const auto set_int = [&](TableReader& r, std::string_view key, int& out, int min, int max) {
      if (auto v = r.integer(key, builtin, min, max)) out = *v;
    };
    const auto set_number = [&](TableReader& r, std::string_view key, double& out, double min, double max) {
      if (auto v = r.number(key, builtin)) {
        if (*v < min || *v > max) {
          problems_.add(r.line(), fmt::format("{}: {} = {} is out of range ({} to {})", r.what(), key,
                                              format_number(*v), format_number(min), format_number(max)));
        } else {
          out = *v;
        }
      }
    };
    table("advise", [&](TableReader& r) {
      AdviseSettings& a = rules.advise;
      set_int(r, "likely_causes", a.likely_causes, 1, 100);
      set_number(r, "associated_score", a.associated_score, 0, 1000);
      set_number(r, "direct_score", a.direct_score, 0, 1000);
      set_number(r, "inferred_score", a.inferred_score, 0, 1000);
      set_number(r, "excess_cap", a.excess_cap, 0, 1000);
      set_int(r, "in_place_days", a.in_place_days, 1, 3650);
    });
    table("report", [&](TableReader& r) {
      ReportSettings& p = rules.report;
      set_int(r, "default_days", p.default_days, 1, 36600);
      set_int(r, "effect_window_days", p.effect_window_days, 1, 3650);
      set_int(r, "min_factor_days", p.min_factor_days, 1, 3650);
      set_number(r, "stands_out_ratio", p.stands_out_ratio, 1, 1000);
      set_number(r, "trend_band", p.trend_band, 0, 1);
      set_int(r, "top_tags", p.top_tags, 1, 1000);
    });
    table("insights", [&](TableReader& r) {
      InsightsSettings& i = rules.insights;
      set_int(r, "min_observed_days", i.min_observed_days, 2, 36600);
      set_int(r, "days_per_term", i.days_per_term, 1, 1000);
      set_int(r, "min_side_days", i.min_side_days, 1, 3650);
      set_number(r, "confidence", i.confidence, 0.5, 0.999);
      set_number(r, "no_link_low", i.no_link_low, 0.01, 1);
      set_number(r, "no_link_high", i.no_link_high, 1, 100);
      set_number(r, "apart_correlation", i.apart_correlation, 0.1, 1);
      set_int(r, "remedy_overlap_days", i.remedy_overlap_days, 0, 3650);
      set_number(r, "min_factor_share", i.min_factor_share, 0, 1);
      set_int(r, "remedy_lead_days", i.remedy_lead_days, 0, 365);
      set_number(r, "widest_interval", i.widest_interval, 2, 1e12);
      set_int(r, "drift_days", i.drift_days, 7, 3650);
      set_int(r, "max_drift_bends", i.max_drift_bends, 1, 100);
      set_int(r, "hac_lag_days", i.hac_lag_days, 0, 365);
      set_int(r, "weekday_min_days", i.weekday_min_days, 14, 36600);
    });
  }

  // Every table starts with its id, which names it in later messages.
  std::string read_id(TableReader& r, std::string_view what) {
    auto id = r.id_value("id", true);
    r.rename(fmt::format("{} {}", what, id ? quoted(*id) : std::string("(no id)")));
    return id.value_or("");
  }

  Level read_level(const toml::table& t) {
    TableReader r(t, "level", problems_);
    Level level;
    level.line = r.line();
    level.id = read_id(r, "level");
    level.name = r.text("name", true).value_or("");
    level.meaning = r.text("meaning", true).value_or("");
    level.action = r.text("action", true).value_or("");
    level.open_hours = r.integer("open_hours", false, 1, 8760);
    level.then = r.id_value("then", false).value_or("");
    if (level.open_hours.has_value() != r.has("then")) {
      problems_.add(level.line, fmt::format("{}: open_hours and then come together (the level a flag is open at "
                                            "once open_hours have passed)",
                                            r.what()));
    }
    level.open_days = r.integer("open_days", false, 1, 3650);
    if (level.open_days && level.open_hours) {
      problems_.add(level.line, fmt::format("{}: give open_hours or open_days, not both", r.what()));
    }
    level.spare_days = r.integer("spare_days", false, 1, 3650);
    level.advice = r.choice("advice", false, kLevelAdviceNames).value_or(Level::Advice::full);
    return level;
  }

  Factor read_factor(const toml::table& t) {
    TableReader r(t, "factor", problems_);
    Factor f;
    f.line = r.line();
    f.id = read_id(r, "factor");
    if (f.id == "note") problems_.add(f.line, "factor \"note\": the id note is reserved for the check-in's note");
    f.name = r.text("name", true).value_or("");
    f.unit = r.text("unit", true).value_or("");
    f.description = r.text("description", true).value_or("");
    const auto min = r.number("min", true);
    const auto max = r.number("max", true);
    const auto threshold = r.number("threshold", true);
    f.integer = r.boolean("integer").value_or(false);
    f.per = r.text("per", false).value_or("");
    f.risk = r.choice("risk", true, kRiskSideNames).value_or(RiskSide::high);
    if (min && max && *min > *max) {
      problems_.add(
          f.line, fmt::format("{}: min {} is greater than max {}", r.what(), format_number(*min), format_number(*max)));
    } else if (min && max && threshold && (*threshold < *min || *threshold > *max)) {
      problems_.add(line_of(*t.get("threshold")),
                    fmt::format("{}: threshold {} is outside the factor's range {} to {}", r.what(),
                                format_number(*threshold), format_number(*min), format_number(*max)));
    }
    if (f.per.empty()) f.per = f.risk == RiskSide::high ? f.unit : f.unit + " less";
    f.min = min.value_or(0);
    f.max = max.value_or(0);
    f.threshold = threshold.value_or(0);
    return f;
  }

  Area read_area(const toml::table& t) {
    TableReader r(t, "area", problems_);
    Area a;
    a.line = r.line();
    a.id = read_id(r, "area");
    a.name = r.text("name", true).value_or("");
    if (r.has("local")) {
      r.node("local");
      problems_.add(
          line_of(*t.get("local")),
          fmt::format("{}: local is gone in schema 2; the lips are one place through group = \"lips\"", r.what()));
    }
    a.region = r.choice("region", source_ == kBuiltinRulesName, kRegionNames).value_or(Region::face);
    a.group = r.id_value("group", false).value_or("");
    a.is_default = r.boolean("default").value_or(false);
    return a;
  }

  Cause read_cause(const toml::table& t) {
    TableReader r(t, "cause", problems_);
    Cause c;
    c.line = r.line();
    c.id = read_id(r, "cause");
    c.name = r.text("name", true).value_or("");
    c.mechanism = r.text("mechanism", true).value_or("");
    c.frequency = r.choice("frequency", true, kFrequencyNames).value_or(Frequency::common);
    c.frequency_note = r.text("frequency_note", false).value_or("");
    c.source = source(r);
    if (const auto* n = r.node("evidence")) {
      if (const auto* et = n->as_table()) {
        c.evidence = read_evidence(*et, r.what());
      } else {
        problems_.add(line_of(*n), fmt::format("{}: evidence must be a table: write [cause.evidence]", r.what()));
      }
    }
    return c;
  }

  CauseEvidence read_evidence(const toml::table& t, const std::string& owner) {
    TableReader r(t, owner + " evidence", problems_);
    CauseEvidence e;
    e.window_days = r.integer("window_days", false, 1, 3650).value_or(7);
    e.factor = r.id_value("factor", false).value_or("");
    e.tags = r.ids("tags", false).value_or(std::vector<std::string>{});
    const auto from = r.text("night_from", false);
    const auto to = r.text("night_to", false);
    if (from.has_value() != to.has_value()) {
      problems_.add(r.line(), fmt::format("{}: night_from and night_to come together", r.what()));
    } else if (from) {
      const auto f = parse_clock_minutes(*from);
      const auto tt = parse_clock_minutes(*to);
      if (!f || !tt) {
        problems_.add(r.line(), fmt::format("{}: night_from and night_to are times as HH:MM", r.what()));
      } else {
        e.night_from_minute = *f;
        e.night_to_minute = *tt;
      }
    }
    if (const auto share = r.number("night_share", false)) {
      if (!from) problems_.add(r.line(), fmt::format("{}: night_share needs night_from and night_to", r.what()));
      if (*share < 0 || *share > 1) {
        problems_.add(r.line(), fmt::format("{}: night_share {} is outside 0 to 1", r.what(), format_number(*share)));
      }
      e.night_share = *share;
    }
    e.inferred_from = r.id_value("inferred_from", false).value_or("");
    e.unless_remedy = r.id_value("unless_remedy", false).value_or("");
    e.unless_remedy_days = r.integer("unless_remedy_days", false, 1, 3650).value_or(0);
    if (r.has("unless_remedy") != r.has("unless_remedy_days")) {
      problems_.add(r.line(), fmt::format("{}: unless_remedy and unless_remedy_days come together", r.what()));
    }
    if (!e.unless_remedy.empty() && e.inferred_from.empty()) {
      problems_.add(r.line(), fmt::format("{}: unless_remedy needs inferred_from", r.what()));
    }
    return e;
  }

  RedFlag read_red_flag(const toml::table& t) {
    TableReader r(t, "red_flag", problems_);
    RedFlag f;
    f.line = r.line();
    f.id = read_id(r, "red flag");
    f.level = r.id_value("level", true).value_or("");
    f.name = r.text("name", true).value_or("");
    f.question = r.text("question", true).value_or("");
    f.meaning = r.text("meaning", true).value_or("");
    f.action = r.text("action", true).value_or("");
    f.source = source(r);
    f.aliases = r.ids("aliases", false).value_or(std::vector<std::string>{});
    f.onset = r.boolean("onset").value_or(false);
    f.tags = r.ids("tags", false).value_or(std::vector<std::string>{});
    if (const auto* n = r.node("journal")) {
      if (const auto* jt = n->as_table()) {
        f.journal = read_journal_rule(*jt, r.what());
      } else {
        problems_.add(line_of(*n), fmt::format("{}: journal must be a table: write [red_flag.journal]", r.what()));
      }
    }
    return f;
  }

  JournalRule read_journal_rule(const toml::table& t, const std::string& owner) {
    TableReader r(t, owner + " journal rule", problems_);
    JournalRule j;
    j.kind = r.choice("rule", true, kJournalRuleNames).value_or(JournalRuleKind::none);
    // Each rule reads exactly its own parameters; the others stay unread and are reported as unknown.
    const auto days = [&](std::string_view key) { return r.integer(key, true, 1, 3650).value_or(1); };
    switch (j.kind) {
      case JournalRuleKind::areas:
        j.min_areas = r.integer("min_areas", false, 2, 100).value_or(2);
        j.window_days = days("window_days");
        break;
      case JournalRuleKind::streak:
        j.max_gap_days = days("max_gap_days");
        j.min_span_days = days("min_span_days");
        j.recent_days = days("recent_days");
        break;
      case JournalRuleKind::runs:
        j.max_gap_days = days("max_gap_days");
        j.min_runs = r.integer("min_runs", true, 2, 1000).value_or(2);
        j.window_days = days("window_days");
        j.min_apart_days = days("min_apart_days");
        break;
      case JournalRuleKind::none: break;
    }
    return j;
  }

  Combination read_combination(const toml::table& t) {
    TableReader r(t, "combination", problems_);
    Combination c;
    c.line = r.line();
    c.id = read_id(r, "combination");
    c.name = r.text("name", true).value_or("");
    c.level = r.id_value("level", true).value_or("");
    c.any_of = r.ids("any_of", true).value_or(std::vector<std::string>{});
    c.with = r.ids("with", true).value_or(std::vector<std::string>{});
    c.meaning = r.text("meaning", true).value_or("");
    c.source = source(r);
    return c;
  }

  // `source`: required in the built-in rules, where every medical fact cites where it comes from.
  std::string source(TableReader& r) { return r.text("source", source_ == kBuiltinRulesName).value_or(""); }

  // The built-in rules, whose values a user's rule file may leave out.
  static const RuleSet& builtin_defaults() {
    static const RuleSet defaults = load_builtin_rules();
    return defaults;
  }

  // {emergency_numbers} in the texts shown at a care level.
  static void fill_emergency_numbers(RuleSet& rules) {
    const auto fill = [&](std::string& text) {
      static constexpr std::string_view key = "{emergency_numbers}";
      for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
        text.replace(at, key.size(), rules.triage.emergency_numbers);
        at += rules.triage.emergency_numbers.size();
      }
    };
    for (auto& level : rules.levels) {
      fill(level.meaning);
      fill(level.action);
    }
    for (auto& flag : rules.red_flags) {
      fill(flag.meaning);
      fill(flag.action);
    }
    for (auto& c : rules.combinations) fill(c.meaning);
  }

  Remedy read_remedy(const toml::table& t) {
    TableReader r(t, "remedy", problems_);
    Remedy m;
    m.line = r.line();
    m.id = read_id(r, "remedy");
    m.name = r.text("name", true).value_or("");
    m.kind = r.choice("kind", true, kRemedyKindNames).value_or(RemedyKind::quick);
    if (m.kind == RemedyKind::medical) {
      m.category = r.choice("category", true, kMedicalCategoryNames).value_or(MedicalCategory::diagnostic);
    } else if (r.has("category")) {
      problems_.add(line_of(*r.node("category")), fmt::format("{}: category is only for kind = \"medical\"", r.what()));
    }
    m.how = r.text("how", true).value_or("");
    m.targets = r.ids("targets", true).value_or(std::vector<std::string>{});
    m.rating = r.integer("rating", false, 1, 5);
    m.rating_note = r.text("rating_note", false).value_or("");
    m.onset_days = r.integer("onset_days", false, 0, 3650);
    m.cost = r.text("cost", false).value_or("");
    m.duration = r.text("duration", false).value_or("");
    m.source = source(r);
    return m;
  }

  void cross_check(RuleSet& rules) {
    check_unique(rules.levels, "level", problems_);
    check_unique(rules.factors, "factor", problems_);
    check_unique(rules.areas, "area", problems_);
    check_unique(rules.causes, "cause", problems_);
    check_unique(rules.red_flags, "red flag", problems_);
    check_unique(rules.remedies, "remedy", problems_);
    check_unique(rules.combinations, "combination", problems_);
    const auto defaults =
        std::count_if(rules.areas.begin(), rules.areas.end(), [](const Area& a) { return a.is_default; });
    if (rules.areas.empty()) {
      problems_.add(1, "rule file: missing [[area]] tables (at least one area, the default one marked default = true)");
    } else if (defaults > 1) {
      problems_.add(rules.areas.back().line, "[[area]]: more than one area has default = true; mark one");
    } else if (defaults == 0) {
      rules.areas.front().is_default = true;  // documented: the first area is the default when none is marked
    }

    for (auto& flag : rules.red_flags) {
      const auto what = fmt::format("red flag {}", quoted(flag.id));
      if (const auto* level = rules.find_level(flag.level)) {
        flag.level_rank = level->rank;
      } else if (!flag.level.empty()) {
        problems_.add(flag.line, fmt::format("{}: unknown level {}; valid: {}", what, quoted(flag.level),
                                             join(rules.level_ids())));
      }
      if (flag.onset && rules.find_level(rules.triage.onset_level) == nullptr) {
        problems_.add(flag.line, fmt::format("{}: onset = true needs [triage] onset_level (a level) and "
                                             "onset_question",
                                             what));
      }
      for (const auto& alias : flag.aliases) {
        const auto* other = rules.find_red_flag(alias);
        if (other != nullptr && other != &flag && other->id != alias) {  // another's id: reported below
          problems_.add(flag.line,
                        fmt::format("{}: alias {} already names red flag {}", what, quoted(alias), quoted(other->id)));
        } else if (alias == flag.id) {
          problems_.add(flag.line, fmt::format("{}: alias {} is its own id", what, quoted(alias)));
        }
      }
    }
    for (const auto& flag : rules.red_flags) {
      for (const auto& alias : flag.aliases) {
        for (const auto& other : rules.red_flags) {
          if (&other != &flag && other.id == alias) {
            problems_.add(flag.line, fmt::format("red flag {}: alias {} is the id of another red flag", quoted(flag.id),
                                                 quoted(alias)));
          }
        }
      }
    }
    // A file that names no onset or notice level: the most urgent level, and the one below it.
    if (!rules.levels.empty()) {
      const std::size_t n = rules.levels.size();
      if (rules.triage.onset_level.empty()) rules.triage.onset_level = rules.levels.back().id;
      if (rules.triage.notice_level.empty()) rules.triage.notice_level = rules.levels[n > 2 ? n - 2 : n - 1].id;
    }
    const auto* onset = rules.find_level(rules.triage.onset_level);
    if (onset != nullptr) {
      rules.triage.onset_rank = onset->rank;
    } else if (!rules.triage.onset_level.empty()) {
      problems_.add(1, fmt::format("[triage]: unknown onset_level {}; valid: {}", quoted(rules.triage.onset_level),
                                   join(rules.level_ids())));
    }
    if (!rules.triage.notice_level.empty() && rules.find_level(rules.triage.notice_level) == nullptr) {
      problems_.add(1, fmt::format("[triage]: unknown notice_level {}; valid: {}", quoted(rules.triage.notice_level),
                                   join(rules.level_ids())));
    }
    for (auto& level : rules.levels) {
      if (level.then.empty()) continue;
      const auto* then = rules.find_level(level.then);
      if (then == nullptr || then->rank >= level.rank) {
        problems_.add(level.line, fmt::format("level {}: then names {}, which is not a less urgent level; valid: {}",
                                              quoted(level.id), quoted(level.then), join(rules.level_ids())));
      } else {
        level.then_rank = then->rank;
      }
    }
    for (auto& c : rules.combinations) {
      const auto what = fmt::format("combination {}", quoted(c.id));
      if (const auto* level = rules.find_level(c.level)) {
        c.level_rank = level->rank;
        if (!level->open_hours) {
          problems_.add(c.line, fmt::format("{}: level {} has no open_hours, so the combination would never end", what,
                                            quoted(c.level)));
        }
      } else if (!c.level.empty()) {
        problems_.add(c.line,
                      fmt::format("{}: unknown level {}; valid: {}", what, quoted(c.level), join(rules.level_ids())));
      }
      for (auto* list : {&c.any_of, &c.with}) {
        for (auto& id : *list) {
          if (const auto* flag = rules.find_red_flag(id)) {
            id = flag->id;  // an alias names the flag
          } else {
            problems_.add(c.line, fmt::format("{}: unknown red flag {}; valid: {}", what, quoted(id),
                                              join(rules.red_flag_ids())));
          }
        }
      }
    }
    for (const auto& cause : rules.causes) {
      if (!cause.evidence) continue;
      const auto what = fmt::format("cause {}", quoted(cause.id));
      const auto& e = *cause.evidence;
      if (!e.factor.empty() && rules.find_factor(e.factor) == nullptr) {
        problems_.add(cause.line, fmt::format("{}: evidence names unknown factor {}; valid: {}", what, quoted(e.factor),
                                              join(rules.factor_ids())));
      }
      if (!e.inferred_from.empty() && (rules.find_cause(e.inferred_from) == nullptr || e.inferred_from == cause.id)) {
        problems_.add(cause.line, fmt::format("{}: inferred_from names {}, which is not another cause; valid: {}", what,
                                              quoted(e.inferred_from), join(rules.cause_ids())));
      }
      if (!e.unless_remedy.empty() && rules.find_remedy(e.unless_remedy) == nullptr) {
        problems_.add(cause.line, fmt::format("{}: unless_remedy names unknown remedy {}; valid: {}", what,
                                              quoted(e.unless_remedy), join(rules.remedy_ids())));
      }
    }
    for (const auto& remedy : rules.remedies) {
      for (const auto& target : remedy.targets) {
        if (rules.find_cause(target) == nullptr) {
          problems_.add(remedy.line, fmt::format("remedy {}: targets unknown cause {}; valid: {}", quoted(remedy.id),
                                                 quoted(target), join(rules.cause_ids())));
        }
      }
    }
  }

  std::string_view source_;
  Problems problems_;
};

}  // namespace

toml::table parse_rule_text(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    Diagnostic d;
    d.file = std::string(source);
    d.line = e.source().begin.line;
    d.column = e.source().begin.column;
    d.message = std::string(e.description());
    d.excerpt = std::string(nth_line(text, d.line));
    throw Error(ErrorKind::data, std::vector<Diagnostic>{d});
  }
}

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

}  // namespace

const Level* RuleSet::find_level(std::string_view id) const { return find_by_id(levels, id); }
const Factor* RuleSet::find_factor(std::string_view id) const { return find_by_id(factors, id); }
const Area* RuleSet::find_area(std::string_view id) const { return find_by_id(areas, id); }
const Cause* RuleSet::find_cause(std::string_view id) const { return find_by_id(causes, id); }
const RedFlag* RuleSet::find_red_flag(std::string_view id) const {
  if (const auto* flag = find_by_id(red_flags, id)) return flag;
  for (const auto& flag : red_flags) {
    if (std::find(flag.aliases.begin(), flag.aliases.end(), id) != flag.aliases.end()) return &flag;
  }
  return nullptr;
}
const Remedy* RuleSet::find_remedy(std::string_view id) const { return find_by_id(remedies, id); }
const Area* RuleSet::default_area() const {
  for (const auto& area : areas) {
    if (area.is_default) return &area;
  }
  return areas.empty() ? nullptr : &areas.front();
}
std::vector<std::string> RuleSet::level_ids() const { return ids_of(levels); }
std::vector<std::string> RuleSet::factor_ids() const { return ids_of(factors); }
std::vector<std::string> RuleSet::area_ids() const { return ids_of(areas); }
std::vector<std::string> RuleSet::cause_ids() const { return ids_of(causes); }
std::vector<std::string> RuleSet::red_flag_ids() const { return ids_of(red_flags); }
std::vector<std::string> RuleSet::remedy_ids() const { return ids_of(remedies); }

RuleSet load_rules(std::string_view text, std::string_view source_name) { return Loader(source_name).load(text); }

RuleSet load_builtin_rules() { return load_rules(builtin_rules_text(), kBuiltinRulesName); }

}  // namespace twitchlog
