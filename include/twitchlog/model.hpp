// The journal model: what each entry means, decided once for every command.
//
// The line reader (journal.hpp) splits a line into a timestamp, a kind and
// fields. This module interprets those by the contract and the rule set, the
// same rules `twitchlog check` applies: an entry either is valid and becomes
// one TypedEntry that triage, advise, report and export all read the same
// way, or it is an error Diagnostic that every command reports the same way
// (and `--strict` fails on). Warnings (an unknown id, an unknown key, an
// entry after "now") leave the entry valid with the unknown part ignored.
//
// Retracted entries are gone from the model; so are entries after "now" and
// entries of an unknown kind. The day of an entry is its written date, or
// today when the date is after today although the instant is not after now.
// One streaming pass feeds the sinks; when a retract is in force the pass
// runs once more with those entries left out (EntrySink::restart), so memory
// stays bounded by what the sinks keep, never by the lines.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/names.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

/// How precisely the time of an entry is known (the `approx` field).
enum class Approx : std::uint8_t { exact, day, part };
inline constexpr auto kApproxNames = make_names<Approx>({{Approx::day, "day"}, {Approx::part, "part"}});

/// The lowest and highest severity of a twitch.
inline constexpr int kMinSeverity = 1;
inline constexpr int kMaxSeverity = 5;

/// One factor's value in a check-in.
struct FactorValue {
  std::size_t factor = 0;  ///< index in RuleSet::factors
  double value = 0;
};

/// A valid entry in force, interpreted. Views point into the line being read
/// and pointers into the RuleSet: valid during the EntrySink call only.
struct TypedEntry {
  std::uint64_t line = 0;
  std::string_view raw;  ///< the line as written
  Timestamp time;
  std::int64_t day = 0;  ///< the day it counts on (see the header comment)
  Kind kind = Kind::unknown;
  Approx approx = Approx::exact;
  std::string_view note;  ///< `note` (twitch, checkin, remedy, visit, retract) or `text` (note)

  // twitch
  std::optional<int> severity;
  std::optional<std::int64_t> duration_s;
  std::string_view area;            ///< `where`, else the rules' default area
  const Area* area_rule = nullptr;  ///< nullptr for an area the rules do not know (an area of its own)
  std::optional<Side> side;
  std::vector<std::string_view> tags;  ///< ids, in the order written
  std::vector<const RedFlag*> flags;   ///< known red flags in `flags`

  // checkin
  std::vector<FactorValue> values;  ///< known factors only

  // remedy
  std::string_view remedy_id;
  const Remedy* remedy = nullptr;  ///< nullptr for an id the rules do not know
  std::string_view dose;

  // triage (answers; `flags` of older journals count as yes)
  std::string_view level;  ///< the level it recorded (a record, never an input)
  std::vector<const RedFlag*> yes, no, unsure, sudden;

  // retract
  Timestamp of;
  Kind of_kind = Kind::unknown;

  /// Whether the hour of the entry is known (not `approx`).
  bool hour_known() const { return approx == Approx::exact; }
  /// Clears every field for the next line, keeping the vectors' memory.
  void clear();
};

/// Receives the entries in force, in file order.
class EntrySink {
 public:
  virtual ~EntrySink() = default;
  virtual void on_entry(const TypedEntry& entry) = 0;
  /// Forget everything received: the pass starts again (retracts were found).
  virtual void restart() = 0;
  /// A valid entry taken back by a retract in force (only `last --all` wants them).
  virtual void on_retracted(const TypedEntry& /*entry*/) {}
};

/// Passes every entry to several sinks: one pass, many readers.
class EntryFanOut : public EntrySink {
 public:
  explicit EntryFanOut(std::vector<EntrySink*> sinks) : sinks_(std::move(sinks)) {}
  void on_entry(const TypedEntry& entry) override {
    for (auto* s : sinks_) s->on_entry(entry);
  }
  void restart() override {
    for (auto* s : sinks_) s->restart();
  }
  void on_retracted(const TypedEntry& entry) override {
    for (auto* s : sinks_) s->on_retracted(entry);
  }

 private:
  std::vector<EntrySink*> sinks_;
};

/// How a journal is read.
struct ReadOptions {
  /// Diagnostics kept in JournalRead::diagnostics (the rest are counted).
  std::size_t keep_diagnostics = 1000;
  /// When set, also called with every diagnostic as it is found (check prints them so).
  std::function<void(const Diagnostic&)> on_diagnostic;
};

/// What one reading of a journal found besides the entries.
struct JournalRead {
  std::string file;      ///< the journal's name in messages
  bool missing = false;  ///< the file does not exist (an empty journal)
  ScanSummary summary;
  std::vector<Diagnostic> diagnostics;  ///< the first ReadOptions::keep_diagnostics, in line order
  std::uint64_t errors = 0;             ///< lines left out: malformed or invalid entries
  std::uint64_t warnings = 0;
  std::uint64_t in_force = 0;             ///< entries given to the sink
  std::uint64_t retracted = 0;            ///< entries taken back by a retract in force
  std::optional<std::int64_t> first_day;  ///< the earliest day of an entry in force
  std::optional<std::int64_t> last_day;   ///< the latest

  /// What `check` and `--strict` judge: no line had to be left out.
  bool clean() const { return errors == 0; }
};

/// Interprets one parsed entry line. Appends its diagnostics to `out`;
/// returns whether the entry is valid (no error), and fills `typed`
/// (every field but `day`, which needs the reading's "today").
bool interpret_entry(const Entry& entry, std::string_view raw, const RuleSet& rules, const Timestamp& now,
                     const std::string& file, TypedEntry& typed, std::vector<Diagnostic>& out);

/// Reads a journal held in memory; `file` names it in diagnostics.
JournalRead read_journal_text(std::string_view text, const std::string& file, const RuleSet& rules,
                              const Timestamp& now, EntrySink& sink, const ReadOptions& options = {});

/// Reads the journal file at `path`, streaming. A missing file is an empty
/// journal (`missing`); other failures throw a data Error.
JournalRead read_journal_file(const std::string& path, const RuleSet& rules, const Timestamp& now, EntrySink& sink,
                              const ReadOptions& options = {});

/// The local day of `now`: "today" of every window.
std::int64_t today_of(const Timestamp& now);

}  // namespace twitchlog
