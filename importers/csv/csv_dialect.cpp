#include "importers/csv/csv_dialect.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "importers/csv/csv_reader.h"

namespace cloudplan::importers {

namespace {

constexpr std::array<char, 3> kSeparators = {',', ';', '\t'};

// The three separators, the most frequent outside double quotes first; a stable sort keeps the
// order of kSeparators among equal counts.
std::array<char, 3> separatorsByFrequency(std::string_view line) {
  std::array<size_t, 3> counts{};
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (size_t i = 0; i < kSeparators.size(); ++i)
      counts[i] += c == kSeparators[i];
  }
  std::array<size_t, 3> order = {0, 1, 2};
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return counts[a] > counts[b]; });
  return {kSeparators[order[0]], kSeparators[order[1]], kSeparators[order[2]]};
}

}  // namespace

char separatorOfHeader(std::string_view line) {
  return separatorsByFrequency(line)[0];
}

char separatorOfHeader(std::string_view line,
                       const std::function<bool(std::span<const std::string_view>)>& recognised) {
  const std::array<char, 3> candidates = separatorsByFrequency(line);
  for (const char separator : candidates) {
    std::string copy(line);  // CsvReader unescapes quoted cells in place
    CsvReader reader(copy.data(), copy.size(), separator);
    if (reader.next() && recognised(reader.cells())) return separator;
  }
  return candidates[0];
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

std::string tooManyCells(std::span<const std::string_view> cells, size_t columns, char separator) {
  size_t used = cells.size();
  while (used > columns && cells[used - 1].empty())
    --used;
  if (used <= columns) return {};
  return fmt::format(
      "{} cells, but the header has {} columns; the row is skipped (quote a cell that holds a {})",
      used, columns,
      separator == ','   ? "comma"
      : separator == ';' ? "semicolon"
                         : "tab");
}

}  // namespace cloudplan::importers
