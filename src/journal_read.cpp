#include "twitchlog/journal.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

constexpr std::size_t kMaxFields = 256;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// What a byte can be in the fields of a line (control characters are gone by then).
enum CharClass : std::uint8_t {
  kBare = 1,    // may be in a bare value
  kKey = 2,     // may be in a key: [a-z0-9_-]
  kQuoted = 4,  // may be in a quoted value as it is (not '"', '\\' or a tab)
};
constexpr std::array<std::uint8_t, 256> kChars = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0x21; c < 256; ++c) table[c] = kBare | kQuoted;
  for (const int c : {'"', '=', '\\'}) table[c] = 0;
  table[' '] = kQuoted;
  for (int c = 'a'; c <= 'z'; ++c) table[c] |= kKey;
  for (int c = '0'; c <= '9'; ++c) table[c] |= kKey;
  table['-'] |= kKey;
  table['_'] |= kKey;
  table['='] = kQuoted;
  return table;
}();

bool has(char c, CharClass what) { return (kChars[static_cast<unsigned char>(c)] & what) != 0; }

LineType malformed(LineProblem& problem, std::string_view line, std::size_t offset, std::string message) {
  problem.column = column_of(line, offset);
  problem.message = std::move(message);
  return LineType::malformed;
}

Kind kind_from_text(std::string_view text) { return kKindNames.parse(text).value_or(Kind::unknown); }

// Eight bytes at a time: nearly every journal line is plain ASCII, and a
// journal can hold a million of them.
constexpr std::uint64_t kOnes = 0x0101010101010101;
constexpr std::uint64_t kHigh = 0x8080808080808080;

// In a word of ASCII bytes (below 0x80): 0x80 in each byte that is >= c.
constexpr std::uint64_t at_least(std::uint64_t x, unsigned c) { return (x + kOnes * (0x80 - c)) & kHigh; }
// 0x80 in each byte that is c.
constexpr std::uint64_t equal(std::uint64_t x, unsigned c) { return at_least(x, c) & ~at_least(x, c + 1); }
// 0x80 in the first byte that is c (bytes after it may be marked wrongly):
// cheaper than equal() where only the first matters.
constexpr std::uint64_t first_equal(std::uint64_t x, unsigned c) {
  const std::uint64_t y = x ^ (kOnes * c);
  return (y - kOnes) & ~y & kHigh;
}

// The offset of the first byte at or after `pos` of a printable ASCII line
// that `stop_word` marks (0x80 in its byte) and `stop_byte` accepts.
template <typename Word, typename Byte>
std::size_t ascii_find(std::string_view s, std::size_t pos, Word stop_word, Byte stop_byte) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; pos + 8 <= s.size(); pos += 8) {
      std::uint64_t x = 0;
      std::memcpy(&x, s.data() + pos, 8);
      if (const std::uint64_t stops = stop_word(x)) return pos + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
    }
  }
  while (pos < s.size() && !stop_byte(s[pos])) ++pos;
  return pos;
}

// The end of a token (the next space) of a printable ASCII line.
std::size_t ascii_token_end(std::string_view s, std::size_t pos) {
  return ascii_find(
      s, pos, [](std::uint64_t x) { return first_equal(x, ' '); }, [](char c) { return c == ' '; });
}

// The end of the run of key characters ([a-z0-9_-]) at `pos`.
std::size_t ascii_key_end(std::string_view s, std::size_t pos) {
  return ascii_find(
      s, pos,
      [](std::uint64_t x) {
        const std::uint64_t key = (at_least(x, 'a') & ~at_least(x, 'z' + 1)) |
                                  (at_least(x, '0') & ~at_least(x, '9' + 1)) | equal(x, '-') | equal(x, '_');
        return ~key & kHigh;
      },
      [](char c) { return !has(c, kKey); });
}

// The end of the run of bare-value characters at `pos`.
std::size_t ascii_bare_end(std::string_view s, std::size_t pos) {
  return ascii_find(
      s, pos,
      [](std::uint64_t x) {
        return first_equal(x, ' ') | first_equal(x, '"') | first_equal(x, '=') | first_equal(x, '\\');
      },
      [](char c) { return !has(c, kBare); });
}

