// Fuzz target: the time parsers. The first byte picks one: RFC 3339
// timestamps (which must format back to what they parse to), durations, or
// --at / --as-of instants; the rest is the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "twitchlog/error.hpp"
#include "twitchlog/time.hpp"
#include "twitchlog/time_phrases.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace twitchlog;
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  Timestamp now;
  now.unix_seconds = 1795518000;
  now.offset_seconds = 3600;
  ParseFailure failure;
  switch (data[0] % 4) {
    case 0: {
      Timestamp ts;
      if (parse_timestamp(text, ts, failure)) {
        Timestamp again;
        if (!parse_timestamp(format_timestamp(ts), again, failure) || again.unix_seconds != ts.unix_seconds) {
          __builtin_trap();  // what we write must read back
        }
      } else if (failure.message.empty() || failure.offset > text.size()) {
        __builtin_trap();
      }
      DateCache cache;
      Timestamp cached;
      ParseFailure cached_failure;
      if (parse_timestamp(text, cached, cached_failure, cache) != parse_timestamp(text, ts, failure)) __builtin_trap();
      break;
    }
    case 1: {
      std::int64_t seconds = 0;
      if (parse_duration(text, seconds, failure)) {
        if (seconds < 0) __builtin_trap();
      } else if (failure.message.empty() || failure.offset > text.size()) {
        __builtin_trap();
      }
      break;
    }
    default:
      try {
        const Timestamp t = parse_instant(text, now, data[0] % 4 == 3);
        format_timestamp(t);
      } catch (const Error& e) {
        if (std::string_view(e.what()).empty()) __builtin_trap();
      }
      // The time phrases as --at takes them, and durations as -d takes them.
      try {
        const ResolvedTime r = resolve_time_phrase(text, now, DayMeans::representative);
        format_timestamp(r.time);
      } catch (const Error& e) {
        if (std::string_view(e.what()).empty()) __builtin_trap();
      }
      {
        std::string why;
        const auto seconds = parse_spoken_duration(text, why);
        if (seconds ? *seconds < 0 : why.empty()) __builtin_trap();
      }
      break;
  }
  return 0;
}
