// The journal model: one interpretation of every line, shared by every command.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/check.hpp"
#include "twitchlog/model.hpp"

using namespace twitchlog;

namespace {

test::Collected read(const std::string& text, JournalRead* out = nullptr) {
  test::Collected sink;
  JournalRead r = read_journal_text(text, "j.txt", test::fixture_rules(), test::fixture_now(), sink);
  if (out != nullptr) *out = std::move(r);
  return sink;
}

}  // namespace

TEST_CASE("a twitch without where is in the rules' default area, not a built-in one") {
  test::Journal j;
  j.twitch(1).twitch(1, "where=eye");
  const auto seen = read(j.text());
  REQUIRE(seen.entries.size() == 2);
  CHECK(seen.entries[0].area == "lip");
  CHECK(seen.entries[1].area == "eye");
}

TEST_CASE("an invalid entry is left out and is an error; a warning keeps the entry") {
  test::Journal j;
  j.twitch(1, "severity=7")                 // error: out of range
      .twitch(1, "severity=3 tags=Coffee")  // error: not an id
      .checkin(1, "coffee=4 rest=6,5")      // error: not a number
      .checkin(1, "coffee=40")              // error: out of range
      .twitch(1, "where=knee")              // warning: an area of its own
      .checkin(1, "coffee=2 mood=3");       // warning: unknown factor, ignored
  JournalRead r;
  const auto seen = read(j.text(), &r);
  CHECK(r.errors == 4);
  CHECK(r.warnings == 2);
  CHECK_FALSE(r.clean());
  REQUIRE(seen.entries.size() == 2);
  CHECK(seen.entries[0].area == "knee");
  CHECK(seen.entries[1].kind == Kind::checkin);
  // check agrees line by line.
  const auto report = check_journal_text(j.text(), "j.txt", test::fixture_rules(), test::fixture_now());
  CHECK(report.errors == r.errors);
  CHECK(report.warnings == r.warnings);
}

TEST_CASE("entries after now are left out; an entry dated after today but not after now counts as today") {
  // The case: logged at +14:00 on the 25th, which is 18:00Z on the 24th, before now (19:00Z).
  const Timestamp now = test::at("2026-11-24T20:00:00+01:00");
  test::Journal j(now.day());
  j.twitch(-1, "severity=2", "09:00:00");  // tomorrow: after now
  j.line("2026-11-25T08:00:00+14:00 twitch severity=4 flags=droop");
  test::Collected seen;
  const JournalRead r = read_journal_text(j.text(), "j.txt", test::fixture_rules(), now, seen);
  REQUIRE(seen.entries.size() == 1);
  CHECK(seen.entries[0].day == now.day());
  CHECK(r.warnings == 1);  // the one after now
}

TEST_CASE("a retract takes back the entries of its kind at that instant, and a retract of it restores them") {
  test::Journal j;
  j.twitch(2, "severity=2", "09:00:00").twitch(1, "severity=3", "09:00:00").remedy(1, "nap", "09:00:00");
  const std::string t1 = j.stamp(1, "09:00:00");
  j.at(0, "retract of=" + t1 + " kind=twitch note=mistake", "08:00:00");
  {
    JournalRead r;
    const auto seen = read(j.text(), &r);
    CHECK(seen.restarts == 1);
    CHECK(r.retracted == 1);
    REQUIRE(seen.entries.size() == 3);  // twitch 2 days ago, the remedy, the retract
    CHECK(seen.entries[0].day == test::fixture_now().day() - 2);
    CHECK(seen.entries[1].kind == Kind::remedy);  // same instant, other kind: kept
    CHECK(seen.entries[2].kind == Kind::retract);
  }
  j.at(0, "retract of=" + j.stamp(0, "08:00:00") + " kind=retract", "08:30:00");
  {
    JournalRead r;
    const auto seen = read(j.text(), &r);
    CHECK(r.retracted == 1);          // the first retract itself
    CHECK(seen.entries.size() == 4);  // both twitches, the remedy, the second retract
  }
}

