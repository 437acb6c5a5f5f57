#include "exporters/reports/html_report.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <regex>

#include "engine/plan_migration.h"
#include "exporters/csv/schedule_csv.h"
#include "exporters/json/plan_json.h"
#include "exporters/reports/render_views.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "importers/plan/plan_reader.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

struct Planned {
  models::Diagnostics diagnostics;
  models::Inventory inventory;
  models::Plan plan;
};

// A system whose name is a script, another with a web address among its properties, a tight
// pair, a retiring and a retained system.
Planned hostilePlan() {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  auto read = [&](std::string name, models::InputKind kind, std::string text) {
    importers::readInventoryCsv(builder, builder.addFile(std::move(name), kind), std::move(text));
  };
  read("agencies.csv", models::InputKind::agencies,
       "code,name,parent\nMIN,Ministry of <i>Examples</i>,\nMIN-OFF,Office & Co,MIN\n");
  read("systems.csv", models::InputKind::systems,
       "id,name,agency,type,strategy,notes\n"
       "MIN/app,<script>alert(1)</script>,MIN,application,rehost,\"<img src=x onerror=alert(2)>\"\n"
       "MIN/db,Example database,MIN,database,replatform,see https://example.org/db\n"
       "MIN-OFF/portal,Sample portal,MIN-OFF,application,refactor,\n"
       "MIN-OFF/old,Old archive,MIN-OFF,application,retire,\n"
       "MIN/mainframe,Mainframe,MIN,infrastructure,retain,\n");
  read("dependencies.csv", models::InputKind::dependencies,
       "from,to,coupling\nMIN/app,MIN/db,tight\nMIN-OFF/portal,MIN/app,normal\n"
       "MIN-OFF/portal,MIN-OFF/old,normal\nMIN/app,MIN/mainframe,normal\n");
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  return p;
}

std::string report(const Planned& p, const ReportDrawings& drawings = {}) {
  return planToHtml(p.inventory, p.plan, p.diagnostics, drawings);
}

