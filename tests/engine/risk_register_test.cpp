#include "engine/risk_register.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "importers/read_inputs.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using models::Risk;
using models::RiskKind;
using testing::Planned;

constexpr const char* kHeader = "id,name,agency,strategy,criticality,pinned_wave,effort_days\n";
// MOF with its tax office below it, and an agency of its own beside them.
constexpr const char* kAgencies =
    "code,name,parent\nMOF,Finance,\nTAX,Tax office,MOF\nEDU,Education,\n";

// Waves of 28 days from Monday 2027-01-04: wave 1 ends 2027-01-31, wave 2 2027-02-28, wave 3
// 2027-03-28.
Planned planOf(std::string systems, std::string dependencies = {},
               models::PlanSettings settings = {}, void (*edit)(models::Inventory&) = nullptr) {
  Planned result{testing::inventoryFrom(kHeader + systems, std::move(dependencies), kAgencies),
                 std::nullopt,
                 {}};
  if (edit) edit(result.inventory);
  result.plan = planMigration(result.inventory, settings, result.diagnostics);
  return result;
}

models::RiskRegister risksOf(const Planned& planned) {
  REQUIRE(planned.plan);
  return assessRisks(planned.inventory, *planned.plan);
}

std::vector<std::string> summaries(const models::RiskRegister& risks) {
  std::vector<std::string> all;
  for (const Risk& risk : risks.risks)
    all.push_back(risk.summary);
  return all;
}

std::vector<std::string> codes(const models::Inventory& inventory, const Risk& risk) {
  std::vector<std::string> all;
  for (models::AgencyIndex a : risk.agencies)
    all.emplace_back(inventory.agencies[a].code);
  return all;
}

TEST_CASE("a link is hybrid from its first end's wave to its other end's, for the days between") {
  const auto p = planOf("app,App,MOF,,high,3,\ndb,DB,EDU,,low,1,\n", "from,to,kind\napp,db,api\n");
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 1);
  const Risk& risk = risks.risks[0];
  CHECK(risk.kind == RiskKind::hybridLink);
  CHECK(risk.dependency == 0);
  CHECK(risk.fromWave == 1);
  CHECK(risk.toWave == 3);
  CHECK(risk.days == 56);              // 2027-01-31 to 2027-03-28
  CHECK(risk.exposure == 56 * 3 * 2);  // days × high × normal
  CHECK(risk.criticality == models::Criticality::high);
  CHECK(codes(p.inventory, risk) == std::vector<std::string>{"MOF", "EDU"});
  CHECK(risk.summary ==
        "app (App) depends on db (DB) through a normal api link: db moves in wave 1 and app in "
        "wave 3, so the link is hybrid for 56 days");
}

TEST_CASE("a link to a retained system is hybrid for good, weighed beyond the plan's last day") {
  const auto p =
      planOf("app,App,MOF,,medium,2,\nkeep,Keep,MOF,retain,low,,\nlast,Last,MOF,,low,3,\n",
             "from,to,coupling\napp,keep,loose\n");
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 1);
  const Risk& risk = risks.risks[0];
  CHECK(risk.fromWave == 2);
  CHECK(risk.toWave == 0);
  CHECK(risk.days == 28);  // to the plan's last day, 2027-03-28
  // (28 days + the plan's 84) × medium × loose.
  CHECK(risk.exposure == (28 + 84) * 2 * 1);
  CHECK(codes(p.inventory, risk) == std::vector<std::string>{"MOF"});
  CHECK(risk.summary ==
        "app (App) depends on keep (Keep) through a loose link: app moves in wave 2 and keep is "
        "retained, so the link is hybrid for good");
}

TEST_CASE("a link that turns hybrid for good in the last wave still weighs the plan's span") {
  const auto p = planOf("keep,Keep,MOF,retain,low,,\napp,App,MOF,,low,2,\n",
                        "from,to,coupling\nkeep,app,tight\n");
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 1);
  CHECK(risks.risks[0].days == 0);
  CHECK(risks.risks[0].exposure == 56 * 1 * 3);
  CHECK(risks.risks[0].summary ==
        "keep (Keep) depends on app (App) through a tight link: app moves in wave 2 and keep is "
        "retained, so the link is hybrid for good");
}