// The end of the run of characters a quoted value holds as they are.
std::size_t ascii_quoted_end(std::string_view s, std::size_t pos) {
  return ascii_find(
      s, pos, [](std::uint64_t x) { return first_equal(x, '"') | first_equal(x, '\\'); },
      [](char c) { return !has(c, kQuoted); });
}

// The offset of the first byte of `s` that is not printable ASCII (space to
// '~'): 16 bytes at a time where the compiler has vector types, else 8.
std::size_t printable_ascii_prefix(std::string_view s) {
  const char* p = s.data();
  std::size_t i = 0;
#if defined(__GNUC__)
  if constexpr (std::endian::native == std::endian::little) {
    using Bytes = signed char __attribute__((vector_size(16)));
    for (; i + 16 <= s.size(); i += 16) {
      Bytes v;
      std::memcpy(&v, p + i, 16);
      const Bytes bad = (v < 0x20) | (v == 0x7f);  // bytes from 0x80 are negative
      std::uint64_t low = 0, high = 0;
      std::memcpy(&low, &bad, 8);
      std::memcpy(&high, reinterpret_cast<const char*>(&bad) + 8, 8);
      if (low != 0) return i + static_cast<std::size_t>(std::countr_zero(low)) / 8;
      if (high != 0) return i + 8 + static_cast<std::size_t>(std::countr_zero(high)) / 8;
    }
  }
#endif
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, p + i, 8);
    const std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;  // some byte < 0x20
    const std::uint64_t y = x ^ (kOnes * 0x7f);
    const std::uint64_t del = (y - kOnes) & ~y & kHigh;  // some byte == 0x7f
    if (((x & kHigh) | below_space | del) != 0) break;
  }
  while (i < s.size() && static_cast<unsigned char>(p[i]) >= 0x20 && static_cast<unsigned char>(p[i]) < 0x7f) ++i;
  return i;
}

}  // namespace

std::string_view kind_name(Kind kind) {
  const std::string_view name = kKindNames.name(kind);
  return name.empty() ? "unknown" : name;
}

