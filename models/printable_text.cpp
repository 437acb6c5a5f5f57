#include "models/printable_text.h"

#include <cstddef>

namespace cloudplan::models {
namespace {

// The length of the UTF-8 sequence at the start of `text` (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0 when it is not one.
size_t utf8Length(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  auto follows = [&](size_t i, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return i < text.size() && byte(i) >= low && byte(i) <= high;
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return follows(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    return follows(1, low, high) && follows(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    return follows(1, low, high) && follows(2) && follows(3) ? 4 : 0;
  }
  return 0;
}

// The code point of a valid 2- or 3-byte UTF-8 sequence.
uint32_t codePoint(std::string_view sequence) {
  auto low = [&](size_t i) { return static_cast<uint32_t>(sequence[i]) & 0x3F; };
  const auto lead = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 2) return (lead & 0x1Fu) << 6 | low(1);
  return (lead & 0x0Fu) << 12 | low(1) << 6 | low(2);
}

bool isBidiControl(uint32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void appendHex(std::string& out, std::string_view prefix, uint32_t value, int digits) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  out += prefix;
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    out += kDigits[(value >> shift) & 0xF];
}

// Whether printable() would change `text`: most values need nothing and are copied as they are.
bool needsEscape(std::string_view text, Bidi bidi) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte < 0x80) continue;
    const size_t length = utf8Length(text.substr(i));
    if (length == 0) return true;
    if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) return true;
    if (bidi == Bidi::escape && length <= 3 && isBidiControl(codePoint(text.substr(i, length)))) {
      return true;
    }
    i += length - 1;
  }
  return false;
}

}  // namespace

size_t bidiControlLength(std::string_view text, size_t i) {
  if (i >= text.size() || static_cast<unsigned char>(text[i]) < 0x80) return 0;
  const size_t length = utf8Length(text.substr(i));
  return length > 1 && length <= 3 && isBidiControl(codePoint(text.substr(i, length))) ? length : 0;
}

std::string printable(std::string_view text, Bidi bidi) {
  if (!needsEscape(text, bidi)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t length = utf8Length(text.substr(i));
    if (byte == '\t') {
      out += "\\t";
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F || length == 0) {
      appendHex(out, "\\x", byte, 2);
    } else if (byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      appendHex(out, "\\u", static_cast<unsigned char>(text[i + 1]), 4);  // C1
    } else if (bidi == Bidi::escape && length > 1 && length <= 3 &&
               isBidiControl(codePoint(text.substr(i, length)))) {
      appendHex(out, "\\u", codePoint(text.substr(i, length)), 4);
    } else {
      out.append(text, i, length);
    }
    i += length == 0 ? 1 : length;
  }
  return out;
}

}  // namespace cloudplan::models
