#include "models/vocabulary.h"

#include <catch2/catch.hpp>

#include "models/inventory.h"

using namespace cloudplan::models;

TEST_CASE("a vocabulary name is read whatever its letter case") {
  CHECK(parseName<Strategy>("rehost") == Strategy::rehost);
  CHECK(parseName<Strategy>("RePlatform") == Strategy::replatform);
  CHECK(parseName<SystemType>("DATABASE") == SystemType::database);
  CHECK(parseName<Criticality>("Low") == Criticality::low);
  CHECK(parseName<Coupling>("tight") == Coupling::tight);
  CHECK(parseName<Order>("Providers-First") == Order::providersFirst);
}

TEST_CASE("a name outside the vocabulary is not read") {
  CHECK_FALSE(parseName<Strategy>("rehosting"));
  CHECK_FALSE(parseName<Strategy>(""));
  CHECK_FALSE(parseName<SystemType>("app"));
  CHECK_FALSE(parseName<Coupling>("strong"));
  CHECK_FALSE(parseName<Criticality>(" high"));
}

TEST_CASE("every vocabulary value has its name") {
  CHECK(nameOf(SystemType::interface) == "interface");
  CHECK(nameOf(Strategy::retain) == "retain");
  CHECK(nameOf(Criticality::medium) == "medium");
  CHECK(nameOf(Coupling::loose) == "loose");
  CHECK(nameOf(Action::retire) == "retire");
  CHECK(nameOf(Order::consumersFirst) == "consumers-first");
  CHECK(nameOf(InputKind::archiCsv) == "archi-csv");
  for (Strategy s :
       {Strategy::rehost, Strategy::replatform, Strategy::refactor, Strategy::repurchase,
        Strategy::relocate, Strategy::retire, Strategy::retain}) {
    CHECK(parseName<Strategy>(nameOf(s)) == s);
  }
}

TEST_CASE("the allowed values are listed in their order for messages") {
  CHECK(allowedNames<SystemType>() == "application, database, infrastructure, platform, interface");
  CHECK(allowedNames<Strategy>() ==
        "rehost, replatform, refactor, repurchase, relocate, retire, retain");
  CHECK(allowedNames<Criticality>() == "high, medium, low");
  CHECK(allowedNames<Coupling>() == "loose, normal, tight");
}

TEST_CASE("couplings are ordered by strength") {
  CHECK(Coupling::loose < Coupling::normal);
  CHECK(Coupling::normal < Coupling::tight);
}

TEST_CASE("each strategy has its default effort in person-days") {
  CHECK(defaultEffortDays(Strategy::rehost) == 10);
  CHECK(defaultEffortDays(Strategy::replatform) == 20);
  CHECK(defaultEffortDays(Strategy::refactor) == 60);
  CHECK(defaultEffortDays(Strategy::repurchase) == 30);
  CHECK(defaultEffortDays(Strategy::relocate) == 5);
  CHECK(defaultEffortDays(Strategy::retire) == 2);
  CHECK(defaultEffortDays(Strategy::retain) == 0);
}

TEST_CASE("retire and retain are their own actions and the other five strategies migrate") {
  CHECK(actionOf(Strategy::retire) == Action::retire);
  CHECK(actionOf(Strategy::retain) == Action::retain);
  for (Strategy s : {Strategy::rehost, Strategy::replatform, Strategy::refactor,
                     Strategy::repurchase, Strategy::relocate}) {
    CHECK(actionOf(s) == Action::migrate);
  }
}

TEST_CASE("names compare equal ignoring ASCII letter case only") {
  CHECK(equalsIgnoreCase("Agency", "aGENCY"));
  CHECK(equalsIgnoreCase("", ""));
  CHECK_FALSE(equalsIgnoreCase("agency", "agenc"));
  CHECK_FALSE(equalsIgnoreCase("a_b", "a-b"));
  CHECK(equalsIgnoreCase("\xC3\xA9t\xC3\xA9", "\xC3\xA9T\xC3\xA9"));  // é stays as it is
  CHECK_FALSE(equalsIgnoreCase("\xC3\xA9", "\xC3\x89"));              // é is not É
  CHECK_FALSE(equalsIgnoreCase("@", "`"));                            // around 'A' and 'a'
  CHECK_FALSE(equalsIgnoreCase("[", "{"));                            // around 'Z' and 'z'
}
