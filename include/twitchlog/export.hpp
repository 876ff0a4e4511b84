// `twitchlog export`: every entry of the journal, one row each, with every
// field, for a spreadsheet (CSV, TSV) or a script (JSON Lines).
//
// The journal is read through the model, so an export holds exactly the
// entries every other command counts: valid entries in force, in file order;
// retracted entries only when asked (and marked). CSV follows RFC 4180
// (quoted where needed, CRLF line ends); TSV escapes tab, line breaks and
// backslash as \t, \n, \r and \\; JSON Lines has one object per line. In CSV
// and TSV a text cell that begins with =, +, -, @, a tab or a carriage
// return gets a leading ' (the OWASP advice against formula injection)
// unless `raw`; the numbers twitchlog writes itself are never changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/journal.hpp"
#include "twitchlog/model.hpp"
#include "twitchlog/names.hpp"
#include "twitchlog/rules.hpp"

namespace twitchlog {

enum class ExportFormat : std::uint8_t { csv, tsv, jsonl };
inline constexpr auto kExportFormatNames =
    make_names<ExportFormat>({{ExportFormat::csv, "csv"}, {ExportFormat::tsv, "tsv"}, {ExportFormat::jsonl, "jsonl"}});

/// What to export.
struct ExportRequest {
  std::optional<std::int64_t> from;  ///< first day (inclusive), by the day an entry counts on
  std::optional<std::int64_t> to;    ///< last day (inclusive)
  std::optional<Kind> kind;          ///< only entries of this kind
  ExportFormat format = ExportFormat::csv;
  bool all = false;  ///< retracted entries too, with retracted=true
  bool raw = false;  ///< no formula guard in CSV and TSV
};

/// The columns of CSV and TSV, in order (the factors of the rules by id in
/// the middle); JSON Lines has the same keys, the factors in one object.
std::vector<std::string> export_columns(const RuleSet& rules);

/// A CSV cell as RFC 4180 quotes it: in double quotes (its own doubled)
/// when it holds a comma, a double quote or a line break.
std::string csv_cell(std::string_view text);

/// A cell made safe for a spreadsheet: a leading ' when it begins with
/// =, +, -, @, a tab or a carriage return.
std::string formula_guard(std::string_view cell);

/// What an export wrote.
struct ExportResult {
  std::string text;  ///< the whole output
  std::uint64_t rows = 0;
  JournalRead read;
};

ExportResult export_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                 const ExportRequest& request, const Timestamp& now);
ExportResult export_journal_file(const std::string& path, const RuleSet& rules, const ExportRequest& request,
                                 const Timestamp& now);

}  // namespace twitchlog
