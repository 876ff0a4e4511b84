// The diary's words, for the Markdown and HTML reports (report_words.hpp).
#include <algorithm>

#include <fmt/format.h>

#include "report_words.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::report_words {

namespace {

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string area_name(const AreaCount& a) { return a.area != nullptr ? a.area->name : a.id; }

// "Eyelid" in the middle of a sentence: "eyelid" (names are written capitalised in the rules).
std::string lowered_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// How many areas a title names; the others are "N other areas".
constexpr std::size_t kTitleAreas = 3;

}  // namespace

std::string title_text(const Diary& diary, const Escape& esc) {
  if (diary.areas.empty()) return "Twitching";
  std::vector<std::string> names;
  const std::size_t shown = std::min(diary.areas.size(), kTitleAreas);
  for (std::size_t i = 0; i < shown; ++i) {
    const std::string name = area_name(diary.areas[i]);
    names.push_back(esc(i == 0 ? name : lowered_first(name)));
  }
  const std::size_t more = diary.areas.size() - shown + (diary.other_areas > 0 ? 1 : 0);
  if (more > 0) names.push_back(more == 1 ? "one other area" : fmt::format("{} other areas", more));
  std::string list =
      names.size() == 1 ? names[0] : join(std::vector(names.begin(), names.end() - 1)) + " and " + names.back();
  return list + " twitching";
}

std::string coverage_text(const Report& r) {
  return fmt::format("logged on {} of {} days", r.diary.logged.size(), r.days());
}

std::string doses_text(const RemedyTaken& t, const Escape& esc) {
  std::vector<std::string> parts;
  for (const auto& d : t.doses) parts.push_back(fmt::format("{} ({})", esc(d.dose), d.entries));
  std::string out = join(parts);
  if (t.other_doses > 0)
    out += fmt::format("{}{} with further doses", out.empty() ? "" : ", ", plural(t.other_doses, "entry", "entries"));
  if (t.without_dose > 0 && !out.empty())
    out += fmt::format("; {} without a dose", plural(t.without_dose, "entry", "entries"));
  return out.empty() ? "not given" : out;
}

std::string taken_text(const RemedyTaken& t) {
  std::string out = fmt::format("on {}", plural(t.days, "day", "days"));
  if (t.entries != t.days) out += fmt::format(" ({})", plural(t.entries, "entry", "entries"));
  if (t.first_day == t.last_day) return out + fmt::format(", {}", day_text(t.first_day));
  return out + fmt::format(", {} to {}", day_text(t.first_day), day_text(t.last_day));
}

std::string remedy_title(const RemedyTaken& t, const Escape& esc) {
  if (t.remedy == nullptr) return esc(t.id) + " (not in the rules)";
  return esc(t.remedy->name) + (t.remedy->kind == RemedyKind::medical ? " (medical)" : "");
}

const RemedyTaken* taken_in_range(const Diary& diary, std::string_view id) {
  for (const auto& t : diary.remedies) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::string_view text_label(const DiaryText& t) { return t.kind == Kind::visit ? "Visit" : "Note"; }

std::vector<const DiaryText*> listed_texts(const Diary& diary, std::size_t limit) {
  std::vector<const DiaryText*> out;
  std::size_t visits = 0;
  for (const auto& t : diary.texts) visits += t.kind == Kind::visit ? 1 : 0;
  std::size_t notes = limit > visits ? limit - visits : 0;
  // The latest notes: walk back from the end, then put them in time order.
  for (auto it = diary.texts.rbegin(); it != diary.texts.rend(); ++it) {
    if (it->kind == Kind::visit) {
      if (out.size() < limit) out.push_back(&*it);
    } else if (notes > 0) {
      out.push_back(&*it);
      --notes;
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string more_texts_text(const Diary& diary, std::size_t listed) {
  const std::uint64_t more = diary.texts.size() - listed + diary.other_texts;
  if (more == 0) return "";
  return fmt::format("and {} more {} (all with twitchlog export --kind note, --kind visit)", more,
                     more == 1 ? "note or visit" : "notes or visits");
}

std::string strength_text(const Report& r) {
  std::vector<std::string> parts;
  for (int s = kMinSeverity; s <= kMaxSeverity; ++s)
    parts.push_back(fmt::format("{}: {}", s, r.diary.severity[static_cast<std::size_t>(s)]));
  std::string counts = join(parts);
  if (r.diary.severity[0] > 0) counts += fmt::format("; {} without", r.diary.severity[0]);
  return fmt::format("mean severity {} of {} (episodes by severity {})",
                     one_decimal(r.totals.mean_severity, "not given"), kMaxSeverity, counts);
}

std::string duration_text(const Report& r) {
  const Diary& d = r.diary;
  if (d.with_duration == 0) return "no episode gives one";
  const auto mean = static_cast<std::int64_t>(
      static_cast<double>(r.totals.total_duration_s) / static_cast<double>(d.with_duration) + 0.5);
  return fmt::format("mean {} over the {} that give one, longest {}, {} in all", format_duration(mean),
                     plural(d.with_duration, "episode", "episodes"), format_duration(d.longest_duration_s),
                     format_duration(r.totals.total_duration_s));
}

std::string sides_text(const Diary& diary) {
  const auto& s = diary.sides;
  return fmt::format("left {}, right {}, both {}, not given {}", s[0], s[1], s[2], s[3]);
}

std::string areas_text(const Diary& diary, const Escape& esc) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < diary.areas.size(); ++i) {
    const std::string name = area_name(diary.areas[i]);
    parts.push_back(fmt::format("{} {}", esc(i == 0 ? name : lowered_first(name)), diary.areas[i].episodes));
  }
  if (diary.other_areas > 0) parts.push_back(fmt::format("other areas {}", diary.other_areas));
  return parts.empty() ? "none" : join(parts);
}

}  // namespace twitchlog::report_words
