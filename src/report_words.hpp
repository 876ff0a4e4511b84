// Words the report's renderers share (Markdown, text and JSON in
// report_render.cpp, HTML in report_html.cpp), so that each is written once.
// Private to the library. Texts from the journal pass through `esc`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "twitchlog/report.hpp"

namespace twitchlog::report_words {

using Escape = std::function<std::string(std::string_view)>;

/// "2026-11-03".
std::string day_text(std::int64_t day);
/// "2.3", or `none`.
std::string one_decimal(const std::optional<double>& x, std::string_view none = "-");
/// Episodes a day: "0.8".
std::string per_day(const Figures& f, std::int64_t days);
/// "1.1 episodes a day in the first half, 0.5 in the second (down 54%)".
std::string trend_text(const Report& r);
/// "What goes with your twitching" (the insights): one line per item, each
/// ending in "\n" and starting with `bullet`; a term's lines add two spaces.
std::string insights_lines(const Insights& in, const RuleSet& rules, const Escape& esc, std::string_view bullet);

// --- the diary (report_words.cpp) ----------------------------------------

/// The areas actually logged, most episodes first: "Lower lip and eyelid
/// twitching"; "Twitching" when no twitch is in the range.
std::string title_text(const Diary& diary, const Escape& esc);
/// "logged on 72 of 90 days".
std::string coverage_text(const Report& r);
/// "400mg (30), 200mg (2); 3 entries without a dose", or "not given".
std::string doses_text(const RemedyTaken& t, const Escape& esc);
/// "on 32 days (34 entries), 2026-08-10 to 2026-10-31".
std::string taken_text(const RemedyTaken& t);
/// The remedy's name in the rules, else its id; "(medical)" for the rules' medical kind.
std::string remedy_title(const RemedyTaken& t, const Escape& esc);
/// What the diary says of a remedy id of the report, or nullptr when it was not taken in the range.
const RemedyTaken* taken_in_range(const Diary& diary, std::string_view id);
/// "Visit" or "Note".
std::string_view text_label(const DiaryText& t);
/// The notes and visits to list, at most `limit`: every visit, then the latest notes, in time order.
std::vector<const DiaryText*> listed_texts(const Diary& diary, std::size_t limit);
/// "and 4 more notes or visits (twitchlog export --kind note)", or "".
std::string more_texts_text(const Diary& diary, std::size_t listed);
/// "mean severity 2.5 of 5 (episodes by severity 1: 3, 2: 10, 3: 4, 4: 1, 5: 0; 2 without)".
std::string strength_text(const Report& r);
/// "mean 1m10s on 30 episodes that give one, longest 2m".
std::string duration_text(const Report& r);
/// "left 10, right 8, both 1, not given 2".
std::string sides_text(const Diary& diary);
/// "Lower lip 30, eyelid 2".
std::string areas_text(const Diary& diary, const Escape& esc);

/// How many notes and visits the Markdown and HTML reports list.
inline constexpr std::size_t kListedTexts = 20;

}  // namespace twitchlog::report_words
