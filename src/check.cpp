#include "twitchlog/check.hpp"

#include <fmt/format.h>

namespace twitchlog {

namespace {

// check needs no entries: only the model's verdict on each line.
class NoSink : public EntrySink {
 public:
  void on_entry(const TypedEntry&) override {}
  void restart() override {}
};

CheckReport report_of(JournalRead&& read) {
  CheckReport report;
  report.diagnostics = std::move(read.diagnostics);
  report.summary = read.summary;
  report.errors = read.errors;
  report.warnings = read.warnings;
  report.retracted = read.retracted;
  return report;
}

}  // namespace

CheckReport check_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                               const Timestamp& now) {
  NoSink sink;
  ReadOptions options;
  options.keep_diagnostics = static_cast<std::size_t>(-1);
  return report_of(read_journal_text(text, file, rules, now, sink, options));
}

CheckReport check_journal_file(const std::string& path, const RuleSet& rules, const Timestamp& now,
                               const std::function<void(const Diagnostic&)>& each, std::size_t keep) {
  NoSink sink;
  ReadOptions options;
  options.keep_diagnostics = keep;
  options.on_diagnostic = each;
  JournalRead read = read_journal_file(path, rules, now, sink, options);
  if (read.missing) throw_data(fmt::format("journal {} does not exist yet; `twitchlog log` creates it", path));
  return report_of(std::move(read));
}

}  // namespace twitchlog
