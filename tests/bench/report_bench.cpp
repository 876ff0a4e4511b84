// Prints how fast `twitchlog report` reads a big journal, next to a mawk
// one-liner that computes the week figures alone and to `wc -l`, and how
// much memory it takes; and the time of `log` on that journal against `log`
// on an empty one. A benchmark, not a test: it never fails on a slow machine.
//
//   build/tests/report_bench [LINES] [RUNS]    (default 1,000,000 lines over 10 years, best of 3 runs)
//
// Every program runs as a child process; times are wall-clock, peak memory
// is the child's ru_maxrss.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "twitchlog/journal.hpp"
#include "twitchlog/time.hpp"

using namespace twitchlog;
using Clock = std::chrono::steady_clock;

namespace {

// Ten years, 3652 days.
const std::int64_t kFirstDay = days_from_date(Date{2016, 11, 25});
const std::int64_t kLastDay = days_from_date(Date{2026, 11, 24});

// Writes `lines` lines over 10 years ending on 2026-11-24, every kind mixed:
// twitches (severity, duration, where, tags, notes), check-ins, remedies,
// notes, recorded triage results and comments. Deterministic.
std::uint64_t write_journal(const std::string& path, std::uint64_t lines) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) throw std::runtime_error("cannot create " + path);
  std::mt19937 random(2026);
  const auto pick = [&random](std::uint32_t n) { return random() % n; };
  std::fprintf(f, "%s\n", std::string(kJournalHeader).c_str());
  const std::int64_t days = kLastDay - kFirstDay + 1;
  const std::int64_t first = kFirstDay;
  const std::uint64_t per_day = (lines - 1 + days - 1) / days;
  static const char* const kAreas[] = {"lower-lip", "lower-lip", "lower-lip", "upper-lip", "eyelid", "cheek"};
  static const char* const kTags[] = {"coffee", "espresso", "screen", "exam", "deadline", "tired", "late", "gym"};
  static const char* const kRemedies[] = {"magnesium", "hydration", "caffeine-limit", "sleep", "massage"};
  std::uint64_t written = 1;
  for (std::int64_t d = 0; d < days && written < lines; ++d) {
    const std::int64_t midnight = (first + d) * 86400 - 3600;  // 00:00 at +01:00
    for (std::uint64_t i = 0; i < per_day && written < lines; ++i, ++written) {
      const Timestamp at{midnight + static_cast<std::int64_t>(i * 86000 / per_day + pick(60)), 3600};
      const std::uint32_t kind = pick(100);
      std::string line;
      if (kind < 70) {
        std::vector<FieldValue> fields = {{"severity", std::to_string(1 + pick(5))}};
        if (pick(3) != 0) fields.push_back({"duration", fmt::format("{}s", 5 + pick(300))});
        if (pick(4) == 0) fields.push_back({"where", kAreas[pick(6)]});
        if (pick(2) == 0) fields.push_back({"tags", fmt::format("{},{}", kTags[pick(8)], kTags[pick(8)])});
        if (pick(5) == 0) fields.push_back({"note", "after the third espresso, \"again\""});
        line = format_entry(at, Kind::twitch, fields);
      } else if (kind < 85) {
        line = format_entry(at, Kind::checkin,
                            {{"caffeine", std::to_string(pick(8))},
                             {"sleep", fmt::format("{}.5", 4 + pick(5))},
                             {"stress", std::to_string(1 + pick(5))},
                             {"water", fmt::format("{}.{}", pick(3), pick(10))}});
      } else if (kind < 92) {
        line = format_entry(at, Kind::remedy, {{"id", kRemedies[pick(5)]}, {"dose", "400mg"}});
      } else if (kind < 98) {
        line = format_entry(at, Kind::note, {{"text", "long day; slept badly, \"again\""}});
      } else if (kind < 99) {
        line = format_entry(at, Kind::triage, {{"level", "self-care"}});
      } else {
        line = "# a comment, as a user might write one";
      }
      std::fprintf(f, "%s\n", line.c_str());
    }
  }
  std::fflush(f);
  ::fsync(::fileno(f));
  std::fclose(f);
  return written;
}

struct Run {
  double seconds = 0;
  long max_rss_kib = 0;
  int status = 0;
};

// Runs `sh -c command` with stdout to `out` and returns its time and peak memory.
Run run(const std::string& command, const std::string& out = "/dev/null") {
  std::fflush(stdout);  // or the child's freopen writes out what is buffered
  const auto start = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (std::freopen(out.c_str(), "w", stdout) == nullptr) ::_exit(127);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  Run r;
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  r.max_rss_kib = usage.ru_maxrss;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (r.status != 0) throw std::runtime_error(fmt::format("`{}` exited with {}", command, r.status));
  return r;
}

