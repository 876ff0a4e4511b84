#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "helpers.hpp"
#include "twitchlog/time.hpp"

using namespace twitchlog;

namespace {

std::string instant(const std::string& text, bool end_of_day = false) {
  return format_timestamp(parse_instant(text, test::at("2026-11-24T10:00:00+01:00"), end_of_day));
}

std::string timestamp_error(const std::string& text) {
  Timestamp ts;
  ParseFailure failure;
  if (parse_timestamp(text, ts, failure)) return "ok";
  return std::to_string(failure.offset) + ": " + failure.message;
}

std::string duration(const std::string& text) {
  std::int64_t seconds = -1;
  ParseFailure failure;
  if (!parse_duration(text, seconds, failure))
    return "error at " + std::to_string(failure.offset) + ": " + failure.message;
  return std::to_string(seconds);
}

}  // namespace

TEST_CASE("calendar days round-trip and match known dates") {
  CHECK(days_from_date({1970, 1, 1}) == 0);
  CHECK(days_from_date({2026, 11, 3}) == 20760);
  CHECK(days_from_date({1969, 12, 31}) == -1);
  CHECK(date_from_days(20760) == Date{2026, 11, 3});
  for (std::int64_t d = -800000; d < 800000; d += 997) CHECK(days_from_date(date_from_days(d)) == d);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2026, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
}

TEST_CASE("RFC 3339 timestamps parse to the instant and keep their offset") {
  const auto ts = test::at("2026-11-03T09:14:03+01:00");
  CHECK(ts.unix_seconds == 1793693643);
  CHECK(ts.offset_seconds == 3600);
  CHECK(test::at("2026-11-03T08:14:03Z").unix_seconds == 1793693643);
  CHECK(test::at("2026-11-03T08:14:03.123456Z").unix_seconds == 1793693643);
  CHECK(test::at("2026-11-03t08:14:03z").unix_seconds == 1793693643);
  CHECK(format_timestamp(ts) == "2026-11-03T09:14:03+01:00");
  CHECK(format_timestamp(test::at("2026-11-03T08:14:03Z")) == "2026-11-03T08:14:03Z");
  CHECK(format_timestamp(test::at("2026-11-03T23:30:00-05:30")) == "2026-11-03T23:30:00-05:30");
}

TEST_CASE("the day of an entry is the date as written, whatever the offset") {
  CHECK(date_from_days(test::at("2026-11-03T23:30:00-05:00").day()) == Date{2026, 11, 3});
  CHECK(date_from_days(test::at("2026-11-04T00:30:00+09:00").day()) == Date{2026, 11, 4});
  CHECK(test::at("2026-11-03T23:30:00-05:00").second_of_day() == 23 * 3600 + 30 * 60);
}

TEST_CASE("malformed timestamps say where and what was expected") {
  CHECK(timestamp_error("2026-11-03T09:14:03+01:00") == "ok");
  CHECK(timestamp_error("2026-02-30T09:14:03+01:00") == "8: day 30 does not exist in 2026-02 (it has 28 days)");
  CHECK(timestamp_error("2026-13-01T09:14:03+01:00") == "5: month 13 does not exist (01 to 12)");
  CHECK(timestamp_error("2026-11-03 09:14:03+01:00").starts_with("10: expected 'T'"));
  CHECK(timestamp_error("2026-11-03T24:00:00Z") == "11: hour 24 does not exist (00 to 23)");
  CHECK(timestamp_error("2026-11-03T09:60:00Z") == "14: minute 60 does not exist (00 to 59)");
  CHECK(timestamp_error("2026-11-03T09:14+01:00") == "16: expected ':' and seconds (HH:MM:SS)");
  CHECK(timestamp_error("2026-11-03T09:14:03") == "19: expected a UTC offset: Z, +HH:MM or -HH:MM");
  CHECK(timestamp_error("2026-11-03T09:14:03+24:00") == "19: UTC offset out of range (-23:59 to +23:59)");
  CHECK(timestamp_error("2026-11-03T09:14:03+0100") == "19: expected a UTC offset as +HH:MM or -HH:MM");
  CHECK(timestamp_error("2026-11-03T09:14:03Zjunk") == "20: unexpected text after the timestamp");
  CHECK(timestamp_error("2026-11-03T09:14:03.Z") == "20: expected digits after the decimal point");
  CHECK(timestamp_error("") == "0: expected a date as YYYY-MM-DD");
  CHECK(timestamp_error("0000-01-01T00:00:00Z") == "ok");
}

