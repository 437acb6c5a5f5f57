// Calendar days as plain integers, so that wave dates are arithmetic and never touch a time zone.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudplan::models {

struct Date {
  int32_t days = 0;  // since 1970-01-01 in the proleptic Gregorian calendar

  friend auto operator<=>(Date, Date) = default;
  Date operator+(int32_t n) const { return Date{days + n}; }
  Date operator-(int32_t n) const { return Date{days - n}; }
  int32_t operator-(Date other) const { return days - other.days; }
};

// The last day cloudplan reads or writes: dates have four-digit years (0001 to 9999), so a wave
// may not end after it.
inline constexpr Date kLastDate{2932896};  // 9999-12-31

Date dateFromCivil(int year, unsigned month, unsigned day);

// Strict `YYYY-MM-DD` with a real month and day; anything else is nullopt.
std::optional<Date> parseDate(std::string_view text);

std::string formatDate(Date date);

}  // namespace cloudplan::models
