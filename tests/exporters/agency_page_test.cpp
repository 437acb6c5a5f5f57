#include "exporters/reports/agency_page.h"

#include <fmt/format.h>

#include <tuple>

#include <catch2/catch.hpp>

#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_pan_zoom.h"
#include "tests/exporters/ministry_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::agencyOf;
using testing::between;

std::string pageOf(const testing::MinistryPlan& p, std::string_view code,
                   const AgencyPageDrawings& drawings = {}) {
  return agencyPageToHtml(p.inventory, p.plan, p.risks, agencyOf(p.inventory, code), drawings);
}

TEST_CASE(
    "a ministry's page shows its contacts: the e-mail as a mailto link, the website as a link") {
  const auto p = testing::ministryPlan();
  const std::string html = pageOf(p, "MIN");
  const std::string contacts = between(html, "<section id=\"contacts\">", "</section>");
  CHECK(contacts.find("<tr><th>cio_name</th><td>Ana &lt;b&gt;Cruz&lt;/b&gt;</td></tr>") !=
        std::string::npos);
  CHECK(contacts.find("<tr><th>cio_email</th><td><a href=\"mailto:cio@min.example\">"
                      "cio@min.example</a></td></tr>") != std::string::npos);
  CHECK(contacts.find("<tr><th>website</th><td><a href=\"https://min.example/?a=1&amp;b=2\">"
                      "https://min.example/?a=1&amp;b=2</a></td></tr>") != std::string::npos);
}

