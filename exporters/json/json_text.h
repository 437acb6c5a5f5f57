// JSON written straight into a string, for the large outputs: a plan of 10^5 systems is written
// in one pass without building a document tree.
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::exporters {

// Appends `text` as a JSON string literal (RFC 8259 escapes; the text is UTF-8 already).
void appendJsonString(std::string& out, std::string_view text);

// One JSON object, opened on construction and closed on destruction; members in call order.
class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
  ~JsonObject() { out_ += '}'; }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  JsonObject& string(std::string_view key, std::string_view value);
  JsonObject& number(std::string_view key, double value);
  JsonObject& integer(std::string_view key, uint64_t value);
  JsonObject& boolean(std::string_view key, bool value);
  JsonObject& null(std::string_view key);
  // Writes the key; the caller appends the value (an array or an object) to out().
  std::string& member(std::string_view key);
  std::string& out() { return out_; }

 private:
  std::string& out_;
  bool first_ = true;
};

// Appends ["a","b",...] of the strings `begin`..`end` yield through `name(element)`.
template <class Range, class Name>
void appendJsonStringArray(std::string& out, const Range& range, Name name) {
  out += '[';
  bool first = true;
  for (const auto& element : range) {
    if (!first) out += ',';
    first = false;
    appendJsonString(out, name(element));
  }
  out += ']';
}

}  // namespace cloudplan::exporters
