# Turns data/rules.toml into a C++ source file holding its bytes, so the
# built-in rules are generated from the one rule file, never a hand-kept copy.
# Usage: cmake -DINPUT=data/rules.toml -DOUTPUT=builtin_rules.cpp -P embed-rules.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from data/rules.toml by scripts/embed-rules.cmake. Do not edit.
#include \"twitchlog/rules.hpp\"

namespace {
const unsigned char kBytes[] = {
${bytes}0x00};
}  // namespace

std::string_view twitchlog::builtin_rules_text() { return {reinterpret_cast<const char*>(kBytes), ${size}}; }
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
