// The phrase table: every form of time phrase at fixed "now" values (midday,
// 00:30, a Monday, both daylight-saving changes of Europe/Berlin, the zone
// the unit tests run in) gives the expected instant and `approx`.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "twitchlog/time_phrases.hpp"

using namespace twitchlog;

namespace {

struct Row {
  const char* phrase;
  const char* expected;  // RFC 3339, or "error: ..." (a part of the message)
  TimePrecision precision = TimePrecision::exact;
};

constexpr auto day = TimePrecision::day;
constexpr auto part = TimePrecision::part;

void check_rows(const char* now_text, std::initializer_list<Row> rows, DayMeans means = DayMeans::representative) {
  const Timestamp now = test::at(now_text);
  for (const Row& row : rows) {
    CAPTURE(now_text);
    CAPTURE(row.phrase);
    const std::string expected = row.expected;
    if (expected.starts_with("error: ")) {
      const std::string message = test::error_of([&] { resolve_time_phrase(row.phrase, now, means); });
      CHECK(message.find(expected.substr(7)) != std::string::npos);
      CHECK(message.find("; use now, 9, 9:15, today, yesterday") != std::string::npos);  // the valid forms
      continue;
    }
    ResolvedTime r;
    CHECK_NOTHROW(r = resolve_time_phrase(row.phrase, now, means));
    CHECK(format_timestamp(r.time) == expected);
    CHECK(r.precision == row.precision);
    // Never later than now unless the phrase names a later day itself.
    if (row.precision != TimePrecision::exact) CHECK(r.time.unix_seconds <= now.unix_seconds);
  }
}

}  // namespace

TEST_CASE("time phrases at midday on a Tuesday") {
  check_rows("2026-11-24T12:00:00+01:00",
             {
                 {"now", "2026-11-24T12:00:00+01:00"},
                 {"  NOW ", "2026-11-24T12:00:00+01:00"},
                 {"9", "2026-11-24T09:00:00+01:00"},
                 {"9:15", "2026-11-24T09:15:00+01:00"},
                 {"09:15:30", "2026-11-24T09:15:30+01:00"},
                 {"9am", "2026-11-24T09:00:00+01:00"},
                 {"9 AM", "2026-11-24T09:00:00+01:00"},
                 {"9:15pm", "2026-11-23T21:15:00+01:00"},  // later than now today: yesterday
                 {"9.15pm", "2026-11-23T21:15:00+01:00"},
                 {"9.15 p.m.", "2026-11-23T21:15:00+01:00"},
                 {"21h", "2026-11-23T21:00:00+01:00"},
                 {"8h30", "2026-11-24T08:30:00+01:00"},
                 {"noon", "2026-11-24T12:00:00+01:00"},
                 {"midnight", "2026-11-24T00:00:00+01:00"},
                 {"12am", "2026-11-24T00:00:00+01:00"},
                 {"12pm", "2026-11-24T12:00:00+01:00"},
                 {"today", "2026-11-24T12:00:00+01:00", day},
                 {"yesterday", "2026-11-23T12:00:00+01:00", day},
                 {"day before yesterday", "2026-11-22T12:00:00+01:00", day},
                 {"the day before yesterday 7:00", "2026-11-22T07:00:00+01:00"},
                 {"yesterday 9:00", "2026-11-23T09:00:00+01:00"},
                 {"yesterday 9am", "2026-11-23T09:00:00+01:00"},
                 {"yesterday at 9:00", "2026-11-23T09:00:00+01:00"},
                 {"Yesterday 09:00", "2026-11-23T09:00:00+01:00"},
                 {"9am yesterday", "2026-11-23T09:00:00+01:00"},
                 {"today at noon", "2026-11-24T12:00:00+01:00"},
                 {"this morning", "2026-11-24T09:00:00+01:00", part},
                 {"this afternoon", "2026-11-24T12:00:00+01:00", part},  // begun, its 15:00 not come: now
                 {"this evening", "error: the evening has not begun yet (it is 12:00)"},
                 {"tonight", "error: the night has not begun yet"},
                 {"last night", "2026-11-23T22:00:00+01:00", part},
                 {"yesterday morning", "2026-11-23T09:00:00+01:00", part},
                 {"yesterday evening", "2026-11-23T20:00:00+01:00", part},
                 {"2 hours ago", "2026-11-24T10:00:00+01:00"},
                 {"2h ago", "2026-11-24T10:00:00+01:00"},
                 {"an hour ago", "2026-11-24T11:00:00+01:00"},
                 {"30 min ago", "2026-11-24T11:30:00+01:00"},
                 {"1h30m ago", "2026-11-24T10:30:00+01:00"},
                 {"1 hour and 30 minutes ago", "2026-11-24T10:30:00+01:00"},
                 {"45s ago", "2026-11-24T11:59:15+01:00"},
                 {"3 days ago", "2026-11-21T12:00:00+01:00", day},
                 {"3d ago", "2026-11-21T12:00:00+01:00", day},
                 {"1w ago", "2026-11-17T12:00:00+01:00", day},
                 {"a week ago", "2026-11-17T12:00:00+01:00", day},
                 {"monday", "2026-11-23T12:00:00+01:00", day},
                 {"mon 8:00", "2026-11-23T08:00:00+01:00"},
                 {"last monday", "2026-11-23T12:00:00+01:00", day},
                 {"tuesday", "2026-11-24T12:00:00+01:00", day},  // today
                 {"last tuesday", "2026-11-17T12:00:00+01:00", day},
                 {"tue 13:00", "2026-11-17T13:00:00+01:00"},  // today's is later than now: a week back
                 {"sunday evening", "2026-11-22T20:00:00+01:00", part},
                 {"Nov 30", "2025-11-30T12:00:00+01:00", day},  // this year's is still to come
                 {"30 Nov", "2025-11-30T12:00:00+01:00", day},
                 {"nov 20", "2026-11-20T12:00:00+01:00", day},
                 {"20th november", "2026-11-20T12:00:00+01:00", day},
                 {"Nov 20 21:15", "2026-11-20T21:15:00+01:00"},
                 {"nov 20 2025", "2025-11-20T12:00:00+01:00", day},
                 {"Nov 20, 2025 at 8am", "2025-11-20T08:00:00+01:00"},
                 {"2026-11-20", "2026-11-20T12:00:00+01:00", day},
                 {"2026-11-20 9am", "2026-11-20T09:00:00+01:00"},
                 {"2026-11-20 at 9:00", "2026-11-20T09:00:00+01:00"},
                 {"2026-11-20 09:14", "2026-11-20T09:14:00+01:00"},
                 {"2026-11-20 morning", "2026-11-20T09:00:00+01:00", part},
                 {"2026-11-20T08:14:03Z", "2026-11-20T09:14:03+01:00"},
                 {"2026-11-20 09:14:03-05:00", "2026-11-20T15:14:03+01:00"},
             });
}

