// What a past submission changed (history --diff): the same changes its feedback listed, read
// back from the rows it closed and opened.
#include "store/submission_changes.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

namespace {

std::vector<std::string> systemLines(const std::vector<models::SystemChange>& changes) {
  std::vector<std::string> lines;
  for (const auto& c : changes) {
    std::string line = c.id + " (" + c.agency + ")";
    for (const auto& f : c.fields)
      line += fmt::format(" {}: '{}' -> '{}'", f.field, f.before, f.after);
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> dependencyLines(const std::vector<models::DependencyChange>& changes) {
  std::vector<std::string> lines;
  for (const auto& c : changes) {
    std::string line = fmt::format("{} ({}) -> {} ({}) {}", c.from, c.fromAgency, c.to,
                                   c.toAgency.empty() ? "?" : c.toAgency, c.coupling);
    for (const auto& f : c.fields)
      line += fmt::format(" {}: '{}' -> '{}'", f.field, f.before, f.after);
    lines.push_back(line);
  }
  return lines;
}

template <typename Changes, typename Lines>
std::vector<std::string> sorted(const Changes& changes, Lines lines) {
  auto result = lines(changes);
  std::sort(result.begin(), result.end());
  return result;
}

// The feedback lists the changes in the files' order, the diff in the rows' (by id): the same
// changes.
void requireSame(const models::SubmissionChanges& a, const models::SubmissionChanges& b) {
  CHECK(sorted(a.systemsAdded, systemLines) == sorted(b.systemsAdded, systemLines));
  CHECK(sorted(a.systemsRemoved, systemLines) == sorted(b.systemsRemoved, systemLines));
  CHECK(sorted(a.systemsChanged, systemLines) == sorted(b.systemsChanged, systemLines));
  CHECK(sorted(a.dependenciesAdded, dependencyLines) ==
        sorted(b.dependenciesAdded, dependencyLines));
  CHECK(sorted(a.dependenciesRemoved, dependencyLines) ==
        sorted(b.dependenciesRemoved, dependencyLines));
  CHECK(sorted(a.dependenciesChanged, dependencyLines) ==
        sorted(b.dependenciesChanged, dependencyLines));
}

}  // namespace

TEST_CASE(
    "a submission's diff lists systems added, removed and changed field by field, old -> "
    "new",
    "[store][changes]") {
  StoreFixture f;
  f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                   {"dependencies.csv", testing::kMofDependencies}});
  const auto resubmitted =
      f.accept("MOF", {{"systems.csv",
                        "id,name,agency,strategy,effort_days,pinned_wave,not_before,os\n"
                        "MOF/ifmis,Financial management,MOF,refactor,80,2,2027-06-01,RHEL 9\n"
                        "TAX/efiling,Tax e-filing,MOF-TAX,rehost,10,,,\n"
                        "TAX/audit,Tax audit,MOF-TAX,,,,,\n"},
                       {"dependencies.csv",
                        "from,to,coupling,kind\n"
                        "TAX/efiling,DGA/sso,tight,auth\n"
                        "TAX/audit,DGA/xbus,,\n"
                        "TAX/audit,MOJ/courts,,\n"}});
  const auto diff = store::changesOfSubmission(f.db(), resubmitted.submission.number);
  CHECK(systemLines(diff.systemsAdded) == std::vector<std::string>{"TAX/audit (MOF-TAX)"});
  CHECK(systemLines(diff.systemsRemoved) == std::vector<std::string>{"MOF/budget (MOF)"});
  CHECK(systemLines(diff.systemsChanged) ==
        std::vector<std::string>{
            "MOF/ifmis (MOF) strategy: 'replatform' -> 'refactor' effort_days: '50' -> '80' "
            "pinned_wave: '' -> '2' not_before: '' -> '2027-06-01' os: '' -> 'RHEL 9'"});
  CHECK(dependencyLines(diff.dependenciesAdded) ==
        std::vector<std::string>{"TAX/audit (MOF-TAX) -> DGA/xbus (DGA) normal",
                                 "TAX/audit (MOF-TAX) -> MOJ/courts (?) normal"});
  CHECK(dependencyLines(diff.dependenciesRemoved) ==
        std::vector<std::string>{"MOF/budget (MOF) -> MOF/ifmis (MOF) normal"});
  CHECK(dependencyLines(diff.dependenciesChanged) ==
        std::vector<std::string>{
            "TAX/efiling (MOF-TAX) -> DGA/sso (DGA) tight coupling: 'normal' -> 'tight' kind: '' "
            "-> 'auth'"});
  requireSame(diff, resubmitted.changes);
}

TEST_CASE("the diff of the first submission lists everything added", "[store][changes]") {
  StoreFixture f;
  const auto first = f.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                                      {"dependencies.csv", testing::kMojDependencies}});
  const auto diff = store::changesOfSubmission(f.db(), first.submission.number);
  CHECK(systemLines(diff.systemsAdded) == std::vector<std::string>{"MOJ/courts (MOJ)"});
  CHECK(dependencyLines(diff.dependenciesAdded) ==
        std::vector<std::string>{"MOJ/courts (MOJ) -> DGA/sso (?) normal",
                                 "MOJ/courts (MOJ) -> MOF/ifmis (?) normal"});
  CHECK(diff.systemsRemoved.empty());
  CHECK(diff.systemsChanged.empty());
  requireSame(diff, first.changes);
}

TEST_CASE("the diff of a rejected or unchanged submission is empty", "[store][changes]") {
  StoreFixture f;
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems}});
  const auto same = f.accept("MOJ", {{"systems.csv", testing::kMojSystems}});
  CHECK(store::changesOfSubmission(f.db(), same.submission.number).empty());
  const auto rejected = f.submit("MOJ", {{"systems.csv", "id,name,agency\nMOF/x,X,MOF\n"}});
  REQUIRE_FALSE(rejected.submission.accepted);
  CHECK(store::changesOfSubmission(f.db(), rejected.submission.number).empty());
}
