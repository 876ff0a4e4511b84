// The journal: reading and writing the format of twitchlog-journal(5) (v1),
// the contract kept as man/twitchlog-journal.5.
//
// The reader is a streaming line parser: it never holds more than one line,
// never crashes on any bytes, and describes a malformed line by the column
// where it went wrong and what was expected. The writer quotes values so no
// user text can make a second line or field, and appends one whole line with
// one write(2) under an exclusive lock.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "twitchlog/names.hpp"
#include "twitchlog/time.hpp"

namespace twitchlog {

/// The first line of a new journal.
inline constexpr std::string_view kJournalHeader = "# twitchlog journal v1";

/// Longest line the reader accepts and the writer writes (bytes, without "\n").
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;
/// The side of a twitch (the `side` field).
enum class Side : std::uint8_t { left, right, both };
inline constexpr auto kSideNames =
    make_names<Side>({{Side::left, "left"}, {Side::right, "right"}, {Side::both, "both"}});
/// The values of a twitch's `side` field, for choices and completion.
inline constexpr auto kSides = kSideNames.views();
/// Whether `value` is one of kSides.
inline bool is_side(std::string_view value) { return kSideNames.parse(value).has_value(); }

/// The kinds of entry.
enum class Kind : std::uint8_t { twitch, checkin, remedy, triage, note, visit, retract, unknown };

/// The names of the kinds the contract defines, in its order.
inline constexpr auto kKindNames = make_names<Kind>({{Kind::twitch, "twitch"},
                                                     {Kind::checkin, "checkin"},
                                                     {Kind::remedy, "remedy"},
                                                     {Kind::triage, "triage"},
                                                     {Kind::note, "note"},
                                                     {Kind::visit, "visit"},
                                                     {Kind::retract, "retract"}});

/// "twitch", "checkin"... ("unknown" for Kind::unknown).
std::string_view kind_name(Kind kind);

/// One KEY=VALUE of an entry; `value` is unescaped.
struct Field {
  std::string_view key;
  std::string_view value;
  std::uint32_t column = 0;  ///< 1-based column of the key, in characters
};

/// Whether `key` is the key written in the code: compared at a length known
/// when compiling, which is quicker on big journals than operator==.
template <std::size_t N>
bool key_is(std::string_view key, const char (&literal)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

/// One entry line, parsed into its fields (not yet interpreted: see model.hpp).
/// Views point into the line and the parser's scratch space: valid until the
/// next line is parsed.
struct Entry {
  std::uint64_t line = 0;
  Timestamp time;
  Kind kind = Kind::unknown;
  std::string_view kind_text;
  std::uint32_t kind_column = 0;
  std::vector<Field> fields;
  bool loose_spacing = false;  ///< separators other than one space, or trailing blanks

  /// The field with this key, or nullptr.
  const Field* find(std::string_view key) const;
  /// The same for a key written in the code: compared at a length known when
  /// compiling, which is quicker on big journals.
  template <std::size_t N>
  const Field* find(const char (&key)[N]) const {
    for (const auto& field : fields) {
      if (key_is(field.key, key)) return &field;
    }
    return nullptr;
  }
};

/// What a line turned out to be.
enum class LineType { blank, comment, entry, malformed };

/// Why a line is malformed.
struct LineProblem {
  std::size_t column = 0;  ///< 1-based, in characters
  std::string message;
};

/// Parses single lines (without their "\n"), reusing its buffers.
class LineParser {
 public:
  LineType parse(std::string_view line, std::uint64_t line_number, Entry& entry, LineProblem& problem);
  /// The same, when the caller knows that the first `plain` bytes of the line
  /// are printable ASCII and the next one (if any) is not.
  LineType parse(std::string_view line, std::uint64_t line_number, Entry& entry, LineProblem& problem,
                 std::size_t plain);
  /// Parses `text` as a run of fields only (KEY=VALUE separated by blanks),
  /// as a check-in on standard input. Fills entry.fields.
  LineType parse_fields_only(std::string_view text, Entry& entry, LineProblem& problem);

 private:
  LineType parse_fields(std::string_view line, std::size_t start, Entry& entry, LineProblem& problem);
  /// The 1-based column of a byte offset of the line being parsed.
  std::uint32_t column(std::string_view line, std::size_t offset) const;
  std::string scratch_;
  DateCache dates_;
  bool ascii_ = false;  ///< the line is printable ASCII only: columns are offsets + 1
};

/// Receives the lines of a journal as the reader finds them.
class JournalSink {
 public:
  virtual ~JournalSink() = default;
  /// A well-formed entry; `raw` is the line.
  virtual void on_entry(const Entry& entry, std::string_view raw) = 0;
  /// A malformed line (the torn last line included, with torn = true).
  virtual void on_problem(std::uint64_t line, std::string_view raw, const LineProblem& problem, bool torn) = 0;
  /// A comment line.
  virtual void on_comment(std::uint64_t /*line*/, std::string_view /*raw*/) {}
};

/// Passes every line to several sinks, in order: one pass, many readers.
class FanOutSink : public JournalSink {
 public:
  explicit FanOutSink(std::vector<JournalSink*> sinks) : sinks_(std::move(sinks)) {}
  void on_entry(const Entry& entry, std::string_view raw) override {
    for (auto* s : sinks_) s->on_entry(entry, raw);
  }
  void on_problem(std::uint64_t line, std::string_view raw, const LineProblem& problem, bool torn) override {
    for (auto* s : sinks_) s->on_problem(line, raw, problem, torn);
  }
  void on_comment(std::uint64_t line, std::string_view raw) override {
    for (auto* s : sinks_) s->on_comment(line, raw);
  }

 private:
  std::vector<JournalSink*> sinks_;
};

/// Totals of one pass over a journal.
struct ScanSummary {
  std::uint64_t lines = 0;
  std::uint64_t entries = 0;
  std::uint64_t problems = 0;
  bool torn_last_line = false;
};

/// Reads a journal held in memory, line by line.
ScanSummary scan_journal_text(std::string_view text, JournalSink& sink);

/// Reads the journal file at `path`, streaming. Throws a data Error when it
/// cannot be read (a missing file included).
ScanSummary scan_journal_file(const std::string& path, JournalSink& sink);

/// One field to write: key and raw (unescaped) value.
using FieldValue = std::pair<std::string, std::string>;

/// The journal text of a value: bare when it can be, else quoted and escaped.
/// Throws a usage Error for control characters other than \n \t \r and for
/// invalid UTF-8, naming `what` (e.g. "note").
std::string encode_value(std::string_view value, std::string_view what);

/// The whole entry line (without "\n"). Throws a usage Error as encode_value.
std::string format_entry(const Timestamp& time, Kind kind, const std::vector<FieldValue>& fields);

/// Locks the journal open on `fd`: exclusive for a writer, shared for a
/// reader (so that it sees only whole lines), waiting at most `timeout_ms`
/// and then throwing a data Error that says so.
void lock_journal(int fd, const std::string& path, bool exclusive, int timeout_ms);

/// Throws a data Error naming the path and what it is ("a FIFO (named pipe)",
/// "a character device"...) unless `fd` is open on a regular file. `what` is
/// "journal" or "rule file".
void require_regular_file(int fd, const std::string& path, std::string_view what);

/// Throws a usage Error when `time` cannot be written as a journal timestamp
/// (a date outside 0001–9999, an offset beyond ±23:59).
void check_writable_time(const Timestamp& time);

/// How append_line waits for the lock.
struct AppendOptions {
  int lock_timeout_ms = 10000;
};

/// A journal file open for writing under its exclusive lock (append_line
/// and `edit` write under it); closing it, at destruction or by close(),
/// releases the lock.
class LockedJournal {
 public:
  LockedJournal(int fd, bool created) : fd_(fd), created_(created) {}
  LockedJournal(LockedJournal&& other) noexcept : fd_(std::exchange(other.fd_, -1)), created_(other.created_) {}
  LockedJournal& operator=(LockedJournal&&) = delete;
  LockedJournal(const LockedJournal&) = delete;
  LockedJournal& operator=(const LockedJournal&) = delete;
  ~LockedJournal();
  int fd() const { return fd_; }
  /// Whether this opening created the file (it is empty then).
  bool created() const { return created_; }
  /// Closes now, returning what close(2) gave (it can fail, on network file systems).
  int close();

 private:
  int fd_;
  bool created_;
};

/// Opens the journal at `path` for writing and locks it as append_line does
/// (the same refusals; with `create`, the folder and file made when missing),
/// checking after the lock that the path still names the file it holds and
/// starting again when it was replaced. Throws a data Error.
LockedJournal lock_journal_for_writing(const std::string& path, const AppendOptions& options, bool create);

/// The folder of `path`: "." for a bare file name, "/" for a file in the root.
std::string parent_folder(const std::string& path);

/// Appends `line` plus "\n" to the journal at `path` as the contract says:
/// creates the folder (0700) and the file (0600, with the header line) when
/// missing, locks it, checks that the path still names the file it locked
/// (and starts again when it was replaced), terminates a torn last line,
/// writes once, cuts a short write back, and fdatasyncs before returning.
/// Refuses a journal that is not the user's own, one in a folder anyone may
/// write to without the sticky bit, and another user's symlink in a folder
/// anyone may write to. Throws a data Error.
void append_line(const std::string& path, std::string_view line, const AppendOptions& options = {});

}  // namespace twitchlog
