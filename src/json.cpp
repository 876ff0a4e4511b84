#include "twitchlog/json.hpp"

#include "twitchlog/model.hpp"

#include <cmath>

#include <fmt/format.h>

#include "twitchlog/text.hpp"

namespace twitchlog {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (len > 1 && i + len <= text.size() && !find_invalid_utf8(text.substr(i, len))) {
        // C1, bidi and zero-width characters as \u escapes: the same text, visible in any viewer.
        if (const auto cp = invisible_code_point(text, i)) {
          out += fmt::format("\\u{:04x}", *cp);
        } else {
          out.append(text.substr(i, len));
        }
        i += len;
      } else {
        out += "\xef\xbf\xbd";  // U+FFFD
        ++i;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (is_control(c)) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
  return out;
}

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(has_items_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_items_.empty()) {
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_items_.push_back(false);
  return *this;
}

void JsonWriter::close(char bracket) {
  const bool items = has_items_.back();
  has_items_.pop_back();
  if (items) newline();
  out_ += bracket;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  out_ += json_string(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ += json_string(text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  out_ += std::isfinite(number) ? format_number(number) : std::string("null");
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  out_ += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& texts) {
  begin_array();
  for (const auto& text : texts) value(std::string_view(text));
  return end_array();
}

JsonWriter& JsonWriter::value(const std::optional<int>& number) { return number ? value(*number) : null(); }

std::string JsonWriter::finish() {
  out_ += '\n';
  return std::move(out_);
}

void write_warnings(JsonWriter& j, const JournalRead& read) {
  j.key("warnings").begin_array();
  for (const auto& d : read.diagnostics) {
    j.begin_object().key("file").value(d.file).key("line").value(static_cast<std::int64_t>(d.line));
    j.key("column").value(static_cast<std::int64_t>(d.column));
    j.key("severity").value(d.severity == Diagnostic::Severity::error ? "error" : "warning");
    j.key("message").value(d.message).end_object();
  }
  j.end_array();
  j.key("warnings_total").value(static_cast<std::int64_t>(read.errors + read.warnings));
}

}  // namespace twitchlog
