// `twitchlog export`: one row per entry, every field (see export.hpp).
#include "twitchlog/export.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/json.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

namespace {

// One cell: what it holds decides how each format writes it.
struct Value {
  enum class Type : std::uint8_t { null, text, number, boolean, list } type = Type::null;
  std::string text;                // text; a number or true/false as written
  std::vector<std::string> items;  // list
};

Value text_value(std::string_view s) {
  if (s.empty()) return {};
  return Value{Value::Type::text, std::string(s), {}};
}
Value number_value(std::string s) { return Value{Value::Type::number, std::move(s), {}}; }
Value bool_value(bool b) { return Value{Value::Type::boolean, b ? "true" : "false", {}}; }
template <typename Items, typename Name>
Value list_value(const Items& items, Name&& name) {
  Value v{Value::Type::list, {}, {}};
  for (const auto& item : items) v.items.emplace_back(name(item));
  return v;
}

constexpr std::array<std::string_view, 12> kLeadColumns{"line",      "timestamp", "day",      "kind",
                                                        "retracted", "approx",    "severity", "duration_s",
                                                        "where",     "side",      "tags",     "flags"};
constexpr std::array<std::string_view, 10> kTailColumns{"remedy", "dose",   "level", "yes",     "no",
                                                        "unsure", "sudden", "of",    "of_kind", "note"};

bool is_fixed_column(std::string_view name) {
  return std::find(kLeadColumns.begin(), kLeadColumns.end(), name) != kLeadColumns.end() ||
         std::find(kTailColumns.begin(), kTailColumns.end(), name) != kTailColumns.end();
}

// A factor's column: its id, or factor-ID when the id is one of the fixed columns.
std::string factor_column(const Factor& f) { return is_fixed_column(f.id) ? "factor-" + f.id : f.id; }

std::string_view flag_id(const RedFlag* f) { return f->id; }

// The written timestamp, as written (a stand-in time after now included).
std::string_view written_timestamp(const TypedEntry& e) { return e.raw.substr(0, e.raw.find(' ')); }

// The row of an entry: the lead columns, the factors, the tail columns.
void row_of(const TypedEntry& e, bool retracted, const RuleSet& rules, std::vector<Value>& row) {
  row.clear();
  row.push_back(number_value(std::to_string(e.line)));
  row.push_back(text_value(written_timestamp(e)));
  row.push_back(text_value(format_date(date_from_days(e.day))));
  row.push_back(text_value(kind_name(e.kind)));
  row.push_back(bool_value(retracted));
  row.push_back(e.approx == Approx::exact ? Value{} : text_value(kApproxNames.name(e.approx)));
  const bool twitch = e.kind == Kind::twitch;
  row.push_back(e.severity ? number_value(std::to_string(*e.severity)) : Value{});
  row.push_back(e.duration_s ? number_value(std::to_string(*e.duration_s)) : Value{});
  row.push_back(twitch ? text_value(e.area) : Value{});
  row.push_back(e.side ? text_value(kSideNames.name(*e.side)) : Value{});
  row.push_back(list_value(e.tags, [](std::string_view t) { return std::string(t); }));
  row.push_back(list_value(e.flags, flag_id));
  const std::size_t factors_at = row.size();
  row.resize(row.size() + rules.factors.size());
  for (const auto& v : e.values) row[factors_at + v.factor] = number_value(format_number(v.value));
  row.push_back(text_value(e.remedy_id));
  row.push_back(text_value(e.dose));
  row.push_back(text_value(e.level));
  for (const auto* answers : {&e.yes, &e.no, &e.unsure, &e.sudden}) row.push_back(list_value(*answers, flag_id));
  const bool retract = e.kind == Kind::retract;
  row.push_back(retract ? text_value(format_timestamp(e.of)) : Value{});
  row.push_back(retract ? text_value(kind_name(e.of_kind)) : Value{});
  row.push_back(text_value(e.note));
}

std::string tsv_cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

class Exporter : public EntrySink {
 public:
  Exporter(const RuleSet& rules, const ExportRequest& request) : rules_(rules), request_(request) { header(); }

  void on_entry(const TypedEntry& entry) override { take(entry, false); }
  void on_retracted(const TypedEntry& entry) override {
    if (request_.all) take(entry, true);
  }
  void restart() override {
    result_.text.clear();
    result_.rows = 0;
    header();
  }

  ExportResult finish(JournalRead read) {
    result_.read = std::move(read);
    return std::move(result_);
  }

