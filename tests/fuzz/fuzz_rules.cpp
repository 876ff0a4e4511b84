// Fuzz target: the rule loader. Any text is either a rule set or an Error
// with every problem; a rule set that loads is then used to triage, advise
// and report on a small journal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "twitchlog/advise.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/report.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/triage.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace twitchlog;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  RuleSet rules;
  try {
    rules = load_rules(text, "fuzz.toml");
  } catch (const Error& e) {
    if (std::string_view(e.what()).empty() && e.diagnostics().empty()) __builtin_trap();  // errors must say something
    return 0;
  }
  static constexpr std::string_view journal =
      "2026-11-20T09:00:00+01:00 twitch severity=3 where=eyelid tags=coffee,chewing flags=chewing\n"
      "2026-11-21T21:00:00+01:00 checkin caffeine=4 sleep=6 stress=4 water=1\n"
      "2026-11-22T08:00:00+01:00 remedy id=magnesium\n"
      "2026-11-23T02:00:00+01:00 twitch severity=2\n";
  Timestamp now;
  now.unix_seconds = 1795518000;
  const JournalFindings findings = scan_for_triage_text(journal, "j", rules, now);
  render_triage_text(assess(rules, findings, {}), rules, TriageView{});
  advise(rules, scan_for_advice_text(journal, "j", rules, now), now, true);
  ReportRequest request;
  request.to = now.day();
  request.from = request.to - 30;
  render_report_json(report_journal_text(journal, "j", rules, request, now), rules);
  return 0;
}
