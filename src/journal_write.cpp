#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// mkdir -p with mode 0700 for every folder it creates, whatever the umask.
void make_folders(const std::string& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0) return;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = folder.find('/', pos + 1);
    const std::string prefix = folder.substr(0, pos);
    if (prefix.empty()) continue;
    if (::mkdir(prefix.c_str(), 0700) == 0) {
      // The umask may have taken bits away (umask 0177 gives 0600, a folder no one can enter).
      if (::chmod(prefix.c_str(), 0700) != 0) {
        throw_data(fmt::format("cannot make folder {} private (chmod 700): {}", prefix, errno_text(errno)));
      }
      continue;
    }
    if (errno == EEXIST) continue;
    throw_data(fmt::format("cannot create folder {}: {}", prefix, errno_text(errno)));
  }
}

// "alice (uid 1000)".
std::string user_name(uid_t uid) {
  struct passwd pw {};
  struct passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getpwuid_r(uid, &pw, buffer.data(), buffer.size(), &found) == 0 && found != nullptr) {
    return fmt::format("{} (uid {})", found->pw_name, uid);
  }
  return fmt::format("uid {}", uid);
}

bool writable_by_anyone(const struct stat& st) { return (st.st_mode & S_IWOTH) != 0; }

// Refuses a folder anyone may write to that has no sticky bit: anyone could replace the journal there.
void check_folder(const std::string& path, const std::string& folder) {
  struct stat dir {};
  if (::stat(folder.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode)) return;  // open() will say what is wrong
  if (writable_by_anyone(dir) && (dir.st_mode & S_ISVTX) == 0) {
    throw_data(fmt::format(
        "refusing to write to journal {}: its folder {} (owner {}, mode {:04o}) can be written by anyone and has no "
        "sticky bit, so anyone could replace the journal; move the journal, or chmod o-w {}",
        path, folder, user_name(dir.st_uid), dir.st_mode & 07777, folder));
  }
}

// Before opening: the place of the journal must be safe to write to.
void check_place(const std::string& path) {
  const std::string folder = parent_folder(path);
  check_folder(path, folder);
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return;
  // A symlink another user planted in a shared folder could point anywhere (~/.profile); like the
  // kernel's fs.protected_symlinks, follow it only when it is the user's own.
  struct stat dir {};
  if (::stat(folder.c_str(), &dir) == 0 && writable_by_anyone(dir) && link.st_uid != ::geteuid()) {
    throw_data(fmt::format(
        "refusing to write to journal {}: it is a symbolic link owned by {}, not by you, in folder {} that anyone "
        "can write to",
        path, user_name(link.st_uid), folder));
  }
  // And the folder the link leads to must be safe too.
  char* real = ::realpath(path.c_str(), nullptr);
  if (real != nullptr) {
    const std::string target = real;
    std::free(real);
    check_folder(path, parent_folder(target));
  }
}

