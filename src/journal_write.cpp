#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/journal.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

// Closes a descriptor on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  /// Closes now, reporting the error close(2) gives (it can, on network file systems).
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

std::string parent_folder(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// mkdir -p with mode 0700 for every folder it creates.
void make_folders(const std::string& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0) return;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = folder.find('/', pos + 1);
    const std::string prefix = folder.substr(0, pos);
    if (prefix.empty() || ::mkdir(prefix.c_str(), 0700) == 0 || errno == EEXIST) continue;
    throw_data(fmt::format("cannot create folder {}: {}", prefix, errno_text(errno)));
  }
}

}  // namespace

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

std::string format_entry(const Timestamp& time, Kind kind, const std::vector<FieldValue>& fields) {
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

void append_line(const std::string& path, std::string_view line, const AppendOptions& options) {
  make_folders(parent_folder(path));
  // O_RDWR: the last byte is read to find a torn line. O_NONBLOCK: opening a FIFO with no reader fails at once instead
  // of hanging.
  constexpr int kFlags = O_RDWR | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  bool created = false;
  int raw_fd = ::open(path.c_str(), kFlags);
  if (raw_fd < 0 && errno == ENOENT) {
    raw_fd = ::open(path.c_str(), kFlags | O_CREAT | O_EXCL, 0600);
    if (raw_fd >= 0) {
      created = true;
    } else if (errno == EEXIST) {
      raw_fd = ::open(path.c_str(), kFlags);
    }
  }
  if (raw_fd < 0) throw_data(fmt::format("cannot open journal {} for writing: {}", path, errno_text(errno)));
  FileDescriptor fd(raw_fd);

  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw_data(fmt::format("cannot stat journal {}: {}", path, errno_text(errno)));
  if (!S_ISREG(st.st_mode)) throw_data(fmt::format("journal {} is not a regular file", path));
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);

  lock_journal(fd.get(), path, true, options.lock_timeout_ms);
  if (::fstat(fd.get(), &st) != 0) throw_data(fmt::format("cannot stat journal {}: {}", path, errno_text(errno)));
  const off_t old_size = st.st_size;

  // The whole addition is built first and written with one write(2).
  std::string buffer;
  buffer.reserve(line.size() + kJournalHeader.size() + 3);
  if (old_size == 0) {
    buffer += kJournalHeader;
    buffer += '\n';
  } else {
    char last = '\n';
    if (::pread(fd.get(), &last, 1, old_size - 1) != 1) {
      throw_data(fmt::format("cannot read journal {}: {}", path, errno_text(errno)));
    }
    if (last != '\n') buffer += '\n';  // end a torn last line, so the fragment stays a line of its own
  }
  buffer += line;
  buffer += '\n';

  ssize_t written;
  do {
    written = ::write(fd.get(), buffer.data(), buffer.size());
  } while (written < 0 && errno == EINTR);
  const auto undo = [&](const std::string& what, int err) {
    const bool restored = ::ftruncate(fd.get(), old_size) == 0;
    throw_data(fmt::format("cannot write to journal {}: {}{}", path, what.empty() ? errno_text(err) : what,
                           restored ? "; the journal is unchanged" : "; a partial line may remain"));
  };
  if (written < 0) undo("", errno);
  if (static_cast<std::size_t>(written) != buffer.size()) {
    undo(fmt::format("only {} of {} bytes were written (disk full or file too large)", written, buffer.size()), 0);
  }
  if (::fdatasync(fd.get()) != 0) undo(fmt::format("fdatasync failed: {}", errno_text(errno)), 0);
  if (created) {
    // Make the new directory entry durable too.
    const int dir = ::open(parent_folder(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  if (fd.close() != 0) throw_data(fmt::format("cannot close journal {}: {}", path, errno_text(errno)));
}

}  // namespace twitchlog
