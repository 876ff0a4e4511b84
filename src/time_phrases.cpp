#include "twitchlog/time_phrases.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// The forms, as the help, the man page and the error messages show them.
constexpr std::array<TimePhraseForm, 10> kTimePhraseForms{{
    {"now", "now", "the current time"},
    {"TIME", "9, 9:15, 09:15:30, 9am, 9.15pm, 21h, noon, midnight",
     "today at that time, or yesterday when that time has not come yet today"},
    {"DAY", "today, yesterday, day before yesterday",
     "that day; --at stores midday (or now, if earlier) with approx=day"},
    {"WEEKDAY", "monday, mon, last monday", "the latest such day (today included); with last, the latest before today"},
    {"DATE", "Nov 30, 30 Nov, Nov 30 2025, 2026-11-30",
     "that date; without a year, the latest one that is not after today"},
    {"DAY [at] TIME", "yesterday 9am, yesterday at 9:00, mon 8:00, Nov 30 21:15, 2026-11-30 09:15",
     "that time of that day (a weekday or a date without a year goes back when it would be in the future)"},
    {"PART", "this morning, this afternoon, this evening, tonight, last night",
     "that part of the day; --at stores a representative time, never later than now, with approx=part"},
    {"DAY PART", "yesterday morning, monday evening, Nov 30 night", "that part of that day"},
    {"N UNIT ago", "2 hours ago, 2h ago, an hour ago, 30 min ago, 1h30m ago, 3 days ago, 1w ago",
     "that long before now (units: s, min, h, d, w, spelled or short); in days or weeks, approx=day"},
    {"YYYY-MM-DD HH:MM[:SS]OFFSET", "2026-11-30 09:15+01:00, 2026-11-30T09:15:00Z",
     "that instant, the offset (Z, +HH:MM, -HH:MM) choosing it; RFC 3339"},
}};

struct Word {
  std::string_view name;
  int value;
};

// Days back from today.
constexpr Word kDayWords[] = {
    {"today", 0}, {"yesterday", 1}, {"day before yesterday", 2}, {"the day before yesterday", 2}};
// Monday is 0.
constexpr Word kWeekdays[] = {{"monday", 0},    {"mon", 0},    {"tuesday", 1},  {"tue", 1},      {"tues", 1},
                              {"wednesday", 2}, {"wed", 2},    {"thursday", 3}, {"thu", 3},      {"thur", 3},
                              {"thurs", 3},     {"friday", 4}, {"fri", 4},      {"saturday", 5}, {"sat", 5},
                              {"sunday", 6},    {"sun", 6}};
