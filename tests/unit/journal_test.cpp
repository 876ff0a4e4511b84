#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <memory>
#include <random>

#include "helpers.hpp"
#include "twitchlog/journal.hpp"

using namespace twitchlog;

namespace {

constexpr const char* kTs = "2026-11-03T09:14:03+01:00";

struct Parsed {
  LineType type;
  Entry entry;
  LineProblem problem;
  LineParser parser;  // owns the scratch the entry's views point into
};

// Parses one line; the result keeps the parser alive for the views.
std::unique_ptr<Parsed> parse(const std::string& line) {
  static std::string keep;  // the line must outlive the views too
  keep = line;
  auto p = std::make_unique<Parsed>();
  p->type = p->parser.parse(keep, 7, p->entry, p->problem);
  return p;
}

std::string problem(const std::string& line) {
  const auto p = parse(line);
  if (p->type != LineType::malformed) return "not malformed";
  return std::to_string(p->problem.column) + ": " + p->problem.message;
}

std::string field(const std::string& line, const std::string& key) {
  const auto p = parse(line);
  REQUIRE(p->type == LineType::entry);
  const auto* f = p->entry.find(key);
  return f == nullptr ? "<none>" : std::string(f->value);
}

// Collects what a scan reports.
struct Collect : JournalSink {
  std::vector<std::string> entries;
  std::vector<std::string> problems;
  std::vector<std::uint64_t> comment_lines;
  void on_entry(const Entry& e, std::string_view) override {
    entries.push_back(std::to_string(e.line) + " " + std::string(e.kind_text));
  }
  void on_problem(std::uint64_t line, std::string_view, const LineProblem& p, bool torn) override {
    problems.push_back(std::to_string(line) + (torn ? " torn: " : ": ") + p.message);
  }
  void on_comment(std::uint64_t line, std::string_view) override { comment_lines.push_back(line); }
};

std::string entry_line(const std::string& rest) { return std::string(kTs) + " " + rest; }

}  // namespace

TEST_CASE("blank and comment lines") {
  CHECK(parse("")->type == LineType::blank);
  CHECK(parse(" \t ")->type == LineType::blank);
  CHECK(parse("# twitchlog journal v1")->type == LineType::comment);
  CHECK(parse("   # indented comment with \"anything\" = \\ in it")->type == LineType::comment);
}

TEST_CASE("every line of the contract's example parses") {
  const char* lines[] = {
      "2026-11-03T09:14:03+01:00 twitch severity=3 duration=45s where=lower-lip side=left tags=espresso,exam "
      "note=\"after the third espresso\"",
      "2026-11-03T22:05:00+01:00 checkin caffeine=4 sleep=5.5 stress=4 water=1.2",
      "2026-11-04T08:00:00+01:00 remedy id=magnesium dose=400mg",
      "2026-11-04T12:30:00+01:00 note text=\"dentist on Friday\"",
      "2026-11-05T23:40:10+01:00 twitch severity=2 duration=2m flags=chewing",
      "2026-11-06T07:30:00+01:00 triage level=doctor flags=chewing",
  };
  const Kind kinds[] = {Kind::twitch, Kind::checkin, Kind::remedy, Kind::note, Kind::twitch, Kind::triage};
  for (int i = 0; i < 6; ++i) {
    const auto p = parse(lines[i]);
    REQUIRE(p->type == LineType::entry);
    CHECK(p->entry.kind == kinds[i]);
    CHECK_FALSE(p->entry.loose_spacing);
    CHECK(p->entry.line == 7);
  }
  const auto first = parse(lines[0]);
  REQUIRE(first->entry.fields.size() == 6);
  CHECK(first->entry.fields[5].key == "note");
  CHECK(first->entry.fields[5].value == "after the third espresso");
  CHECK(first->entry.fields[0].column == 34);
  CHECK(first->entry.time.unix_seconds == 1793693643);
}

