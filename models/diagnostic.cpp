#include "models/diagnostic.h"

#include <algorithm>

namespace cloudplan::models {

std::string_view nameOf(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

void Diagnostics::add(Severity severity, std::string_view code, std::string_view file,
                      uint32_t line, std::string message) {
  items_.push_back(
      Diagnostic{severity, std::string(code), std::string(file), line, std::move(message)});
}

size_t Diagnostics::count(Severity severity) const {
  return static_cast<size_t>(std::count_if(
      items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file.empty() != b.file.empty()) return b.file.empty();
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
}

std::string quoted(std::string_view value) {
  constexpr size_t kLongest = 80;
  if (value.size() <= kLongest) return "'" + std::string(value) + "'";
  size_t cut = kLongest;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8
  return "'" + std::string(value.substr(0, cut)) + "...' (" + std::to_string(value.size()) +
         " bytes)";
}

}  // namespace cloudplan::models
