#include "exporters/csv/csv_writer.h"

namespace cloudplan::exporters {

bool startsLikeFormula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

std::string spreadsheetText(std::string_view cell) {
  return startsLikeFormula(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string_view trimmedColumnName(std::string_view name) {
  constexpr std::string_view kBlanks = " \t\r\n";
  const size_t first = name.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return name.substr(first, name.find_last_not_of(kBlanks) - first + 1);
}

void appendCsvCell(std::string& out, std::string_view cell) {
  const bool formula = startsLikeFormula(cell);
  // `;` too: Excel in a locale whose decimal mark is a comma splits a CSV file on semicolons.
  // Tab: some readers split on it or trim it away.
  if (!formula && cell.find_first_of(",;\"\t\r\n") == std::string_view::npos) {
    out += cell;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

template <class Cells>
void appendRow(std::string& out, const Cells& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    appendCsvCell(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace

void appendCsvRow(std::string& out, const std::vector<std::string>& cells) {
  appendRow(out, cells);
}

void appendCsvRow(std::string& out, std::span<const std::string_view> cells) {
  appendRow(out, cells);
}

}  // namespace cloudplan::exporters