TEST_CASE("a ministry's name and code head its page, escaped, with a link back to report.html") {
  const auto p = testing::ministryPlan();
  const std::string html = pageOf(p, "MIN");
  CHECK(html.find("<title>Ministry of &lt;i&gt;Examples&lt;/i&gt; &amp; Co (MIN): migration "
                  "plan</title>") != std::string::npos);
  CHECK(html.find("<h1>Ministry of &lt;i&gt;Examples&lt;/i&gt; &amp; Co <span "
                  "class=\"id\">MIN</span></h1>") != std::string::npos);
  CHECK(html.find("<a href=\"report.html\">") != std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
}

TEST_CASE("a contact that is neither an e-mail address nor an http(s) address is text") {
  const auto p = testing::ministryPlan();
  const std::string html = pageOf(p, "MIN-OFF");
  CHECK(html.find("<tr><th>website</th><td>javascript:alert(1)</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><th>cio_email</th><td>not an address</td></tr>") != std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(pageOf(p, "OTH").find("<td>ftp://oth.example</td>") != std::string::npos);
}

TEST_CASE("contact values become links only when they are plain addresses") {
  CHECK(contactHtml("cio@moh.gov.example") ==
        "<a href=\"mailto:cio@moh.gov.example\">cio@moh.gov.example</a>");
  CHECK(contactHtml("first.last+it@x-y.example") ==
        "<a href=\"mailto:first.last+it@x-y.example\">first.last+it@x-y.example</a>");
  CHECK(contactHtml("HTTPS://Example.org/a?b=1&c=2") ==
        "<a href=\"HTTPS://Example.org/a?b=1&amp;c=2\">HTTPS://Example.org/a?b=1&amp;c=2</a>");
  CHECK(contactHtml("http://x.example") == "<a href=\"http://x.example\">http://x.example</a>");
  // Headers in a mailto, a second address, a quote, markup, a space, another scheme: text.
  CHECK(contactHtml("a@b.example?cc=c@d.example") == "a@b.example?cc=c@d.example");
  CHECK(contactHtml("a@b.example, c@d.example") == "a@b.example, c@d.example");
  CHECK(contactHtml("a\"@b.example") == "a&quot;@b.example");
  CHECK(contactHtml("https://x.example/\"onmouseover=\"alert(1)") ==
        "https://x.example/&quot;onmouseover=&quot;alert(1)");
  CHECK(contactHtml("https://x.example/<script>") == "https://x.example/&lt;script&gt;");
  CHECK(contactHtml("https://x.example/a b") == "https://x.example/a b");
  CHECK(contactHtml("https://") == "https://");
  CHECK(contactHtml("mailto:a@b.example") == "mailto:a@b.example");
  CHECK(contactHtml("a@localhost") == "a@localhost");
  CHECK(contactHtml("@b.example") == "@b.example");
}

TEST_CASE("a ministry's page lists its offices, with their systems, waves and contacts") {
  const auto p = testing::ministryPlan();
  const std::string offices = between(pageOf(p, "MIN"), "<section id=\"offices\">", "</section>");
  CHECK(offices.find("<span class=\"id\">MIN-OFF</span><br><span class=\"name\">Office of "
                     "Samples</span>") != std::string::npos);
  CHECK(offices.find("<span class=\"muted\">cio_name:</span> Yusuf Demir") != std::string::npos);
  CHECK(offices.find("OTH") == std::string::npos);
  CHECK(between(pageOf(p, "OTH"), "<section id=\"offices\">", "</section>")
            .find("<p>None: no agency is below OTH.</p>") != std::string::npos);
}

TEST_CASE(
    "a ministry's page lists its systems and its offices' with their waves, dates and "
    "reasons") {
  const auto p = testing::ministryPlan();
  const std::string systems = between(pageOf(p, "MIN"), "<section id=\"systems\">", "</section>");
  for (const char* id : {"MIN/app", "MIN/db", "MIN-OFF/portal", "MIN/mainframe"}) {
    CHECK(systems.find(std::string("id=\"system-") + id + "\"") != std::string::npos);
  }
  CHECK(systems.find("OTH/") == std::string::npos);
  CHECK(systems.find("DGA/") == std::string::npos);
  // The hostile name is text; the reasons are listed; a retained system says so.
  CHECK(systems.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(systems.find("<script") == std::string::npos);
  const auto& app = p.plan.systems[*p.inventory.findSystem("MIN/app")];
  REQUIRE(app.wave > 0);
  REQUIRE_FALSE(app.reasons.empty());
  const auto& wave = p.plan.waves[app.wave - 1];
  const std::string row = between(systems, "id=\"system-MIN/app\"", "</tr>");
  CHECK(row.find("<td>MIN</td><td>application</td><td>rehost</td><td>high</td>") !=
        std::string::npos);
  CHECK(row.find(fmt::format("{}<br><span class=\"muted dates\">{} to {}</span>", app.wave,
                             models::formatDate(wave.start), models::formatDate(wave.end))) !=
        std::string::npos);
  CHECK(row.find("<li>" + app.reasons[0] + "</li>") != std::string::npos);
  CHECK(between(systems, "id=\"system-MIN/mainframe\"", "</tr>").find("<td>retained</td>") !=
        std::string::npos);
  // No re-plan, no status column.
  CHECK(systems.find("<th>Status</th>") == std::string::npos);
}

TEST_CASE("after a re-plan, each system's status and baseline wave are shown") {
  auto p = testing::ministryPlan();
  p.plan.settings.replan = models::ReplanSettings{};
  auto& app = p.plan.systems[*p.inventory.findSystem("MIN/app")];
  app.status = models::ProgressStatus::done;
  app.baselineWave = 1;
  const std::string systems = between(pageOf(p, "MIN"), "<section id=\"systems\">", "</section>");
  CHECK(systems.find("<th>Status</th>") != std::string::npos);
  CHECK(between(systems, "id=\"system-MIN/app\"", "</tr>")
            .find("<td>done<br><span class=\"muted\">baseline: wave 1</span></td>") !=
        std::string::npos);
  CHECK(between(systems, "id=\"system-MIN/db\"", "</tr>")
            .find("<td>planned<br><span class=\"muted\">not in the baseline</span></td>") !=
        std::string::npos);
}

TEST_CASE(
    "a ministry's links to other ministries are listed in both directions, with the waves "
    "of both ends") {
  const auto p = testing::ministryPlan();
  const std::string html = pageOf(p, "MIN");
  CHECK(html.find("<h2>Links to other ministries</h2>") != std::string::npos);
  const std::string waiting = between(html, "<h3>Who waits for them</h3>", "<h3>");
  const std::string waitedFor = between(html, "<h3>Whom they wait for</h3>", "</section>");
  REQUIRE_FALSE(waiting.empty());
  REQUIRE_FALSE(waitedFor.empty());
  // OTH/client depends on MIN/app; MIN-OFF/portal on OTH/api and MIN/app on DGA/sso.
  CHECK(waiting.find("OTH/client") != std::string::npos);
  CHECK(waiting.find("OTH/api") == std::string::npos);
  CHECK(waitedFor.find("OTH/api") != std::string::npos);
  CHECK(waitedFor.find("DGA/sso") != std::string::npos);
  CHECK(waitedFor.find("OTH/client") == std::string::npos);
  // Links inside the ministry (to its office too) are not listed.
  CHECK(waitedFor.find("MIN/db") == std::string::npos);
  CHECK(waiting.find("MIN-OFF/portal") == std::string::npos);
  // Both ends' waves.
  auto waveOf = [&](const char* id) { return p.plan.systems[*p.inventory.findSystem(id)].wave; };
  const std::string row = between(waiting, "<tr><td><span class=\"id\">MIN/app", "</tr>");
  const std::string apiRow =
      between(waitedFor, "<tr><td><span class=\"id\">MIN-OFF/portal", "</tr>");
  CHECK(row.find(fmt::format("</span>{}<br>", waveOf("MIN/app"))) != std::string::npos);
  CHECK(row.find(fmt::format("</span>{}<br>", waveOf("OTH/client"))) != std::string::npos);
  CHECK(row.find("<td>normal</td><td>api</td>") != std::string::npos);
  CHECK(apiRow.find("<td>OTH</td>") != std::string::npos);
  CHECK(apiRow.find("<td>loose</td><td>batch</td>") != std::string::npos);
}

TEST_CASE("an office's page lists the links that leave it, its own ministry's too") {
  const auto p = testing::ministryPlan();
  const std::string html = pageOf(p, "MIN-OFF");
  CHECK(html.find("Part of MIN.") != std::string::npos);
  CHECK(html.find("<h2>Links to other agencies</h2>") != std::string::npos);
  const std::string waitedFor = between(html, "<h3>Whom they wait for</h3>", "</section>");
  CHECK(waitedFor.find("OTH/api") != std::string::npos);
  CHECK(waitedFor.find("<span class=\"id\">MIN/app</span>") != std::string::npos);
  CHECK(between(html, "<h3>Who waits for them</h3>", "<h3>").find("<p>None.</p>") !=
        std::string::npos);
}

TEST_CASE("a ministry's page lists its risks and its offices', not another ministry's") {
  const auto p = testing::ministryPlan();
  const std::string risks = between(pageOf(p, "MIN"), "<section id=\"risks\">", "</section>");
  CHECK(risks.find("the office&#39;s &lt;portal&gt; at risk") != std::string::npos);
  CHECK(risks.find("the other ministry") == std::string::npos);
  const std::string others = between(pageOf(p, "OTH"), "<section id=\"risks\">", "</section>");
  CHECK(others.find("the other ministry&#39;s risk") != std::string::npos);
  CHECK(others.find("portal") == std::string::npos);
  CHECK(between(pageOf(p, "DGA"), "<section id=\"risks\">", "</section>").find("No risks") !=
        std::string::npos);
}

TEST_CASE("a page embeds its diagram and each page of its schedule, and links the diagram's file") {
  const auto p = testing::ministryPlan();
  AgencyPageDrawings drawings;
  drawings.diagram =
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"graph0\">"
      "<text>diagram</text></g></svg>";
  drawings.diagramFile = "agencies/M%2FF.svg";
  drawings.schedules = {"<svg><g id=\"rows\"><text>schedule</text></g></svg>",
                        "<svg><g id=\"rows\"><text>page 2</text></g></svg>"};
  const std::string html = pageOf(p, "MIN", drawings);
  const std::string diagram = between(html, "<section id=\"diagram\">", "</section>");
  CHECK(diagram.find("<a href=\"agencies/M%252FF.svg\">agencies/M%2FF.svg</a>") !=
        std::string::npos);
  CHECK(
      diagram.find("<div class=\"zoom-view\"><svg><g id=\"agency-graph0\"><text>diagram</text>") !=
      std::string::npos);
  const std::string schedule = between(html, "<section id=\"schedule\">", "</section>");
  const size_t first =
      schedule.find("<div class=\"zoom-view\"><svg><g id=\"schedule-rows\"><text>schedule</text>");
  const size_t second =
      schedule.find("<div class=\"zoom-view\"><svg><g id=\"schedule-2-rows\"><text>page 2</text>");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  CHECK(html.find("<?xml") == std::string::npos);
}

TEST_CASE("a page's drawings zoom as report.html's: the same controls, style and script") {
  const auto p = testing::ministryPlan();
  AgencyPageDrawings drawings;
  drawings.diagram = "<svg><text>diagram</text></svg>";
  drawings.schedules = {"<svg><text>schedule</text></svg>"};
  const std::string html = pageOf(p, "MIN", drawings);
  CHECK(html.find(kPanZoomStyle) != std::string::npos);
  CHECK(html.find("<script>" + std::string(kPanZoomScript) + "</script>") != std::string::npos);
  CHECK(between(html, "<section id=\"diagram\">", "</section>")
            .find("<figure class=\"drawing zoom\"><div class=\"zoom-bar\" hidden>") !=
        std::string::npos);
  CHECK(between(html, "<section id=\"schedule\">", "</section>")
            .find("<figure class=\"drawing zoom\"><div class=\"zoom-bar\" hidden>") !=
        std::string::npos);
}

TEST_CASE("a page's risk table reads as report.html's: a lost provider in red, kinds unbroken") {
  const auto p = testing::ministryPlan();
  const std::string html = pageOf(p, "MIN");
  CHECK(html.find("table.risks tr.risk-lost-provider td:nth-child(2) { color: #b2182b;") !=
        std::string::npos);
  CHECK(html.find(
            "table.risks td:nth-child(2), table.risks td:nth-child(5) { white-space: nowrap; }") !=
        std::string::npos);
}

TEST_CASE("a page prints as report.html does: landscape, the drawings each from a new page") {
  const std::string html = pageOf(testing::ministryPlan(), "MIN");
  CHECK(html.find("@page { size: landscape; margin: 12mm; }") != std::string::npos);
  CHECK(html.find("#diagram, #schedule { break-before: page; }") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
}

TEST_CASE("a page asks for nothing outside itself, its one script is the inline pan and zoom") {
  const auto p = testing::ministryPlan();
  for (const char* code : {"MIN", "MIN-OFF", "OTH", "DGA"}) {
    const std::string html = pageOf(p, code);
    const size_t script = html.find("<script");
    REQUIRE(script != std::string::npos);
    CHECK(html.compare(script, 8, "<script>") == 0);
    CHECK(html.find("<script", script + 1) == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
  }
}

TEST_CASE("an agency only systems name, with none of its own, has a page that says so") {
  testing::MinistryPlan p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency\nX/a,A,X\n");
  p.inventory = builder.finish();
  p.inventory.internAgency("EMPTY");
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  const std::string x = pageOf(p, "X");
  CHECK(x.find("No agencies file lists X: only its systems name it.") != std::string::npos);
  CHECK(x.find("1 system of X: all move in wave 1") != std::string::npos);
  const std::string empty = pageOf(p, "EMPTY");
  CHECK(empty.find("The plan has no system of EMPTY.") != std::string::npos);
  CHECK(empty.find("<p>None: the plan has no system of EMPTY.</p>") != std::string::npos);
}

TEST_CASE("a page's file name is report- and the code's file name, its href escapes the %") {
  CHECK(agencyPageName("MOH") == "report-MOH.html");
  CHECK(agencyPageName("M/F") == "report-M%2FF.html");
  CHECK(hrefFor(agencyPageName("M/F")) == "report-M%252FF.html");
}

TEST_CASE("a page links ministries.html and its parent's page only when they are written") {
  const auto p = testing::ministryPlan();
  AgencyPageDrawings drawings;
  CHECK(pageOf(p, "MIN-OFF", drawings).find("Part of MIN. ") != std::string::npos);
  CHECK(pageOf(p, "MIN-OFF", drawings).find("ministries.html") == std::string::npos);
  drawings.pages.agencyPages.resize(p.inventory.agencies.size());
  drawings.pages.agencyPages[agencyOf(p.inventory, "MIN")] = "report-MIN.html";
  drawings.pages.ministries = true;
  const std::string office = pageOf(p, "MIN-OFF", drawings);
  CHECK(office.find("<p><a href=\"report.html\">The whole plan (report.html)</a> · <a "
                    "href=\"ministries.html\">The ministries (ministries.html)</a></p>") !=
        std::string::npos);
  CHECK(office.find("Part of <a href=\"report-MIN.html\">MIN</a>. ") != std::string::npos);
  // A ministry has no parent to link.
  CHECK(pageOf(p, "MIN", drawings).find("Part of") == std::string::npos);
}

TEST_CASE("a ministry's table of offices links an office's page only when it is written") {
  const auto p = testing::ministryPlan();
  AgencyPageDrawings drawings;
  const std::string offices = [&] {
    const std::string html = pageOf(p, "MIN", drawings);
    return between(html, "<section id=\"offices\">", "</section>");
  }();
  CHECK(offices.find("<span class=\"id\">MIN-OFF</span>") != std::string::npos);
  drawings.pages.agencyPages.resize(p.inventory.agencies.size());
  drawings.pages.agencyPages[agencyOf(p.inventory, "MIN-OFF")] = "report-MIN-OFF.html";
  const std::string html = pageOf(p, "MIN", drawings);
  CHECK(between(html, "<section id=\"offices\">", "</section>")
            .find("<span class=\"id\"><a href=\"report-MIN-OFF.html\">MIN-OFF</a></span>") !=
        std::string::npos);
}

TEST_CASE("an agency's wave span counts its systems and its offices', at any depth") {
  // A > B > C; D beside. C's system moves in wave 1, B's in wave 2, A's is retained.
  testing::MinistryPlan p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("agencies.csv", models::InputKind::agencies),
                              "code,name,parent\nC,C,B\nB,B,A\nA,A,\nD,D,\n");
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency,pinned_wave,strategy\nc,C,C,1,rehost\n"
                              "b,B,B,2,rehost\na,A,A,,retain\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  const models::AgencyTree tree(p.inventory);
  const auto spans = waveSpansOf(tree, p.inventory, p.plan);
  auto spanOf = [&](std::string_view code) {
    const WaveSpan& span = spans[agencyOf(p.inventory, code)];
    return std::tuple(span.systems, span.scheduled, span.first, span.last);
  };
  CHECK(spanOf("C") == std::tuple(size_t{1}, size_t{1}, 1u, 1u));
  CHECK(spanOf("B") == std::tuple(size_t{2}, size_t{2}, 1u, 2u));
  CHECK(spanOf("A") == std::tuple(size_t{3}, size_t{2}, 1u, 2u));
  CHECK(spanOf("D") == std::tuple(size_t{0}, size_t{0}, 0u, 0u));
  CHECK(wavesText(spans[agencyOf(p.inventory, "A")]) == "1 to 2");
}

TEST_CASE("a ministry of 50,000 offices has its page in time linear in the plan") {
  // Each office's row counts its systems once, from the spans, not by a walk of every system and
  // every agency's parents per office (50,000 x 50,000).
  testing::MinistryPlan p;
  p.plan.waves.resize(1);
  p.plan.waves[0] = {.number = 1,
                     .start = *models::parseDate("2027-01-04"),
                     .end = *models::parseDate("2027-01-31")};
  const auto ministry = p.inventory.internAgency("MIN");
  for (uint32_t i = 0; i < 50000; ++i) {
    const auto office = p.inventory.internAgency(p.inventory.keep(fmt::format("O{:05}", i)));
    p.inventory.agencies[office].parent = ministry;
    models::System system;
    system.id = p.inventory.keep(fmt::format("S{:05}", i));
    system.agency = office;
    p.plan.waves[0].systems.push_back(*p.inventory.addSystem(system));
    p.plan.systems.push_back({.wave = 1});
  }
  const std::string html = pageOf(p, "MIN");
  CHECK(html.find("50000 systems of MIN and its 50000 offices: all move in wave 1") !=
        std::string::npos);
  CHECK(html.find("O49999</span></td><td class=\"number\">1</td><td>1</td>") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
