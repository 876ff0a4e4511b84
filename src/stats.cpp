#include "twitchlog/stats.hpp"

#include <algorithm>

namespace twitchlog {

EpisodeRate episode_rate(const DailyEpisodes& daily, std::int64_t from, std::int64_t to, std::int64_t covered_from,
                         std::int64_t covered_to) {
  EpisodeRate r;
  r.first_day = std::max(from, covered_from);
  r.last_day = std::min(to, covered_to);
  if (r.first_day > r.last_day) return r;
  r.days = r.last_day - r.first_day + 1;
  for (auto it = daily.lower_bound(r.first_day); it != daily.end() && it->first <= r.last_day; ++it) {
    r.episodes += it->second;
  }
  r.rate = static_cast<double>(r.episodes) / static_cast<double>(r.days);
  return r;
}

RemedyEffect remedy_effect(const DailyEpisodes& daily, std::int64_t first_day, int window, int onset_days,
                           std::int64_t covered_from, std::int64_t today) {
  RemedyEffect e;
  e.first_day = first_day;
  e.window = window;
  e.onset_days = onset_days;
  e.before = episode_rate(daily, first_day - window, first_day - 1, covered_from, today);
  const std::int64_t start = first_day + onset_days;
  e.after = episode_rate(daily, start, start + window - 1, covered_from, today);
  return e;
}

}  // namespace twitchlog
