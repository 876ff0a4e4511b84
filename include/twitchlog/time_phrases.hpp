// Time phrases: the ways a person says when something happened ("9am",
// "yesterday at 9:15", "this morning", "2 hours ago", "Nov 30"), for --at,
// --from, --to, --as-of and `retract WHEN`.
//
// One set of tables (kTimePhraseForms and the vocabularies in
// time_phrases.cpp) drives the parser, the error messages, the help, the man
// page test and shell completion. Phrases are case-insensitive, surrounding
// spaces are ignored, and an ambiguous phrase takes the past: a clock time
// later than now today means yesterday, a weekday or a date without a year
// its latest occurrence that is not after now.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/time.hpp"

namespace twitchlog {

/// One form of time phrase, as the docs and the error messages show it.
struct TimePhraseForm {
  std::string_view form;      ///< "DAY [at] TIME"
  std::string_view examples;  ///< "yesterday 9am, yesterday at 9:00, mon 8:00"
  std::string_view meaning;   ///< what it stands for
};

/// Every form a time phrase can take (the one table the docs come from).
std::span<const TimePhraseForm> time_phrase_forms();

/// The one-word phrases (now, today, noon, monday...), for shell completion.
std::vector<std::string> time_phrase_words();

/// How precisely a phrase names the time: the journal's `approx` field.
enum class TimePrecision { exact, day, part };

/// What a date without a time stands for.
enum class DayMeans {
  start,           ///< its first instant (--from)
  end,             ///< its last second (--as-of, --to)
  representative,  ///< midday, or now when earlier, with TimePrecision::day (--at)
};

/// A phrase resolved against "now".
struct ResolvedTime {
  Timestamp time;
  TimePrecision precision = TimePrecision::exact;
  InstantNotes notes;
};

/// Resolves a time phrase (see time_phrase_forms) against `now` in the local
/// time zone. A part of the day ("this morning") gives its representative
/// time, never later than now, with TimePrecision::part. Throws a usage Error
/// naming the problem and the valid forms.
ResolvedTime resolve_time_phrase(std::string_view text, const Timestamp& now, DayMeans day_means);

/// An amount of time as a person types it: "45" (seconds), "45s", "2 min",
/// "1m30s", "1 hour 30 minutes", "an hour". Units s, min, h, d, w, spelled or
/// short. nullopt with `why` set when it is not one.
std::optional<std::int64_t> parse_spoken_duration(std::string_view text, std::string& why);

/// True when `text` is a time phrase (for `log "yesterday 9am: text"`).
bool is_time_phrase(std::string_view text, const Timestamp& now);

/// The valid forms, for the end of an error message: "now, 9:15, 9am, ...".
std::string time_phrase_summary();

/// The span of the part of the day an `approx=part` entry stands for, from
/// its stand-in time (minutes after midnight): start and end in minutes after
/// the midnight of its day (the end may pass 24 h); where two parts hold the
/// time, the one that ends later. Nullopt for a time no part holds.
std::optional<std::pair<int, int>> part_of_day_span(int minute_of_day);

}  // namespace twitchlog
