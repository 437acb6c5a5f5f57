#include "importers/system_fields.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "models/diagnostic.h"
#include "models/plan.h"

namespace cloudplan::importers {

using models::quoted;

void readScheduleFields(
    models::System& system, const ScheduleFieldTexts& texts,
    const std::function<void(std::string_view code, std::string message)>& error) {
  if (const std::string_view effort = texts.effortDays; !effort.empty()) {
    double value = 0;
    const auto [end, ec] = std::from_chars(effort.data(), effort.data() + effort.size(), value);
    if (ec != std::errc() || end != effort.data() + effort.size() || !std::isfinite(value) ||
        value < 0) {
      error("bad-number",
            fmt::format("effort_days {} is not a non-negative number of person-days (write it "
                        "like 12 or 7.5)",
                        quoted(effort)));
    } else {
      system.effortDays = value + 0.0;  // -0 reads as -0.0; + 0.0 makes it plain zero
    }
  }
  if (const std::string_view pin = texts.pinnedWave; !pin.empty()) {
    uint32_t wave = 0;
    const auto [end, ec] = std::from_chars(pin.data(), pin.data() + pin.size(), wave);
    if (ec != std::errc() || end != pin.data() + pin.size() || wave < 1 ||
        wave > models::kMaxWaves) {
      error("bad-wave", fmt::format("pinned_wave {} is not a wave number from 1 to {}", quoted(pin),
                                    models::kMaxWaves));
    } else {
      system.pinnedWave = wave;
    }
  }
  if (const std::string_view date = texts.notBefore; !date.empty()) {
    system.notBefore = models::parseDate(date);
    if (!system.notBefore) {
      error("bad-date",
            fmt::format("not_before {} is not a date YYYY-MM-DD (for example 2027-03-01)",
                        quoted(date)));
    }
  }
}

}  // namespace cloudplan::importers
