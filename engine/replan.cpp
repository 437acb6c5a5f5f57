#include "engine/replan.h"

#include "models/plural.h"

#include <fmt/format.h>

#include <algorithm>

namespace cloudplan::engine {

using models::ProgressStatus;
using models::quoted;
using models::SystemIndex;

std::optional<ReplanState> classifyForReplan(const models::Inventory& inventory,
                                             const ReplanInput& input,
                                             models::WaveCalendar& calendar,
                                             models::Diagnostics& diagnostics) {
  const size_t count = inventory.systems.size();
  ReplanState state;
  while (state.started < models::kMaxWaves && calendar.start(state.started + 1) <= input.today)
    ++state.started;
  while (state.ended < state.started && calendar.end(state.ended + 1) < input.today)
    ++state.ended;
  for (uint32_t k = 1; k <= state.started; ++k)
    state.endOfStarted.push_back(calendar.end(k));
  state.role.assign(count, ReplanRole::kept);
  state.baselineWave = input.baseline.waveOf;
  state.baselineWave.resize(count, 0);
  state.status.assign(count, ProgressStatus::planned);
  state.listed = input.baseline.listed;
  state.listed.resize(count, false);
  state.progressLine.assign(count, 0);
  if (input.progress) {
    for (const auto& entry : input.progress->entries) {
      state.status[entry.system] = entry.status;
      state.progressLine[entry.system] = entry.line;
    }
  }
  bool ok = true;
  const std::string today = models::formatDate(input.today);
  for (SystemIndex s = 0; s < count; ++s) {
    const models::System& system = inventory.systems[s];
    const ProgressStatus status = state.status[s];
    const uint32_t was = state.baselineWave[s];
    const bool progressed = status == ProgressStatus::done || status == ProgressStatus::inProgress;
    if (status == ProgressStatus::done && !was) {
      diagnostics.error(
          "done-never-planned", input.progress->path, state.progressLine[s],
          fmt::format("system {} is done, but the baseline {} gives it no wave (check the id, or "
                      "give the baseline that planned it)",
                      quoted(system.id), quoted(input.baseline.path)));
      ok = false;
    }
    ReplanRole& role = state.role[s];
    if (!system.scheduled()) {
      role = ReplanRole::retained;
      if (progressed && was) {
        diagnostics.warning(
            "retained-in-progress", input.progress->path, state.progressLine[s],
            fmt::format("system {} is {} in baseline wave {}, but the inventory now retains it: "
                        "it gets no wave",
                        quoted(system.id), models::nameOf(status), was));
      } else if (status == ProgressStatus::inProgress) {
        diagnostics.warning(
            "retained-in-progress", input.progress->path, state.progressLine[s],
            fmt::format("system {} is in progress, but the inventory retains it and the baseline "
                        "gives it no wave: it gets no wave",
                        quoted(system.id)));
      }
      continue;
    }
    if (!was) {
      role = ReplanRole::added;
      if (status == ProgressStatus::inProgress) {
        diagnostics.warning(
            "in-progress-never-planned", input.progress->path, state.progressLine[s],
            fmt::format("system {} is in progress, but the baseline gives it no wave: it is "
                        "planned as new",
                        quoted(system.id)));
      }
    } else if (progressed) {
      role = ReplanRole::fixed;
    } else if (was <= state.ended) {
      role = ReplanRole::slipped;
    } else if (status == ProgressStatus::onHold) {
      role = ReplanRole::onHold;
    } else if (was <= state.started) {
      role = ReplanRole::fixed;
    }
    if (role == ReplanRole::fixed && system.finishBy && calendar.end(was) > *system.finishBy) {
      // History: the re-plan keeps the system where it is, but the deadline is missed.
      const models::Date end = calendar.end(was);
      diagnostics.warning(
          "finish-by-missed", inventory.fileOf(system.where), system.where.line,
          fmt::format("finish_by {} of {} is missed: it is {} in wave {}, which {} on {}, and the "
                      "re-plan keeps it there",
                      models::formatDate(*system.finishBy), quoted(system.id),
                      describeProgress(status), was, end < input.today ? "ended" : "ends",
                      models::formatDate(end)));
    }
    const uint32_t pin = system.pinnedWave;
    if (!pin) continue;
    if (role == ReplanRole::fixed && pin != was) {
      diagnostics.error(
          "pin-contradicts-progress", inventory.fileOf(system.where), system.where.line,
          fmt::format("system {} is pinned to wave {}, but it is {} in baseline wave {}, which "
                      "it keeps (remove the pin, or correct the progress)",
                      quoted(system.id), pin, describeProgress(status), was));
      ok = false;
    } else if (role != ReplanRole::fixed && pin <= state.started) {
      diagnostics.error(
          "pin-into-started-wave", inventory.fileOf(system.where), system.where.line,
          fmt::format("system {} is pinned to wave {}, which started on {} (today is {}), but it "
                      "is not under way in it (pin it to wave {} or later)",
                      quoted(system.id), pin, models::formatDate(calendar.start(pin)), today,
                      state.started + 1));
      ok = false;
    }
  }
  if (state.started == models::kMaxWaves) {
    // Every wave a plan can have has started: what is still to move has nowhere to go.
    const auto stillToMove = std::count_if(state.role.begin(), state.role.end(), [](auto role) {
      return role != ReplanRole::fixed && role != ReplanRole::retained;
    });
    if (stillToMove) {
      diagnostics.error(
          "today-after-last-wave", "", 0,
          fmt::format("on {} all {} waves a plan can have have started, and {} still to move "
                      "{} no wave left (check --today, and mark the systems that have moved "
                      "done in --progress)",
                      today, models::kMaxWaves, models::plural(stillToMove, "system", "systems"),
                      stillToMove == 1 ? "has" : "have"));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return state;
}

std::string describeRole(const ReplanState& state, SystemIndex system) {
  const uint32_t was = state.baselineWave[system];
  switch (state.role[system]) {
    case ReplanRole::slipped:
      return fmt::format("slipped (wave {} ended on {} without it)", was,
                         models::formatDate(state.endOfStarted[was - 1]));
    case ReplanRole::onHold:
      return "is on-hold";
    case ReplanRole::added:
      return state.listed[system] ? "was retained in the baseline" : "is new since the baseline";
    default:
      return fmt::format("is planned in baseline wave {}", was);
  }
}

std::string_view describeProgress(ProgressStatus status) {
  return status == ProgressStatus::planned ? "under way" : models::nameOf(status);
}

std::string describeStarted(uint32_t started) {
  return started == 1 ? std::string("wave 1 has started")
                      : fmt::format("waves 1 to {} have started", started);
}

uint32_t countChurn(const ReplanState& state, const std::vector<uint32_t>& waveOf) {
  uint32_t churn = 0;
  for (SystemIndex s = 0; s < waveOf.size(); ++s)
    churn += waveOf[s] && state.baselineWave[s] && waveOf[s] != state.baselineWave[s];
  return churn;
}

std::string describeFixed(const ReplanState& state, SystemIndex system,
                          models::WaveCalendar& calendar) {
  const uint32_t wave = state.baselineWave[system];
  switch (state.status[system]) {
    case ProgressStatus::done:
      return fmt::format("done: stays in baseline wave {}", wave);
    case ProgressStatus::inProgress:
      return fmt::format("in progress: stays in baseline wave {}", wave);
    default:
      return fmt::format("wave {} is under way (it started on {}): stays in it", wave,
                         models::formatDate(calendar.start(wave)));
  }
}

}  // namespace cloudplan::engine

namespace cloudplan::engine {

std::optional<ConstraintGraph> withoutHistory(const models::Inventory& inventory,
                                              const ConstraintGraph& graph,
                                              const ReplanState& state) {
  auto history = [&](SystemIndex a, SystemIndex b) { return state.fixed(a) && state.fixed(b); };
  ConstraintGraph binding;
  binding.retainedConsumersOfRetiring = graph.retainedConsumersOfRetiring;
  for (uint32_t d : graph.tight) {
    const auto& dependency = inventory.dependencies[d];
    if (!history(dependency.consumer, dependency.provider)) binding.tight.push_back(d);
  }
  for (const ConstraintArc& arc : graph.arcs) {
    if (!history(arc.before, arc.after)) binding.arcs.push_back(arc);
  }
  if (binding.tight.size() == graph.tight.size() && binding.arcs.size() == graph.arcs.size())
    return std::nullopt;
  return binding;
}

void warnOfBrokenHistory(const models::Inventory& inventory, const ConstraintGraph& graph,
                         const ReplanState& state, models::Diagnostics& diagnostics) {
  auto warn = [&](uint32_t d, const std::string& what) {
    const auto& dependency = inventory.dependencies[d];
    diagnostics.warning(
        "broken-among-fixed", inventory.fileOf(dependency.where), dependency.where.line,
        fmt::format("dependency {} -> {}: {}, but both are done or under way: the re-plan keeps "
                    "them where they are",
                    quoted(inventory.systems[dependency.consumer].id),
                    quoted(inventory.systems[dependency.provider].id), what));
  };
  for (uint32_t d : graph.tight) {
    const auto& dependency = inventory.dependencies[d];
    const SystemIndex c = dependency.consumer, p = dependency.provider;
    if (!state.fixed(c) || !state.fixed(p) || state.baselineWave[c] == state.baselineWave[p])
      continue;
    warn(d, fmt::format("a tight link, in waves {} and {}", state.baselineWave[c],
                        state.baselineWave[p]));
  }
  for (const ConstraintArc& arc : graph.arcs) {
    if (!state.fixed(arc.before) || !state.fixed(arc.after) ||
        state.baselineWave[arc.before] <= state.baselineWave[arc.after])
      continue;
    const auto& dependency = inventory.dependencies[arc.dependency];
    const uint32_t consumerWave = state.baselineWave[dependency.consumer];
    const uint32_t providerWave = state.baselineWave[dependency.provider];
    switch (arc.rule) {
      case ArcRule::providerFirst:
        warn(arc.dependency, fmt::format("the provider moves in wave {}, after its consumer "
                                         "in wave {}",
                                         providerWave, consumerWave));
        break;
      case ArcRule::consumerFirst:
        warn(arc.dependency, fmt::format("the consumer moves in wave {}, after its provider in "
                                         "wave {} (consumers-first)",
                                         consumerWave, providerWave));
        break;
      case ArcRule::retireAfterUse:
        warn(arc.dependency, fmt::format("the provider is switched off in wave {}, before its "
                                         "consumer moves in wave {}",
                                         providerWave, consumerWave));
        break;
    }
  }
}

void explainReplan(const models::Inventory& inventory, const ReplanState& state,
                   bool heldBaselineWaves, models::WaveCalendar& calendar, models::Plan& plan) {
  for (SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    auto& entry = plan.systems[s];
    const uint32_t was = state.baselineWave[s];
    std::string first;
    switch (state.role[s]) {
      case ReplanRole::retained:
        continue;
      case ReplanRole::fixed:
        entry.reasons = {describeFixed(state, s, calendar)};
        continue;
      case ReplanRole::slipped:
        first = fmt::format("slipped: wave {} ended on {} without it{}", was,
                            models::formatDate(calendar.end(was)),
                            state.status[s] == ProgressStatus::onHold ? " (on hold)" : "");
        break;
      case ReplanRole::onHold:
        first = entry.wave == was
                    ? fmt::format("on hold: keeps its baseline wave {}, which has not started", was)
                    : fmt::format("on hold: moved from baseline wave {}", was);
        break;
      case ReplanRole::added:
        first =
            state.listed[s] ? "retained in the baseline, scheduled now" : "new since the baseline";
        break;
      case ReplanRole::kept:
        if (entry.wave == was) {
          first = fmt::format("keeps its baseline wave {}", was);
        } else if (heldBaselineWaves) {
          first = fmt::format("moved from baseline wave {}", was);
        } else {
          first = fmt::format(
              "moved from baseline wave {}: no plan of {} waves keeps every "
              "baseline wave the rules allow, so every system was placed anew",
              was, plan.waves.size());
        }
        break;
    }
    entry.reasons.insert(entry.reasons.begin(), std::move(first));
  }
}

}  // namespace cloudplan::engine
