#include "engine/agency_limits.h"

#include <catch2/catch.hpp>

#include "engine/constraint_graph.h"
#include "engine/move_groups.h"
#include "engine/plan_migration.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using testing::inventoryFrom;

constexpr const char* kHeader = "id,name,agency,strategy,effort_days\n";
// MOF with its tax office below it, and an agency of its own beside them.
constexpr const char* kAgencies =
    "code,name,parent\nMOF,Finance,\nTAX,Tax office,MOF\nEDU,Education,\n";

models::Agency& agency(models::Inventory& inventory, std::string_view code) {
  return inventory.agencies[*inventory.findAgency(code)];
}

using testing::Planned;

template <typename Limit>
Planned planWithLimits(std::string systems, std::string dependencies, Limit setLimits,
                       models::PlanSettings settings = {}) {
  Planned result{
      inventoryFrom(kHeader + systems, std::move(dependencies), kAgencies), std::nullopt, {}};
  setLimits(result.inventory);
  result.plan = planMigration(result.inventory, settings, result.diagnostics);
  return result;
}

MoveUnits unitsOf(const models::Inventory& inventory) {
  return condenseMoveGroups(inventory,
                            buildConstraintGraph(inventory, models::Order::providersFirst));
}

AgencyLimits limitsOf(const models::Inventory& inventory) {
  return measureAgencyLimits(inventory, unitsOf(inventory));
}

TEST_CASE("a system loads every limited agency above it, its own included") {
  auto inventory =
      inventoryFrom(std::string(kHeader) + "a,A,MOF,,1\nt,T,TAX,,2\ne,E,EDU,,4\n", {}, kAgencies);
  agency(inventory, "MOF").maxSystemsPerWave = 2;
  agency(inventory, "TAX").maxEffortPerWave = 5;
  const AgencyLimits limits = limitsOf(inventory);
  REQUIRE(limits.agency.size() == 2);
  CHECK(inventory.agencies[limits.agency[0]].code == "MOF");
  CHECK(limits.of(0).size() == 1);      // a: MOF
  REQUIRE(limits.of(1).size() == 2);    // t: TAX, and MOF above it
  CHECK(limits.of(1)[0].limited == 1);  // its own first, then up the tree
  CHECK(limits.of(1)[1].limited == 0);
  CHECK(limits.of(1)[0].effortDays == 2);
  CHECK(limits.of(2).empty());  // e: no limit over EDU
}

TEST_CASE("a move group's systems of one subtree are added into one load") {
  auto inventory = inventoryFrom(std::string(kHeader) + "a,A,MOF,,1\nt,T,TAX,,2\n",
                                 "from,to,coupling\na,t,tight\n", kAgencies);
  agency(inventory, "MOF").maxSystemsPerWave = 1;
  const AgencyLimits limits = limitsOf(inventory);
  REQUIRE(limits.of(0).size() == 1);
  CHECK(limits.of(0)[0].systems == 2);
  CHECK(limits.of(0)[0].effortDays == 3);
  CHECK(limits.of(0)[0].oversize);
}

TEST_CASE("no agency with a limit loads nothing") {
  const auto inventory = inventoryFrom(std::string(kHeader) + "a,A,MOF,,1\n", {}, kAgencies);
  const AgencyLimits limits = limitsOf(inventory);
  CHECK(limits.empty());
  CHECK(limits.of(0).empty());
  CHECK(computeAgencyBound(inventory, limits, unitsOf(inventory)).waves == 0);
}

TEST_CASE("the systems of a child agency count toward its parent's limit") {
  const auto p = planWithLimits(
      "a,A,MOF,,1\nb,B,MOF,,1\nt,T,TAX,,1\nu,U,TAX,,1\n", {},
      [](models::Inventory& inventory) { agency(inventory, "MOF").maxSystemsPerWave = 2; });
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.waves == 2);
  CHECK(p.plan->metrics.lowerBound.agency == 2);
  CHECK(p.plan->metrics.lowerBound.waves == 2);
  for (const auto& wave : p.plan->waves)
    CHECK(wave.systems.size() == 2);
}

TEST_CASE("a child's own limit holds inside its parent's") {
  const auto p = planWithLimits("a,A,MOF,,1\nt,T,TAX,,1\nu,U,TAX,,1\nv,V,TAX,,1\n", {},
                                [](models::Inventory& inventory) {
                                  agency(inventory, "MOF").maxSystemsPerWave = 3;
                                  agency(inventory, "TAX").maxSystemsPerWave = 1;
                                });
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.lowerBound.agency == 3);  // TAX: ceil(3 / 1)
  CHECK(p.plan->metrics.waves == 3);
  CHECK(p.waveOf("t") != p.waveOf("u"));
  CHECK(p.waveOf("u") != p.waveOf("v"));
}

