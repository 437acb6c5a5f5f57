// CSV cells for spreadsheets: RFC 4180 quoting, also of the cells a spreadsheet in a semicolon
// locale would split (`;`), and text that a spreadsheet would run as a formula (OWASP's list:
// =, +, -, @, tab or CR first) made inert with a leading apostrophe. Ids and agency codes never
// start so (the importers refuse them), so they are always written as they are.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/vocabulary.h"

namespace cloudplan::exporters {

bool startsLikeFormula(std::string_view cell);
// What a reader of the file gets back for the cell: the cell, with a leading apostrophe when a
// spreadsheet would run it as a formula.
std::string spreadsheetText(std::string_view cell);

// How a CSV reader matches column names: blanks around them trimmed, letters in lower case.
std::string_view trimmedColumnName(std::string_view name);
inline std::string columnKey(std::string_view name) {
  return models::lowercased(trimmedColumnName(name));
}

void appendCsvCell(std::string& out, std::string_view cell);
void appendCsvRow(std::string& out, const std::vector<std::string>& cells);
void appendCsvRow(std::string& out, std::span<const std::string_view> cells);

}  // namespace cloudplan::exporters
