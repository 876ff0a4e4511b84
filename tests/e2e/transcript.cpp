// Runs end-to-end transcripts: files of shell commands with the exact
// stdout, stderr and exit status each must give.
//
//   # a comment
//   $ twitchlog log --checkin coffee=3      a command, run by /bin/sh
//   < text                                  a line of its standard input
//   > text                                  a line it must print on stdout
//   ! text                                  a line it must print on stderr
//   ? 2                                     its exit status (0 when absent)
//
// An expected line ending in " (re)" is a regular expression for the whole
// line. All commands of a file run in one fresh folder, in turn, so a case
// sees what the cases before it left (a journal they wrote), in a fixed
// environment: TZ is central European time, TWITCHLOG_JOURNAL=journal.txt,
// HOME is a folder of its own, $SRC is the source tree, and the folder of the
// built twitchlog comes first in PATH; the umask is 077, so the files the
// commands create are private, as a careful user has them.
//
// Every case is judged on its own: a failing case is reported with its file
// and line, and the run goes on to the next case and the next file; it ends
// with "N passed, M failed" for each file (and in all, for several files),
// and exits 1 when a case failed. So that a case cannot spoil the ones after
// it beyond the files it leaves in the folder: its standard input, output
// and error are kept outside that folder, it runs in a process group of its
// own, and whatever it left running (a background job, a hung command after
// the 120 s alarm) is killed before the next case starts. A failure after
// an earlier one in the same file says so, since it may only follow from it.
//
// Update mode, to regenerate the golden output on purpose:
//
//   transcript --update --bin DIR [--source DIR] FILE.t...
//   TRANSCRIPT_UPDATE=1 ctest --test-dir build -R e2e-report
//
// runs every case as usual and rewrites, in FILE.t, the >, ! and ? lines of
// each case that failed with what it printed and returned, keeping the
// comments, blank lines, commands and < lines as they are, and each (re)
// line that still matches its actual line. Cases that pass are left byte for
// byte. Read the diff (git diff) before committing it: the update trusts the
// program.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Case {
  int line = 0;           // of its `$` line, from 1
  std::size_t first = 0;  // its lines in the file: [first, end), from its `$` line to the next one
  std::size_t end = 0;
  std::string command;
  std::string input;
  std::vector<std::string> out, err;
  int status = 0;
};

struct Transcript {
  std::vector<std::string> lines;  // the file as it is, line by line
  bool final_newline = true;
  std::vector<Case> cases;
};

bool is_expectation(const std::string& line) {
  return line == ">" || line.starts_with("> ") || line == "!" || line.starts_with("! ") || line.starts_with("? ");
}

Transcript parse(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot read\n";
    std::exit(2);
  }
  Transcript t;
  std::string line;
  while (std::getline(in, line)) t.lines.push_back(line);
  in.clear();
  in.seekg(0, std::ios::end);
  if (in.tellg() > 0) {
    in.seekg(-1, std::ios::end);
    t.final_newline = in.get() == '\n';
  }
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const std::string& l = t.lines[i];
    const int number = static_cast<int>(i) + 1;
    const std::string payload = l.size() > 2 ? l.substr(2) : std::string();
    if (l.starts_with("$ ")) {
      if (!t.cases.empty()) t.cases.back().end = i;
      t.cases.push_back(Case{number, i, i, payload, "", {}, {}, 0});
    } else if (l.starts_with("#") || l.empty()) {
      continue;
    } else if (t.cases.empty()) {
      std::cerr << path << ":" << number << ": expected a '$ command' first\n";
      std::exit(2);
    } else if (l == "<" || l.starts_with("< ")) {
      t.cases.back().input += payload + "\n";
    } else if (l == ">" || l.starts_with("> ")) {
      t.cases.back().out.push_back(payload);
    } else if (l == "!" || l.starts_with("! ")) {
      t.cases.back().err.push_back(payload);
    } else if (l.starts_with("? ")) {
      t.cases.back().status = std::stoi(payload);
    } else {
      std::cerr << path << ":" << number << ": a line must start with '$ ', '< ', '> ', '! ', '? ' or '#'\n";
      std::exit(2);
    }
  }
  if (!t.cases.empty()) t.cases.back().end = t.lines.size();
  return t;
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

const std::string kRe = " (re)";

bool line_matches(const std::string& expected, const std::string& actual) {
  if (expected.ends_with(kRe)) {
    return std::regex_match(actual, std::regex(expected.substr(0, expected.size() - kRe.size())));
  }
  return expected == actual;
}

bool lines_match(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  if (expected.size() != actual.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (!line_matches(expected[i], actual[i])) return false;
  }
  return true;
}

void show(const char* stream, const char* mark, const std::vector<std::string>& expected,
          const std::vector<std::string>& actual) {
  std::cerr << "  " << stream << " expected:\n";
  for (const auto& l : expected) std::cerr << "    " << mark << " " << l << "\n";
  std::cerr << "  " << stream << " actual:\n";
  for (const auto& l : actual) std::cerr << "    " << mark << " " << l << "\n";
}

