// Wave dates: back to back from the start date, each wave_length_days long, and a wave that would
// overlap a freeze window starts the day after the window instead.
#pragma once

#include <vector>

#include "models/diagnostic.h"
#include "models/plan.h"

namespace cloudplan::models {

class WaveCalendar {
 public:
  explicit WaveCalendar(const PlanSettings& settings);

  // Waves are numbered from 1.
  Date start(uint32_t wave);
  Date end(uint32_t wave);

  // Whether waves 1..`waves` all end by kLastDate; if not, an error in `diagnostics`
  // (code wave-after-last-date) names the first that does not, and why.
  bool fitsLastDate(uint32_t waves, Diagnostics& diagnostics);

  // The first wave that starts on or after `day` (1 when `day` is before the start); past
  // kMaxWaves it answers kMaxWaves + 1.
  uint32_t firstWaveStartingOnOrAfter(Date day);

  // The last wave that ends on or before `day` (0 when wave 1 ends after it); at most kMaxWaves.
  uint32_t lastWaveEndingOnOrBefore(Date day);

 private:
  void extendTo(uint32_t wave);

  Date start_;
  int32_t length_;
  std::vector<FreezeWindow> freeze_;
  std::vector<Date> starts_;
};

}  // namespace cloudplan::models
