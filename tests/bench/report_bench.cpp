// Prints how fast `twitchlog report --period week --format json` reads a
// big journal, against the honest lower bound -- week_scan, a bare getline
// scanner that computes the week figures alone -- and against a mawk
// one-liner that computes episodes and mean severity per week, and `wc -l`;
// the ratios with the goals of issue 13 beside them (report at most 2x the
// bare scanner and 0.3x mawk, peak memory under 16 MiB); whether the three
// count the same episodes and the scanner and the report give the same
// figures for every week; and the time of `log` on that journal against
// `log` on an empty one; and the report with the statistics switched off (a
// rule file that asks for more days than the journal has), for issue 16's
// "within 10% of the report without the model". A benchmark, not a test: it only prints, and never
// fails on a slow machine (it fails only when a program it runs fails).
//
//   build/tests/report_bench [LINES] [RUNS]   (default 1,000,000 lines, about 98 MB; RUNS from $RUNS, else 3)
//
// Every program runs as a child process, each RUNS times; times are
// wall-clock (best, median, worst), peak memory is the child's ru_maxrss.
// KEEP=1 keeps the journal and the outputs in the temporary folder.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
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

// Writes `lines` lines over 10 years ending on 2026-11-24, every kind mixed
// as a long-time user's journal has them: 70% twitches, each with a
// severity, two tags and a short note, most with a duration, some with an
// area; check-ins, remedies, notes, recorded triage results and comments.
// About 98 MB for 1,000,000 lines. Deterministic.
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
  static const char* const kNotes[] = {"after the third espresso today", "in a long meeting with the team",
                                       "reading on the train home",      "on a long call, \"again\"",
                                       "just before lunch at my desk",   "while typing the weekly report"};
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
        const std::uint32_t tag = pick(8);
        fields.push_back({"tags", fmt::format("{},{}", kTags[tag], kTags[(tag + 1 + pick(7)) % 8])});
        fields.push_back({"note", kNotes[pick(6)]});
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
  ::fchmod(::fileno(f), 0600);  // private, as twitchlog wants a journal (or `log` warns)
  ::fsync(::fileno(f));
  std::fclose(f);
  return written;
}

struct Run {
  double seconds = 0;      // wall-clock
  double cpu_seconds = 0;  // user + system: less disturbed by the other programs on the machine
  long max_rss_kib = 0;
};

// Runs `sh -c command` with stdout to `out` and returns its time and peak
// memory (the child's rusage, which covers what sh execs).
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
  const auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  r.max_rss_kib = usage.ru_maxrss;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (code != 0) throw std::runtime_error(fmt::format("`{}` exited with {}", command, code));
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// All runs of one program.
struct Runs {
  std::vector<double> wall, cpu;
  long max_rss_kib = 0;
  void add(const Run& r) {
    wall.push_back(r.seconds);
    cpu.push_back(r.cpu_seconds);
    max_rss_kib = std::max(max_rss_kib, r.max_rss_kib);
  }
  double best() const { return *std::min_element(wall.begin(), wall.end()); }
  double best_cpu() const { return *std::min_element(cpu.begin(), cpu.end()); }
};