// The folder of one transcript: `work` is where its commands run (and HOME
// is work/home); the harness keeps each case's stdin, stdout and stderr in
// `control`, out of the commands' reach.
struct Folders {
  std::string root, work, control;
};

// Runs one command; returns its exit status (128+N for signal N).
int run(const Case& c, const Folders& f, const std::string& bin, const std::string& source) {
  { std::ofstream(f.control + "/stdin") << c.input; }
  const pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    std::exit(2);
  }
  if (pid == 0) {
    setpgid(0, 0);  // a group of its own, killed as a whole when the case ends
    if (chdir(f.work.c_str()) != 0) _exit(125);
    const int in = open((f.control + "/stdin").c_str(), O_RDONLY);
    const int out = open((f.control + "/stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open((f.control + "/stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) _exit(125);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    close(in);
    close(out);
    close(err);
    // A fixed environment: nothing of the developer's leaks in.
    const char* keep[] = {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"};
    std::vector<std::string> env = {
        "PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin",
        "HOME=" + f.work + "/home",
        "TZ=CET-1CEST,M3.5.0,M10.5.0/3",
        "LC_ALL=C.UTF-8",
        "TWITCHLOG_JOURNAL=journal.txt",
        "SRC=" + source,
    };
    for (const char* name : keep) {
      if (const char* value = getenv(name)) env.push_back(std::string(name) + "=" + value);
    }
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    // Survives exec: a hung command is killed. TRANSCRIPT_ALARM gives a slow transcript more seconds.
    const char* seconds = getenv("TRANSCRIPT_ALARM");
    alarm(seconds != nullptr && atoi(seconds) > 0 ? static_cast<unsigned>(atoi(seconds)) : 120);
    ::umask(077);  // as a careful user has it: files the commands create are private
    execle("/bin/sh", "sh", "-c", c.command.c_str(), static_cast<char*>(nullptr), envp.data());
    _exit(127);
  }
  setpgid(pid, pid);  // as the child does, so that the group exists whichever runs first
  // Waited for but not yet reaped, the shell keeps its pid, and so the
  // group's, from being reused while whatever the case left running (`cmd
  // &`, a command the shell no longer waits for) is killed: it would write
  // into the next case's output or hold its locks.
  siginfo_t info{};
  while (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
  }
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      perror("waitpid");
      std::exit(2);
    }
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

// `actual` as an expected line: itself, or, when it happens to end in
// " (re)", a regular expression that matches exactly it.
std::string expected_line(const std::string& actual) {
  if (!actual.ends_with(kRe)) return actual;
  static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
  return std::regex_replace(actual, special, R"(\$&)") + kRe;
}

// The expected lines of one stream after an update: an old (re) line that
// still matches the actual line at its place stays; the rest is the actual.
std::vector<std::string> updated(const char* mark, const std::vector<std::string>& expected,
                                 const std::vector<std::string>& actual) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const bool keep = i < expected.size() && expected[i].ends_with(kRe) && line_matches(expected[i], actual[i]);
    const std::string text = keep ? expected[i] : expected_line(actual[i]);
    lines.push_back(text.empty() ? std::string(mark) : std::string(mark) + " " + text);
  }
  return lines;
}

// The lines of case `c` rewritten for what it gave: its `$`, `<`, comment
// and blank lines stay where they are; the new >, ! and ? lines take the
// place of the first old one (or follow the command and its input), in the
// order the streams came in before (stdout first when there were none).
std::vector<std::string> rewrite(const Transcript& t, const Case& c, const std::vector<std::string>& out,
                                 const std::vector<std::string>& err, int status) {
  std::vector<std::string> expectations;
  bool err_first = false;
  for (std::size_t i = c.first; i < c.end; ++i) {
    const std::string& l = t.lines[i];
    if (l == ">" || l.starts_with("> ")) break;
    if (l == "!" || l.starts_with("! ")) {
      err_first = true;
      break;
    }
  }
  const auto new_out = updated(">", c.out, out);
  const auto new_err = updated("!", c.err, err);
  const auto& a = err_first ? new_err : new_out;
  const auto& b = err_first ? new_out : new_err;
  expectations.insert(expectations.end(), a.begin(), a.end());
  expectations.insert(expectations.end(), b.begin(), b.end());
  if (status != 0) expectations.push_back("? " + std::to_string(status));

  std::size_t at = c.end;  // where the new expectations go
  for (std::size_t i = c.first; i < c.end; ++i) {
    if (is_expectation(t.lines[i])) {
      at = i;
      break;
    }
  }
  if (at == c.end) {  // none before: after the command and its input
    at = c.first + 1;
    for (std::size_t i = c.first + 1; i < c.end; ++i) {
      if (t.lines[i] == "<" || t.lines[i].starts_with("< ")) at = i + 1;
    }
  }
  std::vector<std::string> lines;
  for (std::size_t i = c.first; i < c.end; ++i) {
    if (i == at) lines.insert(lines.end(), expectations.begin(), expectations.end());
    if (!is_expectation(t.lines[i])) lines.push_back(t.lines[i]);
  }
  if (at == c.end) lines.insert(lines.end(), expectations.begin(), expectations.end());
  return lines;
}

