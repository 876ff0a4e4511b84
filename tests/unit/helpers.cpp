#include "helpers.hpp"

#include "twitchlog/rules.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace test {

twitchlog::Timestamp at(const std::string& text) {
  twitchlog::Timestamp ts;
  twitchlog::ParseFailure failure;
  if (!twitchlog::parse_timestamp(text, ts, failure)) throw std::runtime_error("bad test timestamp " + text);
  return ts;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "twitchlog-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> rule_problems(const std::string& text, const std::string& file) {
  try {
    twitchlog::load_rules(text, file);
  } catch (const twitchlog::Error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.render());
    if (out.empty()) out.push_back(e.what());
    return out;
  }
  return {};
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void spit(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace test
