// risks.csv as a spreadsheet reads it: a row per risk in the register's order, each fact in its
// column, the cells of the other kinds empty.
#include "exporters/csv/risks_csv.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "engine/risk_register.h"
#include "exporters/json/plan_json.h"
#include "importers/plan/plan_reader.h"
#include "importers/read_inputs.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::exporters {
namespace {

constexpr const char* kHeader =
    "rank,kind,exposure,criticality,summary,consumer,consumer_name,consumer_criticality,provider,"
    "provider_name,provider_criticality,coupling,link_kind,from_wave,to_wave,from_date,to_date,"
    "days,move_group,systems,wave,limit,used,available,agencies\r\n";

struct Planned {
  models::Inventory inventory;
  models::Plan plan;
  models::RiskRegister risks;
};

Planned planOf(std::string systems, std::string dependencies, models::PlanSettings settings = {}) {
  Planned p{testing::inventoryFrom(
                "id,name,agency,strategy,criticality,pinned_wave\n" + std::move(systems),
                std::move(dependencies), "code,name,parent\nMOF,Finance,\nTAX,Tax office,MOF\n"),
            {},
            {}};
  models::Diagnostics diagnostics;
  auto plan = engine::planMigration(p.inventory, settings, diagnostics);
  REQUIRE(plan);
  p.plan = std::move(*plan);
  p.risks = engine::assessRisks(p.inventory, p.plan);
  return p;
}

TEST_CASE("risks.csv has a row per risk, each kind's facts in its own columns") {
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  const auto p = planOf(
      "app,App,MOF,,high,2\ndb,DB,MOF,,low,1\nkeep,\"Keep, the ledger\",TAX,retain,medium,\n"
      "old,Old,TAX,retire,low,2\n",
      "from,to,coupling,kind\napp,db,normal,api\nkeep,old,normal,file\napp,keep,loose,\n",
      settings);
  CHECK(risksToCsv(p.inventory, p.plan, p.risks) ==
        std::string("\xEF\xBB\xBF") + kHeader +
            "1,lost-provider,896,medium,\"keep (Keep, the ledger) depends on old (Old), which is "
            "retired in wave 2; keep is retained and loses it\",keep,\"Keep, the ledger\",medium,"
            "old,Old,low,normal,file,,,,,,,,2,,,,TAX\r\n"
            "2,hybrid-link,168,high,\"app (App) depends on db (DB) through a normal api link: db "
            "moves in wave 1 and app in wave 2, so the link is hybrid for 28 "
            "days\",app,App,high,db,DB,low,normal,api,1,2,2027-01-31,"
            "2027-02-28,28,,,,,,,MOF\r\n"
            "3,hybrid-link,168,high,\"app (App) depends on keep (Keep, the ledger) through a "
            "loose link: app moves in wave 2 and keep is retained, so the link is hybrid for "
            "good\",app,App,high,keep,\"Keep, the "
            "ledger\",medium,loose,,2,,2027-02-28,2027-02-28,0,,,,,,,\"MOF; TAX\"\r\n"
            "4,wave-near-limit,84,high,\"Wave 2 (2027-02-01 to 2027-02-28) holds 2 systems, 100 "
            "% of the wave capacity of 2\",,,,,,,,,,,,,,,,2,wave capacity,2,2,\"MOF; TAX\"\r\n");
}

TEST_CASE("an exposure is written with two decimals at most, without trailing zeros") {
  CHECK(exposureText(336.4) == "336.4");
  CHECK(exposureText(504) == "504");
  CHECK(exposureText(0.07) == "0.07");
  CHECK(exposureText(12.345678) == "12.35");
  CHECK(exposureText(0) == "0");
  CHECK(exposureText(1e7) == "10000000");
}

TEST_CASE("a large move group's row names the group and its size") {
  std::string systems, links = "from,to,coupling\n";
  for (int i = 1; i <= 11; ++i) {
    systems += fmt::format("s{},S{},MOF,,low,\n", i, i);
    if (i > 1) links += fmt::format("s{},s{},tight\n", i - 1, i);
  }
  const auto p = planOf(systems, links);
  CHECK(risksToCsv(p.inventory, p.plan, p.risks) ==
        std::string("\xEF\xBB\xBF") + kHeader +
            "1,large-move-group,308,low,\"Move group G1 cuts over 11 systems at once in wave 1, "
            "bound by tight links: s1 (S1), s2 (S2), s3 (S3) and 8 more\",,,,,,,,,,,,,,G1,11,1,,,,"
            "MOF\r\n");
}

TEST_CASE("risks.csv of a plan without risks is its header") {
  const auto p = planOf("a,A,MOF,,low,\n", "");
  CHECK(risksToCsv(p.inventory, p.plan, p.risks) == std::string("\xEF\xBB\xBF") + kHeader);
}

TEST_CASE("risks.csv cuts ids, names and codes longer than 120 bytes, and defuses formulas") {
  const std::string longName(300, 'N');
  const auto p =
      planOf(fmt::format("app,{},MOF,,low,2\ndb,=1+1,MOF,,low,1\n", longName), "from,to\napp,db\n");
  const std::string csv = risksToCsv(p.inventory, p.plan, p.risks);
  CHECK(csv.find(std::string(118, 'N')) == std::string::npos);
  CHECK(csv.find(",app," + std::string(117, 'N') + "\xE2\x80\xA6,low,db,\"'=1+1\",low,") !=
        std::string::npos);
}

TEST_CASE("a plan read back from its plan.json has the same risks.csv, as render writes it") {
  models::Diagnostics diagnostics;
  const models::Inventory inventory = importers::readInputs(
      std::vector<std::string>{CLOUDPLAN_SOURCE_DIR "/samples/government"}, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  models::PlanSettings settings;  // as scripts/demo plans them
  settings.waveCapacity = 8;
  settings.freeze.push_back(
      {models::dateFromCivil(2027, 7, 26), models::dateFromCivil(2027, 8, 8)});
  const auto plan = engine::planMigration(inventory, settings, diagnostics);
  REQUIRE(plan);
  const std::string csv = risksToCsv(inventory, *plan, engine::assessRisks(inventory, *plan));

  models::Diagnostics readDiagnostics;
  const auto loaded = importers::planFromJson(
      nlohmann::ordered_json::parse(planToJson(inventory, *plan, diagnostics)), "plan.json",
      readDiagnostics);
  REQUIRE(loaded);
  CHECK(risksToCsv(loaded->inventory, loaded->plan,
                   engine::assessRisks(loaded->inventory, loaded->plan)) == csv);
  CHECK(csv.find("\r\n1,lost-provider,7224,high,") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