// Writes `lines` to `path` through a temporary file renamed over it, with
// the file's mode kept.
bool write_file(const std::string& path, const std::vector<std::string>& lines, bool final_newline) {
  const std::string temporary = path + ".update";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out << lines[i];
      if (i + 1 < lines.size() || final_newline) out << "\n";
    }
    if (!out.flush()) {
      std::cerr << temporary << ": cannot write\n";
      return false;
    }
  }
  std::error_code error;
  fs::permissions(temporary, fs::status(path).permissions(), error);
  fs::rename(temporary, path, error);
  if (error) {
    std::cerr << path << ": cannot replace: " << error.message() << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string bin, source;
  std::vector<std::string> files;
  const char* update_env = std::getenv("TRANSCRIPT_UPDATE");
  bool update = update_env != nullptr && *update_env != '\0' && std::string(update_env) != "0";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--bin" && i + 1 < argc) {
      bin = fs::absolute(argv[++i]).string();
    } else if (arg == "--source" && i + 1 < argc) {
      source = fs::absolute(argv[++i]).string();
    } else if (arg == "--update") {
      update = true;
    } else {
      files.push_back(arg);
    }
  }
  if (bin.empty() || files.empty()) {
    std::cerr << "usage: transcript [--update] --bin DIR [--source DIR] FILE.t...\n";
    return 2;
  }
  int all_passed = 0, all_failed = 0, all_updated = 0;
  bool write_failed = false;
  for (const auto& file : files) {
    const Transcript t = parse(file);
    Folders f;
    f.root = (fs::temp_directory_path() / "twitchlog-e2e-XXXXXX").string();
    if (mkdtemp(f.root.data()) == nullptr) {
      perror("mkdtemp");
      return 2;
    }
    f.work = f.root + "/work";
    f.control = f.root + "/control";
    fs::create_directories(f.work + "/home");
    fs::create_directory(f.control);
    // Private, as a careful user's folders are (twitchlog warns about a folder others can list).
    for (const auto& dir : {f.work, f.work + "/home"}) fs::permissions(dir, fs::perms::owner_all);
    int passed = 0, failed = 0, first_failure = 0;
    std::vector<std::string> rewritten;  // the file after an update
    std::size_t copied = 0;              // lines of t.lines already in `rewritten`
    for (const auto& c : t.cases) {
      const int status = run(c, f, bin, source);
      const auto out = lines_of(f.control + "/stdout");
      const auto err = lines_of(f.control + "/stderr");
      const bool out_ok = lines_match(c.out, out), err_ok = lines_match(c.err, err);
      if (status == c.status && out_ok && err_ok) {
        ++passed;
        continue;
      }
      ++failed;
      if (update) {
        rewritten.insert(rewritten.end(), t.lines.begin() + static_cast<std::ptrdiff_t>(copied),
                         t.lines.begin() + static_cast<std::ptrdiff_t>(c.first));
        const auto lines = rewrite(t, c, out, err, status);
        rewritten.insert(rewritten.end(), lines.begin(), lines.end());
        copied = c.end;
        std::cerr << file << ":" << c.line << ": updated: $ " << c.command << "\n";
        continue;
      }
      std::cerr << file << ":" << c.line << ": FAILED: $ " << c.command << "\n";
      if (first_failure != 0) {
        std::cerr << "  (after the failure at line " << first_failure
                  << ", in the same folder: it may only follow from that one)\n";
      } else {
        first_failure = c.line;
      }
      if (status != c.status) std::cerr << "  exit status: expected " << c.status << ", got " << status << "\n";
      if (!out_ok) show("stdout", ">", c.out, out);
      if (!err_ok) show("stderr", "!", c.err, err);
    }
    std::error_code ignored;
    fs::permissions(f.work, fs::perms::owner_all, fs::perm_options::add, ignored);  // a case may have chmod-ed it
    fs::remove_all(f.root, ignored);
    if (update) {
      if (failed > 0) {
        rewritten.insert(rewritten.end(), t.lines.begin() + static_cast<std::ptrdiff_t>(copied), t.lines.end());
        if (!write_file(file, rewritten, t.final_newline)) write_failed = true;
      }
      std::cout << file << ": " << passed << " passed, " << failed << " updated\n";
    } else {
      std::cout << file << ": " << passed << " passed, " << failed << " failed\n";
    }
    all_passed += passed;
    (update ? all_updated : all_failed) += failed;
  }
  if (files.size() > 1) {
    std::cout << "in all: " << all_passed << " passed, " << (update ? all_updated : all_failed)
              << (update ? " updated\n" : " failed\n");
  }
  if (write_failed) return 2;
  return all_failed == 0 ? 0 : 1;
}
