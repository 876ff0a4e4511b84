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

/// Before build_entry, the guards against silent mistakes: takes the time of
/// a leading "WHEN: text", lower-cases ids, sides, areas and tags, reads a
/// duration as people type it ("45" is seconds, "2 min"), puts --note with
/// --remedy into the remedy's note; refuses check-in values without
/// --checkin and words after check-in values (usage errors). Returns notes
/// for standard error ("did you mean ...?" for a tag close to a known one).
std::vector<std::string> prepare_log_request(LogRequest& request, const RuleSet& rules, const Timestamp& now);

/// The entry line to append (without "\n"). Throws a usage Error naming the
/// problem and the valid choices.
std::string build_entry(const LogRequest& request, const RuleSet& rules, const Timestamp& now);

}  // namespace twitchlog
