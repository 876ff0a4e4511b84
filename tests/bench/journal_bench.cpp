// Prints how fast the journal is appended to and read, and how much memory
// reading takes. A benchmark, not a test: it never fails on a slow machine.
//
//   build/tests/journal_bench [YEARS]     (default 10 years, 16 entries a day; 172 years is 1,000,000 lines)
#include <sys/resource.h>
#include <unistd.h>
#include <stdexcept>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "twitchlog/check.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/triage.hpp"

using namespace twitchlog;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

long peak_rss_kib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Writes a journal of `years` years, ending before 2026: a check-in, a
// remedy and 14 twitches a day. Line by line, so the writing takes no memory.
void write_journal(const std::string& path, int years) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) throw std::runtime_error("cannot create " + path);
  const auto put = [f](const std::string& line) { std::fprintf(f, "%s\n", line.c_str()); };
  put(std::string(kJournalHeader));
  Timestamp t{1'767'225'600 - std::int64_t{years} * 365 * 86400, 3600};
  for (int day = 0; day < years * 365; ++day) {
    put(format_entry(t, Kind::checkin, {{"caffeine", "3"}, {"sleep", "6.5"}, {"stress", "4"}, {"water", "1.2"}}));
    put(format_entry(t, Kind::remedy, {{"id", "magnesium"}, {"dose", "400mg"}}));
    for (int i = 0; i < 14; ++i) {
      Timestamp at{t.unix_seconds + 3000 * (i + 1), t.offset_seconds};
      put(format_entry(at, Kind::twitch,
                       {{"severity", "3"},
                        {"duration", "45s"},
                        {"tags", "espresso,exam"},
                        {"note", "after the third espresso, \"again\""}}));
    }
    t.unix_seconds += 86400;
  }
  std::fflush(f);
  ::fsync(::fileno(f));  // so the first timed append does not pay for writing the whole file out
  std::fclose(f);
}

// Mean time of one `log`-sized append (fdatasync included).
double mean_append_ms(const std::string& path, int count) {
  const std::string line = format_entry(Timestamp{1'800'000'000, 3600}, Kind::twitch, {{"severity", "2"}});
  const auto start = Clock::now();
  for (int i = 0; i < count; ++i) append_line(path, line);
  return seconds_since(start) * 1000 / count;
}

class CountingSink : public JournalSink {
 public:
  void on_entry(const Entry& entry, std::string_view) override { fields += entry.fields.size(); }
  void on_problem(std::uint64_t, std::string_view, const LineProblem&, bool) override {}
  std::uint64_t fields = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const int years = argc > 1 ? std::atoi(argv[1]) : 10;
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("twitchlog-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.txt").string();
  const std::string empty = (dir / "empty.txt").string();

  write_journal(big, years);
  const auto bytes = std::filesystem::file_size(big);
  const long rss_before = peak_rss_kib();

  CountingSink sink;
  auto start = Clock::now();
  const ScanSummary scan = scan_journal_file(big, sink);
  const double scan_s = seconds_since(start);

  const RuleSet rules = load_builtin_rules();
  start = Clock::now();
  const CheckReport report = check_journal_file(big, rules, Timestamp{1'900'000'000, 3600});
  const double check_s = seconds_since(start);

  start = Clock::now();
  const JournalFindings findings = scan_for_triage_file(big, rules, Timestamp{1'767'225'600, 3600});
  const Assessment assessment = assess(rules, findings, {});
  const double triage_s = seconds_since(start);

  const int appends = 50;
  const double append_empty = mean_append_ms(empty, appends);
  const double append_big = mean_append_ms(big, appends);

  fmt::print("journal: {} years, {} lines, {:.1f} MiB\n", years, scan.lines, bytes / 1048576.0);
  fmt::print("read (scan_journal_file): {:.3f} s, {:.2f} M lines/s, {:.0f} MiB/s\n", scan_s, scan.lines / scan_s / 1e6,
             bytes / 1048576.0 / scan_s);
  fmt::print("check (check_journal_file): {:.3f} s, {} diagnostics\n", check_s, report.diagnostics.size());
  fmt::print("triage (scan_for_triage_file + assess): {:.3f} s, {:.2f} M lines/s, level {}\n", triage_s,
             scan.lines / triage_s / 1e6, assessment.level->id);
  fmt::print(
      "append (one entry, fdatasync included), mean of {}: {:.3f} ms on a new journal, {:.3f} ms on the big one\n",
      appends, append_empty, append_big);
  fmt::print("peak RSS: {} KiB before reading, {} KiB after reading and checking\n", rss_before, peak_rss_kib());
  std::filesystem::remove_all(dir);
  return 0;
}
