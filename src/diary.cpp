#include "twitchlog/diary.hpp"

#include <algorithm>

#include "twitchlog/report.hpp"

namespace twitchlog {

void DiaryCollector::restart() { *this = DiaryCollector(from_, to_); }

void DiaryCollector::on_entry(const TypedEntry& e) {
  if (e.day < from_ || e.day > to_) return;
  if (e.kind != Kind::retract) logged_.insert(e.day);
  switch (e.kind) {
    case Kind::twitch: {
      ++severity_[static_cast<std::size_t>(e.severity.value_or(0))];
      if (e.duration_s) {
        ++with_duration_;
        longest_duration_s_ = std::max(longest_duration_s_, *e.duration_s);
      }
      ++sides_[e.side ? static_cast<std::size_t>(*e.side) : 3];
      if (auto it = areas_.find(e.area); it != areas_.end()) {
        ++it->second.episodes;
      } else if (areas_.size() < kTrackedIds) {
        areas_.emplace(std::string(e.area), AreaCount{std::string(e.area), e.area_rule, 1});
      } else {
        ++other_areas_;
      }
      break;
    }
    case Kind::remedy: {
      auto it = remedies_.find(e.remedy_id);
      if (it == remedies_.end()) {
        if (remedies_.size() >= kTrackedIds) {
          ++other_remedies_;
          break;
        }
        it = remedies_.emplace(std::string(e.remedy_id), RemedyDays{}).first;
        it->second.remedy = e.remedy;
      }
      RemedyDays& r = it->second;
      ++r.entries;
      r.days.insert(e.day);
      if (e.dose.empty()) {
        ++r.without_dose;
      } else if (auto d = r.doses.find(e.dose); d != r.doses.end()) {
        ++d->second;
      } else if (r.doses.size() < kTrackedDoses) {
        r.doses.emplace(std::string(e.dose), 1);
      } else {
        ++r.other_doses;
      }
      break;
    }
    case Kind::note:
    case Kind::visit:
      if (texts_.size() < kTrackedIds) {
        texts_.push_back(DiaryText{e.time, e.day, e.kind, std::string(e.note)});
      } else {
        ++other_texts_;
      }
      break;
    case Kind::checkin:
    case Kind::triage:
    case Kind::retract:
    case Kind::unknown: break;
  }
}

Diary DiaryCollector::finish() const {
  Diary d;
  d.logged = logged_;
  d.severity = severity_;
  d.with_duration = with_duration_;
  d.longest_duration_s = longest_duration_s_;
  d.sides = sides_;
  for (const auto& [id, a] : areas_) d.areas.push_back(a);
  std::stable_sort(d.areas.begin(), d.areas.end(),
                   [](const AreaCount& a, const AreaCount& b) { return a.episodes > b.episodes; });
  d.other_areas = other_areas_;
  for (const auto& [id, r] : remedies_) {
    RemedyTaken t;
    t.id = id;
    t.remedy = r.remedy;
    t.entries = r.entries;
    t.days = r.days.size();
    t.first_day = *r.days.begin();
    t.last_day = *r.days.rbegin();
    for (const auto& [dose, n] : r.doses) t.doses.push_back(DoseCount{dose, n});
    std::stable_sort(t.doses.begin(), t.doses.end(),
                     [](const DoseCount& a, const DoseCount& b) { return a.entries > b.entries; });
    t.other_doses = r.other_doses;
    t.without_dose = r.without_dose;
    d.remedies.push_back(std::move(t));
  }
  std::stable_sort(d.remedies.begin(), d.remedies.end(),
                   [](const RemedyTaken& a, const RemedyTaken& b) { return a.first_day < b.first_day; });
  d.other_remedies = other_remedies_;
  d.texts = texts_;
  std::stable_sort(d.texts.begin(), d.texts.end(),
                   [](const DiaryText& a, const DiaryText& b) { return a.time.unix_seconds < b.time.unix_seconds; });
  d.other_texts = other_texts_;
  return d;
}

}  // namespace twitchlog
