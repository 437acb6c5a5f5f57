#include "exporters/graphviz/graph_waves.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

// A ministry with an office, and a digital agency that provides to both; the office has two
// consumers of the ministry's app.
struct Planned {
  models::Diagnostics diagnostics;
  models::Inventory inventory;
  models::Plan plan;
};

Planned smallPlan() {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  auto read = [&](std::string name, models::InputKind kind, std::string text) {
    importers::readInventoryCsv(builder, builder.addFile(std::move(name), kind), std::move(text));
  };
  read("agencies.csv", models::InputKind::agencies,
       "code,name,parent\nMIN,Ministry of Examples,\nMIN-OFF,Office of Samples,MIN\n"
       "DGA,Digital Agency,\n");
  read("systems.csv", models::InputKind::systems,
       "id,name,agency,type,strategy\n"
       "MIN/app,Example app,MIN,application,rehost\n"
       "MIN/db,Example database,MIN,database,replatform\n"
       "MIN-OFF/portal,Sample portal,MIN-OFF,application,refactor\n"
       "MIN-OFF/old,Old archive,MIN-OFF,application,retire\n"
       "MIN/mainframe,Mainframe,MIN,infrastructure,retain\n"
       "DGA/sso,Single sign-on,DGA,platform,rehost\n"
       "DGA/bus,Exchange bus,DGA,interface,rehost\n"
       "MIN-OFF/forms,Forms,MIN-OFF,application,rehost\n");
  read("dependencies.csv", models::InputKind::dependencies,
       "from,to,coupling\nMIN/app,MIN/db,tight\nMIN/app,DGA/sso,normal\n"
       "MIN-OFF/portal,MIN/app,normal\nMIN-OFF/portal,MIN-OFF/old,normal\n"
       "MIN/app,MIN/mainframe,normal\nDGA/sso,DGA/bus,loose\nMIN-OFF/forms,MIN/app,normal\n");
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  return p;
}

using testing::clustersAround;

std::string waveDot(const Planned& p, std::string_view system, size_t maxNodes = 300) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("wave");
  drawWave(graph, index, p.plan.systems[*p.inventory.findSystem(system)].wave, maxNodes);
  return graph.dot();
}

uint32_t waveOf(const Planned& p, std::string_view system) {
  return p.plan.systems[*p.inventory.findSystem(system)].wave;
}

TEST_CASE("a wave's diagram holds its systems, the providers they wait for and their consumers") {
  const Planned p = smallPlan();
  // MIN/app moves with MIN/db, after DGA/sso, before its consumer MIN-OFF/portal; it uses the
  // retained mainframe.
  REQUIRE(waveOf(p, "DGA/sso") < waveOf(p, "MIN/app"));
  REQUIRE(waveOf(p, "MIN-OFF/portal") > waveOf(p, "MIN/app"));
  const std::string dot = waveDot(p, "MIN/app");
  // Band 1: the consumers, 2: the wave, 3: the providers.
  CHECK(clustersAround(dot, "MIN/app").front() == "cluster band 2");
  CHECK(clustersAround(dot, "MIN/db").front() == "cluster band 2");
  CHECK(clustersAround(dot, "DGA/sso").front() == "cluster band 3");
  CHECK(clustersAround(dot, "MIN/mainframe").front() == "cluster band 3");
  CHECK(clustersAround(dot, "MIN-OFF/portal").front() == "cluster band 1");
  CHECK(clustersAround(dot, "MIN-OFF/forms").front() == "cluster band 1");
  CHECK(dot.find(fmt::format("label=\"Moves in wave {}\"", waveOf(p, "MIN/app"))) !=
        std::string::npos);
  CHECK(dot.find("label=\"What it waits for: the systems this wave's use\"") != std::string::npos);
  CHECK(dot.find("label=\"What waits for it: the systems that use this wave's\"") !=
        std::string::npos);
}

TEST_CASE("a wave's diagram leaves out the systems and links that do not touch it") {
  const Planned p = smallPlan();
  const std::string dot = waveDot(p, "MIN/app");
  // DGA/bus is linked to DGA/sso only, and MIN-OFF/old to MIN-OFF/portal only.
  CHECK(dot.find("\"DGA/bus\"") == std::string::npos);
  CHECK(dot.find("\"MIN-OFF/old\"") == std::string::npos);
  CHECK(dot.find("\"MIN/app\" -> \"DGA/sso\"") != std::string::npos);
}

TEST_CASE("a wave's diagram reads left to right: providers, the wave, consumers") {
  const Planned p = smallPlan();
  const std::string dot = waveDot(p, "MIN/app");
  // Ranks run from the consumers, so right to left.
  CHECK(dot.find("rankdir=RL") != std::string::npos);
  // Invisible separators: the consumers before the wave, the wave before its providers.
  CHECK(dot.find("\"MIN-OFF/portal\" -> \" row 1\"\t[style=invis,") != std::string::npos);
  CHECK(dot.find("\" row 1\" -> \"MIN/app\"\t[style=invis,") != std::string::npos);
  CHECK(dot.find("\" row 2\" -> \"DGA/sso\"\t[style=invis,") != std::string::npos);
}

TEST_CASE("a wave's title gives its dates, systems, effort and hybrid links after it") {
  const Planned p = smallPlan();
  const models::Wave& wave = p.plan.waves[waveOf(p, "MIN/app") - 1];
  const std::string dot = waveDot(p, "MIN/app");
  CHECK(dot.find(fmt::format("Wave {}: {} to {}; 2 systems (2 migrate, 0 retire)", wave.number,
                             models::formatDate(wave.start), models::formatDate(wave.end))) !=
        std::string::npos);
  CHECK(dot.find(fmt::format("{} hybrid links after this wave", wave.hybridLinksAfter)) !=
        std::string::npos);
}

TEST_CASE("a large wave folds the systems around it before its own") {
  const Planned p = smallPlan();
  REQUIRE(waveOf(p, "MIN-OFF/forms") > waveOf(p, "MIN/app"));
  // 2 systems in the wave, 4 around it, of which 2 in the same office and band (too few to be
  // grouped by ministry): 5 nodes.
  const std::string dot = waveDot(p, "MIN/app", 5);
  CHECK(dot.find("\"MIN/app\"\t[") != std::string::npos);
  CHECK(dot.find("\"MIN/db\"\t[") != std::string::npos);
  CHECK(dot.find("\"MIN-OFF/portal\"\t[") == std::string::npos);
  CHECK(dot.find("\" b1 MIN-OFF\"\t[") != std::string::npos);
  CHECK(dot.find("the systems around them are drawn as one node per agency") != std::string::npos);
  // With room for 4 only, the wave's own systems fold too.
  CHECK(waveDot(p, "MIN/app", 4).find("\"MIN/app\"\t[") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