TEST_CASE("a link to a provider retired later is hybrid until it is switched off") {
  const auto p =
      planOf("app,App,MOF,,low,1,\nold,Old,TAX,retire,low,3,\n", "from,to,kind\napp,old,file\n");
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 1);
  CHECK(risks.risks[0].fromWave == 1);
  CHECK(risks.risks[0].toWave == 3);
  CHECK(risks.risks[0].days == 56);
  CHECK(risks.risks[0].summary ==
        "app (App) depends on old (Old) through a normal file link: app moves in wave 1 and old "
        "is retired in wave 3, so the link is hybrid for 56 days");
}

TEST_CASE("links whose ends share a wave, or never leave the premises, are no risk") {
  const auto p = planOf(
      "a,A,MOF,,high,1,\nb,B,MOF,,high,1,\nkeep,Keep,MOF,retain,high,,\nold,Old,MOF,retire,high,"
      "1,\ngone,Gone,MOF,retire,high,2,\n",
      "from,to\na,b\nold,keep\nold,gone\n");
  CHECK(risksOf(p).risks.empty());
}

TEST_CASE("a retained system whose provider is retired loses it, above any link as critical") {
  // keep loses old; app's link to keep is tight and hybrid for good, the heaviest a link of the
  // same criticality can be, and still below.
  const auto p =
      planOf("keep,Keep,MOF,retain,high,,\nold,Old,TAX,retire,low,2,\napp,App,EDU,,high,1,\n",
             "from,to,coupling\nkeep,old,normal\napp,keep,tight\n");
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 2);
  const Risk& lost = risks.risks[0];
  CHECK(lost.kind == RiskKind::lostProvider);
  CHECK(lost.dependency == 0);
  CHECK(lost.wave == 2);
  CHECK(lost.exposure == 2 * 56 * 3 * 4);  // 2H × high × kLostProviderWeight
  CHECK(codes(p.inventory, lost) == std::vector<std::string>{"MOF", "TAX"});
  CHECK(lost.summary ==
        "keep (Keep) depends on old (Old), which is retired in wave 2; keep is retained and "
        "loses it");
  CHECK(risks.risks[1].kind == RiskKind::hybridLink);
  CHECK(risks.risks[1].exposure == (28 + 56) * 3 * 3);
  CHECK(risks.risks[1].exposure < lost.exposure);
}

TEST_CASE("a move group of more than 10 systems is one big cut-over") {
  std::string systems, links = "from,to,coupling\n";
  for (int i = 1; i <= 11; ++i) {
    systems +=
        fmt::format("s{},S{},{},,{},,\n", i, i, i == 11 ? "TAX" : "MOF", i == 5 ? "medium" : "low");
    if (i > 1) links += fmt::format("s{},s{},tight\n", i - 1, i);
  }
  const auto p = planOf(systems, links);
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 1);
  const Risk& risk = risks.risks[0];
  CHECK(risk.kind == RiskKind::largeMoveGroup);
  CHECK(risk.moveGroup == 0);
  CHECK(risk.wave == 1);
  CHECK(risk.criticality == models::Criticality::medium);
  CHECK(risk.exposure == 11 * 28 * 2);
  CHECK(codes(p.inventory, risk) == std::vector<std::string>{"MOF", "TAX"});
  CHECK(risk.summary ==
        "Move group G1 cuts over 11 systems at once in wave 1, bound by tight links: s1 (S1), s2 "
        "(S2), s3 (S3) and 8 more");

  // Ten systems are not yet a risk.
  systems.clear();
  links = "from,to,coupling\n";
  for (int i = 1; i <= 10; ++i) {
    systems += fmt::format("s{},S{},MOF,,low,,\n", i, i);
    if (i > 1) links += fmt::format("s{},s{},tight\n", i - 1, i);
  }
  CHECK(risksOf(planOf(systems, links)).risks.empty());
}

