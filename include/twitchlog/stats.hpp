// Figures computed the same way by every command: episodes a day over a
// window of days, and a remedy's before/after comparison.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

namespace twitchlog {

/// Twitch entries per day (day number, days since 1970-01-01).
using DailyEpisodes = std::map<std::int64_t, std::uint64_t>;

/// Looks a day up in a map keyed by day, through the last day looked up:
/// journals come mostly in time order, so most lookups skip the tree. The
/// map must outlive the cursor and keep its entries while it is in use.
template <typename Map>
class DayCursor {
 public:
  explicit DayCursor(Map& map) : map_(map), last_(map.end()) {}
  DayCursor(const DayCursor&) = delete;  // a copy would look into the other map
  DayCursor& operator=(const DayCursor&) = delete;
  /// Forgets the last day looked up (call it after clearing the map).
  void reset() { last_ = map_.end(); }
  /// The day's value, default-made when the day is new.
  typename Map::mapped_type& operator[](std::int64_t day) {
    if (last_ == map_.end() || last_->first != day) last_ = map_.try_emplace(day).first;
    return last_->second;
  }

 private:
  Map& map_;
  typename Map::iterator last_;
};

/// Episodes a day over a window of days, clipped to the days the journal covers.
struct EpisodeRate {
  std::int64_t first_day = 0;  ///< the clipped window (first_day > last_day when empty)
  std::int64_t last_day = -1;
  std::int64_t days = 0;
  std::uint64_t episodes = 0;
  std::optional<double> rate;  ///< episodes / days; nullopt when the clipped window has no day
};

/// The rate over the days `from`..`to` (inclusive) that lie within
/// `covered_from`..`covered_to`.
EpisodeRate episode_rate(const DailyEpisodes& daily, std::int64_t from, std::int64_t to, std::int64_t covered_from,
                         std::int64_t covered_to);

/// A remedy's before and after: the `window` days before its first day, and
/// the `window` days that start `onset_days` after it.
struct RemedyEffect {
  std::int64_t first_day = 0;
  int window = 0;  ///< the days compared on each side (the rules' report.effect_window_days, or --window)
  int onset_days = 0;
  EpisodeRate before;
  EpisodeRate after;
};

/// The before/after of a remedy first taken on `first_day`, with the journal
/// covering `covered_from` (its first entry's day) to `today`.
RemedyEffect remedy_effect(const DailyEpisodes& daily, std::int64_t first_day, int window, int onset_days,
                           std::int64_t covered_from, std::int64_t today);

}  // namespace twitchlog
