#include "exporters/csv/csv_writer.h"

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

TEST_CASE("a cell holding a semicolon is quoted, for spreadsheets that split on semicolons") {
  CHECK(cell("Payroll;=1+1") == "\"Payroll;=1+1\"");
  CHECK(cell("a; b") == "\"a; b\"");
}

TEST_CASE("a cell holding a tab or a carriage return is quoted") {
  CHECK(cell("a\tb") == "\"a\tb\"");
  CHECK(cell("a\rb") == "\"a\rb\"");
}

TEST_CASE("a cell starting with a tab or a carriage return is made inert and quoted") {
  CHECK(cell("\t=1+1") == "\"'\t=1+1\"");
  CHECK(cell("\r=1+1") == "\"'\r=1+1\"");
}

TEST_CASE("a formula character after the first is left alone") {
  CHECK(cell("MOF/payroll-db") == "MOF/payroll-db");
  CHECK(cell("a=b+c") == "a=b+c");
  CHECK(cell("cio@mof.gov.example") == "cio@mof.gov.example");
}

TEST_CASE("the text a reader gets back has the apostrophe only where a formula was made inert") {
  CHECK(spreadsheetText("=1+1") == "'=1+1");
  CHECK(spreadsheetText("-s6") == "'-s6");
  CHECK(spreadsheetText("Payroll;=1+1") == "Payroll;=1+1");
  CHECK(spreadsheetText("") == "");
  CHECK(startsLikeFormula("@x"));
  CHECK_FALSE(startsLikeFormula("x@"));
}

TEST_CASE("a row ends with CRLF") {
  std::string out;
  appendCsvRow(out, {"a", "b,c"});
  CHECK(out == "a,\"b,c\"\r\n");
}

}  // namespace
}  // namespace cloudplan::exporters
