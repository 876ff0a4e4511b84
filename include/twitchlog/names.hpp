// Names of enum values: one table per enum, used both to read a name (from a
// rule file, a journal or the command line) and to print it, so the two can
// never disagree.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitchlog {

/// A fixed table of (value, name) pairs, in the order they are listed to users.
template <typename Enum, std::size_t N>
struct NameTable {
  std::array<std::pair<Enum, std::string_view>, N> items;

  /// The name of `value` ("" for a value the table does not hold).
  constexpr std::string_view name(Enum value) const {
    for (const auto& [e, n] : items) {
      if (e == value) return n;
    }
    return {};
  }
  /// The value named `text`, or nullopt.
  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [e, n] : items) {
      if (n == text) return e;
    }
    return std::nullopt;
  }
  /// Every name, in table order (for "valid: ..." messages).
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& item : items) out.emplace_back(item.second);
    return out;
  }
  /// Every name as views, in table order (for choices and completion).
  constexpr std::array<std::string_view, N> views() const {
    std::array<std::string_view, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = items[i].second;
    return out;
  }
};

/// Deduces N: `make_names<E>({{E::a, "a"}, ...})`.
template <typename Enum, std::size_t N>
constexpr NameTable<Enum, N> make_names(const std::pair<Enum, std::string_view> (&items)[N]) {
  NameTable<Enum, N> table{};
  for (std::size_t i = 0; i < N; ++i) table.items[i] = items[i];
  return table;
}

}  // namespace twitchlog
