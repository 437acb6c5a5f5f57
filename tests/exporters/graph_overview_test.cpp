#include "exporters/graphviz/graph_overview.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "exporters/graphviz/graph_style.h"
#include "models/shown_text.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::agencyChainPlan;
using testing::clustersAround;
using testing::pinnedPlan;
using testing::Planned;
using testing::smallPlan;

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

TEST_CASE("agencies nested 100000 deep are drawn 8 levels deep and the title says so") {
  const Planned p = agencyChainPlan(100000);
  const std::string dot = overviewDot(p);
  std::vector<std::string> boxes;
  for (uint32_t level = 0; level < kDrawnAgencyLevels; ++level) {
    boxes.push_back(fmt::format("cluster b0 agency A{}", level));
  }
  CHECK(clustersAround(dot, "S1") == boxes);
  CHECK(clustersAround(dot, "S0") == std::vector<std::string>{"cluster b0 agency A0"});
  CHECK(dot.find("agencies are drawn 8 levels deep: a deeper office&#39;s systems are in the box "
                 "of its level-8 ancestor (the inventory nests 100000 levels)") !=
        std::string::npos);
}

TEST_CASE("a system is filled with its wave's colour and shaped by its type") {
  const Planned p = smallPlan();
  const std::string dot = overviewDot(p);
  const uint32_t wave = p.plan.systems[*p.inventory.findSystem("MIN/db")].wave;
  const size_t at = dot.find("\"MIN/db\"\t[");
  REQUIRE(at != std::string::npos);
  const std::string node = dot.substr(at, dot.find("];", at) - at);
  CHECK(node.find("fillcolor=\"" + waveColour(wave).fill + "\"") != std::string::npos);
  CHECK(node.find("shape=cylinder") != std::string::npos);
  CHECK(node.find(fmt::format("label=<Example database<BR/><FONT POINT-SIZE=\"8\" "
                              "COLOR=\"#333333\">W{} \xC2\xB7 MIN/db \xC2\xB7 G1</FONT>>",
                              wave)) != std::string::npos);
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

TEST_CASE("the table of links between a hundred ministries has rows for the 39 most linked") {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  std::string systems = "id,name,agency\n", dependencies = "from,to\n";
  for (int m = 0; m < 100; ++m) {
    for (int k = 0; k < 4; ++k)
      systems += fmt::format("M{0}/s{1},s,M{0}\n", m, k);
    for (int k = 1; k <= 3 && m + k < 100; ++k)
      dependencies += fmt::format("M{}/s{},M{}/s0\n", m, k, m + k);
  }
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              std::move(systems));
  importers::readInventoryCsv(builder,
                              builder.addFile("dependencies.csv", models::InputKind::dependencies),
                              std::move(dependencies));
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  const std::string dot = overviewDot(p, 50);
  CHECK(dot.find("the table has a row and a column for the 39 ministries with the most such "
                 "links; the other 61 share one") != std::string::npos);
  const size_t table = dot.find("row depends on column");
  REQUIRE(table != std::string::npos);
  const std::string html = dot.substr(table, dot.find("</TABLE>", table) - table);
  size_t rows = 0;
  for (size_t at = html.find("<TR>"); at != std::string::npos; at = html.find("<TR>", at + 1))
    ++rows;
  CHECK(rows == 40);  // the 39 and the others (the header row starts before `table`)
  CHECK(html.find("<B>61 others</B>") != std::string::npos);
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
  CHECK(dot.substr(edge, 200).find("xlabel=1") != std::string::npos);
}

TEST_CASE("offices fold into their ministry when one node per agency is still too many") {
  const std::string dot = overviewDot(smallPlan(), 2);
  CHECK(dot.find("MIN and offices\\n5 systems") != std::string::npos);
  CHECK(dot.find("drawn as 2 nodes, one per ministry (top-level agency, its offices included)") !=
        std::string::npos);
  // Two ministries with one link between them: an edge, not a table.
  const size_t edge = dot.find("\" b0 MIN\" -> \" b0 DGA\"");
  REQUIRE(edge != std::string::npos);
  CHECK(dot.substr(edge, 200).find("xlabel=1") != std::string::npos);
  CHECK(dot.find("links between ministries") == std::string::npos);
}

TEST_CASE("a long name is shown cut at a character, and a long id keeps a key of its own") {
  CHECK(models::shownText("MOF/payroll") == "MOF/payroll");
  const std::string megabyte(1'000'000, 'N');
  CHECK(models::shownText(megabyte) ==
        std::string(models::kLongestShownText - 3, 'N') + "\xE2\x80\xA6");
  // 2-byte letters: the cut falls before one, never inside.
  std::string accents;
  for (int i = 0; i < 100; ++i)
    accents += "\xC3\xA9";
  CHECK(models::shownText(accents) == accents.substr(0, 116) + "\xE2\x80\xA6");
  CHECK(shownKey("A", 7) == "A");
  CHECK(shownKey(megabyte, 1) != shownKey(megabyte + "M", 2));
  CHECK(shownKey(megabyte, 1).size() > models::kLongestShownText);
}

TEST_CASE("a system and an agency named with a megabyte are drawn with their names cut") {
  Planned p = smallPlan();
  const std::string& megabyte = p.inventory.keep(std::string(1'000'000, 'N'));
  p.inventory.systems[*p.inventory.findSystem("MIN/app")].name = megabyte;
  p.inventory.agencies[*p.inventory.findAgency("MIN")].name = megabyte;
  const std::string dot = overviewDot(p);
  CHECK(dot.size() < 20000);
  CHECK(dot.find("label=\"MIN - " + std::string(models::kLongestShownText - 3, 'N') +
                 "\xE2\x80\xA6\"") != std::string::npos);
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
