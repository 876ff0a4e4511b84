// Taking back a mistake: the most recent entries (`last`), the entry written
// last (`undo`) and the entries at an instant (`retract`). Nothing here
// rewrites the journal: a mistake is taken back by appending a `retract`
// entry, as twitchlog-journal(5) says, and the model leaves the entries it
// takes back out of every computation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchlog/model.hpp"

namespace twitchlog {

/// One entry as shown by `last` and taken back by `undo`/`retract`.
struct EntryRecord {
  std::uint64_t line = 0;
  Timestamp time;
  Kind kind = Kind::unknown;
  std::string raw;         ///< the line as written
  bool retracted = false;  ///< taken back by a retract in force
};

/// What the correcting commands look for in one reading.
struct CorrectionQuery {
  std::size_t newest = 0;          ///< keep the newest this many entries (by time, then line)
  std::optional<Kind> kind;        ///< only this kind
  bool include_retracted = false;  ///< keep retracted entries too, marked
  std::optional<std::int64_t> at;  ///< keep the entries in force at this instant (whole seconds)
};

/// What one reading found for the correcting commands.
struct CorrectionFindings {
  JournalRead read;
  std::vector<EntryRecord> newest;  ///< oldest first
  std::vector<EntryRecord> at;      ///< the entries in force at CorrectionQuery::at, in file order
  /// The last entry line of the file that is in force and is not a retract:
  /// what `undo` takes back.
  std::optional<EntryRecord> last_written;
};

/// Reads the journal at `path` for the correcting commands.
CorrectionFindings find_for_correction(const std::string& path, const RuleSet& rules, const Timestamp& now,
                                       const CorrectionQuery& query);
/// The same for a journal held in memory.
CorrectionFindings find_for_correction_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                            const Timestamp& now, const CorrectionQuery& query);

/// The `retract` entry line that takes back entries of `kind` at `of`, written at `now`.
std::string retract_line(const Timestamp& of, Kind kind, const Timestamp& now, std::string_view note);

/// The fields of an entry line after its kind, as written (for showing it).
std::string_view fields_text(std::string_view raw);

}  // namespace twitchlog
