#include "cli/plan_settings.h"

#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "cli/terminal_text.h"

namespace cloudplan::cli {

std::optional<double> readNumberOption(std::string_view option, std::string_view text,
                                       const NumberRange& range, std::string& error) {
  double value = 0;
  bool read = false;
  const char* end = text.data() + text.size();
  if (range.whole) {
    uint64_t whole = 0;
    const auto [stop, problem] = std::from_chars(text.data(), end, whole);
    read = problem == std::errc() && stop == end;
    value = static_cast<double>(whole);
  } else {
    const auto [stop, problem] = std::from_chars(text.data(), end, value);
    read = problem == std::errc() && stop == end;
  }
  if (read && value >= range.least && value <= range.most) return value;  // false for NaN
  error =
      fmt::format("{} {} is not a {} from {:.15g} to {:.15g} ({})", option, models::quoted(text),
                  range.whole ? "whole number" : "number", range.least, range.most, range.means);
  return std::nullopt;
}

std::optional<models::PlanSettings> planSettingsFrom(const PlanOptions& options) {
  models::PlanSettings settings;
  bool ok = true;
  auto usage = [&](std::string message) {
    std::cerr << "cloudplan plan: error: " << printable(message) << '\n';
    ok = false;
  };
  if (auto order = models::parseName<models::Order>(options.order)) {
    settings.order = *order;
  } else {
    usage(fmt::format("--order {} is not one of {}", models::quoted(options.order),
                      models::allowedNames<models::Order>()));
  }
  settings.waveCapacity = options.waveCapacity;
  settings.waveEffort = options.waveEffort;
  settings.waveLengthDays = options.waveLengthDays;
  if (auto start = models::parseDate(options.start)) {
    settings.start = *start;
    const int32_t length = static_cast<int32_t>(options.waveLengthDays);
    if (models::kLastDate - *start < length - 1) {
      usage(fmt::format(
          "--start {} leaves no room for wave 1: {} days from it end after {}, the "
          "last day a plan can have (start earlier)",
          models::quoted(options.start), length, models::formatDate(models::kLastDate)));
    }
  } else {
    usage(fmt::format("--start {} is not a date YYYY-MM-DD", models::quoted(options.start)));
  }
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
