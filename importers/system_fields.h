// The typed cells that every importer reads the same way, with the same messages: a system's
// effort_days, pinned_wave, not_before and finish_by (from CSV columns or ArchiMate properties
// alike), and an agency's limits per wave.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "models/agency.h"
#include "models/date.h"
#include "models/system.h"

namespace cloudplan::importers {

// The characters of a system id (inventory-csv.md): letters, digits and -_.:/ .
inline bool isIdCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '/';
}

inline bool isWellFormedId(std::string_view text) {
  for (const char c : text) {
    if (!isIdCharacter(c)) return false;
  }
  return !text.empty();
}

// The largest effort_days of one system, in person-days (some 400 person-years): past it a value
// is a typo or a unit mistake, and below it the sum over any inventory stays a finite number.
inline constexpr double kMaxEffortDays = 100'000;

struct ScheduleFieldTexts {
  std::string_view effortDays;
  std::string_view pinnedWave;
  std::string_view notBefore;
  std::string_view finishBy;
};

// The bounds of an agency's limits, those of --wave-capacity and --wave-effort: past them a value
// is a typo, not a team.
inline constexpr uint32_t kMaxSystemsPerWave = 10'000'000;
inline constexpr double kMaxEffortPerWave = 1'000'000'000;

using FieldError = std::function<void(std::string_view code, std::string message)>;

// The date of a cell named `column` (not_before, finish_by, a progress file's date), strict
// YYYY-MM-DD; when it is not one, nullopt and a `bad-date` error through `error(code, message)`
// that offers the days a date in another layout may stand for. `text` must not be empty.
std::optional<models::Date> readDate(std::string_view column, std::string_view text,
                                     const FieldError& error);

// Fills the fields whose text is not empty; a malformed one is left as it was and reported
// through `error(code, message)`, as is a finish_by before the not_before (no wave fits).
void readScheduleFields(models::System& system, const ScheduleFieldTexts& texts,
                        const FieldError& error);

struct AgencyLimitTexts {
  std::string_view maxSystemsPerWave;
  std::string_view maxEffortPerWave;
};

// The same for an agency's max_systems_per_wave and max_effort_per_wave: blank is no limit.
void readAgencyLimits(models::Agency& agency, const AgencyLimitTexts& texts,
                      const FieldError& error);

}  // namespace cloudplan::importers