// "a FIFO", "a folder"...: what a file that is not a regular file is.
std::string_view file_type(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::string parent_folder(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

LockedJournal::~LockedJournal() {
  if (fd_ >= 0) ::close(fd_);
}

int LockedJournal::close() {
  const int result = ::close(fd_);
  fd_ = -1;
  return result;
}

void require_regular_file(int fd, const std::string& path, std::string_view what) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw_data(fmt::format("cannot stat {} {}: {}", what, path, errno_text(errno)));
  if (!S_ISREG(st.st_mode)) {
    throw_data(fmt::format("{} {} is not a regular file: it is {}", what, path, file_type(st.st_mode)));
  }
}

void lock_journal(int fd, const std::string& path, bool exclusive, int timeout_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0) return;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      if (!exclusive)
        return;  // a reader of a file that cannot be locked (a pipe, some network file systems) reads anyway
      throw_data(fmt::format("cannot lock journal {}: {}", path, errno_text(errno)));
    }
    if (Clock::now() >= deadline) {
      throw_data(fmt::format("journal {} is locked by another process; gave up after {:.1f} s{}", path,
                             timeout_ms / 1000.0, exclusive ? " (nothing was written)" : ""));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

std::string encode_value(std::string_view value, std::string_view what) {
  if (const auto bad = find_invalid_utf8(value)) {
    throw_usage(fmt::format("{} is not valid UTF-8 (byte {} of it)", what, *bad + 1));
  }
  if (const auto c1 = find_c1_control(value)) {
    throw_usage(fmt::format("{} contains the control character U+{:04X}; only tab and newline may stand in text", what,
                            static_cast<unsigned char>(value[*c1 + 1])));
  }
  bool bare = !value.empty();
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (is_control(u)) {
      if (c != '\n' && c != '\t' && c != '\r') {
        throw_usage(
            fmt::format("{} contains the control character U+{:04X}; only tab and newline may stand in text", what, u));
      }
      bare = false;
    } else if (c == ' ' || c == '"' || c == '=' || c == '\\') {
      bare = false;
    }
  }
  if (bare) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

void check_writable_time(const Timestamp& time) {
  // A writer never writes a timestamp its own reader refuses.
  const std::int32_t offset = whole_minute_offset(time.offset_seconds);
  if (offset <= -24 * 3600 || offset >= 24 * 3600) {
    const int raw = time.offset_seconds < 0 ? -time.offset_seconds : time.offset_seconds;
    throw_usage(fmt::format(
        "the local UTC offset {}{:02}:{:02}{} (from TZ) cannot be written: RFC 3339 offsets go from -23:59 to "
        "+23:59; set TZ to a real time zone, such as TZ=Europe/Berlin",
        time.offset_seconds < 0 ? '-' : '+', raw / 3600, raw / 60 % 60,
        raw % 60 != 0 ? fmt::format(":{:02}", raw % 60) : std::string()));
  }
  const Date date = date_from_days(Timestamp{time.unix_seconds, offset}.day());
  if (date.year < 1 || date.year > 9999) {
    throw_usage(fmt::format("the time {} cannot be written: journal dates go from 0001-01-01 to 9999-12-31",
                            format_timestamp(time)));
  }
}

std::string format_entry(const Timestamp& time, Kind kind, const std::vector<FieldValue>& fields) {
  check_writable_time(time);
  std::string line = format_timestamp(time);
  line += ' ';
  line += kind_name(kind);
  for (const auto& [key, value] : fields) {
    if (!is_key(key)) throw_usage(fmt::format("invalid field name {}", quoted(key)));
    line += ' ';
    line += key;
    line += '=';
    line += encode_value(value, key);
  }
  if (line.size() > kMaxLineBytes) {
    throw_usage(fmt::format("the entry is too long ({} bytes; the most is {})", line.size(), kMaxLineBytes));
  }
  return line;
}

LockedJournal lock_journal_for_writing(const std::string& path, const AppendOptions& options, bool create) {
  if (create) make_folders(parent_folder(path));
  // O_RDWR: the last byte is read to find a torn line. O_NONBLOCK: opening a FIFO with no reader fails at once instead
  // of hanging.
  constexpr int kFlags = O_RDWR | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  // Editors, `sed -i` and sync tools replace the file (a new one renamed over it): a writer that waited for
  // the lock on the old one would append to a file no path names any more. So after taking the lock it checks
  // that the path still names the file it holds, and starts again when not.
  constexpr int kAttempts = 10;
  std::optional<LockedJournal> held;
  struct stat st {};
  bool created = false;
  for (int attempt = 1;; ++attempt) {
    check_place(path);
    int raw_fd = ::open(path.c_str(), kFlags);
    if (raw_fd < 0 && errno == ENOENT && create) {
      raw_fd = ::open(path.c_str(), kFlags | O_CREAT | O_EXCL, 0600);
      if (raw_fd >= 0) {
        created = true;
      } else if (errno == EEXIST) {
        raw_fd = ::open(path.c_str(), kFlags);
      }
    }
    if (raw_fd < 0) throw_data(fmt::format("cannot open journal {} for writing: {}", path, errno_text(errno)));
    held.emplace(raw_fd, created);
    const int fd = held->fd();
    require_regular_file(fd, path, "journal");
    if (::fstat(fd, &st) != 0) throw_data(fmt::format("cannot stat journal {}: {}", path, errno_text(errno)));
    // 0600 whatever the umask (umask 0777 would give 0000, a journal the next `log` cannot open).
    if (created && ::fchmod(fd, 0600) != 0) {
      throw_data(fmt::format("cannot make journal {} private (chmod 600): {}", path, errno_text(errno)));
    }
    if (st.st_uid != ::geteuid()) {
      throw_data(fmt::format(
          "refusing to write to journal {}: it belongs to {}, not to you ({}), who could read what you add; "
          "choose a journal of your own with --journal",
          path, user_name(st.st_uid), user_name(::geteuid())));
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);

    lock_journal(fd, path, true, options.lock_timeout_ms);
    struct stat named {};
    if (::stat(path.c_str(), &named) == 0 && named.st_dev == st.st_dev && named.st_ino == st.st_ino) break;
    if (attempt == kAttempts) {
      throw_data(
          fmt::format("journal {} was replaced {} times while this entry waited for its lock; nothing was "
                      "written",
                      path, kAttempts));
    }
    held.reset();  // the file was replaced (or removed) while we waited: open what the path names now
    created = false;
  }
  return std::move(*held);
}

void append_line(const std::string& path, std::string_view line, const AppendOptions& options) {
  LockedJournal journal = lock_journal_for_writing(path, options, true);
  const bool created = journal.created();
  struct stat st {};
  if (::fstat(journal.fd(), &st) != 0) throw_data(fmt::format("cannot stat journal {}: {}", path, errno_text(errno)));
  const off_t old_size = st.st_size;

  // The whole addition is built first and written with one write(2).
  std::string buffer;
  buffer.reserve(line.size() + kJournalHeader.size() + 3);
  if (old_size == 0) {
    buffer += kJournalHeader;
    buffer += '\n';
  } else {
    char last = '\n';
    if (::pread(journal.fd(), &last, 1, old_size - 1) != 1) {
      throw_data(fmt::format("cannot read journal {}: {}", path, errno_text(errno)));
    }
    if (last != '\n') buffer += '\n';  // end a torn last line, so the fragment stays a line of its own
  }
  buffer += line;
  buffer += '\n';

  ssize_t written;
  do {
    written = ::write(journal.fd(), buffer.data(), buffer.size());
  } while (written < 0 && errno == EINTR);
  const auto undo = [&](const std::string& what, int err) {
    const bool restored = ::ftruncate(journal.fd(), old_size) == 0;
    throw_data(fmt::format("cannot write to journal {}: {}{}", path, what.empty() ? errno_text(err) : what,
                           restored ? "; the journal is unchanged" : "; a partial line may remain"));
  };
  if (written < 0) undo("", errno);
  if (static_cast<std::size_t>(written) != buffer.size()) {
    undo(fmt::format("only {} of {} bytes were written (disk full or file too large)", written, buffer.size()), 0);
  }
  if (::fdatasync(journal.fd()) != 0) undo(fmt::format("fdatasync failed: {}", errno_text(errno)), 0);
  if (created) {
    // Make the new directory entry durable too.
    const int dir = ::open(parent_folder(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  if (journal.close() != 0) throw_data(fmt::format("cannot close journal {}: {}", path, errno_text(errno)));
}

}  // namespace twitchlog
