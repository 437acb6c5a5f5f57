// CSV cells for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a
// formula (=, +, -, @ first) made inert with a leading apostrophe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cloudplan::exporters {

void appendCsvCell(std::string& out, std::string_view cell);
void appendCsvRow(std::string& out, const std::vector<std::string>& cells);

}  // namespace cloudplan::exporters
