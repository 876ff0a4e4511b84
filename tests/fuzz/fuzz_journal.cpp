// Fuzz target: the journal reader and everything that reads a journal.
// The input is a journal; it goes through check, triage, advise and every
// format of report, with the built-in rules. Every well-formed entry must
// also survive being written out again and read back the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "twitchlog/advise.hpp"
#include "twitchlog/check.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/report.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/triage.hpp"

namespace {

using namespace twitchlog;

// A finding: libFuzzer (or the replay) reports it with the input; `why` is for the reader of the code.
[[noreturn]] void fail(const char* /*why*/) { __builtin_trap(); }

// Re-encodes each well-formed entry and checks that it reads back the same.
struct RoundTrip : JournalSink {
  void on_entry(const Entry& entry, std::string_view) override {
    std::vector<FieldValue> fields;
    for (const auto& f : entry.fields) fields.push_back(FieldValue{std::string(f.key), std::string(f.value)});
    std::string line;
    try {
      line = format_entry(entry.time, entry.kind == Kind::unknown ? Kind::note : entry.kind, fields);
    } catch (const Error&) {
      return;  // values the writer refuses (control characters): the reader took them escaped
    }
    LineParser parser;
    Entry again;
    LineProblem problem;
    if (parser.parse(line, 1, again, problem) != LineType::entry) fail("a written entry does not read back");
    if (again.fields.size() != entry.fields.size()) fail("fields lost in a round trip");
    for (std::size_t i = 0; i < again.fields.size(); ++i) {
      if (again.fields[i].key != entry.fields[i].key || again.fields[i].value != entry.fields[i].value) {
        fail("a field changed in a round trip");
      }
    }
    if (again.time.unix_seconds != entry.time.unix_seconds) fail("the time changed in a round trip");
  }
  void on_problem(std::uint64_t, std::string_view, const LineProblem& p, bool) override {
    if (p.column == 0 || p.message.empty()) fail("a problem without a column or a message");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const RuleSet rules = load_builtin_rules();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Timestamp now;
  now.unix_seconds = 1795518000;  // 2026-11-24T10:00:00Z
  RoundTrip round_trip;
  scan_journal_text(text, round_trip);
  check_journal_text(text, "fuzz.journal", rules, now);
  const JournalFindings findings = scan_for_triage_text(text, "fuzz.journal", rules, now);
  const Assessment assessment = assess(rules, findings, {});
  render_triage_json(assessment, rules, TriageView{});
  const AdviceInput input = scan_for_advice_text(text, "fuzz.journal", rules, now);
  advise(rules, input, now, true);
  ReportRequest request;
  request.to = now.day();
  request.from = request.to - 60;
  const Report report = report_journal_text(text, "fuzz.journal", rules, request, now);
  render_report_text(report, rules, true);
  render_report_json(report, rules);
  render_report_table(report, ',');
  render_report_markdown(report, rules);
  return 0;
}
