// A small streaming JSON writer for the machine-readable outputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitchlog {

/// Writes indented JSON into a string; keys and values in call order.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next value in an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  /// An array of strings.
  JsonWriter& value(const std::vector<std::string>& texts);
  /// `null` when empty.
  JsonWriter& value(const std::optional<int>& number);

  /// The document, ending in "\n".
  std::string finish();

 private:
  void before_value();
  void newline();
  void close(char bracket);
  std::string out_;
  std::vector<bool> has_items_;  // one per open container
  bool after_key_ = false;
};

struct Diagnostic;
struct JournalRead;

/// `"warnings": [...]`: every diagnostic of a reading kept in memory, with
/// file, line, column, severity and message; then `"warnings_total"`, the
/// count of all of them (kept or not). The same in every command's JSON.
void write_warnings(JsonWriter& json, const JournalRead& read);

/// `text` as a JSON string literal (quotes included); invalid UTF-8 becomes U+FFFD.
std::string json_string(std::string_view text);

}  // namespace twitchlog
