// libFuzzer target: bytes through the plan.json reader the way render and explain read a file
// (nesting limit, nlohmann's parser, every field checked), then checks that a plan it accepts
// holds together: every index in range, each wave listing exactly its systems. Built and run by
// fuzz/run.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/inventory_invariants.h"
#include "importers/plan/plan_json_reader.h"
#include "importers/plan/plan_reader.h"

using namespace cloudplan;
using fuzz::require;

namespace {

void checkPlan(const models::Inventory& inventory, const models::Plan& plan) {
  const size_t systems = inventory.systems.size(), dependencies = inventory.dependencies.size();
  require(plan.systems.size() == systems, "a plan entry per system");
  for (models::AgencyIndex a = 0; a < inventory.agencies.size(); ++a) {
    const models::AgencyIndex parent = inventory.agencies[a].parent;
    require(parent == models::kNone || parent < inventory.agencies.size(), "a bad parent index");
  }
  for (models::SystemIndex s = 0; s < systems; ++s) {
    const models::System& system = inventory.systems[s];
    require(!system.id.empty(), "a system has an empty id");
    require(inventory.findSystem(system.id) == s, "a system's id does not find it");
    require(system.agency == models::kNone || system.agency < inventory.agencies.size(),
            "a bad agency index");
    require(system.effortDays >= 0, "a negative effort");
    require(system.pinnedWave <= models::kMaxWaves, "a pinned wave past the last one");
    require(system.properties.first + system.properties.count <= inventory.properties.size(),
            "system properties out of range");
    const models::SystemPlan& planned = plan.systems[s];
    require(planned.wave <= plan.waves.size(), "a system's wave past the last one");
    require(planned.moveGroup == models::kNone || planned.moveGroup < plan.moveGroups.size(),
            "a bad move group index");
  }
  for (const models::Dependency& d : inventory.dependencies) {
    require(d.consumer < systems && d.provider < systems, "a dependency on no system");
  }
  for (size_t w = 0; w < plan.waves.size(); ++w) {
    const models::Wave& wave = plan.waves[w];
    require(wave.number == w + 1, "waves numbered in order");
    for (const models::SystemIndex s : wave.systems) {
      require(s < systems && plan.systems[s].wave == wave.number, "a wave lists another's system");
    }
  }
  for (const models::MoveGroup& group : plan.moveGroups) {
    for (const models::SystemIndex s : group.systems)
      require(s < systems, "a group of no system");
    for (const uint32_t link : group.links)
      require(link < dependencies, "a group link to no dependency");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  models::Diagnostics diagnostics;
  if (const auto document = importers::parsePlanJson(text, "plan.json", diagnostics)) {
    if (const auto loaded = importers::planFromJson(*document, "plan.json", diagnostics)) {
      require(!diagnostics.hasErrors(), "a plan read with errors");
      checkPlan(loaded->inventory, loaded->plan);
    }
  }
  for (const models::Diagnostic& d : diagnostics.all()) {
    require(d.line <= lines, "a message past the last line");
    // Values are quoted cut short, never dumped whole: a message stays readable.
    require(d.message.size() < 1000, "a message of 1000 bytes or more");
  }
  return 0;
}
