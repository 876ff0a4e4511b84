// What the unit tests of triage, advise and report build on: a small rule
// set written here (not data/rules.toml, so that editing the shipped rules
// breaks no C++ test), and one way to write journals for them.
//
// The fixture rules differ from the shipped ones on purpose: the default
// area is "lip", not "lower-lip"; the windows are short; there are two
// factors of each risk side. A test that passes with them proves that the
// code reads the rules rather than knowing the shipped values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "twitchlog/model.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace test {

/// The text of the fixture rule file.
extern const char* const kFixtureRulesText;

/// The fixture rules, loaded once.
const twitchlog::RuleSet& fixture_rules();

/// "Now" of the fixtures: 2026-11-24T10:00:00+01:00, a Tuesday (TZ is CET in the tests).
twitchlog::Timestamp fixture_now();

/// Builds a journal text, line by line, relative to a day "today".
class Journal {
 public:
  explicit Journal(std::int64_t today = fixture_now().day(), std::string offset = "+01:00")
      : today_(today), offset_(std::move(offset)) {}

  /// An entry `days_ago` days before today at `clock` (HH:MM:SS): "KIND FIELDS".
  Journal& at(int days_ago, const std::string& rest, const std::string& clock = "09:00:00");
  /// Shorthands for the kinds.
  Journal& twitch(int days_ago, const std::string& fields = "severity=2", const std::string& clock = "09:00:00") {
    return at(days_ago, fields.empty() ? "twitch" : "twitch " + fields, clock);
  }
  Journal& checkin(int days_ago, const std::string& fields, const std::string& clock = "21:00:00") {
    return at(days_ago, "checkin " + fields, clock);
  }
  Journal& remedy(int days_ago, const std::string& id, const std::string& clock = "08:00:00") {
    return at(days_ago, "remedy id=" + id, clock);
  }
  /// Twitches every day from `from` days ago to `to` days ago, `per_day` each.
  Journal& daily(int from, int to, int per_day = 1, const std::string& fields = "severity=2");
  /// A raw line, as is.
  Journal& line(const std::string& raw);

  /// The timestamp text of `days_ago` at `clock`.
  std::string stamp(int days_ago, const std::string& clock = "09:00:00") const;
  /// The journal text, with its header.
  std::string text() const;

 private:
  std::int64_t today_;
  std::string offset_;
  std::vector<std::string> lines_;
};

/// Collects the typed entries of a reading (copies of the parts tests look at).
struct Collected : twitchlog::EntrySink {
  struct Seen {
    std::uint64_t line;
    twitchlog::Kind kind;
    std::int64_t day;
    std::string area;
    std::vector<std::string> tags;
  };
  std::vector<Seen> entries;
  int restarts = 0;
  void on_entry(const twitchlog::TypedEntry& e) override;
  void restart() override {
    entries.clear();
    ++restarts;
  }
};

}  // namespace test
