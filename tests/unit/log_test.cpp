#include <doctest/doctest.h>

#include "helpers.hpp"
#include "twitchlog/log.hpp"

using namespace twitchlog;

namespace {

const RuleSet& rules() {
  static const RuleSet r = load_builtin_rules();
  return r;
}

const Timestamp kNow = test::at("2026-11-24T10:00:00+01:00");

std::string entry(const LogRequest& request) { return build_entry(request, rules(), kNow); }

std::string error(const LogRequest& request) {
  return test::error_of([&] { build_entry(request, rules(), kNow); });
}

LogRequest checkin(std::vector<std::string> words) {
  LogRequest r;
  r.checkin = true;
  r.words = std::move(words);
  return r;
}

}  // namespace

TEST_CASE("a twitch with every option") {
  LogRequest r;
  r.severity = "3";
  r.duration = "45s";
  r.tags = {"espresso", "exam,late"};
  r.words = {"after the third espresso"};
  CHECK(entry(r) ==
        "2026-11-24T10:00:00+01:00 twitch severity=3 duration=45s tags=espresso,exam,late note=\"after the third "
        "espresso\"");
  LogRequest e;
  e.where = "eyelid";
  e.side = "left";
  e.flags = {"chewing"};
  e.at = "yesterday 22:30";
  CHECK(entry(e) == "2026-11-23T22:30:00+01:00 twitch where=eyelid side=left flags=chewing");
  CHECK(entry(LogRequest{}) == "2026-11-24T10:00:00+01:00 twitch");
}

TEST_CASE("durations are written in their canonical form, repeats of a tag once") {
  LogRequest r;
  r.duration = "90s";
  r.tags = {"a", "a,b"};
  CHECK(entry(r) == "2026-11-24T10:00:00+01:00 twitch duration=1m30s tags=a,b");
}

TEST_CASE("check-ins, from words and from standard input") {
  CHECK(entry(checkin({"caffeine=3", "sleep=6.5", "stress=4", "water=1.2"})) ==
        "2026-11-24T10:00:00+01:00 checkin caffeine=3 sleep=6.5 stress=4 water=1.2");
  CHECK(entry(checkin({"sleep=07.50", "long", "day"})) ==
        "2026-11-24T10:00:00+01:00 checkin sleep=7.5 note=\"long day\"");
  CHECK(entry(checkin({"caffeine=0", "note=ok"})) == "2026-11-24T10:00:00+01:00 checkin caffeine=0 note=ok");
  LogRequest r = checkin({"-"});
  r.standard_input = "caffeine=2 sleep=7\nnote=\"slept \\\"well\\\"\"\n";
  CHECK(entry(r) == "2026-11-24T10:00:00+01:00 checkin caffeine=2 sleep=7 note=\"slept \\\"well\\\"\"");
  r.standard_input = "caffeine=2\r\nsleep=7\r\n";  // Windows line ends
  CHECK(entry(r) == "2026-11-24T10:00:00+01:00 checkin caffeine=2 sleep=7");
}

TEST_CASE("remedies and notes") {
  LogRequest r;
  r.remedy = "magnesium";
  r.dose = "400mg";
  CHECK(entry(r) == "2026-11-24T10:00:00+01:00 remedy id=magnesium dose=400mg");
  LogRequest n;
  n.note = "dentist on Friday";
  CHECK(entry(n) == "2026-11-24T10:00:00+01:00 note text=\"dentist on Friday\"");
  LogRequest words;
  words.note = "dentist";
  words.words = {"on", "Friday"};
  CHECK(entry(words) == "2026-11-24T10:00:00+01:00 note text=\"dentist on Friday\"");
  LogRequest piped;
  piped.note = "-";
  piped.standard_input = "line one\nline two\n";
  CHECK(entry(piped) == "2026-11-24T10:00:00+01:00 note text=\"line one\\nline two\"");
}