const Field* Entry::find(std::string_view key) const {
  for (const auto& field : fields) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

LineType LineParser::parse(std::string_view line, std::uint64_t line_number, Entry& entry, LineProblem& problem) {
  return parse(line, line_number, entry, problem, printable_ascii_prefix(line));
}

LineType LineParser::parse(std::string_view line, std::uint64_t line_number, Entry& entry, LineProblem& problem,
                           std::size_t plain) {
  std::size_t pos = 0;
  while (pos < line.size() && is_blank(line[pos])) ++pos;
  if (pos == line.size()) return LineType::blank;
  if (line[pos] == '#') return LineType::comment;

  if (line[pos] == '\xef' && line.starts_with("\xef\xbb\xbf")) {
    if (line_number <= 1) {
      return malformed(problem, line, 0,
                       "byte order mark at the start of the file; save the journal as UTF-8 without a BOM");
    }
    return malformed(problem, line, 0, "byte order mark (U+FEFF) at the start of the line; delete it");
  }
  ascii_ = plain == line.size();
  if (const auto bad = ascii_ ? std::nullopt : find_invalid_utf8(line.substr(plain))) {
    return malformed(problem, line, plain + *bad, "invalid UTF-8");
  }
  for (std::size_t i = plain; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == '\t' || !is_control(c)) continue;
    if (c == '\r' && i + 1 == line.size()) {
      return malformed(problem, line, i,
                       "carriage return at the end of the line (Windows line ends); convert the file with dos2unix");
    }
    return malformed(problem, line, i, fmt::format("control character U+{:04X} in the line", c));
  }

  entry.line = line_number;
  entry.fields.clear();
  entry.loose_spacing = pos != 0;
  scratch_.clear();
  scratch_.reserve(line.size());  // unescaped values are never longer: views into it stay valid

  // TIMESTAMP
  // A timestamp holds no blank, so when the usual 25 bytes parse and a space
  // follows, they are the whole token.
  constexpr std::size_t kUsualWidth = 25;  // 2026-11-03T09:14:03+01:00
  std::size_t end = pos + kUsualWidth;
  ParseFailure failure;
  const bool usual = end < line.size() && line[end] == ' ' &&
                     parse_timestamp(line.substr(pos, kUsualWidth), entry.time, failure, dates_);
  if (!usual) {
    end = pos;
    while (end < line.size() && !is_blank(line[end])) ++end;
  }
  if (!usual && !parse_timestamp(line.substr(pos, end - pos), entry.time, failure, dates_)) {
    return malformed(
        problem, line, pos + failure.offset,
        fmt::format("{} (expected an RFC 3339 timestamp like 2026-11-03T09:14:03+01:00)", failure.message));
  }
  // KIND
  std::size_t blanks = 0;
  for (pos = end; pos < line.size() && is_blank(line[pos]); ++pos) ++blanks;
  if (pos == line.size()) {
    return malformed(problem, line, pos,
                     fmt::format("expected a kind after the timestamp: {}", join_or(kKindNames.names())));
  }
  if (blanks != 1 || line[end] != ' ') entry.loose_spacing = true;
  end = pos;
  if (ascii_) {
    end = ascii_token_end(line, pos);
  } else {
    while (end < line.size() && !is_blank(line[end])) ++end;
  }
  entry.kind_text = line.substr(pos, end - pos);
  entry.kind_column = column(line, pos);
  entry.kind = kind_from_text(entry.kind_text);
  if (entry.kind == Kind::unknown && !is_key(entry.kind_text)) {
    return malformed(problem, line, pos, fmt::format("expected a kind: {}", join_or(kKindNames.names())));
  }

  return parse_fields(line, end, entry, problem);
}

