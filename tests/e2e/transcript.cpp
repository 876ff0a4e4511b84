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
// line. All commands of a file run in one fresh folder, in a fixed
// environment: TZ is central European time, TWITCHLOG_JOURNAL=journal.txt,
// HOME is a folder of its own, $SRC is the source tree, and the folder of the
// built twitchlog comes first in PATH; the umask is 077, so the files the
// commands create are private, as a careful user has them.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
  int line = 0;
  std::string command;
  std::string input;
  std::vector<std::string> out, err;
  int status = 0;
};

std::vector<Case> parse(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot read\n";
    std::exit(2);
  }
  std::vector<Case> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto payload = [&] { return line.size() > 2 ? line.substr(2) : std::string(); };
    if (line.starts_with("$ ")) {
      cases.push_back(Case{number, payload(), "", {}, {}, 0});
    } else if (line.starts_with("#") || line.empty()) {
      continue;
    } else if (cases.empty()) {
      std::cerr << path << ":" << number << ": expected a '$ command' first\n";
      std::exit(2);
    } else if (line == "<" || line.starts_with("< ")) {
      cases.back().input += payload() + "\n";
    } else if (line == ">" || line.starts_with("> ")) {
      cases.back().out.push_back(payload());
    } else if (line == "!" || line.starts_with("! ")) {
      cases.back().err.push_back(payload());
    } else if (line.starts_with("? ")) {
      cases.back().status = std::stoi(payload());
    } else {
      std::cerr << path << ":" << number << ": a line must start with '$ ', '< ', '> ', '! ', '? ' or '#'\n";
      std::exit(2);
    }
  }
  return cases;
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

bool line_matches(const std::string& expected, const std::string& actual) {
  static const std::string kRe = " (re)";
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

// Runs one command in `dir`; returns its exit status (128+N for signal N).
int run(const Case& c, const std::string& dir, const std::string& bin, const std::string& source) {
  { std::ofstream(dir + "/.stdin") << c.input; }
  const pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    std::exit(2);
  }
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(125);
    const int in = open(".stdin", O_RDONLY);
    const int out = open(".stdout", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(".stderr", O_WRONLY | O_CREAT | O_TRUNC, 0600);
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
        "HOME=" + dir + "/home",
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
    alarm(120);    // survives exec: a hung command is killed
    ::umask(077);  // as a careful user has it: files the commands create are private
    execle("/bin/sh", "sh", "-c", c.command.c_str(), static_cast<char*>(nullptr), envp.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace

int main(int argc, char** argv) {
  std::string bin, source;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--bin" && i + 1 < argc) {
      bin = fs::absolute(argv[++i]).string();
    } else if (arg == "--source" && i + 1 < argc) {
      source = fs::absolute(argv[++i]).string();
    } else {
      files.push_back(arg);
    }
  }
  if (bin.empty() || files.empty()) {
    std::cerr << "usage: transcript --bin DIR [--source DIR] FILE.t...\n";
    return 2;
  }
  int passed = 0, failed = 0;
  for (const auto& file : files) {
    std::string dir = (fs::temp_directory_path() / "twitchlog-e2e-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) {
      perror("mkdtemp");
      return 2;
    }
    fs::create_directory(dir + "/home");
    for (const auto& c : parse(file)) {
      const int status = run(c, dir, bin, source);
      const auto out = lines_of(dir + "/.stdout");
      const auto err = lines_of(dir + "/.stderr");
      const bool ok = status == c.status && lines_match(c.out, out) && lines_match(c.err, err);
      if (ok) {
        ++passed;
        continue;
      }
      ++failed;
      std::cerr << file << ":" << c.line << ": FAILED: $ " << c.command << "\n";
      if (status != c.status) std::cerr << "  exit status: expected " << c.status << ", got " << status << "\n";
      if (!lines_match(c.out, out)) show("stdout", ">", c.out, out);
      if (!lines_match(c.err, err)) show("stderr", "!", c.err, err);
    }
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
