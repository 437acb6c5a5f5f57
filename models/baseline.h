// The plan being executed, as a re-plan sees it: its calendar and each current system's wave.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/date.h"
#include "models/plan.h"

namespace cloudplan::models {

struct Baseline {
  std::string path, sha256;
  Date start;
  uint32_t waveLengthDays = 28;
  std::vector<FreezeWindow> freeze;  // the calendar
  uint32_t waves = 0;                // number of waves in the baseline
  // By SystemIndex of the CURRENT inventory: the baseline wave, 0 if none (new, or retained).
  std::vector<uint32_t> waveOf;
  std::vector<bool> listed;          // by SystemIndex: the system was in the baseline at all
  std::vector<std::string> removed;  // ids the current inventory no longer has, baseline order
};

}  // namespace cloudplan::models
