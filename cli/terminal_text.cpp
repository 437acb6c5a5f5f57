#include "cli/terminal_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace cloudplan::cli {
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

bool needsEscape(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) return true;  // a control, or UTF-8 to look at closer
  }
  return false;
}

}  // namespace

std::string printable(std::string_view text) {
  if (!needsEscape(text)) return std::string(text);
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
      out += fmt::format("\\x{:02x}", byte);
    } else if (byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));  // C1
    } else {
      out.append(text, i, length);
    }
    i += length == 0 ? 1 : length;
  }
  return out;
}

void makePrintable(nlohmann::json& value) {
  if (value.is_string()) {
    auto& text = value.get_ref<std::string&>();
    if (needsEscape(text)) text = printable(text);
  } else if (value.is_array()) {
    for (auto& item : value)
      makePrintable(item);
  } else if (value.is_object()) {
    bool keysToEscape = false;
    for (auto it = value.begin(); it != value.end(); ++it) {
      makePrintable(it.value());
      keysToEscape = keysToEscape || needsEscape(it.key());
    }
    if (!keysToEscape) return;
    nlohmann::json escaped = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it)
      escaped[printable(it.key())] = std::move(it.value());
    value = std::move(escaped);
  }
}

}  // namespace cloudplan::cli
