#include "engine/reduce_hybrid_links.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include <catch2/catch.hpp>

#include "engine/constraint_graph.h"
#include "engine/hybrid_links.h"
#include "engine/lower_bound.h"
#include "engine/plan_migration.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using testing::inventoryFrom;

constexpr const char* kHeader =
    "id,name,agency,strategy,pinned_wave,not_before,finish_by,effort_days\n";
constexpr const char* kAgencies =
    "code,name,parent,max_systems_per_wave\nMOF,Finance,,1\nEDU,Ed,,\n";

// What the search made of waves given by hand, one per system in input order, or of the list
// scheduler's when none are given.
struct Searched {
  models::Inventory inventory;
  MoveUnits units;
  Schedule schedule;
  HybridLinks before;

  Searched(std::string systems, std::string dependencies, std::vector<uint32_t> waves,
           models::PlanSettings settings = {}, std::string agencies = {})
      : inventory(inventoryFrom(kHeader + systems, std::move(dependencies), std::move(agencies))) {
    const ConstraintGraph graph = buildConstraintGraph(inventory, settings.order);
    units = condenseMoveGroups(inventory, graph);
    models::WaveCalendar calendar(settings);
    const auto loads = measureUnits(inventory, units, settings, calendar);
    const AgencyLimits limits = measureAgencyLimits(inventory, units);
    const SystemLinks links(inventory);
    if (waves.empty()) {
      models::Diagnostics diagnostics;
      const auto bound =
          computeLowerBound(loads, settings, computeAgencyBound(inventory, limits, units));
      schedule = *scheduleWaves(inventory, graph, units, loads, limits, links, settings,
                                bound.waves, diagnostics);
    } else {
      schedule.waveOf.assign(units.size(), 0);
      for (models::SystemIndex s = 0; s < waves.size(); ++s)
        schedule.waveOf[units.unitOf[s]] = waves[s];
      schedule.waves = *std::max_element(waves.begin(), waves.end());
      schedule.oversizeWave.assign(schedule.waves, false);
      schedule.waits.assign(units.size(), UnitWait{});
    }
    before = hybrid();
    reduceHybridLinks(inventory, graph, units, loads, limits, links, settings, schedule);
  }
  std::vector<uint32_t> waves() const {
    std::vector<uint32_t> result;
    for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
      const uint32_t unit = units.unitOf[s];
      result.push_back(unit == models::kNone ? 0 : schedule.waveOf[unit]);
    }
    return result;
  }
  HybridLinks hybrid() const { return countHybridLinks(inventory, waves(), schedule.waves); }
};

models::PlanSettings capacity(uint32_t n) {
  models::PlanSettings settings;
  settings.waveCapacity = n;
  return settings;
}

TEST_CASE("two units cross between full waves in exchange when that lowers the peak") {
  // a-c and b-d run hybrid after wave 1; with capacity 2 neither may move alone.
  const Searched s("a,A,X,,,,,\nb,B,X,,,,,\nc,C,X,,,,,\nd,D,X,,,,,\n",
                   "from,to,coupling\nb,d,loose\nc,a,loose\n", {1, 1, 2, 2}, capacity(2));
  CHECK(s.before.peak == 2);
  CHECK(s.waves() == std::vector<uint32_t>{2, 1, 2, 1});
  CHECK(s.hybrid().peak == 0);
  CHECK(s.schedule.waits[0].movedFrom == 1);
  CHECK(s.schedule.waits[3].movedFrom == 2);
  CHECK(s.schedule.waits[1].movedFrom == 0);
}

TEST_CASE("a unit moves alone to the wave of the systems it is linked to when that has room") {
  const Searched s("a,A,X,,,,,\nc,C,X,,,,,\n", "from,to,coupling\na,c,loose\n", {1, 2},
                   capacity(2));
  // c may not go back to wave 1: that would leave the last wave empty.
  CHECK(s.waves() == std::vector<uint32_t>{2, 2});
  CHECK(s.hybrid().peak == 0);
}

TEST_CASE("a move the wave capacity refuses is not made") {
  // Exchanging a and c would leave their link just as hybrid.
  const Searched s("a,A,X,,,,,\nc,C,X,,,,,\n", "from,to,coupling\na,c,loose\n", {1, 2},
                   capacity(1));
  CHECK(s.waves() == std::vector<uint32_t>{1, 2});
  CHECK(s.hybrid().peak == 1);
}

TEST_CASE("a move the wave effort limit refuses is not made") {
  models::PlanSettings settings;
  settings.waveEffort = 10;
  const Searched refused("a,A,X,,,,,5\nc,C,X,,,,,6\n", "from,to,coupling\na,c,loose\n", {1, 2},
                         settings);
  CHECK(refused.waves() == std::vector<uint32_t>{1, 2});
  const Searched fits("a,A,X,,,,,4\nc,C,X,,,,,6\n", "from,to,coupling\na,c,loose\n", {1, 2},
                      settings);
  CHECK(fits.waves() == std::vector<uint32_t>{2, 2});
}

