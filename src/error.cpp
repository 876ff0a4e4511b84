#include "twitchlog/error.hpp"

#include <cstring>

#include <fmt/format.h>

#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// Byte offset of the 1-based character column `column` in `line`.
std::size_t offset_of_column(std::string_view line, std::size_t column) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xc0) != 0x80 && ++chars == column) return i;
  }
  return line.size();
}

}  // namespace

std::string Diagnostic::render() const {
  std::string out = printable(file);  // a file name can hold escape sequences too
  if (line > 0) out += fmt::format(":{}", line);
  if (line > 0 && column > 0) out += fmt::format(":{}", column);
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  if (line == 0 || excerpt.empty()) return out;
  const std::string gutter = fmt::format("{}", line);
  // Escaping may widen the text before the caret: measure it after escaping.
  const std::size_t split = column > 0 ? offset_of_column(excerpt, column) : excerpt.size();
  std::string before = printable(excerpt.substr(0, split));
  std::string after = printable(excerpt.substr(split));
  // A long line shows the 60 characters either side of the column, like a compiler.
  constexpr std::size_t kSide = 60;
  if (const std::size_t chars = column_of(before, before.size()) - 1; chars > kSide) {
    before = "\u2026" + before.substr(offset_of_column(before, chars - kSide + 1));
  }
  if (column_of(after, after.size()) - 1 > kSide)
    after = after.substr(0, offset_of_column(after, kSide + 1)) + "\u2026";
  out += fmt::format("\n {} | {}{}", gutter, before, after);
  if (column > 0) {
    out += fmt::format("\n {} | {}^", std::string(gutter.size(), ' '),
                       std::string(column_of(before, before.size()) - 1, ' '));
  }
  return out;
}

Error::Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

Error::Error(ErrorKind kind, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(diagnostics.empty() ? std::string("error") : diagnostics.front().render()),
      kind_(kind),
      diagnostics_(std::move(diagnostics)) {}

void throw_usage(const std::string& message) { throw Error(ErrorKind::usage, message); }
void throw_data(const std::string& message) { throw Error(ErrorKind::data, message); }

std::string errno_text(int errnum) {
  char buffer[256];
  // GNU strerror_r returns the message, which may or may not be `buffer`.
  return strerror_r(errnum, buffer, sizeof buffer);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string join_or(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace twitchlog
