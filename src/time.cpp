#include "twitchlog/time.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include <ctime>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time_phrases.hpp"

namespace twitchlog {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Reads exactly `width` digits at `pos`; false when they are not all digits.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& value) {
  if (pos + width > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

bool fail(ParseFailure& failure, std::size_t offset, std::string message) {
  failure.offset = offset;
  failure.message = std::move(message);
  return false;
}

// "+HH:MM" or "-HH:MM" at `pos` (the sign included), as seconds east of UTC;
// the caller moves past its 6 characters.
bool read_offset(std::string_view text, std::size_t pos, int& offset, ParseFailure& failure) {
  int oh, om;
  if (!read_digits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
      !read_digits(text, pos + 4, 2, om)) {
    return fail(failure, pos, "expected a UTC offset as +HH:MM or -HH:MM");
  }
  if (oh > 23 || om > 59) return fail(failure, pos, "UTC offset out of range (-23:59 to +23:59)");
  offset = (oh * 60 + om) * 60 * (text[pos] == '-' ? -1 : 1);
  return true;
}

// "YYYY-MM-DD" at the start of `text`; checks the day exists.
bool parse_date_part(std::string_view text, Date& date, ParseFailure& failure) {
  int y, m, d;
  if (!read_digits(text, 0, 4, y)) return fail(failure, 0, "expected a date as YYYY-MM-DD");
  if (text.size() < 5 || text[4] != '-') return fail(failure, 4, "expected '-' after the year");
  if (!read_digits(text, 5, 2, m)) return fail(failure, 5, "expected a two-digit month");
  if (text.size() < 8 || text[7] != '-') return fail(failure, 7, "expected '-' after the month");
  if (!read_digits(text, 8, 2, d)) return fail(failure, 8, "expected a two-digit day");
  if (m < 1 || m > 12) return fail(failure, 5, fmt::format("month {:02} does not exist (01 to 12)", m));
  if (d < 1 || d > days_in_month(y, m)) {
    return fail(failure, 8,
                fmt::format("day {:02} does not exist in {:04}-{:02} (it has {} days)", d, y, m, days_in_month(y, m)));
  }
  date = Date{y, m, d};
  return true;
}

// "HH:MM" or "HH:MM:SS" at `pos`; `width` gets the length read.
bool parse_clock(std::string_view text, std::size_t pos, bool seconds_required, int& h, int& mi, int& s,
                 std::size_t& width, ParseFailure& failure) {
  if (!read_digits(text, pos, 2, h)) return fail(failure, pos, "expected a time as HH:MM");
  if (pos + 2 >= text.size() || text[pos + 2] != ':') return fail(failure, pos + 2, "expected ':' after the hour");
  if (!read_digits(text, pos + 3, 2, mi)) return fail(failure, pos + 3, "expected two-digit minutes");
  width = 5;
  s = 0;
  if (pos + 5 < text.size() && text[pos + 5] == ':') {
    if (!read_digits(text, pos + 6, 2, s)) return fail(failure, pos + 6, "expected two-digit seconds");
    width = 8;
  } else if (seconds_required) {
    return fail(failure, pos + 5, "expected ':' and seconds (HH:MM:SS)");
  }
  if (h > 23) return fail(failure, pos, fmt::format("hour {:02} does not exist (00 to 23)", h));
  if (mi > 59) return fail(failure, pos + 3, fmt::format("minute {:02} does not exist (00 to 59)", mi));
  if (s > 60) return fail(failure, pos + 6, fmt::format("second {:02} does not exist (00 to 60)", s));
  return true;
}

}  // namespace

std::int64_t days_from_date(const Date& date) {
  // Howard Hinnant's days_from_civil; a month outside 1–12 counts on from the year's.
  std::int64_t month = date.month;
  std::int64_t year = date.year;
  if (month < 1 || month > 12) {
    year += floor_div(month - 1, 12);
    month = (month - 1) - floor_div(month - 1, 12) * 12 + 1;
  }
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

std::string format_date(const Date& date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  // A month outside 1–12 counts on from the year's (0 is the December before, 13 the January after), as
  // days_from_date takes it; month arithmetic that went below 1 must not index before the table.
  const int index = static_cast<int>(((static_cast<std::int64_t>(month) - 1) % 12 + 12) % 12);
  const std::int64_t y = static_cast<std::int64_t>(year) + floor_div(static_cast<std::int64_t>(month) - 1, 12);
  if (index == 1 && is_leap(static_cast<int>(y))) return 29;
  return kDays[index];
}

std::int64_t Timestamp::day() const { return floor_div(unix_seconds + offset_seconds, kSecondsPerDay); }

int Timestamp::second_of_day() const {
  return static_cast<int>(unix_seconds + offset_seconds - day() * kSecondsPerDay);
}

bool parse_timestamp(std::string_view text, Timestamp& out, ParseFailure& failure) {
  DateCache cache;
  return parse_timestamp(text, out, failure, cache);
}

namespace {

// "HH:MM:SS" at the start of `p`, all digits and in range; false for anything
// else (parse_clock then says what is wrong).
bool quick_clock(const char* p, int& seconds) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!(digit(p[0]) && digit(p[1]) && p[2] == ':' && digit(p[3]) && digit(p[4]) && p[5] == ':' && digit(p[6]) &&
        digit(p[7]))) {
    return false;
  }
  const int h = (p[0] - '0') * 10 + (p[1] - '0');
  const int mi = (p[3] - '0') * 10 + (p[4] - '0');
  const int s = (p[6] - '0') * 10 + (p[7] - '0');
  if (h > 23 || mi > 59 || s > 60) return false;
  seconds = h * 3600 + mi * 60 + (s == 60 ? 59 : s);  // a leap second belongs to its minute (and its date)
  return true;
}

// Whether the N bytes at `a` and `b` are the same: word loads the compiler
// inlines, where memcmp of 10 bytes is a call.
template <std::size_t N>
bool same_bytes(const char* a, const char* b) {
  if constexpr (N == 0) {
    return true;
  } else {
    constexpr std::size_t n = N >= 8 ? 8 : N >= 4 ? 4 : N >= 2 ? 2 : 1;
    using Word = std::conditional_t<
        n == 8, std::uint64_t,
        std::conditional_t<n == 4, std::uint32_t, std::conditional_t<n == 2, std::uint16_t, std::uint8_t>>>;
    Word x = 0, y = 0;
    std::memcpy(&x, a, n);
    std::memcpy(&y, b, n);
    return x == y && same_bytes<N - n>(a + n, b + n);
  }
}

}  // namespace