TEST_CASE("--at forms resolve against now in the local time zone") {
  CHECK(instant("now") == "2026-11-24T10:00:00+01:00");
  CHECK(instant("09:30") == "2026-11-24T09:30:00+01:00");
  CHECK(instant("today 08:05") == "2026-11-24T08:05:00+01:00");
  CHECK(instant("yesterday 22:30") == "2026-11-23T22:30:00+01:00");
  CHECK(instant("2h ago") == "2026-11-24T08:00:00+01:00");
  CHECK(instant("30m ago") == "2026-11-24T09:30:00+01:00");
  CHECK(instant("3d ago") == "2026-11-21T10:00:00+01:00");
  CHECK(instant("1h30m ago") == "2026-11-24T08:30:00+01:00");
  CHECK(instant("2026-11-03") == "2026-11-03T00:00:00+01:00");
  CHECK(instant("2026-11-03", true) == "2026-11-03T23:59:59+01:00");
  CHECK(instant("2026-11-03 09:14") == "2026-11-03T09:14:00+01:00");
  CHECK(instant("2026-07-01 12:00") == "2026-07-01T12:00:00+02:00");
  CHECK(instant("2026-11-03T08:14:03Z") == "2026-11-03T09:14:03+01:00");
  CHECK(instant("2026-11-03T09:14:03+01:00") == "2026-11-03T09:14:03+01:00");
  // Summer time ends on the last Sunday of October: 3d before 2026-10-27 12:00 is still summer.
  CHECK(format_timestamp(parse_instant("3d ago", test::at("2026-10-27T12:00:00+01:00"))) ==
        "2026-10-24T13:00:00+02:00");
}

TEST_CASE("bad --at forms are usage errors that list the valid forms") {
  const auto error = [](const std::string& text) {
    return test::error_of([&] { parse_instant(text, test::at("2026-11-24T10:00:00+01:00")); });
  };
  CHECK(error("tomorrow").find("use now, 9, 9:15, today, yesterday") != std::string::npos);
  CHECK(error("25:00").find("hour 25 does not exist") != std::string::npos);
  CHECK(error("2026-02-30").find("day 30 does not exist in 2026-02") != std::string::npos);
  CHECK(error("5x ago").find("unknown unit \"x\"") != std::string::npos);
  CHECK(error("yesterday banana").find("invalid time") != std::string::npos);
  CHECK(error("2026-03-29 02:30").find("does not exist in the local time zone") != std::string::npos);
  CHECK(error("99999999999d ago").find("before the year 1") != std::string::npos);
  CHECK(error("").find("invalid time") != std::string::npos);
}

TEST_CASE("durations: units d h m s in order, once each, no overflow") {
  CHECK(duration("45s") == "45");
  CHECK(duration("2m") == "120");
  CHECK(duration("1h30m") == "5400");
  CHECK(duration("1d2h3m4s") == "93784");
  CHECK(duration("0s") == "0");
  CHECK(duration("90s") == "90");
  CHECK(duration("") == "error at 0: expected a duration such as 45s, 2m or 1h30m");
  CHECK(duration("45") == "error at 2: expected a unit after 45: d, h, m or s");
  CHECK(duration("s") == "error at 0: expected a number (durations look like 45s, 2m or 1h30m)");
  CHECK(duration("30m1h") == "error at 4: units must come once each, in the order d h m s (1h30m, not 30m1h)");
  CHECK(duration("1h1h") == "error at 3: units must come once each, in the order d h m s (1h30m, not 30m1h)");
  CHECK(duration("5w") == "error at 1: unknown unit \"w\": use d, h, m or s");
  CHECK(duration("-5s") == "error at 0: expected a number (durations look like 45s, 2m or 1h30m)");
  CHECK(duration("99999999999999999999s") == "error at 0: duration is too long");
  CHECK(duration("9223372036854775807d") == "error at 0: duration is too long");
  CHECK(duration("106751991167301d") == "error at 0: duration is too long");
  CHECK(duration("106751991167300d55807s") == "9223372036854775807");
  CHECK(duration("106751991167300d55808s") == "error at 16: duration is too long");
  CHECK(format_duration(5400) == "1h30m");
  CHECK(format_duration(45) == "45s");
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(90061) == "1d1h1m1s");
  CHECK(format_duration(90) == "1m30s");
}

