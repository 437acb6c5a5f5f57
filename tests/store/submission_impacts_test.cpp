#include "store/submission_impacts.h"

#include <catch2/catch.hpp>

#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

namespace {

std::vector<std::string> linksOf(const std::vector<models::DependencyChange>& links) {
  std::vector<std::string> shown;
  for (const auto& l : links)
    shown.push_back(l.from + " (" + l.fromAgency + ") -> " + l.to + " (" + l.toAgency + ") " +
                    l.coupling);
  return shown;
}

}  // namespace

TEST_CASE("an accepted submission keeps its dependents and resolved references as submit told them",
          "[submission_impacts]") {
  StoreFixture f{testing::kRegister};
  // MOJ first: its references to MOF stay open until MOF submits and resolves them.
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                   {"dependencies.csv", testing::kMojDependencies}});
  const auto mof = f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                                    {"dependencies.csv", testing::kMofDependencies}});
  REQUIRE_FALSE(mof.changes.dependents.empty());
  models::SubmissionChanges read;
  REQUIRE(store::readImpacts(f.sql(), mof.submission.number, read));
  CHECK(linksOf(read.dependents) == linksOf(mof.changes.dependents));
  CHECK(linksOf(read.resolvedNow) == linksOf(mof.changes.resolvedNow));
  CHECK(read.planSubmission == mof.changes.planSubmission);
  CHECK(read.waves.size() == mof.changes.waves.size());
}

TEST_CASE("a rejected submission keeps none", "[submission_impacts]") {
  StoreFixture f{testing::kRegister};
  const auto rejected =
      f.submit("MOF", {{"systems.csv", "id,name,agency,strategy\nMOF/x,X,MOF,rehots\n"}});
  REQUIRE_FALSE(rejected.submission.accepted);
  models::SubmissionChanges read;
  CHECK_FALSE(store::readImpacts(f.sql(), rejected.submission.number, read));
}
