#include "cli/terminal_text.h"

#include <nlohmann/json.hpp>

#include "models/printable_text.h"

namespace cloudplan::cli {
namespace {

// A quick test that most strings pass: nothing to escape in them (printable() decides the rest).
bool needsEscape(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) return true;  // a control, or UTF-8 to look at closer
  }
  return false;
}

}  // namespace

std::string printable(std::string_view text) {
  return models::printable(text);
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

void printLine(std::ostream& out, std::string_view text) {
  out << printable(text) << '\n';
}

}  // namespace cloudplan::cli
