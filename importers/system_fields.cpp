#include "importers/system_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include "models/date.h"
#include "models/diagnostic.h"
#include "models/plan.h"

namespace cloudplan::importers {

using models::quoted;

namespace {

bool isDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What a number written with a decimal comma (7,5) was meant to be: the hint after "the decimal
// point is '.'". A comma before three digits may also group thousands (1,000), so both readings
// are offered; anything else that is not digits,digits gets no hint.
std::string decimalCommaHint(std::string_view text) {
  const size_t comma = text.find(',');
  if (comma == std::string_view::npos) return {};
  const std::string_view whole = text.substr(0, comma), fraction = text.substr(comma + 1);
  if (!isDigits(whole) || !isDigits(fraction)) return {};
  const std::string decimal = fmt::format("{}.{}", whole, fraction);
  if (fraction.size() != 3)
    return fmt::format("the decimal point is '.' (did you mean {}?)", decimal);
  return fmt::format(
      "the decimal point is '.', and numbers have no thousands separator (did you mean {} or "
      "{}{}?)",
      decimal, whole, fraction);
}

// The days a date in another layout may stand for, as YYYY-MM-DD: 01/07/2027 (or with '.' or '-')
// is 1 July read day first, as most of the world writes it, or 7 January read month first;
// 2027/7/1 is 1 July. Only real days are offered, each once.
std::vector<std::string> dateReadings(std::string_view text) {
  const size_t first = text.find_first_of("/.-");
  if (first == std::string_view::npos) return {};
  const char separator = text[first];
  const size_t second = text.find(separator, first + 1);
  if (second == std::string_view::npos || text.find(separator, second + 1) != text.npos) return {};
  const std::array<std::string_view, 3> parts = {
      text.substr(0, first), text.substr(first + 1, second - first - 1), text.substr(second + 1)};
  for (std::string_view part : parts) {
    if (!isDigits(part) || part.size() > 4) return {};
  }
  const auto padded = [](std::string_view part) {
    return part.size() == 1 ? "0" + std::string(part) : std::string(part);
  };
  std::vector<std::string> candidates;
  if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
    candidates.push_back(fmt::format("{}-{}-{}", parts[0], padded(parts[1]), padded(parts[2])));
  } else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
    candidates.push_back(fmt::format("{}-{}-{}", parts[2], padded(parts[1]), padded(parts[0])));
    candidates.push_back(fmt::format("{}-{}-{}", parts[2], padded(parts[0]), padded(parts[1])));
  }
  std::vector<std::string> readings;
  for (std::string& candidate : candidates) {
    const bool repeated = std::find(readings.begin(), readings.end(), candidate) != readings.end();
    if (!repeated && models::parseDate(candidate)) readings.push_back(std::move(candidate));
  }
  return readings;
}

// A number cell of at most `limit`: nullopt, reported, when it is not one. `whole` asks for a
// whole number (of systems); `unit` and `example` make the messages.
std::optional<double> readPositive(std::string_view column, std::string_view text, bool whole,
                                   double limit, std::string_view unit, std::string_view example,
                                   const FieldError& error) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  const bool number = ec != std::errc::invalid_argument && end == text.data() + text.size();
  const bool digitFirst =
      !text.empty() &&
      (std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.');
  const bool tiny = ec == std::errc::result_out_of_range &&
                    (text.find("e-") != text.npos || text.find("E-") != text.npos);
  if (number && ec == std::errc() && value > 0 && value <= limit &&
      (!whole ||
       (value == std::floor(value) && text.find_first_not_of("0123456789") == text.npos))) {
    return value;
  }
  if (number && digitFirst && !tiny && (ec == std::errc::result_out_of_range || value > limit)) {
    error("bad-number", fmt::format("{} {} is over the limit of {} {} (check the value)", column,
                                    quoted(text), limit, unit));
  } else if (const std::string hint = decimalCommaHint(text); !hint.empty()) {
    error("bad-number", fmt::format("{} {} is not a number: {}", column, quoted(text), hint));
  } else {
    error("bad-number",
          fmt::format("{} {} is not a positive {} (write it like {}, or leave it blank for no "
                      "limit)",
                      column, quoted(text), whole ? "whole number" : "number", example));
  }
  return std::nullopt;
}

}  // namespace

