// Checks that a file's bytes are UTF-8 text before any parser sees them, and converts to UTF-8 the
// single-byte encodings that modelling tools declare (Sparx EA writes windows-1252) or a user names
// (--encoding), and UTF-16 with a byte-order mark ("Unicode text" in Excel).
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

// The problem of the NUL byte at `at` of `text`: the file is UTF-16 without a byte-order mark
// (code not-utf8), or not a text file (binary-file), and then the advice names `expected`, the
// file the command wanted.
EncodingProblem nulByteProblem(std::string_view text, size_t at,
                               std::string_view expected = "the inventory's CSV or XML file");

// True when `text` starts with a UTF-16 byte-order mark (FF FE or FE FF).
bool hasUtf16ByteOrderMark(std::string_view text);

// Converts UTF-16 text that starts with its byte-order mark to UTF-8, without the mark. On a
// sequence that is not UTF-16 (a lone surrogate, an odd byte at the end), `text` is left as it was
// and the problem is returned.
std::optional<EncodingProblem> convertUtf16ToUtf8(std::string& text);

// The check of a CSV file, whose encoding nothing in it declares: a text that is not UTF-8 is
// converted from `encoding` when one is named (--encoding) and otherwise refused with the encoding
// it looks like, so that the user chooses and nothing is guessed silently.
std::optional<EncodingProblem> checkCsvEncoding(std::string& text, std::string_view encoding);

// True for the encodings convertToUtf8 reads: windows-1252 and ISO-8859-1 under their usual
// names, matched case-insensitively.
bool isConvertibleEncoding(std::string_view encoding);

// Converts `text` from windows-1252 or ISO-8859-1 to UTF-8 (with glibc's iconv). On a byte the
// encoding does not define, `text` is left as it was and the problem is returned.
std::optional<EncodingProblem> convertToUtf8(std::string& text, std::string_view encoding);

}  // namespace cloudplan::importers
