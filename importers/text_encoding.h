// Checks that a file's bytes are UTF-8 text before any parser sees them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudplan::importers {

struct EncodingProblem {
  uint32_t line = 0;
  std::string code;
  std::string message;
};

// Removes a UTF-8 byte-order mark (spreadsheets write one).
void stripByteOrderMark(std::string& text);

// The first NUL byte or invalid UTF-8 sequence, with its line.
std::optional<EncodingProblem> findEncodingProblem(std::string_view text);

}  // namespace cloudplan::importers
