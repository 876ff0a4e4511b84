#include "twitchlog/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include <fmt/format.h>

#include "twitchlog/error.hpp"
#include "twitchlog/text.hpp"

namespace twitchlog {

namespace {

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

[[noreturn]] void fail(const std::string& path, std::string_view what, int err) {
  throw_data(fmt::format("{}: cannot {}: {}", printable(path), what, errno_text(err)));
}

[[noreturn]] void exists(const std::string& path) {
  throw_data(fmt::format("{}: the file exists; add --force to replace it", printable(path)));
}

// Removes the temporary file when the write did not get through.
struct TempFile {
  std::string path;
  bool keep = false;
  ~TempFile() {
    if (!keep && !path.empty()) ::unlink(path.c_str());
  }
};

// Puts `from` at `to` only if `to` does not exist: renameat2's NOREPLACE,
// or a hard link where the file system has no such rename.
int move_without_replacing(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  ::unlink(from.c_str());
  return 0;
}

}  // namespace

void check_output_file(const std::string& path, bool replace) {
  if (path.empty()) throw_usage("-o: an empty file name is not allowed");
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw_data(fmt::format("{}: is a folder, not a file", printable(path)));
    if (!replace) exists(path);
  }
}

void write_output_file(const std::string& path, std::string_view content, bool replace) {
  check_output_file(path, replace);
  const std::string folder = folder_of(path);
  TempFile temp{folder + "/.twitchlog-output-XXXXXX"};
  const int fd = ::mkstemp(temp.path.data());  // mode 0600
  if (fd < 0) {
    const int err = errno;
    temp.path.clear();
    fail(path, fmt::format("create a file in {}", printable(folder)), err);
  }
  std::size_t done = 0;
  int err = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) fail(path, "write", err);
  if (replace) {
    if (::rename(temp.path.c_str(), path.c_str()) != 0) fail(path, "write", errno);
  } else if (const int e = move_without_replacing(temp.path, path); e != 0) {
    if (e == EEXIST) exists(path);
    fail(path, "write", e);
  }
  temp.keep = true;
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);  // best effort: the file is whole either way
    ::close(dir);
  }
}

}  // namespace twitchlog
