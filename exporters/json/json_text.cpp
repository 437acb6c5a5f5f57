#include "exporters/json/json_text.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace cloudplan::exporters {

namespace {

// Whether any of the eight bytes in `word` must be escaped: below 0x20, '"' or '\\'.
bool needsEscape(uint64_t word) {
  constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto hasZero = [](uint64_t x) { return (x - ones) & ~x & highs; };
  const bool control = (word - 0x20 * ones) & ~word & highs;
  return control || hasZero(word ^ ('"' * ones)) || hasZero(word ^ ('\\' * ones));
}

bool needsEscape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  size_t plain = 0, i = 0;
  while (i < text.size()) {
    // Most text needs no escape at all: skip it eight bytes at a time.
    if (text.size() - i >= 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (!needsEscape(word)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (!needsEscape(c)) {
      ++i;
      continue;
    }
    out.append(text.data() + plain, i - plain);
    plain = ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

std::string& JsonObject::member(std::string_view key) {
  if (!first_) out_ += ',';
  first_ = false;
  appendJsonString(out_, key);
  out_ += ':';
  return out_;
}

JsonObject& JsonObject::string(std::string_view key, std::string_view value) {
  appendJsonString(member(key), value);
  return *this;
}

JsonObject& JsonObject::number(std::string_view key, double value) {
  // Shortest text that reads back as the same double; integral values keep a ".0" so that
  // readers see a number of days, not a count.
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  std::string& out = member(key);
  out.append(buffer, end);
  if (std::string_view(buffer, end - buffer).find_first_of(".eEn") == std::string_view::npos) {
    out += ".0";
  }
  return *this;
}

JsonObject& JsonObject::integer(std::string_view key, uint64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  member(key).append(buffer, end);
  return *this;
}

JsonObject& JsonObject::boolean(std::string_view key, bool value) {
  member(key) += value ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::null(std::string_view key) {
  member(key) += "null";
  return *this;
}

}  // namespace cloudplan::exporters
