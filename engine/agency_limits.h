// Limits per agency (planning rules, version 2): a ministry's team moves at most so many systems,
// or so much effort, per wave, over the agency and every agency below it. This unit turns the
// agencies' limits into what each unit of scheduling loads, as dense indices and flat arrays, so
// that the scheduler checks a unit against every limit it touches in a few steps.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <vector>

#include "engine/move_groups.h"
#include "engine/replan.h"
#include "models/inventory.h"

namespace cloudplan::engine {

// What one unit puts on one limited agency: its systems in that agency's subtree.
struct AgencyLoad {
  uint32_t limited = 0;  // index into AgencyLimits::agency
  uint32_t systems = 0;
  double effortDays = 0;
  bool oversize = false;  // alone over the agency's limit
};

struct AgencyLimits {
  // The agencies that have a limit, numbered densely ("limited" indices).
  std::vector<models::AgencyIndex> agency;
  std::vector<uint32_t> maxSystems;  // std::numeric_limits<uint32_t>::max(): none
  std::vector<double> maxEffort;     // infinity: none
  // Per unit, the limited agencies it loads.
  std::vector<uint32_t> loadStart;
  std::vector<AgencyLoad> loads;

  bool empty() const { return agency.empty(); }
  std::span<const AgencyLoad> of(uint32_t unit) const {
    if (loadStart.empty()) return {};
    return {loads.data() + loadStart[unit], loadStart[unit + 1] - loadStart[unit]};
  }
  bool hasSystemLimit(uint32_t limited) const {
    return maxSystems[limited] != std::numeric_limits<uint32_t>::max();
  }
  bool hasEffortLimit(uint32_t limited) const {
    return maxEffort[limited] != std::numeric_limits<double>::infinity();
  }
  // Whether `systems` and `effortDays` more fit beside what the wave already holds.
  bool fits(uint32_t limited, uint32_t usedSystems, double usedEffort, uint32_t systems,
            double effortDays) const;
};

// Each agency's limited ancestors (itself included) are found once, so deep agency trees cost
// one pass, not one walk per system.
AgencyLimits measureAgencyLimits(const models::Inventory& inventory, const MoveUnits& units);

// The `agency` term of the lower bound: for each limited agency A, O_A + ceil(R_A / N_A) and the
// same with effort; the largest, with the words that say where it comes from.
struct AgencyBound {
  uint32_t waves = 0;
  std::string because;  // e.g. "agency MOF's max_systems_per_wave 5: 1 over alone + ceil(23 / 5)"
};
// A re-plan (`replan`, may be null) counts the systems that are not fixed, from its first wave
// that has not started.
AgencyBound computeAgencyBound(const models::Inventory& inventory, const AgencyLimits& limits,
                               const MoveUnits& units, const ReplanState* replan = nullptr);

// The wave by which each unit should move so that every limited agency it loads, moving at its
// limit's pace, still fits what comes after the unit (in `topological` order, providers first)
// into `waves`: a unit after which an agency still needs n waves gets `waves - n + 1`, and its
// providers no later. A preference for the scheduler's order, not a rule; `waves` for units
// without limits.
void paceAgencies(const AgencyLimits& limits, const MoveUnits& units,
                  std::span<const uint32_t> topological, uint32_t waves,
                  std::vector<uint32_t>& paced);

// "max_systems_per_wave 5" or "max_effort_per_wave 40", whichever `limited` has (both: both).
std::string describeAgencyLimit(const AgencyLimits& limits, uint32_t limited);

}  // namespace cloudplan::engine
