// last, undo, retract: what they find in a journal.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/correct.hpp"

using namespace twitchlog;

namespace {

CorrectionFindings find(const std::string& text, const CorrectionQuery& q) {
  return find_for_correction_text(text, "j.txt", test::fixture_rules(), test::fixture_now(), q);
}

}  // namespace

TEST_CASE("last keeps the newest N by time, oldest first, whatever the order of the lines") {
  test::Journal j;
  j.twitch(1, "severity=1", "09:00:00").twitch(3, "severity=3", "09:00:00").twitch(0, "severity=4", "08:00:00");
  j.twitch(2, "severity=2", "09:00:00");
  CorrectionQuery q;
  q.newest = 2;
  const auto f = find(j.text(), q);
  REQUIRE(f.newest.size() == 2);
  CHECK(f.newest[0].raw.ends_with("severity=1"));
  CHECK(f.newest[1].raw.ends_with("severity=4"));
}

TEST_CASE("undo's target is the last entry line in force that is not a retract") {
  test::Journal j;
  j.twitch(2, "severity=1").remedy(1, "nap").twitch(3, "severity=3");  // written last, though oldest
  CHECK(find(j.text(), {}).last_written->line == 4);
  j.at(0, "retract of=" + j.stamp(3) + " kind=twitch", "08:00:00");
  const auto f = find(j.text(), {});
  REQUIRE(f.last_written);
  CHECK(f.last_written->line == 3);  // the remedy: the retract and what it took back are skipped
  CHECK(f.last_written->kind == Kind::remedy);
}

TEST_CASE("retracted entries are shown only when asked, marked") {
  test::Journal j;
  j.twitch(1, "severity=1").twitch(0, "severity=2", "08:00:00");
  j.at(0, "retract of=" + j.stamp(1) + " kind=twitch", "09:00:00");
  CorrectionQuery q;
  q.newest = 10;
  CHECK(find(j.text(), q).newest.size() == 2);  // the second twitch and the retract
  q.include_retracted = true;
  const auto all = find(j.text(), q);
  REQUIRE(all.newest.size() == 3);
  CHECK(all.newest[0].retracted);
  q.kind = Kind::twitch;
  CHECK(find(j.text(), q).newest.size() == 2);
}

TEST_CASE("the entries at an instant, every kind, in force only") {
  test::Journal j;
  j.twitch(1, "severity=1", "09:30:00").remedy(1, "nap", "09:30:00").twitch(1, "severity=2", "09:31:00");
  CorrectionQuery q;
  q.at = test::at(j.stamp(1, "09:30:00")).unix_seconds;
  const auto f = find(j.text(), q);
  REQUIRE(f.at.size() == 2);
  CHECK(f.at[0].kind == Kind::twitch);
  CHECK(f.at[1].kind == Kind::remedy);
}

TEST_CASE("the retract line and the fields of a line") {
  const std::string line =
      retract_line(test::at("2026-11-24T09:30:00+01:00"), Kind::twitch, test::at("2026-11-24T10:00:00+01:00"), "oops");
  CHECK(line == "2026-11-24T10:00:00+01:00 retract of=2026-11-24T09:30:00+01:00 kind=twitch note=oops");
  CHECK(fields_text(line) == "of=2026-11-24T09:30:00+01:00 kind=twitch note=oops");
  CHECK(fields_text("2026-11-24T10:00:00+01:00 note") == "");
}
