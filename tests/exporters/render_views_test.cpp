#include "exporters/reports/render_views.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

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
  read("agencies.csv", models::InputKind::agencies, "code,name,parent\nMIN,Ministry,\n");
  read("systems.csv", models::InputKind::systems,
       "id,name,agency\nMIN/app,App,MIN\nMIN/db,Database,MIN\nDGA/sso,Sign-on,DGA\n");
  read("dependencies.csv", models::InputKind::dependencies,
       "from,to\nMIN/app,MIN/db\nMIN/app,DGA/sso\n");
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 1;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  return p;
}

std::vector<std::string> names(const std::vector<RenderedFile>& files) {
  std::vector<std::string> all;
  for (const auto& file : files)
    all.push_back(file.name);
  return all;
}

TEST_CASE("the views of a plan are the overview, a diagram per wave, the schedule and report") {
  const Planned p = smallPlan();
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, {}, problems);
  CHECK(problems.all().empty());
  CHECK(names(files) == std::vector<std::string>{"overview.svg", "waves/wave-1.svg",
                                                 "waves/wave-2.svg", "waves/wave-3.svg",
                                                 "schedule.svg", "risks.csv", "report.html"});
  for (const auto& file : files) {
    CHECK_FALSE(file.content.empty());
  }
  // The report embeds the drawings.
  CHECK(files.back().content.find("<g id=\"wave2-graph0\"") != std::string::npos);
}

TEST_CASE("progress is told after each diagram and the report, up to the total") {
  const Planned p = smallPlan();
  models::Diagnostics problems;
  RenderOptions options;
  options.agencies = {"MIN", "MIN"};  // asked twice, drawn once, counted both times
  std::vector<std::pair<size_t, size_t>> told;
  options.progress = [&](size_t done, size_t total) { told.emplace_back(done, total); };
  renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  // The overview, three waves, the agency asked twice, the report and the agency's page (asked
  // twice too, written once).
  CHECK(told == std::vector<std::pair<size_t, size_t>>{
                    {1, 9}, {2, 9}, {3, 9}, {4, 9}, {5, 9}, {6, 9}, {7, 9}, {8, 9}, {9, 9}});
}

TEST_CASE("a wave nothing moves in has no diagram, and the views' size does not grow with waves") {
  const testing::Planned p = testing::pinnedPlan(1000);
  REQUIRE(p.plan.waves.size() == 1000);
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, {}, problems);
  CHECK(problems.all().empty());
  CHECK(names(files) == std::vector<std::string>{"overview.svg", "waves/wave-1.svg",
                                                 "waves/wave-1000.svg", "schedule.svg", "risks.csv",
                                                 "report.html"});
  size_t total = 0;
  for (const auto& file : files)
    total += file.content.size();
  CHECK(total < 300 * 1024);
}

TEST_CASE("agency and focus diagrams are drawn on request in each format asked for") {
  const Planned p = smallPlan();
  RenderOptions options;
  options.formats = {ImageFormat::png};
  options.waves = false;
  options.report = false;
  options.agencies = {"MIN"};
  options.focus = {{"MIN/app", 2}};
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  CHECK(names(files) == std::vector<std::string>{"overview.png", "agencies/MIN.png",
                                                 "focus/MIN%2Fapp.png", "schedule.svg",
                                                 "risks.csv"});
  CHECK(files[0].content.substr(1, 3) == "PNG");
}

