#include "twitchlog/edit.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "twitchlog/check.hpp"

namespace twitchlog {

namespace {

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::uint64_t count_lines(std::string_view text) {
  std::uint64_t lines = 0;
  for (const char c : text) lines += c == '\n' ? 1 : 0;
  return lines + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

// The whole file open on `fd`, from its start.
std::string read_all(int fd, const std::string& path) {
  std::string out;
  char buffer[65536];
  for (off_t offset = 0;;) {
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_data(fmt::format("cannot read journal {}: {}", path, errno_text(errno)));
    if (n == 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
    offset += n;
  }
}

// 0 when all of `text` went to `fd`, else the errno.
int write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// The file `path` names: itself, or where a symlink leads.
std::string file_named(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && !S_ISLNK(st.st_mode)) return path;
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) throw_data(fmt::format("cannot resolve journal {}: {}", path, errno_text(errno)));
  std::string out = real;
  std::free(real);
  return out;
}

// $XDG_RUNTIME_DIR as the spec has it: absolute, the user's own, for no one else.
bool usable_runtime_dir(const std::string& dir) {
  struct stat st {};
  return !dir.empty() && dir.front() == '/' && ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) &&
         st.st_uid == ::geteuid() && (st.st_mode & 077) == 0 && ::access(dir.c_str(), W_OK | X_OK) == 0;
}

// Puts `text` at `final_path` atomically: a temporary file beside it with
// `mode`, fsynced, renamed over it. Throws a data Error, leaving nothing behind.
void replace_file(const std::string& final_path, std::string_view text, mode_t mode, gid_t group) {
  std::string temp = parent_folder(final_path) + "/." + base_name(final_path) + ".twitchlog-XXXXXX";
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) throw_data(fmt::format("cannot create a temporary file beside {}: {}", final_path, errno_text(errno)));
  int err = ::fchmod(fd, mode) != 0 ? errno : 0;
  if (err == 0 && ::fchown(fd, static_cast<uid_t>(-1), group) != 0 && errno != EPERM) err = errno;
  if (err == 0) err = write_all(fd, text);
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(temp.c_str(), final_path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    throw_data(fmt::format("cannot write {}: {}", final_path, errno_text(err)));
  }
}

}  // namespace

std::pair<std::size_t, std::uint64_t> last_entries_start(std::string_view text, std::size_t last_entries) {
  if (last_entries == 0) return {0, 0};
  std::vector<std::pair<std::size_t, std::uint64_t>> entries;  // the start and number (from 0) of entry lines
  std::uint64_t number = 0;
  for (std::size_t start = 0; start < text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#') entries.emplace_back(start, number);
    start = end + 1;
  }
  if (entries.size() < last_entries) return {0, 0};
  return entries[entries.size() - last_entries];
}

EditStart begin_edit(const std::string& path, std::size_t last_entries, const AppendOptions& options) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 && errno == ENOENT) {
    throw_data(fmt::format("journal {} does not exist yet; `twitchlog log` creates it", path));
  }
  EditStart start;
  start.path = path;
  {
    const LockedJournal journal = lock_journal_for_writing(path, options, false);
    start.content = read_all(journal.fd(), path);
  }
  std::tie(start.edit_from, start.lines_before) = last_entries_start(start.content, last_entries);
  return start;
}

EditFile make_edit_file(const std::string& journal_path, const std::string& runtime_dir, std::string_view text) {
  std::string folder = usable_runtime_dir(runtime_dir)
                           ? runtime_dir + "/twitchlog-edit-XXXXXX"
                           : parent_folder(file_named(journal_path)) + "/.twitchlog-edit-XXXXXX";
  if (::mkdtemp(folder.data()) == nullptr) {
    throw_data(fmt::format("cannot create a private folder for the edit ({}): {}", folder, errno_text(errno)));
  }
  EditFile file{folder + "/" + base_name(journal_path), folder};
  // 0700 and 0600 whatever the umask (a umask of 0177 would make the folder one no one can enter).
  int err = ::chmod(folder.c_str(), 0700) != 0 ? errno : 0;
  const int fd = err != 0 ? -1 : ::open(file.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (err == 0 && fd < 0) err = errno;
  if (fd >= 0) {
    if (::fchmod(fd, 0600) != 0) err = errno;
    if (err == 0) err = write_all(fd, text);
    if (::close(fd) != 0 && err == 0) err = errno;
  }
  if (err != 0) {
    remove_edit_file(file);
    throw_data(fmt::format("cannot write the text to edit to {}: {}", file.path, errno_text(err)));
  }
  return file;
}

void remove_edit_file(const EditFile& file) {
  ::unlink(file.path.c_str());
  ::rmdir(file.folder.c_str());
}

std::string normalized_edit(std::string_view edited) {
  std::string out(edited);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

EditCheck check_edit(const EditStart& start, std::string_view edited, const std::string& edit_file,
                     const RuleSet& rules, const Timestamp& now) {
  const std::string text = start.content.substr(0, start.edit_from) + normalized_edit(edited);
  CheckReport report = check_journal_text(text, edit_file, rules, now);
  EditCheck out;
  for (auto& d : report.diagnostics) {
    if (d.line != 0 && d.line <= start.lines_before) continue;  // the lines kept as they were
    if (d.line != 0) d.line -= start.lines_before;
    (d.severity == Diagnostic::Severity::error ? out.errors : out.warnings) += 1;
    out.diagnostics.push_back(std::move(d));
  }
  return out;
}

EditApplied apply_edit(const EditStart& start, std::string_view edited, const AppendOptions& options) {
  const LockedJournal journal = lock_journal_for_writing(start.path, options, false);
  const std::string current = read_all(journal.fd(), start.path);
  if (!current.starts_with(start.content)) {
    throw_data(fmt::format(
        "journal {} changed during the edit, and not only by new lines at its end (another edit, or a change by "
        "hand): nothing was applied",
        start.path));
  }
  std::string_view appended = std::string_view(current).substr(start.content.size());
  // A writer ends a torn last line before its own: the edited text ends its lines already.
  if (!start.content.empty() && start.content.back() != '\n' && appended.starts_with('\n')) appended.remove_prefix(1);
  const std::string text = start.content.substr(0, start.edit_from) + normalized_edit(edited) + std::string(appended);

  struct stat st {};
  if (::fstat(journal.fd(), &st) != 0)
    throw_data(fmt::format("cannot stat journal {}: {}", start.path, errno_text(errno)));
  EditApplied out;
  out.written = file_named(start.path);  // a symlink stays; the file it leads to is replaced
  out.backup = out.written + "~";
  out.lines_before = count_lines(current);
  out.lines_after = count_lines(text);
  out.appended_lines = count_lines(appended);
  out.other_links = st.st_nlink > 1 ? st.st_nlink - 1 : 0;
  try {
    replace_file(out.backup, current, 0600, st.st_gid);
    replace_file(out.written, text, st.st_mode & 07777, st.st_gid);
  } catch (const Error& e) {
    throw_data(std::string(e.what()) + "; the journal is unchanged");
  }
  const int dir = ::open(parent_folder(out.written).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return out;  // closing the journal releases the lock: a writer waiting for it finds the new file
}

}  // namespace twitchlog
