// A rule file with `extends = "builtin"`: the user's file merged onto the
// built-in rules at the TOML level, before the rules are validated (so every
// rule of rules.cpp holds for the result). The merge is documented in
// twitchlog-rules(5), EXTENDING THE BUILT-IN RULES:
//   - plain tables ([report], [cause.evidence]) are merged key by key;
//   - arrays of tables whose entries have ids ([[remedy]], [[cause]], ...) are
//     merged by id: a known id takes the keys the user gives (its sub-tables
//     merged the same way; a sub-table with another `rule` replaces the
//     built-in one), a new id is appended;
//   - any other value the user gives replaces the built-in one, lists
//     included; `KEY.add = [...]` and `KEY.remove = [...]` edit a built-in
//     list instead.
// Nodes keep their source (toml++ moves keep it), so a problem names
// FILE:LINE:COL of the user's file for what it wrote, and <built-in> for the rest.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "twitchlog/error.hpp"
#include "twitchlog/rules.hpp"

namespace twitchlog {

/// Parses the TOML of a rule file; a syntax error throws a data Error at
/// FILE:LINE:COL with the line (rules.cpp).
toml::table parse_rule_text(std::string_view text, std::string_view source);

/// What merging a user's file onto the built-in rules found.
struct Extension {
  std::string file;     ///< the user's file
  std::string extends;  ///< "builtin"; empty when the file does not extend
  std::map<std::string, IdOrigin, std::less<>> origins;
  std::set<std::uint32_t> user_lines;  ///< lines of the user's tables
  std::set<std::uint32_t> base_lines;  ///< lines of the built-in entries ([[cause]] and the like)
};

/// When `root` (the user's file `file`) has an `extends` key: replaces it by
/// the built-in rules with the user's merged onto them, and fills `out`.
/// Does nothing otherwise. Throws a data Error naming every conflict (an
/// unknown extends value, another schema, an entry without id, a duplicate
/// id, a list edit of what is not a list).
void extend_rules(toml::table& root, std::string_view file, Extension& out);

/// Problems of the merged rules: those placed by a bare line (no column) at
/// the line of a built-in table the user did not write name <built-in>.
std::vector<Diagnostic> attribute_problems(std::vector<Diagnostic> problems, const Extension& extension);

}  // namespace twitchlog