TEST_CASE(
    "each agency asked for has a page after report.html, and the ministries' index comes last") {
  const Planned p = smallPlan();
  RenderOptions options;
  options.waves = false;
  options.agencies = {"MIN", "DGA", "MIN"};
  options.agencyIndex = true;
  models::RiskRegister risks;
  models::Risk risk;
  risk.kind = models::RiskKind::waveNearLimit;
  risk.wave = 1;
  risk.limit = "MIN systems per wave";
  risk.agencies = {*p.inventory.findAgency("MIN")};
  risk.summary = "a risk of MIN";
  risks.risks.push_back(risk);
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, risks, options, problems);
  CHECK(problems.all().empty());
  REQUIRE(names(files) == std::vector<std::string>{"overview.svg", "agencies/MIN.svg",
                                                   "agencies/DGA.svg", "schedule.svg", "risks.csv",
                                                   "report.html", "report-MIN.html",
                                                   "report-DGA.html", "ministries.html"});
  const std::string& page = files[6].content;
  // Its diagram, embedded and linked; its schedule; its risk, and not in DGA's page.
  CHECK(page.find("<a href=\"agencies/MIN.svg\">agencies/MIN.svg</a>") != std::string::npos);
  CHECK(page.find("<g id=\"agency-graph0\"") != std::string::npos);
  const size_t schedule = page.find("<section id=\"schedule\">");
  REQUIRE(schedule != std::string::npos);
  CHECK(page.find("<div class=\"zoom-view\"><svg", schedule) != std::string::npos);
  CHECK(page.find("a risk of MIN") != std::string::npos);
  CHECK(files[7].content.find("a risk of MIN") == std::string::npos);
  const std::string& index = files[8].content;
  CHECK(index.find("<a href=\"report-MIN.html\">report-MIN.html</a>") != std::string::npos);
  CHECK(index.find("<a href=\"report-DGA.html\">report-DGA.html</a>") != std::string::npos);
}

TEST_CASE("report.html, the pages and the index link each other when they are written") {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("agencies.csv", models::InputKind::agencies),
                              "code,name,parent\nMIN,Ministry,\nOFF,Office,MIN\nOTH,Other,\n");
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency\nMIN/app,App,MIN\nOFF/db,Database,OFF\n"
                              "OTH/x,X,OTH\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  RenderOptions options;
  options.waves = false;
  options.agencies = {"MIN", "OFF"};
  models::Diagnostics problems;
  auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  REQUIRE(names(files) == std::vector<std::string>{"overview.svg", "agencies/MIN.svg",
                                                   "agencies/OFF.svg", "schedule.svg", "risks.csv",
                                                   "report.html", "report-MIN.html",
                                                   "report-OFF.html"});
  // No index: not linked. The codes of the agencies with a page are links, the others text.
  const std::string& report = files[5].content;
  CHECK(report.find("ministries.html") == std::string::npos);
  CHECK(report.find("<td><a href=\"report-MIN.html\">MIN</a></td>") != std::string::npos);
  CHECK(report.find("<td><a href=\"report-OFF.html\">OFF</a></td>") != std::string::npos);
  CHECK(report.find("<td>OTH</td>") != std::string::npos);
  CHECK(files[7].content.find("Part of <a href=\"report-MIN.html\">MIN</a>. ") !=
        std::string::npos);
  CHECK(files[7].content.find("ministries.html") == std::string::npos);
  options.agencies = {"OFF"};
  options.agencyIndex = true;
  files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  REQUIRE(names(files) == std::vector<std::string>{"overview.svg", "agencies/OFF.svg",
                                                   "schedule.svg", "risks.csv", "report.html",
                                                   "report-OFF.html", "ministries.html"});
  CHECK(files[4].content.find("<a href=\"#diagnostics\">Diagnostics</a><a "
                              "href=\"ministries.html\">Ministries</a></nav>") !=
        std::string::npos);
  CHECK(files[4].content.find("<td>MIN</td>") != std::string::npos);
  // MIN has no page: its name is text.
  CHECK(files[5].content.find("Part of MIN. ") != std::string::npos);
  CHECK(files[5].content.find("<a href=\"ministries.html\">") != std::string::npos);
  CHECK(problems.all().empty());
}

TEST_CASE("a page's schedule with a row per system draws every system, a drawing per 500") {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  std::string systems = "id,name,agency\n";
  for (int i = 0; i < 1001; ++i)
    systems += fmt::format("MIN/s{:04},S{},MIN\n", i, i);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              systems);
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 400;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  RenderOptions options;
  options.waves = false;
  options.agencies = {"MIN"};
  options.gantt = GanttRows::systems;
  options.maxNodes = 10;
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  REQUIRE(names(files).back() == "report-MIN.html");
  const std::string& page = files.back().content;
  for (const char* which : {"systems 1 to 500 of 1001", "systems 501 to 1000 of 1001",
                            "systems 1001 to 1001 of 1001"}) {
    CHECK(page.find(which) != std::string::npos);
  }
  for (int i = 0; i < 1001; ++i) {
    CAPTURE(i);
    CHECK(page.find(fmt::format("(MIN/s{:04}) · wave", i)) != std::string::npos);
  }
}

