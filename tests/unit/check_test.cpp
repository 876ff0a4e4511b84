#include <doctest/doctest.h>

#include "helpers.hpp"
#include "twitchlog/check.hpp"

using namespace twitchlog;

namespace {

std::vector<std::string> check(const std::string& text) {
  static const RuleSet rules = load_builtin_rules();
  const auto report = check_journal_text(text, "j.txt", rules, test::at("2026-11-24T10:00:00+01:00"));
  std::vector<std::string> out;
  for (const auto& d : report.diagnostics) out.push_back(d.render());
  return out;
}

std::string one(const std::string& line) {
  const auto all = check("# twitchlog journal v1\n" + line + "\n");
  REQUIRE_MESSAGE(all.size() == 1, line);
  return all.front();
}

const std::string kTs = "2026-11-03T09:14:03+01:00 ";

}  // namespace

TEST_CASE("a clean journal has no diagnostics") {
  CHECK(check("# twitchlog journal v1\n" + kTs +
              "twitch severity=3 duration=45s where=lower-lip side=left tags=espresso\n" + kTs +
              "checkin caffeine=4 sleep=5.5 stress=4 water=1.2 note=x\n" + kTs + "remedy id=magnesium dose=400mg\n" +
              kTs + "note text=\"dentist on Friday\"\n" + kTs + "triage level=doctor flags=chewing\n")
            .empty());
}

TEST_CASE("errors and warnings carry FILE:LINE:COL, the line and a caret") {
  CHECK(one(kTs + "twitch severity=7") ==
        "j.txt:2:43: error: severity must be a whole number from 1 to 5, not \"7\"\n"
        " 2 | 2026-11-03T09:14:03+01:00 twitch severity=7\n"
        "   |                                           ^");
  CHECK(one("2026-11-03T09:14:03 twitch") ==
        "j.txt:2:20: error: expected a UTC offset: Z, +HH:MM or -HH:MM (expected an RFC 3339 timestamp like "
        "2026-11-03T09:14:03+01:00)\n"
        " 2 | 2026-11-03T09:14:03 twitch\n"
        "   |                    ^");
}

TEST_CASE("field rules of each kind") {
  CHECK(one(kTs + "twitch duration=30m1h").starts_with("j.txt:2:47: error: bad duration \"30m1h\": units must come"));
  CHECK(one(kTs + "twitch side=middle").starts_with("j.txt:2:39: error: side must be left, right or both"));
  CHECK(one(kTs + "twitch where=knee")
            .starts_with("j.txt:2:40: warning: unknown area \"knee\": not in the built-in rules (no rule file of "
                         "yours is in force); to use it, add an entry [[area]] with id = \"knee\" to a rule file that "
                         "starts with extends = \"builtin\" (twitchlog-rules(5)); it counts as an area of its own "
                         "(valid: lower-lip"));
  CHECK(one(kTs + "twitch tags=a,,b").starts_with("j.txt:2:39: error: tags holds \"\", which is not an id"));
  CHECK(one(kTs + "twitch flags=itchy")
            .starts_with("j.txt:2:40: warning: unknown red flag \"itchy\": not in the built-in rules (no rule file "
                         "of yours is in force); to use it, add an entry [[red_flag]] with id = \"itchy\" to"));
  CHECK(one(kTs + "twitch flags=itchy").find("; valid: stroke-signs, ") != std::string::npos);
  CHECK(one(kTs + "twitch mood=bad").starts_with("j.txt:2:34: warning: unknown key \"mood\" for a twitch entry"));
  CHECK(one(kTs + "checkin caffeine=lots").starts_with("j.txt:2:44: error: caffeine must be a number"));
  CHECK(one(kTs + "checkin sleep=25").starts_with("j.txt:2:41: error: sleep 25 is outside its range 0 to 24"));
  CHECK(one(kTs + "checkin stress=2.5").starts_with("j.txt:2:42: error: stress must be a whole number"));
  CHECK(one(kTs + "checkin mood=3").starts_with("j.txt:2:35: warning: unknown factor \"mood\""));
  CHECK(one(kTs + "checkin note=x").starts_with("j.txt:2:27: warning: check-in without any factor value"));
  CHECK(one(kTs + "remedy dose=1").starts_with("j.txt:2:27: error: remedy entry without id= (the remedy taken)"));
  CHECK(one(kTs + "remedy id=prayer").starts_with("j.txt:2:37: warning: unknown remedy \"prayer\""));
  CHECK(one(kTs + "triage flags=chewing").starts_with("j.txt:2:27: error: triage entry without level="));
  CHECK(one(kTs + "triage level=panic").starts_with("j.txt:2:40: warning: unknown level \"panic\""));
  CHECK(one(kTs + "note").starts_with("j.txt:2:27: error: note entry without text="));
  CHECK(one(kTs + "sneeze").starts_with("j.txt:2:27: warning: unknown kind \"sneeze\"; computations skip it"));
  CHECK(one("2026-12-01T09:00:00+01:00 twitch").starts_with("j.txt:2:1: warning: entry is in the future"));
  CHECK(one(kTs + "twitch  severity=2").starts_with("j.txt:2:1: warning: extra spaces or tabs"));
}

TEST_CASE("a torn last line is an error; another format version too") {
  const auto torn = check("# twitchlog journal v1\n" + kTs + "twitch\n" + kTs + "twi");
  REQUIRE(torn.size() == 1);
  CHECK(torn[0].starts_with("j.txt:3:30: error: the last line has no newline at its end"));
  const auto v2 = check("# twitchlog journal v2\n");
  REQUIRE(v2.size() == 1);
  CHECK(v2[0].starts_with(
      "j.txt:1:1: error: this twitchlog reads journal format v1; the header says \"twitchlog journal v2\""));
}

TEST_CASE("control characters never reach the terminal through an excerpt") {
  const auto all = check(kTs + "note text=\x1b[2Jhi\n");
  REQUIRE(all.size() == 1);
  CHECK(all[0].find('\x1b') == std::string::npos);
  CHECK(all[0].find("\\x1b[2Jhi") != std::string::npos);
}