// The best of `runs` runs (the least disturbed by the rest of the machine).
Run best_of(int runs, const std::string& command, const std::string& out = "/dev/null") {
  Run best = run(command, out);
  for (int i = 1; i < runs; ++i) {
    const Run r = run(command, out);
    if (r.seconds < best.seconds) best.seconds = r.seconds;
    best.max_rss_kib = std::max(best.max_rss_kib, r.max_rss_kib);
  }
  return best;
}

std::string slurp(const std::string& path) {
  std::string text;
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) return text;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  std::fclose(f);
  return text;
}

// Episodes and mean severity per ISO week: days from the civil date, weeks
// counted from a Monday (day 0 = 0000-03-01 is a Wednesday, hence +2).
const char* const kMawk =
    R"(mawk '$2 == "twitch" { y = substr($1, 1, 4) + 0; m = substr($1, 6, 2) + 0; d = substr($1, 9, 2) + 0; )"
    R"(if (m < 3) { y--; m += 12 }; n = 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (m - 3) + 2) / 5) + d - 1; )"
    R"(w = int((n + 2) / 7); c[w]++; for (i = 3; i <= NF; i++) if (substr($i, 1, 9) == "severity=") { s[w] += substr($i, 10); k[w]++ } } )"
    R"(END { for (w in c) { e += c[w]; print w, c[w], (k[w] ? s[w] / k[w] : "") } print "episodes", e }')";

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t lines = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  const std::string bin = TWITCHLOG_BIN;
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("twitchlog-report-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.txt").string();
  const std::string empty = (dir / "empty.txt").string();
  const std::string json = (dir / "report.json").string();
  const std::string awk_out = (dir / "mawk.txt").string();

  const std::uint64_t written = write_journal(big, lines);
  const auto bytes = std::filesystem::file_size(big);
  fmt::print("journal: {} lines, {:.1f} MiB, 10 years (2016-11-25 to 2026-11-24), every kind mixed\n", written,
             bytes / 1048576.0);

  const std::string env = "TZ=CET-1CEST,M3.5.0,M10.5.0/3 ";
  const std::string report = env +
                             fmt::format("'{}' --journal '{}' --as-of 2026-11-24T23:59:59+01:00 report ", bin, big) +
                             "--from 2016-11-25 --to 2026-11-24 --period week --format json";
  const Run wc = best_of(runs, fmt::format("wc -l '{}'", big));
  const Run awk = best_of(runs, fmt::format("{} '{}'", kMawk, big), awk_out);
  const Run rep = best_of(runs, report, json);

  // The two agree on the number of episodes (a sanity check, not a test).
  const std::string awk_text = slurp(awk_out);
  const auto at = awk_text.rfind("episodes ");
  const std::string awk_episodes =
      at == std::string::npos ? "?" : awk_text.substr(at + 9, awk_text.find('\n', at) - at - 9);
  const std::string report_text = slurp(json);
  const auto totals = report_text.find("\"episodes\": ");
  const std::string report_episodes =
      totals == std::string::npos ? "?" : report_text.substr(totals + 12, report_text.find(',', totals) - totals - 12);

  fmt::print("wc -l:                         {:.3f} s\n", wc.seconds);
  fmt::print("mawk (week figures only):      {:.3f} s, {} episodes\n", awk.seconds, awk_episodes);
  fmt::print("report --period week --format json: {:.3f} s, {} episodes, peak memory {:.1f} MiB\n", rep.seconds,
             report_episodes, rep.max_rss_kib / 1024.0);
  fmt::print("report / mawk: {:.2f} (target 0.25 or less); report / wc -l: {:.1f}\n", rep.seconds / awk.seconds,
             rep.seconds / wc.seconds);

  const int appends = 20;
  const auto log_time = [&](const std::string& path) {
    double total = 0;
    for (int i = 0; i < appends; ++i) {
      total += run(env + fmt::format("'{}' --journal '{}' log -q -s 2", bin, path)).seconds;
    }
    return total / appends * 1000;
  };
  const double log_empty = log_time(empty);
  const double log_big = log_time(big);
  fmt::print(
      "log (the whole process, fdatasync included), mean of {}: {:.2f} ms on a new journal, {:.2f} ms on the big one\n",
      appends, log_empty, log_big);
  if (std::getenv("KEEP") == nullptr)
    std::filesystem::remove_all(dir);
  else
    fmt::print("kept {}\n", dir.string());
  return 0;
}
