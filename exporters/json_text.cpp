#include "exporters/json_text.h"

#include <fmt/format.h>

#include <charconv>

namespace cloudplan::exporters {

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
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
