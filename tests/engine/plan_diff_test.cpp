#include "engine/plan_diff.h"

#include <catch2/catch.hpp>

#include "tests/engine/plan_pair_fixture.h"

namespace cloudplan::engine {
namespace {

using models::AgencyChurn;
using models::MovedSystem;
using models::OneSidedSystem;
using models::PlanDiff;
using models::PlanDiffSummary;
using models::StrategyChange;
using models::WaveChange;
using models::WaveDates;
using testing::inventoryFrom;
using testing::planOf;

const models::Date kStart = models::dateFromCivil(2027, 1, 4);

PlanDiff smallDiff() {
  const testing::PlanPair p = testing::smallPlanPair();
  return diffPlans(p.oldInventory, p.oldPlan, p.newInventory, p.newPlan);
}

TEST_CASE("systems that moved are matched by id, by new wave then id, with the new reasons",
          "[plan_diff]") {
  const PlanDiff diff = smallDiff();
  REQUIRE(diff.moved.size() == 3);
  CHECK(diff.moved[0].id == "MIN/app");
  CHECK(diff.moved[0].agency == "MIN");
  CHECK(diff.moved[0].oldWave == 1);
  CHECK(diff.moved[0].newWave == 2);
  CHECK_FALSE(diff.moved[0].earlier());
  CHECK(diff.moved[0].reasons ==
        std::vector<std::string>{"could move from wave 1; wave 1 was full (2 of 2 systems)"});
  CHECK(diff.moved[1].id == "OFF/forms");
  CHECK(diff.moved[1].reasons.size() == 2);
  CHECK(diff.moved[2].id == "OFF/portal");
  CHECK(diff.moved[2].oldWave == 3);
  CHECK(diff.moved[2].earlier());
  CHECK(diff.movedEarlier() == 1);
  CHECK(diff.movedLater() == 2);
}

TEST_CASE("a system of one plan only is added or removed, with its wave and strategy",
          "[plan_diff]") {
  const PlanDiff diff = smallDiff();
  REQUIRE(diff.added.size() == 1);
  CHECK(diff.added[0].id == "MIN/new");
  CHECK(diff.added[0].agency == "MIN");
  CHECK(diff.added[0].wave == 2);
  CHECK(diff.added[0].strategy == models::Strategy::refactor);
  REQUIRE(diff.removed.size() == 1);
  CHECK(diff.removed[0].id == "MIN/old");
  CHECK(diff.removed[0].wave == 2);
}

TEST_CASE("added and removed systems are listed by wave, retained ones last, then by id",
          "[plan_diff]") {
  const auto before = inventoryFrom("id,name,agency,strategy\nA/x,N,A,rehost\n");
  const auto after = inventoryFrom(
      "id,name,agency,strategy\nA/x,N,A,rehost\nB/kept,N,B,retain\nA/z,N,A,rehost\n"
      "A/y,N,A,rehost\nB/first,N,B,rehost\n");
  const auto diff =
      diffPlans(before, planOf(before, kStart, 1, {{"A/x", 1}}), after,
                planOf(after, kStart, 2, {{"A/x", 1}, {"A/z", 2}, {"A/y", 2}, {"B/first", 1}}));
  std::vector<std::string> ids;
  for (const auto& added : diff.added)
    ids.push_back(added.id);
  CHECK(ids == std::vector<std::string>{"B/first", "A/y", "A/z", "B/kept"});
  CHECK(diff.removed.empty());
  CHECK(diff.moved.empty());
}

TEST_CASE("a system turned between scheduled and retained is a strategy change, not a move",
          "[plan_diff]") {
  const PlanDiff diff = smallDiff();
  REQUIRE(diff.strategyChanged.size() == 2);
  const StrategyChange& mainframe = diff.strategyChanged[0];
  CHECK(mainframe.id == "DGA/mainframe");
  CHECK(mainframe.oldStrategy == models::Strategy::retain);
  CHECK(mainframe.newStrategy == models::Strategy::rehost);
  CHECK(mainframe.oldWave == 0);
  CHECK(mainframe.newWave == 1);
  CHECK(mainframe.nowScheduled());
  const StrategyChange& db = diff.strategyChanged[1];
  CHECK(db.id == "MIN/db");
  CHECK(db.oldWave == 1);
  CHECK(db.newWave == 0);
  CHECK_FALSE(db.nowScheduled());
}

TEST_CASE("waves whose dates changed, and those of one plan only, are listed by number",
          "[plan_diff]") {
  const PlanDiff diff = smallDiff();
  REQUIRE(diff.waves.size() == 3);
  CHECK(diff.waves[0].number == 1);
  CHECK(diff.waves[0].oldDates == WaveDates{kStart, kStart + 27});
  CHECK(diff.waves[0].newDates == WaveDates{kStart + 7, kStart + 34});
  CHECK(diff.waves[2].number == 3);
  CHECK(diff.waves[2].oldDates.has_value());
  CHECK_FALSE(diff.waves[2].newDates.has_value());
}

TEST_CASE("waves on the same dates are not listed, whatever their systems", "[plan_diff]") {
  const auto inventory = inventoryFrom("id,name,agency\nA/x,N,A\nA/y,N,A\n");
  const auto diff = diffPlans(inventory, planOf(inventory, kStart, 2, {{"A/x", 1}, {"A/y", 2}}),
                              inventory, planOf(inventory, kStart, 2, {{"A/x", 2}, {"A/y", 1}}));
  CHECK(diff.waves.empty());
  CHECK(diff.moved.size() == 2);
  CHECK(diff.differs());
}

TEST_CASE("the summary has both plans' figures and the new plan's own churn", "[plan_diff]") {
  const PlanDiff diff = smallDiff();
  const PlanDiffSummary& s = diff.summary;
  CHECK(s.systems.before == 7);
  CHECK(s.systems.after == 7);
  CHECK_FALSE(s.systems.changed());
  CHECK(s.scheduled.before == 6);
  CHECK(s.scheduled.after == 6);
  CHECK(s.waves.before == 3);
  CHECK(s.waves.after == 2);
  CHECK(s.end.before == kStart + 3 * 28 - 1);
  CHECK(s.end.after == kStart + 7 + 2 * 28 - 1);
  CHECK(s.lowerBound.before == 3);
  CHECK(s.lowerBound.after == 2);
  CHECK(s.peakHybridLinks.before == 4);
  CHECK(s.peakHybridLinks.after == 3);
  CHECK_FALSE(s.permanentHybridLinks.changed());
  CHECK(s.newChurn == 3u);
  CHECK(diff.differs());
}

TEST_CASE("churn per agency counts the moved of its systems scheduled in both plans, most first",
          "[plan_diff]") {
  const PlanDiff diff = smallDiff();
  REQUIRE(diff.agencies.size() == 3);
  CHECK(diff.agencies[0].code == "OFF");
  CHECK(diff.agencies[0].moved == 2);
  CHECK(diff.agencies[0].scheduled == 2);
  CHECK(diff.agencies[1].code == "MIN");
  CHECK(diff.agencies[1].moved == 1);
  CHECK(diff.agencies[1].scheduled == 1);  // MIN/db is now retained, MIN/new was not there
  CHECK(diff.agencies[2].code == "DGA");
  CHECK(diff.agencies[2].moved == 0);
  CHECK(diff.agencies[2].scheduled == 1);
}

TEST_CASE("agencies of equal churn are in code order, and a system counts under its new agency",
          "[plan_diff]") {
  const auto before = inventoryFrom("id,name,agency\nS/1,N,OLD\nS/2,N,B\nS/3,N,A\n");
  const auto after = inventoryFrom("id,name,agency\nS/1,N,C\nS/2,N,B\nS/3,N,A\n");
  const auto diff =
      diffPlans(before, planOf(before, kStart, 2, {{"S/1", 1}, {"S/2", 1}, {"S/3", 1}}), after,
                planOf(after, kStart, 2, {{"S/1", 2}, {"S/2", 2}, {"S/3", 2}}));
  REQUIRE(diff.agencies.size() == 3);
  CHECK(diff.agencies[0].code == "A");
  CHECK(diff.agencies[1].code == "B");
  CHECK(diff.agencies[2].code == "C");
  CHECK(diff.agencies[2].moved == 1);
}

TEST_CASE("a plan compared with itself does not differ", "[plan_diff]") {
  const testing::PlanPair p = testing::smallPlanPair();
  const auto diff = diffPlans(p.newInventory, p.newPlan, p.newInventory, p.newPlan);
  CHECK_FALSE(diff.differs());
  CHECK(diff.moved.empty());
  CHECK(diff.added.empty());
  CHECK(diff.removed.empty());
  CHECK(diff.strategyChanged.empty());
  CHECK(diff.waves.empty());
  CHECK(diff.agencies.size() == 3);
}

TEST_CASE("a changed figure alone makes the plans differ", "[plan_diff]") {
  const auto inventory = inventoryFrom("id,name,agency\nA/x,N,A\n");
  const auto before = planOf(inventory, kStart, 1, {{"A/x", 1}});
  auto after = before;
  after.metrics.peakHybridLinks = 1;
  CHECK(diffPlans(inventory, before, inventory, after).differs());
}

}  // namespace
}  // namespace cloudplan::engine