bool parse_timestamp(std::string_view text, Timestamp& out, ParseFailure& failure, DateCache& cache) {
  // The usual form, YYYY-MM-DDTHH:MM:SS+HH:MM, with the date and offset of the last line.
  if (text.size() == 25 && cache.valid && cache.offset_valid && text[10] == 'T' &&
      same_bytes<10>(text.data(), cache.text) && same_bytes<6>(text.data() + 19, cache.offset_text)) {
    int seconds = 0;
    if (quick_clock(text.data() + 11, seconds)) {
      out.unix_seconds = cache.days * kSecondsPerDay + seconds - cache.offset_seconds;
      out.offset_seconds = cache.offset_seconds;
      return true;
    }
  }
  std::int64_t days = 0;
  if (cache.valid && text.size() >= 10 && same_bytes<10>(text.data(), cache.text)) {
    days = cache.days;  // the same valid date as the last time
  } else {
    Date date;
    if (!parse_date_part(text, date, failure)) return false;
    days = days_from_date(date);
    std::memcpy(cache.text, text.data(), 10);
    cache.days = days;
    cache.valid = true;
  }
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't')) {
    return fail(failure, 10, "expected 'T' between the date and the time (YYYY-MM-DDTHH:MM:SS+HH:MM)");
  }
  int h, mi, s;
  std::size_t width;
  if (!parse_clock(text, 11, true, h, mi, s, width, failure)) return false;
  std::size_t pos = 11 + width;
  if (pos < text.size() && text[pos] == '.') {
    const std::size_t start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return fail(failure, pos, "expected digits after the decimal point");
  }
  int offset = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    if (!read_offset(text, pos, offset, failure)) return false;
    if (pos == 19) {
      std::memcpy(cache.offset_text, text.data() + 19, 6);
      cache.offset_seconds = offset;
      cache.offset_valid = true;
    }
    pos += 6;
  } else {
    return fail(failure, pos, "expected a UTC offset: Z, +HH:MM or -HH:MM");
  }
  if (pos != text.size()) return fail(failure, pos, "unexpected text after the timestamp");
  // Unix time has no leap seconds: 23:59:60 counts as 23:59:59, on its written date.
  const std::int64_t local = days * kSecondsPerDay + h * 3600 + mi * 60 + (s == 60 ? 59 : s);
  out.unix_seconds = local - offset;
  out.offset_seconds = offset;
  return true;
}

