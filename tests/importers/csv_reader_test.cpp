#include "importers/csv/csv_reader.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using cloudplan::importers::CsvReader;
using cloudplan::importers::trimBlanks;

namespace {

struct Record {
  uint32_t line;
  std::vector<std::string> cells;
  bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Record& r) {
  out << r.line << ":";
  for (const auto& c : r.cells)
    out << " [" << c << "]";
  return out;
}

// Every record of `text` (the reader works in place, on a copy).
struct Read {
  std::vector<Record> records;
  std::optional<cloudplan::importers::CsvError> error;
};

Read readAll(std::string text) {
  Read result;
  CsvReader reader(text.data(), text.size());
  while (reader.next()) {
    Record record{reader.line(), {}};
    for (std::string_view cell : reader.cells())
      record.cells.emplace_back(cell);
    result.records.push_back(std::move(record));
  }
  result.error = reader.error();
  return result;
}

}  // namespace

TEST_CASE("cells are separated by commas and records by line ends") {
  const Read read = readAll("a,b,c\nd,e,f\n");
  CHECK_FALSE(read.error);
  CHECK(read.records == std::vector<Record>{{1, {"a", "b", "c"}}, {2, {"d", "e", "f"}}});
}

TEST_CASE("the last record needs no line end") {
  CHECK(readAll("a,b\nc,d").records == std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}});
}

TEST_CASE("a quoted cell may hold a comma") {
  CHECK(readAll("a,\"b, c\",d\n").records == std::vector<Record>{{1, {"a", "b, c", "d"}}});
}

TEST_CASE("a quote inside a quoted cell is written twice") {
  CHECK(readAll("\"say \"\"hi\"\"\",\"\"\"\"\n").records ==
        std::vector<Record>{{1, {"say \"hi\"", "\""}}});
}

TEST_CASE("a quoted cell may hold a line break and the next record has its own line") {
  const Read read = readAll("h1,h2\n\"one\ntwo\nthree\",x\nnext,y\n");
  CHECK_FALSE(read.error);
  CHECK(read.records ==
        std::vector<Record>{{1, {"h1", "h2"}}, {2, {"one\ntwo\nthree", "x"}}, {5, {"next", "y"}}});
}

TEST_CASE("an empty quoted cell is an empty cell") {
  CHECK(readAll("a,\"\",c\n").records == std::vector<Record>{{1, {"a", "", "c"}}});
}

TEST_CASE("CRLF line ends are read like LF") {
  const Read read = readAll("a,b\r\n\"c\",\"d\"\r\ne,\r\n");
  CHECK_FALSE(read.error);
  CHECK(read.records == std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}, {3, {"e", ""}}});
}

TEST_CASE("a quoted line break keeps its CRLF inside the cell") {
  CHECK(readAll("\"a\r\nb\",c\r\nd\r\n").records ==
        std::vector<Record>{{1, {"a\r\nb", "c"}}, {3, {"d"}}});
}

TEST_CASE("blank lines and lines of empty cells are skipped but counted") {
  const Read read = readAll("\na\n\n   \n,,\n \t, ,\r\nb\n\n");
  CHECK_FALSE(read.error);
  CHECK(read.records == std::vector<Record>{{2, {"a"}}, {7, {"b"}}});
}

TEST_CASE("cells are trimmed of blanks outside and inside quotes") {
  CHECK(readAll("  a  ,\t\"  b \" , c\t\n").records == std::vector<Record>{{1, {"a", "b", "c"}}});
}

TEST_CASE("a quote inside a plain cell is kept as it is") {
  CHECK(readAll("5\" floppy,b\n").records == std::vector<Record>{{1, {"5\" floppy", "b"}}});
}

TEST_CASE("records keep the number of cells they have") {
  CHECK(readAll("a,b,c\nd\ne,f,g,h\n").records ==
        std::vector<Record>{{1, {"a", "b", "c"}}, {2, {"d"}}, {3, {"e", "f", "g", "h"}}});
}

