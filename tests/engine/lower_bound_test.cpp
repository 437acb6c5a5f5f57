#include "engine/lower_bound.h"

#include <catch2/catch.hpp>

namespace cloudplan::engine {
namespace {

TEST_CASE("the capacity term counts oversize units once each and divides the rest") {
  models::PlanSettings settings;
  settings.waveCapacity = 10;
  std::vector<UnitLoad> loads(25, UnitLoad{.systems = 1, .effortDays = 1});
  loads.push_back(UnitLoad{.systems = 12, .effortDays = 1, .oversize = true});
  const auto bound = computeLowerBound(loads, settings);
  CHECK(bound.capacity == 1 + 3);
  CHECK(bound.waves == 4);
}

TEST_CASE("the effort term divides the effort of the scheduled systems") {
  models::PlanSettings settings;
  settings.waveEffort = 100;
  std::vector<UnitLoad> loads(3, UnitLoad{.systems = 1, .effortDays = 60});
  CHECK(computeLowerBound(loads, settings).effort == 2);
}

TEST_CASE("pins and dates raise the bound") {
  std::vector<UnitLoad> loads{UnitLoad{.systems = 1, .pin = 7},
                              UnitLoad{.systems = 1, .dateWave = 9}};
  const auto bound = computeLowerBound(loads, models::PlanSettings{});
  CHECK(bound.pin == 7);
  CHECK(bound.date == 9);
  CHECK(bound.waves == 9);
}

TEST_CASE("nothing to schedule needs no wave") {
  CHECK(computeLowerBound({}, models::PlanSettings{}).waves == 0);
}

}  // namespace
}  // namespace cloudplan::engine

namespace cloudplan::engine {
namespace {

TEST_CASE("the agency term raises the bound and is reported as its own term") {
  models::PlanSettings settings;
  settings.waveCapacity = 10;
  std::vector<UnitLoad> loads(12, UnitLoad{.systems = 1, .effortDays = 1});
  const auto bound = computeLowerBound(loads, settings, AgencyBound{5, "agency MOF's ..."});
  CHECK(bound.capacity == 2);
  CHECK(bound.agency == 5);
  CHECK(bound.waves == 5);
}

TEST_CASE("without limits per agency the agency term is 0") {
  std::vector<UnitLoad> loads(3, UnitLoad{.systems = 1, .effortDays = 1});
  const auto bound = computeLowerBound(loads, models::PlanSettings{});
  CHECK(bound.agency == 0);
  CHECK(bound.waves == 1);
}

}  // namespace
}  // namespace cloudplan::engine
