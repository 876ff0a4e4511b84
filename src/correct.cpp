#include "twitchlog/correct.hpp"

#include <algorithm>

namespace twitchlog {

namespace {

EntryRecord record_of(const TypedEntry& e, bool retracted) {
  return EntryRecord{e.line, e.time, e.kind, std::string(e.raw), retracted};
}

// Newest first by instant, then by line (the later line of two at one instant is newer).
bool newer(const EntryRecord& a, const EntryRecord& b) {
  if (a.time.unix_seconds != b.time.unix_seconds) return a.time.unix_seconds > b.time.unix_seconds;
  return a.line > b.line;
}

class CorrectionCollector : public EntrySink {
 public:
  explicit CorrectionCollector(const CorrectionQuery& query) : query_(query) {}

  void on_entry(const TypedEntry& e) override { take(e, false); }
  void on_retracted(const TypedEntry& e) override { take(e, true); }
  void restart() override {
    newest_.clear();
    at_.clear();
    last_written_.reset();
  }

  void finish(CorrectionFindings& out) {
    std::sort(newest_.begin(), newest_.end(), [](const auto& a, const auto& b) { return newer(b, a); });
    out.newest = std::move(newest_);
    out.at = std::move(at_);
    out.last_written = last_written_;
  }

 private:
  void take(const TypedEntry& e, bool retracted) {
    if (!retracted) {
      if (query_.at && e.time.unix_seconds == *query_.at) at_.push_back(record_of(e, false));
      if (e.kind != Kind::retract && (!last_written_ || e.line > last_written_->line))
        last_written_ = record_of(e, false);
    }
    if (query_.newest == 0 || (retracted && !query_.include_retracted)) return;
    if (query_.kind && e.kind != *query_.kind) return;
    EntryRecord r = record_of(e, retracted);
    if (newest_.size() < query_.newest) {
      newest_.push_back(std::move(r));
      std::push_heap(newest_.begin(), newest_.end(), newer);  // the oldest kept on top
    } else if (newer(r, newest_.front())) {
      std::pop_heap(newest_.begin(), newest_.end(), newer);
      newest_.back() = std::move(r);
      std::push_heap(newest_.begin(), newest_.end(), newer);
    }
  }

  const CorrectionQuery& query_;
  std::vector<EntryRecord> newest_;  // a heap, the oldest kept first
  std::vector<EntryRecord> at_;
  std::optional<EntryRecord> last_written_;
};

}  // namespace

CorrectionFindings find_for_correction(const std::string& path, const RuleSet& rules, const Timestamp& now,
                                       const CorrectionQuery& query) {
  CorrectionCollector collector(query);
  CorrectionFindings out;
  out.read = read_journal_file(path, rules, now, collector);
  collector.finish(out);
  return out;
}

CorrectionFindings find_for_correction_text(std::string_view text, const std::string& file, const RuleSet& rules,
                                            const Timestamp& now, const CorrectionQuery& query) {
  CorrectionCollector collector(query);
  CorrectionFindings out;
  out.read = read_journal_text(text, file, rules, now, collector);
  collector.finish(out);
  return out;
}

std::string retract_line(const Timestamp& of, Kind kind, const Timestamp& now, std::string_view note) {
  std::vector<FieldValue> fields{{"of", format_timestamp(of)}, {"kind", std::string(kind_name(kind))}};
  if (!note.empty()) fields.emplace_back("note", std::string(note));
  return format_entry(now, Kind::retract, fields);
}

std::string_view fields_text(std::string_view raw) {
  // TIMESTAMP SP KIND [SP FIELDS]
  std::size_t pos = raw.find_first_not_of(" \t");
  if (pos == std::string_view::npos) return {};
  pos = raw.find_first_of(" \t", pos);  // after the timestamp
  if (pos == std::string_view::npos) return {};
  pos = raw.find_first_not_of(" \t", pos);
  if (pos == std::string_view::npos) return {};
  pos = raw.find_first_of(" \t", pos);  // after the kind
  if (pos == std::string_view::npos) return {};
  pos = raw.find_first_not_of(" \t", pos);
  return pos == std::string_view::npos ? std::string_view() : raw.substr(pos);
}

}  // namespace twitchlog
