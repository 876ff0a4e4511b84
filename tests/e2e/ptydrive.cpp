// ptydrive: runs a command on a pseudo-terminal and talks to it like a
// person would, waiting for each prompt before it types the answer, so the
// interactive flows can be tested without sleeps:
//
//   ptydrive [expect TEXT | send TEXT]... -- COMMAND [ARG]...
//
// `expect TEXT` waits until TEXT has appeared in the output since the last
// expect (at most 20 s, a safety net, not a timing check: a missing prompt
// fails the test with the output so far); `send TEXT` types TEXT, where \n,
// \x03 (Ctrl-C) and \x04 (Ctrl-D) are escapes. At the end the output (with
// the terminal's \r removed) is printed, and ptydrive exits with the
// command's status (128 + N for signal N).
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

std::string unescape(const char* text) {
  std::string out;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '\\' && p[1] == 'n') {
      out += '\n';
      ++p;
    } else if (*p == '\\' && p[1] == 'x' && p[2] != '\0' && p[3] != '\0') {
      out += static_cast<char>(std::strtol(std::string(p + 2, 2).c_str(), nullptr, 16));
      p += 3;
    } else {
      out += *p;
    }
  }
  return out;
}

// Reads what is there within `ms` milliseconds; false at the end of the output.
bool pump(int fd, std::string& out, int ms) {
  pollfd p{fd, POLLIN, 0};
  const int ready = ::poll(&p, 1, ms);
  if (ready <= 0) return true;
  char buffer[4096];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n <= 0) return false;  // EIO once the child has closed the terminal
  out.append(buffer, static_cast<std::size_t>(n));
  return true;
}

void print(const std::string& out) {
  std::string clean;
  for (const char c : out) {
    if (c != '\r') clean += c;
  }
  std::fwrite(clean.data(), 1, clean.size(), stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::pair<std::string, std::string>> steps;
  int i = 1;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; i += 2) {
    if (i + 1 >= argc || (std::strcmp(argv[i], "expect") != 0 && std::strcmp(argv[i], "send") != 0)) {
      std::fprintf(stderr, "usage: ptydrive [expect TEXT | send TEXT]... -- COMMAND [ARG]...\n");
      return 2;
    }
    steps.emplace_back(argv[i], unescape(argv[i + 1]));
  }
  if (i + 1 >= argc) {
    std::fprintf(stderr, "ptydrive: no command after --\n");
    return 2;
  }
  int master = -1;
  const pid_t child = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (child < 0) {
    std::perror("ptydrive: forkpty");
    return 2;
  }
  if (child == 0) {
    ::execvp(argv[i + 1], argv + i + 1);
    std::perror("ptydrive: exec");
    _exit(127);
  }
  std::string out;
  std::size_t seen = 0;  // output before this was matched by an earlier expect
  bool open = true;
  for (const auto& [what, text] : steps) {
    if (what == "send") {
      if (::write(master, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
        std::perror("ptydrive: write");
        return 2;
      }
      continue;
    }
    for (int waited = 0; out.find(text, seen) == std::string::npos; waited += 50) {
      if (!open || waited > 20000) {
        print(out);
        std::fprintf(stderr, "ptydrive: never saw \"%s\"\n", text.c_str());
        ::kill(child, SIGKILL);
        return 2;
      }
      open = pump(master, out, 50);
    }
    seen = out.find(text, seen) + text.size();
  }
  for (int waited = 0; open && waited < 20000; waited += 50) open = pump(master, out, 50);
  if (open) ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  print(out);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