constexpr Word kMonths[] = {{"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
                            {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
                            {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
                            {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
                            {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12}};
// Minutes after midnight.
constexpr Word kClockWords[] = {{"noon", 12 * 60}, {"midday", 12 * 60}, {"midnight", 0}};
// Seconds.
constexpr Word kUnits[] = {{"s", 1},         {"sec", 1},       {"secs", 1},     {"second", 1},  {"seconds", 1},
                           {"m", 60},        {"min", 60},      {"mins", 60},    {"minute", 60}, {"minutes", 60},
                           {"h", 3600},      {"hr", 3600},     {"hrs", 3600},   {"hour", 3600}, {"hours", 3600},
                           {"d", 86400},     {"day", 86400},   {"days", 86400}, {"w", 604800},  {"wk", 604800},
                           {"week", 604800}, {"weeks", 604800}};
// Numbers that "an hour ago" spells.
constexpr Word kCounts[] = {{"a", 1}, {"an", 1}, {"one", 1}};

// A part of the day: from `start` to `end` minutes after the midnight of its
// day (past 24 h: into the next morning), stood for by `stand_in`.
struct Part {
  std::string_view name;
  int start, end, stand_in;
};
constexpr Part kParts[] = {{"morning", 5 * 60, 12 * 60, 9 * 60},
                           {"afternoon", 12 * 60, 18 * 60, 15 * 60},
                           {"evening", 18 * 60, 22 * 60, 20 * 60},
                           {"night", 18 * 60, 29 * 60, 22 * 60}};
}  // namespace

std::optional<std::pair<int, int>> part_of_day_span(int minute) {
  std::optional<std::pair<int, int>> best;
  for (const Part& p : kParts) {
    if (minute >= p.start && minute < p.end && (!best || p.end > best->second)) best = std::make_pair(p.start, p.end);
  }
  return best;
}

namespace {

// Whole phrases for a part of a day: days back, part.
struct PartPhrase {
  std::string_view phrase;
  int back;
  std::string_view part;
};
constexpr PartPhrase kPartPhrases[] = {{"this morning", 0, "morning"},
                                       {"this afternoon", 0, "afternoon"},
                                       {"this evening", 0, "evening"},
                                       {"tonight", 0, "night"},
                                       {"last night", 1, "night"}};

template <std::size_t N>
const Word* find_word(const Word (&table)[N], std::string_view name) {
  for (const auto& w : table) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

const Part* find_part(std::string_view name) {
  for (const auto& p : kParts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

using Tokens = std::vector<std::string>;

// Lower case, commas as spaces, split on blanks; "9 am" and "9 p.m." become one word.
Tokens tokenize(std::string_view text) {
  Tokens tokens;
  std::string current;
  const auto flush = [&] {
    if (current.empty()) return;
    const bool meridiem = current == "am" || current == "pm" || current == "a.m." || current == "p.m.";
    if (meridiem && !tokens.empty() && !tokens.back().empty() &&
        std::isdigit(static_cast<unsigned char>(tokens.back().back()))) {
      tokens.back() += current;
    } else {
      tokens.push_back(current);
    }
    current.clear();
  };
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == ',') {
      flush();
    } else {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return tokens;
}

// How many tokens from `i` spell `phrase` (its words), or 0.
std::size_t match(const Tokens& t, std::size_t i, std::string_view phrase) {
  std::size_t n = 0;
  while (!phrase.empty()) {
    const auto space = phrase.find(' ');
    if (i + n >= t.size() || t[i + n] != phrase.substr(0, space)) return 0;
    ++n;
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  return n;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (const char c : s) v = v * 10 + (c - '0');
  return v;
}

// A failure: why, for "invalid time "X": WHY; use ...".
struct Refusal {
  std::string why;
};

struct Clock {
  int h = 0, m = 0, s = 0;
};

// One word of clock time: noon, 9, 09:15, 9.15, 9:15:30, 9am, 9:15pm, 21h, 21h30.
std::optional<Clock> read_clock(std::string_view w, std::string* why) {
  const auto refuse = [&](std::string message) -> std::optional<Clock> {
    if (why != nullptr) *why = std::move(message);
    return std::nullopt;
  };
  if (const auto* word = find_word(kClockWords, w)) return Clock{word->value / 60, word->value % 60, 0};
  int meridiem = 0;  // 1 am, 2 pm
  for (const auto& [suffix, value] : {std::pair{std::string_view("a.m."), 1}, std::pair{std::string_view("p.m."), 2},
                                      std::pair{std::string_view("am"), 1}, std::pair{std::string_view("pm"), 2}}) {
    if (w.size() > suffix.size() && w.ends_with(suffix)) {
      meridiem = value;
      w.remove_suffix(suffix.size());
      break;
    }
  }
  std::size_t pos = 0;
  while (pos < w.size() && pos < 3 && std::isdigit(static_cast<unsigned char>(w[pos]))) ++pos;
  if (pos == 0 || pos > 2) return refuse("");
  Clock c;
  c.h = to_int(w.substr(0, pos));
  std::string_view rest = w.substr(pos);
  if (!rest.empty() && rest.front() == 'h' && meridiem == 0) {  // 21h, 21h30
    rest.remove_prefix(1);
    if (!rest.empty()) {
      if (rest.size() != 2 || !all_digits(rest)) return refuse("");
      c.m = to_int(rest);
    }
    rest = {};
  } else if (!rest.empty() && (rest.front() == ':' || rest.front() == '.')) {
    if (rest.size() < 3 || !all_digits(rest.substr(1, 2))) return refuse("expected two-digit minutes");
    c.m = to_int(rest.substr(1, 2));
    rest.remove_prefix(3);
    if (!rest.empty() && rest.front() == ':') {
      if (rest.size() != 3 || !all_digits(rest.substr(1, 2))) return refuse("expected two-digit seconds");
      c.s = to_int(rest.substr(1, 2));
      rest = {};
    }
  }
  if (!rest.empty()) return refuse("");
  if (meridiem != 0) {
    if (c.h < 1 || c.h > 12) return refuse(fmt::format("with am or pm the hour is 1 to 12, not {}", c.h));
    c.h = c.h % 12 + (meridiem == 2 ? 12 : 0);
  }
  if (c.h > 23) return refuse(fmt::format("hour {:02} does not exist (00 to 23)", c.h));
  if (c.m > 59) return refuse(fmt::format("minute {:02} does not exist (00 to 59)", c.m));
  if (c.s > 60) return refuse(fmt::format("second {:02} does not exist (00 to 60)", c.s));
  return c;
}

// A day the phrase names, and how it may go back to stay in the past.
struct DayRef {
  Date date;
  enum class Back { none, week, year } back = Back::none;
  bool relative_today = false;  ///< "this morning", "tonight": yesterday's may be meant after midnight
};

Date step_back(const DayRef& day) {
  if (day.back == DayRef::Back::week) return date_from_days(days_from_date(day.date) - 7);
  Date d = day.date;
  for (int i = 0; i < 8; ++i) {  // Feb 29 goes back to the last leap year
    --d.year;
    if (d.day <= days_in_month(d.year, d.month)) return d;
  }
  return d;
}

// A day of the month (1–31, with an optional st/nd/rd/th).
std::optional<int> day_number(std::string_view w) {
  for (const auto suffix : {"st", "nd", "rd", "th"}) {
    if (w.size() > 2 && w.ends_with(suffix)) {
      w.remove_suffix(2);
      break;
    }
  }
  if (!all_digits(w) || w.size() > 2) return std::nullopt;
  const int d = to_int(w);
  if (d < 1 || d > 31) return std::nullopt;
  return d;
}

// A day at token `i`: today, yesterday, monday, last monday, Nov 30, 30 Nov [YEAR], YYYY-MM-DD.
std::optional<DayRef> read_day(const Tokens& t, std::size_t& i, std::int64_t today) {
  for (const auto& w : kDayWords) {
    if (const auto n = match(t, i, w.name)) {
      i += n;
      return DayRef{date_from_days(today - w.value)};
    }
  }
  const std::size_t start = i;
  const bool last = t[i] == "last" && i + 1 < t.size();
  if (last) ++i;
  if (const auto* w = find_word(kWeekdays, t[i])) {
    ++i;
    const int weekday_today = static_cast<int>(((today + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
    int back = (weekday_today - w->value + 7) % 7;
    if (last && back == 0) back = 7;
    return DayRef{date_from_days(today - back), last ? DayRef::Back::none : DayRef::Back::week};
  }
  i = start;
  if (last) return std::nullopt;
  // Nov 30 / 30 Nov, then an optional year.
  int month = 0, mday = 0;
  if (i + 1 < t.size()) {
    if (const auto* m = find_word(kMonths, t[i]); m != nullptr && day_number(t[i + 1])) {
      month = m->value;
      mday = *day_number(t[i + 1]);
    } else if (const auto* m2 = find_word(kMonths, t[i + 1]); m2 != nullptr && day_number(t[i])) {
      month = m2->value;
      mday = *day_number(t[i]);
    }
  }
  if (month != 0) {
    i += 2;
    const Date now_date = date_from_days(today);
    std::optional<int> year;
    if (i < t.size() && t[i].size() == 4 && all_digits(t[i])) year = to_int(t[i++]);
    if (mday > days_in_month(2024, month)) {  // in no year (2024 has a February 29)
      throw Refusal{fmt::format("day {} does not exist in {:04}-{:02} (it has {} days)", mday,
                                year.value_or(now_date.year), month,
                                days_in_month(year.value_or(now_date.year), month))};
    }
    DayRef day{Date{year.value_or(now_date.year), month, mday}, year ? DayRef::Back::none : DayRef::Back::year};
    if (!year && (mday > days_in_month(now_date.year, month) || days_from_date(day.date) > today)) {
      day.date = step_back(day);
    }
    if (mday > days_in_month(day.date.year, month)) {
      throw Refusal{fmt::format("day {} does not exist in {:04}-{:02} (it has {} days)", mday, day.date.year, month,
                                days_in_month(day.date.year, month))};
    }
    return day;
  }
  // YYYY-MM-DD
  const std::string& w = t[i];
  if (w.size() == 10 && w[4] == '-' && w[7] == '-' && all_digits(w.substr(0, 4)) && all_digits(w.substr(5, 2)) &&
      all_digits(w.substr(8, 2))) {
    const Date date{to_int(w.substr(0, 4)), to_int(w.substr(5, 2)), to_int(w.substr(8, 2))};
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days_in_month(date.year, date.month)) {
      return std::nullopt;  // parse_iso_instant says what is wrong
    }
    ++i;
    return DayRef{date};
  }
  return std::nullopt;
}

// The instant of a wall-clock time `minutes` after the midnight of `date`
// (past 24 h: the next day), the earlier when it happens twice, the end of
// the gap when it falls in one.
Timestamp wall(const Date& date, int minutes) {
  const std::int64_t day = days_from_date(date) + minutes / 1440;
  const int m = minutes % 1440;
  for (int later = 0; later < 24 * 60; ++later) {
    const int at = m + later;
    if (at >= 1440) break;
    if (const auto ts = from_local(date_from_days(day), at / 60, at % 60, 0)) return *ts;
  }
  return start_of_local_day(date_from_days(day + 1));
}

// An amount of time in the first `n` tokens: "2 hours", "2h", "an hour", "1h30m", "1 hour and 30 minutes";
// a lone number is seconds when `bare_seconds`. `smallest` gets the smallest unit used.
std::int64_t amount(const Tokens& t, std::size_t n, bool bare_seconds, std::int64_t& smallest) {
  std::int64_t total = 0;
  smallest = 0;
  bool waiting = false;  // `pending` is a number waiting for its unit
  std::int64_t pending = 0;
  const auto add = [&](std::int64_t number, std::string_view unit_name) {
    const auto* unit = find_word(kUnits, unit_name);
    if (unit == nullptr) {
      throw Refusal{fmt::format("unknown unit {}: use s, min, h, d or w, or seconds, minutes, hours, days, weeks",
                                quoted(unit_name))};
    }
    std::int64_t part;
    if (__builtin_mul_overflow(number, unit->value, &part) || __builtin_add_overflow(total, part, &total)) {
      throw Refusal{"that is too long"};
    }
    smallest = smallest == 0 ? unit->value : std::min<std::int64_t>(smallest, unit->value);
  };
  if (n == 0) throw Refusal{"expected an amount of time, such as 45s, 2 min or 1h30m"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& w = t[i];
    if (w == "and" && !waiting && total > 0) continue;
    if (waiting) {
      add(pending, w);
      waiting = false;
      continue;
    }
    if (const auto* count = find_word(kCounts, w)) {
      pending = count->value;
      waiting = true;
      continue;
    }
    // 2, 2h, 1h30m, 2hours: runs of digits, each followed by its unit (or by the next word).
    if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) {
      throw Refusal{fmt::format("expected a number, not {}", quoted(w))};
    }
    std::size_t pos = 0;
    while (pos < w.size()) {
      std::int64_t number = 0;
      while (pos < w.size() && std::isdigit(static_cast<unsigned char>(w[pos]))) {
        if (__builtin_mul_overflow(number, 10, &number) || __builtin_add_overflow(number, w[pos] - '0', &number)) {
          throw Refusal{"that is too long"};
        }
        ++pos;
      }
      const std::size_t unit_start = pos;
      while (pos < w.size() && !std::isdigit(static_cast<unsigned char>(w[pos]))) ++pos;
      if (unit_start == pos) {
        pending = number;
        waiting = true;
      } else {
        add(number, std::string_view(w).substr(unit_start, pos - unit_start));
      }
    }
  }
  if (waiting) {
    if (!bare_seconds || total > 0) throw Refusal{fmt::format("expected a unit after {}: s, min, h, d or w", pending)};
    add(pending, "s");
  }
  return total;
}

class Resolver {
 public:
  Resolver(std::string_view text, const Timestamp& now, DayMeans day_means)
      : text_(text), now_(local_timestamp(now.unix_seconds)), day_means_(day_means), today_(now_.day()) {}

  ResolvedTime run() {
    const Tokens t = tokenize(text_);
    if (t.empty()) throw Refusal{"no time given"};
    if (t.size() == 1 && t[0] == "now") return exact(now_);
    if (t.back() == "ago") return ago(t);
    try {
      if (auto r = phrase(t)) return *r;
    } catch (const Refusal&) {
      if (!looks_iso(t)) throw;
    }
    if (looks_iso(t)) return iso(t);
    throw Refusal{"not a form twitchlog knows"};
  }

 private:
  static bool looks_iso(const Tokens& t) {
    return t[0].size() >= 10 && all_digits(t[0].substr(0, 4)) && t[0][4] == '-' && t.size() <= 2;
  }

  ResolvedTime exact(const Timestamp& ts) {
    ResolvedTime r;
    r.time = ts;
    r.notes = notes_;
    return r;
  }

  // The forms with digits only (offsets, fractions, RFC 3339), as they always were.
  ResolvedTime iso(const Tokens& t) {
    // As typed (the case kept for the messages), one space between the date and the time.
    std::string joined;
    for (const char c : text_) {
      const bool blank = c == ' ' || c == '\t';
      if (blank && (joined.empty() || joined.back() == ' ')) continue;
      joined += blank ? ' ' : c;
    }
    if (!joined.empty() && joined.back() == ' ') joined.pop_back();
    InstantNotes notes;
    const Timestamp ts = parse_iso_instant(joined, now_, day_means_ == DayMeans::end, &notes);
    ResolvedTime r;
    r.time = ts;
    r.notes = notes;
    if (t.size() == 1 && t[0].size() == 10 && day_means_ == DayMeans::representative) {
      return day_only(DayRef{date_from_days(ts.day())});
    }
    return r;
  }

  ResolvedTime ago(const Tokens& t) {
    if (t.size() == 1) throw Refusal{"expected how long ago, such as 2 hours ago or 30 min ago"};
    std::int64_t smallest = 0;
    const std::int64_t total = amount(t, t.size() - 1, false, smallest);
    if (total > now_.unix_seconds + 62135596800LL) throw Refusal{"that is before the year 1"};
    ResolvedTime r = exact(local_timestamp(now_.unix_seconds - total));
    if (smallest >= kSecondsPerDay) r.precision = TimePrecision::day;
    return r;
  }

  std::optional<ResolvedTime> phrase(const Tokens& t) {
    for (const auto& p : kPartPhrases) {
      if (const auto n = match(t, 0, p.phrase); n == t.size()) {
        DayRef day{date_from_days(today_ - p.back)};
        day.relative_today = p.back == 0;
        return part_of(day, *find_part(p.part));
      }
    }
    std::size_t i = 0;
    std::optional<DayRef> day = read_day(t, i, today_);
    if (i < t.size() && t[i] == "at") {
      ++i;
      if (i == t.size()) throw Refusal{"expected a time after at"};
    }
    if (i == t.size()) {
      if (!day) return std::nullopt;
      return day_only(*day);
    }
    if (day && i + 1 == t.size()) {
      if (const auto* part = find_part(t[i])) return part_of(*day, *part);
    }
    std::string why;
    const auto clock = read_clock(t[i], &why);
    if (!clock) {
      if (!why.empty()) throw Refusal{why};
      throw Refusal{day ? fmt::format("expected a time or a part of the day after the day, not {}", quoted(t[i]))
                        : std::string("not a form twitchlog knows")};
    }
    ++i;
    if (!day && i < t.size()) {  // 9am yesterday
      day = read_day(t, i, today_);
      if (!day) throw Refusal{fmt::format("unexpected {} after the time", quoted(t[i]))};
    }
    if (i != t.size()) throw Refusal{fmt::format("unexpected {} after the time", quoted(t[i]))};
    return at_clock(day, *clock);
  }

  void check_leap(const Clock& c) {
    if (c.s != 60) return;
    if (c.h != 23 || c.m != 59) throw Refusal{"second 60 (a leap second) comes only at 23:59:60"};
    notes_.leap_second = true;
  }

  Timestamp local_or_fail(const Date& date, const Clock& c) {
    check_leap(c);
    const LocalTimeMatches matches = local_time_matches(date, c.h, c.m, c.s);
    if (matches.count == 0) {
      throw Error(ErrorKind::usage,
                  fmt::format("invalid time {}: {} {:02}:{:02} does not exist in the local time zone (a clock change)",
                              quoted(text_), format_date(date), c.h, c.m));
    }
    notes_.ambiguous = matches.count > 1;
    if (notes_.ambiguous) notes_.later = matches.last;
    return matches.first;
  }

  ResolvedTime at_clock(const std::optional<DayRef>& day, const Clock& c) {
    if (!day) {
      // A clock time later than now today means yesterday.
      const int wanted = c.h * 3600 + c.m * 60 + (c.s == 60 ? 59 : c.s);
      const std::int64_t back = wanted > now_.second_of_day() ? 1 : 0;
      return exact(local_or_fail(date_from_days(today_ - back), c));
    }
    Timestamp ts = local_or_fail(day->date, c);
    if (ts.unix_seconds > now_.unix_seconds && day->back != DayRef::Back::none) {
      ts = local_or_fail(step_back(*day), c);
    }
    return exact(ts);
  }

  ResolvedTime day_only(const DayRef& day) {
    ResolvedTime r;
    switch (day_means_) {
      case DayMeans::start: r.time = start_of_local_day(day.date); break;
      case DayMeans::end: r.time = end_of_local_day(day.date); break;
      case DayMeans::representative:
        r.time = stand_in(start_of_local_day(day.date), wall(day.date, 12 * 60));
        r.precision = TimePrecision::day;
        break;
    }
    return r;
  }

  // A representative time, never later than now once its span has begun.
  Timestamp stand_in(const Timestamp& start, const Timestamp& wanted) const {
    if (start.unix_seconds <= now_.unix_seconds && wanted.unix_seconds > now_.unix_seconds) return now_;
    return wanted;
  }

  ResolvedTime part_of(DayRef day, const Part& part) {
    Timestamp start = wall(day.date, part.start);
    if (start.unix_seconds > now_.unix_seconds) {
      // Past midnight, "tonight" is the night still going on; a weekday goes back a week.
      const Date before = date_from_days(days_from_date(day.date) - 1);
      if (day.relative_today && wall(before, part.end).unix_seconds > now_.unix_seconds) {
        day.date = before;
      } else if (day.back != DayRef::Back::none) {
        day.date = step_back(day);
      } else if (day.relative_today) {
        throw Refusal{fmt::format("the {} has not begun yet (it is {:02}:{:02}); for yesterday's, say yesterday {}",
                                  part.name, now_.second_of_day() / 3600, now_.second_of_day() / 60 % 60, part.name)};
      }
      start = wall(day.date, part.start);
    }
    ResolvedTime r;
    r.time = stand_in(start, wall(day.date, part.stand_in));
    r.precision = TimePrecision::part;
    return r;
  }

  std::string_view text_;
  Timestamp now_;
  DayMeans day_means_;
  std::int64_t today_;
  InstantNotes notes_;
};

}  // namespace

std::span<const TimePhraseForm> time_phrase_forms() { return kTimePhraseForms; }

std::vector<std::string> time_phrase_words() {
  std::vector<std::string> out{"now"};
  const auto add = [&](std::string_view w) {
    if (w.find(' ') == std::string_view::npos) out.emplace_back(w);
  };
  for (const auto& w : kDayWords) add(w.name);
  for (const auto& w : kClockWords) add(w.name);
  for (const auto& p : kPartPhrases) add(p.phrase);
  for (const auto& w : kWeekdays) {
    if (w.name.ends_with("day")) add(w.name);  // the full names
  }
  return out;
}

std::string time_phrase_summary() {
  // The first two examples of each form.
  std::vector<std::string> examples;
  for (const auto& form : kTimePhraseForms) {
    std::string_view list = form.examples;
    for (int n = 0; n < 2 && !list.empty(); ++n) {
      const auto comma = list.find(", ");
      examples.emplace_back(list.substr(0, comma));
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 2);
    }
  }
  return join(examples) + " (twitchlog(1) lists every form)";
}

ResolvedTime resolve_time_phrase(std::string_view text, const Timestamp& now, DayMeans day_means) {
  try {
    return Resolver(text, now, day_means).run();
  } catch (const Refusal& r) {
    throw_usage(fmt::format("invalid time {}: {}; use {}", quoted(text), r.why, time_phrase_summary()));
  }
}

std::optional<std::int64_t> parse_spoken_duration(std::string_view text, std::string& why) {
  try {
    const Tokens t = tokenize(text);
    std::int64_t smallest = 0;
    return amount(t, t.size(), true, smallest);
  } catch (const Refusal& r) {
    why = r.why;
    return std::nullopt;
  }
}

bool is_time_phrase(std::string_view text, const Timestamp& now) {
  try {
    resolve_time_phrase(text, now, DayMeans::representative);
    return true;
  } catch (const Error&) {
    return false;
  }
}

Timestamp parse_instant(std::string_view text, const Timestamp& now, bool date_means_end_of_day, InstantNotes* notes) {
  const ResolvedTime r = resolve_time_phrase(text, now, date_means_end_of_day ? DayMeans::end : DayMeans::start);
  if (notes != nullptr) *notes = r.notes;
  return r.time;
}

}  // namespace twitchlog