TEST_CASE("a page links its diagram's file only when SVG is among the formats") {
  const Planned p = smallPlan();
  RenderOptions options;
  options.formats = {ImageFormat::png};
  options.waves = false;
  options.agencies = {"MIN"};
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  REQUIRE(names(files) == std::vector<std::string>{"overview.png", "agencies/MIN.png",
                                                   "schedule.svg", "risks.csv", "report.html",
                                                   "report-MIN.html"});
  CHECK(files[5].content.find("<g id=\"agency-graph0\"") != std::string::npos);
  CHECK(files[5].content.find("agencies/MIN.") == std::string::npos);
}

TEST_CASE("an unknown agency or system is an error and the other views are still made") {
  const Planned p = smallPlan();
  RenderOptions options;
  options.agencies = {"MOF"};
  options.focus = {{"MIN/ap", 1}};
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  REQUIRE(problems.all().size() == 2);
  CHECK(problems.all()[0].code == "unknown-agency");
  CHECK(problems.all()[0].message == "no agency 'MOF' in the plan");
  CHECK(problems.all()[1].code == "unknown-system");
  CHECK(names(files).back() == "report.html");
}

TEST_CASE("the same plan gives the same files") {
  const Planned p = smallPlan();
  models::Diagnostics problems;
  const auto first = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, {}, problems);
  const auto second = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, {}, problems);
  REQUIRE(first.size() == second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].content == second[i].content);
  }
}

TEST_CASE("a file name keeps letters, digits, dashes, underscores and dots, and encodes the rest") {
  CHECK(fileNameFor("MOF/payroll") == "MOF%2Fpayroll");
  CHECK(fileNameFor("MOF-TAX:efiling.v2") == "MOF-TAX%3Aefiling.v2");
  CHECK(fileNameFor("..") == "%2E.");
  CHECK(fileNameFor("50%") == "50%25");
  CHECK(fileNameFor("Z\xc3\xbcrich") == "Z%C3%BCrich");
  CHECK(fileNameFor("") == "%");
}

TEST_CASE("codes that differ only in unsafe characters get distinct file names") {
  CHECK(fileNameFor("M/F") == "M%2FF");
  CHECK(fileNameFor("M_F") == "M_F");
  CHECK(fileNameFor("M_F-2") == "M_F-2");
  CHECK(fileNameFor("M%2FF") == "M%252FF");
}

TEST_CASE("a long code gives a file name cut to the cap and told apart by a digest") {
  const std::string code(245, 'A');
  const std::string name = fileNameFor(code);
  CHECK(name.size() == kLongestFileName);
  CHECK(name.substr(0, kLongestFileName - 17) == code.substr(0, kLongestFileName - 17));
  // The first 8 bytes of SHA-256 of 245 A's.
  CHECK(name.substr(kLongestFileName - 17) == "~e35b7e9b743faf47");
  CHECK(fileNameFor(code + "B") != name);
  CHECK(fileNameFor(code).size() == kLongestFileName);
  // A cut never splits an escape.
  const std::string slashes = fileNameFor(std::string(200, '/'));
  CHECK(slashes.size() <= kLongestFileName);
  CHECK(slashes.substr(0, slashes.find('~')).size() % 3 == 0);
}

TEST_CASE("agencies whose codes differ only in unsafe characters are drawn in files of their own") {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency\nA,a,M/F\nB,b,M_F\nC,c,M_F-2\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  RenderOptions options;
  options.waves = false;
  options.report = false;
  options.agencies = {"M/F", "M_F", "M_F-2", "M_F"};
  models::Diagnostics problems;
  const auto files = renderPlanViews(p.inventory, p.plan, p.diagnostics, {}, options, problems);
  CHECK(problems.all().empty());
  REQUIRE(names(files) == std::vector<std::string>{"overview.svg", "agencies/M%2FF.svg",
                                                   "agencies/M_F.svg", "agencies/M_F-2.svg",
                                                   "schedule.svg", "risks.csv"});
  CHECK(files[1].content.find("M/F: 1 system") != std::string::npos);
  CHECK(files[2].content.find("M_F: 1 system") != std::string::npos);
  CHECK(files[3].content.find("M_F&#45;2: 1 system") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
