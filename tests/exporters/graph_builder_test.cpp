#include "exporters/graphviz/graph_builder.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <regex>

#include "engine/plan_migration.h"
#include "exporters/graphviz/graph_agency.h"
#include "exporters/graphviz/graph_overview.h"
#include "exporters/graphviz/graph_waves.h"
#include "exporters/graphviz/graphviz_render.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "importers/read_inputs.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::Planned;
using testing::samplesPlan;
using testing::svgOf;

// Width over height of an SVG drawing.
double ratioOf(const std::string& svg) {
  std::smatch size;
  const std::regex pattern("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"");
  REQUIRE(std::regex_search(svg, size, pattern));
  return std::stod(size[1]) / std::stod(size[2]);
}

// The edges drawn, the legend's samples left out.
size_t edgesOf(const std::string& svg) {
  size_t edges = 0;
  const std::string group = "class=\"edge\">\n<title>";
  for (size_t at = svg.find(group); at != std::string::npos; at = svg.find(group, at + 1)) {
    if (svg.compare(at + group.size(), 7, " legend") != 0) ++edges;
  }
  return edges;
}

TEST_CASE("the samples' overview is about as wide as a landscape page for high") {
  const Planned& p = samplesPlan();
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, 300);
  const double ratio = ratioOf(svgOf(graph));
  INFO(ratio);
  CHECK(ratio >= 0.5);
  CHECK(ratio <= 2.5);
}

TEST_CASE("the agency view of the samples' largest ministry is about as wide as high") {
  const Planned& p = samplesPlan();
  const GraphIndex index(p.inventory, p.plan);
  models::AgencyIndex largest = models::kNone;
  size_t most = 0;
  for (models::AgencyIndex a = 0; a < p.inventory.agencies.size(); ++a) {
    if (index.depth(a) != 0) continue;
    size_t count = 0;
    for (const auto& system : p.inventory.systems)
      count += index.within(system.agency, a) ? 1 : 0;
    if (count > most) {
      most = count;
      largest = a;
    }
  }
  REQUIRE(p.inventory.agencies[largest].code == "MOF");
  GraphDocument graph("agency");
  drawAgency(graph, index, largest, 300);
  const double ratio = ratioOf(svgOf(graph));
  INFO(ratio);
  CHECK(ratio >= 0.5);
  CHECK(ratio <= 2.5);
}

TEST_CASE("a wave view of the samples has no more edges than its systems and the agencies") {
  const Planned& p = samplesPlan();
  const GraphIndex index(p.inventory, p.plan);
  size_t bundled = 0;
  for (const auto& wave : p.plan.waves) {
    if (wave.systems.empty()) continue;
    GraphDocument graph("wave");
    drawWave(graph, index, wave.number, 300);
    // A bundle's edge ends at a point in the box of the moving systems (band 2), drawn in the
    // SVG with its title "TAIL->HEAD".
    const std::string svg = svgOf(graph);
    for (const std::string end :
         {"&gt; band 2 before</title>", "&gt; band 2 after</title>",
          "<title> band 2 before&#45;&gt;", "<title> band 2 after&#45;&gt;"}) {
      for (size_t at = svg.find(end); at != std::string::npos; at = svg.find(end, at + 1))
        ++bundled;
    }
    const size_t edges = edgesOf(svg);
    INFO("wave " << wave.number);
    CHECK(edges <= wave.systems.size() + p.inventory.agencies.size());
  }
  // Some ministry uses several systems of a wave: one edge to the wave's box.
  CHECK(bundled > 0);
}

// One agency with `systems` systems and no links: nothing for dot to rank them by.
Planned unlinkedPlan(int ministries, int systems, bool chained) {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  std::string text = "id,name,agency,depends_on\n";
  for (int m = 0; m < ministries; ++m) {
    for (int s = 0; s < systems; ++s) {
      text += fmt::format("M{0}/s{1},System {1},M{0},{2}\n", m, s,
                          chained && s > 0 ? fmt::format("M{}/s{}", m, s - 1) : "");
    }
  }
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              std::move(text));
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  return p;
}

TEST_CASE("thirty systems in one rank are wrapped onto several, not drawn as one column") {
  const Planned p = unlinkedPlan(1, 30, false);
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, 300);
  // Invisible edges from each system to the one a wrap further.
  CHECK(graph.dot().find("\"M0/s0\" -> \"M0/s") != std::string::npos);
  const double ratio = ratioOf(svgOf(graph));
  INFO(ratio);
  CHECK(ratio >= 0.5);
  CHECK(ratio <= 2.5);
}

TEST_CASE("unlinked ministries follow one another in lines instead of one long column") {
  const Planned p = unlinkedPlan(12, 3, true);
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, 300);
  CHECK(graph.dot().find("\" line 1\"") != std::string::npos);
  const double ratio = ratioOf(svgOf(graph));
  INFO(ratio);
  CHECK(ratio >= 0.5);
  CHECK(ratio <= 2.5);
}

}  // namespace
}  // namespace cloudplan::exporters