TEST_CASE("parse_timestamp through a DateCache gives what it gives without one") {
  // Runs of the same date and offset, then changes of each, errors between them.
  const char* const texts[] = {"2026-11-24T10:00:00+01:00",
                               "2026-11-24T10:00:01+01:00",
                               "2026-11-24T23:59:60+01:00",
                               "2026-11-24T24:00:00+01:00",
                               "2026-11-24T10:60:00+01:00",
                               "2026-11-24T10:00:00+02:00",
                               "2026-11-24T10:00:00+01:00",
                               "2026-11-24t10:00:00+01:00",
                               "2026-11-24T10:00:00.5+01:00",
                               "2026-11-24T10:00:00Z",
                               "2026-11-24T1a:00:00+01:00",
                               "2026-11-24T10:00:00+24:00",
                               "2026-11-25T00:00:00+01:00",
                               "2026-02-30T10:00:00+01:00",
                               "2026-11-25T00:00:00+01:00",
                               "2026-11-25 00:00:00+01:00",
                               "2026-11-25T00:00:00-05:30",
                               "2026-11-25T00:00:00+01:00x",
                               "2026-11-25",
                               "",
                               "2026-11-25T00:00:00+01:00"};
  DateCache cache;
  for (const char* text : texts) {
    CAPTURE(text);
    Timestamp plain, cached;
    ParseFailure plain_failure, cached_failure;
    const bool plain_ok = parse_timestamp(text, plain, plain_failure);
    const bool cached_ok = parse_timestamp(text, cached, cached_failure, cache);
    REQUIRE(plain_ok == cached_ok);
    if (plain_ok) {
      CHECK(plain.unix_seconds == cached.unix_seconds);
      CHECK(plain.offset_seconds == cached.offset_seconds);
    } else {
      CHECK(plain_failure.offset == cached_failure.offset);
      CHECK(plain_failure.message == cached_failure.message);
    }
  }
}

namespace {

// Sets TZ for one test and puts the usual one back.
class LocalZone {
 public:
  explicit LocalZone(const char* tz) {
    ::setenv("TZ", tz, 1);
    ::tzset();
  }
  ~LocalZone() {
    ::setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    ::tzset();
  }
  LocalZone(const LocalZone&) = delete;
  LocalZone& operator=(const LocalZone&) = delete;
};

// POSIX forms of the zones of the issue (tzdata need not be installed): DST that starts at midnight.
constexpr const char* kSantiago = "<-04>4<-03>,M9.1.6/24,M4.1.6/24";     // 2024-09-08 00:00 does not exist
constexpr const char* kBeirut = "EET-2EEST,M3.5.0/0,M10.5.0/0";          // 2024-03-31 00:00 does not exist
constexpr const char* kSaoPaulo2018 = "<-03>3<-02>,M11.1.0/0,M2.3.0/0";  // 2018-11-04 00:00 does not exist

}  // namespace

TEST_CASE("months outside 1-12 count on from the year instead of indexing before the table") {
  // report --last 24323m from 2026-11-24 asked for month 0 of year 0 (UB before: kDays[-1]).
  CHECK(days_in_month(0, 0) == 31);       // the December before
  CHECK(days_in_month(2024, 14) == 28);   // February 2025
  CHECK(days_in_month(2025, -10) == 29);  // February 2024
  CHECK(days_from_date({2026, 0, 15}) == days_from_date({2025, 12, 15}));
  CHECK(days_from_date({2026, 13, 1}) == days_from_date({2027, 1, 1}));
  CHECK(days_from_date({2026, -10, 1}) == days_from_date({2025, 2, 1}));
}

TEST_CASE("a plain date is the first instant of its local day, even where midnight does not exist") {
  const Timestamp now = test::at("2025-06-01T12:00:00Z");
  {
    LocalZone zone(kSantiago);
    CHECK(format_timestamp(parse_instant("2024-09-08", now)) == "2024-09-08T01:00:00-03:00");
    CHECK(format_timestamp(parse_instant("2024-09-07", now, true)) == "2024-09-07T23:59:59-04:00");
    CHECK(format_timestamp(start_of_local_day({2024, 9, 9})) == "2024-09-09T00:00:00-03:00");
  }
  {
    LocalZone zone(kBeirut);
    CHECK(format_timestamp(parse_instant("2024-03-31", now)) == "2024-03-31T01:00:00+03:00");
  }
  {
    LocalZone zone(kSaoPaulo2018);
    CHECK(format_timestamp(parse_instant("2018-11-04", now)) == "2018-11-04T01:00:00-02:00");
  }
  // A gap that ends between two whole minutes: the first second of the day exactly.
  {
    LocalZone zone("<-00>0<+0030>-0:30:30,M3.5.0/0,M10.5.0/0");
    CHECK(format_timestamp(start_of_local_day({2026, 3, 29})) == "2026-03-29T00:31:00+00:31");
  }
}

