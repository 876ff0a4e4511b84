// Instants, calendar days and durations.
//
// Timestamps are RFC 3339 in and out. An instant keeps the UTC offset it was
// written with, because the day of a journal entry is the date part of its
// timestamp as written. Local time comes from the system time zone (TZ).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twitchlog {

/// A calendar date in the proleptic Gregorian calendar.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend bool operator==(const Date&, const Date&) = default;
};

/// Days since 1970-01-01 for a date (negative before it).
std::int64_t days_from_date(const Date& date);
/// The date of a day number (days since 1970-01-01).
Date date_from_days(std::int64_t days);
/// "YYYY-MM-DD".
std::string format_date(const Date& date);
/// Days in a month of a year.
int days_in_month(int year, int month);

/// An instant plus the UTC offset it is written with.
struct Timestamp {
  std::int64_t unix_seconds = 0;  ///< seconds since 1970-01-01T00:00:00Z
  std::int32_t offset_seconds = 0;

  /// The day number (days since 1970-01-01) of the date as written.
  std::int64_t day() const;
  /// Seconds since midnight of the time as written (0–86399).
  int second_of_day() const;
};

/// Where a parse failed: byte offset in the input and what was expected.
struct ParseFailure {
  std::size_t offset = 0;
  std::string message;
};

/// Parses an RFC 3339 date-time (seconds and an explicit offset required;
/// fractional seconds accepted and dropped). Returns false and fills `failure`.
bool parse_timestamp(std::string_view text, Timestamp& out, ParseFailure& failure);

/// The last date parse_timestamp read with it: journal lines come in runs of
/// the same day, so the date is checked and converted once per run.
struct DateCache {
  char text[10] = {};
  std::int64_t days = 0;
  bool valid = false;
  char offset_text[6] = {};  ///< the last "+HH:MM" read, when offset_valid
  int offset_seconds = 0;
  bool offset_valid = false;
};
/// As above, through `cache`.
bool parse_timestamp(std::string_view text, Timestamp& out, ParseFailure& failure, DateCache& cache);

/// Writes an RFC 3339 date-time with seconds: "2026-11-03T09:14:03+01:00", "Z" for UTC.
std::string format_timestamp(const Timestamp& ts);

/// The instant `unix_seconds` with the local offset in force then (TZ honoured).
Timestamp local_timestamp(std::int64_t unix_seconds);

/// The instants a local wall-clock time names: none in a daylight-saving gap,
/// two in the hour that happens twice when the clocks go back.
struct LocalTimeMatches {
  int count = 0;
  Timestamp first;  ///< the earlier, when count > 0
  Timestamp last;   ///< the later (the same as first when count == 1)
};
/// Second 60 counts as 59 (Unix time has no leap seconds).
LocalTimeMatches local_time_matches(const Date& date, int hour, int minute, int second);

/// The instant of a local wall-clock time, the earlier one when it happens
/// twice; nullopt when that time does not exist in the local time zone (a
/// daylight-saving gap).
std::optional<Timestamp> from_local(const Date& date, int hour, int minute, int second);

/// The first instant of a local day: its midnight, or where daylight-saving
/// time starts at midnight (America/Santiago, Asia/Beirut...), the end of the gap.
Timestamp start_of_local_day(const Date& date);
/// The last second of a local day (the later 23:59:59 when it happens twice).
Timestamp end_of_local_day(const Date& date);

/// The offset rounded to whole minutes, as RFC 3339 writes it.
std::int32_t whole_minute_offset(std::int32_t offset_seconds);

/// What parse_instant noticed about the time it was given.
struct InstantNotes {
  /// A local time that happens twice (the clocks went back): the earlier was
  /// taken; `later` is the other.
  bool ambiguous = false;
  Timestamp later;
  /// Second 60 was given (a leap second): Unix time has none, so it is kept as second 59.
  bool leap_second = false;
};

/// Parses an instant as `--at`, `--from`, `--to`, `--as-of` and `retract`
/// take it: any time phrase (see time_phrases.hpp); a date alone is the first
/// instant of that local day, or its last second when `date_means_end_of_day`.
/// A local time that happens twice is the earlier one; second 60 is taken
/// only at 23:59. Throws a usage Error naming the valid forms. Fills `notes`
/// when given.
Timestamp parse_instant(std::string_view text, const Timestamp& now, bool date_means_end_of_day = false,
                        InstantNotes* notes = nullptr);

/// The numeric forms alone: now, HH:MM (today), today/yesterday HH:MM,
/// DURATION ago, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional offset
/// (Z, +HH:MM, -HH:MM) that chooses the instant, or RFC 3339. The time
/// phrases build on it for the dates they spell with digits.
Timestamp parse_iso_instant(std::string_view text, const Timestamp& now, bool date_means_end_of_day = false,
                            InstantNotes* notes = nullptr);

/// Parses a DURATION: one or more <integer><unit>, units d h m s in that order
/// ("45s", "2m", "1h30m"). Returns false and fills `failure` on error or overflow.
bool parse_duration(std::string_view text, std::int64_t& seconds, ParseFailure& failure);

/// The canonical DURATION text of a number of seconds ("1h30m", "45s", "0s").
std::string format_duration(std::int64_t seconds);

}  // namespace twitchlog
