// `twitchlog check`: the journal validated against the contract and the rules,
// by the same interpretation every other command reads it with (model.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/error.hpp"
#include "twitchlog/model.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

/// Everything check found.
struct CheckReport {
  std::vector<Diagnostic> diagnostics;  ///< the first ones kept (all, unless streamed), in line order
  ScanSummary summary;
  std::uint64_t errors = 0;  ///< all of them, kept or not
  std::uint64_t warnings = 0;
  std::uint64_t retracted = 0;  ///< entries taken back by a retract
};

/// Checks a whole journal held in memory; `file` names it in diagnostics.
CheckReport check_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                               const Timestamp& now);

/// Checks the journal file at `path`, streaming: each diagnostic goes to
/// `each` as it is found (and only the first `keep` are kept in the report).
/// Throws a data Error when it cannot be read or does not exist.
CheckReport check_journal_file(const std::string& path, const RuleSet& rules, const Timestamp& now,
                               const std::function<void(const Diagnostic&)>& each = {}, std::size_t keep = 1000);

}  // namespace twitchlog
