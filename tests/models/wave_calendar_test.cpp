#include "models/wave_calendar.h"

#include <catch2/catch.hpp>

namespace cloudplan::models {
namespace {

Date day(const char* text) {
  return *parseDate(text);
}

TEST_CASE("waves run back to back from the start date") {
  PlanSettings settings;
  settings.start = day("2027-01-04");
  settings.waveLengthDays = 14;
  WaveCalendar calendar(settings);
  CHECK(calendar.start(1) == day("2027-01-04"));
  CHECK(calendar.end(1) == day("2027-01-17"));
  CHECK(calendar.start(2) == day("2027-01-18"));
}

TEST_CASE("a wave that would overlap a freeze window starts the day after it") {
  PlanSettings settings;
  settings.start = day("2027-12-06");
  settings.waveLengthDays = 14;
  settings.freeze.push_back({day("2027-12-20"), day("2028-01-02")});
  WaveCalendar calendar(settings);
  CHECK(calendar.start(2) == day("2028-01-03"));
  CHECK(calendar.start(3) == day("2028-01-17"));
}

TEST_CASE("freeze windows that follow each other push a wave past both") {
  PlanSettings settings;
  settings.start = day("2027-01-01");
  settings.waveLengthDays = 10;
  settings.freeze.push_back({day("2027-01-15"), day("2027-01-20")});
  settings.freeze.push_back({day("2027-01-25"), day("2027-01-26")});
  WaveCalendar calendar(settings);
  CHECK(calendar.start(2) == day("2027-01-27"));
}

TEST_CASE("the first wave starting on or after a date is found") {
  PlanSettings settings;
  WaveCalendar calendar(settings);  // 2027-01-04, 28 days
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2026-05-01")) == 1);
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2027-01-04")) == 1);
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2027-01-05")) == 2);
  CHECK(calendar.firstWaveStartingOnOrAfter(day("2027-02-01")) == 2);
}

TEST_CASE("a date beyond the last possible wave answers one past it") {
  WaveCalendar calendar(PlanSettings{});
  CHECK(calendar.firstWaveStartingOnOrAfter(day("9999-12-31")) == kMaxWaves + 1);
}

TEST_CASE("waves that all end by 9999-12-31 fit") {
  PlanSettings settings;
  settings.start = day("9999-11-06");
  WaveCalendar calendar(settings);
  Diagnostics diagnostics;
  CHECK(calendar.fitsLastDate(2, diagnostics));  // wave 2 ends on 9999-12-31
  CHECK(diagnostics.all().empty());
}

TEST_CASE("a wave that would end after 9999-12-31 is an error naming it and the cause") {
  PlanSettings settings;
  settings.start = day("9999-11-06");
  WaveCalendar calendar(settings);
  Diagnostics diagnostics;
  CHECK_FALSE(calendar.fitsLastDate(3, diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].code == "wave-after-last-date");
  CHECK(
      diagnostics.all()[0].message ==
      "wave 3 of 3 would end after 9999-12-31, the last day a plan can have: waves of 28 days from "
      "9999-11-06 (start earlier, or make the waves or the freeze windows shorter)");
}

TEST_CASE("freeze windows that push waves past 9999-12-31 are named as a cause") {
  PlanSettings settings;
  settings.start = day("9000-01-01");
  settings.waveLengthDays = 366;
  settings.freeze.push_back({day("9000-02-01"), day("9999-12-30")});
  WaveCalendar calendar(settings);
  Diagnostics diagnostics;
  CHECK_FALSE(calendar.fitsLastDate(2, diagnostics));
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message ==
        "wave 1 of 2 would end after 9999-12-31, the last day a plan can have: waves of 366 days "
        "from 9000-01-01 and 1 freeze window (start earlier, or make the waves or the freeze "
        "windows shorter)");
}

TEST_CASE("a thousand long waves from a late start are refused rather than dated past 9999") {
  PlanSettings settings;
  settings.start = day("9500-01-01");
  settings.waveLengthDays = 366;
  WaveCalendar calendar(settings);
  Diagnostics diagnostics;
  CHECK_FALSE(calendar.fitsLastDate(kMaxWaves, diagnostics));
  CHECK(diagnostics.all()[0].message.starts_with("wave 499 of 1000 would end after 9999-12-31"));
}

TEST_CASE("the last wave to end by a day counts the freeze windows") {
  PlanSettings settings;
  settings.start = day("2027-12-06");
  settings.waveLengthDays = 14;
  settings.freeze.push_back({day("2027-12-20"), day("2028-01-02")});
  WaveCalendar calendar(settings);
  CHECK(calendar.lastWaveEndingOnOrBefore(day("2027-12-18")) == 0);  // wave 1 ends 2027-12-19
  CHECK(calendar.lastWaveEndingOnOrBefore(day("2027-12-19")) == 1);
  CHECK(calendar.lastWaveEndingOnOrBefore(day("2028-01-15")) == 1);  // wave 2 ends 2028-01-16
  CHECK(calendar.lastWaveEndingOnOrBefore(day("2028-01-16")) == 2);
  CHECK(calendar.lastWaveEndingOnOrBefore(kLastDate) == kMaxWaves);
}

}  // namespace
}  // namespace cloudplan::models
