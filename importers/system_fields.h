// The typed cells of a system that every importer reads the same way, with the same messages:
// effort_days, pinned_wave and not_before (from CSV columns or ArchiMate properties alike).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

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
};

// The date of a cell named `column` (not_before, a progress file's date), strict YYYY-MM-DD; when
// it is not one, nullopt and a `bad-date` error through `error(code, message)` that offers the
// days a date in another layout may stand for. `text` must not be empty.
std::optional<models::Date> readDate(
    std::string_view column, std::string_view text,
    const std::function<void(std::string_view code, std::string message)>& error);

// Fills the fields whose text is not empty; a malformed one is left as it was and reported
// through `error(code, message)`.
void readScheduleFields(
    models::System& system, const ScheduleFieldTexts& texts,
    const std::function<void(std::string_view code, std::string message)>& error);

}  // namespace cloudplan::importers
