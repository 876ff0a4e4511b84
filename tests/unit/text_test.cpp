#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "twitchlog/error.hpp"
#include "twitchlog/json.hpp"
#include "twitchlog/text.hpp"

using namespace twitchlog;

namespace {

// What parse_number must give for a well-formed decimal: from_chars' value,
// with -0 folded into 0.
double reference(const std::string& text) {
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  REQUIRE(ec == std::errc());
  REQUIRE(ptr == text.data() + text.size());
  return value == 0 ? 0.0 : value;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("parse_number rounds exactly as from_chars on every width") {
  for (const std::string text : {"0", "-0", "0.000", "-0.000", "1", "-1", "0.1", "0.3", "2.675", "123456789012345",
                                 "1234567890123456", "12345678901234567890", "0.123456789012345", "0.1234567890123456",
                                 "99999999999999.9", "9007199254740993", "-4.35", "1.005"}) {
    CAPTURE(text);
    const auto parsed = parse_number(text);
    REQUIRE(parsed.has_value());
    CHECK(same_bits(*parsed, reference(text)));
  }
  std::mt19937_64 random(20261125);
  for (int n = 0; n < 200000; ++n) {
    std::string text = random() % 4 == 0 ? "-" : "";
    const int int_digits = 1 + static_cast<int>(random() % 10);
    const int frac_digits = static_cast<int>(random() % 9);
    for (int d = 0; d < int_digits; ++d) text += static_cast<char>('0' + random() % 10);
    if (frac_digits > 0) {
      text += '.';
      for (int d = 0; d < frac_digits; ++d) text += static_cast<char>('0' + random() % 10);
    }
    CAPTURE(text);
    const auto parsed = parse_number(text);
    REQUIRE(parsed.has_value());
    REQUIRE(same_bits(*parsed, reference(text)));
  }
}

TEST_CASE("parse_number refuses what is not a plain decimal") {
  for (const std::string text : {"", "-", ".5", "5.", "1e3", "nan", "inf", "+1", "1.2.3", " 1", "1 ", "0x10", "--1"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_number(text).has_value());
  }
  CHECK_FALSE(parse_number(std::string(65, '1')).has_value());
}

TEST_CASE("for_each_comma_item gives what split_commas gives") {
  for (const std::string_view list : {"", "a", "a,,b", ",", "a,b,", "stress,caffeine"}) {
    CAPTURE(list);
    std::vector<std::string_view> items;
    for_each_comma_item(list, [&](std::string_view item) { items.push_back(item); });
    CHECK(items == split_commas(list));
  }
}

TEST_CASE("is_id takes lower-case letters, digits, - and _, not at the start") {
  CHECK(is_id("caffeine-limit"));
  CHECK(is_id("b12"));
  CHECK(is_id("9a_b"));
  CHECK_FALSE(is_id(""));
  CHECK_FALSE(is_id("-a"));
  CHECK_FALSE(is_id("_a"));
  CHECK_FALSE(is_id("Caffeine"));
  CHECK_FALSE(is_id("a b"));
  CHECK_FALSE(is_id("a\xc3\xa9"));
}

TEST_CASE("a diagnostic on a long line shows 60 characters either side of the caret") {
  Diagnostic d;
  d.file = "j.txt";
  d.line = 3;
  d.column = 301;
  d.message = "bad";
  d.excerpt = std::string(300, 'a') + "X" + std::string(300, 'b');
  const std::string shown = d.render();
  const std::string ellipsis = "\u2026";
  CHECK(shown == "j.txt:3:301: error: bad\n 3 | " + ellipsis + std::string(60, 'a') + "X" + std::string(59, 'b') +
                     ellipsis + "\n   | " + std::string(61, ' ') + "^");
  d.excerpt = "short X line";
  d.column = 7;
  CHECK(d.render() == "j.txt:3:7: error: bad\n 3 | short X line\n   |       ^");
}

TEST_CASE("printable escapes C1, bidi and zero-width characters visibly, and is idempotent") {
  CHECK(printable("a\xc2\x9b"
                  "31mRED \xe2\x80\xae"
                  "evil") == "a\\u{9b}31mRED \\u{202e}evil");
  CHECK(printable("\xe2\x80\x8b\xe2\x80\x8c\xe2\x80\x8d\xef\xbb\xbf") == "\\u{200b}\\u{200c}\\u{200d}\\u{feff}");
  CHECK(printable("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9") == "\\u{202a}\\u{2066}\\u{2069}");
  CHECK(printable("\x1b]0;PWNED\x07") == "\\x1b]0;PWNED\\x07");
  // Neighbours of the escaped ranges stay as they are.
  CHECK(printable("\xc2\xa0\xe2\x80\x8a\xe2\x80\x8e\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa") ==
        "\xc2\xa0\xe2\x80\x8a\xe2\x80\x8e\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa");
  CHECK(printable("café ☕ שלום") == "café ☕ שלום");
  for (const std::string text : {"\x1b[31m\xc2\x85\xe2\x80\xae", "a\\b", "bad \xff\xfe", "\xe2\x80"}) {
    CAPTURE(text);
    CHECK(printable(printable(text)) == printable(text));
  }
  CHECK(find_c1_control("ok \xc2\xa0") == std::nullopt);
  CHECK(find_c1_control("x\xc2\x85") == std::optional<std::size_t>(1));
}

TEST_CASE("quoted escapes once: an escape sequence is not doubled, a backslash of the text is") {
  CHECK(quoted("\x1b]0;x") == "\"\\x1b]0;x\"");
  CHECK(quoted("a\\b") == "\"a\\\\b\"");
  CHECK(quoted("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(quoted("\xe2\x80\xae") == "\"\\u{202e}\"");
}

TEST_CASE("JSON strings escape C1, bidi and zero-width characters as \\u sequences") {
  CHECK(json_string("a\xc2\x9b"
                    "b\xe2\x80\xae"
                    "c\xef\xbb\xbf\xe2\x80\x8b") == "\"a\\u009bb\\u202ec\\ufeff\\u200b\"");
  CHECK(json_string("café ☕") == "\"café ☕\"");
}
