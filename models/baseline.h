// The plan being executed, as a re-plan sees it (planning rules, version 2, Re-planning): its
// calendar and the wave each system of the current inventory had in it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/date.h"
#include "models/plan.h"

namespace cloudplan::models {

struct Baseline {
  std::string path;
  std::string sha256;  // hex, of the file's bytes
  // The calendar: a re-plan keeps the baseline's, so that its started waves keep their dates.
  Date start;
  uint32_t waveLengthDays = 28;
  std::vector<FreezeWindow> freeze;
  uint32_t waves = 0;            // number of waves in the baseline
  std::vector<uint32_t> waveOf;  // by SystemIndex of the CURRENT inventory: the baseline wave, 0
                                 // if none (new, or retained then)
  std::vector<bool> listed;      // by SystemIndex: the system was in the baseline at all
  std::vector<std::string> removed;   // ids in the baseline that the current inventory no longer
                                      // has, in baseline order
  std::vector<uint32_t> removedWave;  // parallel to `removed`: its baseline wave, 0 if none
};

}  // namespace cloudplan::models
