// `extends = "builtin"`: a user's rule file merged onto the built-in rules (see rules_extends.hpp).
#include "rules_extends.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// The values `extends` may take.
constexpr std::string_view kBuiltinBase = "builtin";

const std::string* string_of(const toml::node* node) {
  if (node == nullptr) return nullptr;
  const auto* s = node->as_string();
  return s == nullptr ? nullptr : &s->get();
}

const std::string* id_of(const toml::table& table) { return string_of(table.get("id")); }

// "red_flag" as messages name it: "red flag".
std::string word_of(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// `KEY.add = [...]` and/or `KEY.remove = [...]`: an edit of a built-in list.
bool is_list_edit(const toml::table& table) {
  if (table.empty()) return false;
  return std::all_of(table.begin(), table.end(),
                     [](const auto& item) { return item.first.str() == "add" || item.first.str() == "remove"; });
}

// Keys whose value chooses which other keys apply: when the user gives another
// value than the built-in one, the built-in keys that went with it are not
// taken ("*": none is, the table is the user's alone).
struct Chooser {
  std::string_view key, goes_with;
};
constexpr Chooser kChoosers[] = {
    {"rule", "*"},         // [red_flag.journal]: each rule has its own parameters
    {"kind", "category"},  // [[remedy]]: a category only for kind = "medical"
};

// An array of tables that all have an id: merged by id.
bool is_id_list(const toml::array& array) {
  if (array.empty() || !array.is_array_of_tables()) return false;
  return std::all_of(array.begin(), array.end(), [](const toml::node& n) { return id_of(*n.as_table()) != nullptr; });
}

bool same_value(const toml::node& a, const toml::node& b) {
  if (a.type() != b.type()) return false;
  if (const auto* s = a.as_string()) return s->get() == b.as_string()->get();
  if (const auto* i = a.as_integer()) return i->get() == b.as_integer()->get();
  if (const auto* f = a.as_floating_point()) return f->get() == b.as_floating_point()->get();
  if (const auto* x = a.as_boolean()) return x->get() == b.as_boolean()->get();
  return false;
}

std::string value_text(const toml::node& n) {
  if (const auto* s = string_of(&n)) return quoted(*s);
  if (const auto* i = n.as_integer()) return std::to_string(i->get());
  if (n.is_table()) return "a table";
  if (n.is_array()) return "a list";
  return "a value";
}

// A problem at `node`, in its own file (`fallback` when it has none).
Diagnostic problem_at(const toml::node& node, std::string_view fallback, std::string message) {
  Diagnostic d;
  d.file = node.source().path ? *node.source().path : std::string(fallback);
  d.line = std::max<std::size_t>(1, node.source().begin.line);
  d.column = node.source().begin.column;
  d.message = std::move(message);
  return d;
}

// Moves `node` (of any type) into `table` at `key`, keeping its source.
void put(toml::table& table, const toml::key& key, toml::node&& node) {
  std::move(node).visit([&](auto&& n) { table.insert_or_assign(key, std::move(n)); });
}

// The keys the user wrote in `table`, dotted ("evidence.tags"), id excepted.
void written_keys(const toml::table& table, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& [key, node] : table) {
    if (prefix.empty() && key.str() == "id") continue;
    const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const auto* sub = node.as_table();
    if (sub != nullptr && !is_list_edit(*sub)) {
      written_keys(*sub, name, out);
    } else {
      out.push_back(name);
    }
  }
}

class Merger {
 public:
  Merger(Extension& out) : out_(out) {}

  // The user's root, merged with the built-in one; what it records goes to `out_`.
  void merge_root(toml::table& user, toml::table& base) {
    for (const auto& [key, node] : user) {
      const auto* b = base.get(key);
      if (const auto* t = node.as_table(); t != nullptr && b != nullptr && b->is_table()) {
        IdOrigin origin{Origin::overridden, line(*t), {}};
        written_keys(*t, "", origin.keys);
        out_.origins.emplace(std::string(key.str()), std::move(origin));
      }
    }
    for (const auto& [key, node] : base) {
      const auto* list = node.as_array();
      if (list == nullptr || !list->is_array_of_tables()) continue;
      for (const auto& entry : *list) out_.base_lines.insert(line(entry));
    }
    merge_table(user, base, "rule file", true);
  }

  std::vector<Diagnostic> take() { return std::move(problems_); }

 private:
  static std::uint32_t line(const toml::node& node) { return static_cast<std::uint32_t>(node.source().begin.line); }

  void problem(const toml::node& node, std::string message) {
    problems_.push_back(problem_at(node, out_.file, std::move(message)));
  }

