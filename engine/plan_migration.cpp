#include "engine/plan_migration.h"

#include <fmt/format.h>

#include "engine/agency_limits.h"
#include "engine/constraint_graph.h"
#include "engine/explain.h"
#include "engine/hybrid_links.h"
#include "engine/lower_bound.h"
#include "engine/move_groups.h"
#include "engine/reduce_hybrid_links.h"
#include "engine/replan.h"
#include "engine/schedule_waves.h"
#include "engine/system_links.h"
#include "models/wave_calendar.h"

namespace cloudplan::engine {

using models::kNone;
using models::quoted;

namespace {

void warnOfRetainedSystems(const models::Inventory& inventory, const ConstraintGraph& graph,
                           models::Diagnostics& diagnostics) {
  for (const auto& system : inventory.systems) {
    if (system.scheduled()) continue;
    std::vector<std::string_view> ignored;
    if (system.pinnedWave) ignored.push_back("pinned_wave");
    if (system.notBefore) ignored.push_back("not_before");
    if (system.finishBy) ignored.push_back("finish_by");
    if (ignored.empty()) continue;
    diagnostics.warning(
        "retained-pin-ignored", inventory.fileOf(system.where), system.where.line,
        fmt::format("system {} is retained, so its {} {} ignored", quoted(system.id),
                    fmt::join(ignored, " and "), ignored.size() == 1 ? "is" : "are"));
  }
  for (uint32_t d : graph.retainedConsumersOfRetiring) {
    const auto& dependency = inventory.dependencies[d];
    diagnostics.warning(
        "retained-loses-provider", inventory.fileOf(dependency.where), dependency.where.line,
        fmt::format("retained system {} depends on {}, which retires: it loses that provider "
                    "(migrate the consumer, or keep the provider)",
                    quoted(inventory.systems[dependency.consumer].id),
                    quoted(inventory.systems[dependency.provider].id)));
  }
}

}  // namespace

std::optional<models::Plan> planMigration(const models::Inventory& inventory,
                                          const models::PlanSettings& requested,
                                          models::Diagnostics& diagnostics,
                                          const ReplanInput* replan) {
  // A re-plan keeps the baseline's calendar: its waves are the ones under way.
  models::PlanSettings settings = requested;
  if (replan) {
    settings.start = replan->baseline.start;
    settings.waveLengthDays = replan->baseline.waveLengthDays;
    settings.freeze = replan->baseline.freeze;
  }
  models::WaveCalendar calendar(settings);
  std::optional<ReplanState> state;
  if (replan) {
    state = classifyForReplan(inventory, *replan, calendar, diagnostics);
    if (!state) return std::nullopt;
  }
  const ReplanState* fixed = state ? &*state : nullptr;
  const ConstraintGraph graph = buildConstraintGraph(inventory, settings.order);
  warnOfRetainedSystems(inventory, graph, diagnostics);
  if (fixed) warnOfBrokenHistory(inventory, graph, *fixed, diagnostics);
  // The move groups are the rules' (check_plan's too). A re-plan schedules without the links
  // between two fixed systems, which bind nothing: fixed systems joined only by history then form
  // units of their own, each in its own baseline wave.
  const MoveUnits groups = condenseMoveGroups(inventory, graph);
  std::optional<ConstraintGraph> binding;
  std::optional<MoveUnits> split;
  if (fixed && (binding = withoutHistory(inventory, graph, *fixed))) {
    split = condenseMoveGroups(inventory, *binding);
    nameAfter(groups, *split);
  }
  const ConstraintGraph& rules = binding ? *binding : graph;
  const MoveUnits& units = split ? *split : groups;
  const std::vector<UnitLoad> loads = measureUnits(inventory, units, settings, calendar, fixed);
  const AgencyLimits agencyLimits = measureAgencyLimits(inventory, units);
  const AgencyBound agencyBound = computeAgencyBound(inventory, agencyLimits, units, fixed);
  const models::LowerBound bound =
      computeLowerBound(loads, settings, agencyBound, fixed ? fixed->started : 0);
  const SystemLinks links(inventory);
  auto schedule = scheduleWaves(inventory, rules, units, loads, agencyLimits, links, settings,
                                bound.waves, diagnostics, fixed);
  if (!schedule || !calendar.fitsLastDate(schedule->waves, diagnostics)) return std::nullopt;
  // A re-plan keeps the list scheduler's waves: its fixed systems, started waves and baseline
  // waves to keep are rules and preferences the search for fewer hybrid links does not weigh.
  if (!fixed) {
    reduceHybridLinks(inventory, rules, units, loads, agencyLimits, links, settings, *schedule);
  }

  models::Plan plan;
  plan.settings = settings;
  plan.moveGroups = groups.groups;
  plan.systems.resize(inventory.systems.size());
  std::vector<uint32_t> waveOf(inventory.systems.size(), 0);
  for (uint32_t u = 0; u < units.size(); ++u) {
    for (models::SystemIndex s : units.membersOf(u)) {
      // Fixed systems keep their own baseline wave, even in a unit whose links history broke.
      const uint32_t wave = fixed && fixed->fixed(s) ? fixed->baselineWave[s] : schedule->waveOf[u];
      waveOf[s] = wave;
      plan.systems[s].wave = wave;
      plan.systems[s].moveGroup = groups.groupOf[groups.unitOf[s]];
    }
  }
  plan.waves.resize(schedule->waves);
  for (uint32_t k = 1; k <= schedule->waves; ++k) {
    models::Wave& wave = plan.waves[k - 1];
    wave.number = k;
    wave.start = calendar.start(k);
    wave.end = calendar.end(k);
    wave.oversize = schedule->oversizeWave[k - 1];
  }
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    if (!waveOf[s]) continue;
    const auto& system = inventory.systems[s];
    models::Wave& wave = plan.waves[waveOf[s] - 1];
    wave.systems.push_back(s);
    wave.effortDays += system.effortDays;
    ++(system.action() == models::Action::retire ? wave.retiring : wave.migrating);
  }
  const HybridLinks hybrid = countHybridLinks(inventory, waveOf, schedule->waves);
  for (uint32_t k = 0; k < schedule->waves; ++k)
    plan.waves[k].hybridLinksAfter = hybrid.afterWave[k];
  explainWaves(inventory, rules, units, loads, agencyLimits, *schedule, calendar, plan);
  if (fixed) {
    for (uint32_t k = 1; k <= fixed->started && k <= schedule->waves; ++k)
      plan.waves[k - 1].started = true;
    for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
      plan.systems[s].status = fixed->status[s];
      plan.systems[s].baselineWave = fixed->baselineWave[s];
    }
    explainReplan(inventory, *fixed, schedule->heldBaselineWaves, calendar, plan);
    plan.metrics.churn = countChurn(*fixed, waveOf);
  }

  auto& metrics = plan.metrics;
  metrics.systems = static_cast<uint32_t>(inventory.systems.size());
  metrics.dependencies = static_cast<uint32_t>(inventory.dependencies.size());
  metrics.scheduled = static_cast<uint32_t>(units.members.size());
  metrics.waves = schedule->waves;
  metrics.lowerBound = bound;
  metrics.peakHybridLinks = hybrid.peak;
  metrics.permanentHybridLinks = hybrid.permanent;
  if (schedule->waves > bound.waves) {
    diagnostics.note(
        "above-lower-bound", "", 0,
        fmt::format(
            "the plan has {} waves, {} more than the lower bound {}{}: {}", schedule->waves,
            schedule->waves - bound.waves, bound.waves,
            bound.agency && bound.agency == bound.waves ? " (" + agencyBound.because + ")" : "",
            schedule->longerThanBoundBecause));
  }
  return plan;
}

}  // namespace cloudplan::engine
