// `twitchlog export`: every entry, one row each, for a spreadsheet or a script.
#include <memory>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/export.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

constexpr std::array<Format, 3> kFormatList{Format::csv, Format::tsv, Format::jsonl};
constexpr auto kFormats = format_names(kFormatList);
// The kinds an entry can have (not "unknown").
constexpr std::array<std::string_view, 7> kKinds{kKindNames.name(Kind::twitch), kKindNames.name(Kind::checkin),
                                                 kKindNames.name(Kind::remedy), kKindNames.name(Kind::triage),
                                                 kKindNames.name(Kind::note),   kKindNames.name(Kind::visit),
                                                 kKindNames.name(Kind::retract)};

struct ExportOptions {
  std::string from;
  std::string to;
  std::string kind;
  std::string format = "csv";
  bool all = false;
  bool raw = false;
  bool strict = false;
  OutputOptions output;
};

int run_export(const ExportOptions& options, const GlobalOptions& globals) {
  ExportRequest request;
  switch (parse_format(options.format, kFormats)) {
    case Format::tsv: request.format = ExportFormat::tsv; break;
    case Format::jsonl: request.format = ExportFormat::jsonl; break;
    default: request.format = ExportFormat::csv; break;
  }
  if (!options.kind.empty()) {
    check_choice("--kind", "kind", options.kind, kKinds);
    request.kind = kKindNames.parse(options.kind);
  }
  request.all = options.all;
  request.raw = options.raw;
  const Context context(globals);
  if (!options.from.empty()) request.from = day_option("--from", options.from, context.now());
  if (!options.to.empty()) request.to = day_option("--to", options.to, context.now());
  check_output(options.output);
  const RuleSet rules = context.load_rules();
  const ExportResult result = export_journal_file(context.journal_path(), rules, request, context.now());
  enforce_strict(options.strict, result.read);
  report_read(result.read);
  emit_output(options.output, result.text);
  return 0;
}

}  // namespace

void setup_export(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "Every entry with every field, one row each, for a spreadsheet");
  sub->add_option("--from", options->from, "First day (YYYY-MM-DD); default: the first entry")->option_text("DATE");
  sub->add_option("--to", options->to, "Last day (YYYY-MM-DD); default: today")->option_text("DATE");
  describe_choices(sub->add_option("--kind", options->kind, "Only entries of this kind")->option_text("KIND"), kKinds);
  describe_choices(sub->add_option("--format", options->format,
                                   "csv (RFC 4180, CRLF), tsv (\\t \\n \\\\ escaped) or jsonl (one JSON object a line)")
                       ->option_text("FORMAT"),
                   kFormats);
  sub->add_flag("--all", options->all, "Also the entries taken back by a retract, with retracted=true");
  sub->add_flag("--raw", options->raw,
                "No formula guard: keep cells that begin with = + - @ as they are (else they get a leading ')");
  add_output_options(sub, options->output);
  add_strict_option(sub, options->strict);
  sub->footer(
      "Examples:\n"
      "  twitchlog export > journal.csv\n"
      "  twitchlog export --from 2026-09-01 --kind remedy -o remedies.csv\n"
      "  twitchlog export --format jsonl | jq -r 'select(.kind == \"note\") | .note'\n"
      "  twitchlog export --format tsv --all | column -ts$'\\t'");
  sub->callback([options, &globals, &status] { status = run_export(*options, globals); });
}

}  // namespace twitchlog::cli
