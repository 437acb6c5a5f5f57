// The national inventory as it stands and as it stood after any submission, and which
// submission a UTC time falls after.
#include "store/national_inventory.h"

#include <catch2/catch.hpp>

#include "store/submission_records.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

namespace {

// "id agency name strategy effort" of every system, in the inventory's order.
std::vector<std::string> systemsOf(const models::Inventory& inventory) {
  std::vector<std::string> lines;
  for (const auto& s : inventory.systems) {
    lines.push_back(fmt::format("{} {} {} {} {}", s.id, inventory.agencies[s.agency].code, s.name,
                                models::nameOf(s.strategy), s.effortDays));
  }
  return lines;
}

}  // namespace

TEST_CASE("the inventory as of a submission is as it stood after it, whatever came later",
          "[store][national]") {
  testing::FixedClock clock("2027-01-10T09:00:00Z");
  StoreFixture f;
  clock.set("2027-01-11T09:00:00Z");
  f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  clock.set("2027-01-12T09:00:00Z");
  const uint32_t mofFirst = f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                                             {"dependencies.csv", testing::kMofDependencies}})
                                .submission.number;
  const std::vector<std::string> then = {"DGA/sso DGA Government single sign-on rehost 10",
                                         "DGA/xbus DGA Exchange bus rehost 10",
                                         "MOF/budget MOF Budget preparation repurchase 30",
                                         "MOF/ifmis MOF Financial management replatform 50",
                                         "TAX/efiling MOF-TAX Tax e-filing rehost 10"};
  CHECK(systemsOf(store::loadNationalInventory(f.db()).inventory) == then);

  clock.set("2027-04-02T10:30:00Z");
  f.accept("MOF", {{"systems.csv",
                    "id,name,agency,strategy,effort_days\n"
                    "MOF/ifmis,Financial management (cloud),MOF,refactor,80\n"
                    "TAX/efiling,Tax e-filing,MOF-TAX,rehost,10\n"},
                   {"dependencies.csv", "from,to\nTAX/efiling,DGA/sso\n"}});
  clock.set("2027-04-03T10:30:00Z");
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                   {"dependencies.csv", testing::kMojDependencies}});

  const auto asOf = store::loadNationalInventory(f.db(), mofFirst);
  CHECK(asOf.asOf == mofFirst);
  CHECK(systemsOf(asOf.inventory) == then);
  CHECK(asOf.inventory.dependencies.size() == 2);
  // The rows point at the files of the submissions that wrote them.
  const auto& ifmis = asOf.inventory.systems[3];
  CHECK(asOf.inventory.fileOf(ifmis.where) ==
        fmt::format("{}#{}:{}", f.path, mofFirst, f.folder / "submission-2/systems.csv"));
  CHECK(ifmis.where.line == 2);

  const auto now = store::loadNationalInventory(f.db());
  CHECK(now.asOf == 5);
  CHECK(systemsOf(now.inventory) ==
        std::vector<std::string>{"DGA/sso DGA Government single sign-on rehost 10",
                                 "DGA/xbus DGA Exchange bus rehost 10",
                                 "MOF/ifmis MOF Financial management (cloud) refactor 80",
                                 "TAX/efiling MOF-TAX Tax e-filing rehost 10",
                                 "MOJ/courts MOJ Court case management rehost 10"});

  CHECK(store::submissionAt(f.db(), "2027-01-12T09:00:00Z") == mofFirst);
  CHECK(store::submissionAt(f.db(), "2027-04-02T10:29:59Z") == mofFirst);
  CHECK(store::submissionAt(f.db(), "2027-04-02T10:30:00Z") == 4u);
  CHECK(store::submissionAt(f.db(), "2030-01-01T00:00:00Z") == 5u);
  CHECK(store::submissionAt(f.db(), "2027-01-10T08:59:59Z") == std::nullopt);
}

TEST_CASE("a rejected submission is in no inventory as of any time", "[store][national]") {
  StoreFixture f;
  f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  const auto rejected = f.submit("MOJ", {{"systems.csv", "id,name,agency\nDGA/sso,Mine,MOJ\n"}});
  REQUIRE_FALSE(rejected.submission.accepted);
  const auto asOf = store::loadNationalInventory(f.db(), rejected.submission.number);
  CHECK(asOf.asOf == rejected.submission.number);
  CHECK(systemsOf(asOf.inventory) ==
        std::vector<std::string>{"DGA/sso DGA Government single sign-on rehost 10",
                                 "DGA/xbus DGA Exchange bus rehost 10"});
}

TEST_CASE("the agencies of the inventory are the register as it stood", "[store][national]") {
  StoreFixture f;
  const auto national = store::loadNationalInventory(f.db());
  CHECK(national.asOf == 1);
  std::vector<std::string> agencies;
  for (const auto& a : national.inventory.agencies) {
    agencies.push_back(
        fmt::format("{} {} {}", a.code, a.name,
                    a.parent == models::kNone ? "-" : national.inventory.agencies[a.parent].code));
  }
  CHECK(agencies ==
        std::vector<std::string>{"MOF Ministry of Finance -", "MOF-TAX National Tax Service MOF",
                                 "MOJ Ministry of Justice -", "DGA Digital Government Agency -"});
}

TEST_CASE(
    "a submission made while the clock stepped back is dated as the one before it, so "
    "times keep the submissions' order",
    "[store][national]") {
  testing::FixedClock clock("2027-03-01T00:00:00Z");
  StoreFixture f;
  clock.set("2027-02-01T00:00:00Z");
  const auto dga = f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  CHECK(dga.submission.at == "2027-03-01T00:00:00Z");
  CHECK(store::submissionAt(f.db(), "2027-03-01T00:00:00Z") == dga.submission.number);
}