  // Merges `base` into `user`: `user` keeps every key it gives and gets the
  // ones only `base` has. `what` names the table in messages.
  void merge_table(toml::table& user, toml::table& base, const std::string& what, bool top) {
    std::vector<toml::key> edits;
    for (const auto& [key, node] : user) {
      if (const auto* t = node.as_table(); t != nullptr && is_list_edit(*t)) edits.push_back(key);
    }
    for (const auto& key : edits) edit_list(user, key, base.get(key), what);
    std::set<std::string_view> left_out;
    for (const auto& chooser : kChoosers) {
      const auto* mine = string_of(user.get(chooser.key));
      const auto* theirs = string_of(base.get(chooser.key));
      if (mine == nullptr || theirs == nullptr || *mine == *theirs) continue;
      if (chooser.goes_with == "*") return;
      left_out.insert(chooser.goes_with);
    }
    for (auto&& [key, node] : base) {
      toml::node* mine = user.get(key);
      if (mine == nullptr) {
        if (!left_out.count(key.str())) put(user, key, std::move(node));
      } else if (mine->is_table() && node.is_table()) {
        auto& u = *mine->as_table();
        auto& b = *node.as_table();
        merge_table(u, b, top ? fmt::format("[{}]", key.str()) : fmt::format("{} {}", what, key.str()), false);
      } else if (mine->is_array() && node.is_array() && is_id_list(*node.as_array())) {
        merge_by_id(user, key, *node.as_array(), top);
      }
      // Anything else the user gives replaces the built-in value.
    }
  }

  // `KEY.add = [...]`, `KEY.remove = [...]`: the built-in list edited.
  void edit_list(toml::table& user, const toml::key& key, toml::node* base, const std::string& what) {
    const auto& edit = *user.get(key)->as_table();
    const auto name = fmt::format("{}: {}", what, key.str());
    toml::array result;
    if (base != nullptr) {
      auto* list = base->as_array();
      if (list == nullptr) {
        problem(edit, fmt::format("{}.add and {}.remove edit a list, and the built-in {} is not a list; write {} = "
                                  "VALUE to replace it",
                                  name, key.str(), key.str(), key.str()));
        return;
      }
      for (auto&& item : *list) result.push_back(std::move(item));
    }
    bool ok = true;
    for (const auto* part : {"remove", "add"}) {
      const auto* n = edit.get(part);
      if (n == nullptr) continue;
      auto* items = user.get(key)->as_table()->get(part)->as_array();
      if (items == nullptr) {
        problem(*n, fmt::format("{}.{} must be a list: {}.{} = [...]", name, part, key.str(), part));
        ok = false;
        continue;
      }
      for (auto&& item : *items) {
        const auto found =
            std::find_if(result.begin(), result.end(), [&](const toml::node& have) { return same_value(have, item); });
        if (std::string_view(part) == "add") {
          if (found == result.end()) result.push_back(std::move(item));
        } else if (found != result.end()) {
          result.erase(found);
        } else {
          std::vector<std::string> have;
          for (const auto& h : result) have.push_back(value_text(h));
          problem(item, fmt::format("{}.remove: {} is not in the built-in list ({})", name, value_text(item),
                                    have.empty() ? std::string("it is empty") : "it has " + join(have)));
          ok = false;
        }
      }
    }
    if (!ok) return;
    // The edited list takes the place (the source) of the user's add or remove list, for later messages.
    auto& parts = *user.get(key)->as_table();
    toml::array* mine = nullptr;
    for (const auto* part : {"add", "remove"}) {
      if (auto* n = parts.get(part); n != nullptr && mine == nullptr) mine = n->as_array();
    }
    mine->clear();
    for (auto&& item : result) mine->push_back(std::move(item));
    toml::array kept(std::move(*mine));
    user.insert_or_assign(key, std::move(kept));
  }