TEST_CASE("time phrases just after midnight: 23:30 is last night") {
  check_rows("2026-11-24T00:30:00+01:00", {
                                              {"23:30", "2026-11-23T23:30:00+01:00"},
                                              {"11:30pm", "2026-11-23T23:30:00+01:00"},
                                              {"0:15", "2026-11-24T00:15:00+01:00"},
                                              {"today", "2026-11-24T00:30:00+01:00", day},     // never after now
                                              {"tonight", "2026-11-23T22:00:00+01:00", part},  // still going on
                                              {"last night", "2026-11-23T22:00:00+01:00", part},
                                              {"this morning", "error: the morning has not begun yet"},
                                              {"noon", "2026-11-23T12:00:00+01:00"},
                                              {"yesterday 23:30", "2026-11-23T23:30:00+01:00"},
                                              {"today 23:30", "2026-11-24T23:30:00+01:00"},  // the caller refuses
                                              {"2 hours ago", "2026-11-23T22:30:00+01:00"},
                                          });
}

TEST_CASE("time phrases on a Monday") {
  check_rows("2026-11-23T10:00:00+01:00", {
                                              {"monday", "2026-11-23T10:00:00+01:00", day},
                                              {"mon 8:00", "2026-11-23T08:00:00+01:00"},
                                              {"mon 11:00", "2026-11-16T11:00:00+01:00"},
                                              {"last monday", "2026-11-16T12:00:00+01:00", day},
                                              {"last mon 9am", "2026-11-16T09:00:00+01:00"},
                                              {"sunday", "2026-11-22T12:00:00+01:00", day},
                                              {"last sunday", "2026-11-22T12:00:00+01:00", day},
                                              {"monday evening", "2026-11-16T20:00:00+01:00", part},
                                              {"Sat", "2026-11-21T12:00:00+01:00", day},
                                          });
}

