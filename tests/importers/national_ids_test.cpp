// The national register of system ids (cloudplan export --ids) read for validate --known, and
// the same file refused where an inventory file belongs.
#include "importers/csv/national_ids.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "tests/importers/importer_fixture.h"
#include "tests/temp_folder.h"

using namespace cloudplan;
using testing::linesOf;
using Lines = std::vector<std::string>;

namespace {

// Reads `text` as the register file national-ids.csv; the messages name it so.
struct Read {
  explicit Read(const std::string& text) {
    const std::string path = folder.write("national-ids.csv", text);
    known = importers::readNationalIds(path, diagnostics);
    for (const models::Diagnostic& d : diagnostics.all())
      REQUIRE(d.file == path);
    lines = linesOf(diagnostics);
    for (std::string& line : lines) {
      line.replace(0, path.size(), "national-ids.csv");
      if (const size_t at = line.find(path); at != std::string::npos) {
        line.replace(at, path.size(), "national-ids.csv");
      }
    }
  }
  testing::TempFolder folder;
  models::Diagnostics diagnostics;
  std::optional<importers::KnownSystems> known;
  Lines lines;
};

}  // namespace

TEST_CASE("the register of ids is read as cloudplan export --ids writes it") {
  const Read read(
      "national_id,name,agency\n"
      "MOJ/courts,Court records,MOJ\n"
      "DGA/xbus,\"Exchange bus, national\",DGA\n");
  CHECK(read.lines == Lines{});
  REQUIRE(read.known);
  CHECK(read.known->size() == 2);
  const auto xbus = read.known->find("DGA/xbus");
  REQUIRE(xbus);
  CHECK(xbus->name == "Exchange bus, national");
  CHECK(xbus->agency == "DGA");
}

TEST_CASE("the register of ids may come back from a spreadsheet") {
  // A byte-order mark, CRLF, the header in capitals and reordered, an extra column, semicolons.
  const Read read(
      "\xEF\xBB\xBF"
      "Agency;NATIONAL_ID;Name;Notes\r\n"
      "MOJ;MOJ/courts;Court records;checked\r\n"
      "\r\n"
      "DGA;DGA/xbus;Exchange bus;\r\n");
  CHECK(read.lines == Lines{});
  REQUIRE(read.known);
  CHECK(read.known->ids() == std::vector<std::string_view>{"MOJ/courts", "DGA/xbus"});
  CHECK(read.known->find("MOJ/courts")->agency == "MOJ");
  CHECK(read.known->find("DGA/xbus")->name == "Exchange bus");
}

TEST_CASE("a register without one of its columns is refused") {
  const Read read(
      "id,name,agency\n"
      "MOJ/courts,Court records,MOJ\n");
  CHECK(read.lines ==
        Lines{"national-ids.csv:1: error: missing required column 'national_id' in the register "
              "of system ids (its header is national_id,name,agency, as cloudplan export --ids "
              "writes it) [missing-column]"});
  CHECK_FALSE(read.known);
}

TEST_CASE("a register row without an id is skipped, the others kept") {
  const Read read(
      "national_id,name,agency\n"
      ",Court records,MOJ\n"
      "DGA/xbus,Exchange bus,DGA\n");
  CHECK(read.lines ==
        Lines{"national-ids.csv:2: error: empty national_id; the row is skipped (give every "
              "system of the register its id) [empty-id]"});
  REQUIRE(read.known);
  CHECK(read.known->size() == 1);
}

TEST_CASE("a repeated id in the register names both lines, and the first is kept") {
  const Read read(
      "national_id,name,agency\n"
      "MOJ/courts,Court records,MOJ\n"
      "DGA/xbus,Exchange bus,DGA\n"
      "MOJ/courts,Courts again,MOI\n"
      "DGA/xbus,Bus again,DGA\n");
  CHECK(read.lines ==
        Lines{"national-ids.csv:4: error: duplicate national_id 'MOJ/courts'; the row is skipped "
              "(first defined at national-ids.csv:2) [duplicate-id]",
              "national-ids.csv:5: error: duplicate national_id 'DGA/xbus'; the row is skipped "
              "(first defined at national-ids.csv:3) [duplicate-id]"});
  REQUIRE(read.known);
  CHECK(read.known->size() == 2);
  CHECK(read.known->find("MOJ/courts")->agency == "MOJ");
}

TEST_CASE("a register row without an agency is kept and reported") {
  const Read read(
      "national_id,name,agency\n"
      "MOJ/courts,Court records,\n");
  CHECK(read.lines == Lines{"national-ids.csv:2: error: system 'MOJ/courts' has no agency "
                            "[missing-value]"});
  REQUIRE(read.known);
  CHECK(read.known->find("MOJ/courts"));
}

TEST_CASE("a register row with more cells than columns is skipped") {
  const Read read(
      "national_id,name,agency\n"
      "MOJ/courts,Court records, civil,MOJ\n"
      "DGA/xbus,Exchange bus,DGA,,\n");
  CHECK(read.lines ==
        Lines{"national-ids.csv:2: error: 4 cells, but the header has 3 columns; the row is "
              "skipped (quote a cell that holds the separator) [too-many-cells]"});
  REQUIRE(read.known);
  CHECK(read.known->ids() == std::vector<std::string_view>{"DGA/xbus"});
}

TEST_CASE("an empty or unreadable register is refused") {
  CHECK(Read("").lines == Lines{"national-ids.csv:1: error: the file is empty (the register starts "
                                "with the header national_id,name,agency) [empty-file]"});
  CHECK(Read(" \n\n").lines ==
        Lines{"national-ids.csv:1: error: the file is empty (the register starts with the header "
              "national_id,name,agency) [empty-file]"});
  const Read latin1("national_id,name,agency\nMOJ/courts,Cour d'appel \xE9,MOJ\n");
  CHECK_FALSE(latin1.known);
  REQUIRE(latin1.lines.size() == 1);
  CHECK(latin1.lines[0].starts_with("national-ids.csv:2: error: "));

  models::Diagnostics diagnostics;
  CHECK_FALSE(importers::readNationalIds("/nonexistent/national-ids.csv", diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].code == "cannot-read");
}

TEST_CASE("the register given as an inventory file is told apart with its own error") {
  for (const std::string header : {"national_id,name,agency", "NATIONAL_ID;NAME;AGENCY"}) {
    models::Diagnostics diagnostics;
    importers::InventoryBuilder builder(diagnostics);
    const uint32_t file = builder.addFile("national-ids.csv", models::InputKind::unknown);
    importers::readInventoryCsv(builder, file, header + "\nMOJ/courts,Court records,MOJ\n");
    const models::Inventory inventory = builder.finish();
    CHECK(linesOf(diagnostics) ==
          Lines{"national-ids.csv:1: error: this is the national register of system ids "
                "(cloudplan export --ids writes it), not an inventory file (give it to --known, "
                "and leave it out of the inventory files) [register-file]"});
    CHECK(inventory.systems.empty());
  }
}
