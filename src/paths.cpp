#include "twitchlog/paths.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"

namespace twitchlog {

namespace {

bool absolute(const std::string& path) { return !path.empty() && path.front() == '/'; }

// $XDG_*_HOME when set to an absolute path, else HOME/fallback when HOME is absolute. The XDG spec says a
// relative path in these variables is invalid and to be ignored; a relative HOME is ignored the same way,
// so that no file lands somewhere that depends on the current folder.
std::string base_folder(const std::string& xdg, const std::string& home, std::string_view fallback,
                        std::string_view variable) {
  if (absolute(xdg)) return xdg;
  if (!absolute(home)) {
    throw_usage(fmt::format("cannot tell where twitchlog's files live: HOME is {}; set {} or use --journal and --rules",
                            home.empty() ? "not set" : "not an absolute path", variable));
  }
  return fmt::format("{}/{}", home, fallback);
}

}  // namespace

std::string journal_path(const std::string& option, const PathEnvironment& env) {
  if (!option.empty()) return option;
  if (!env.twitchlog_journal.empty()) return env.twitchlog_journal;
  return base_folder(env.xdg_data_home, env.home, ".local/share", "TWITCHLOG_JOURNAL") + "/twitchlog/journal.txt";
}

std::optional<std::string> rules_path(const std::string& option, const PathEnvironment& env) {
  if (!option.empty()) return option;
  if (!env.twitchlog_rules.empty()) return env.twitchlog_rules;
  // No usable base folder: there is no rule file of the user's, so the built-in rules.
  if (!absolute(env.xdg_config_home) && !absolute(env.home)) return std::nullopt;
  const std::string path =
      base_folder(env.xdg_config_home, env.home, ".config", "TWITCHLOG_RULES") + "/twitchlog/rules.toml";
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return path;  // whatever it is: read_file refuses what is not a regular file
  return std::nullopt;
}

std::string read_file(const std::string& path) {
  // O_NONBLOCK: a FIFO must not hang the open; it is refused just after, as every file that is not regular.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) throw_data(fmt::format("cannot read {}: {}", path, errno_text(errno)));
  try {
    require_regular_file(fd, path, "rule file");
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int err = errno;
      ::close(fd);
      throw_data(fmt::format("cannot read {}: {}", path, errno_text(err)));
    }
    if (got == 0) break;
    out.append(buffer, static_cast<std::size_t>(got));
    if (out.size() > (16u << 20)) {
      ::close(fd);
      throw_data(fmt::format("cannot read {}: larger than 16 MiB", path));
    }
  }
  ::close(fd);
  return out;
}

}  // namespace twitchlog
