#include "exporters/graph_focus.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "importers/inventory_builder.h"
#include "importers/inventory_csv.h"

namespace cloudplan::exporters {
namespace {

// A ministry with an office, and a digital agency that provides to both.
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
       "DGA/bus,Exchange bus,DGA,interface,rehost\n");
  read("dependencies.csv", models::InputKind::dependencies,
       "from,to,coupling\nMIN/app,MIN/db,tight\nMIN/app,DGA/sso,normal\n"
       "MIN-OFF/portal,MIN/app,normal\nMIN-OFF/portal,MIN-OFF/old,normal\n"
       "MIN/app,MIN/mainframe,normal\nDGA/sso,DGA/bus,loose\n");
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  return p;
}

std::string focusDot(const Planned& p, std::string_view id, uint32_t depth, size_t maxNodes = 300) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("focus");
  drawFocus(graph, index, *p.inventory.findSystem(id), depth, maxNodes);
  return graph.dot();
}

TEST_CASE("the focus diagram reaches as many links as its depth, both ways") {
  const Planned p = smallPlan();
  const std::string one = focusDot(p, "DGA/sso", 1);
  CHECK(one.find("\"MIN/app\"\t[") != std::string::npos);
  CHECK(one.find("\"DGA/bus\"\t[") != std::string::npos);
  CHECK(one.find("\"MIN/db\"\t[") == std::string::npos);
  const std::string two = focusDot(p, "DGA/sso", 2);
  CHECK(two.find("\"MIN/db\"\t[") != std::string::npos);
  CHECK(two.find("\"MIN-OFF/portal\"\t[") != std::string::npos);
  CHECK(two.find("\"MIN-OFF/old\"\t[") == std::string::npos);
}

TEST_CASE("the focus system stands out and its title gives its wave and reasons") {
  const Planned p = smallPlan();
  const std::string dot = focusDot(p, "MIN/app", 1);
  const size_t node = dot.find("\"MIN/app\"\t[");
  REQUIRE(node != std::string::npos);
  CHECK(dot.substr(node, 400).find("penwidth=3") != std::string::npos);
  const auto& planned = p.plan.systems[*p.inventory.findSystem("MIN/app")];
  CHECK(dot.find(fmt::format("MIN/app - Example app: wave {} within 1 link", planned.wave)) !=
        std::string::npos);
  CHECK(dot.find("why: " + planned.reasons.front()) != std::string::npos);
}

TEST_CASE("the focus system is never folded") {
  const std::string dot = focusDot(smallPlan(), "MIN/app", 3, 2);
  CHECK(dot.find("\"MIN/app\"\t[") != std::string::npos);
  CHECK(dot.find("\"MIN/db\"\t[") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
