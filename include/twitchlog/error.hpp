// Errors and diagnostics.
//
// The library reports failure by throwing twitchlog::Error; main() prints it
// and picks the exit status from its kind (usage errors 2, data and I/O
// errors 1). Problems found in a file are Diagnostics that name the place as
// FILE:LINE:COL, like a compiler, so an editor can jump there.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace twitchlog {

/// The exit statuses, in one place (triage --exit-code adds its levels: 9 + rank).
enum class ExitStatus : int {
  ok = 0,
  data = 1,   ///< bad data, a failed read or write, or (check, --strict) a journal with errors
  usage = 2,  ///< bad command-line input
};
/// As the int a process returns.
constexpr int exit_code(ExitStatus status) { return static_cast<int>(status); }

/// What went wrong, which decides the exit status.
enum class ErrorKind {
  usage,  ///< bad command-line input: exit 2
  data,   ///< bad data or a failed read or write: exit 1
};

/// One problem at a place in a file.
struct Diagnostic {
  enum class Severity { error, warning };
  std::string file;
  std::size_t line = 0;    ///< 1-based; 0 when the problem is the whole file
  std::size_t column = 0;  ///< 1-based in characters; 0 when unknown
  Severity severity = Severity::error;
  std::string message;
  std::string excerpt;  ///< the offending line, raw; empty for none

  /// "FILE:LINE:COL: error: message", then the excerpt with a caret when there is one.
  std::string render() const;
};

/// The one exception type of the library.
class Error : public std::runtime_error {
 public:
  /// A plain error: main prints "twitchlog: error: MESSAGE".
  Error(ErrorKind kind, const std::string& message);
  /// Errors located in a file: main prints each diagnostic as it is.
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);

  ErrorKind kind() const { return kind_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ErrorKind kind_;
  std::vector<Diagnostic> diagnostics_;
};

/// Shorthands for throwing.
[[noreturn]] void throw_usage(const std::string& message);
[[noreturn]] void throw_data(const std::string& message);

/// strerror(errnum) as a std::string, thread-safe.
std::string errno_text(int errnum);

/// "a, b, c" from a list of names (used to name the valid choices).
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
/// "a, b or c": the valid choices in a sentence.
std::string join_or(const std::vector<std::string>& items);

}  // namespace twitchlog
