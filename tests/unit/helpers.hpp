// Small helpers shared by the unit tests.
#pragma once

#include <string>
#include <vector>

#include "twitchlog/error.hpp"
#include "twitchlog/time.hpp"

namespace test {

/// The instant of an RFC 3339 text; aborts the test on a bad one.
twitchlog::Timestamp at(const std::string& text);

/// The message of the twitchlog::Error that `f` throws ("" if none).
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const twitchlog::Error& e) {
    return e.what();
  }
  return "";
}

/// A fresh temporary folder, removed with its contents at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Every diagnostic of loading `text` as the rule file `file`, rendered; empty when it loads.
std::vector<std::string> rule_problems(const std::string& text, const std::string& file);

std::string slurp(const std::string& path);
void spit(const std::string& path, const std::string& text);

}  // namespace test