TEST_CASE("retracts that cannot take anything back are reported and inert") {
  test::Journal j;
  j.twitch(1, "severity=2", "09:00:00");
  j.at(1, "retract of=" + j.stamp(0, "09:00:00") + " kind=twitch", "08:00:00");   // of after the retract
  j.at(1, "retract of=" + j.stamp(1, "10:00:00") + " kind=retract", "10:00:00");  // a retract of itself
  j.at(0, "retract of=" + j.stamp(3, "09:00:00") + " kind=twitch", "08:00:00");   // matches nothing
  j.at(0, "retract of=yesterday kind=twitch", "08:10:00");                        // error
  JournalRead r;
  const auto seen = read(j.text(), &r);
  CHECK(r.errors == 1);
  CHECK(r.warnings == 3);
  CHECK(r.retracted == 0);
  CHECK(seen.entries.size() == 4);  // the twitch and three (inert) retracts
  bool unmatched = false;
  for (const auto& d : r.diagnostics) unmatched = unmatched || d.message.find("matches no twitch") != std::string::npos;
  CHECK(unmatched);
}

TEST_CASE("triage answers: flags counts as yes; sudden counts as yes unless unsure") {
  test::Journal j;
  j.at(0, "triage level=gp flags=moving no=bite sudden=droop", "08:00:00");
  j.at(0, "triage level=now unsure=droop sudden=droop", "08:05:00");
  struct Answers : EntrySink {
    std::vector<std::size_t> yes, no, unsure;
    void on_entry(const TypedEntry& e) override {
      yes.push_back(e.yes.size());
      no.push_back(e.no.size());
      unsure.push_back(e.unsure.size());
    }
    void restart() override {}
  } sink;
  read_journal_text(j.text(), "j.txt", test::fixture_rules(), test::fixture_now(), sink);
  REQUIRE(sink.yes.size() == 2);
  CHECK(sink.yes[0] == 2);  // moving, droop
  CHECK(sink.no[0] == 1);
  CHECK(sink.yes[1] == 0);
  CHECK(sink.unsure[1] == 1);
}

TEST_CASE("approx, visit and note") {
  test::Journal j;
  j.twitch(1, "approx=day").at(1, "visit note=\"GP: nothing serious\"").twitch(1, "approx=week");
  JournalRead r;
  const auto seen = read(j.text(), &r);
  CHECK(seen.entries.size() == 2);
  CHECK(r.errors == 1);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].message == "approx must be day or part, not \"week\"");
}

TEST_CASE("diagnostics are counted beyond those kept") {
  std::string text = "# twitchlog journal v1\n";
  for (int i = 0; i < 50; ++i) text += "garbage line\n";
  test::Collected sink;
  ReadOptions options;
  options.keep_diagnostics = 5;
  const auto r = read_journal_text(text, "j.txt", test::fixture_rules(), test::fixture_now(), sink, options);
  CHECK(r.errors == 50);
  CHECK(r.diagnostics.size() == 5);
}

TEST_CASE("an approximate entry of today whose stand-in time is later than now counts, at now") {
  // now is 10:00; "today" was logged with approx=day at a stand-in 12:00.
  test::Journal j;
  j.twitch(0, "severity=2 approx=day flags=droop", "12:00:00");
  j.twitch(-1, "severity=2 approx=day", "12:00:00");  // tomorrow: still after now
  struct Times : EntrySink {
    std::vector<std::int64_t> at;
    void on_entry(const TypedEntry& e) override { at.push_back(e.time.unix_seconds); }
    void restart() override { at.clear(); }
  } sink;
  const JournalRead r = read_journal_text(j.text(), "j.txt", test::fixture_rules(), test::fixture_now(), sink);
  REQUIRE(sink.at.size() == 1);
  CHECK(sink.at[0] == test::fixture_now().unix_seconds);
  CHECK(r.warnings == 1);  // only tomorrow's is "in the future"
}
