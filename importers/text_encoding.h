// Checks that a file's bytes are UTF-8 text before any parser sees them, and converts the
// single-byte encodings that modelling tools declare (Sparx EA writes windows-1252) to UTF-8.
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

// True for the encodings convertToUtf8 reads: windows-1252 and ISO-8859-1 under their usual
// names, matched case-insensitively.
bool isConvertibleEncoding(std::string_view encoding);

// Converts `text` from windows-1252 or ISO-8859-1 to UTF-8 (with glibc's iconv). On a byte the
// encoding does not define, `text` is left as it was and the problem is returned.
std::optional<EncodingProblem> convertToUtf8(std::string& text, std::string_view encoding);

}  // namespace cloudplan::importers
