#include "engine/calendar.h"

namespace cloudplan::engine {

WaveCalendar::WaveCalendar(const models::PlanSettings& settings)
    : start_(settings.start),
      length_(static_cast<int32_t>(settings.waveLengthDays)),
      freeze_(settings.freeze) {}

void WaveCalendar::extendTo(uint32_t wave) {
  while (starts_.size() < wave) {
    models::Date day = starts_.empty() ? start_ : starts_.back() + length_;
    for (bool moved = true; moved;) {
      moved = false;
      for (const models::FreezeWindow& window : freeze_) {
        if (day <= window.to && day + (length_ - 1) >= window.from) {
          day = window.to + 1;
          moved = true;
        }
      }
    }
    starts_.push_back(day);
  }
}

models::Date WaveCalendar::start(uint32_t wave) {
  extendTo(wave);
  return starts_[wave - 1];
}

models::Date WaveCalendar::end(uint32_t wave) {
  return start(wave) + (length_ - 1);
}

uint32_t WaveCalendar::firstWaveStartingOnOrAfter(models::Date day) {
  uint32_t wave = 1;
  while (wave <= models::kMaxWaves && start(wave) < day)
    ++wave;
  return wave;
}

}  // namespace cloudplan::engine
