// pty_run COMMAND [ARG...]: runs COMMAND with its standard input and error on
// a pseudo-terminal (echo off, so only what it writes is seen), its standard
// output left as it is. What pty_run reads on its own standard input is typed
// on that terminal (a \x04 byte at the start of a line is Ctrl-D); what
// COMMAND writes on the terminal comes out on pty_run's standard error. Exits
// with COMMAND's status. For the transcripts of interactive commands.
#include <fcntl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pty_run COMMAND [ARG...]\n");
    return 2;
  }
  std::string input;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(STDIN_FILENO, buffer, sizeof buffer)) > 0) input.append(buffer, static_cast<std::size_t>(n));
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
    std::perror("pty_run: posix_openpt");
    return 2;
  }
  const char* slave_name = ::ptsname(master);
  const int slave = ::open(slave_name, O_RDWR | O_NOCTTY);
  if (slave < 0) {
    std::perror("pty_run: open the terminal");
    return 2;
  }
  termios tio{};
  ::tcgetattr(slave, &tio);
  tio.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK | ECHONL);
  tio.c_oflag &= ~static_cast<tcflag_t>(OPOST);
  ::tcsetattr(slave, TCSANOW, &tio);
  const pid_t child = ::fork();
  if (child == 0) {
    ::setsid();
    ::close(master);
    const int tty = ::open(slave_name, O_RDWR);  // the controlling terminal
    ::dup2(tty, STDIN_FILENO);
    ::dup2(tty, STDERR_FILENO);
    if (tty > 2) ::close(tty);
    ::close(slave);
    ::execvp(argv[1], argv + 1);
    std::perror("pty_run: exec");
    ::_exit(127);
  }
  ::close(slave);
  // Type the input; the terminal keeps it until the command reads it.
  std::size_t done = 0;
  while (done < input.size()) {
    const ssize_t w = ::write(master, input.data() + done, input.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;
    done += static_cast<std::size_t>(w);
  }
  for (;;) {
    n = ::read(master, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EIO: the command closed the terminal
    if (::write(STDERR_FILENO, buffer, static_cast<std::size_t>(n)) < 0) break;
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
