// schedule.csv and waves.csv as a reader sees them: one header per column, every cell where its
// header says, whatever names and values the ministries wrote.
#include "exporters/csv/schedule_csv.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/plan_migration.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"

using namespace cloudplan;
using Row = std::vector<std::string>;

namespace {

struct Planned {
  models::Diagnostics diagnostics;
  models::Inventory inventory;
  models::Plan plan;
};

Planned planOf(std::string systems) {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              std::move(systems));
  p.inventory = builder.finish();
  REQUIRE_FALSE(p.diagnostics.hasErrors());
  p.plan = *engine::planMigration(p.inventory, {}, p.diagnostics);
  return p;
}

// RFC 4180 as Python's csv module reads it, after the byte-order mark.
std::vector<Row> rowsOf(const std::string& csv) {
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<Row> rows(1, Row(1));
  bool quoted = false;
  for (size_t i = 3; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c != '"') {
        rows.back().back() += c;
      } else if (i + 1 < csv.size() && csv[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      ++i;
      if (i + 1 < csv.size()) rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  return rows;
}

// The cell of `row` under the header `column`.
std::string cellOf(const std::vector<Row>& rows, size_t row, const std::string& column) {
  const Row& header = rows.front();
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return i < rows[row].size() ? rows[row][i] : "(no cell)";
  }
  return "(no column)";
}

const Row kPlanColumns = {"wave",        "start",  "end",        "id",     "name",
                          "agency",      "type",   "strategy",   "action", "criticality",
                          "effort_days", "target", "move_group", "reasons"};

}  // namespace

TEST_CASE("schedule.csv heads the plan's columns, then the property columns in their order") {
  const Planned p = planOf("id,name,agency,os,owner\nMOF/a,A,MOF,linux,Ann\nMOF/b,B,MOF,,Bob\n");
  const auto rows = rowsOf(exporters::scheduleToCsv(p.inventory, p.plan));
  Row header = kPlanColumns;
  header.insert(header.end(), {"os", "owner"});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == header);
  CHECK(cellOf(rows, 1, "os") == "linux");
  CHECK(cellOf(rows, 2, "os") == "");
  CHECK(cellOf(rows, 2, "owner") == "Bob");
}

TEST_CASE("a property column named like a plan column is headed with a prefix") {
  const Planned p = planOf(
      "id,name,agency,wave,Reasons,START,notes\n"
      "MOF/a,A,MOF,Q3,none given,2025-01-01,first\n");
  const auto rows = rowsOf(exporters::scheduleToCsv(p.inventory, p.plan));
  Row header = kPlanColumns;
  header.insert(header.end(), {"property_wave", "property_Reasons", "property_START", "notes"});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == header);
  CHECK(cellOf(rows, 1, "wave") == "1");
  CHECK(cellOf(rows, 1, "property_wave") == "Q3");
  CHECK(cellOf(rows, 1, "start") == "2027-01-04");
  CHECK(cellOf(rows, 1, "property_START") == "2025-01-01");
  CHECK(cellOf(rows, 1, "property_Reasons") == "none given");
  CHECK(cellOf(rows, 1, "notes") == "first");
}

TEST_CASE("a property key is matched to a plan column after trimming its blanks") {
  Planned p = planOf("id,name,agency,x\nMOF/a,A,MOF,2025-01-01\n");
  // ArchiMate property names are not trimmed as CSV headers are.
  REQUIRE(p.inventory.properties.size() == 1);
  p.inventory.properties[0].key = " Start ";
  const auto rows = rowsOf(exporters::scheduleToCsv(p.inventory, p.plan));
  CHECK(rows[0].back() == "property_Start");
  CHECK(cellOf(rows, 1, "property_Start") == "2025-01-01");
  CHECK(cellOf(rows, 1, "start") == "2027-01-04");
}

TEST_CASE("a renamed column takes no name a ministry wrote: it is prefixed again") {
  const Planned p = planOf(
      "id,name,agency,wave,property_wave\n"
      "MOF/a,A,MOF,theirs,also theirs\n");
  const auto rows = rowsOf(exporters::scheduleToCsv(p.inventory, p.plan));
  Row header = kPlanColumns;
  header.insert(header.end(), {"property_property_wave", "property_wave"});
  CHECK(rows[0] == header);
  CHECK(cellOf(rows, 1, "property_property_wave") == "theirs");
  CHECK(cellOf(rows, 1, "property_wave") == "also theirs");
}

TEST_CASE("names and properties with semicolons or formulas stay in their cell, as text") {
  const Planned p = planOf(
      "id,name,agency,notes\n"
      "MOF/a,Payroll;=1+1,MOF,\"=HYPERLINK(\"\"http://x\"\")\"\n"
      "MOF/b,-minus,MOF,a;b\n");
  const std::string csv = exporters::scheduleToCsv(p.inventory, p.plan);
  CHECK(csv.find(",MOF/a,\"Payroll;=1+1\",MOF,") != std::string::npos);
  const auto rows = rowsOf(csv);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].size() == rows[0].size());
  CHECK(cellOf(rows, 1, "id") == "MOF/a");
  CHECK(cellOf(rows, 1, "name") == "Payroll;=1+1");
  CHECK(cellOf(rows, 1, "notes") == "'=HYPERLINK(\"http://x\")");
  CHECK(cellOf(rows, 2, "name") == "'-minus");
  CHECK(cellOf(rows, 2, "notes") == "a;b");
}

TEST_CASE("waves.csv has one header per column and a row per wave") {
  const Planned p = planOf("id,name,agency\nMOF/a,A,MOF\n");
  const auto rows = rowsOf(exporters::wavesToCsv(p.plan));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == Row{"wave", "start", "end", "systems", "migrating", "retiring", "effort_days",
                       "oversize", "hybrid_links_after"});
  CHECK(rows[1][0] == "1");
}