LineType LineParser::parse_fields(std::string_view line, std::size_t start, Entry& entry, LineProblem& problem) {
  std::size_t pos = start;
  while (pos < line.size()) {
    std::size_t blanks = 0;
    const std::size_t separator = pos;
    while (pos < line.size() && is_blank(line[pos])) {
      ++pos;
      ++blanks;
    }
    if (blanks != 1 || line[separator] != ' ' || pos == line.size()) entry.loose_spacing = true;
    if (pos == line.size()) break;

    const std::size_t key_start = pos;
    if (ascii_) {
      pos = ascii_key_end(line, pos);
    } else {
      while (pos < line.size() && has(line[pos], kKey)) ++pos;
    }
    const bool key_chars_only = pos == line.size() || line[pos] == '=' || is_blank(line[pos]);
    if (!key_chars_only) {  // not a key: find its end for the message
      while (pos < line.size() && line[pos] != '=' && !is_blank(line[pos])) ++pos;
    }
    const std::string_view key = line.substr(key_start, pos - key_start);
    if (pos == line.size() || line[pos] != '=') {
      return malformed(problem, line, key_start, fmt::format("expected KEY=VALUE, found {}", quoted(key)));
    }
    const bool valid_key = key_chars_only && !key.empty() && key[0] >= 'a' && key[0] <= 'z';  // as is_key
    if (!valid_key) {
      return malformed(
          problem, line, key_start,
          fmt::format("invalid key {}: keys are lowercase letters, digits, '-' and '_', starting with a letter",
                      quoted(key)));
    }
    for (const auto& field : entry.fields) {
      if (field.key.size() == key.size() && field.key[0] == key[0] && field.key == key) {
        return malformed(problem, line, key_start,
                         fmt::format("duplicate key {} (first at column {})", quoted(key), field.column));
      }
    }
    if (entry.fields.size() == kMaxFields) {
      return malformed(problem, line, key_start, fmt::format("too many fields (the most is {})", kMaxFields));
    }
    ++pos;  // '='
    std::string_view value;
    if (pos < line.size() && line[pos] == '"') {
      const std::size_t open = pos++;
      const std::size_t begin = scratch_.size();
      bool closed = false;
      while (pos < line.size()) {
        const char c = line[pos];
        if (c == '"') {
          closed = true;
          ++pos;
          break;
        }
        if (c == '\\') {
          if (pos + 1 == line.size()) break;
          const char e = line[pos + 1];
          switch (e) {
            case '"': scratch_ += '"'; break;
            case '\\': scratch_ += '\\'; break;
            case 'n': scratch_ += '\n'; break;
            case 't': scratch_ += '\t'; break;
            case 'r': scratch_ += '\r'; break;
            default:
              return malformed(problem, line, pos,
                               fmt::format("unknown escape {}; the escapes are \\\" \\\\ \\n \\t \\r",
                                           quoted(line.substr(pos, e & 0x80 ? 1 : 2))));
          }
          pos += 2;
          continue;
        }
        if (c == '\t') return malformed(problem, line, pos, "tab in a quoted value; write it as \\t");
        const std::size_t run = pos++;  // c itself, then the run of plain characters after it
        if (ascii_) {
          pos = ascii_quoted_end(line, pos);
        } else {
          while (pos < line.size() && has(line[pos], kQuoted)) ++pos;
        }
        scratch_.append(line.data() + run, pos - run);
      }
      if (!closed) return malformed(problem, line, open, "unterminated quoted value: the closing '\"' is missing");
      if (pos < line.size() && !is_blank(line[pos])) {
        return malformed(problem, line, pos, "expected a space after the closing '\"'");
      }
      value = std::string_view(scratch_).substr(begin);
    } else {
      const std::size_t begin = pos;
      if (ascii_) {
        pos = ascii_bare_end(line, pos);
      } else {
        while (pos < line.size() && has(line[pos], kBare)) ++pos;
      }
      while (pos < line.size() && !is_blank(line[pos])) {
        if (!has(line[pos], kBare)) {
          return malformed(
              problem, line, pos,
              fmt::format("{} in a bare value; quote the value: {}=\"...\"", quoted(line.substr(pos, 1)), key));
        }
        ++pos;
      }
      if (pos == begin) {
        return malformed(problem, line, begin,
                         fmt::format("empty value for {}; write {}=\"\" for an empty text", quoted(key), key));
      }
      value = line.substr(begin, pos - begin);
    }
    entry.fields.push_back(Field{key, value, column(line, key_start)});
  }
  return LineType::entry;
}

std::uint32_t LineParser::column(std::string_view line, std::size_t offset) const {
  return static_cast<std::uint32_t>(ascii_ ? offset + 1 : column_of(line, offset));
}

LineType LineParser::parse_fields_only(std::string_view text, Entry& entry, LineProblem& problem) {
  ascii_ = false;
  entry.fields.clear();
  entry.loose_spacing = false;
  scratch_.clear();
  scratch_.reserve(text.size());
  if (const auto bad = find_invalid_utf8(text)) return malformed(problem, text, *bad, "invalid UTF-8");
  if (const auto bad = find_control(text); bad && text[*bad] != '\t') {
    return malformed(problem, text, *bad,
                     fmt::format("control character U+{:04X}", static_cast<unsigned char>(text[*bad])));
  }
  return parse_fields(text, 0, entry, problem);
}

namespace {

// Feeds lines to a parser and the results to a sink.
class LineFeeder {
 public:
  explicit LineFeeder(JournalSink& sink) : sink_(sink) {}

  // `plain`: the length of the line's printable ASCII prefix.
  void line(std::string_view raw, std::size_t plain) {
    ++summary_.lines;
    switch (parser_.parse(raw, summary_.lines, entry_, problem_, plain)) {
      case LineType::blank: break;
      case LineType::comment: sink_.on_comment(summary_.lines, raw); break;
      case LineType::entry:
        ++summary_.entries;
        sink_.on_entry(entry_, raw);
        break;
      case LineType::malformed:
        ++summary_.problems;
        sink_.on_problem(summary_.lines, raw, problem_, false);
        break;
    }
  }