std::int32_t whole_minute_offset(std::int32_t offset_seconds) {
  const std::int32_t magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  const std::int32_t rounded = (magnitude + 30) / 60 * 60;
  return offset_seconds < 0 ? -rounded : rounded;
}

std::string format_timestamp(const Timestamp& ts) {
  // RFC 3339 offsets are whole minutes: an offset with seconds (old local mean times, a TZ such as
  // <+1234>-12:34:56) is rounded to the nearest minute, and the clock shown with it, so that the text
  // still names the very same instant.
  const Timestamp shown{ts.unix_seconds, whole_minute_offset(ts.offset_seconds)};
  const Date date = date_from_days(shown.day());
  const int sod = shown.second_of_day();
  std::string out = fmt::format("{}T{:02}:{:02}:{:02}", format_date(date), sod / 3600, sod / 60 % 60, sod % 60);
  if (shown.offset_seconds == 0) return out + "Z";
  const int minutes = (shown.offset_seconds < 0 ? -shown.offset_seconds : shown.offset_seconds) / 60;
  return out + fmt::format("{}{:02}:{:02}", shown.offset_seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

Timestamp local_timestamp(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  if (localtime_r(&t, &tm) == nullptr) return Timestamp{unix_seconds, 0};
  return Timestamp{unix_seconds, static_cast<std::int32_t>(tm.tm_gmtoff)};
}

LocalTimeMatches local_time_matches(const Date& date, int hour, int minute, int second) {
  // Every instant whose local wall-clock time this is: the offsets in force within a day either side are
  // the only ones it can be written with; an offset fits when it is the one in force at the instant it gives.
  const std::int64_t wall =
      days_from_date(date) * kSecondsPerDay + hour * 3600 + minute * 60 + (second == 60 ? 59 : second);
  LocalTimeMatches matches;
  std::int32_t tried[5];
  std::int64_t found[5];
  int n_tried = 0, n_found = 0;
  for (const std::int64_t probe :
       {wall - kSecondsPerDay, wall - kSecondsPerDay / 2, wall, wall + kSecondsPerDay / 2, wall + kSecondsPerDay}) {
    const std::int32_t offset = local_timestamp(probe).offset_seconds;
    if (std::find(tried, tried + n_tried, offset) != tried + n_tried) continue;
    tried[n_tried++] = offset;
    const std::int64_t t = wall - offset;
    if (local_timestamp(t).offset_seconds != offset) continue;
    if (std::find(found, found + n_found, t) != found + n_found) continue;
    found[n_found++] = t;
    if (n_found == 1 || t < matches.first.unix_seconds) matches.first = Timestamp{t, offset};
    if (n_found == 1 || t > matches.last.unix_seconds) matches.last = Timestamp{t, offset};
  }
  matches.count = n_found;
  return matches;
}

std::optional<Timestamp> from_local(const Date& date, int hour, int minute, int second) {
  const LocalTimeMatches matches = local_time_matches(date, hour, minute, second);
  if (matches.count == 0) return std::nullopt;  // in a daylight-saving gap: that time does not exist
  return matches.first;
}

Timestamp start_of_local_day(const Date& date) {
  if (const auto midnight = from_local(date, 0, 0, 0)) return *midnight;
  // Midnight is in a gap (daylight-saving time that starts at 00:00): the day starts when the gap ends,
  // at the first local time of the day that exists.
  const std::int64_t day = days_from_date(date);
  for (int m = 1; m < 24 * 60; ++m) {
    const auto ts = from_local(date, m / 60, m % 60, 0);
    if (!ts) continue;
    // The gap may end between two whole minutes: the first second of the day is within the minute before.
    std::int64_t lo = ts->unix_seconds - 60, hi = ts->unix_seconds;  // day(lo) is before `date`, day(hi) is it
    while (hi - lo > 1) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      (local_timestamp(mid).day() == day ? hi : lo) = mid;
    }
    return local_timestamp(hi);
  }
  return local_timestamp(day * kSecondsPerDay);  // not a real time zone: UTC's midnight then
}

Timestamp end_of_local_day(const Date& date) {
  const LocalTimeMatches matches = local_time_matches(date, 23, 59, 59);
  if (matches.count > 0) return matches.last;
  return local_timestamp(start_of_local_day(date_from_days(days_from_date(date) + 1)).unix_seconds - 1);
}

Timestamp parse_iso_instant(std::string_view text, const Timestamp& now, bool date_means_end_of_day,
                            InstantNotes* notes) {
  const auto invalid = [&](const std::string& why) -> Timestamp {
    throw_usage(fmt::format("invalid time {}: {}; use {}", quoted(text), why, time_phrase_summary()));
  };
  InstantNotes ignored;
  InstantNotes& note = notes != nullptr ? *notes : ignored;
  note = InstantNotes{};
  // Second 60 is a leap second, which comes only at the end of a day.
  const auto check_leap = [&](int h, int mi, int s) {
    if (s != 60) return;
    if (h != 23 || mi != 59) invalid("second 60 (a leap second) comes only at 23:59:60");
    note.leap_second = true;
  };
  const auto local_or_fail = [&](const Date& date, int h, int mi, int s) {
    check_leap(h, mi, s);
    const LocalTimeMatches matches = local_time_matches(date, h, mi, s);
    if (matches.count == 0) {
      throw_usage(fmt::format("invalid time {}: {} {:02}:{:02} does not exist in the local time zone (a clock change)",
                              quoted(text), format_date(date), h, mi));
    }
    if (matches.count > 1) {
      note.ambiguous = true;
      note.later = matches.last;
    }
    return matches.first;
  };
  const Timestamp local_now = local_timestamp(now.unix_seconds);
  const Date today = date_from_days(local_now.day());
  ParseFailure failure;
  int h, mi, s;
  std::size_t width;

  if (text == "now") return local_now;
  for (const auto& [word, back] :
       {std::pair{std::string_view("today "), 0}, std::pair{std::string_view("yesterday "), 1}}) {
    if (text.starts_with(word)) {
      const auto clock = text.substr(word.size());
      if (!parse_clock(clock, 0, false, h, mi, s, width, failure) || width != clock.size()) {
        return invalid(failure.message.empty() ? "expected HH:MM" : failure.message);
      }
      return local_or_fail(date_from_days(local_now.day() - back), h, mi, s);
    }
  }
  if (text.ends_with(" ago")) {
    std::int64_t seconds = 0;
    if (!parse_duration(text.substr(0, text.size() - 4), seconds, failure)) return invalid(failure.message);
    if (seconds > now.unix_seconds + 62135596800LL) return invalid("that is before the year 1");
    return local_timestamp(now.unix_seconds - seconds);
  }
  if (text.size() >= 5 && text[2] == ':') {
    if (!parse_clock(text, 0, false, h, mi, s, width, failure)) return invalid(failure.message);
    if (width != text.size()) return invalid("unexpected text after the time");
    return local_or_fail(today, h, mi, s);
  }
  if (text.size() >= 10 && text[4] == '-') {
    Date date;
    if (!parse_date_part(text, date, failure)) return invalid(failure.message);
    if (text.size() == 10) return date_means_end_of_day ? end_of_local_day(date) : start_of_local_day(date);
    if (text[10] != ' ' && text[10] != 'T' && text[10] != 't') {
      return invalid("expected a space or 'T' between the date and the time");
    }
    if (!parse_clock(text, 11, false, h, mi, s, width, failure)) return invalid(failure.message);
    std::size_t pos = 11 + width;
    if (pos == text.size()) return local_or_fail(date, h, mi, s);
    // An explicit offset (Z, +HH:MM, -HH:MM), after optional fractional seconds, chooses the instant.
    if (text[pos] == '.' && width == 8) {
      const std::size_t start = ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return invalid("expected digits after the decimal point");
    }
    int offset = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
      ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      if (!read_offset(text, pos, offset, failure)) return invalid(failure.message);
      pos += 6;
    } else {
      return invalid("unexpected text after the time (an offset is Z, +HH:MM or -HH:MM)");
    }
    if (pos != text.size()) return invalid("unexpected text after the offset");
    check_leap(h, mi, s);
    const std::int64_t wall = days_from_date(date) * kSecondsPerDay + h * 3600 + mi * 60 + (s == 60 ? 59 : s);
    return local_timestamp(wall - offset);
  }
  return invalid("not a form twitchlog knows");
}