std::optional<models::Date> readDate(std::string_view column, std::string_view text,
                                     const FieldError& error) {
  if (auto date = models::parseDate(text)) return date;
  const std::vector<std::string> readings = dateReadings(text);
  if (readings.empty()) {
    error("bad-date", fmt::format("{} {} is not a date YYYY-MM-DD (for example 2027-03-01)", column,
                                  quoted(text)));
  } else {
    error("bad-date", fmt::format("{} {} is not a date: dates are YYYY-MM-DD (did you mean {}?)",
                                  column, quoted(text), fmt::join(readings, " or ")));
  }
  return std::nullopt;
}

void readScheduleFields(models::System& system, const ScheduleFieldTexts& texts,
                        const FieldError& error) {
  if (const std::string_view effort = texts.effortDays; !effort.empty()) {
    double value = 0;
    const auto [end, ec] = std::from_chars(effort.data(), effort.data() + effort.size(), value);
    const bool number = ec != std::errc::invalid_argument && end == effort.data() + effort.size();
    // Out of range is too small (1e-400, as good as zero) when the exponent is negative.
    const bool tiny = ec == std::errc::result_out_of_range &&
                      (effort.find("e-") != effort.npos || effort.find("E-") != effort.npos);
    if (tiny) value = 0;
    if (number && (ec == std::errc() || tiny) && value >= 0 && value <= kMaxEffortDays) {
      system.effortDays = value + 0.0;  // -0 reads as -0.0; + 0.0 makes it plain zero
    } else if (number && (std::isdigit(static_cast<unsigned char>(effort.front())) ||
                          effort.front() == '.')) {
      // Past the limit, or too large for a double (1e999); not "inf" or "nan", which are words.
      error("bad-number",
            fmt::format("effort_days {} is over the limit of {} person-days (check the value)",
                        quoted(effort), kMaxEffortDays));
    } else if (const std::string hint = decimalCommaHint(effort); !hint.empty()) {
      error("bad-number", fmt::format("effort_days {} is not a number: {}", quoted(effort), hint));
    } else {
      error("bad-number",
            fmt::format("effort_days {} is not a non-negative number of person-days (write it "
                        "like 12 or 7.5)",
                        quoted(effort)));
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
  if (!texts.notBefore.empty()) system.notBefore = readDate("not_before", texts.notBefore, error);
  if (!texts.finishBy.empty()) system.finishBy = readDate("finish_by", texts.finishBy, error);
  // A wave that starts on or after not_before cannot end before it: no plan could keep both.
  if (system.notBefore && system.finishBy && *system.finishBy < *system.notBefore) {
    error("bad-date",
          fmt::format("finish_by {} is before not_before {}: no wave can start on or after the "
                      "one and end by the other (make finish_by later or not_before earlier)",
                      models::formatDate(*system.finishBy), models::formatDate(*system.notBefore)));
    system.finishBy.reset();
  }
}

void readAgencyLimits(models::Agency& agency, const AgencyLimitTexts& texts,
                      const FieldError& error) {
  if (!texts.maxSystemsPerWave.empty()) {
    if (const auto value = readPositive("max_systems_per_wave", texts.maxSystemsPerWave, true,
                                        kMaxSystemsPerWave, "systems", "10", error)) {
      agency.maxSystemsPerWave = static_cast<uint32_t>(*value);
    }
  }
  if (!texts.maxEffortPerWave.empty()) {
    agency.maxEffortPerWave = readPositive("max_effort_per_wave", texts.maxEffortPerWave, false,
                                           kMaxEffortPerWave, "person-days", "120 or 37.5", error);
  }
}

}  // namespace cloudplan::importers
