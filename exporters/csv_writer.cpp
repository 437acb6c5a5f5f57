#include "exporters/csv_writer.h"

namespace cloudplan::exporters {

void appendCsvCell(std::string& out, std::string_view cell) {
  const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' ||
                                         cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r');
  bool quote = formula;
  for (size_t i = 0; i < cell.size() && !quote; ++i) {
    quote = cell[i] == ',' || cell[i] == '"' || cell[i] == '\r' || cell[i] == '\n';
  }
  if (!quote) {
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

void appendCsvRow(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    appendCsvCell(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace cloudplan::exporters