TEST_CASE("a move an agency's limit refuses is not made") {
  // MOF moves one system a wave: a may not join m in wave 2, and taking m's place costs m's link.
  const std::string systems = "a,A,MOF,,,,,\nm,M,MOF,,,,,\nc,C,EDU,,,,,\n";
  const std::string links = "from,to,coupling\na,c,loose\nm,c,loose\n";
  const Searched refused(systems, links, {1, 2, 2}, {}, kAgencies);
  CHECK(refused.waves() == std::vector<uint32_t>{1, 2, 2});
  const Searched free(systems, links, {1, 2, 2}, {},
                      "code,name,parent,max_systems_per_wave\nMOF,Finance,,2\nEDU,Ed,,\n");
  CHECK(free.waves() == std::vector<uint32_t>{2, 2, 2});
}

TEST_CASE("a pinned system stays in its wave") {
  // c may not move before 2027-02-01, the start of wave 2.
  const std::string links = "from,to,coupling\na,c,loose\n";
  const Searched pinned("a,A,X,,1,,,\nc,C,X,,,2027-02-01,,\n", links, {1, 2});
  CHECK(pinned.waves() == std::vector<uint32_t>{1, 2});
  const Searched free("a,A,X,,,,,\nc,C,X,,,2027-02-01,,\n", links, {1, 2});
  CHECK(free.waves() == std::vector<uint32_t>{2, 2});
}

TEST_CASE("a move before a not_before date or after a finish_by is not made") {
  // a must finish by the end of wave 1 (2027-01-31); z keeps wave 2 from being left empty.
  const std::string links = "from,to,coupling\na,c,loose\n";
  const Searched dated("a,A,X,,,,2027-01-31,\nc,C,X,,,2027-02-01,,\nz,Z,X,,,,,\n", links,
                       {1, 2, 2});
  CHECK(dated.waves() == std::vector<uint32_t>{1, 2, 2});
  const Searched undated("a,A,X,,,,2027-01-31,\nc,C,X,,,,,\nz,Z,X,,,,,\n", links, {1, 2, 2});
  CHECK(undated.waves() == std::vector<uint32_t>{1, 1, 2});
}

TEST_CASE("a consumer does not move before its provider") {
  // c waits for p (providers-first): with p in wave 2 it stays there, and a joins it instead.
  const std::string systems = "a,A,X,,,,,\nb,B,X,,,,,\np,P,X,,,,,\nc,C,X,,,,,\n";
  const Searched ordered(systems, "from,to,coupling\nc,a,loose\nc,b,loose\nc,p,normal\n",
                         {1, 1, 2, 2}, capacity(3));
  CHECK(ordered.waves() == std::vector<uint32_t>{2, 1, 2, 2});
  CHECK(ordered.hybrid().peak == 1);
  const Searched unordered(systems, "from,to,coupling\nc,a,loose\nc,b,loose\n", {1, 1, 2, 2},
                           capacity(3));
  CHECK(unordered.waves() == std::vector<uint32_t>{1, 1, 2, 1});
}

TEST_CASE("a provider moves later only with the consumers of its wave that wait for it") {
  // p would rather join y and z in wave 2, but c, which waits for it, is linked to q1 and q2 in
  // wave 1: moving p and c together gains nothing.
  const std::string systems =
      "p,P,X,,,,,\nc,C,X,,,,,\ny,Y,X,,,,,\nz,Z,X,,,,,\nq1,Q1,X,,,,,\nq2,Q2,X,,,,,\n";
  const std::string links = "from,to,coupling\np,y,loose\np,z,loose\nc,q1,loose\nc,q2,loose\n";
  const Searched ordered(systems, links + "c,p,normal\n", {1, 1, 2, 2, 1, 1});
  CHECK(ordered.waves() == std::vector<uint32_t>{1, 1, 1, 2, 1, 1});
  const Searched unordered(systems, links, {1, 1, 2, 2, 1, 1});
  CHECK(unordered.waves() == std::vector<uint32_t>{2, 1, 2, 2, 1, 1});
}

TEST_CASE("a provider and the consumers of its wave that wait for it move later together") {
  const Searched s("p,P,X,,,,,\nc,C,X,,,,,\ny,Y,X,,,,,\nz,Z,X,,,,,\n",
                   "from,to,coupling\nc,p,normal\np,y,loose\np,z,loose\n", {1, 1, 2, 2});
  CHECK(s.waves() == std::vector<uint32_t>{2, 2, 2, 2});
  CHECK(s.hybrid().peak == 0);
}

testing::Planned planned(std::string systems, std::string dependencies, std::string agencies,
                         models::PlanSettings settings = {}) {
  testing::Planned p{
      inventoryFrom(std::move(systems), std::move(dependencies), std::move(agencies)),
      std::nullopt,
      {}};
  p.plan = planMigration(p.inventory, settings, p.diagnostics);
  return p;
}

