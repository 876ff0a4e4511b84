// Text checks shared by the journal reader, the writer and the renderers:
// UTF-8 validity, control characters, ids, numbers, and making any text
// safe to show on a terminal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitchlog {

/// Byte offset of the first byte that is not valid UTF-8 (overlongs,
/// surrogates and code points above U+10FFFF included), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// True for U+0000–U+001F and U+007F.
inline bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

/// Byte offset of the first control character, or nullopt.
std::optional<std::size_t> find_control(std::string_view text);

/// 1-based column of byte offset `offset` in `line`, counted in characters.
std::size_t column_of(std::string_view line, std::size_t offset);

/// The text with control characters shown as escapes (\n, \t, \x1b),
/// invalid UTF-8 bytes as \xNN, and C1 controls, bidi controls and
/// zero-width characters as \u{202e}, so nothing read from a file or typed on
/// the command line can drive a terminal or make text look other than it is.
/// Its output holds only printable characters: printable(printable(s)) ==
/// printable(s).
std::string printable(std::string_view text);

/// The code point of the character at byte `offset` when it is one that
/// printable() shows escaped although it is valid UTF-8: a C1 control
/// (U+0080–U+009F), a bidi control (U+202A–U+202E, U+2066–U+2069) or a
/// zero-width character (U+200B–U+200D, U+FEFF); else nullopt.
std::optional<std::uint32_t> invisible_code_point(std::string_view text, std::size_t offset);

/// Byte offset of the first C1 control character (U+0080–U+009F, in UTF-8), or nullopt.
std::optional<std::size_t> find_c1_control(std::string_view text);

/// True when `id` matches [a-z0-9][a-z0-9_-]* (ids of tags, causes, remedies...).
bool is_id(std::string_view id);

/// True when `key` matches [a-z][a-z0-9_-]* (journal field keys and kinds).
bool is_key(std::string_view key);

/// The items of a comma-separated list ("a,,b" gives "a", "", "b"; "" gives one empty item).
std::vector<std::string_view> split_commas(std::string_view list);

/// Calls `f` with each item of a comma-separated list, as split_commas gives
/// them, without allocating (for the reading of big journals).
template <typename F>
void for_each_comma_item(std::string_view list, F&& f) {
  for (;;) {
    const auto comma = list.find(',');
    f(list.substr(0, comma));
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

/// Parses a plain decimal number: -?DIGITS(.DIGITS)?; no exponent, NaN or infinity.
std::optional<double> parse_number(std::string_view text);

/// The shortest text that reads back as `value` ("3", "6.5"); -0 is written 0.
std::string format_number(double value);

/// Parses a whole non-negative integer that fits in an int.
std::optional<int> parse_small_int(std::string_view text);

/// `text` in double quotes for messages: its own " and \ escaped, then printable().
std::string quoted(std::string_view text);

/// Terminal styles: the one way every renderer colours its text.
enum class Style { bold, green, yellow, red, bold_red, dim };

/// Colours text with ANSI escapes when on; passes it through otherwise.
class Paint {
 public:
  explicit Paint(bool on) : on_(on) {}
  bool on() const { return on_; }
  std::string operator()(Style style, std::string_view text) const;

 private:
  bool on_;
};

}  // namespace twitchlog