 private:
  void header() {
    if (request_.format == ExportFormat::jsonl) return;
    const char sep = request_.format == ExportFormat::csv ? ',' : '\t';
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) result_.text += sep;
      result_.text += columns_[i];
    }
    result_.text += line_end();
  }

  std::string_view line_end() const { return request_.format == ExportFormat::csv ? "\r\n" : "\n"; }

  void take(const TypedEntry& e, bool retracted) {
    if (request_.from && e.day < *request_.from) return;
    if (request_.to && e.day > *request_.to) return;
    if (request_.kind && e.kind != *request_.kind) return;
    row_of(e, retracted, rules_, row_);
    if (request_.format == ExportFormat::jsonl) {
      jsonl();
    } else {
      table();
    }
    ++result_.rows;
  }

  void table() {
    const bool csv = request_.format == ExportFormat::csv;
    for (std::size_t i = 0; i < row_.size(); ++i) {
      if (i > 0) result_.text += csv ? ',' : '\t';
      const Value& v = row_[i];
      std::string cell;
      switch (v.type) {
        case Value::Type::null: continue;
        case Value::Type::number:
        case Value::Type::boolean: result_.text += v.text; continue;
        case Value::Type::text: cell = v.text; break;
        case Value::Type::list: cell = join(v.items, ","); break;
      }
      if (!request_.raw) cell = formula_guard(cell);
      result_.text += csv ? csv_cell(cell) : tsv_cell(cell);
    }
    result_.text += line_end();
  }

  // One object: the columns as keys, the factors given in one "factors" object.
  void jsonl() {
    const std::size_t factors_at = kLeadColumns.size();
    const std::size_t factors_end = factors_at + rules_.factors.size();
    std::vector<std::string> members;
    for (std::size_t i = 0; i < row_.size(); ++i) {
      if (i == factors_at) {
        std::vector<std::string> factors;
        for (std::size_t f = factors_at; f < factors_end; ++f) {
          if (row_[f].type != Value::Type::null)
            factors.push_back(json_string(rules_.factors[f - factors_at].id) + ":" + row_[f].text);
        }
        std::string object = "\"factors\":{";  // not "literal" + string: GCC 12 -O3 warns (stringop-overflow)
        object += join(factors, ",");
        object += '}';
        members.push_back(std::move(object));
      }
      if (i < factors_at || i >= factors_end) members.push_back(json_string(columns_[i]) + ":" + json_value(row_[i]));
    }
    result_.text += '{';
    result_.text += join(members, ",");
    result_.text += "}\n";
  }

  static std::string json_value(const Value& v) {
    switch (v.type) {
      case Value::Type::null: return "null";
      case Value::Type::number:
      case Value::Type::boolean: return v.text;
      case Value::Type::text: return json_string(v.text);
      case Value::Type::list: {
        std::vector<std::string> items;
        for (const auto& item : v.items) items.push_back(json_string(item));
        std::string list = "[";  // not "literal" + string (GCC 12 -O3 stringop-overflow)
        list += join(items, ",");
        list += ']';
        return list;
      }
    }
    return "null";
  }

  const RuleSet& rules_;
  const ExportRequest& request_;
  std::vector<std::string> columns_ = export_columns(rules_);
  std::vector<Value> row_;
  ExportResult result_;
};

template <typename Read>
ExportResult run_export(const RuleSet& rules, const ExportRequest& request, Read&& read) {
  if (request.from && request.to && *request.from > *request.to) {
    throw_usage(fmt::format("--from {} is after --to {}", format_date(date_from_days(*request.from)),
                            format_date(date_from_days(*request.to))));
  }
  Exporter exporter(rules, request);
  JournalRead r = read(exporter);
  return exporter.finish(std::move(r));
}

}  // namespace

std::vector<std::string> export_columns(const RuleSet& rules) {
  std::vector<std::string> out(kLeadColumns.begin(), kLeadColumns.end());
  for (const auto& f : rules.factors) out.push_back(factor_column(f));
  out.insert(out.end(), kTailColumns.begin(), kTailColumns.end());
  return out;
}

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string formula_guard(std::string_view cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    std::string out = "'";
    out += cell;
    return out;
  }
  return std::string(cell);
}

ExportResult export_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                 const ExportRequest& request, const Timestamp& now) {
  return run_export(rules, request, [&](EntrySink& sink) { return read_journal_text(text, file, rules, now, sink); });
}

ExportResult export_journal_file(const std::string& path, const RuleSet& rules, const ExportRequest& request,
                                 const Timestamp& now) {
  return run_export(rules, request, [&](EntrySink& sink) { return read_journal_file(path, rules, now, sink); });
}

}  // namespace twitchlog
