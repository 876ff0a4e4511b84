#include "twitchlog/paths.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

#include <fmt/format.h>

#include "twitchlog/error.hpp"

namespace twitchlog {

namespace {

// $XDG_*_HOME when set to an absolute path (as the XDG spec asks), else HOME/fallback.
std::string base_folder(const std::string& xdg, const std::string& home, std::string_view fallback,
                        std::string_view variable) {
  if (!xdg.empty() && xdg.front() == '/') return xdg;
  if (home.empty()) {
    throw_usage(
        fmt::format("cannot tell where twitchlog's files live: HOME is not set; set {} or use --journal and "
                    "--rules",
                    variable));
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
  if (env.xdg_config_home.empty() && env.home.empty()) return std::nullopt;
  const std::string path =
      base_folder(env.xdg_config_home, env.home, ".config", "TWITCHLOG_RULES") + "/twitchlog/rules.toml";
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return path;
  return std::nullopt;
}

std::string read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw_data(fmt::format("cannot read {}: {}", path, errno_text(errno)));
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
