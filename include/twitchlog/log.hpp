// `twitchlog log`: turning what the user typed into one journal entry.
//
// Everything is checked against the contract and the rule set before a byte
// is written: ids, ranges, durations, dates and text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

/// The options of `twitchlog log`, as typed.
struct LogRequest {
  std::optional<std::string> severity, duration, where, side, at, remedy, dose, note;
  std::vector<std::string> tags, flags;
  bool checkin = false;
  bool visit = false;              ///< a `visit` entry: a doctor has seen the user (words: its note)
  std::vector<std::string> words;  ///< trailing arguments: the note, or a check-in's KEY=VALUE
  std::string standard_input;      ///< what "-" stands for (read by the caller when a "-" is given)
};

/// True when the request reads standard input (a "-" word, or --note -).
bool reads_standard_input(const LogRequest& request);

/// The entry line to append (without "\n"). Throws a usage Error naming the
/// problem and the valid choices.
std::string build_entry(const LogRequest& request, const RuleSet& rules, const Timestamp& now);

}  // namespace twitchlog