TEST_CASE("a trailing comma makes a last empty cell") {
  CHECK(readAll("a,\n").records == std::vector<Record>{{1, {"a", ""}}});
}

TEST_CASE("an unterminated quote is reported at the line where the cell began") {
  const Read read = readAll("a,b\nc,\"open\nmore\nstill more\n");
  CHECK(read.records == std::vector<Record>{{1, {"a", "b"}}});
  REQUIRE(read.error);
  CHECK(read.error->line == 2);
  CHECK(read.error->code == "unterminated-quote");
  CHECK(read.error->message == "a quoted cell is never closed (add the missing '\"')");
}

TEST_CASE("text after a closing quote is an error at the line of the quote") {
  const Read read = readAll("a,b\n\"x\ny\"z,c\nd,e\n");
  CHECK(read.records == std::vector<Record>{{1, {"a", "b"}}});
  REQUIRE(read.error);
  CHECK(read.error->line == 3);
  CHECK(read.error->code == "text-after-quote");
  CHECK(read.error->message ==
        "text after the closing quote of a quoted cell; the rest of the file is not read (write "
        "a quote inside a quoted cell as \"\")");
}

TEST_CASE("blanks after a closing quote are allowed") {
  const Read read = readAll("\"a\"  ,\"b\"\t\n");
  CHECK_FALSE(read.error);
  CHECK(read.records == std::vector<Record>{{1, {"a", "b"}}});
}

TEST_CASE("reading stops at the first error") {
  CsvReader reader(nullptr, 0);
  CHECK_FALSE(reader.next());
  std::string text = "\"a\"b\nc\n";
  CsvReader bad(text.data(), text.size());
  CHECK_FALSE(bad.next());
  CHECK(bad.error());
  CHECK_FALSE(bad.next());
}

TEST_CASE("an empty text has no records") {
  const Read read = readAll("");
  CHECK(read.records.empty());
  CHECK_FALSE(read.error);
}

TEST_CASE("another delimiter can separate cells") {
  std::string text = "a;\"b;c\";d\n";
  CsvReader reader(text.data(), text.size(), ';');
  REQUIRE(reader.next());
  REQUIRE(reader.cells().size() == 3);
  CHECK(reader.cells()[1] == "b;c");
}

TEST_CASE("a tab delimiter separates cells and is not trimmed as a blank") {
  std::string text = "a\t\tb\t c \t\"d\"\t\n\tx\n";
  CsvReader reader(text.data(), text.size(), '\t');
  REQUIRE(reader.next());
  CHECK(std::vector<std::string_view>(reader.cells().begin(), reader.cells().end()) ==
        std::vector<std::string_view>{"a", "", "b", "c", "d", ""});
  REQUIRE(reader.next());
  CHECK(std::vector<std::string_view>(reader.cells().begin(), reader.cells().end()) ==
        std::vector<std::string_view>{"", "x"});
}

TEST_CASE("trimming removes spaces tabs and carriage returns at both ends only") {
  CHECK(trimBlanks(" \t a b \r") == "a b");
  CHECK(trimBlanks("") == "");
  CHECK(trimBlanks(" \t\r ") == "");
  CHECK(trimBlanks("\na\n") == "\na\n");  // a line break is not a blank
}

TEST_CASE("a very long line is read as one record") {
  std::string text = "id,";
  text.append(10'000'000, 'n');
  text += "\nx,y\n";
  const Read read = readAll(text);
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[0].cells[1].size() == 10'000'000);
  CHECK(read.records[1] == Record{2, {"x", "y"}});
}

namespace cloudplan::importers {
namespace {

TEST_CASE("a row of more than ten thousand cells stops the reading") {
  std::string text(20'000, ',');
  CsvReader reader(text.data(), text.size());
  CHECK_FALSE(reader.next());
  REQUIRE(reader.error());
  CHECK(reader.error()->code == "too-many-cells");
  CHECK(reader.error()->message ==
        "a row of more than 10000 cells; the rest of the file is not read (is this an inventory "
        "CSV file?)");
}

}  // namespace
}  // namespace cloudplan::importers
