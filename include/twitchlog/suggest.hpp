// Did-you-mean: the one edit-distance helper behind every "did you mean ...?"
// (subcommands, options, formats, ids, tags).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace twitchlog {

/// Edits (insert, delete, replace a character, or swap two neighbours) that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is near enough to be a typo (one
/// edit for words of up to 4 characters, two for longer ones; never `word`
/// itself), the first of the closest on a tie; else nullopt.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);

/// " (did you mean X?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace twitchlog