bool parse_duration(std::string_view text, std::int64_t& seconds, ParseFailure& failure) {
  static constexpr std::string_view kUnits = "dhms";
  static constexpr std::int64_t kUnitSeconds[] = {86400, 3600, 60, 1};
  if (text.empty()) return fail(failure, 0, "expected a duration such as 45s, 2m or 1h30m");
  std::int64_t total = 0;
  std::size_t next_unit = 0;  // units must come in the order d h m s
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    std::int64_t number = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (__builtin_mul_overflow(number, 10, &number) || __builtin_add_overflow(number, text[pos] - '0', &number)) {
        return fail(failure, start, "duration is too long");
      }
      ++pos;
    }
    if (pos == start) return fail(failure, pos, "expected a number (durations look like 45s, 2m or 1h30m)");
    if (pos == text.size()) {
      return fail(failure, pos, fmt::format("expected a unit after {}: d, h, m or s", text.substr(start, pos - start)));
    }
    const auto unit = kUnits.find(text[pos]);
    if (unit == std::string_view::npos) {
      return fail(failure, pos, fmt::format("unknown unit {}: use d, h, m or s", quoted(text.substr(pos, 1))));
    }
    if (unit < next_unit)
      return fail(failure, pos, "units must come once each, in the order d h m s (1h30m, not 30m1h)");
    next_unit = unit + 1;
    std::int64_t part;
    if (__builtin_mul_overflow(number, kUnitSeconds[unit], &part) || __builtin_add_overflow(total, part, &total)) {
      return fail(failure, start, "duration is too long");
    }
    ++pos;
  }
  seconds = total;
  return true;
}

std::string format_duration(std::int64_t seconds) {
  if (seconds <= 0) return "0s";
  std::string out;
  const std::int64_t parts[] = {seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60};
  const char units[] = {'d', 'h', 'm', 's'};
  for (int i = 0; i < 4; ++i) {
    if (parts[i] != 0) out += fmt::format("{}{}", parts[i], units[i]);
  }
  return out;
}

}  // namespace twitchlog
