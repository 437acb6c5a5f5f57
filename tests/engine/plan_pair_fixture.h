// Two plans of one inventory made by hand, for the tests of engine/plan_diff and its writers:
// every wave and every reason is set by the test, so that each change the diff reports is known.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "models/inventory.h"
#include "models/plan.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::testing {

struct Placement {
  std::string_view id;
  uint32_t wave = 0;  // 0: retained
  std::vector<std::string> reasons = {};
};

// A plan of `inventory` with `waves` waves of 28 days from `start`, each system in the wave of its
// placement (retained when it has none).
inline models::Plan planOf(const models::Inventory& inventory, models::Date start, uint32_t waves,
                           const std::vector<Placement>& placements) {
  models::Plan plan;
  plan.settings.start = start;
  plan.systems.resize(inventory.systems.size());
  for (uint32_t w = 0; w < waves; ++w) {
    models::Wave wave;
    wave.number = w + 1;
    wave.start = start + static_cast<int32_t>(28 * w);
    wave.end = wave.start + 27;
    plan.waves.push_back(wave);
  }
  for (const Placement& placement : placements) {
    const auto found = inventory.findSystem(placement.id);
    if (!found) throw std::logic_error("planOf: no system " + std::string(placement.id));
    const models::SystemIndex s = *found;
    plan.systems[s].wave = placement.wave;
    plan.systems[s].reasons = placement.reasons;
    if (placement.wave) plan.waves[placement.wave - 1].systems.push_back(s);
  }
  plan.metrics.systems = static_cast<uint32_t>(inventory.systems.size());
  plan.metrics.waves = waves;
  plan.metrics.lowerBound.waves = waves;
  return plan;
}

struct PlanPair {
  models::Inventory oldInventory;
  models::Plan oldPlan;
  models::Inventory newInventory;
  models::Plan newPlan;
};

// A re-plan of a ministry (MIN), its office (OFF) and a digital agency (DGA), in which a system
// moves earlier, two later (one with a reason that is markup), one is added, one removed,
// one is now retained and one now scheduled; the waves start a week later and there is one fewer.
// The new inventory lists its systems in another order than the old one.
inline PlanPair smallPlanPair() {
  PlanPair p;
  p.oldInventory = inventoryFrom(
      "id,name,agency,strategy\n"
      "MIN/app,App,MIN,rehost\n"
      "MIN/db,Database,MIN,replatform\n"
      "MIN/old,Old archive,MIN,rehost\n"
      "OFF/portal,Portal,OFF,rehost\n"
      "DGA/sso,Single sign-on,DGA,rehost\n"
      "DGA/mainframe,Mainframe,DGA,retain\n"
      "OFF/forms,Markup,OFF,rehost\n");
  p.oldPlan = planOf(p.oldInventory, models::dateFromCivil(2027, 1, 4), 3,
                     {{"MIN/app", 1, {"earliest possible wave: nothing holds it back"}},
                      {"MIN/db", 1},
                      {"MIN/old", 2},
                      {"OFF/portal", 3},
                      {"DGA/sso", 1},
                      {"OFF/forms", 1}});
  p.oldPlan.metrics.peakHybridLinks = 4;
  p.oldPlan.metrics.permanentHybridLinks = 1;
  p.newInventory = inventoryFrom(
      "id,name,agency,strategy\n"
      "DGA/sso,Single sign-on,DGA,rehost\n"
      "OFF/portal,Portal,OFF,rehost\n"
      "MIN/db,Database,MIN,retain\n"
      "MIN/app,App,MIN,rehost\n"
      "DGA/mainframe,Mainframe,DGA,rehost\n"
      "MIN/new,New service,MIN,refactor\n"
      "OFF/forms,Markup,OFF,rehost\n");
  p.newPlan = planOf(
      p.newInventory, models::dateFromCivil(2027, 1, 11), 2,
      {{"DGA/sso", 1, {"earliest possible wave: nothing holds it back"}},
       {"OFF/portal", 2, {"could move from wave 1; wave 1 was full (2 of 2 systems)"}},
       {"MIN/app", 2, {"could move from wave 1; wave 1 was full (2 of 2 systems)"}},
       {"DGA/mainframe", 1},
       {"MIN/new", 2},
       {"OFF/forms",
        2,
        {"waits for its provider MIN/app, which moves in wave 2", "<b>a reason & more</b>"}}});
  p.newPlan.metrics.peakHybridLinks = 3;
  p.newPlan.metrics.permanentHybridLinks = 1;
  p.newPlan.metrics.churn = 3;
  return p;
}

}  // namespace cloudplan::testing
