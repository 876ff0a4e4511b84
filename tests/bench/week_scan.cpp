// The honest lower bound for `twitchlog report --period week`: a bare
// std::getline scanner that computes the week figures and nothing else.
// report_bench times it beside the report; it is not a journal reader (no
// validation beyond what it needs, no check-ins, remedies, tags or flags).
//
//   week_scan FILE FROM TO     (FROM and TO as YYYY-MM-DD, inclusive)
//
// For every ISO week (Monday to Sunday) that meets FROM..TO it prints
//   START EPISODES DAYS_WITH_EPISODES MEAN_SEVERITY TOTAL_DURATION_S
// where START is the week's first day in the range and MEAN_SEVERITY is "-"
// when no twitch gave one; then "episodes N". A twitch is a line whose
// second word is `twitch`; its day is the date as written; severity is a
// digit 1 to 5; duration is h, m and s parts (45s, 2m, 1h30m).
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

bool digits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (const char c : s) n = n * 10 + (c - '0');
  return n;
}

// YYYY-MM-DD at the start of `s`.
bool parse_date(std::string_view s, std::int64_t& day) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return false;
  const int m = number(s.substr(5, 2)), d = number(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  day = days_from_civil(number(s.substr(0, 4)), static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// The Monday-based week of a day: 1970-01-01 was a Thursday.
std::int64_t week_of(std::int64_t day) {
  const std::int64_t shifted = day + 3;
  return (shifted >= 0 ? shifted : shifted - 6) / 7;
}

// The value of ` KEY=` in `line` (up to the next space), or empty.
std::string_view value_of(std::string_view line, std::string_view key_eq) {
  const auto at = line.find(key_eq);
  if (at == std::string_view::npos) return {};
  const auto start = at + key_eq.size();
  const auto end = line.find(' ', start);
  return line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// 45s, 2m, 1h30m; false when it is none of these.
bool parse_duration(std::string_view s, std::int64_t& seconds) {
  seconds = 0;
  if (s.empty()) return false;
  while (!s.empty()) {
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || n > 9 || n == s.size()) return false;
    const std::int64_t v = number(s.substr(0, n));
    switch (s[n]) {
      case 'h': seconds += v * 3600; break;
      case 'm': seconds += v * 60; break;
      case 's': seconds += v; break;
      default: return false;
    }
    s.remove_prefix(n + 1);
  }
  return true;
}

struct Week {
  std::int64_t episodes = 0, severity_sum = 0, severity_count = 0, duration_s = 0;
  std::int64_t days = 0, last_day = -1'000'000'000;
};

}  // namespace

int main(int argc, char** argv) {
  std::int64_t from = 0, to = 0;
  if (argc != 4 || !parse_date(argv[2], from) || !parse_date(argv[3], to) || to < from) {
    std::fprintf(stderr, "usage: week_scan FILE FROM TO   (dates as YYYY-MM-DD)\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "week_scan: cannot read %s\n", argv[1]);
    return 1;
  }
  const std::int64_t first_week = week_of(from);
  std::vector<Week> weeks(static_cast<std::size_t>(week_of(to) - first_week + 1));
  std::string text;
  while (std::getline(in, text)) {
    const std::string_view line = text;
    const auto space = line.find(' ');
    if (space == std::string_view::npos || line.compare(space + 1, 6, "twitch") != 0) continue;
    if (line.size() > space + 7 && line[space + 7] != ' ') continue;  // `twitches`, say
    std::int64_t day = 0;
    if (!parse_date(line, day) || day < from || day > to) continue;
    Week& w = weeks[static_cast<std::size_t>(week_of(day) - first_week)];
    ++w.episodes;
    if (day != w.last_day) {  // a journal is in time order; one out of order may count a day twice
      ++w.days;
      w.last_day = day;
    }
    const auto rest = line.substr(space + 7);
    if (const auto s = value_of(rest, " severity="); s.size() == 1 && s[0] >= '1' && s[0] <= '5') {
      w.severity_sum += s[0] - '0';
      ++w.severity_count;
    }
    std::int64_t seconds = 0;
    if (parse_duration(value_of(rest, " duration="), seconds)) w.duration_s += seconds;
  }
  std::int64_t total = 0;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const Week& w = weeks[i];
    const std::int64_t monday = (first_week + static_cast<std::int64_t>(i)) * 7 - 3;
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(monday < from ? from : monday, y, m, d);
    std::printf("%04d-%02u-%02u %lld %lld ", y, m, d, static_cast<long long>(w.episodes),
                static_cast<long long>(w.days));
    if (w.severity_count > 0) {
      std::printf("%.6f", static_cast<double>(w.severity_sum) / static_cast<double>(w.severity_count));
    } else {
      std::printf("-");
    }
    std::printf(" %lld\n", static_cast<long long>(w.duration_s));
    total += w.episodes;
  }
  std::printf("episodes %lld\n", static_cast<long long>(total));
  return 0;
}