  void too_long(std::string_view prefix) {
    ++summary_.lines;
    ++summary_.problems;
    problem_.column = 1;
    problem_.message = fmt::format("line is longer than {} bytes", kMaxLineBytes);
    sink_.on_problem(summary_.lines, prefix.substr(0, std::min<std::size_t>(prefix.size(), 80)), problem_, false);
  }

  void torn(std::string_view raw) {
    ++summary_.lines;
    ++summary_.problems;
    summary_.torn_last_line = true;
    problem_.column = column_of(raw, raw.size());
    problem_.message =
        "the last line has no newline at its end (an interrupted write?); it is ignored, "
        "and the next `twitchlog log` ends it";
    sink_.on_problem(summary_.lines, raw.substr(0, std::min<std::size_t>(raw.size(), kMaxLineBytes)), problem_, true);
  }

  const ScanSummary& summary() const { return summary_; }

 private:
  JournalSink& sink_;
  LineParser parser_;
  Entry entry_;
  LineProblem problem_;
  ScanSummary summary_;
};

}  // namespace

ScanSummary scan_journal_text(std::string_view text, JournalSink& sink) {
  LineFeeder feeder(sink);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) {
      feeder.torn(text.substr(start));
      break;
    }
    const auto raw = text.substr(start, newline - start);
    if (raw.size() > kMaxLineBytes) {
      feeder.too_long(raw);
    } else {
      feeder.line(raw, printable_ascii_prefix(raw));
    }
    start = newline + 1;
  }
  return feeder.summary();
}

ScanSummary scan_journal_file(const std::string& path, JournalSink& sink) {
  // O_NONBLOCK: a FIFO (or a device) must not hang the open; it is refused just after.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) throw_data(fmt::format("journal {} does not exist yet; `twitchlog log` creates it", path));
    throw_data(fmt::format("cannot open journal {}: {}", path, errno_text(err)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  require_regular_file(fd, path, "journal");  // a FIFO would hang, /dev/zero never end
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  lock_journal(fd, path, false, AppendOptions{}.lock_timeout_ms);  // writers finish their line first

  LineFeeder feeder(sink);
  constexpr std::size_t kChunk = 1 << 20;
  std::vector<char> buffer(kChunk + kMaxLineBytes + 1);
  std::size_t held = 0;   // bytes of an unfinished line at the buffer's start
  bool skipping = false;  // inside a line that is too long, until its newline
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data() + held, buffer.size() - held);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw_data(fmt::format("cannot read journal {}: {}", path, errno_text(errno)));
    }
    if (got == 0) break;
    const std::size_t end = held + static_cast<std::size_t>(got);
    std::size_t start = 0;
    for (;;) {
      // One pass finds both the newline and whether the line is plain ASCII,
      // as nearly every line is; memchr finds the newline of the others.
      const std::size_t plain = printable_ascii_prefix(std::string_view(buffer.data() + start, end - start));
      std::size_t newline = start + plain;
      if (newline == end) break;
      if (buffer[newline] != '\n') {
        const void* found = std::memchr(buffer.data() + newline, '\n', end - newline);
        if (found == nullptr) break;
        newline = static_cast<std::size_t>(static_cast<const char*>(found) - buffer.data());
      }
      const std::string_view raw(buffer.data() + start, newline - start);
      if (skipping) {
        skipping = false;
      } else if (raw.size() > kMaxLineBytes) {
        feeder.too_long(raw);
      } else {
        feeder.line(raw, std::min(plain, raw.size()));
      }
      start = newline + 1;
    }
    held = end - start;
    if (held > kMaxLineBytes) {
      if (!skipping) feeder.too_long(std::string_view(buffer.data() + start, held));
      skipping = true;
      held = 0;
    } else if (held > 0 && start > 0) {
      std::memmove(buffer.data(), buffer.data() + start, held);
    }
  }
  if (held > 0 && !skipping) feeder.torn(std::string_view(buffer.data(), held));
  return feeder.summary();
}

}  // namespace twitchlog
