#include "twitchlog/text.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace twitchlog {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (overlong || surrogate || cp > 0x10ffff) return i;
    i += len;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_control(static_cast<unsigned char>(text[i]))) return i;
  }
  return std::nullopt;
}

std::size_t column_of(std::string_view line, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    // Count every byte that does not continue a character.
    if ((static_cast<unsigned char>(line[i]) & 0xc0) != 0x80) ++column;
  }
  return column;
}

std::optional<std::uint32_t> invisible_code_point(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(text[offset]);
  if (b0 == 0xc2 && offset + 1 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[offset + 1]);
    if (b1 >= 0x80 && b1 <= 0x9f) return b1;  // C1: U+0080–U+009F
    return std::nullopt;
  }
  if ((b0 != 0xe2 && b0 != 0xef) || offset + 2 >= text.size()) return std::nullopt;
  const auto b1 = static_cast<unsigned char>(text[offset + 1]);
  const auto b2 = static_cast<unsigned char>(text[offset + 2]);
  if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) return std::nullopt;
  const std::uint32_t cp = ((b0 & 0x0fu) << 12) | ((b1 & 0x3fu) << 6) | (b2 & 0x3fu);
  const bool zero_width = cp >= 0x200b && cp <= 0x200d;
  const bool bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
  if (zero_width || bidi || cp == 0xfeff) return cp;
  return std::nullopt;
}

std::optional<std::size_t> find_c1_control(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\xc2' && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      return i;
    }
  }
  return std::nullopt;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (len > 1 && i + len <= text.size() && !find_invalid_utf8(text.substr(i, len))) {
        // C1 controls (U+0080–U+009F) can drive some terminals; bidi controls
        // and zero-width characters make text look other than it is.
        if (const auto cp = invisible_code_point(text, i)) {
          out += fmt::format("\\u{{{:x}}}", *cp);
        } else {
          out.append(text.substr(i, len));
        }
        i += len;
        continue;
      }
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (is_control(c)) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out;
}

namespace {

// 1 for the characters of an id, 2 for those that may also start one.
constexpr std::array<std::uint8_t, 256> kIdChars = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = 2;
  for (int c = '0'; c <= '9'; ++c) table[c] = 2;
  table['-'] = 1;
  table['_'] = 1;
  return table;
}();

}  // namespace

bool is_id(std::string_view id) {
  if (id.empty() || kIdChars[static_cast<unsigned char>(id.front())] != 2) return false;
  for (const char c : id) {
    if (kIdChars[static_cast<unsigned char>(c)] == 0) return false;
  }
  return true;
}

std::vector<std::string_view> split_commas(std::string_view list) {
  std::vector<std::string_view> items;
  for (;;) {
    const auto comma = list.find(',');
    items.push_back(list.substr(0, comma));
    if (comma == std::string_view::npos) return items;
    list.remove_prefix(comma + 1);
  }
}

bool is_key(std::string_view key) { return !key.empty() && key.front() >= 'a' && key.front() <= 'z' && is_id(key); }

std::optional<double> parse_number(std::string_view text) {
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  const std::size_t int_start = i;
  std::uint64_t mantissa = 0;  // the digits, while there are at most 15 of them
  std::size_t fraction_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') mantissa = mantissa * 10 + (text[i++] - '0');
  if (i == int_start) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') mantissa = mantissa * 10 + (text[i++] - '0');
    if (i == frac_start) return std::nullopt;
    fraction_digits = i - frac_start;
  }
  if (i != text.size() || text.size() > 64) return std::nullopt;
  if (i - int_start - (fraction_digits > 0 ? 1 : 0) <= 15) {
    // Both exact in a double, so the one division rounds as from_chars does.
    static constexpr double kPowers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double value = static_cast<double>(mantissa) / kPowers[fraction_digits];
    return negative && value != 0 ? -value : value;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value == 0 ? 0.0 : value;
}

std::string format_number(double value) {
  if (value == 0) value = 0;  // no "-0"
  return fmt::format("{}", value);
}

std::optional<int> parse_small_int(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string quoted(std::string_view text) {
  // Quotes and backslashes of the text itself first, then printable(): so an
  // escape sequence is shown once ("\x1b"), and a backslash of the text as "\\".
  std::string escaped;
  escaped.reserve(text.size() + 2);
  for (const char c : text) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  // Appended, not `"\"" + ...`: GCC 12 at -O3 warns falsely (-Wstringop-overflow, as bug 105329) on that.
  std::string out = printable(escaped);
  out.insert(out.begin(), '"');
  out.push_back('"');
  return out;
}

std::string Paint::operator()(Style style, std::string_view text) const {
  if (!on_) return std::string(text);
  std::string_view code = "1";
  switch (style) {
    case Style::bold: code = "1"; break;
    case Style::green: code = "32"; break;
    case Style::yellow: code = "33"; break;
    case Style::red: code = "31"; break;
    case Style::bold_red: code = "1;31"; break;
    case Style::dim: code = "2"; break;
  }
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace twitchlog