TEST_CASE("time phrases across the daylight-saving changes of Europe/Berlin") {
  // 2026-10-25: 03:00 summer time becomes 02:00 again.
  check_rows("2026-10-25T12:00:00+01:00", {
                                              {"yesterday 9:00", "2026-10-24T09:00:00+02:00"},
                                              {"3 hours ago", "2026-10-25T09:00:00+01:00"},
                                              {"12 hours ago", "2026-10-25T01:00:00+02:00"},
                                              {"1 day ago", "2026-10-24T13:00:00+02:00", day},
                                              {"yesterday", "2026-10-24T12:00:00+02:00", day},
                                              {"this morning", "2026-10-25T09:00:00+01:00", part},
                                              {"last night", "2026-10-24T22:00:00+02:00", part},
                                              {"2:30", "2026-10-25T02:30:00+02:00"},  // twice: the earlier
                                          });
  InstantNotes notes;
  CHECK(format_timestamp(parse_instant("2:30", test::at("2026-10-25T12:00:00+01:00"), false, &notes)) ==
        "2026-10-25T02:30:00+02:00");
  CHECK(notes.ambiguous);
  CHECK(format_timestamp(notes.later) == "2026-10-25T02:30:00+01:00");
  // 2026-03-29: 02:00 winter time becomes 03:00.
  check_rows("2026-03-29T12:00:00+02:00", {
                                              {"1:30", "2026-03-29T01:30:00+01:00"},
                                              {"3:30", "2026-03-29T03:30:00+02:00"},
                                              {"this morning", "2026-03-29T09:00:00+02:00", part},
                                              {"last night", "2026-03-28T22:00:00+01:00", part},
                                              {"today", "2026-03-29T12:00:00+02:00", day},
                                              {"2 hours ago", "2026-03-29T10:00:00+02:00"},
                                              {"12 hours ago", "2026-03-28T23:00:00+01:00"},
                                              {"yesterday 12:00", "2026-03-28T12:00:00+01:00"},
                                          });
  CHECK(test::error_of([] {
          resolve_time_phrase("2:30", test::at("2026-03-29T12:00:00+02:00"), DayMeans::start);
        }).find("2026-03-29 02:30 does not exist in the local time zone") != std::string::npos);
}

TEST_CASE("a day means its first instant for --from and its last second for --to and --as-of") {
  check_rows("2026-11-24T12:00:00+01:00",
             {{"yesterday", "2026-11-23T00:00:00+01:00"},
              {"monday", "2026-11-23T00:00:00+01:00"},
              {"Nov 30", "2025-11-30T00:00:00+01:00"},
              {"2026-11-03", "2026-11-03T00:00:00+01:00"},
              {"last night", "2026-11-23T22:00:00+01:00", part}},
             DayMeans::start);
  check_rows("2026-11-24T12:00:00+01:00",
             {{"yesterday", "2026-11-23T23:59:59+01:00"}, {"2026-11-03", "2026-11-03T23:59:59+01:00"}}, DayMeans::end);
}

TEST_CASE("refused phrases say why and list the valid forms") {
  check_rows("2026-11-24T12:00:00+01:00", {
                                              {"tomorrow", "error: invalid time \"tomorrow\": not a form"},
                                              {"", "error: no time given"},
                                              {"25:00", "error: hour 25 does not exist (00 to 23)"},
                                              {"13pm", "error: with am or pm the hour is 1 to 12, not 13"},
                                              {"9:75", "error: minute 75 does not exist"},
                                              {"5x ago", "error: unknown unit \"x\""},
                                              {"2 ago", "error: expected a unit after 2"},
                                              {"ago", "error: expected how long ago"},
                                              {"feb 30", "error: day 30 does not exist in 2026-02"},
                                              {"yesterday banana", "error: not \"banana\""},
                                              {"yesterday at", "error: expected a time after at"},
                                              {"9am today now", "error: unexpected \"now\" after the time"},
                                              {"12:30:60", "error: comes only at 23:59:60"},
                                              {"2026-02-30", "error: day 30 does not exist in 2026-02"},
                                          });
  CHECK(is_time_phrase("yesterday 9am", test::at("2026-11-24T12:00:00+01:00")));
  CHECK_FALSE(is_time_phrase("dentist", test::at("2026-11-24T12:00:00+01:00")));
}

TEST_CASE("the table of forms lists every phrase the examples use, and they all parse") {
  const Timestamp now = test::at("2026-11-24T23:00:00+01:00");  // late, so that tonight and this evening have begun
  std::size_t examples = 0;
  for (const auto& form : time_phrase_forms()) {
    std::string_view list = form.examples;
    while (!list.empty()) {
      const auto comma = list.find(", ");
      const std::string example(list.substr(0, comma));
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 2);
      CAPTURE(example);
      CHECK_NOTHROW(resolve_time_phrase(example, now, DayMeans::representative));
      ++examples;
    }
  }
  CHECK(examples > 40);
  for (const auto& word : time_phrase_words()) CHECK_NOTHROW(resolve_time_phrase(word, now, DayMeans::start));
}

TEST_CASE("twitchlog(1) lists every form of the table and its examples") {
  std::string page = test::slurp(std::string(TWITCHLOG_SOURCE_DIR) + "/man/twitchlog.1");
  const auto section = page.find(".SH TIME PHRASES");
  REQUIRE(section != std::string::npos);
  page = page.substr(section, page.find("\n.SH ", section + 1) - section);
  for (auto& c : page) c = c == '\n' ? ' ' : c;  // lines wrap anywhere
  const auto roff = [](std::string_view text) {
    std::string out;
    for (const char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
  };
  for (const auto& form : time_phrase_forms()) {
    CAPTURE(form.form);
    CHECK(page.find(".B \"" + roff(form.form) + "\"") != std::string::npos);
    CHECK(page.find("For example: " + roff(form.examples) + ".") != std::string::npos);
  }
}