TEST_CASE("bad input: one message naming the problem and the valid choices") {
  CHECK(error(checkin({"coffee=3"})) ==
        "unknown factor \"coffee\"; valid: caffeine, sleep, stress, water, alcohol (and note=TEXT)");
  CHECK(error(checkin({"caffeine=25"})) == "caffeine 25 is out of range: 0 to 20 (cups/day)");
  CHECK(error(checkin({"caffeine=-1"})) == "caffeine -1 is out of range: 0 to 20 (cups/day)");
  CHECK(error(checkin({"sleep=6,5"})) ==
        "sleep must be a number such as 3 or 6.5, not \"6,5\" (use a dot for decimals)");
  CHECK(error(checkin({"sleep=nan"})) == "sleep must be a number such as 3 or 6.5, not \"nan\"");
  CHECK(error(checkin({"sleep=1e999"})) == "sleep must be a number such as 3 or 6.5, not \"1e999\"");
  CHECK(error(checkin({"stress=3.5"})) == "stress must be a whole number from 1 to 5, not 3.5");
  CHECK(error(checkin({"caffeine=1", "caffeine=2"})) == "caffeine is given twice");
  CHECK(error(checkin({})) == "a check-in needs at least one value: caffeine=N, sleep=N, stress=N, water=N, alcohol=N");
  LogRequest bad_stdin = checkin({"-"});
  bad_stdin.standard_input = "caffeine=\"3";
  CHECK(error(bad_stdin) == "standard input, column 10: unterminated quoted value: the closing '\"' is missing");

  LogRequest r;
  r.remedy = "magnesum";
  CHECK(error(r).starts_with("unknown remedy \"magnesum\" (did you mean magnesium?); valid: hydration, facial-yoga, "));
  LogRequest s;
  s.severity = "7";
  CHECK(error(s) == "-s/--severity must be a whole number from 1 (faint) to 5 (strong), not \"7\"");
  LogRequest d;
  d.duration = "45";
  CHECK(error(d) == "-d/--duration \"45\": expected a unit after 45: d, h, m or s");
  LogRequest w;
  w.where = "knee";
  CHECK(error(w).starts_with("--where: unknown area \"knee\"; valid: lower-lip, upper-lip, "));
  LogRequest side;
  side.side = "middle";
  CHECK(error(side) == "--side: unknown side \"middle\"; valid: left, right, both");
  LogRequest flag;
  flag.flags = {"itchy"};
  CHECK(error(flag).starts_with("--flag: unknown id \"itchy\"; valid: stroke-signs, "));
  LogRequest tag;
  tag.tags = {"Espresso"};
  CHECK(error(tag) == "-t/--tag: \"Espresso\" is not a valid id; use lowercase letters, digits, '-' and '_'");
  LogRequest empty_tag;
  empty_tag.tags = {"a,,b"};
  CHECK(error(empty_tag) == "-t/--tag: \"\" is not a valid id; use lowercase letters, digits, '-' and '_'");
  LogRequest future;
  future.at = "2026-11-25";
  CHECK(error(future) ==
        "--at \"2026-11-25\" is in the future (now is 2026-11-24T10:00:00+01:00); entries record what has happened");
  LogRequest later;
  later.at = "today 10:01";  // a bare 10:01 would be yesterday's
  CHECK(error(later).starts_with("--at \"today 10:01\" is in the future"));
  LogRequest bad_at;
  bad_at.at = "2026-02-30";
  CHECK(error(bad_at).starts_with("--at: invalid time \"2026-02-30\": day 30 does not exist in 2026-02"));
  LogRequest control;
  control.words = {"bell\a"};
  CHECK(error(control) == "note contains the control character U+0007; only tab and newline may stand in text");
  LogRequest utf8;
  utf8.words = {"\xff"};
  CHECK(error(utf8) == "note is not valid UTF-8 (byte 1 of it)");
  LogRequest two_modes = checkin({"caffeine=1"});
  two_modes.note = "x";
  CHECK(error(two_modes) ==
        "choose one of --checkin, --remedy, --note and --visit (with none of them, the entry is a twitch)");
  LogRequest misplaced = checkin({"caffeine=1"});
  misplaced.severity = "3";
  CHECK(error(misplaced) == "-s/--severity does not apply to checkin entries");
  LogRequest dose;
  dose.dose = "400mg";
  CHECK(error(dose) == "--dose does not apply to twitch entries");
  LogRequest empty_note;
  empty_note.note = "";
  CHECK(error(empty_note) == "--note needs some text");
}

TEST_CASE("now and the past are fine, at any --at form") {
  for (const char* at :
       {"now", "09:59", "yesterday 23:59", "2h ago", "2026-11-24", "2026-11-24 09:00", "2026-11-24T08:59:59Z"}) {
    LogRequest r;
    r.at = at;
    CHECK_MESSAGE(error(r).empty(), at);
  }
}
