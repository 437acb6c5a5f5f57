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

std::string report(const Planned& p, const ReportDrawings& drawings = {},
                   const models::RiskRegister& risks = {}) {
  return planToHtml(p.inventory, p.plan, p.diagnostics, risks, drawings);
}

// The text of the section with this id (up to the next section that is not inside it).
std::string section(const std::string& html, std::string_view id) {
  const size_t at = html.find(fmt::format("<section id=\"{}\">", id));
  if (at == std::string::npos) return {};
  const size_t next = html.find("<section id=", at + 1);
  return html.substr(at, next == std::string::npos ? std::string::npos : next - at);
}

// A register of `count` hybrid links, named "Risk 1" to "Risk <count>", highest exposure first.
models::RiskRegister hybridRisks(size_t count) {
  models::RiskRegister register_;
  for (size_t i = 0; i < count; ++i) {
    models::Risk risk;
    risk.kind = models::RiskKind::hybridLink;
    risk.dependency = 0;
    risk.fromWave = 1;
    risk.toWave = 3;
    risk.days = 56;
    risk.exposure = static_cast<double>(3 * (count - i));
    risk.summary = fmt::format("Risk {}.", i + 1);
    register_.risks.push_back(std::move(risk));
  }
  return register_;
}

// `count` systems of one agency and no link: with no limit, all move in wave 1.
Planned manySystems(size_t count) {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  std::string systems = "id,name,agency,type,strategy\n";
  for (size_t i = 0; i < count; ++i)
    systems += fmt::format("A/s{:04},System {},A,application,rehost\n", i, i);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              std::move(systems));
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  return p;
}

size_t occurrences(const std::string& text, std::string_view what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++count;
  return count;
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
  CHECK(html.find("<div class=\"zoom-view\"><svg width=\"10pt\">") != std::string::npos);
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
  const std::string html = planToHtml(p.inventory, p.plan, p.diagnostics, {}, {});
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
  CHECK(planToHtml(loaded->inventory, loaded->plan, loaded->diagnostics, {}, {}) == report(p));
  CHECK(scheduleToCsv(loaded->inventory, loaded->plan) == scheduleToCsv(p.inventory, p.plan));
}

TEST_CASE("the summary leads with the ten risks of highest exposure") {
  const std::string html = report(hostilePlan(), {}, hybridRisks(12));
  const std::string summary = section(html, "summary");
  REQUIRE(!summary.empty());
  CHECK(summary.find("<h3>Top risks</h3>") < summary.find("waves / lower bound"));
  CHECK(summary.find("<td>Risk 1.</td>") < summary.find("<td>Risk 10.</td>"));
  CHECK(summary.find("<td>Risk 10.</td>") < summary.find("<div class=\"figures\">"));
  CHECK(summary.find("<td>Risk 11.</td>") == std::string::npos);
  CHECK(summary.find("and 2 more risks in <a href=\"risks.csv\">risks.csv</a>") !=
        std::string::npos);
  CHECK(summary.find("<a href=\"#risks\">The risk register</a>: 12 risks, by exposure") !=
        std::string::npos);
}

TEST_CASE("the risk register is a section of its own with every risk") {
  const std::string html = report(hostilePlan(), {}, hybridRisks(12));
  CHECK(html.find("<a href=\"#risks\">Risks</a>") != std::string::npos);
  const std::string risks = section(html, "risks");
  REQUIRE(!risks.empty());
  for (size_t i = 1; i <= 12; ++i)
    CHECK(risks.find(fmt::format("<td>Risk {}.</td>", i)) != std::string::npos);
  CHECK(risks.find("more in risks.csv") == std::string::npos);
  CHECK(risks.find("<tr class=\"risk-hybrid-link\"><td class=\"number\">12</td><td>hybrid "
                   "link</td><td>Risk 12.</td><td class=\"criticality-low\">low</td><td>1 to 3</td>"
                   "<td class=\"number\">56</td>"
                   "<td class=\"number\">3</td></tr>") != std::string::npos);
}

TEST_CASE("a register longer than a page shows its first 500 risks and names risks.csv") {
  const std::string risks = section(report(hostilePlan(), {}, hybridRisks(503)), "risks");
  CHECK(risks.find("<td>Risk 500.</td>") != std::string::npos);
  CHECK(risks.find("<td>Risk 501.</td>") == std::string::npos);
  CHECK(risks.find("and 3 more risks in <a href=\"risks.csv\">risks.csv</a>") != std::string::npos);
}

