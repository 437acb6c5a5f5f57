#include "engine/calendar.h"

#include <catch2/catch.hpp>

namespace cloudplan::engine {
namespace {

models::Date day(const char* text) {
  return *models::parseDate(text);
}

TEST_CASE("waves run back to back from the start date") {
  models::PlanSettings settings;
  settings.start = day("2027-01-04");
  settings.waveLengthDays = 14;
  WaveCalendar calendar(settings);
  CHECK(calendar.start(1) == day("2027-01-04"));
  CHECK(calendar.end(1) == day("2027-01-17"));
  CHECK(calendar.start(2) == day("2027-01-18"));
}

TEST_CASE("a wave that would overlap a freeze window starts the day after it") {
  models::PlanSettings settings;
  settings.start = day("2027-12-06");
  settings.waveLengthDays = 14;
  settings.freeze.push_back({day("2027-12-20"), day("2028-01-02")});
  WaveCalendar calendar(settings);
  CHECK(calendar.start(2) == day("2028-01-03"));
  CHECK(calendar.start(3) == day("2028-01-17"));
}

TEST_CASE("freeze windows that follow each other push a wave past both") {
  models::PlanSettings settings;
  settings.start = day("2027-01-01");
  settings.waveLengthDays = 10;
  settings.freeze.push_back({day("2027-01-15"), day("2027-01-20")});
  settings.freeze.push_back({day("2027-01-25"), day("2027-01-26")});
  WaveCalendar calendar(settings);
  CHECK(calendar.start(2) == day("2027-01-27"));
}

TEST_CASE("the first wave starting on or after a date is found") {
  models::PlanSettings settings;
  WaveCalendar calendar(settings);  // 2027-01-04, 28 days
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2026-05-01")) == 1);
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2027-01-04")) == 1);
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2027-01-05")) == 2);
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2027-02-01")) == 2);
}

TEST_CASE("a date beyond the last possible wave answers one past it") {
  WaveCalendar calendar(models::PlanSettings{});
  CHECK(calendar.firstWaveStartingOnOrAfter(day("9999-12-31")) == models::kMaxWaves + 1);
}

}  // namespace
}  // namespace cloudplan::engine
