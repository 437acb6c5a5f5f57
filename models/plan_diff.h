// What changed between two plans of the same inventory, as a reviewer asks after a re-plan: the
// systems that moved and why, those added and removed or turned between scheduled and retained,
// the waves whose dates changed, the headline figures and the churn of each agency. Made by
// engine/plan_diff, written by the exporters.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/date.h"
#include "models/vocabulary.h"

namespace cloudplan::models {

// A system scheduled in both plans, in a different wave.
struct MovedSystem {
  std::string id;
  std::string agency;  // the new plan's agency code; empty: none
  uint32_t oldWave = 0;
  uint32_t newWave = 0;
  std::vector<std::string> reasons;  // the new plan's reasons for its wave
  bool earlier() const { return newWave < oldWave; }
};

// A system of one plan only.
struct OneSidedSystem {
  std::string id;
  std::string agency;
  Strategy strategy = Strategy::rehost;
  uint32_t wave = 0;  // 0: retained
};

// A system of both plans, scheduled in one and retained in the other (its strategy changed).
struct StrategyChange {
  std::string id;
  std::string agency;
  Strategy oldStrategy = Strategy::rehost;
  Strategy newStrategy = Strategy::rehost;
  uint32_t oldWave = 0;  // 0: retained
  uint32_t newWave = 0;
  bool nowScheduled() const { return newWave != 0; }
};

struct WaveDates {
  Date start;
  Date end;
  friend bool operator==(const WaveDates&, const WaveDates&) = default;
};

// A wave whose dates differ, or that only one plan has (the other side is nullopt).
struct WaveChange {
  uint32_t number = 0;
  std::optional<WaveDates> oldDates;
  std::optional<WaveDates> newDates;
};

// An agency's churn: of its systems scheduled in both plans (`scheduled`), those whose wave
// differs (`moved`). A system counts under its agency in the new plan.
struct AgencyChurn {
  std::string code;  // empty: systems of no agency
  uint32_t moved = 0;
  uint32_t scheduled = 0;
};

// A figure of both plans.
template <class Value>
struct Both {
  Value before{};
  Value after{};
  bool changed() const { return !(before == after); }
};

struct PlanDiffSummary {
  Both<uint32_t> systems;
  Both<uint32_t> scheduled;
  Both<uint32_t> waves;
  Both<std::optional<Date>> end;  // the last wave's end; nullopt: no waves
  Both<uint32_t> lowerBound;
  Both<uint32_t> peakHybridLinks;
  Both<uint32_t> permanentHybridLinks;
  std::optional<uint32_t> newChurn;  // the new plan's own metrics.churn, when it is a re-plan
};

struct PlanDiff {
  PlanDiffSummary summary;
  std::vector<MovedSystem> moved;               // by new wave, then id
  std::vector<OneSidedSystem> added;            // by wave (retained last), then id
  std::vector<OneSidedSystem> removed;          // by wave (retained last), then id
  std::vector<StrategyChange> strategyChanged;  // by id
  std::vector<WaveChange> waves;                // by number
  std::vector<AgencyChurn> agencies;            // by moved (most first), then code

  size_t movedEarlier() const {
    return static_cast<size_t>(std::count_if(moved.begin(), moved.end(),
                                             [](const MovedSystem& m) { return m.earlier(); }));
  }
  size_t movedLater() const { return moved.size() - movedEarlier(); }
  // Whether the plans differ: a system moved, came, went or changed between scheduled and
  // retained, a wave's dates changed, or a figure of the summary changed (other than churn).
  bool differs() const {
    const PlanDiffSummary& s = summary;
    return !moved.empty() || !added.empty() || !removed.empty() || !strategyChanged.empty() ||
           !waves.empty() || s.systems.changed() || s.scheduled.changed() || s.waves.changed() ||
           s.end.changed() || s.lowerBound.changed() || s.peakHybridLinks.changed() ||
           s.permanentHybridLinks.changed();
  }
};

}  // namespace cloudplan::models
