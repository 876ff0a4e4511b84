// The diary of a report: what a doctor reads besides the counts. How many
// days of the range were logged at all, where the twitching was, how strong
// and how long, every remedy and medicine taken with its doses and days, and
// the notes and visits, all in the report's range. Gathered in the report's
// one pass (DiaryCollector is one more sink); memory is bounded by the days
// of the range and by kTrackedIds distinct ids, doses and texts.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "twitchlog/model.hpp"
#include "twitchlog/rules.hpp"

namespace twitchlog {

/// A note or a visit of the range.
struct DiaryText {
  Timestamp time;
  std::int64_t day = 0;
  Kind kind = Kind::note;  ///< note or visit
  std::string text;        ///< the note's text, the visit's note (may be empty)
};

/// A dose as written and how many entries gave it.
struct DoseCount {
  std::string dose;
  std::uint64_t entries = 0;
};

/// A remedy or medicine taken in the range.
struct RemedyTaken {
  std::string id;
  const Remedy* remedy = nullptr;  ///< nullptr for an id the rules do not know
  std::uint64_t entries = 0;
  std::uint64_t days = 0;  ///< distinct days it was taken
  std::int64_t first_day = 0;
  std::int64_t last_day = 0;
  std::vector<DoseCount> doses;    ///< most entries first, then as written (at most kTrackedDoses)
  std::uint64_t other_doses = 0;   ///< entries with a dose beyond the tracked ones
  std::uint64_t without_dose = 0;  ///< entries that name no dose
};

/// Twitches in one area.
struct AreaCount {
  std::string id;
  const Area* area = nullptr;  ///< nullptr for an area of its own
  std::uint64_t episodes = 0;
};

/// Distinct doses of one remedy that a diary tracks one by one.
inline constexpr std::size_t kTrackedDoses = 20;

struct Diary {
  std::set<std::int64_t> logged;  ///< days of the range with an entry in force (retracts aside)
  std::array<std::uint64_t, kMaxSeverity + 1> severity{};  ///< twitches by severity; [0]: none given
  std::uint64_t with_duration = 0;                         ///< twitches that give a duration
  std::int64_t longest_duration_s = 0;
  std::array<std::uint64_t, 4> sides{};  ///< left, right, both, not given
  std::vector<AreaCount> areas;          ///< most episodes first, then id
  std::uint64_t other_areas = 0;         ///< twitches in areas beyond the kTrackedIds tracked
  std::vector<RemedyTaken> remedies;     ///< by first day, then id
  std::uint64_t other_remedies = 0;      ///< entries of ids beyond the kTrackedIds tracked
  std::vector<DiaryText> texts;          ///< notes and visits by time (the first kTrackedIds met)
  std::uint64_t other_texts = 0;         ///< notes and visits beyond them
};

/// Gathers a Diary for the days from..to.
class DiaryCollector : public EntrySink {
 public:
  DiaryCollector(std::int64_t from, std::int64_t to) : from_(from), to_(to) {}
  void on_entry(const TypedEntry& entry) override;
  void restart() override;
  Diary finish() const;

 private:
  struct RemedyDays {
    const Remedy* remedy = nullptr;
    std::uint64_t entries = 0;
    std::set<std::int64_t> days;
    std::map<std::string, std::uint64_t, std::less<>> doses;
    std::uint64_t other_doses = 0;
    std::uint64_t without_dose = 0;
  };
  std::int64_t from_, to_;
  std::set<std::int64_t> logged_;
  std::array<std::uint64_t, kMaxSeverity + 1> severity_{};
  std::uint64_t with_duration_ = 0;
  std::int64_t longest_duration_s_ = 0;
  std::array<std::uint64_t, 4> sides_{};
  std::map<std::string, AreaCount, std::less<>> areas_;
  std::uint64_t other_areas_ = 0;
  std::map<std::string, RemedyDays, std::less<>> remedies_;
  std::uint64_t other_remedies_ = 0;
  std::vector<DiaryText> texts_;
  std::uint64_t other_texts_ = 0;
};

}  // namespace twitchlog
