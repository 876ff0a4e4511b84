#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "twitchlog/error.hpp"
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