TEST_CASE("an agency's effort limit bounds the effort of its subtree in each wave") {
  const auto p = planWithLimits(
      "a,A,MOF,,20\nb,B,MOF,,20\nt,T,TAX,,10\ne,E,EDU,,50\n", {},
      [](models::Inventory& inventory) { agency(inventory, "MOF").maxEffortPerWave = 30; });
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.lowerBound.agency == 2);  // ceil(50 / 30)
  CHECK(p.plan->metrics.waves == 2);
  CHECK(p.waveOf("a") != p.waveOf("b"));
  CHECK(p.waveOf("e") == 1);  // EDU has no limit
}

TEST_CASE("a move group over its agency's limit is an error naming the group, agency and limit") {
  const auto p =
      planWithLimits("a,A,MOF,,1\nb,B,MOF,,1\nt,T,TAX,,1\n",
                     "from,to,coupling\na,b,tight\nb,t,tight\n", [](models::Inventory& inventory) {
                       agency(inventory, "MOF").maxSystemsPerWave = 2;
                       agency(inventory, "MOF").maxEffortPerWave = 2.5;
                     });
  CHECK_FALSE(p.plan);
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.diagnostics.all()[0].code == "agency-oversize");
  CHECK(p.diagnostics.all()[0].file == "agencies.csv");
  CHECK(p.diagnostics.all()[0].line == 2);
  CHECK(p.messages() ==
        std::vector<std::string>{
            "move group G1 (a, b, t) needs, of agency 'MOF' and the agencies below it, 3 systems, "
            "more than its max_systems_per_wave 2 and 3 effort-days, more than its "
            "max_effort_per_wave 2.5 (raise the limit in the agencies file, or let it move "
            "without MOF's other systems in its wave with --allow-oversize)"});
}

TEST_CASE("an allowed oversize group moves without the other systems of its agency's subtree") {
  models::PlanSettings settings;
  settings.allowOversize = true;
  const auto p = planWithLimits(
      "a,A,MOF,,1\nb,B,MOF,,1\nt,T,TAX,,1\nc,C,MOF,,1\ne,E,EDU,,1\n",
      "from,to,coupling\na,b,tight\nb,t,tight\n",
      [](models::Inventory& inventory) { agency(inventory, "MOF").maxSystemsPerWave = 2; },
      settings);
  REQUIRE(p.plan);
  // The group alone counts one wave, c the other: 1 + ceil(1 / 2).
  CHECK(p.plan->metrics.lowerBound.agency == 2);
  CHECK(p.plan->metrics.waves == 2);
  const uint32_t groupWave = p.waveOf("a");
  CHECK(p.waveOf("c") != groupWave);
  CHECK(p.plan->waves[groupWave - 1].oversize);
  CHECK_FALSE(p.plan->waves[p.waveOf("c") - 1].oversize);
  CHECK(p.waveOf("e") == 1);  // another agency's system may share the oversize wave
}

TEST_CASE("the agency term counts the groups over the limit once and divides the rest") {
  auto inventory = inventoryFrom(std::string(kHeader) +
                                     "a,A,MOF,,1\nb,B,MOF,,1\nt,T,TAX,,1\nc,C,MOF,,1\nd,D,TAX,,1\n"
                                     "f,F,TAX,,1\ne,E,EDU,,1\n",
                                 "from,to,coupling\na,b,tight\nb,t,tight\n", kAgencies);
  agency(inventory, "MOF").maxSystemsPerWave = 2;
  agency(inventory, "TAX").maxEffortPerWave = 1.5;
  const AgencyBound bound = computeAgencyBound(inventory, limitsOf(inventory), unitsOf(inventory));
  // MOF: 1 over alone (a, b, t) + ceil(3 / 2) = 3; TAX: 0 over + ceil(3 / 1.5) = 2.
  CHECK(bound.waves == 3);
  CHECK(bound.because == "agency MOF's max_systems_per_wave 2: 1 over alone + ceil(3 / 2)");
}

