#include "engine/plan_sweep.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using testing::inventoryFrom;

models::Inventory sweepInventory() {
  std::string systems = "id,name,agency,strategy,effort_days,pinned_wave\n";
  for (int i = 0; i < 40; ++i)
    systems += fmt::format("A/s{},s{},A,rehost,{},{}\n", i, i, 1 + i % 7, i == 39 ? "3" : "");
  std::string dependencies = "from,to,coupling\n";
  for (int i = 1; i < 40; ++i)
    dependencies += fmt::format("A/s{},A/s{},{}\n", i, i / 2, i % 5 == 0 ? "tight" : "normal");
  return inventoryFrom(systems, dependencies);
}

std::vector<models::PlanSettings> sweepSettings() {
  std::vector<models::PlanSettings> all;
  for (uint32_t capacity : {1u, 2u, 3u, 5u, 8u, 40u}) {
    for (uint32_t length : {14u, 28u}) {
      models::PlanSettings settings;
      settings.waveCapacity = capacity;
      settings.waveLengthDays = length;
      all.push_back(settings);
    }
  }
  return all;
}

TEST_CASE("a sweep's results are the plans made one by one, in the settings' order") {
  const auto inventory = sweepInventory();
  const auto settings = sweepSettings();
  for (unsigned threads : {1u, 3u, 0u}) {
    INFO(threads);
    const auto results = planSweep(inventory, settings, threads);
    REQUIRE(results.size() == settings.size());
    for (size_t i = 0; i < settings.size(); ++i) {
      INFO(i);
      models::Diagnostics diagnostics;
      const auto plan = planMigration(inventory, settings[i], diagnostics);
      REQUIRE(results[i].metrics.has_value() == plan.has_value());
      if (!plan) {
        CHECK(results[i].error == diagnostics.all().front().message);
        continue;
      }
      CHECK(results[i].error.empty());
      CHECK(results[i].metrics->waves == plan->metrics.waves);
      CHECK(results[i].metrics->lowerBound.waves == plan->metrics.lowerBound.waves);
      CHECK(results[i].metrics->peakHybridLinks == plan->metrics.peakHybridLinks);
      CHECK(results[i].metrics->permanentHybridLinks == plan->metrics.permanentHybridLinks);
      CHECK(results[i].end == plan->waves.back().end);
    }
  }
}

TEST_CASE("a combination without a feasible plan says why, and the others are planned") {
  // Capacity 1 cannot hold a tight pair (s5 and s2 move together): no plan for it.
  const auto inventory = sweepInventory();
  const auto results = planSweep(inventory, sweepSettings(), 2);
  CHECK_FALSE(results[0].metrics);
  CHECK_FALSE(results[0].error.empty());
  CHECK(results[0].end == std::nullopt);
  CHECK(results.back().metrics);
}

TEST_CASE("an empty sweep makes no plans") {
  CHECK(planSweep(sweepInventory(), {}, 4).empty());
}

}  // namespace
}  // namespace cloudplan::engine
