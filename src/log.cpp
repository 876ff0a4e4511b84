#include "twitchlog/log.hpp"

#include "twitchlog/model.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/suggest.hpp"
#include "twitchlog/text.hpp"
#include "twitchlog/time_phrases.hpp"

namespace twitchlog {

namespace {

std::string choices(const std::vector<std::string>& ids) { return ids.empty() ? "(none in the rules)" : join(ids); }

// Splits "a,b" and repeated options into one list of ids, without repeats.
std::vector<std::string> id_list(const std::vector<std::string>& values, std::string_view option,
                                 const std::vector<std::string>* valid) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    for (const auto piece : split_commas(value)) {
      const std::string item(piece);
      if (valid != nullptr && std::find(valid->begin(), valid->end(), item) == valid->end()) {
        throw_usage(fmt::format("{}: unknown id {}{}; valid: {}", option, quoted(item), did_you_mean(item, *valid),
                                choices(*valid)));
      }
      if (!is_id(item)) {
        throw_usage(
            fmt::format("{}: {} is not a valid id; use lowercase letters, digits, '-' and '_'", option, quoted(item)));
      }
      if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
  }
  return out;
}

std::string checked_factor_value(const Factor& factor, std::string_view text) {
  const auto value = parse_number(text);
  if (!value) {
    const bool comma = text.find(',') != std::string_view::npos;
    throw_usage(fmt::format("{} must be a number such as 3 or 6.5, not {}{}", factor.id, quoted(text),
                            comma ? " (use a dot for decimals)" : ""));
  }
  if (*value < factor.min || *value > factor.max) {
    throw_usage(fmt::format("{} {} is out of range: {} to {} ({})", factor.id, text, format_number(factor.min),
                            format_number(factor.max), factor.unit));
  }
  if (factor.integer && *value != static_cast<double>(static_cast<long long>(*value))) {
    throw_usage(fmt::format("{} must be a whole number from {} to {}, not {}", factor.id, format_number(factor.min),
                            format_number(factor.max), text));
  }
  return format_number(*value);
}

// The check-in fields from KEY=VALUE words and, for "-", standard input.
std::vector<FieldValue> checkin_fields(const LogRequest& request, const RuleSet& rules) {
  std::vector<std::pair<std::string, std::string>> pairs;  // key, raw value
  std::vector<std::string> note_words;
  for (const auto& word : request.words) {
    if (word == "-") {
      std::string text = request.standard_input;
      // Lines (Unix or Windows ends) are just more words.
      std::replace_if(
          text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
      LineParser parser;
      Entry entry;
      LineProblem problem;
      if (parser.parse_fields_only(text, entry, problem) != LineType::entry) {
        throw_usage(fmt::format("standard input, column {}: {}", problem.column, problem.message));
      }
      for (const auto& f : entry.fields) pairs.emplace_back(std::string(f.key), std::string(f.value));
      continue;
    }
    const auto eq = word.find('=');
    if (eq != std::string::npos && is_key(word.substr(0, eq))) {
      pairs.emplace_back(word.substr(0, eq), word.substr(eq + 1));
    } else {
      note_words.push_back(word);
    }
  }
  std::vector<FieldValue> fields;
  std::string note;
  for (const auto& [key, value] : pairs) {
    if (key == "note") {
      note = value;
      continue;
    }
    const auto* factor = rules.find_factor(key);
    if (factor == nullptr) {
      throw_usage(fmt::format("unknown factor {}{}; valid: {} (and note=TEXT)", quoted(key),
                              did_you_mean(key, rules.factor_ids()), choices(rules.factor_ids())));
    }
    const std::string& name = key;  // a structured binding cannot be captured before C++20's P1091 (clang 14)
    if (std::any_of(fields.begin(), fields.end(), [&](const FieldValue& f) { return f.first == name; })) {
      throw_usage(fmt::format("{} is given twice", key));
    }
    fields.emplace_back(key, checked_factor_value(*factor, value));
  }
  if (fields.empty()) {
    std::vector<std::string> forms;
    for (const auto& f : rules.factors) forms.push_back(f.id + "=N");
    throw_usage(fmt::format("a check-in needs at least one value: {}", choices(forms)));
  }
  if (!note_words.empty()) note = note.empty() ? join(note_words, " ") : note + " " + join(note_words, " ");
  if (!note.empty()) fields.emplace_back("note", note);
  return fields;
}

std::string note_text(const LogRequest& request, std::vector<std::string> words) {
  for (auto& word : words) {
    if (word == "-") {
      word = request.standard_input;
      while (!word.empty() && (word.back() == '\n' || word.back() == '\r')) word.pop_back();
    }
  }
  return join(words, " ");
}

void refuse(bool given, std::string_view option, std::string_view kind) {
  if (given) throw_usage(fmt::format("{} does not apply to {} entries", option, kind));
}

}  // namespace

bool reads_standard_input(const LogRequest& request) {
  return std::find(request.words.begin(), request.words.end(), "-") != request.words.end() ||
         (request.note && *request.note == "-");
}

std::string build_entry(const LogRequest& request, const RuleSet& rules, const Timestamp& now) {
  const int modes =
      int(request.checkin) + int(request.remedy.has_value()) + int(request.note.has_value()) + int(request.visit);
  if (modes > 1) {
    throw_usage("choose one of --checkin, --remedy, --note and --visit (with none of them, the entry is a twitch)");
  }
  Timestamp time = local_timestamp(now.unix_seconds);
  TimePrecision precision = TimePrecision::exact;
  if (request.at) {
    try {
      const ResolvedTime resolved = resolve_time_phrase(*request.at, now, DayMeans::representative);
      time = resolved.time;
      precision = resolved.precision;
    } catch (const Error& e) {
      throw_usage(std::string("--at: ") + e.what());
    }
  }
  if (time.unix_seconds > now.unix_seconds) {  // only an --at can be after now
    throw_usage(fmt::format("--at {} is in the future (now is {}); entries record what has happened",
                            quoted(request.at.value_or("")), format_timestamp(local_timestamp(now.unix_seconds))));
  }
  // 1900-01-01T00:00:00Z: nothing a person logs about their own twitching is older.
  constexpr std::int64_t kEarliest = -2208988800;
  if (time.unix_seconds < kEarliest) {
    if (!request.at) {
      throw_usage(fmt::format("now ({}, from --as-of) is before 1900; an entry needs a time from 1900 on",
                              format_timestamp(time)));
    }
    throw_usage(fmt::format("--at {} is before 1900; give the date of the episode", quoted(*request.at)));
  }

  Kind kind = Kind::twitch;
  std::vector<FieldValue> fields;
  if (request.checkin || request.remedy || request.note || request.visit) {
    const std::string_view name = request.checkin  ? "checkin"
                                  : request.remedy ? "remedy"
                                  : request.visit  ? "visit"
                                                   : "note";
    refuse(request.severity.has_value(), "-s/--severity", name);
    refuse(request.duration.has_value(), "-d/--duration", name);
    refuse(request.where.has_value(), "--where", name);
    refuse(request.side.has_value(), "--side", name);
    refuse(!request.tags.empty(), "-t/--tag", name);
    refuse(!request.flags.empty(), "--flag", name);
  }
  if (!request.remedy)
    refuse(request.dose.has_value(), "--dose",
           request.checkin ? "checkin"
           : request.note  ? "note"
           : request.visit ? "visit"
                           : "twitch");

  if (request.checkin) {
    kind = Kind::checkin;
    fields = checkin_fields(request, rules);
  } else if (request.remedy) {
    kind = Kind::remedy;
    if (rules.find_remedy(*request.remedy) == nullptr) {
      throw_usage(fmt::format("unknown remedy {}{}; valid: {}", quoted(*request.remedy),
                              did_you_mean(*request.remedy, rules.remedy_ids()), choices(rules.remedy_ids())));
    }
    fields.emplace_back("id", *request.remedy);
    if (request.dose) {
      if (request.dose->empty()) throw_usage("--dose is empty");
      fields.emplace_back("dose", *request.dose);
    }
    if (const auto note = note_text(request, request.words); !note.empty()) fields.emplace_back("note", note);
  } else if (request.visit) {
    kind = Kind::visit;
    if (const auto note = note_text(request, request.words); !note.empty()) fields.emplace_back("note", note);
  } else if (request.note) {
    kind = Kind::note;
    std::vector<std::string> words{*request.note};
    words.insert(words.end(), request.words.begin(), request.words.end());
    const auto text = note_text(request, words);
    if (text.empty()) throw_usage("--note needs some text");
    fields.emplace_back("text", text);
  } else {
    if (request.severity) {
      const auto n = parse_small_int(*request.severity);
      if (!n || *n < kMinSeverity || *n > kMaxSeverity) {
        throw_usage(fmt::format("-s/--severity must be a whole number from {} (faint) to {} (strong), not {}",
                                kMinSeverity, kMaxSeverity, quoted(*request.severity)));
      }
      fields.emplace_back("severity", std::to_string(*n));
    }
    if (request.duration) {
      std::int64_t seconds;
      ParseFailure failure;
      if (!parse_duration(*request.duration, seconds, failure)) {
        throw_usage(fmt::format("-d/--duration {}: {}", quoted(*request.duration), failure.message));
      }
      fields.emplace_back("duration", format_duration(seconds));
    }
    if (request.where) {
      if (rules.find_area(*request.where) == nullptr) {
        throw_usage(fmt::format("--where: unknown area {}{}; valid: {}", quoted(*request.where),
                                did_you_mean(*request.where, rules.area_ids()), choices(rules.area_ids())));
      }
      fields.emplace_back("where", *request.where);
    }
    if (request.side) {
      if (!is_side(*request.side)) {
        throw_usage(fmt::format("--side: unknown side {}{}; valid: {}", quoted(*request.side),
                                did_you_mean(*request.side, kSides),
                                join(std::vector<std::string>(kSides.begin(), kSides.end()))));
      }
      fields.emplace_back("side", *request.side);
    }
    if (const auto tags = id_list(request.tags, "-t/--tag", nullptr); !tags.empty()) {
      fields.emplace_back("tags", join(tags, ","));
    }
    // An alias is accepted and stored as the flag's id.
    std::vector<std::string> flags;
    for (const auto& id : id_list(request.flags, "--flag", nullptr)) {
      const RedFlag* flag = rules.find_red_flag(id);
      if (flag == nullptr) {
        throw_usage(fmt::format("--flag: unknown id {}{}; valid: {}", quoted(id),
                                did_you_mean(id, rules.red_flag_ids()), choices(rules.red_flag_ids())));
      }
      if (std::find(flags.begin(), flags.end(), flag->id) == flags.end()) flags.push_back(flag->id);
    }
    if (!flags.empty()) fields.emplace_back("flags", join(flags, ","));
    if (const auto note = note_text(request, request.words); !note.empty()) fields.emplace_back("note", note);
  }
  // Only the day or the part of the day is known: the time is a stand-in that hour-based rules skip.
  if (precision != TimePrecision::exact)
    fields.emplace_back("approx", precision == TimePrecision::day ? "day" : "part");
  return format_entry(time, kind, fields);
}

}  // namespace twitchlog