// The median over the rounds of a's time / b's time in the same round.
double median_ratio(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> ratios;
  for (std::size_t i = 0; i < a.size(); ++i) ratios.push_back(a[i] / b[i]);
  return median(ratios);
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

// One week's figures, as week_scan prints them and as the report's JSON has them.
struct WeekFigures {
  std::string start;
  long long episodes = -1, days = -1, duration_s = -1;
  double mean_severity = -1;  // -1: none
  bool operator==(const WeekFigures& o) const {
    return start == o.start && episodes == o.episodes && days == o.days && duration_s == o.duration_s &&
           std::fabs(mean_severity - o.mean_severity) < 1e-5;
  }
};

std::vector<WeekFigures> scanner_weeks(const std::string& text) {
  std::vector<WeekFigures> weeks;
  std::istringstream in(text);
  std::string start, severity;
  WeekFigures w;
  while (in >> start && start != "episodes") {
    in >> w.episodes >> w.days >> severity >> w.duration_s;
    w.start = start;
    w.mean_severity = severity == "-" ? -1 : std::stod(severity);
    weeks.push_back(w);
  }
  return weeks;
}

// The number after `"key": ` in `object`, or -1.
double json_number(std::string_view object, std::string_view key) {
  const std::string quoted = fmt::format("\"{}\": ", key);
  const auto at = object.find(quoted);
  if (at == std::string_view::npos) return -1;
  const std::string rest(object.substr(at + quoted.size(), 32));
  if (rest.starts_with("null")) return -1;
  return std::strtod(rest.c_str(), nullptr);
}

// The report's periods, read from its JSON (flat objects in "periods": [...]).
std::vector<WeekFigures> report_weeks(std::string_view json) {
  std::vector<WeekFigures> weeks;
  auto at = json.find("\"periods\": [");
  if (at == std::string_view::npos) return weeks;
  const auto end = json.find(']', at);
  while ((at = json.find('{', at)) < end) {
    const auto close = json.find('}', at);
    const std::string_view object = json.substr(at, close - at);
    WeekFigures w;
    if (const auto s = object.find("\"start\": \""); s != std::string_view::npos) w.start = object.substr(s + 10, 10);
    w.episodes = static_cast<long long>(json_number(object, "episodes"));
    w.days = static_cast<long long>(json_number(object, "days_with_episodes"));
    w.duration_s = static_cast<long long>(json_number(object, "total_duration_s"));
    w.mean_severity = json_number(object, "mean_severity");
    weeks.push_back(w);
    at = close;
  }
  return weeks;
}

// The text after the last `key` up to the end of its line or the next comma.
std::string figure_after(const std::string& text, const std::string& key) {
  const auto at = text.rfind(key);
  if (at == std::string::npos) return "?";
  const auto end = text.find_first_of(",\n", at);
  return text.substr(at + key.size(), end - at - key.size());
}

std::string times(const Runs& r) {
  return fmt::format("{:.3f} s (median {:.3f}, worst {:.3f}; cpu {:.3f})", r.best(), median(r.wall),
                     *std::max_element(r.wall.begin(), r.wall.end()), r.best_cpu());
}

// Whether `value`, as printed (two decimals), is within `goal`.
// The first three figures of /proc/loadavg: how busy the machine is.
std::string load_average() {
  std::string text = slurp("/proc/loadavg");
  std::size_t end = 0;
  for (int i = 0; i < 3 && end != std::string::npos; ++i) end = text.find(' ', end + (i > 0));
  return end == std::string::npos ? "unknown" : text.substr(0, end);
}

const char* verdict(double value, double goal) {
  return std::round(value * 100) <= std::round(goal * 100) ? "met" : "NOT met";
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t lines = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const char* runs_env = std::getenv("RUNS");
  const int runs = std::max(1, argc > 2 ? std::atoi(argv[2]) : runs_env != nullptr ? std::atoi(runs_env) : 3);
  const std::string bin = TWITCHLOG_BIN;
  const std::string scan = WEEK_SCAN_BIN;
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("twitchlog-report-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);  // private, as a journal's folder should be
  const std::string big = (dir / "big.txt").string();
  const std::string empty = (dir / "empty.txt").string();
  const std::string json = (dir / "report.json").string();
  const std::string awk_out = (dir / "mawk.txt").string();
  const std::string scan_out = (dir / "scan.txt").string();
  const std::string no_model_rules = (dir / "no-model.toml").string();
  {
    std::FILE* r = std::fopen(no_model_rules.c_str(), "w");
    if (r == nullptr) throw std::runtime_error("cannot create " + no_model_rules);
    std::fprintf(r, "extends = \"builtin\"\n[insights]\nmin_observed_days = 36600\n");
    std::fclose(r);
  }

  const std::uint64_t written = write_journal(big, lines);
  const auto bytes = std::filesystem::file_size(big);
  fmt::print(
      "journal: {} lines, {:.1f} MB ({:.1f} MiB), 10 years (2016-11-25 to 2026-11-24), every kind mixed, "
      "twitches with two tags and a note\n",
      written, bytes / 1e6, bytes / 1048576.0);
  fmt::print(
      "{} rounds, each running every program once, in turn; wall-clock times, best first, and the best user+system "
      "time; load average {}\n\n",
      runs, load_average());

  const std::string env = "TZ=CET-1CEST,M3.5.0,M10.5.0/3 ";
  const std::string report = env +
                             fmt::format("'{}' --journal '{}' --as-of 2026-11-24T23:59:59+01:00 report ", bin, big) +
                             "--from 2016-11-25 --to 2026-11-24 --period week --format json";
  const std::string no_model = env +
                               fmt::format("'{}' --rules '{}' --journal '{}' --as-of 2026-11-24T23:59:59+01:00 report ",
                                           bin, no_model_rules, big) +
                               "--from 2016-11-25 --to 2026-11-24 --period week --format json";
  const std::string wc_command = fmt::format("wc -l '{}'", big);
  const std::string bare_command = fmt::format("'{}' '{}' 2016-11-25 2026-11-24", scan, big);
  const std::string awk_command = fmt::format("{} '{}'", kMawk, big);
  // Round by round, so that a busy moment of the machine falls on all of
  // them alike, and the ratios are taken within a round.
  Runs wc, bare, awk, rep, rep_off;
  for (int i = 0; i < runs; ++i) {
    wc.add(run(wc_command));
    bare.add(run(bare_command, scan_out));
    awk.add(run(awk_command, awk_out));
    rep.add(run(report, json));
    rep_off.add(run(no_model, (dir / "no-model.json").string()));
  }

  // They agree on the episodes (a sanity check, not a test: printed, never fatal).
  const std::string scan_text = slurp(scan_out);
  const std::string report_text = slurp(json);
  const std::string scan_episodes = figure_after(scan_text, "episodes ");
  const std::string awk_episodes = figure_after(slurp(awk_out), "episodes ");
  const auto totals = report_text.find("\"totals\"");
  const std::string report_episodes =
      totals == std::string::npos
          ? "?"
          : figure_after(report_text.substr(0, report_text.find('}', totals)), "\"episodes\": ");
  const auto scanned = scanner_weeks(scan_text);
  const auto reported = report_weeks(report_text);
  std::size_t same = 0;
  for (std::size_t i = 0; i < std::min(scanned.size(), reported.size()); ++i) same += scanned[i] == reported[i];

  fmt::print("wc -l:                               {}\n", times(wc));
  fmt::print("bare getline scanner (week figures): {}, {} episodes\n", times(bare), scan_episodes);
  fmt::print("mawk (episodes, severity by week):   {}, {} episodes\n", times(awk), awk_episodes);
  fmt::print("report --period week --format json:  {}, {} episodes\n", times(rep), report_episodes);
  fmt::print("the same without the statistics:     {}\n", times(rep_off));
  fmt::print("episodes: bare scanner {}, report {}, mawk {}: {}\n", scan_episodes, report_episodes, awk_episodes,
             scan_episodes == report_episodes && awk_episodes == report_episodes ? "the same" : "THEY DIFFER");
  fmt::print("weeks: {} from the bare scanner, {} in the report, {} with the same four figures\n\n", scanned.size(),
             reported.size(), same);

  // The goals are judged on user+system time: on a shared machine the
  // wall-clock also counts the time spent waiting for a core.
  const double to_bare = median_ratio(rep.cpu, bare.cpu), to_awk = median_ratio(rep.cpu, awk.cpu);
  const double peak_mib = rep.max_rss_kib / 1024.0;
  fmt::print("                     now    goal          wall: median  best\n");
  fmt::print("report / bare scan:  {:5.2f}  <= 2.0  {:7}  {:12.2f}  {:4.2f}\n", to_bare, verdict(to_bare, 2.0),
             median_ratio(rep.wall, bare.wall), rep.best() / bare.best());
  fmt::print("report / mawk:       {:5.2f}  <= 0.3  {:7}  {:12.2f}  {:4.2f}\n", to_awk, verdict(to_awk, 0.3),
             median_ratio(rep.wall, awk.wall), rep.best() / awk.best());
  const double to_off = median_ratio(rep.cpu, rep_off.cpu);
  fmt::print("report / no model:   {:5.2f}  <= 1.1  {:7}  {:12.2f}  {:4.2f}\n", to_off, verdict(to_off, 1.1),
             median_ratio(rep.wall, rep_off.wall), rep.best() / rep_off.best());
  fmt::print("report peak memory:  {:5.1f}  < 16    {:7}  (MiB, the ru_maxrss of the report)\n", peak_mib,
             peak_mib < 16 ? "met" : "NOT met");
  fmt::print(
      "(\"now\" is the median over the rounds of the ratio of user+system times within a round; \"wall\" the same\n"
      "of wall-clock times, and of the best times; bare scan / mawk {:.2f}; report / wc -l {:.1f})\n\n",
      median_ratio(bare.cpu, awk.cpu), median_ratio(rep.cpu, wc.cpu));

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