TEST_CASE("a wave over 90 % of its capacity or effort is near its limit, 90 % is not") {
  std::string systems;
  for (int i = 1; i <= 10; ++i)
    systems += fmt::format("s{},S{},MOF,,{},,{}\n", i, i, i == 3 ? "high" : "low", 9.5);
  models::PlanSettings settings;
  settings.waveCapacity = 10;
  settings.waveEffort = 100;
  const auto full = risksOf(planOf(systems, {}, settings));
  REQUIRE(full.risks.size() == 2);
  const Risk& capacity = full.risks[0];
  CHECK(capacity.kind == RiskKind::waveNearLimit);
  CHECK(capacity.wave == 1);
  CHECK(capacity.limit == "wave capacity");
  CHECK(capacity.used == 10);
  CHECK(capacity.available == 10);
  CHECK(capacity.exposure == 28 * 1.0 * 3);
  CHECK(capacity.summary ==
        "Wave 1 (2027-01-04 to 2027-01-31) holds 10 systems, 100 % of the wave capacity of 10");
  const Risk& effort = full.risks[1];
  CHECK(effort.limit == "wave effort");
  CHECK(effort.used == 95);
  CHECK(effort.exposure == Approx(79.8));
  CHECK(effort.summary ==
        "Wave 1 (2027-01-04 to 2027-01-31) takes 95 effort days, 95 % of the wave effort of 100");

  settings.waveCapacity = 11;      // 10 of 11: 91 %
  settings.waveEffort = 95 / 0.9;  // exactly 90 %
  const auto near = risksOf(planOf(systems, {}, settings));
  REQUIRE(near.risks.size() == 1);
  CHECK(near.risks[0].summary ==
        "Wave 1 (2027-01-04 to 2027-01-31) holds 10 systems, 91 % of the wave capacity of 11");
}

TEST_CASE("an agency's limit counts the agencies below it, and names them among its agencies") {
  const auto p = planOf("a,A,MOF,,low,,1\nt,T,TAX,,medium,,5\ne,E,EDU,,high,,1\n", {}, {},
                        [](models::Inventory& inventory) {
                          inventory.agencies[*inventory.findAgency("MOF")].maxSystemsPerWave = 2;
                          inventory.agencies[*inventory.findAgency("TAX")].maxEffortPerWave = 5;
                          inventory.agencies[*inventory.findAgency("EDU")].maxSystemsPerWave = 3;
                        });
  REQUIRE(p.waveOf("t") == 1);
  REQUIRE(p.waveOf("a") == 1);
  REQUIRE(p.waveOf("e") == 1);
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 2);
  // Both fill their limit: 28 days × 100 % × medium each; MOF comes first, by its index.
  const Risk& mof = risks.risks[0];
  CHECK(mof.limit == "MOF systems per wave");
  CHECK(mof.used == 2);
  CHECK(mof.available == 2);
  CHECK(mof.exposure == 28 * 2);
  CHECK(codes(p.inventory, mof) == std::vector<std::string>{"MOF", "TAX"});
  CHECK(mof.summary ==
        "Wave 1 (2027-01-04 to 2027-01-31) holds 2 systems of MOF (Finance) and the agencies "
        "below it, 100 % of its max_systems_per_wave 2");
  const Risk& tax = risks.risks[1];
  CHECK(tax.limit == "TAX effort per wave");
  CHECK(tax.exposure == 28 * 2);
  CHECK(codes(p.inventory, tax) == std::vector<std::string>{"TAX"});
  CHECK(tax.summary ==
        "Wave 1 (2027-01-04 to 2027-01-31) takes 5 effort days of TAX (Tax office), 100 % of its "
        "max_effort_per_wave 5");
}

