// The risk register's table, as report.html and a ministry's page show it, and which risks a
// ministry's page lists.
#include "exporters/reports/risk_table.h"

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "engine/risk_register.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::exporters {
namespace {

using models::Risk;
using models::RiskKind;

std::vector<std::string> summariesOf(const std::vector<const Risk*>& risks) {
  std::vector<std::string> all;
  for (const Risk* risk : risks)
    all.push_back(risk->summary);
  return all;
}

TEST_CASE("a ministry's page lists the risks of its agencies and of those below it") {
  // MOF > TAX; EDU beside. MOF's limit counts TAX's system; a link runs from EDU to TAX.
  auto inventory = testing::inventoryFrom(
      "id,name,agency,pinned_wave\na,A,MOF,1\nt,T,TAX,1\ne,E,EDU,2\n", "from,to\ne,t\n",
      "code,name,parent\nMOF,Finance,\nTAX,Tax office,MOF\nEDU,Education,\n");
  inventory.agencies[*inventory.findAgency("MOF")].maxSystemsPerWave = 2;
  models::Diagnostics diagnostics;
  const auto plan = engine::planMigration(inventory, {}, diagnostics);
  REQUIRE(plan);
  const auto register_ = engine::assessRisks(inventory, *plan);
  const std::string limit =
      "Wave 1 (2027-01-04 to 2027-01-31) holds 2 systems of MOF (Finance) and the agencies below "
      "it, 100 % of its max_systems_per_wave 2";
  const std::string link =
      "e (E) depends on t (T) through a normal link: t moves in wave 1 and e in wave 2, so the "
      "link is hybrid for 28 days";
  REQUIRE(summariesOf(risksOf(inventory, register_, models::kNone)) ==
          std::vector<std::string>{link, limit});
  CHECK(summariesOf(risksOf(inventory, register_, *inventory.findAgency("MOF"))) ==
        std::vector<std::string>{link, limit});
  // TAX's system is counted by MOF's limit, so TAX's page lists it too.
  CHECK(summariesOf(risksOf(inventory, register_, *inventory.findAgency("TAX"))) ==
        std::vector<std::string>{link, limit});
  CHECK(summariesOf(risksOf(inventory, register_, *inventory.findAgency("EDU"))) ==
        std::vector<std::string>{link});
}

TEST_CASE(
    "the table shows each risk's kind, summary, criticality, waves, days and exposure as risks.csv "
    "writes it") {
  Risk link;
  link.kind = RiskKind::hybridLink;
  link.fromWave = 2;
  link.toWave = 5;
  link.days = 84;
  link.exposure = 504;
  link.criticality = models::Criticality::high;
  link.summary = "a <b>&</b> link";
  Risk forGood = link;
  forGood.toWave = 0;
  forGood.days = 28;
  forGood.exposure = 336.4;
  forGood.criticality = models::Criticality::low;
  forGood.summary = "for good";
  Risk lost;
  lost.kind = RiskKind::lostProvider;
  lost.wave = 4;
  lost.exposure = 1000;
  lost.criticality = models::Criticality::medium;
  lost.summary = "lost";
  Risk full;
  full.kind = RiskKind::waveNearLimit;
  full.wave = 3;
  full.exposure = 83.6;
  full.summary = "full";
  CHECK(riskTableHtml({&lost, &link, &forGood, &full}, 3) ==
        "<table class=\"risks\">\n<thead><tr><th class=\"number\">#</th><th>Risk</th>"
        "<th>What</th><th>Criticality</th><th>Waves</th><th class=\"number\">Days</th>"
        "<th class=\"number\">Exposure</th></tr></thead>\n<tbody>\n"
        "<tr class=\"risk-lost-provider\"><td class=\"number\">1</td><td>loses a provider</td>"
        "<td>lost</td><td class=\"criticality-medium\">medium</td><td>after 4, for good</td>"
        "<td class=\"number\"></td><td class=\"number\">1000</td></tr>\n"
        "<tr class=\"risk-hybrid-link\"><td class=\"number\">2</td><td>hybrid link</td>"
        "<td>a &lt;b&gt;&amp;&lt;/b&gt; link</td><td class=\"criticality-high\">high</td>"
        "<td>2 to 5</td><td class=\"number\">84</td><td class=\"number\">504</td></tr>\n"
        "<tr class=\"risk-hybrid-link\"><td class=\"number\">3</td><td>hybrid link</td>"
        "<td>for good</td><td class=\"criticality-low\">low</td><td>after 2, for good</td>"
        "<td class=\"number\">28+</td><td class=\"number\">336.4</td></tr>\n"
        "</tbody>\n</table>\n<p class=\"muted\">and 1 more risk in <a "
        "href=\"risks.csv\">risks.csv</a></p>\n");
  CHECK(riskTableHtml({&full}, 10) ==
        "<table class=\"risks\">\n<thead><tr><th class=\"number\">#</th><th>Risk</th>"
        "<th>What</th><th>Criticality</th><th>Waves</th><th class=\"number\">Days</th>"
        "<th class=\"number\">Exposure</th></tr></thead>\n<tbody>\n"
        "<tr class=\"risk-wave-near-limit\"><td class=\"number\">1</td><td>wave near a limit</td>"
        "<td>full</td><td class=\"criticality-low\">low</td><td>3</td><td class=\"number\"></td>"
        "<td class=\"number\">83.6</td></tr>\n</tbody>\n</table>\n");
}

TEST_CASE("a link hybrid for good from the last wave has no days to count, and shows none") {
  Risk link;
  link.kind = RiskKind::hybridLink;
  link.fromWave = 6;
  link.toWave = 0;
  link.days = 0;
  link.exposure = 0;
  link.summary = "last";
  const std::string html = riskTableHtml({&link}, 10);
  CHECK(html.find("<td>after 6, for good</td><td class=\"number\"></td>"
                  "<td class=\"number\">0</td>") != std::string::npos);
  CHECK(html.find("0+") == std::string::npos);
}

TEST_CASE("a register without risks is a sentence, not an empty table") {
  CHECK(riskTableHtml({}, 10) ==
        "<p class=\"muted\">No risks: no link is left hybrid, no retained system loses a "
        "provider, no move group is large and no wave is near a limit.</p>\n");
}

}  // namespace
}  // namespace cloudplan::exporters
