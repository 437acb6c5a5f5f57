#include "importers/text_encoding.h"

#include <fmt/format.h>

#include <algorithm>

namespace cloudplan::importers {

void stripByteOrderMark(std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
}

namespace {

// Length of the valid UTF-8 sequence at `p`, or 0 (RFC 3629: no overlongs, no surrogates).
size_t utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  auto continuation = [&](size_t i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] > 0x9F) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] > 0x8F) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

std::optional<EncodingProblem> findEncodingProblem(std::string_view text) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const auto* p = begin;
  while (p < end) {
    // Plain ASCII in words of eight: the common case costs a load and a mask.
    while (end - p >= 8) {
      uint64_t word;
      std::copy(p, p + 8, reinterpret_cast<unsigned char*>(&word));
      const bool highBit = word & 0x8080808080808080ull;
      const bool zeroByte = (word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull;
      if (highBit || zeroByte) break;
      p += 8;
    }
    if (p >= end) break;
    if (*p == 0) {
      const auto line = static_cast<uint32_t>(std::count(begin, p, '\n') + 1);
      return EncodingProblem{line, "binary-file", "NUL byte: this is not a text file"};
    }
    const size_t length = utf8SequenceLength(p, end);
    if (length == 0) {
      const auto line = static_cast<uint32_t>(std::count(begin, p, '\n') + 1);
      return EncodingProblem{
          line, "not-utf8",
          fmt::format("not UTF-8 (byte 0x{:02x}); save the file as UTF-8 (in a spreadsheet: "
                      "CSV UTF-8)",
                      *p)};
    }
    p += length;
  }
  return std::nullopt;
}

}  // namespace cloudplan::importers