TEST_CASE("a system named <script>alert(1)</script> is shown as text") {
  const std::string html = report(hostilePlan());
  CHECK(html.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(html.find("Office &amp; Co") == std::string::npos);  // names of agencies are not shown
  // The page's only script is its own.
  CHECK(std::regex_search(html, std::regex("<script>[^]*?</script>[^]*<script>")) == false);
}

TEST_CASE("the report refers to nothing outside the file") {
  const std::string html = report(hostilePlan());
  // The web address of a property is text; no attribute or style loads anything.
  CHECK(html.find("see https://example.org/db") != std::string::npos);
  CHECK_FALSE(
      std::regex_search(html, std::regex("(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//")));
  CHECK_FALSE(std::regex_search(html, std::regex("url\\(\\s*[\"']?\\s*(https?:)?//")));
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
}

TEST_CASE("every system is listed once with the reasons for its wave") {
  const Planned p = hostilePlan();
  const std::string html = report(p);
  for (models::SystemIndex s = 0; s < p.inventory.systems.size(); ++s) {
    const std::string row =
        "<tr class=\"system\" id=\"system-" + std::string(p.inventory.systems[s].id) + "\">";
    const size_t at = html.find(row);
    CHECK(at != std::string::npos);
    CHECK(html.find(row, at + 1) == std::string::npos);
    for (const auto& reason : p.plan.systems[s].reasons) {
      CHECK(html.find("<li>" + reason + "</li>", at) != std::string::npos);
    }
  }
  CHECK(html.find("<section class=\"systems\" id=\"retained\">") <
        html.find("id=\"system-MIN/mainframe\""));
}

TEST_CASE("the summary gives the waves against the lower bound and the move groups") {
  const Planned p = hostilePlan();
  const std::string html = report(p);
  const auto& m = p.plan.metrics;
  CHECK(html.find(fmt::format("<b>{} / {}</b><span>waves / lower bound</span>", m.waves,
                              m.lowerBound.waves)) != std::string::npos);
  CHECK(html.find("<tr id=\"group-G1\"><td>G1</td><td>tight</td>") != std::string::npos);
  CHECK(html.find("<title>Hybrid links after each wave</title>") != std::string::npos);
}

TEST_CASE("the drawings are embedded without namespaces and with ids of their own") {
  const std::string svg =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      "<svg width=\"10pt\" xmlns=\"http://www.w3.org/2000/svg\" "
      "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><g id=\"graph0\"><rect "
      "fill=\"url(#hatch)\"/></g></svg>";
  CHECK(svgForHtml(svg, "overview-") ==
        "<svg width=\"10pt\"><g id=\"overview-graph0\"><rect fill=\"url(#overview-hatch)\"/></g>"
        "</svg>");
  const std::string html = report(hostilePlan(), {.schedule = svg});
  CHECK(html.find("<div class=\"drawing fit\"><svg width=\"10pt\">") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
}

TEST_CASE("only the drawing's ids and references to them are prefixed, never its text") {
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- url(#c) id=\"c\" -->"
      "<g id=\"node1\" class=\"node\"><title>url(#x) id=\"y\"</title>"
      "<a xlink:href=\"#node1\" xlink:title=\"url(#x) id=&quot;y&quot;\">"
      "<path fill=\"url(#hatch)\" stroke='url(#line)' d=\"M0,0\"/>"
      "<rect fill=\"#ffffff\" stroke=\"#333333\"/>"
      "<text x=\"1\"> xmlns=\"a\" url(#x) fill=\"url(#x)\"</text></a></g></svg>";
  CHECK(svgForHtml(svg, "w1-") ==
        "<svg><!-- url(#c) id=\"c\" --><g id=\"w1-node1\" class=\"node\">"
        "<title>url(#x) id=\"y\"</title>"
        "<a xlink:href=\"#w1-node1\" xlink:title=\"url(#x) id=&quot;y&quot;\">"
        "<path fill=\"url(#w1-hatch)\" stroke='url(#w1-line)' d=\"M0,0\"/>"
        "<rect fill=\"#ffffff\" stroke=\"#333333\"/>"
        "<text x=\"1\"> xmlns=\"a\" url(#x) fill=\"url(#x)\"</text></a></g></svg>");
}

TEST_CASE("an agency and a system named url(#x) keep their names in the report's drawings") {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("agencies.csv", models::InputKind::agencies),
                              "code,name\nA,Agency url(#x)\n");
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency\nA/u,see url(#x) id=\"y\",A\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, {}, problems);
  REQUIRE(files.back().name == "report.html");
  const std::string& html = files.back().content;
  CHECK(html.find("-x)") == std::string::npos);  // no url(#overview-x), url(#wave1-x)
  // In the overview and the wave's diagram: the agency's box and the system's tooltip.
  CHECK(html.find("A &#45; Agency url(#x)</text>", html.find("overview-graph0")) !=
        std::string::npos);
  CHECK(html.find("A &#45; Agency url(#x)</text>", html.find("wave1-graph0")) != std::string::npos);
  CHECK(html.find("xlink:title=\"A/u: see url(#x) id=&quot;y&quot;") != std::string::npos);
}

TEST_CASE("a wave's drawing too large to embed is linked beside the report") {
  const Planned p = hostilePlan();
  ReportDrawings drawings;
  drawings.waves = {"<svg><g id=\"small\"/></svg>",
                    "<svg>" + std::string(kLargestEmbeddedWave, ' ') + "</svg>"};
  drawings.waveFiles = {"waves/wave-1.svg", "waves/wave-2.svg"};
  const std::string html = report(p, drawings);
  CHECK(html.find("<g id=\"wave1-small\"/>") != std::string::npos);
  CHECK(html.find("too large to embed (512 KB): <a href=\"waves/wave-2.svg\">") !=
        std::string::npos);
}

TEST_CASE("a run of waves nothing moves in is one line of the report and has no bars") {
  const testing::Planned p = testing::pinnedPlan(1000);
  const std::string html = planToHtml(p.inventory, p.plan, p.diagnostics, {});
  CHECK(html.find("<p class=\"muted\" id=\"wave-2\">Waves 2 to 999: no system moves (") !=
        std::string::npos);
  CHECK(html.find("id=\"wave-3\"") == std::string::npos);
  CHECK(html.find("<section class=\"systems\" id=\"wave-1000\">") != std::string::npos);
  CHECK(html.find("<title>after wave 500:") == std::string::npos);
  CHECK(html.find("<title>after wave 1000:") != std::string::npos);
  CHECK(html.find("The 998 waves nothing moves in are left out.") != std::string::npos);
  CHECK(html.size() < 100 * 1024);
}

TEST_CASE("the diagnostics of the inputs are listed") {
  Planned p = hostilePlan();
  p.diagnostics.warning("retained-loses-provider", "dependencies.csv", 3, "a <warning>");
  const std::string html = report(p);
  CHECK(html.find("<td class=\"severity-warning\">warning</td><td "
                  "class=\"id\">dependencies.csv:3</td><td "
                  "class=\"id\">retained-loses-provider</td><td>a &lt;warning&gt;</td>") !=
        std::string::npos);
  CHECK(html.find("<p>0 errors, 1 warning, 0 notes.</p>") != std::string::npos);
}

TEST_CASE("a plan read back from its plan.json gives the same report and schedule") {
  const Planned p = hostilePlan();
  const std::string json = planToJson(p.inventory, p.plan, p.diagnostics);
  models::Diagnostics problems;
  const auto loaded =
      importers::planFromJson(nlohmann::ordered_json::parse(json), "plan.json", problems);
  INFO((problems.all().empty() ? std::string() : problems.all()[0].message));
  REQUIRE(loaded);
  CHECK(planToJson(loaded->inventory, loaded->plan, loaded->diagnostics) == json);
  CHECK(planToHtml(loaded->inventory, loaded->plan, loaded->diagnostics, {}) == report(p));
  CHECK(scheduleToCsv(loaded->inventory, loaded->plan) == scheduleToCsv(p.inventory, p.plan));
}

TEST_CASE("the same plan gives the same report bytes") {
  CHECK(report(hostilePlan()) == report(hostilePlan()));
}

}  // namespace
}  // namespace cloudplan::exporters
