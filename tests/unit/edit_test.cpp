// edit: the part given to the editor, its validation, and applying it.
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/edit.hpp"
#include "twitchlog/journal.hpp"

using namespace twitchlog;

namespace {

const char* const kJournal =
    "# twitchlog journal v1\n"
    "2026-11-24T09:00:00+01:00 twitch severity=2\n"
    "\n"
    "# a comment\n"
    "2026-11-24T09:10:00+01:00 twitch severity=3\n"
    "2026-11-24T09:20:00+01:00 remedy id=nap\n";

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("--last N starts at the Nth entry line from the end; blank lines and comments do not count") {
  const std::string text = kJournal;
  CHECK(last_entries_start(text, 0) == std::pair<std::size_t, std::uint64_t>{0, 0});
  auto [from, before] = last_entries_start(text, 1);
  CHECK(text.substr(from) == "2026-11-24T09:20:00+01:00 remedy id=nap\n");
  CHECK(before == 5);
  std::tie(from, before) = last_entries_start(text, 2);
  CHECK(text.substr(from).starts_with("2026-11-24T09:10"));
  CHECK(before == 4);
  CHECK(last_entries_start(text, 3).second == 1);
  CHECK(last_entries_start(text, 4) == std::pair<std::size_t, std::uint64_t>{0, 0});  // fewer: the whole journal
  // A torn last line counts as a line.
  CHECK(last_entries_start("# h\n2026-11-24T09:00:00+01:00 note text=a\n2026", 1).second == 2);
}

TEST_CASE("an edit is checked as check reads it, located in the edited text") {
  EditStart start;
  start.content = kJournal;
  std::tie(start.edit_from, start.lines_before) = last_entries_start(start.content, 2);
  const auto check = [&](const std::string& edited) {
    return check_edit(start, edited, "edit.txt", test::fixture_rules(), test::fixture_now());
  };
  CHECK(check(std::string(start.edited_part())).errors == 0);
  const EditCheck bad = check("2026-11-24T09:10:00+01:00 twitch severity=3\n2026-11-24T09:20:00+01:00 remedy\n");
  REQUIRE(bad.errors == 1);
  CHECK(bad.diagnostics[0].file == "edit.txt");
  CHECK(bad.diagnostics[0].line == 2);
  // The lines ahead are part of the journal checked: a retract in the edit finds the entry it takes back there.
  const EditCheck retract = check("2026-11-24T09:30:00+01:00 retract of=2026-11-24T09:00:00+01:00 kind=twitch\n");
  CHECK(retract.errors == 0);
  CHECK(retract.warnings == 0);
  const EditCheck unmatched = check("2026-11-24T09:30:00+01:00 retract of=2026-11-24T08:00:00+01:00 kind=twitch\n");
  CHECK(unmatched.warnings == 1);
  // No newline at the end of the edit is no torn line: it is ended.
  CHECK(check("2026-11-24T09:20:00+01:00 remedy id=nap").diagnostics.empty());
  CHECK(normalized_edit("a") == "a\n");
  CHECK(normalized_edit("") == "");
}

TEST_CASE("applying: the edit replaces the journal, the mode kept, the old content as JOURNAL~ (0600)") {
  const test::TempDir dir;
  const std::string path = dir.file("journal.txt");
  test::spit(path, kJournal);
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  const EditStart start = begin_edit(path, 1);
  CHECK(start.lines_before == 5);
  const EditApplied applied = apply_edit(start, "2026-11-24T09:20:00+01:00 remedy id=nap dose=1h");
  const std::string expected =
      std::string(kJournal).substr(0, start.edit_from) + "2026-11-24T09:20:00+01:00 remedy id=nap dose=1h\n";
  CHECK(test::slurp(path) == expected);
  CHECK(test::slurp(path + "~") == kJournal);
  CHECK(mode_of(path) == 0640);
  CHECK(mode_of(path + "~") == 0600);
  CHECK(applied.lines_before == 6);
  CHECK(applied.lines_after == 6);
  CHECK(applied.appended_lines == 0);
}

TEST_CASE("applying keeps lines appended during the edit, and refuses any other change") {
  const test::TempDir dir;
  const std::string path = dir.file("journal.txt");
  test::spit(path, kJournal);
  const EditStart start = begin_edit(path, 0);
  const std::string appended = "2026-11-24T09:40:00+01:00 note text=cron\n";
  append_line(path, "2026-11-24T09:40:00+01:00 note text=cron");
  const EditApplied applied = apply_edit(start, "# twitchlog journal v1\n");
  CHECK(test::slurp(path) == "# twitchlog journal v1\n" + appended);
  CHECK(applied.appended_lines == 1);
  CHECK(test::slurp(path + "~") == kJournal + appended);

  // Another edit applied meanwhile (or a change by hand): refused, nothing written.
  const EditStart first = begin_edit(path, 0);
  const EditStart second = begin_edit(path, 0);
  apply_edit(first, "# one\n");
  CHECK(test::error_of([&] { apply_edit(second, "# two\n"); }).find("changed during the edit") != std::string::npos);
  CHECK(test::slurp(path) == "# one\n");
}

TEST_CASE("a torn last line: the writer's newline before its own line is not doubled") {
  const test::TempDir dir;
  const std::string path = dir.file("journal.txt");
  test::spit(path, "# twitchlog journal v1\n2026-11-24T09:00:00+01:00 note text=\"half");
  const EditStart start = begin_edit(path, 1);
  append_line(path, "2026-11-24T09:40:00+01:00 note text=cron");
  apply_edit(start, "2026-11-24T09:00:00+01:00 note text=whole");
  CHECK(
      test::slurp(path) ==
      "# twitchlog journal v1\n2026-11-24T09:00:00+01:00 note text=whole\n2026-11-24T09:40:00+01:00 note text=cron\n");
}

TEST_CASE("a symlinked journal: its target is rewritten and the link kept") {
  const test::TempDir dir;
  const std::string target = dir.file("real.txt");
  const std::string link = dir.file("link.txt");
  test::spit(target, kJournal);
  REQUIRE(::symlink("real.txt", link.c_str()) == 0);
  const EditApplied applied = apply_edit(begin_edit(link, 0), "# emptied\n");
  struct stat st {};
  REQUIRE(::lstat(link.c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(test::slurp(target) == "# emptied\n");
  CHECK(applied.backup.ends_with("/real.txt~"));
  CHECK(test::slurp(target + "~") == kJournal);
}

TEST_CASE("the text to edit: a private file in a private folder, in XDG_RUNTIME_DIR only when it is private") {
  const test::TempDir dir;
  const std::string path = dir.file("journal.txt");
  test::spit(path, kJournal);
  const std::string runtime = dir.file("run");
  REQUIRE(::mkdir(runtime.c_str(), 0700) == 0);
  const EditFile in_runtime = make_edit_file(path, runtime, "text");
  CHECK(in_runtime.path.starts_with(runtime + "/twitchlog-edit-"));
  CHECK(in_runtime.path.ends_with("/journal.txt"));
  CHECK(test::slurp(in_runtime.path) == "text");
  CHECK(mode_of(in_runtime.path) == 0600);
  CHECK(mode_of(in_runtime.folder) == 0700);
  remove_edit_file(in_runtime);
  CHECK(::access(in_runtime.folder.c_str(), F_OK) != 0);

  REQUIRE(::chmod(runtime.c_str(), 0755) == 0);  // others may enter: not used
  for (const std::string& runtime_dir : {runtime, std::string("relative/run"), std::string()}) {
    const EditFile beside = make_edit_file(path, runtime_dir, "text");
    CHECK(beside.path.starts_with(dir.path() + "/.twitchlog-edit-"));
    remove_edit_file(beside);
  }
}

TEST_CASE("begin_edit refuses a journal that does not exist") {
  const test::TempDir dir;
  CHECK(test::error_of([&] { begin_edit(dir.file("none.txt"), 0); }).find("does not exist yet") != std::string::npos);
}
