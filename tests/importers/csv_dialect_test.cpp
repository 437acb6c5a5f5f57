// The separator and line ends of a CSV file, told from its text.
#include "importers/csv/csv_dialect.h"

#include <catch2/catch.hpp>

#include <string>

using cloudplan::importers::convertOldMacLineEnds;
using cloudplan::importers::firstContentLine;
using cloudplan::importers::separatorOfHeader;

TEST_CASE("the separator of a header is the one it uses most outside quotes") {
  CHECK(separatorOfHeader("id,name,agency") == ',');
  CHECK(separatorOfHeader("id;name;agency;depends_on") == ';');
  CHECK(separatorOfHeader("id\tname\tagency") == '\t');
  // Excel in most of Europe: semicolons, and a column name that holds a comma in quotes.
  CHECK(separatorOfHeader("id;name;\"cost, in EUR\";\"a, b, c\"") == ';');
  CHECK(separatorOfHeader("\"ID\";\"Type\";\"Name\";\"Documentation\"") == ';');
}

TEST_CASE("a header of one column or of a tie is read as comma-separated") {
  CHECK(separatorOfHeader("id") == ',');
  CHECK(separatorOfHeader("") == ',');
  CHECK(separatorOfHeader("a,b;c") == ',');
}

TEST_CASE("on a tie the separator at which the header is recognised wins") {
  // `id;name;agency;notes,a,b,c` was split at its commas and called an unknown kind of file.
  const auto hasId = [](std::span<const std::string_view> cells) {
    return !cells.empty() && cells[0] == "id";
  };
  CHECK(separatorOfHeader("id;name;agency;notes,a,b,c", hasId) == ';');
  CHECK(separatorOfHeader("id\tname,x;y", hasId) == '\t');
  CHECK(separatorOfHeader("id,name;agency;x", hasId) == ',');   // recognised at the likelier one
  CHECK(separatorOfHeader("ident;name;agency", hasId) == ';');  // none is: the likeliest
}

TEST_CASE("the first content line skips blank lines and lines of separators") {
  CHECK(firstContentLine("\n \r\n;;;\n,,\t\nid;name\r\nA;a\n") == "id;name");
  CHECK(firstContentLine("id,name") == "id,name");
  CHECK(firstContentLine("\n\n").empty());
  CHECK(firstContentLine("").empty());
}

TEST_CASE("old Mac line ends become LF") {
  std::string text = "id,name\rA,a\r\rB,b";
  convertOldMacLineEnds(text);
  CHECK(text == "id,name\nA,a\n\nB,b");
}

TEST_CASE("CRLF and LF files keep their line ends and their stray CRs") {
  std::string crlf = "id,name\r\nA,a\rb\r\n";
  convertOldMacLineEnds(crlf);
  CHECK(crlf == "id,name\r\nA,a\rb\r\n");
  std::string lf = "id,name\nA,a\rb\n";
  convertOldMacLineEnds(lf);
  CHECK(lf == "id,name\nA,a\rb\n");
  std::string none = "id,name";
  convertOldMacLineEnds(none);
  CHECK(none == "id,name");
}
