// A migration plan: the settings it was made with, its waves, each system's wave and reasons,
// the move groups, and the figures a reviewer compares (waves against the lower bound, hybrid
// links). Made by the engine, written by the exporters.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/date.h"
#include "models/progress.h"
#include "models/source_location.h"
#include "models/vocabulary.h"

namespace cloudplan::models {

// No plan has more waves than this; pins and dates beyond it are input errors.
inline constexpr uint32_t kMaxWaves = 1000;
// No wave is longer than a year (a leap one).
inline constexpr uint32_t kMaxWaveLengthDays = 366;

struct FreezeWindow {
  Date from;
  Date to;  // inclusive
};

// What a re-plan was made from (planning rules, version 2, Re-planning); plan.json records it.
struct ReplanSettings {
  Date today;
  std::string baselinePath;
  std::string baselineSha256;
  std::string progressPath;  // empty: no progress file
  std::string progressSha256;
};

// The settings file (cloudplan.toml) a plan's settings were read from; plan.json records it.
struct ConfigFile {
  std::string path;
  std::string sha256;  // hex, of the file's bytes
};

struct PlanSettings {
  Order order = Order::providersFirst;
  std::optional<uint32_t> waveCapacity;  // scheduled systems per wave
  std::optional<double> waveEffort;      // effort_days per wave
  Date start = dateFromCivil(2027, 1, 4);
  uint32_t waveLengthDays = 28;
  std::vector<FreezeWindow> freeze;
  bool allowOversize = false;
  std::optional<ReplanSettings> replan;
  std::optional<ConfigFile> config;  // none: no settings file was read
};

enum class MoveGroupCause : uint8_t { tight, cycle, both };
template <>
struct Vocabulary<MoveGroupCause> {
  static constexpr std::array<std::string_view, 3> names = {"tight", "cycle", "both"};
};

struct MoveGroup {
  std::string id;                    // "G1", "G2", ... in order of their first system
  std::vector<SystemIndex> systems;  // in input order
  MoveGroupCause cause = MoveGroupCause::tight;
  std::vector<uint32_t> links;  // indices into Inventory::dependencies that bind it
};

struct Wave {
  uint32_t number = 0;
  Date start;
  Date end;
  std::vector<SystemIndex> systems;  // in input order
  double effortDays = 0;
  bool oversize = false;
  bool started = false;  // a re-plan's wave that had started by today
  uint32_t hybridLinksAfter = 0;
  uint32_t migrating = 0;
  uint32_t retiring = 0;
};

struct SystemPlan {
  uint32_t wave = 0;  // 0: no wave (retained)
  // A re-plan's: the progress file's status and the wave in the baseline (0: none, new).
  ProgressStatus status = ProgressStatus::planned;
  uint32_t baselineWave = 0;
  uint32_t moveGroup = kNone;  // index into Plan::moveGroups
  std::vector<std::string> reasons;
};

// Which rule of the lower bound sets it: reviewers see why the plan cannot be shorter.
struct LowerBound {
  uint32_t waves = 0;
  uint32_t capacity = 0;
  uint32_t effort = 0;
  uint32_t pin = 0;
  uint32_t date = 0;
  uint32_t agency = 0;   // the largest over the agencies with a limit
  uint32_t started = 0;  // a re-plan's: the last wave that holds a fixed system
};

struct PlanMetrics {
  uint32_t systems = 0;
  uint32_t dependencies = 0;
  uint32_t scheduled = 0;
  uint32_t waves = 0;
  LowerBound lowerBound;
  uint32_t peakHybridLinks = 0;
  uint32_t permanentHybridLinks = 0;
  std::optional<uint32_t> churn;  // a re-plan's: systems whose wave differs from the baseline
};

struct Plan {
  PlanSettings settings;
  std::vector<Wave> waves;
  std::vector<SystemPlan> systems;  // by SystemIndex
  std::vector<MoveGroup> moveGroups;
  PlanMetrics metrics;
};

}  // namespace cloudplan::models
