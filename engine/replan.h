// A re-plan's view of the systems (planning rules, version 2, Re-planning): which are fixed in
// their baseline wave, which slipped, are on hold or are new, and which keep their baseline wave
// if they can. The scheduler places the rest in waves that have not started.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/constraint_graph.h"
#include "models/baseline.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/progress.h"
#include "models/wave_calendar.h"

namespace cloudplan::engine {

struct ReplanInput {
  const models::Baseline& baseline;
  const models::Progress* progress = nullptr;  // none: every system is planned
  models::Date today;
};

enum class ReplanRole : uint8_t {
  fixed,    // done, in progress, or planned in the wave under way: keeps its baseline wave
  slipped,  // planned or on hold in a wave that has ended
  onHold,   // on hold in a wave that has not ended
  added,    // not scheduled in the baseline
  kept,     // planned in a wave that has not started: keeps it if the rules allow
  retained  // no wave
};

struct ReplanState {
  uint32_t started = 0;                        // waves 1..started have started by today
  uint32_t ended = 0;                          // waves 1..ended have ended by today
  std::vector<ReplanRole> role;                // by system
  std::vector<uint32_t> baselineWave;          // by system; 0: none
  std::vector<models::ProgressStatus> status;  // by system
  std::vector<uint32_t> progressLine;          // by system; 0: not in the progress file
  std::vector<models::Date> endOfStarted;      // the end of waves 1..started
  std::vector<bool> listed;                    // by system: in the baseline, scheduled or retained

  bool fixed(models::SystemIndex s) const { return role[s] == ReplanRole::fixed; }
};

// Errors (a done system the baseline never planned; a pin into a started wave) give nullopt.
std::optional<ReplanState> classifyForReplan(const models::Inventory& inventory,
                                             const ReplanInput& input,
                                             models::WaveCalendar& calendar,
                                             models::Diagnostics& diagnostics);

// What a system still to move is: "slipped (wave 2 ended on 2027-02-28 without it)", "is on
// hold", "is new since the baseline", "is planned in baseline wave 5".
std::string describeRole(const ReplanState& state, models::SystemIndex system);

// How a fixed system stands, for messages: "done", "in-progress", or "under way" for one still
// planned in the wave under way.
std::string_view describeProgress(models::ProgressStatus status);

// "wave 1 has started", "waves 1 to 3 have started".
std::string describeStarted(uint32_t started);

// Systems scheduled in both plans whose wave differs from the baseline's.
uint32_t countChurn(const ReplanState& state, const std::vector<uint32_t>& waveOf);

// What a fixed system's place says in its reasons: "done: stays in baseline wave 3", ...
std::string describeFixed(const ReplanState& state, models::SystemIndex system,
                          models::WaveCalendar& calendar);

// The rules without the links between two fixed systems (history binds nothing); nullopt when
// no link joins two fixed systems.
std::optional<ConstraintGraph> withoutHistory(const models::Inventory& inventory,
                                              const ConstraintGraph& graph,
                                              const ReplanState& state);

// Warns of the rules that two fixed systems break: history, which a re-plan cannot change.
void warnOfBrokenHistory(const models::Inventory& inventory, const ConstraintGraph& graph,
                         const ReplanState& state, models::Diagnostics& diagnostics);

// Opens each system's reasons with its part in the re-plan: fixed, slipped, on hold, new, kept
// or moved from its baseline wave (the reasons that follow say why).
// `heldBaselineWaves`: whether the plan could offer every system its baseline wave (if not, the
// moved ones say that fewer waves needed them all placed anew).
void explainReplan(const models::Inventory& inventory, const ReplanState& state,
                   bool heldBaselineWaves, models::WaveCalendar& calendar, models::Plan& plan);

}  // namespace cloudplan::engine
