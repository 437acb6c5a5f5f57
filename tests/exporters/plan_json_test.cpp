// plan.json's inventory fields of version 2 of the planning rules: a system's finish_by and an
// agency's limits per wave are written only when set, and read back by the plan reader that
// render, explain and diff start from.
#include "exporters/json/plan_json.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "importers/plan/plan_reader.h"
#include "tests/exporters/small_plan_fixture.h"

using namespace cloudplan;
using Json = nlohmann::ordered_json;

TEST_CASE("plan.json writes finish_by and the agency limits when set, and reads them back") {
  auto p = testing::smallPlan();
  auto& inventory = p.inventory;
  const auto app = *inventory.findSystem("MIN/app");
  inventory.systems[app].finishBy = models::dateFromCivil(2031, 12, 31);
  const auto ministry = *inventory.findAgency("MIN");
  inventory.agencies[ministry].maxSystemsPerWave = 4;
  inventory.agencies[ministry].maxEffortPerWave = 37.5;

  const Json document = Json::parse(exporters::planToJson(inventory, p.plan, p.diagnostics));
  for (const Json& system : document["systems"]) {
    INFO(system["id"]);
    if (system["id"] == "MIN/app") {
      CHECK(system["finish_by"] == "2031-12-31");
    } else {
      CHECK_FALSE(system.contains("finish_by"));
    }
  }
  for (const Json& agency : document["agencies"]) {
    INFO(agency["code"]);
    if (agency["code"] == "MIN") {
      CHECK(agency["max_systems_per_wave"] == 4);
      CHECK(agency["max_effort_per_wave"] == 37.5);
    } else {
      CHECK_FALSE(agency.contains("max_systems_per_wave"));
      CHECK_FALSE(agency.contains("max_effort_per_wave"));
    }
  }

  models::Diagnostics diagnostics;
  const auto back = importers::planFromJson(document, "plan.json", diagnostics);
  REQUIRE(back);
  CHECK(diagnostics.count(models::Severity::error) == 0);
  const auto& read = back->inventory;
  CHECK(read.systems[*read.findSystem("MIN/app")].finishBy == models::dateFromCivil(2031, 12, 31));
  CHECK_FALSE(read.systems[*read.findSystem("MIN/db")].finishBy);
  const auto& agency = read.agencies[*read.findAgency("MIN")];
  CHECK(agency.maxSystemsPerWave == 4u);
  CHECK(agency.maxEffortPerWave == 37.5);
  CHECK_FALSE(read.agencies[*read.findAgency("DGA")].maxSystemsPerWave);
  // Written again from what was read, the same agencies and systems.
  const Json again = Json::parse(exporters::planToJson(read, back->plan, back->diagnostics));
  CHECK(again["agencies"] == document["agencies"]);
  CHECK(again["systems"] == document["systems"]);
}
