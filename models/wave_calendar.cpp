#include "models/wave_calendar.h"

#include <fmt/format.h>

#include <algorithm>

namespace cloudplan::models {

WaveCalendar::WaveCalendar(const PlanSettings& settings)
    : start_(settings.start),
      length_(static_cast<int32_t>(settings.waveLengthDays)),
      freeze_(settings.freeze) {}

void WaveCalendar::extendTo(uint32_t wave) {
  while (starts_.size() < wave) {
    Date day = starts_.empty() ? start_ : starts_.back() + length_;
    for (bool moved = true; moved;) {
      moved = false;
      for (const FreezeWindow& window : freeze_) {
        if (day <= window.to && day + (length_ - 1) >= window.from) {
          day = window.to + 1;
          moved = true;
        }
      }
    }
    starts_.push_back(day);
  }
}

Date WaveCalendar::start(uint32_t wave) {
  extendTo(wave);
  return starts_[wave - 1];
}

Date WaveCalendar::end(uint32_t wave) {
  return start(wave) + (length_ - 1);
}

bool WaveCalendar::fitsLastDate(uint32_t waves, Diagnostics& diagnostics) {
  for (uint32_t wave = 1; wave <= waves; ++wave) {
    if (end(wave) <= kLastDate) continue;
    diagnostics.error(
        "wave-after-last-date", "", 0,
        fmt::format("wave {} of {} would end after {}, the last day a plan can have: waves of {} "
                    "days from {}{} (start earlier, or make the waves or the freeze windows "
                    "shorter)",
                    wave, waves, formatDate(kLastDate), length_, formatDate(start_),
                    freeze_.empty() ? ""
                                    : fmt::format(" and {} freeze window{}", freeze_.size(),
                                                  freeze_.size() == 1 ? "" : "s")));
    return false;
  }
  return true;
}

uint32_t WaveCalendar::firstWaveStartingOnOrAfter(Date day) {
  uint32_t wave = 1;
  while (wave <= kMaxWaves && start(wave) < day)
    ++wave;
  return wave;
}

uint32_t WaveCalendar::lastWaveEndingOnOrBefore(Date day) {
  // Ends grow with the wave number: find the bracket by doubling, then bisect.
  uint32_t good = 0, bad = 1;
  while (bad <= kMaxWaves && end(bad) <= day) {
    good = bad;
    bad = std::min<uint32_t>(bad * 2, kMaxWaves + 1);
  }
  while (bad - good > 1) {
    const uint32_t middle = good + (bad - good) / 2;
    (end(middle) <= day ? good : bad) = middle;
  }
  return good;
}

}  // namespace cloudplan::models