TEST_CASE("a local time that happens twice is the earlier instant; an offset chooses") {
  const Timestamp now = test::at("2026-11-24T10:00:00+01:00");
  const auto matches = local_time_matches({2026, 10, 25}, 2, 30, 0);
  CHECK(matches.count == 2);
  CHECK(format_timestamp(matches.first) == "2026-10-25T02:30:00+02:00");
  CHECK(format_timestamp(matches.last) == "2026-10-25T02:30:00+01:00");
  InstantNotes notes;
  CHECK(format_timestamp(parse_instant("2026-10-25 02:30", now, false, &notes)) == "2026-10-25T02:30:00+02:00");
  CHECK(notes.ambiguous);
  CHECK(format_timestamp(notes.later) == "2026-10-25T02:30:00+01:00");
  CHECK(format_timestamp(parse_instant("2026-10-25 02:30+01:00", now, false, &notes)) == "2026-10-25T02:30:00+01:00");
  CHECK_FALSE(notes.ambiguous);
  CHECK(format_timestamp(parse_instant("2026-10-25 02:30:00+02:00", now)) == "2026-10-25T02:30:00+02:00");
  CHECK(format_timestamp(parse_instant("2026-10-25T02:30:00+01:00", now)) == "2026-10-25T02:30:00+01:00");
  CHECK(format_timestamp(parse_instant("2026-10-25 01:30Z", now)) == "2026-10-25T02:30:00+01:00");
  CHECK(local_time_matches({2026, 3, 29}, 2, 30, 0).count == 0);
  CHECK(local_time_matches({2026, 11, 3}, 9, 0, 0).count == 1);
  // The end of a day whose last hour happens twice is the later 23:59:59.
  {
    LocalZone zone(kSantiago);  // summer time ends on the first Saturday of April at 24:00: back to 23:00
    CHECK(format_timestamp(end_of_local_day({2026, 4, 4})) == "2026-04-04T23:59:59-04:00");
  }
}

TEST_CASE("second 60: --at takes it only at 23:59; readers count it on its written date") {
  const Timestamp now = test::at("2027-06-01T10:00:00+02:00");
  InstantNotes notes;
  CHECK(format_timestamp(parse_instant("2026-12-31 23:59:60", now, false, &notes)) == "2026-12-31T23:59:59+01:00");
  CHECK(notes.leap_second);
  CHECK(format_timestamp(parse_instant("2016-12-31T23:59:60Z", now)) == "2017-01-01T00:59:59+01:00");
  CHECK(test::error_of([&] {
          parse_instant("2026-12-31 12:30:60", now);
        }).find("second 60 (a leap second) comes only at 23:59:60") != std::string::npos);
  CHECK(test::error_of([&] { parse_instant("12:30:60", now); }).find("comes only at 23:59:60") != std::string::npos);
  const Timestamp leap = test::at("2016-12-31T23:59:60Z");
  CHECK(date_from_days(leap.day()) == Date{2016, 12, 31});
  CHECK(leap.unix_seconds == test::at("2016-12-31T23:59:59Z").unix_seconds);
  // Through a DateCache (the journal reader's fast path) too.
  DateCache cache;
  Timestamp a, b;
  ParseFailure failure;
  REQUIRE(parse_timestamp("2016-12-31T23:59:58+01:00", a, failure, cache));
  REQUIRE(parse_timestamp("2016-12-31T23:59:60+01:00", b, failure, cache));
  CHECK(date_from_days(b.day()) == Date{2016, 12, 31});
  CHECK(b.unix_seconds == a.unix_seconds + 1);
}

TEST_CASE("an offset with seconds is written rounded to the minute, naming the same instant") {
  LocalZone zone("<+1234>-12:34:56");
  const Timestamp ts = local_timestamp(test::at("2026-12-02T09:17:03Z").unix_seconds);
  CHECK(ts.offset_seconds == 12 * 3600 + 34 * 60 + 56);
  const std::string text = format_timestamp(ts);
  CHECK(text == "2026-12-02T21:52:03+12:35");
  CHECK(test::at(text).unix_seconds == ts.unix_seconds);
  CHECK(whole_minute_offset(-(3600 + 29)) == -3600);
  CHECK(whole_minute_offset(-(3600 + 30)) == -3660);
}
