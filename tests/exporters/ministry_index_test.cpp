#include "exporters/reports/ministry_index.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "exporters/reports/agency_page.h"
#include "tests/exporters/ministry_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::agencyOf;

std::string rowOf(const std::string& html, const std::string& code) {
  // From the start of the row that shows the code.
  const size_t start = html.rfind("<tr>", html.find("<span class=\"id\">" + code + "</span>"));
  return start == std::string::npos ? std::string()
                                    : html.substr(start, html.find("</tr>", start) - start);
}

TEST_CASE("the ministries are the agencies with no parent, in the inventory's order") {
  const auto p = testing::ministryPlan();
  CHECK(ministriesOf(p.inventory) ==
        std::vector<models::AgencyIndex>{agencyOf(p.inventory, "MIN"), agencyOf(p.inventory, "OTH"),
                                         agencyOf(p.inventory, "DGA")});
}

TEST_CASE("the index has a row per ministry with its CIO, systems, waves, risks and page") {
  const auto p = testing::ministryPlan();
  const std::vector<models::AgencyIndex> pages = ministriesOf(p.inventory);
  const std::string html = ministryIndexToHtml(p.inventory, p.plan, p.risks, pages);
  CHECK(html.find("<a href=\"report.html\">") != std::string::npos);
  CHECK(html.find("3 ministries, 7 systems in the plan.") != std::string::npos);
  // An office has no row of its own: its systems and risks count for its ministry.
  CHECK(html.find("MIN-OFF") == std::string::npos);
  const std::string min = rowOf(html, "MIN");
  uint32_t first = UINT32_MAX, last = 0;
  for (const char* id : {"MIN/app", "MIN/db", "MIN-OFF/portal"}) {
    const uint32_t wave = p.plan.systems[*p.inventory.findSystem(id)].wave;
    first = std::min(first, wave);
    last = std::max(last, wave);
  }
  REQUIRE(first < last);
  CHECK(min ==
        "<tr><td><a href=\"report-MIN.html\">Ministry of &lt;i&gt;Examples&lt;/i&gt; &amp; "
        "Co</a><br><span class=\"id\">MIN</span></td><td>Ana &lt;b&gt;Cruz&lt;/b&gt;<br><a "
        "href=\"mailto:cio@min.example\">cio@min.example</a></td><td class=\"number\">4<br><span "
        "class=\"muted\">1 retained</span></td><td>" +
            fmt::format("{} to {}", first, last) +
            "</td><td class=\"number\">1</td><td><a href=\"report-MIN.html\">report-MIN.html</a>"
            "</td>");
  const std::string oth = rowOf(html, "OTH");
  CHECK(oth.find("<td>Lee Seo-yeon<br><a href=\"mailto:lee@oth.example\">lee@oth.example</a>"
                 "</td>") != std::string::npos);
  CHECK(oth.find("<td class=\"number\">2</td>") != std::string::npos);
  CHECK(oth.find("<td class=\"number\">1</td><td><a href=\"report-OTH.html\">") !=
        std::string::npos);
  const std::string dga = rowOf(html, "DGA");
  CHECK(dga.find("<td></td><td class=\"number\">1</td>") != std::string::npos);
  CHECK(dga.find("<td class=\"number\">0</td>") != std::string::npos);
}

TEST_CASE("a ministry with no page of its own is listed without a link") {
  const auto p = testing::ministryPlan();
  const std::string html =
      ministryIndexToHtml(p.inventory, p.plan, p.risks, {agencyOf(p.inventory, "OTH")});
  CHECK(html.find("report-OTH.html") != std::string::npos);
  CHECK(html.find("report-MIN.html") == std::string::npos);
  CHECK(rowOf(html, "MIN").find("<tr><td>Ministry of &lt;i&gt;Examples&lt;/i&gt; &amp; Co<br>") ==
        0);
}

TEST_CASE(
    "the index links a code's page with its % escaped, and shows other contacts without "
    "a CIO") {
  testing::MinistryPlan p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("agencies.csv", models::InputKind::agencies),
                              "code,name,parent,website,contact_email\n"
                              "M/F,Slash Ministry,,https://mf.example,help@mf.example\n");
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency,strategy\nA,a,M/F,retain\nB,b,,rehost\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  const std::string html =
      ministryIndexToHtml(p.inventory, p.plan, p.risks, ministriesOf(p.inventory));
  CHECK(html.find("<a href=\"report-M%252FF.html\">report-M%2FF.html</a>") != std::string::npos);
  const std::string row = rowOf(html, "M/F");
  CHECK(row.find("<td><a href=\"mailto:help@mf.example\">help@mf.example</a></td>") !=
        std::string::npos);
  CHECK(row.find("mf.example\">https") == std::string::npos);  // the website is not a CIO
  CHECK(row.find("<td>none</td>") != std::string::npos);       // its one system is retained
  CHECK(html.find("1 system of no agency, in no ministry&#39;s page.") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
