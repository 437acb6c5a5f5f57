// store status: per agency, its last accepted submission (its own or its ministry's), its
// rejected ones since, its counts and the references of its systems that do not resolve yet.
#include "store/store_status.h"

#include <catch2/catch.hpp>

#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

TEST_CASE(
    "status lists each agency's last accepted submission, counts and unresolved "
    "references",
    "[store][status]") {
  StoreFixture f;
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                   {"dependencies.csv", testing::kMojDependencies}});
  f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                   {"dependencies.csv", testing::kMofDependencies}});
  f.submit("MOF-TAX", {{"systems.csv", "id,name,agency\nMOJ/x,X,MOJ\n"}});
  const auto status = store::storeStatus(f.db());
  CHECK(status.submissions == 4);
  REQUIRE(status.lastRegister);
  CHECK(status.lastRegister->number == 1);
  REQUIRE(status.agencies.size() == 4);

  const auto& mof = status.agencies[0];
  CHECK(mof.code == "MOF");
  REQUIRE(mof.lastAccepted);
  CHECK(mof.lastAccepted->number == 3);
  CHECK(mof.rejectedSince == 0);
  CHECK(mof.systems == 2);
  CHECK(mof.dependencies == 1);
  CHECK(mof.unresolved.empty());

  // The tax department's part came with its ministry's submission; its own was rejected since.
  const auto& tax = status.agencies[1];
  CHECK(tax.code == "MOF-TAX");
  CHECK(tax.parent == "MOF");
  REQUIRE(tax.lastAccepted);
  CHECK(tax.lastAccepted->number == 3);
  CHECK(tax.rejectedSince == 1);
  CHECK(tax.systems == 1);
  REQUIRE(tax.unresolved.size() == 1);
  CHECK(tax.unresolved[0].consumer == "TAX/efiling");
  CHECK(tax.unresolved[0].provider == "DGA/sso");
  CHECK(tax.unresolved[0].source ==
        f.path + "#3:" + (f.folder / "submission-2/dependencies.csv") + ":3");

  const auto& moj = status.agencies[2];
  REQUIRE(moj.unresolved.size() == 1);
  CHECK(moj.unresolved[0].provider == "DGA/sso");

  const auto& dga = status.agencies[3];
  CHECK_FALSE(dga.lastAccepted);
  CHECK(dga.systems == 0);
}

TEST_CASE(
    "a department that joined the register later is not credited with its ministry's "
    "earlier submission",
    "[store][status]") {
  StoreFixture f;
  f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                   {"dependencies.csv", testing::kMofDependencies}});  // submission 2
  const std::string file = f.folder.write("register-2/agencies.csv",
                                          testing::kRegister + "MOF-STAT,Statistics Office,MOF\n");
  std::string error;
  const auto outcome = store::replaceRegister(f.db(), {.file = file}, error);  // submission 3
  REQUIRE(outcome);
  REQUIRE(outcome->submission.accepted);
  auto status = store::storeStatus(f.db());
  REQUIRE(status.agencies.size() == 5);
  CHECK(status.agencies[4].code == "MOF-STAT");
  CHECK_FALSE(status.agencies[4].lastAccepted);
  // MOF's next submission speaks for it.
  f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                   {"dependencies.csv", testing::kMofDependencies}});  // submission 4
  status = store::storeStatus(f.db());
  REQUIRE(status.agencies[4].lastAccepted);
  CHECK(status.agencies[4].lastAccepted->number == 4);
  // The departments that were there all along keep MOF's submissions.
  REQUIRE(status.agencies[1].lastAccepted);
  CHECK(status.agencies[1].lastAccepted->number == 4);
}