TEST_CASE("a unit the search moved later says so, and one it moved earlier claims no wait") {
  // The agencies' turns put a and b in wave 1 and c and d in wave 2; a and d then change places.
  const auto p = planned("id,name,agency\na,A,X\nb,B,X\nc,C,Y\nd,D,Y\n",
                         "from,to,coupling\nb,d,loose\nc,a,loose\n", {}, capacity(2));
  REQUIRE(p.plan);
  CHECK(p.waveOf("a") == 2);
  CHECK(p.waveOf("d") == 1);
  CHECK(p.plan->metrics.peakHybridLinks == 0);
  CHECK(p.reasonsOf("a") ==
        std::vector<std::string>{"could move from wave 1; placed in wave 2 to move together with "
                                 "the systems it is linked to (fewer hybrid links)"});
  CHECK(p.reasonsOf("d") ==
        std::vector<std::string>{"earliest possible wave: nothing holds it back"});
  // c stayed: wave 1 is full, and its agency's turn now begins in wave 1.
  CHECK(p.reasonsOf("c") ==
        std::vector<std::string>{"could move from wave 1; wave 1 was full (2 of 2 systems)"});
}

TEST_CASE("an agency limit the search made room under is no longer named") {
  // MOF moves two systems a wave: v1 and w take wave 1, v2 waits for wave 2. The search then
  // moves w to y1 and y2 in wave 2, and wave 1 has room for v2 under MOF's limit again.
  const auto p = planned(
      "id,name,agency,not_before\nv1,V1,MOF,\nv2,V2,MOF,\nw,W,MOF,\nz,Z,EDU,\n"
      "y1,Y1,EDU,2027-02-01\ny2,Y2,EDU,2027-02-01\ny3,Y3,EDU,2027-02-01\n",
      "from,to,coupling\nw,y1,loose\nw,y2,loose\nv2,y1,loose\nv2,y2,loose\nv2,y3,loose\n",
      "code,name,parent,max_systems_per_wave\nMOF,Finance,,2\nEDU,Ed,,\n");
  REQUIRE(p.plan);
  CHECK(p.waveOf("v1") == 1);
  CHECK(p.waveOf("w") == 2);
  CHECK(p.waveOf("v2") == 2);
  CHECK(p.reasonsOf("v2") ==
        std::vector<std::string>{"could move from wave 1; placed in wave 2 to move together with "
                                 "the systems it is linked to (fewer hybrid links)"});
}

// A national-looking inventory: agencies of systems linked mostly inside, some across.
std::string generatedSystems(uint32_t count) {
  std::string rows;
  for (uint32_t i = 0; i < count; ++i) {
    rows +=
        fmt::format("s{},S{},A{},{},,,,{}\n", i, i, i / 20, i % 17 == 0 ? "retire" : "", 1 + i % 5);
  }
  return rows;
}
std::string generatedLinks(uint32_t count) {
  std::string rows = "from,to,coupling\n";
  uint64_t state = 12345;
  for (uint32_t i = 1; i < count; ++i) {
    for (int k = 0; k < 2; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const uint32_t span = (state >> 33) % 7 == 0 ? count : 25;
      const uint32_t j = static_cast<uint32_t>((state >> 40) % std::min(i, span));
      rows += fmt::format("s{},s{},{}\n", i, i - 1 - j, k ? "loose" : "normal");
    }
  }
  return rows;
}

TEST_CASE("the search keeps every rule and the number of waves, and lowers the links") {
  auto settings = capacity(12);
  settings.waveEffort = 40;
  const Searched s(generatedSystems(240), generatedLinks(240), {}, settings);
  const auto after = s.hybrid();
  CHECK(s.schedule.waves == 20);  // the lower bound: 240 systems, 12 a wave
  CHECK(after.afterWave.size() == 20);
  CHECK(after.peak <= s.before.peak);
  auto sum = [](const HybridLinks& links) {
    return std::accumulate(links.afterWave.begin(), links.afterWave.end(), uint64_t{0});
  };
  CHECK(sum(after) < sum(s.before));
  std::vector<uint32_t> systems(s.schedule.waves + 1, 0);
  std::vector<double> effort(s.schedule.waves + 1, 0);
  for (models::SystemIndex x = 0; x < s.inventory.systems.size(); ++x) {
    const uint32_t wave = s.schedule.waveOf[s.units.unitOf[x]];
    ++systems[wave];
    effort[wave] += s.inventory.systems[x].effortDays;
  }
  CHECK(systems[0] == 0);
  CHECK(*std::max_element(systems.begin(), systems.end()) <= 12);
  CHECK(*std::max_element(effort.begin(), effort.end()) <= 40);
  CHECK(systems[20] > 0);
  for (uint32_t u = 0; u < s.units.size(); ++u) {
    for (const UnitArc& next : s.units.successorsOf(u))
      CHECK(s.schedule.waveOf[u] <= s.schedule.waveOf[next.unit]);
  }
}

TEST_CASE("the search makes the same plan every time") {
  auto settings = capacity(12);
  const Searched first(generatedSystems(240), generatedLinks(240), {}, settings);
  const Searched second(generatedSystems(240), generatedLinks(240), {}, settings);
  CHECK(first.waves() == second.waves());
  CHECK(first.waves() != std::vector<uint32_t>(240, first.waves()[0]));
}

}  // namespace
}  // namespace cloudplan::engine
