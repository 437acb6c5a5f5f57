#include "importers/plan/baseline_reader.h"

#include "importers/input_file.h"
#include "importers/plan/plan_reader.h"

namespace cloudplan::importers {

std::optional<models::Baseline> readBaseline(const std::string& path,
                                             const models::Inventory& current,
                                             models::Diagnostics& diagnostics) {
  std::string sha256;
  const auto loaded = readPlan(path, diagnostics, &sha256);
  if (!loaded) return std::nullopt;
  const models::PlanSettings& settings = loaded->plan.settings;
  models::Baseline baseline;
  baseline.path = inputName(path);
  baseline.sha256 = std::move(sha256);
  baseline.start = settings.start;
  baseline.waveLengthDays = settings.waveLengthDays;
  baseline.freeze = settings.freeze;
  baseline.waves = static_cast<uint32_t>(loaded->plan.waves.size());
  baseline.waveOf.assign(current.systems.size(), 0);
  baseline.listed.assign(current.systems.size(), false);
  const auto& systems = loaded->inventory.systems;
  for (size_t i = 0; i < systems.size(); ++i) {
    const uint32_t wave = loaded->plan.systems[i].wave;
    if (const auto now = current.findSystem(systems[i].id)) {
      baseline.waveOf[*now] = wave;
      baseline.listed[*now] = true;
    } else {
      baseline.removed.emplace_back(systems[i].id);
      baseline.removedWave.push_back(wave);
    }
  }
  return baseline;
}

}  // namespace cloudplan::importers