TEST_CASE("quoted values: every escape, and other characters stand for themselves") {
  CHECK(field(entry_line(R"(note note="a \"b\" \\ c\nd\te\rf")"), "note") == "a \"b\" \\ c\nd\te\rf");
  CHECK(field(entry_line(R"(note text="")"), "text").empty());
  CHECK(field(entry_line(R"(note text="x = y, #z 'q' ☕ שלום")"), "text") == "x = y, #z 'q' ☕ שלום");
  CHECK(field(entry_line("twitch tags=☕,é"), "tags") == "☕,é");
  CHECK(field(entry_line("twitch severity=3 note=\"a\" side=left"), "side") == "left");
}

TEST_CASE("fields may come in any order; unknown kinds still parse") {
  const auto p = parse(entry_line("sneeze loud=yes"));
  REQUIRE(p->type == LineType::entry);
  CHECK(p->entry.kind == Kind::unknown);
  CHECK(p->entry.kind_text == "sneeze");
  CHECK(field(entry_line("twitch side=left severity=2"), "severity") == "2");
}

TEST_CASE("extra blanks are accepted but flagged") {
  CHECK(parse(entry_line("twitch  severity=3"))->entry.loose_spacing);
  CHECK(parse(entry_line("twitch severity=3 "))->entry.loose_spacing);
  CHECK(parse(entry_line("twitch\tseverity=3"))->entry.loose_spacing);
  CHECK(parse(std::string(" ") + entry_line("twitch"))->entry.loose_spacing);
  CHECK_FALSE(parse(entry_line("twitch severity=3"))->entry.loose_spacing);
}

TEST_CASE("malformed lines name the column and what was expected") {
  CHECK(problem(kTs) ==
        "26: expected a kind after the timestamp: twitch, checkin, remedy, triage, note, visit or retract");
  CHECK(problem("2026-11-03 twitch").starts_with("11: expected 'T' between the date and the time"));
  CHECK(problem("yesterday twitch").starts_with("1: expected a date as YYYY-MM-DD"));
  CHECK(problem("2026-02-29T10:00:00Z twitch").starts_with("9: day 29 does not exist in 2026-02"));
  CHECK(problem(entry_line("Twitch")) ==
        "27: expected a kind: twitch, checkin, remedy, triage, note, visit or retract");
  CHECK(problem(entry_line("twitch severity")) == "34: expected KEY=VALUE, found \"severity\"");
  CHECK(problem(entry_line("twitch Sev=3")).starts_with("34: invalid key \"Sev\""));
  CHECK(problem(entry_line("twitch =3")).starts_with("34: invalid key \"\""));
  CHECK(problem(entry_line("twitch a=1 a=2")) == "38: duplicate key \"a\" (first at column 34)");
  CHECK(problem(entry_line("note text=\"abc")) == "37: unterminated quoted value: the closing '\"' is missing");
  CHECK(problem(entry_line("note text=\"abc\\\"")) == "37: unterminated quoted value: the closing '\"' is missing");
  CHECK(problem(entry_line("note text=\"a\"b")) == "40: expected a space after the closing '\"'");
  CHECK(problem(entry_line("note text=\"a\\qb\"")) ==
        "39: unknown escape \"\\\\q\"; the escapes are \\\" \\\\ \\n \\t \\r");
  CHECK(problem(entry_line("note text=a=b")) == "38: \"=\" in a bare value; quote the value: text=\"...\"");
  CHECK(problem(entry_line("note text=a\"b")) == "38: \"\\\"\" in a bare value; quote the value: text=\"...\"");
  CHECK(problem(entry_line("note text=a\\b")) == "38: \"\\\\\" in a bare value; quote the value: text=\"...\"");
  CHECK(problem(entry_line("note text=")) == "37: empty value for \"text\"; write text=\"\" for an empty text");
  CHECK(problem(entry_line("note text=\"a\tb\"")) == "39: tab in a quoted value; write it as \\t");
}

TEST_CASE("bytes that are not text are malformed, never a crash") {
  CHECK(problem(entry_line("note text=\xff")) == "37: invalid UTF-8");
  CHECK(problem(entry_line("note text=\xc3")) == "37: invalid UTF-8");
  CHECK(problem(entry_line("note text=\xed\xa0\x80")) == "37: invalid UTF-8");  // a surrogate
  CHECK(problem(entry_line("note text=\xc0\xaf")) == "37: invalid UTF-8");      // overlong
  CHECK(problem(entry_line(std::string("note text=a\0b", 13))) == "38: control character U+0000 in the line");
  CHECK(problem(entry_line("note text=\x1b[31m")) == "37: control character U+001B in the line");
  CHECK(problem(entry_line("note text=x\r")).starts_with("38: carriage return at the end of the line"));
  CHECK(problem("\xef\xbb\xbf" + entry_line("twitch")).starts_with("1: byte order mark"));
  // Columns count characters, not bytes.
  CHECK(problem(entry_line("note text=\"é☕\"x")) == "41: expected a space after the closing '\"'");
}

TEST_CASE("a line with too many fields is refused") {
  std::string line = entry_line("sneeze");
  for (int i = 0; i < 10000; ++i) line += " k" + std::to_string(i) + "=v";
  CHECK(problem(line).find("too many fields (the most is 256)") != std::string::npos);
}

TEST_CASE("random bytes never crash the parser") {
  std::mt19937 random(42);
  const std::string alphabet = "0123456789-T:+Z =\"\\ntwitchseverity#\t\xc3\xa9\xff\x01";
  LineParser parser;
  Entry entry;
  LineProblem p;
  int entries = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string line = i % 2 ? entry_line("twitch ") : "";
    const int n = static_cast<int>(random() % 60);
    for (int k = 0; k < n; ++k) line += alphabet[random() % alphabet.size()];
    const auto type = parser.parse(line, 1, entry, p);
    if (type == LineType::entry) {
      ++entries;
      for (const auto& f : entry.fields) CHECK(f.value.size() <= line.size());
    } else if (type == LineType::malformed) {
      CHECK(p.column >= 1);
      CHECK(p.column <= line.size() + 1);
    }
  }
  CHECK(entries > 0);
}

TEST_CASE("scanning text: line numbers, comments, problems and the torn last line") {
  Collect sink;
  const auto summary = scan_journal_text("# twitchlog journal v1\n\n" + entry_line("twitch") + "\nnot an entry\n" +
                                             entry_line("note text=x") + "\n" + entry_line("twitch sev"),
                                         sink);
  CHECK(summary.lines == 6);
  CHECK(summary.entries == 2);
  CHECK(summary.problems == 2);
  CHECK(summary.torn_last_line);
  CHECK(sink.entries == std::vector<std::string>{"3 twitch", "5 note"});
  REQUIRE(sink.problems.size() == 2);
  CHECK(sink.problems[0].starts_with("4: expected a date"));
  CHECK(sink.problems[1].starts_with("6 torn: the last line has no newline"));
  CHECK(sink.comment_lines == std::vector<std::uint64_t>{1});

  Collect whole;
  CHECK_FALSE(scan_journal_text(entry_line("twitch") + "\n", whole).torn_last_line);
  CHECK(whole.problems.empty());
}

TEST_CASE("scanning a file: chunk boundaries, over-long lines, a missing file") {
  test::TempDir dir;
  std::string text = "# twitchlog journal v1\n";
  for (int i = 0; i < 40000; ++i) text += entry_line("twitch severity=" + std::to_string(i % 5 + 1)) + "\n";
  text += entry_line("note text=" + std::string(kMaxLineBytes + 10, 'x')) + "\n";
  text += entry_line("note text=" + std::string(3 << 20, 'y')) + "\n";  // longer than a read chunk
  text += entry_line("note text=after") + "\n";
  test::spit(dir.file("j.txt"), text);
  Collect sink;
  const auto summary = scan_journal_file(dir.file("j.txt"), sink);
  CHECK(summary.lines == 40004);
  CHECK(summary.entries == 40001);
  CHECK(sink.entries.back() == "40004 note");
  REQUIRE(sink.problems.size() == 2);
  CHECK(sink.problems[0] == "40002: line is longer than 65536 bytes");
  CHECK(sink.problems[1] == "40003: line is longer than 65536 bytes");

  CHECK(test::error_of([&] { scan_journal_file(dir.file("missing.txt"), sink); }) ==
        "journal " + dir.file("missing.txt") + " does not exist yet; `twitchlog log` creates it");
}

namespace {

// Records everything a scan reports, to compare two scans.
struct Record : JournalSink {
  std::vector<std::string> seen;
  void on_entry(const Entry& e, std::string_view raw) override {
    std::string out = std::to_string(e.line) + " entry " + std::string(e.kind_text) + "@" +
                      std::to_string(e.kind_column) + (e.loose_spacing ? " loose" : "") + " | " + std::string(raw);
    for (const auto& f : e.fields)
      out += " [" + std::string(f.key) + "@" + std::to_string(f.column) + "=" + std::string(f.value) + "]";
    seen.push_back(out);
  }
  void on_problem(std::uint64_t line, std::string_view raw, const LineProblem& p, bool torn) override {
    seen.push_back(std::to_string(line) + (torn ? " torn " : " problem ") + std::to_string(p.column) + ": " +
                   p.message + " | " + std::string(raw));
  }
  void on_comment(std::uint64_t line, std::string_view raw) override {
    seen.push_back(std::to_string(line) + " comment | " + std::string(raw));
  }
};

}  // namespace

TEST_CASE("a bad byte is found at every position of a line") {
  // The scans go 16 and 8 bytes at a time: every offset within those steps.
  for (std::size_t at = 37; at < 37 + 40; ++at) {
    for (const std::string bad : {"\x01", "\x7f", "\xff", "\x1b"}) {
      std::string line = entry_line("note text=") + std::string(60, 'a');
      line.insert(at, bad);
      CAPTURE(at);
      CAPTURE(bad);
      const std::string got = problem(line);
      CHECK(got.starts_with(std::to_string(at + 1) + ": "));
    }
  }
}

TEST_CASE("a file scan reports what a scan of the same text does, whatever bytes the lines hold") {
  // The file scan finds newlines and plain-ASCII lines in one pass; lines of
  // every length around the 8- and 16-byte steps, with a byte that is not
  // printable ASCII at every position, must come out as the text scan gives them.
  const std::vector<std::string> odd = {"\t",       "\r",   std::string(1, '\0'), "\x7f", "\x1b",
                                        "\xc3\xa9", "\xff", "\xe2\x98\x95"};
  std::mt19937 random(7);
  std::string text = "# twitchlog journal v1\n";
  for (int n = 0; n < 3000; ++n) {
    std::string line = entry_line("note text=");
    const std::size_t length = random() % 40;
    for (std::size_t i = 0; i < length; ++i) line += static_cast<char>('a' + random() % 26);
    if (random() % 3 == 0) line.insert(random() % (line.size() + 1), odd[random() % odd.size()]);
    if (random() % 5 == 0) line = " " + line;
    text += line + "\n";
  }
  text += entry_line("twitch severity=2");  // torn
  test::TempDir dir;
  test::spit(dir.file("j.txt"), text);
  Record from_file, from_text;
  const auto a = scan_journal_file(dir.file("j.txt"), from_file);
  const auto b = scan_journal_text(text, from_text);
  CHECK(a.lines == b.lines);
  CHECK(a.entries == b.entries);
  CHECK(a.problems == b.problems);
  CHECK(a.torn_last_line);
  CHECK(b.problems > 500);  // the odd bytes made many lines malformed
  REQUIRE(from_file.seen.size() == from_text.seen.size());
  for (std::size_t i = 0; i < from_file.seen.size(); ++i) {
    CAPTURE(i);
    CHECK(from_file.seen[i] == from_text.seen[i]);
  }
}

TEST_CASE("values are written bare when they can be, else quoted and escaped") {
  CHECK(encode_value("espresso", "tag") == "espresso");
  CHECK(encode_value("☕", "note") == "☕");
  CHECK(encode_value("שלום", "note") == "שלום");
  CHECK(encode_value("after the third", "note") == "\"after the third\"");
  CHECK(encode_value("a=b", "note") == "\"a=b\"");
  CHECK(encode_value("say \"hi\"", "note") == R"("say \"hi\"")");
  CHECK(encode_value("C:\\temp", "note") == R"("C:\\temp")");
  CHECK(encode_value("two\nlines", "note") == R"("two\nlines")");
  CHECK(encode_value("a\tb\r", "note") == R"("a\tb\r")");
  CHECK(encode_value("", "note") == "\"\"");
  CHECK(test::error_of([] { encode_value("bell\a", "note"); }) ==
        "note contains the control character U+0007; only tab and newline may stand in text");
  CHECK(test::error_of([] { encode_value("\x1b[2J", "note"); }).find("U+001B") != std::string::npos);
  CHECK(test::error_of([] { encode_value("bad \xff byte", "note"); }) == "note is not valid UTF-8 (byte 5 of it)");
}

TEST_CASE("hostile text round-trips through the writer and the reader") {
  const std::vector<std::string> texts = {
      "plain",
      "with space",
      "quote \" inside",
      "back\\slash",
      "new\nline",
      "key=value",
      "tab\there",
      "\"\"\"",
      "\\\\\\",
      "emoji 🫦 lips",
      "מימין לשמאל",
      "trailing \\",
      "# not a comment",
      "a=b c=d",
      "\\n literally",
      "ends with quote\"",
      "=",
      " ",
      "\r\n",
  };
  for (const auto& text : texts) {
    const std::string line = format_entry(test::at(kTs), Kind::twitch, {{"note", text}, {"tags", "x"}});
    CHECK(line.find('\n') == std::string::npos);
    const auto p = parse(line);
    REQUIRE(p->type == LineType::entry);
    REQUIRE(p->entry.fields.size() == 2);
    CHECK(p->entry.fields[0].value == text);
    CHECK(p->entry.fields[1].value == "x");
  }
}

TEST_CASE("format_entry refuses an entry longer than a line may be") {
  CHECK(test::error_of([] {
          format_entry(test::at(kTs), Kind::note, {{"text", std::string(kMaxLineBytes, 'a')}});
        }).starts_with("the entry is too long"));
}

TEST_CASE("append_line creates a private journal with its header, in a private folder") {
  test::TempDir dir;
  const std::string path = dir.file("a/b/journal.txt");
  ::umask(022);
  append_line(path, entry_line("twitch"));
  append_line(path, entry_line("note text=x"));
  CHECK(test::slurp(path) ==
        "# twitchlog journal v1\n" + entry_line("twitch") + "\n" + entry_line("note text=x") + "\n");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(dir.file("a/b").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(dir.file("a").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("append_line ends a torn last line before its own") {
  test::TempDir dir;
  const std::string path = dir.file("j.txt");
  test::spit(path, "# twitchlog journal v1\n2026-11-03T09:1");
  append_line(path, entry_line("twitch"));
  CHECK(test::slurp(path) == "# twitchlog journal v1\n2026-11-03T09:1\n" + entry_line("twitch") + "\n");
}

TEST_CASE("append_line writes through a symlink and keeps an existing file's mode") {
  test::TempDir dir;
  test::spit(dir.file("real.txt"), "# twitchlog journal v1\n");
  ::chmod(dir.file("real.txt").c_str(), 0600);
  REQUIRE(::symlink(dir.file("real.txt").c_str(), dir.file("link.txt").c_str()) == 0);
  append_line(dir.file("link.txt"), entry_line("twitch"));
  CHECK(test::slurp(dir.file("real.txt")) == "# twitchlog journal v1\n" + entry_line("twitch") + "\n");
}

TEST_CASE("append_line fails loudly on what it cannot write") {
  test::TempDir dir;
  ::mkdir(dir.file("folder").c_str(), 0700);
  CHECK(test::error_of([&] { append_line(dir.file("folder"), "x"); }).starts_with("cannot open journal"));
  if (::geteuid() != 0) {  // root may write anywhere
    test::spit(dir.file("ro.txt"), "# twitchlog journal v1\n");
    ::chmod(dir.file("ro.txt").c_str(), 0400);
    CHECK(test::error_of([&] { append_line(dir.file("ro.txt"), "x"); }).find("Permission denied") != std::string::npos);
    CHECK(test::slurp(dir.file("ro.txt")) == "# twitchlog journal v1\n");
  }
  test::spit(dir.file("file"), "");
  CHECK(test::error_of([&] { append_line(dir.file("file/j.txt"), "x"); }).starts_with("cannot"));
}

TEST_CASE("a write cut short by the file size limit is cut back: the journal is unchanged") {
  test::TempDir dir;
  const std::string path = dir.file("j.txt");
  const std::string before = "# twitchlog journal v1\n" + entry_line("twitch") + "\n";
  test::spit(path, before);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{static_cast<rlim_t>(before.size() + 20), static_cast<rlim_t>(before.size() + 20)};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      append_line(path, entry_line("note text=" + std::string(200, 'x')));
    } catch (const Error& e) {
      const std::string message = e.what();
      _exit(message.find("the journal is unchanged") != std::string::npos ? 0 : 3);
    }
    _exit(4);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(test::slurp(path) == before);
}

TEST_CASE("a writer gives up on a lock held too long, writing nothing") {
  test::TempDir dir;
  const std::string path = dir.file("j.txt");
  test::spit(path, "# twitchlog journal v1\n");
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  // flock locks belong to the open file description: a second open in the same process conflicts too.
  CHECK(test::error_of([&] {
          append_line(path, entry_line("twitch"), AppendOptions{100});
        }).find("is locked by another process; gave up after 0.1 s") != std::string::npos);
  ::close(fd);
  CHECK(test::slurp(path) == "# twitchlog journal v1\n");
}

TEST_CASE("a BOM on a later line is not called the start of the file") {
  std::string bom_line = "\xef\xbb\xbf" + entry_line("twitch");
  Collect seen;
  scan_journal_text("\xef\xbb\xbf# twitchlog journal v1\n" + entry_line("twitch") + "\n" + bom_line + "\n", seen);
  REQUIRE(seen.problems.size() == 2);
  CHECK(seen.problems[0].starts_with("1: byte order mark at the start of the file"));
  CHECK(seen.problems[1] == "3: byte order mark (U+FEFF) at the start of the line; delete it");
  Collect first;
  scan_journal_text(bom_line + "\n", first);
  REQUIRE(first.problems.size() == 1);
  CHECK(first.problems[0].starts_with("1: byte order mark at the start of the file"));
}

TEST_CASE("writers refuse C1 controls like other controls") {
  CHECK(test::error_of([] {
          encode_value(
              "a\xc2\x9b"
              "31mRED",
              "note");
        }) == "note contains the control character U+009B; only tab and newline may stand in text");
  CHECK(test::error_of([] { encode_value("\xc2\x85", "dose"); }).find("U+0085") != std::string::npos);
  CHECK(encode_value("no-break\xc2\xa0space", "note") == "no-break\xc2\xa0space");  // U+00A0 is text
}

TEST_CASE("format_entry never writes a timestamp the reader refuses") {
  // --as-of 9999-12-31T23:59:59-23:59 with TZ=UTC is 10000-01-01T23:58:59Z.
  const Timestamp y10000{test::at("9999-12-31T23:59:59-23:59").unix_seconds, 0};
  CHECK(test::error_of([&] { format_entry(y10000, Kind::twitch, {}); }) ==
        "the time 10000-01-01T23:58:59Z cannot be written: journal dates go from 0001-01-01 to 9999-12-31");
  // TZ='XXX-24:59:59' gives an offset of +24:59:59.
  const Timestamp far{test::at(kTs).unix_seconds, 24 * 3600 + 59 * 60 + 59};
  CHECK(test::error_of([&] {
          format_entry(far, Kind::note, {{"text", "x"}});
        }).starts_with("the local UTC offset +24:59:59 (from TZ) cannot be written"));
  const Timestamp edge{test::at(kTs).unix_seconds, -(23 * 3600 + 59 * 60 + 29)};  // rounds to -23:59
  const std::string line = format_entry(edge, Kind::twitch, {});
  CHECK(parse(line)->type == LineType::entry);
  CHECK(parse(line)->entry.time.unix_seconds == edge.unix_seconds);
}

TEST_CASE("append_line makes the journal 0600 and its folders 0700 whatever the umask") {
  for (const mode_t mask : {mode_t{0777}, mode_t{0177}, mode_t{0}}) {
    CAPTURE(mask);
    test::TempDir dir;
    const mode_t old = ::umask(mask);
    const std::string path = dir.file("a/b/journal.txt");
    const std::string error = test::error_of([&] {
      append_line(path, entry_line("twitch"));
      append_line(path, entry_line("note text=again"));  // the next `log` can open it
    });
    ::umask(old);
    CHECK(error == "");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    REQUIRE(::stat(dir.file("a").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
    REQUIRE(::stat(dir.file("a/b").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
    CHECK(test::slurp(path) ==
          "# twitchlog journal v1\n" + entry_line("twitch") + "\n" + entry_line("note text=again") + "\n");
  }
}

TEST_CASE("a writer that waited for the lock writes to the file the path names now, not the replaced one") {
  test::TempDir dir;
  const std::string path = dir.file("j.txt");
  test::spit(path, "# twitchlog journal v1\n");
  ::chmod(path.c_str(), 0600);
  const int held = ::open(path.c_str(), O_RDONLY);
  REQUIRE(::flock(held, LOCK_EX) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(held);  // the lock belongs to the parent's open file, which this copy of the descriptor would keep
    try {
      append_line(path, entry_line("note text=waited"));
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  ::usleep(200 * 1000);  // the child has opened the old file and waits for its lock
  // What an editor or `sed -i` does: a new file renamed over the journal.
  test::spit(dir.file("j.new"), "# twitchlog journal v1\n" + entry_line("note text=edited") + "\n");
  ::chmod(dir.file("j.new").c_str(), 0600);
  REQUIRE(::rename(dir.file("j.new").c_str(), path.c_str()) == 0);
  ::close(held);  // releases the lock on the old file
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(test::slurp(path) ==
        "# twitchlog journal v1\n" + entry_line("note text=edited") + "\n" + entry_line("note text=waited") + "\n");
}

TEST_CASE("readers refuse what is not a regular file, without hanging") {
  test::TempDir dir;
  REQUIRE(::mkfifo(dir.file("fifo").c_str(), 0600) == 0);
  Collect seen;
  CHECK(test::error_of([&] { scan_journal_file(dir.file("fifo"), seen); }) ==
        "journal " + dir.file("fifo") + " is not a regular file: it is a FIFO (named pipe)");
  CHECK(test::error_of([&] { scan_journal_file("/dev/zero", seen); }) ==
        "journal /dev/zero is not a regular file: it is a character device");
  CHECK(test::error_of([&] { append_line(dir.file("fifo"), entry_line("twitch")); }) ==
        "journal " + dir.file("fifo") + " is not a regular file: it is a FIFO (named pipe)");
}

TEST_CASE("append_line refuses journals others could read or replace, naming the path and the owner") {
  test::TempDir dir;
  const std::string shared = dir.file("shared");
  REQUIRE(::mkdir(shared.c_str(), 0700) == 0);
  REQUIRE(::chmod(shared.c_str(), 0777) == 0);
  // A folder anyone may write to, without the sticky bit: anyone could replace the journal.
  CHECK(test::error_of([&] {
          append_line(shared + "/j.txt", entry_line("twitch"));
        }).starts_with("refusing to write to journal " + shared + "/j.txt: its folder " + shared));
  CHECK(::access((shared + "/j.txt").c_str(), F_OK) != 0);
  // With the sticky bit (as /tmp), the user's own journal is fine.
  REQUIRE(::chmod(shared.c_str(), 01777) == 0);
  CHECK(test::error_of([&] { append_line(shared + "/mine.txt", entry_line("twitch")); }) == "");
  if (::geteuid() != 0) {
    MESSAGE("not root: the cases of files owned by another user (nobody) are not run");
    return;
  }
  const uid_t nobody = 65534;
  test::spit(shared + "/theirs.txt", "# twitchlog journal v1\n");
  REQUIRE(::chmod((shared + "/theirs.txt").c_str(), 0666) == 0);
  REQUIRE(::chown((shared + "/theirs.txt").c_str(), nobody, nobody) == 0);
  CHECK(test::error_of([&] {
          append_line(shared + "/theirs.txt", entry_line("note text=secret"));
        }).starts_with("refusing to write to journal " + shared + "/theirs.txt: it belongs to"));
  CHECK(test::slurp(shared + "/theirs.txt") == "# twitchlog journal v1\n");
  // Another user's symlink in the shared folder, to a file of ours (~/.profile).
  test::spit(dir.file("profile"), "# mine\n");
  REQUIRE(::symlink(dir.file("profile").c_str(), (shared + "/planted.txt").c_str()) == 0);
  REQUIRE(::lchown((shared + "/planted.txt").c_str(), nobody, nobody) == 0);
  CHECK(test::error_of([&] {
          append_line(shared + "/planted.txt", entry_line("note text=secret"));
        }).find("is a symbolic link owned by") != std::string::npos);
  CHECK(test::slurp(dir.file("profile")) == "# mine\n");
  // The user's own symlink there is followed.
  REQUIRE(::symlink(dir.file("profile").c_str(), (shared + "/own.txt").c_str()) == 0);
  CHECK(test::error_of([&] { append_line(shared + "/own.txt", entry_line("twitch")); }) == "");
}