TEST_CASE("equal exposures go by kind, then in the order of the inventory") {
  models::PlanSettings settings;
  settings.waveCapacity = 1;
  // Each wave holds one low system (28 days × 100 % × low) and each link is hybrid for one wave
  // (28 days × low × loose): six risks of 28.
  const auto p = planOf("p,P,MOF,,low,1,\nc,C,MOF,,low,2,\nd,D,MOF,,low,3,\n",
                        "from,to,coupling\nd,c,loose\nc,p,loose\n", settings);
  REQUIRE(p.waveOf("p") == 1);
  REQUIRE(p.waveOf("c") == 2);
  REQUIRE(p.waveOf("d") == 3);
  const auto risks = risksOf(p);
  CHECK(summaries(risks) ==
        std::vector<std::string>{
            "d (D) depends on c (C) through a loose link: c moves in wave 2 and d in wave 3, so "
            "the link is hybrid for 28 days",
            "c (C) depends on p (P) through a loose link: p moves in wave 1 and c in wave 2, so "
            "the link is hybrid for 28 days",
            "Wave 1 (2027-01-04 to 2027-01-31) holds 1 system, 100 % of the wave capacity of 1",
            "Wave 2 (2027-02-01 to 2027-02-28) holds 1 system, 100 % of the wave capacity of 1",
            "Wave 3 (2027-03-01 to 2027-03-28) holds 1 system, 100 % of the wave capacity of 1"});
  for (const Risk& risk : risks.risks)
    CHECK(risk.exposure == 28);
}

TEST_CASE("a longer link weighs more, and the more critical end decides") {
  const auto p = planOf(
      "p,P,MOF,,low,1,\nnear,Near,MOF,,low,2,\nfar,Far,MOF,,low,3,\ncrit,Crit,MOF,,high,2,\n",
      "from,to\nnear,p\nfar,p\ncrit,p\n");
  const auto risks = risksOf(p);
  std::vector<std::string> consumers;
  for (const Risk& risk : risks.risks)
    consumers.emplace_back(
        p.inventory.systems[p.inventory.dependencies[risk.dependency].consumer].id);
  // crit: 28 days × high × normal = 168; far: 56 × low × normal = 112; near: 28 × 1 × 2 = 56.
  CHECK(consumers == std::vector<std::string>{"crit", "far", "near"});
}

TEST_CASE("ids and names longer than 120 bytes are cut in a summary") {
  const std::string longName(200, 'N');
  const auto p =
      planOf(fmt::format("app,{},MOF,,low,2,\ndb,DB,MOF,,low,1,\n", longName), "from,to\napp,db\n");
  const auto risks = risksOf(p);
  REQUIRE(risks.risks.size() == 1);
  CHECK(risks.risks[0].summary == "app (" + std::string(117, 'N') +
                                      "\xE2\x80\xA6) depends on db (DB) through a normal link: db "
                                      "moves in wave 1 and app in wave 2, so the link is hybrid "
                                      "for 28 days");
}

TEST_CASE("the samples' register: the lost SFTP provider first, the links as the plan counts") {
  models::Diagnostics diagnostics;
  const models::Inventory inventory = importers::readInputs(
      std::vector<std::string>{CLOUDPLAN_SOURCE_DIR "/samples/government"}, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  models::PlanSettings settings;  // as scripts/demo plans them
  settings.waveCapacity = 8;
  settings.freeze.push_back(
      {models::dateFromCivil(2027, 7, 26), models::dateFromCivil(2027, 8, 8)});
  const auto plan = planMigration(inventory, settings, diagnostics);
  REQUIRE(plan);
  const auto risks = assessRisks(inventory, *plan);
  REQUIRE(!risks.risks.empty());
  CHECK(risks.risks[0].kind == RiskKind::lostProvider);
  CHECK(risks.risks[0].summary ==
        "MOF-TRE/treasury-ledger (Treasury single account ledger (mainframe)) depends on "
        "DGA/sftp-hub (Legacy secure file transfer hub), which is retired in wave 7; "
        "MOF-TRE/treasury-ledger is retained and loses it");
  // The hybrid links open after each wave are the plan's hybridLinksAfter, and the sort holds.
  for (const models::Wave& wave : plan->waves) {
    uint32_t open = 0;
    for (const Risk& risk : risks.risks) {
      if (risk.kind == RiskKind::hybridLink && risk.fromWave <= wave.number &&
          (risk.toWave == 0 || wave.number < risk.toWave))
        ++open;
    }
    CHECK(open == wave.hybridLinksAfter);
  }
  for (size_t i = 1; i < risks.risks.size(); ++i)
    CHECK(risks.risks[i - 1].exposure >= risks.risks[i].exposure);
}

}  // namespace
}  // namespace cloudplan::engine
