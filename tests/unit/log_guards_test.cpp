// The guards of `log` (prepare_log_request) followed by build_entry, as the CLI runs them.
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

// The entry written, after the notes for stderr joined with " | ".
std::string logged(LogRequest request) {
  const auto notes = prepare_log_request(request, rules(), kNow);
  std::string out = build_entry(request, rules(), kNow);
  for (const auto& n : notes) out += " | " + n;
  return out;
}

std::string refused(LogRequest request) {
  return test::error_of([&] { prepare_log_request(request, rules(), kNow); });
}

}  // namespace

TEST_CASE("a leading time phrase and a colon is the time of the entry") {
  LogRequest r;
  r.words = {"yesterday", "9am:", "lip", "twitching"};
  CHECK(logged(r) == "2026-11-23T09:00:00+01:00 twitch note=\"lip twitching\"");
  LogRequest at_colon;
  at_colon.words = {"yesterday 9:15: after lunch"};
  CHECK(logged(at_colon) == "2026-11-23T09:15:00+01:00 twitch note=\"after lunch\"");
  LogRequest morning;
  morning.words = {"this morning: at the desk"};
  CHECK(logged(morning) == "2026-11-24T09:00:00+01:00 twitch note=\"at the desk\" approx=part");
  LogRequest not_a_time;
  not_a_time.words = {"dentist: call on Friday"};
  CHECK(logged(not_a_time) == "2026-11-24T10:00:00+01:00 twitch note=\"dentist: call on Friday\"");
  LogRequest with_at;  // --at wins; the words stay the note
  with_at.at = "9:00";
  with_at.words = {"yesterday: x"};
  CHECK(logged(with_at) == "2026-11-24T09:00:00+01:00 twitch note=\"yesterday: x\"");
}

TEST_CASE("check-in values need --checkin; words after them are refused") {
  LogRequest r;
  r.words = {"Caffeine=3", "tired"};
  CHECK(refused(r) == "caffeine=3 is a check-in value; a check-in needs --checkin: twitchlog log --checkin caffeine=3");
  LogRequest other;  // a key that is no factor is just a note
  other.words = {"mood=3"};
  CHECK(logged(other) == "2026-11-24T10:00:00+01:00 twitch note=\"mood=3\"");
  LogRequest after;
  after.checkin = true;
  after.words = {"caffeine=3", "stress"};
  CHECK(refused(after).starts_with("\"stress\" after the check-in values is not KEY=VALUE"));
  LogRequest before;
  before.checkin = true;
  before.words = {"tired", "Caffeine=3"};
  CHECK(logged(before) == "2026-11-24T10:00:00+01:00 checkin caffeine=3 note=tired");
}

TEST_CASE("ids lower-cased, durations as typed, --note with --remedy, tag typos") {
  LogRequest r;
  r.tags = {"Espresso,EXAM"};
  r.side = "Left";
  r.where = "Eyelid";
  r.flags = {"Chewing"};
  r.duration = "45";
  CHECK(logged(r) ==
        "2026-11-24T10:00:00+01:00 twitch duration=45s where=eyelid side=left tags=espresso,exam "
        "flags=chewing");
  for (const auto& [typed, stored] : {std::pair{"2 min", "2m"}, std::pair{"1m30s", "1m30s"},
                                      std::pair{"1 minute 30 seconds", "1m30s"}, std::pair{"90 sec", "1m30s"}}) {
    LogRequest d;
    d.duration = typed;
    CAPTURE(typed);
    CHECK(logged(d) == std::string("2026-11-24T10:00:00+01:00 twitch duration=") + stored);
  }
  LogRequest bad;
  bad.duration = "a while";
  CHECK(refused(bad).starts_with("-d/--duration \"a while\": "));
  LogRequest remedy;
  remedy.remedy = "Magnesium";
  remedy.note = "with dinner";
  CHECK(logged(remedy) == "2026-11-24T10:00:00+01:00 remedy id=magnesium note=\"with dinner\"");
  LogRequest typo;
  typo.tags = {"coffe,deadline"};
  const std::string out = logged(typo);
  CHECK(out.starts_with("2026-11-24T10:00:00+01:00 twitch tags=coffe,deadline | "));
  CHECK(out.find("tag \"coffe\" is not one the rules know; did you mean coffee?") != std::string::npos);
  CHECK(out.find("deadline") == out.rfind("deadline"));  // no note for a tag far from every known one
}
