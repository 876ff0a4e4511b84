// `twitchlog edit [--last N]`: the journal, or its last entries, in the
// user's editor, validated as `check` does and applied without losing what
// other processes append meanwhile (edit.hpp). This file runs the editor and
// talks to the user.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "context.hpp"
#include "twitchlog/edit.hpp"
#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog::cli {

namespace {

// At most this many problems of an edit are shown; `twitchlog check` on the kept text lists all.
constexpr std::size_t kShownProblems = 20;

struct EditOptions {
  int last = 0;
  bool last_given = false;
};

// $TWITCHLOG_EDITOR, $VISUAL, $EDITOR, else vi: the first that is set and not empty.
std::string editor_command() {
  for (const char* name : {"TWITCHLOG_EDITOR", "VISUAL", "EDITOR"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
  }
  return "vi";
}

// Runs `editor` on `file` through /bin/sh, so that an editor with arguments
// ("code --wait") works; the file name goes in as $1, never into the command
// text. Returns "" when it exited 0, else what went wrong. While it runs,
// ^C and ^\ are the editor's, not ours (as system(3) has it).
std::string run_editor(const std::string& editor, const std::string& file) {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  struct sigaction old_int {};
  struct sigaction old_quit {};
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  std::fflush(stdout);
  std::fflush(stderr);
  const std::string command = editor + " \"$1\"";
  const pid_t pid = ::fork();
  if (pid == 0) {
    // What main ignores is not the editor's to ignore.
    for (const int sig : {SIGINT, SIGQUIT, SIGPIPE, SIGXFSZ}) ::signal(sig, SIG_DFL);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), "sh", file.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  const int fork_errno = errno;
  pid_t waited = pid;
  if (pid > 0) {
    while ((waited = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
  }
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);
  if (pid < 0) return fmt::format("could not be started: {}", errno_text(fork_errno));
  if (waited < 0) return fmt::format("could not be waited for: {}", errno_text(errno));
  if (WIFSIGNALED(status)) return fmt::format("was killed by signal {}", WTERMSIG(status));
  if (WEXITSTATUS(status) == 127) return "exited with status 127 (not found?)";
  if (WEXITSTATUS(status) != 0) return fmt::format("exited with status {}", WEXITSTATUS(status));
  return "";
}

// The problems of an edit on stderr, as `check` shows them.
void show_problems(const EditCheck& check) {
  std::size_t shown = 0;
  for (const auto& d : check.diagnostics) {
    if (shown++ == kShownProblems) break;
    print_error(d.render());
  }
  if (check.diagnostics.size() > kShownProblems) {
    print_error(fmt::format("... and {} more", check.diagnostics.size() - kShownProblems));
  }
}

// On a terminal: edit again (true) or give up (false, also at the end of input).
bool edit_again() {
  for (;;) {
    fmt::print(stderr, "(e)dit again, e(x)it without saving? ");
    std::fflush(stderr);
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      fmt::print(stderr, "\n");
      return false;
    }
    if (answer == "e" || answer == "E") return true;
    if (answer == "x" || answer == "X") return false;
  }
}

std::string lines_text(std::uint64_t n) { return fmt::format("{} line{}", n, n == 1 ? "" : "s"); }

int run_edit(const EditOptions& options, const GlobalOptions& globals) {
  if (options.last_given && (options.last < 1 || options.last > 100000)) {
    throw_usage("--last: the number of entries must be from 1 to 100000");
  }
  const Context context(globals);
  const RuleSet rules = context.load_rules();
  const std::string path = context.journal_path();
  const EditStart start = begin_edit(path, static_cast<std::size_t>(options.last));
  const char* runtime_dir = std::getenv("XDG_RUNTIME_DIR");
  const EditFile file = make_edit_file(path, runtime_dir == nullptr ? "" : runtime_dir, start.edited_part());
  const std::string kept = fmt::format("nothing was applied; the edited text is kept in {}", file.path);
  const std::string editor = editor_command();
  std::string edited;
  for (;;) {
    if (const std::string failed = run_editor(editor, file.path); !failed.empty()) {
      throw_data(fmt::format("the editor ({}) {}: {}", editor, failed, kept));
    }
    try {
      edited = read_file(file.path);
    } catch (const Error& e) {
      throw_data(fmt::format("{}: nothing was applied", e.what()));
    }
    if (edited == start.edited_part() || normalized_edit(edited) == start.edited_part()) {
      remove_edit_file(file);
      fmt::print("no changes; journal {} is untouched\n", printable(path));
      return 0;
    }
    if (start.edit_from == 0 && edited.find_first_not_of(" \t\n") == std::string::npos) {
      throw_data(fmt::format(
          "the edited text is empty, which would empty the journal (to do that, keep its first line, \"{}\"): {}",
          kJournalHeader, kept));
    }
    const EditCheck check = check_edit(start, edited, file.path, rules, context.now());
    show_problems(check);
    if (check.errors == 0) break;
    const std::string errors = fmt::format("{} error{}", check.errors, check.errors == 1 ? "" : "s");
    if (::isatty(STDIN_FILENO) != 1) throw_data(fmt::format("the edited text has {}: {}", errors, kept));
    print_error(fmt::format("twitchlog: the edited text has {}", errors));
    if (!edit_again()) throw_data(kept);
  }
  EditApplied applied;
  try {
    applied = apply_edit(start, edited);
  } catch (const Error& e) {
    throw_data(fmt::format("{}; the edited text is kept in {}", e.what(), file.path));
  }
  remove_edit_file(file);
  fmt::print("journal {} edited: {} now, {} before; the previous content is kept in {}\n", printable(path),
             lines_text(applied.lines_after), lines_text(applied.lines_before), printable(applied.backup));
  if (applied.appended_lines > 0) {
    fmt::print("{} written by another process during the edit {} kept after the edited ones\n",
               lines_text(applied.appended_lines), applied.appended_lines == 1 ? "was" : "were");
  }
  if (applied.other_links > 0) {
    print_error(fmt::format("twitchlog: warning: the old journal had {} other hard link{}; they keep the old content",
                            applied.other_links, applied.other_links == 1 ? "" : "s"));
  }
  return 0;
}

}  // namespace

void setup_edit(CLI::App& app, const GlobalOptions& globals, int& status) {
  auto options = std::make_shared<EditOptions>();
  CLI::App* sub = app.add_subcommand("edit", "Fix the journal, or its last entries, in your editor (checked first)");
  CLI::Option* last =
      sub->add_option("--last", options->last, "Edit only the last N entry lines (the lines ahead stay as they are)")
          ->option_text("N");
  sub->footer(
      "The editor is $TWITCHLOG_EDITOR, else $VISUAL, else $EDITOR, else vi, run by /bin/sh (so\n"
      "\"code --wait\" works). The text is edited in a private file (mode 0600, in $XDG_RUNTIME_DIR or\n"
      "in a 0700 folder beside the journal), checked as `twitchlog check` does, and applied under the\n"
      "journal's lock: entries that other processes append meanwhile are kept after the edited ones,\n"
      "and any other change to the journal during the edit refuses it. The previous content is kept\n"
      "as JOURNAL~ (mode 0600). An editor that fails, or an edit with errors off a terminal, applies\n"
      "nothing and says where the edited text is kept.\n\n"
      "Examples:\n"
      "  twitchlog edit --last 3\n"
      "  EDITOR=nano twitchlog edit\n"
      "  TWITCHLOG_EDITOR=\"code --wait\" twitchlog edit");
  sub->callback([options, last, &globals, &status] {
    options->last_given = last->count() > 0;
    status = run_edit(*options, globals);
  });
}

}  // namespace twitchlog::cli
