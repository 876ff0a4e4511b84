// Files a command writes on request (`report -o`, `export -o`): private,
// whole or not at all, and never over a file the user did not mean to lose.
#pragma once

#include <string>
#include <string_view>

namespace twitchlog {

/// Refuses (data Error) when `path` exists and `replace` is false: called
/// before the work, so that nothing is computed for a file that will be refused.
void check_output_file(const std::string& path, bool replace);

/// Writes `content` to `path` atomically: a temporary file in the same
/// folder, created with mode 0600, written, fsynced, then renamed over
/// `path` (`replace`) or linked to it only if `path` does not exist, and the
/// folder fsynced. A reader sees the old file or the whole new one, never a
/// part. Throws a data Error naming the file on any failure (the temporary
/// file removed).
void write_output_file(const std::string& path, std::string_view content, bool replace);

}  // namespace twitchlog
