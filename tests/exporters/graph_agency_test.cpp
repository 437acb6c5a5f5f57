#include "exporters/graphviz/graph_agency.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::clustersAround;
using testing::Planned;
using testing::smallPlan;

std::string agencyDot(const Planned& p, std::string_view code, size_t maxNodes = 300) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("agency");
  drawAgency(graph, index, *p.inventory.findAgency(code), maxNodes);
  return graph.dot();
}

TEST_CASE("an agency's diagram holds its offices' systems and the outside systems they use") {
  const std::string dot = agencyDot(smallPlan(), "MIN");
  // Band 1: other agencies' consumers, 2: its own systems, 3: other agencies' providers.
  CHECK(clustersAround(dot, "MIN-OFF/portal") ==
        std::vector<std::string>{"cluster band 2", "cluster b2 agency MIN",
                                 "cluster b2 agency MIN-OFF"});
  CHECK(clustersAround(dot, "DGA/sso") ==
        std::vector<std::string>{"cluster band 3", "cluster b3 agency DGA"});
  CHECK(dot.find("\"DGA/bus\"") == std::string::npos);
  CHECK(dot.find("\"MIN/app\" -> \"DGA/sso\"") != std::string::npos);
  CHECK(dot.find("MIN - Ministry of Examples: 5 systems (its offices included)") !=
        std::string::npos);
  CHECK(dot.find("rankdir=RL") != std::string::npos);
}

TEST_CASE("an office's diagram leaves out its ministry's own systems but for its links") {
  const std::string dot = agencyDot(smallPlan(), "MIN-OFF");
  CHECK(clustersAround(dot, "MIN-OFF/portal") ==
        std::vector<std::string>{"cluster band 2", "cluster b2 agency MIN",
                                 "cluster b2 agency MIN-OFF"});
  // MIN/app is the office's only provider in MIN: itself, not a node of one.
  CHECK(clustersAround(dot, "MIN/app") ==
        std::vector<std::string>{"cluster band 3", "cluster b3 agency MIN"});
  CHECK(dot.find("\"MIN/db\"") == std::string::npos);
}

TEST_CASE("an agency's linked systems in another ministry are one node with one edge") {
  Planned p = smallPlan();
  // DGA's two systems both use MIN/app and MIN/db: one node for DGA, one edge to MIN's box.
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency,depends_on\n"
                              "MIN/app,App,MIN,\nMIN/db,Database,MIN,\n"
                              "DGA/sso,Sign-on,DGA,MIN/app;MIN/db\n"
                              "DGA/bus,Bus,DGA,MIN/app;MIN/db\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  const std::string dot = agencyDot(p, "MIN");
  CHECK(dot.find("\"DGA/sso\"") == std::string::npos);
  CHECK(clustersAround(dot, " b1 DGA") == std::vector<std::string>{"cluster band 1"});
  CHECK(dot.find("label=\"DGA: 2 systems\\nwave ") != std::string::npos);
  // The edge ends at a point inside MIN's band, on DGA's side, not at one of its systems.
  const size_t edge = dot.find("\" b1 DGA\" -> \" band 2 before\"");
  REQUIRE(edge != std::string::npos);
  CHECK(clustersAround(dot, " band 2 before") == std::vector<std::string>{"cluster band 2"});
  CHECK(dot.substr(edge, 300).find("label=4") != std::string::npos);
  CHECK(dot.find("\" b1 DGA\" -> \" band 2 before\"", edge + 1) == std::string::npos);
  CHECK(dot.find("\" b1 DGA\" -> \"MIN/") == std::string::npos);
  CHECK(dot.find("lhead") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