  // An array of tables merged by id: the built-in order, each known id taking
  // the user's keys, then the user's new ids in the user's order.
  void merge_by_id(toml::table& user, const toml::key& key, toml::array& base, bool top) {
    auto& mine = *user.get(key)->as_array();
    const std::string what = word_of(key.str());
    if (!mine.is_array_of_tables()) return;  // the rules' check says what it must be
    std::vector<toml::table*> order;
    std::map<std::string, toml::table*, std::less<>> by_id;
    for (auto& n : mine) {
      auto& t = *n.as_table();
      out_.user_lines.insert(line(t));
      const auto* id = id_of(t);
      if (id == nullptr && t.get("id") != nullptr) {
        problem(*t.get("id"), fmt::format("{}: id must be a string (id = \"...\")", what));
        continue;
      }
      if (id == nullptr) {
        problem(t, fmt::format("[[{}]] without an id: in a file with extends, each [[{}]] names the id it adds or "
                               "changes (id = \"...\")",
                               key.str(), key.str()));
        continue;
      }
      const auto [it, inserted] = by_id.emplace(*id, &t);
      if (!inserted) {
        problem(t, fmt::format("{} {}: duplicate id (first at line {})", what, quoted(*id), line(*it->second)));
        continue;
      }
      order.push_back(&t);
    }
    toml::array result;
    std::set<const toml::table*> used;
    for (auto& n : base) {
      auto& b = *n.as_table();
      const std::string id = *id_of(b);
      const auto it = by_id.find(id);
      if (it == by_id.end()) {
        result.push_back(std::move(b));
        continue;
      }
      toml::table& u = *it->second;
      used.insert(&u);
      if (top) {
        IdOrigin origin{Origin::overridden, line(u), {}};
        written_keys(u, "", origin.keys);
        out_.origins.emplace(fmt::format("{} {}", key.str(), id), std::move(origin));
      }
      merge_table(u, b, fmt::format("{} {}", what, quoted(id)), false);
      result.push_back(std::move(u));
    }
    for (auto* u : order) {
      if (used.count(u)) continue;
      if (top) out_.origins.emplace(fmt::format("{} {}", key.str(), *id_of(*u)), IdOrigin{Origin::file, line(*u), {}});
      result.push_back(std::move(*u));
    }
    user.insert_or_assign(key, std::move(result));
  }

  Extension& out_;
  std::vector<Diagnostic> problems_;
};

}  // namespace

void extend_rules(toml::table& root, std::string_view file, Extension& out) {
  const toml::node* extends = root.get("extends");
  if (extends == nullptr) return;
  out.file = std::string(file);
  std::vector<Diagnostic> problems;
  const auto problem = [&](const toml::node& node, std::string message) {
    problems.push_back(problem_at(node, out.file, std::move(message)));
  };
  const auto* base_name = string_of(extends);
  if (base_name == nullptr || *base_name != kBuiltinBase) {
    problem(*extends, fmt::format("rule file: extends = {} is not a rule set this twitchlog knows; valid: \"{}\" (the "
                                  "built-in rules, as `twitchlog rules --dump` prints them)",
                                  value_text(*extends), kBuiltinBase));
    throw Error(ErrorKind::data, std::move(problems));
  }
  toml::table base = parse_rule_text(builtin_rules_text(), kBuiltinRulesName);
  if (const auto* schema = root.get("schema")) {
    const auto* mine = schema->as_integer();
    const auto* theirs = base.get("schema") == nullptr ? nullptr : base.get("schema")->as_integer();
    if (mine == nullptr || theirs == nullptr || mine->get() != theirs->get()) {
      problem(*schema, fmt::format("rule file: schema = {} differs from the built-in rules' schema {}; a file with "
                                   "extends = \"{}\" has theirs: leave schema out (or write schema = {})",
                                   value_text(*schema), theirs == nullptr ? 0 : theirs->get(), kBuiltinBase,
                                   theirs == nullptr ? 0 : theirs->get()));
    }
  }
  root.erase("extends");
  Merger merger(out);
  merger.merge_root(root, base);
  for (auto& d : merger.take()) problems.push_back(std::move(d));
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  if (!problems.empty()) throw Error(ErrorKind::data, std::move(problems));
  out.extends = std::string(kBuiltinBase);
}

std::vector<Diagnostic> attribute_problems(std::vector<Diagnostic> problems, const Extension& extension) {
  if (extension.extends.empty()) return problems;
  for (auto& d : problems) {
    const auto line = static_cast<std::uint32_t>(d.line);
    if (d.column == 0 && d.file == extension.file && extension.base_lines.count(line) &&
        !extension.user_lines.count(line)) {
      d.file = std::string(kBuiltinRulesName);
    }
  }
  return problems;
}

IdOrigin RuleSet::origin_of(std::string_view table, std::string_view id, std::uint32_t line) const {
  if (extends.empty()) {
    if (source == kBuiltinRulesName) return {};
    return IdOrigin{Origin::file, line, {}};
  }
  const auto it = origins.find(id.empty() ? std::string(table) : fmt::format("{} {}", table, id));
  return it == origins.end() ? IdOrigin{} : it->second;
}

std::string RuleSet::missing_id_hint(std::string_view table, std::string_view id) const {
  const std::string entry = fmt::format("an entry [[{}]] with id = {}", table, quoted(id));
  if (source == kBuiltinRulesName) {
    return fmt::format(
        "not in the built-in rules (no rule file of yours is in force); to use it, add {} to a rule "
        "file that starts with extends = \"{}\" (twitchlog-rules(5))",
        entry, kBuiltinBase);
  }
  if (!extends.empty()) {
    return fmt::format("not in the built-in rules nor in {}, which extends them; add {} to {}", printable(source),
                       entry, printable(source));
  }
  return fmt::format("not in {}, the rules in force (a full rule file, not extending the built-in ones); add {} to it",
                     printable(source), entry);
}

}  // namespace twitchlog
