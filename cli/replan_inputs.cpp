#include "cli/replan_inputs.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/terminal_text.h"
#include "importers/plan/baseline_reader.h"
#include "importers/progress/progress_reader.h"
#include "models/utc_time.h"

namespace cloudplan::cli {

std::optional<models::Date> replanToday(std::string_view command, const PlanOptions& options) {
  if (!options.todayGiven) return models::parseDate(models::utcNow().substr(0, 10));
  if (auto today = models::parseDate(options.today)) return today;
  std::cerr << fmt::format("cloudplan {}: error: --today {} is not a date YYYY-MM-DD\n", command,
                           printable(models::quoted(options.today)));
  return std::nullopt;
}

std::optional<ReplanFiles> readReplanFiles(const PlanOptions& options,
                                           const models::Inventory& inventory, models::Date today,
                                           models::Diagnostics& diagnostics) {
  auto baseline = importers::readBaseline(options.baseline, inventory, diagnostics);
  if (!baseline) return std::nullopt;
  ReplanFiles files{std::move(*baseline), std::nullopt, today};
  if (!options.progress.empty())
    files.progress =
        importers::readProgress(options.progress, inventory, diagnostics, options.encoding);
  return files;
}

namespace {

std::string describeCalendar(models::Date start, uint32_t length,
                             const std::vector<models::FreezeWindow>& freeze) {
  std::string text = fmt::format("start {}, waves of {} days", models::formatDate(start), length);
  for (const auto& window : freeze) {
    text += fmt::format(", freeze {}..{}", models::formatDate(window.from),
                        models::formatDate(window.to));
  }
  return text;
}

}  // namespace

bool checkReplanCalendar(std::string_view command, const PlanOptions& options,
                         const models::PlanSettings& settings, const models::Baseline& baseline) {
  const bool same =
      settings.start == baseline.start && settings.waveLengthDays == baseline.waveLengthDays &&
      settings.freeze.size() == baseline.freeze.size() &&
      std::equal(settings.freeze.begin(), settings.freeze.end(), baseline.freeze.begin(),
                 [](const auto& a, const auto& b) { return a.from == b.from && a.to == b.to; });
  if (!options.calendarGiven || same) return true;
  std::cerr << fmt::format(
      "cloudplan {}: error: a re-plan keeps the calendar of its baseline {} ({}), but the "
      "settings give {} (leave out --start, --wave-length and --freeze, and their keys in "
      "cloudplan.toml)\n",
      command, printable(models::quoted(options.baseline)),
      describeCalendar(baseline.start, baseline.waveLengthDays, baseline.freeze),
      describeCalendar(settings.start, settings.waveLengthDays, settings.freeze));
  return false;
}

models::ReplanSettings replanSettingsOf(const ReplanFiles& files) {
  models::ReplanSettings settings{.today = files.today,
                                  .baselinePath = files.baseline.path,
                                  .baselineSha256 = files.baseline.sha256};
  if (files.progress) {
    settings.progressPath = files.progress->path;
    settings.progressSha256 = files.progress->sha256;
  }
  return settings;
}

}  // namespace cloudplan::cli
