// `twitchlog edit`: the journal (or its last entries) rewritten at the user's
// request, the one time a line of it is ever changed, as twitchlog-journal(5)
// says. Like `crontab -e` and `visudo`, but no concurrent writer is lost:
//
//   begin_edit       reads the journal under its lock and picks the part to edit;
//   make_edit_file   puts that text in a private file (0600, in a 0700 folder);
//   check_edit       validates the result as `check` would, located in that file;
//   apply_edit       under the exclusive lock: keeps what was appended meanwhile,
//                    refuses any other change, keeps the old content as JOURNAL~,
//                    and replaces the journal by rename, durably.
//
// Running the editor and talking to the user is the CLI's part.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

/// The journal as it was when the edit began, and the part given to the editor.
struct EditStart {
  std::string path;                ///< the journal, as named
  std::string content;             ///< all of it
  std::size_t edit_from = 0;       ///< the byte where the edited part begins (0: the whole journal)
  std::uint64_t lines_before = 0;  ///< the lines ahead of it, kept as they are

  /// The text given to the editor.
  std::string_view edited_part() const { return std::string_view(content).substr(edit_from); }
};

/// The start of the last `last_entries` entry lines of `text` (lines that are
/// neither blank nor comments), and the number of lines ahead of it; the
/// whole text (0, 0) when `last_entries` is 0 or the text has fewer.
std::pair<std::size_t, std::uint64_t> last_entries_start(std::string_view text, std::size_t last_entries);

/// Reads the journal at `path` under its exclusive lock (so the checks of a
/// writer run before any editing: the journal must be one `edit` may
/// replace), with `last_entries` as last_entries_start takes it. Throws a
/// data Error, also when the journal does not exist yet.
EditStart begin_edit(const std::string& path, std::size_t last_entries, const AppendOptions& options = {});

/// The private file holding the text being edited.
struct EditFile {
  std::string path;    ///< the file the editor gets
  std::string folder;  ///< the private folder made for it (removed with it)
};

/// Writes `text` to a new private file: in a folder made by mkdtemp (0700)
/// in `runtime_dir` ($XDG_RUNTIME_DIR) when that is an absolute path to a
/// folder of the user's own that no one else may enter, else beside the
/// journal (in the folder of the file a symlink leads to). The file is named
/// as the journal, mode 0600 whatever the umask. Never uses TMPDIR or /tmp.
/// Throws a data Error.
EditFile make_edit_file(const std::string& journal_path, const std::string& runtime_dir, std::string_view text);

/// Removes the file and its folder (what is left of them; never throws).
void remove_edit_file(const EditFile& file);

/// The edited text as it would stand in the journal: ended by "\n" when not empty.
std::string normalized_edit(std::string_view edited);

/// What validating an edit found, in the edited text's own lines.
struct EditCheck {
  std::vector<Diagnostic> diagnostics;  ///< located in `edit_file`, in line order
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
};

/// Validates the journal the edit would give (the lines kept ahead of the
/// edited part, then `edited`) with the reading `check` does; reports what
/// lies in the edited part, as FILE:LINE:COL of `edit_file`.
EditCheck check_edit(const EditStart& start, std::string_view edited, const std::string& edit_file,
                     const RuleSet& rules, const Timestamp& now);

/// What applying an edit did.
struct EditApplied {
  std::string written;             ///< the file replaced (a symlinked journal's target)
  std::string backup;              ///< where the previous content is kept (JOURNAL~)
  std::uint64_t lines_before = 0;  ///< of the journal just before
  std::uint64_t lines_after = 0;
  std::uint64_t appended_lines = 0;  ///< lines written by others during the edit, kept after the edited ones
  std::uint64_t other_links = 0;     ///< other hard links of the old file: they keep the old content
};

/// Replaces the journal with the lines ahead of the edited part, `edited`
/// (normalized) and whatever was appended since begin_edit: under the
/// exclusive lock, the previous content goes to JOURNAL~ (0600), the new one
/// to a temporary file of the journal's mode in its folder, fsynced and
/// renamed over it, the folder fsynced; a symlink is kept and its target
/// rewritten. Refuses (a data Error, nothing changed) when the journal
/// changed during the edit other than by lines added at its end.
EditApplied apply_edit(const EditStart& start, std::string_view edited, const AppendOptions& options = {});

}  // namespace twitchlog
