#include "engine/plan_diff.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace cloudplan::engine {

using models::AgencyChurn;
using models::MovedSystem;
using models::OneSidedSystem;
using models::PlanDiff;
using models::PlanDiffSummary;
using models::StrategyChange;
using models::WaveChange;
using models::WaveDates;

namespace {

std::string agencyCode(const models::Inventory& inventory, const models::System& system) {
  return system.agency == models::kNone ? std::string()
                                        : std::string(inventory.agencies[system.agency].code);
}

// Retained systems (wave 0) after every wave.
uint32_t waveOrder(uint32_t wave) {
  return wave == 0 ? UINT32_MAX : wave;
}

std::optional<models::Date> endOf(const models::Plan& plan) {
  return plan.waves.empty() ? std::nullopt : std::optional(plan.waves.back().end);
}

uint32_t scheduledCount(const models::Plan& plan) {
  return static_cast<uint32_t>(
      std::count_if(plan.systems.begin(), plan.systems.end(),
                    [](const models::SystemPlan& system) { return system.wave != 0; }));
}

PlanDiffSummary summarize(const models::Plan& before, const models::Plan& after) {
  PlanDiffSummary s;
  s.systems = {static_cast<uint32_t>(before.systems.size()),
               static_cast<uint32_t>(after.systems.size())};
  s.scheduled = {scheduledCount(before), scheduledCount(after)};
  s.waves = {static_cast<uint32_t>(before.waves.size()), static_cast<uint32_t>(after.waves.size())};
  s.end = {endOf(before), endOf(after)};
  s.lowerBound = {before.metrics.lowerBound.waves, after.metrics.lowerBound.waves};
  s.peakHybridLinks = {before.metrics.peakHybridLinks, after.metrics.peakHybridLinks};
  s.permanentHybridLinks = {before.metrics.permanentHybridLinks,
                            after.metrics.permanentHybridLinks};
  s.newChurn = after.metrics.churn;
  return s;
}

std::vector<WaveChange> waveChanges(const models::Plan& before, const models::Plan& after) {
  std::vector<WaveChange> changes;
  const size_t count = std::max(before.waves.size(), after.waves.size());
  for (size_t i = 0; i < count; ++i) {
    WaveChange change{static_cast<uint32_t>(i + 1), std::nullopt, std::nullopt};
    if (i < before.waves.size())
      change.oldDates = WaveDates{before.waves[i].start, before.waves[i].end};
    if (i < after.waves.size())
      change.newDates = WaveDates{after.waves[i].start, after.waves[i].end};
    if (change.oldDates != change.newDates) changes.push_back(change);
  }
  return changes;
}

bool byWaveThenId(const OneSidedSystem& a, const OneSidedSystem& b) {
  return std::tuple(waveOrder(a.wave), std::string_view(a.id)) <
         std::tuple(waveOrder(b.wave), std::string_view(b.id));
}

}  // namespace

PlanDiff diffPlans(const models::Inventory& oldInventory, const models::Plan& oldPlan,
                   const models::Inventory& newInventory, const models::Plan& newPlan) {
  PlanDiff diff;
  diff.summary = summarize(oldPlan, newPlan);
  diff.waves = waveChanges(oldPlan, newPlan);

  std::map<std::string, AgencyChurn, std::less<>> agencies;
  for (models::SystemIndex s = 0; s < newInventory.systems.size(); ++s) {
    const models::System& system = newInventory.systems[s];
    const uint32_t newWave = newPlan.systems[s].wave;
    std::string agency = agencyCode(newInventory, system);
    const auto found = oldInventory.findSystem(system.id);
    if (!found) {
      diff.added.push_back({std::string(system.id), std::move(agency), system.strategy, newWave});
      continue;
    }
    const models::System& before = oldInventory.systems[*found];
    const uint32_t oldWave = oldPlan.systems[*found].wave;
    if ((oldWave == 0) != (newWave == 0)) {
      diff.strategyChanged.push_back({std::string(system.id), std::move(agency), before.strategy,
                                      system.strategy, oldWave, newWave});
      continue;
    }
    if (newWave == 0) continue;  // retained in both
    AgencyChurn& churn = agencies[agency];
    churn.code = agency;
    ++churn.scheduled;
    if (oldWave == newWave) continue;
    ++churn.moved;
    diff.moved.push_back(
        {std::string(system.id), std::move(agency), oldWave, newWave, newPlan.systems[s].reasons});
  }
  for (models::SystemIndex s = 0; s < oldInventory.systems.size(); ++s) {
    const models::System& system = oldInventory.systems[s];
    if (newInventory.findSystem(system.id)) continue;
    diff.removed.push_back({std::string(system.id), agencyCode(oldInventory, system),
                            system.strategy, oldPlan.systems[s].wave});
  }

  std::sort(diff.moved.begin(), diff.moved.end(), [](const MovedSystem& a, const MovedSystem& b) {
    return std::tie(a.newWave, a.id) < std::tie(b.newWave, b.id);
  });
  std::sort(diff.added.begin(), diff.added.end(), byWaveThenId);
  std::sort(diff.removed.begin(), diff.removed.end(), byWaveThenId);
  std::sort(diff.strategyChanged.begin(), diff.strategyChanged.end(),
            [](const StrategyChange& a, const StrategyChange& b) { return a.id < b.id; });
  for (auto& [code, churn] : agencies)
    diff.agencies.push_back(std::move(churn));
  // The map gave them by code; a stable sort keeps that order among equal churn.
  std::stable_sort(diff.agencies.begin(), diff.agencies.end(),
                   [](const AgencyChurn& a, const AgencyChurn& b) { return a.moved > b.moved; });
  return diff;
}

}  // namespace cloudplan::engine
