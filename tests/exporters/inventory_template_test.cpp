// The inventory template (cloudplan template): its files read back clean, with the columns of
// version 2 of the planning rules typed, and its README documents every column.
#include "exporters/csv/inventory_template.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "importers/read_inputs.h"
#include "tests/temp_folder.h"

using namespace cloudplan;

TEST_CASE("the template's files read back clean with finish_by and the agency limits typed") {
  testing::TempFolder folder;
  std::vector<std::string> paths;
  std::string readme;
  for (const auto& file : exporters::inventoryTemplate()) {
    const std::string path = folder.write(file.name, file.content);
    if (file.name == "README.txt") {
      readme = file.content;
    } else {
      paths.push_back(path);
    }
  }
  models::Diagnostics diagnostics;
  const auto inventory = importers::readInputs(paths, {}, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(inventory.findSystem("MOF/payroll"));
  CHECK(inventory.systems[*inventory.findSystem("MOF/payroll")].finishBy ==
        models::dateFromCivil(2027, 12, 31));
  const auto& mof = inventory.agencies[*inventory.findAgency("MOF")];
  CHECK(mof.maxSystemsPerWave == 8u);
  CHECK_FALSE(mof.maxEffortPerWave);
  for (const char* column :
       {"\n  finish_by ", "\n  max_systems_per_wave\n", "\n  max_effort_per_wave\n"}) {
    INFO(column);
    CHECK(readme.find(column) != std::string::npos);
  }
}
