// store check: a clean store passes with its counts; a row changed behind the store's back, a
// file altered, or a row that breaks the rows' rules is found and said.
#include "store/store_check.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "store/submission_records.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

namespace {

// The register, three accepted submissions and a rejected one.
void fill(StoreFixture& f) {
  testing::acceptEveryAgency(f);
  REQUIRE_FALSE(f.submit("MOJ", {{"systems.csv", "id,name,agency\nMOF/ifmis,Mine,MOJ\n"}})
                    .submission.accepted);
}

std::vector<std::string> check(StoreFixture& f, store::StoreCheckSummary* summary = nullptr) {
  models::Diagnostics problems;
  const auto counts = store::checkStore(f.db(), problems);
  if (summary) *summary = counts;
  return testing::linesOf(problems);
}

}  // namespace

TEST_CASE("a clean store passes the check with its counts", "[store][check]") {
  StoreFixture f;
  fill(f);
  store::StoreCheckSummary summary;
  CHECK(check(f, &summary).empty());
  CHECK(summary.submissions == 5);
  CHECK(summary.accepted == 4);
  CHECK(summary.revalidated == 4);
  CHECK(summary.files == 7);  // register 1, DGA 1, MOJ 2, MOF 2, the rejected 1
}

TEST_CASE("a resubmitted store, its old versions closed, passes the check", "[store][check]") {
  StoreFixture f;
  fill(f);
  f.accept("MOF", {{"systems.csv",
                    "id,name,agency,strategy\n"
                    "MOF/ifmis,Financial management (cloud),MOF,refactor\n"
                    "TAX/efiling,Tax e-filing,MOF-TAX\n"}});
  store::StoreCheckSummary summary;
  CHECK(check(f, &summary).empty());
  CHECK(summary.revalidated == 5);
}

TEST_CASE("a field changed behind the store's back is found: the files no longer give the rows",
          "[store][check]") {
  StoreFixture f;
  fill(f);
  f.sql().exec("UPDATE systems SET name = 'Tampered' WHERE id = 'MOJ/courts'");
  CHECK(check(f) == std::vector<std::string>{
                        f.path + ":0: error: [store-check] submission 3 (MOJ): its files read "
                                 "again do not give the rows the store holds for it"});
}

TEST_CASE("a dependency changed behind the store's back is found", "[store][check]") {
  StoreFixture f;
  fill(f);
  f.sql().exec(
      "UPDATE dependencies SET coupling = 'tight' WHERE consumer = 'TAX/efiling' AND provider = "
      "'DGA/sso'");
  CHECK(check(f) == std::vector<std::string>{
                        f.path + ":0: error: [store-check] submission 4 (MOF): its files read "
                                 "again do not give the rows the store holds for it"});
}

TEST_CASE("a submitted file altered in the store does not have its SHA-256", "[store][check]") {
  StoreFixture f;
  fill(f);
  // The same size, stored as it is: the DGA/sso line names another system.
  std::string altered = testing::kDgaSystems;
  altered.replace(altered.find("single"), 6, "double");
  SQLite::Statement update(f.sql(),
                           "UPDATE files SET compression = 'none', content = ? WHERE submission "
                           "= 2 AND position = 0");
  update.bind(1, altered.data(), static_cast<int>(altered.size()));
  REQUIRE(update.exec() == 1);
  CHECK(check(f) ==
        std::vector<std::string>{
            f.path + ":0: error: [store-check] submission 2: file '" +
                f.folder / "submission-1/systems.csv" +
                "' does not have the SHA-256 recorded for it",
            f.path + ":0: error: [store-check] submission 2 (DGA): its files read again do not "
                     "give the rows the store holds for it"});
}

TEST_CASE("a file that does not decompress is found", "[store][check]") {
  StoreFixture f;
  fill(f);
  f.sql().exec("UPDATE files SET compression = 'zlib' WHERE submission = 3 AND position = 1");
  CHECK(check(f) ==
        std::vector<std::string>{f.path + ":0: error: [store-check] submission 3: a file does not "
                                          "decompress"});
}

TEST_CASE("a current dependency whose consumer is gone breaks a row rule", "[store][check]") {
  StoreFixture f;
  fill(f);
  f.sql().exec("DELETE FROM systems WHERE id = 'MOJ/courts'");
  const auto problems = check(f);
  CHECK(problems ==
        std::vector<std::string>{
            f.path + ":0: error: [store-check] a current dependency whose consumer is not a "
                     "current system of its agency (2 rows)",
            f.path + ":0: error: [store-check] submission 3 (MOJ): its files read again do not "
                     "give the rows the store holds for it"});
}

TEST_CASE(
    "rows written by a rejected submission, or closed before they were written, break "
    "the row rules",
    "[store][check]") {
  StoreFixture f;
  fill(f);
  f.sql().exec("UPDATE systems SET until = 2 WHERE id = 'MOF/budget'");
  f.sql().exec(
      "UPDATE dependencies SET since = 5 WHERE consumer = 'MOJ/courts' AND provider = "
      "'DGA/sso'");
  // MOF/budget closed before it was written leaves its dependency without a consumer, too.
  CHECK(check(f) ==
        std::vector<std::string>{
            f.path + ":0: error: [store-check] a current dependency whose consumer is not a "
                     "current system of its agency (1 rows)",
            f.path + ":0: error: [store-check] a row written or closed by a submission that was "
                     "not accepted (1 rows)",
            f.path + ":0: error: [store-check] a row closed before it was written (1 rows)",
            f.path + ":0: error: [store-check] submission 3 (MOJ): its files read again do not "
                     "give the rows the store holds for it",
            f.path + ":0: error: [store-check] submission 4 (MOF): its files read again do not "
                     "give the rows the store holds for it"});
}

TEST_CASE("a store whose schema version is not this cloudplan's is said", "[store][check]") {
  StoreFixture f;
  f.sql().exec("PRAGMA user_version = 1");
  CHECK(check(f) == std::vector<std::string>{
                        fmt::format("{}:0: error: [store-check] schema version 1 (this cloudplan "
                                    "writes {})",
                                    f.path, store::kSchemaVersion)});
}

TEST_CASE(
    "a submission of Archi's CSV export checks clean after its folder is gone: the store "
    "holds all three files",
    "[store][check]") {
  StoreFixture f;
  const auto outcome = f.accept("MOJ", {{"model-elements.csv",
                                         "ID,Type,Name,Documentation\n"
                                         "c1,ApplicationComponent,Court case management,\n"
                                         "c2,SystemSoftware,Court database,\n"},
                                        {"model-relations.csv",
                                         "ID,Type,Name,Documentation,Source,Target\n"
                                         "r1,ServingRelationship,,,c2,c1\n"},
                                        {"model-properties.csv",
                                         "ID,Key,Value\n"
                                         "c1,agency,MOJ\n"
                                         "c2,agency,MOJ\n"}});
  CHECK(outcome.submission.systems == 2);
  CHECK(outcome.submission.dependencies == 1);
  CHECK(check(f).empty());
  std::filesystem::remove_all(f.folder / "submission-1");
  store::StoreCheckSummary summary;
  CHECK(check(f, &summary).empty());
  CHECK(summary.revalidated == 2);
}