TEST_CASE("a plan without risks says so first") {
  const std::string summary = section(report(hostilePlan()), "summary");
  CHECK(summary.find("<h3>Top risks</h3>\n<p class=\"muted\">No risks: no link is left "
                     "hybrid") != std::string::npos);
  CHECK(summary.find("The risk register") == std::string::npos);
}

TEST_CASE("a risk's summary is shown as text") {
  models::RiskRegister risks = hybridRisks(1);
  risks.risks[0].summary = "MIN/app (<script>alert(3)</script>) loses MIN/db";
  const std::string html = report(hostilePlan(), {}, risks);
  CHECK(html.find("<script>alert(3)") == std::string::npos);
  CHECK(occurrences(html, "MIN/app (&lt;script&gt;alert(3)&lt;/script&gt;) loses MIN/db") == 2);
}

TEST_CASE("the drawings are zoomable and link to their full files beside the report") {
  const Planned p = hostilePlan();
  ReportDrawings drawings;
  drawings.schedule = "<svg viewBox=\"0 0 10 10\"><g id=\"s\"/></svg>";
  drawings.overview = "<svg viewBox=\"0 0 10 10\"><g id=\"o\"/></svg>";
  drawings.waves = {"<svg><g id=\"w\"/></svg>"};
  drawings.waveFiles = {"waves/wave-1.svg"};
  drawings.overviewFile = "overview.svg";
  drawings.scheduleFile = "schedule.svg";
  std::string html = report(p, drawings);
  CHECK(occurrences(html, "<figure class=\"drawing zoom\">") == 3);
  CHECK(section(html, "overview").find("<a href=\"overview.svg\">overview.svg</a>") !=
        std::string::npos);
  CHECK(section(html, "schedule").find("<a href=\"schedule.svg\">schedule.svg</a>") !=
        std::string::npos);
  CHECK(html.find("<g id=\"wave1-w\"/></svg></div><figcaption>The full drawing: <a "
                  "href=\"waves/wave-1.svg\">waves/wave-1.svg</a>") != std::string::npos);
  // The controls are the script's: without it they stay hidden.
  CHECK(occurrences(html, "<div class=\"zoom-bar\" hidden>") == 3);
  CHECK(html.find("figure.zoom") != std::string::npos);  // the script that makes them work
  // A drawing not written beside the report is not linked.
  drawings.overviewFile.clear();
  html = report(p, drawings);
  CHECK(section(html, "overview").find("The full drawing") == std::string::npos);
}

TEST_CASE("the report has a print style sheet without the zoom controls") {
  const std::string html = report(hostilePlan());
  const size_t print = html.find("@media print {\n  .zoom-bar");
  REQUIRE(print != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(html.find("@page { size: landscape;") != std::string::npos);
}

TEST_CASE("every table of the report scrolls in a box of its own") {
  const std::string html = report(hostilePlan(), {}, hybridRisks(2));
  CHECK(occurrences(html, "<table") > 5);
  CHECK(occurrences(html, "<table") == occurrences(html, "<div class=\"scroll\"><table"));
}

TEST_CASE("a wave of more than 500 systems is cut into pages folded away") {
  const Planned p = manySystems(1201);
  REQUIRE(p.plan.waves.size() == 1);
  const std::string html = report(p);
  CHECK(occurrences(html, "<details class=\"rows\">") == 3);
  CHECK(html.find("<details class=\"rows\"><summary>Systems 1 to 500 of 1201</summary>") !=
        std::string::npos);
  CHECK(html.find("<summary>Systems 501 to 1000 of 1201</summary>") != std::string::npos);
  CHECK(html.find("<summary>Systems 1001 to 1201 of 1201</summary>") != std::string::npos);
  CHECK(occurrences(html, "<tr class=\"system\"") == 1201);
  // In the inventory's order, each page a table with its head.
  CHECK(html.find("id=\"system-A/s0499\"") < html.find("Systems 501 to 1000"));
  CHECK(html.find("Systems 501 to 1000") < html.find("id=\"system-A/s0500\""));
  CHECK(occurrences(html, "<th>Why this wave</th>") == 3);
}

TEST_CASE("a wave of 500 systems is one table") {
  const std::string html = report(manySystems(500));
  CHECK(html.find("<details class=\"rows\">") == std::string::npos);
  CHECK(occurrences(html, "<th>Why this wave</th>") == 1);
}

TEST_CASE("the same plan gives the same report bytes") {
  CHECK(report(hostilePlan()) == report(hostilePlan()));
}

TEST_CASE("the overview's lead says the boxes show the names, not to hover for them") {
  const std::string overview = section(report(hostilePlan()), "overview");
  CHECK(overview.find("each system's box gives its name") != std::string::npos);
  CHECK(overview.find("hover") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
