#include "exporters/csv_writer.h"

#include <catch2/catch.hpp>

namespace cloudplan::exporters {
namespace {

std::string cell(std::string_view text) {
  std::string out;
  appendCsvCell(out, text);
  return out;
}

TEST_CASE("a plain cell is written as it is") {
  CHECK(cell("MOF/payroll") == "MOF/payroll");
}

TEST_CASE("a cell with a comma, quote or line break is quoted with doubled quotes") {
  CHECK(cell("a, b") == "\"a, b\"");
  CHECK(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(cell("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("a cell a spreadsheet would run as a formula is made inert") {
  CHECK(cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(cell("+1") == "\"'+1\"");
  CHECK(cell("-1") == "\"'-1\"");
  CHECK(cell("@SUM(A1)") == "\"'@SUM(A1)\"");
}

TEST_CASE("a row ends with CRLF") {
  std::string out;
  appendCsvRow(out, {"a", "b,c"});
  CHECK(out == "a,\"b,c\"\r\n");
}

}  // namespace
}  // namespace cloudplan::exporters
