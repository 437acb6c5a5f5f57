#include "models/diagnostic.h"

#include <algorithm>
#include <tuple>

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
  std::string kind = std::string(file) + '\0' + std::string(code);
  if (++added_[kind] <= kListedPerKind) {
    items_.push_back(
        Diagnostic{severity, std::string(code), std::string(file), line, std::move(message)});
    return;
  }
  ++unlistedBySeverity_[static_cast<size_t>(severity)];
  auto [unlisted, first] = unlisted_.try_emplace(std::move(kind));
  if (first) {
    unlisted->second.first = Diagnostic{severity, std::string(code), std::string(file), line, {}};
  }
  ++unlisted->second.count;
}

size_t Diagnostics::count(Severity severity) const {
  const auto listed = std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) {
    return d.severity == severity && d.code != kNotListedCode;
  });
  return static_cast<size_t>(listed) + unlistedBySeverity_[static_cast<size_t>(severity)];
}

void Diagnostics::sort() {
  // The summaries go after the listed ones, in an order of their own (the map has none).
  std::erase_if(items_, [](const Diagnostic& d) { return d.code == kNotListedCode; });
  std::vector<Diagnostic> summaries;
  for (const auto& [kind, unlisted] : unlisted_) {
    Diagnostic summary = unlisted.first;
    summary.message = std::to_string(unlisted.count) +
                      (unlisted.count == 1 ? " more problem" : " more problems") +
                      " of the kind '" + summary.code +
                      "' from here on not listed (only the first " +
                      std::to_string(kListedPerKind) + " of a kind in a file are; fix those first)";
    summaries.push_back(std::move(summary));
  }
  std::sort(summaries.begin(), summaries.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.code) < std::tie(b.file, b.line, b.code);
  });
  for (Diagnostic& summary : summaries) {
    summary.code = kNotListedCode;
    items_.push_back(std::move(summary));
  }
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
