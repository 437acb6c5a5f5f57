#include "exporters/graph_overview.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "exporters/graph_style.h"
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

// The clusters around each node's declaration in DOT text, innermost last.
std::vector<std::string> clustersAround(const std::string& dot, const std::string& node) {
  std::vector<std::string> stack;
  size_t at = 0;
  while (at < dot.size()) {
    size_t end = dot.find('\n', at);
    if (end == std::string::npos) end = dot.size();
    std::string line = dot.substr(at, end - at);
    at = end + 1;
    line.erase(0, line.find_first_not_of('\t'));
    if (line.rfind("subgraph ", 0) == 0) {
      const size_t open = line.find('"'), close = line.find('"', open + 1);
      stack.push_back(line.substr(open + 1, close - open - 1));
    } else if (line == "}") {
      if (!stack.empty()) stack.pop_back();
    } else if (line.rfind("\"" + node + "\"\t", 0) == 0 || line.rfind(node + "\t", 0) == 0) {
      return stack;
    }
  }
  return {"(not found)"};
}

std::string overviewDot(const Planned& p, size_t maxNodes = 300) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, maxNodes);
  return graph.dot();
}

TEST_CASE("the overview nests an office's box inside its ministry's") {
  const Planned p = smallPlan();
  const std::string dot = overviewDot(p);
  CHECK(clustersAround(dot, "MIN-OFF/portal") ==
        std::vector<std::string>{"cluster b0 agency MIN", "cluster b0 agency MIN-OFF"});
  CHECK(clustersAround(dot, "DGA/sso") == std::vector<std::string>{"cluster b0 agency DGA"});
  CHECK(dot.find("label=\"MIN-OFF - Office of Samples\"") != std::string::npos);
}

TEST_CASE("a system is filled with its wave's colour and shaped by its type") {
  const Planned p = smallPlan();
  const std::string dot = overviewDot(p);
  const auto waves = static_cast<uint32_t>(p.plan.waves.size());
  const uint32_t wave = p.plan.systems[*p.inventory.findSystem("MIN/db")].wave;
  const size_t at = dot.find("\"MIN/db\"\t[");
  REQUIRE(at != std::string::npos);
  const std::string node = dot.substr(at, dot.find("];", at) - at);
  CHECK(node.find("fillcolor=\"" + waveColour(wave, waves).fill + "\"") != std::string::npos);
  CHECK(node.find("shape=cylinder") != std::string::npos);
  CHECK(node.find(fmt::format("label=\"MIN/db\\nwave {}, G1\"", wave)) != std::string::npos);
  const size_t retained = dot.find("\"MIN/mainframe\"\t[");
  CHECK(dot.substr(retained, 300).find("retained") != std::string::npos);
  CHECK(dot.substr(retained, 300).find("#dddddd") != std::string::npos);
}

TEST_CASE("a tight dependency is drawn thick and red and a loose one dashed") {
  const std::string dot = overviewDot(smallPlan());
  const size_t tight = dot.find("\"MIN/app\" -> \"MIN/db\"");
  REQUIRE(tight != std::string::npos);
  CHECK(dot.substr(tight, 200).find("color=\"#b2182b\"") != std::string::npos);
  CHECK(dot.substr(tight, 200).find("penwidth=2.2") != std::string::npos);
  const size_t loose = dot.find("\"DGA/sso\" -> \"DGA/bus\"");
  REQUIRE(loose != std::string::npos);
  CHECK(dot.substr(loose, 200).find("style=dashed") != std::string::npos);
}

TEST_CASE("a move group within one agency is outlined by a dashed box") {
  const std::string dot = overviewDot(smallPlan());
  CHECK(clustersAround(dot, "MIN/db") ==
        std::vector<std::string>{"cluster b0 agency MIN", "cluster b0 group G1"});
  CHECK(dot.find("label=\"G1 (tight)\"") != std::string::npos);
}

TEST_CASE("links between ministries are counted in a table and not drawn") {
  const std::string dot = overviewDot(smallPlan());
  CHECK(dot.find("\"MIN/app\" -> \"DGA/sso\"") == std::string::npos);
  CHECK(dot.find("\"cluster links between ministries\"") != std::string::npos);
  // Row MIN: itself (shaded), then DGA.
  CHECK(dot.find("<B>MIN</B></TD><TD BGCOLOR=\"#eeeeee\"></TD><TD>1</TD></TR>") !=
        std::string::npos);
}

TEST_CASE("a plan over the node limit is folded into one node per agency and says so") {
  const std::string dot = overviewDot(smallPlan(), 4);
  CHECK(dot.find("\"MIN/app\"") == std::string::npos);
  CHECK(dot.find("\" b0 MIN-OFF\"") != std::string::npos);
  CHECK(dot.find("label=\"MIN-OFF\\n2 systems, wave ") != std::string::npos);
  CHECK(dot.find("7 systems would make more than 4 nodes: drawn as 3 nodes, one per agency") !=
        std::string::npos);
  const size_t edge = dot.find("\" b0 MIN-OFF\" -> \" b0 MIN\"");
  REQUIRE(edge != std::string::npos);
  CHECK(dot.substr(edge, 100).find("label=1") != std::string::npos);
}

TEST_CASE("offices fold into their ministry when one node per agency is still too many") {
  const std::string dot = overviewDot(smallPlan(), 2);
  CHECK(dot.find("MIN and offices\\n5 systems") != std::string::npos);
  CHECK(dot.find("drawn as 2 nodes, one per ministry (top-level agency, its offices included)") !=
        std::string::npos);
  // Two ministries with one link between them: an edge, not a table.
  const size_t edge = dot.find("\" b0 MIN\" -> \" b0 DGA\"");
  REQUIRE(edge != std::string::npos);
  CHECK(dot.substr(edge, 100).find("label=1") != std::string::npos);
  CHECK(dot.find("links between ministries") == std::string::npos);
}

TEST_CASE("the legend has a cell for every wave and a sample of every type") {
  const Planned p = smallPlan();
  const std::string dot = overviewDot(p);
  for (uint32_t wave = 1; wave <= p.plan.waves.size(); ++wave) {
    CHECK(dot.find(fmt::format(">{}</FONT></TD>", wave)) != std::string::npos);
  }
  for (const auto type : models::Vocabulary<models::SystemType>::names) {
    CHECK(dot.find(fmt::format("\" legend {}\"", type)) != std::string::npos);
  }
}

TEST_CASE("the title gives the waves against the lower bound") {
  const Planned p = smallPlan();
  CHECK(overviewDot(p).find(fmt::format("Migration plan: 7 systems, 6 of them in {} waves (lower "
                                        "bound {})",
                                        p.plan.metrics.waves, p.plan.metrics.lowerBound.waves)) !=
        std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
