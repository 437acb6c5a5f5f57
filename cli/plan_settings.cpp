#include "cli/plan_settings.h"

#include <fmt/format.h>

#include <iostream>

namespace cloudplan::cli {

std::optional<models::PlanSettings> planSettingsFrom(const PlanOptions& options) {
  models::PlanSettings settings;
  bool ok = true;
  auto usage = [&](std::string message) {
    std::cerr << "cloudplan plan: error: " << message << '\n';
    ok = false;
  };
  if (auto order = models::parseName<models::Order>(options.order)) {
    settings.order = *order;
  } else {
    usage(fmt::format("--order {} is not one of {}", models::quoted(options.order),
                      models::allowedNames<models::Order>()));
  }
  if (options.waveCapacity && *options.waveCapacity == 0)
    usage("--wave-capacity must be at least 1");
  settings.waveCapacity = options.waveCapacity;
  if (options.waveEffort && !(*options.waveEffort > 0)) usage("--wave-effort must be more than 0");
  settings.waveEffort = options.waveEffort;
  if (auto start = models::parseDate(options.start)) {
    settings.start = *start;
  } else {
    usage(fmt::format("--start {} is not a date YYYY-MM-DD", models::quoted(options.start)));
  }
  if (options.waveLengthDays < 1 || options.waveLengthDays > 366) {
    usage("--wave-length must be from 1 to 366 days");
  }
  settings.waveLengthDays = options.waveLengthDays;
  for (const std::string& window : options.freeze) {
    const size_t dots = window.find("..");
    const auto from = models::parseDate(window.substr(0, dots));
    const auto to =
        dots == std::string::npos ? std::nullopt : models::parseDate(window.substr(dots + 2));
    if (!from || !to || *to < *from) {
      usage(
          fmt::format("--freeze {} is not a window FROM..TO of dates (for example "
                      "2027-12-20..2028-01-02)",
                      models::quoted(window)));
      continue;
    }
    settings.freeze.push_back({*from, *to});
  }
  settings.allowOversize = options.allowOversize;
  if (!ok) return std::nullopt;
  return settings;
}

}  // namespace cloudplan::cli
