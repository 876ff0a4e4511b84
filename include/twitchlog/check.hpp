// `twitchlog check`: the journal validated against the contract and the rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

/// Everything check found, in line order.
struct CheckReport {
  std::vector<Diagnostic> diagnostics;
  ScanSummary summary;
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
};

/// Problems of one well-formed entry against the contract's field rules and
/// the rule set (values, ranges, ids); appended to `out`. `now` flags entries
/// in the future.
void check_entry(const Entry& entry, std::string_view raw, const RuleSet& rules, const Timestamp& now,
                 const std::string& file, std::vector<Diagnostic>& out);

/// Checks a whole journal held in memory; `file` names it in diagnostics.
CheckReport check_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                               const Timestamp& now);

/// Checks the journal file at `path`, streaming. Throws a data Error when it cannot be read.
CheckReport check_journal_file(const std::string& path, const RuleSet& rules, const Timestamp& now);

}  // namespace twitchlog
