#include "importers/csv_dialect.h"

#include <algorithm>
#include <array>

namespace cloudplan::importers {

char separatorOfHeader(std::string_view line) {
  constexpr std::array<char, 3> kSeparators = {',', ';', '\t'};
  std::array<size_t, 3> counts{};
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (size_t i = 0; i < kSeparators.size(); ++i)
      counts[i] += c == kSeparators[i];
  }
  // max_element keeps the first of equal counts: the comma wins a tie.
  return kSeparators[std::max_element(counts.begin(), counts.end()) - counts.begin()];
}

std::string_view firstContentLine(std::string_view text) {
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (line.find_first_not_of(" \t\r,;") != std::string_view::npos) {
      return line.substr(0, line.ends_with('\r') ? line.size() - 1 : line.size());
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return {};
}

void convertOldMacLineEnds(std::string& text) {
  const size_t first = text.find_first_of("\r\n");
  if (first == std::string::npos || text[first] == '\n') return;
  if (first + 1 < text.size() && text[first + 1] == '\n') return;
  for (size_t i = first; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
  }
}

}  // namespace cloudplan::importers