TEST_CASE("a system held back by its agency's limit says so") {
  const auto p = planWithLimits(
      "a,A,MOF,,1\nb,B,TAX,,1\nc,C,MOF,,1\n", {},
      [](models::Inventory& inventory) { agency(inventory, "MOF").maxSystemsPerWave = 1; });
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.waves == 3);
  // b, below MOF, goes before c: MOF needs all three of its waves, at its limit's pace.
  CHECK(p.waveOf("a") == 1);
  CHECK(p.waveOf("b") == 2);
  CHECK(p.waveOf("c") == 3);
  CHECK(p.reasonsOf("b") ==
        std::vector<std::string>{"could move from wave 1; the limit of agency MOF was reached "
                                 "in wave 1 (max_systems_per_wave 1, over MOF and the agencies "
                                 "below it)"});
  CHECK(p.reasonsOf("c") ==
        std::vector<std::string>{"could move from wave 1; the limit of agency MOF was reached "
                                 "in waves 1-2 (max_systems_per_wave 1, over MOF and the "
                                 "agencies below it)"});
}

TEST_CASE("a system that waits for its agency's turn says so") {
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  const auto p = planWithLimits(
      "a,A,MOF,,1\nb,B,MOF,,1\nc,C,EDU,,1\nd,D,EDU,,1\n", {}, [](models::Inventory&) {}, settings);
  REQUIRE(p.plan);
  CHECK(p.waveOf("a") == 1);
  CHECK(p.waveOf("c") == 2);
  CHECK(p.reasonsOf("c") ==
        std::vector<std::string>{"could move from wave 1; the turn of its agency EDU, which begins "
                                 "in wave 2: agencies move one after another so that links "
                                 "inside an agency open and close together",
                                 "wave 1 was full (2 of 2 systems)"});
  CHECK(p.reasonsOf("a") ==
        std::vector<std::string>{"earliest possible wave: nothing holds it back"});
}

TEST_CASE("what must move by a wave beyond an agency's limit is an error naming the agency") {
  const auto p = planWithLimits(
      "t1,T1,TAX,,1\nt2,T2,TAX,,1\nt3,T3,TAX,,1\nt4,T4,MOF,,1\nt5,T5,MOF,,1\nt6,T6,TAX,,1\n"
      "t7,T7,TAX,,1\n",
      {}, [](models::Inventory& inventory) {
        agency(inventory, "MOF").maxSystemsPerWave = 2;
        inventory.systems[0].pinnedWave = 3;
        for (models::SystemIndex s = 1; s < 7; ++s)
          inventory.systems[s].finishBy = models::parseDate("2027-03-28");  // the end of wave 3
      });
  CHECK_FALSE(p.plan);
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.diagnostics.all()[0].code == "due-over-agency-limit");
  CHECK(p.diagnostics.all()[0].file == "agencies.csv");
  CHECK(p.messages() ==
        std::vector<std::string>{
            "pins and finish_by dates need 7 systems of agency 'MOF' and the agencies below it in "
            "waves 1 to 3 (the pinned systems, those due by then and the providers they wait "
            "for), more than 3 waves of its max_systems_per_wave 2 hold (move pins or finish_by "
            "dates later, or raise the limit in the agencies file)"});
}

TEST_CASE("a system can name both its agency's turn and the full wave before it") {
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  const auto p = planWithLimits(
      "a,A,MOF,,1\nb,B,MOF,,1\nc,C,MOF,,1\nd,D,EDU,,1\ne,E,EDU,,1\n", {}, [](models::Inventory&) {},
      settings);
  REQUIRE(p.plan);
  CHECK(p.waveOf("c") == 2);
  CHECK(p.waveOf("e") == 3);
  CHECK(p.reasonsOf("e") ==
        std::vector<std::string>{"could move from wave 1; the turn of its agency EDU, which begins "
                                 "in wave 2: agencies move one after another so that links "
                                 "inside an agency open and close together",
                                 "wave 2 was full (2 of 2 systems)"});
}

TEST_CASE("a plan longer than an agency's bound says which limit sets the bound") {
  // Both wait for wave 2 and MOF moves one system a wave: 3 waves, where each term alone says 2.
  const auto p = planWithLimits("a,A,MOF,,1\nb,B,MOF,,1\n", {}, [](models::Inventory& inventory) {
    agency(inventory, "MOF").maxSystemsPerWave = 1;
    for (auto& system : inventory.systems)
      system.notBefore = models::parseDate("2027-02-01");
  });
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.waves == 3);
  CHECK(p.plan->metrics.lowerBound.agency == 2);
  CHECK(p.messages() ==
        std::vector<std::string>{
            "the plan has 3 waves, 1 more than the lower bound 2 (agency MOF's "
            "max_systems_per_wave 1: 0 over alone + ceil(2 / 1)): with 2 waves, system 'b' must "
            "move by wave 2 but agency MOF's limit is reached in that wave"});
}

}  // namespace
}  // namespace cloudplan::engine
