// The guards of `twitchlog log` against entries that silently become the
// wrong thing: a leading "WHEN: text", check-in values without --checkin,
// words after check-in values, ids in capitals, durations as people type
// them, and tag typos.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/log.hpp"
#include "twitchlog/suggest.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time_phrases.hpp"

namespace twitchlog {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

void lower_all(std::optional<std::string>& value) {
  if (value) value = lower(*value);
}

// KEY=VALUE with KEY a journal key.
std::optional<std::string> key_of(const std::string& word) {
  const auto eq = word.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  std::string key = lower(word.substr(0, eq));
  if (!is_key(key)) return std::nullopt;
  return key;
}

// "yesterday 9am: lip twitching": the time before the first colon that ends a word.
void take_leading_time(LogRequest& request, const Timestamp& now) {
  if (request.at || request.words.empty()) return;
  const std::string joined = join(request.words, " ");
  for (std::size_t p = joined.find(':'); p != std::string::npos; p = joined.find(':', p + 1)) {
    if (p + 1 < joined.size() && joined[p + 1] != ' ') continue;  // 9:15 is inside a time
    const std::string when = joined.substr(0, p);
    if (!is_time_phrase(when, now)) return;
    request.at = when;
    std::string rest = joined.substr(p + 1);
    rest.erase(0, rest.find_first_not_of(' '));
    request.words.clear();
    if (!rest.empty()) request.words.push_back(rest);
    return;
  }
}

std::vector<std::string> known_tags(const RuleSet& rules) {
  std::vector<std::string> tags;
  const auto add = [&](const std::vector<std::string>& list) {
    for (const auto& t : list) {
      if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    }
  };
  for (const auto& cause : rules.causes) {
    if (cause.evidence) add(cause.evidence->tags);
  }
  for (const auto& flag : rules.red_flags) add(flag.tags);
  return tags;
}

}  // namespace

std::vector<std::string> prepare_log_request(LogRequest& request, const RuleSet& rules, const Timestamp& now) {
  std::vector<std::string> notes;
  // Ids are lower case in the journal: -t Espresso, --side Left, --remedy Magnesium are what they say.
  for (auto& tag : request.tags) tag = lower(tag);
  for (auto& flag : request.flags) flag = lower(flag);
  lower_all(request.where);
  lower_all(request.side);
  lower_all(request.remedy);
  // --remedy with --note: the note of the remedy entry.
  if (request.remedy && request.note) {
    request.words.insert(request.words.begin(), *request.note);
    request.note.reset();
  }
  if (!request.checkin) {
    take_leading_time(request, now);
    std::vector<std::string> values;
    for (const auto& word : request.words) {
      const auto key = key_of(word);
      if (key && rules.find_factor(*key) != nullptr) values.push_back(*key + word.substr(word.find('=')));
    }
    if (!values.empty()) {
      throw_usage(fmt::format("{} {} check-in value{}; a check-in needs --checkin: twitchlog log --checkin {}",
                              join(values, " "), values.size() == 1 ? "is a" : "are", values.size() == 1 ? "" : "s",
                              join(values, " ")));
    }
  } else {
    bool seen_value = false;
    for (auto& word : request.words) {
      if (word == "-") continue;
      if (const auto key = key_of(word)) {
        word = *key + word.substr(word.find('='));
        seen_value = true;
      } else if (seen_value) {
        throw_usage(
            fmt::format("{} after the check-in values is not KEY=VALUE; a check-in's note is "
                        "note=\"TEXT\", or words before the values",
                        quoted(word)));
      }
    }
  }
  if (request.duration) {
    std::int64_t seconds = 0;
    ParseFailure failure;
    if (!parse_duration(*request.duration, seconds, failure)) {
      std::string why;
      const auto spoken = parse_spoken_duration(*request.duration, why);
      if (!spoken) {
        throw_usage(fmt::format("-d/--duration {}: {}{}", quoted(*request.duration), why,
                                why.find("; use") != std::string::npos || why.find(": use") != std::string::npos
                                    ? ""
                                    : "; use 45 (seconds), 45s, 2 min, 1m30s or 1h30m"));
      }
      seconds = *spoken;
    }
    request.duration = format_duration(seconds);
  }
  const auto known = known_tags(rules);
  std::vector<std::string> told;
  for (const auto& value : request.tags) {
    for (const auto piece : split_commas(value)) {
      const std::string tag(piece);
      if (tag.empty() || std::find(known.begin(), known.end(), tag) != known.end()) continue;
      if (std::find(told.begin(), told.end(), tag) != told.end()) continue;
      told.push_back(tag);
      if (const auto match = closest_match(tag, known)) {
        notes.push_back(fmt::format(
            "twitchlog: note: tag {} is not one the rules know; did you mean {}? (tags are free-form: it is kept "
            "as given, but only {} counts as evidence)",
            quoted(tag), *match, *match));
      }
    }
  }
  return notes;
}

}  // namespace twitchlog
