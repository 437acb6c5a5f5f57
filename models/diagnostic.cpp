#include "models/diagnostic.h"

#include <algorithm>
#include <unordered_map>

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
  if (!file.empty() && std::find(fileOrder_.begin(), fileOrder_.end(), file) == fileOrder_.end()) {
    fileOrder_.emplace_back(file);
  }
  items_.push_back(
      Diagnostic{severity, std::string(code), std::string(file), line, std::move(message)});
}

size_t Diagnostics::count(Severity severity) const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) {
    return d.severity == severity;
  }));
}

void Diagnostics::sort() {
  std::unordered_map<std::string_view, size_t> rank;
  for (size_t i = 0; i < fileOrder_.size(); ++i) rank.emplace(fileOrder_[i], i);
  auto fileRank = [&](const Diagnostic& d) {
    return d.file.empty() ? fileOrder_.size() : rank.at(d.file);
  };
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const size_t ra = fileRank(a), rb = fileRank(b);
    return ra != rb ? ra < rb : a.line < b.line;
  });
}

std::string quoted(std::string_view value) {
  constexpr size_t kLongest = 80;
  if (value.size() <= kLongest) return "'" + std::string(value) + "'";
  size_t cut = kLongest;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return "'" + std::string(value.substr(0, cut)) + "...' (" + std::to_string(value.size()) +
         " bytes)";
}

}  // namespace cloudplan::models
