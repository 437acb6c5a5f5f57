// The national register of agencies: a store is made only from a register that reads clean, and
// a new register may not leave out an agency that still has systems.
#include "store/register_submission.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "store/stored_rows.h"
#include "store/submission_changes.h"
#include "store/submission_records.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;
using testing::TempFolder;

namespace {

std::vector<std::string> namesIn(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> describe(const std::vector<models::SystemChange>& changes) {
  std::vector<std::string> lines;
  for (const auto& c : changes) {
    std::string line = c.id + " (" + c.agency + ")";
    for (const auto& field : c.fields)
      line += " " + field.field + ": '" + field.before + "' -> '" + field.after + "'";
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("a register with errors makes no store and leaves no file behind", "[store][register]") {
  TempFolder folder;
  const std::string file = folder.write("agencies.csv",
                                        "code,name,parent\n"
                                        "MOF,Ministry of Finance,\n"
                                        "MOF-TAX,National Tax Service,MOFF\n");
  std::string error;
  const auto outcome = store::initStore(folder / "national.db", {.file = file}, error);
  REQUIRE(outcome);
  CHECK(error.empty());
  CHECK_FALSE(outcome->submission.accepted);
  CHECK(outcome->submission.errors == 1);
  CHECK(testing::linesOf(outcome->diagnostics) ==
        std::vector<std::string>{
            file + ":3: error: [unknown-agency] unknown parent agency 'MOFF' of 'MOF-TAX' "
                   "(did you mean 'MOF'?)"});
  CHECK(namesIn(folder.path()) == std::vector<std::string>{"agencies.csv"});
}

TEST_CASE("a register that is not an agencies file makes no store", "[store][register]") {
  TempFolder folder;
  const std::string file = folder.write("systems.csv", testing::kMojSystems);
  std::string error;
  const auto outcome = store::initStore(folder / "national.db", {.file = file}, error);
  REQUIRE(outcome);
  CHECK(testing::linesOf(outcome->diagnostics) ==
        std::vector<std::string>{
            file +
            ":0: error: [not-a-register] not an agencies file: the register lists agencies only "
            "(give an agencies file, with columns code, name, parent and any others; systems "
            "and dependencies are submitted by their agencies with cloudplan submit)"});
  CHECK(namesIn(folder.path()) == std::vector<std::string>{"systems.csv"});
}

TEST_CASE("a store is made with its register as submission 1", "[store][register]") {
  testing::FixedClock clock;
  StoreFixture f;
  const auto first = store::readSubmission(f.sql(), 1);
  REQUIRE(first);
  CHECK(first->kind == models::SubmissionKind::agencies);
  CHECK(first->accepted);
  CHECK(first->by == "National Office");
  CHECK(first->at == "2027-01-10T09:00:00Z");
  const auto rows = store::readAgencyRows(f.sql(), {});
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].code == "MOF-TAX");
  CHECK(rows[1].parent == "MOF");
  CHECK(rows[1].position == 1);
  CHECK(rows[1].source.line == 3);
  CHECK(namesIn(f.folder.path()) ==
        std::vector<std::string>{"national.db", "national.db-shm", "national.db-wal", "register"});
}

TEST_CASE(
    "a new register may not leave out an agency that has systems, the refusal is "
    "recorded and changes nothing",
    "[store][register]") {
  StoreFixture f;
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems}});
  const auto before = testing::snapshotRows(f.sql());
  const std::string file = f.folder.write("register-2/agencies.csv",
                                          "code,name,parent\n"
                                          "MOF,Ministry of Finance,\n"
                                          "MOF-TAX,National Tax Service,MOF\n"
                                          "DGA,Digital Government Agency,\n");
  std::string error;
  const auto outcome =
      store::replaceRegister(f.db(), {.file = file, .by = "National Office"}, error);
  REQUIRE(outcome);
  CHECK_FALSE(outcome->submission.accepted);
  const auto expected = std::vector<std::string>{
      file +
      ":0: error: [removes-agency-with-systems] agency 'MOJ' is left out of the register, but it "
      "has 1 system in the national inventory, 'MOJ/courts' first (keep it; or have its systems "
      "submitted under another agency first)"};
  CHECK(testing::linesOf(outcome->diagnostics) == expected);
  CHECK(testing::snapshotRows(f.sql()) == before);
  const auto recorded = store::readSubmission(f.sql(), outcome->submission.number);
  REQUIRE(recorded);
  CHECK_FALSE(recorded->accepted);
  CHECK(recorded->kind == models::SubmissionKind::agencies);
  CHECK(testing::linesOf(store::readSubmissionDiagnostics(f.sql(), recorded->number)) == expected);
}

TEST_CASE("a new register lists the agencies added, removed and changed", "[store][register]") {
  StoreFixture f;
  f.accept("MOJ", {{"systems.csv", testing::kMojSystems}});
  const std::string file = f.folder.write("register-2/agencies.csv",
                                          "code,name,parent,cio_name\n"
                                          "MOF,Ministry of Finance and Economy,,\n"
                                          "MOJ,Ministry of Justice,,Ana Costa\n"
                                          "DGA,Digital Government Agency,,\n"
                                          "MOJ-PRI,Prison Service,MOJ,\n");
  std::string error;
  const auto outcome = store::replaceRegister(f.db(), {.file = file}, error);
  REQUIRE(outcome);
  INFO(fmt::format("{}", fmt::join(testing::linesOf(outcome->diagnostics), "\n")));
  REQUIRE(outcome->submission.accepted);
  CHECK(describe(outcome->changes.added) == std::vector<std::string>{"MOJ-PRI (MOJ)"});
  CHECK(describe(outcome->changes.removed) == std::vector<std::string>{"MOF-TAX (MOF)"});
  CHECK(describe(outcome->changes.changed) ==
        std::vector<std::string>{
            "MOF () name: 'Ministry of Finance' -> 'Ministry of Finance and Economy'",
            "MOJ () cio_name: '' -> 'Ana Costa'"});
  const auto again = store::agencyChangesOfSubmission(f.db(), outcome->submission.number);
  CHECK(describe(again.added) == describe(outcome->changes.added));
  CHECK(describe(again.removed) == describe(outcome->changes.removed));
  CHECK(describe(again.changed) == describe(outcome->changes.changed));
  std::vector<std::string> codes;
  for (const auto& row : store::readAgencyRows(f.sql(), {}))
    codes.push_back(row.code);
  CHECK(codes == std::vector<std::string>{"MOF", "MOJ", "DGA", "MOJ-PRI"});
  // MOJ's scope now holds its new department.
  const auto pri = f.accept("MOJ", {{"systems.csv",
                                     "id,name,agency\n"
                                     "MOJ/courts,Court case management,MOJ\n"
                                     "PRI/inmates,Inmate records,MOJ-PRI\n"}});
  CHECK(describe(pri.changes.systemsAdded) == std::vector<std::string>{"PRI/inmates (MOJ-PRI)"});
}

TEST_CASE("a store that cannot be made says why and leaves nothing", "[store][register]") {
  TempFolder folder;
  const std::string file = folder.write("agencies.csv", testing::kRegister);
  const std::string path = folder / "no-such-folder/national.db";
  std::string error;
  CHECK_FALSE(store::initStore(path, {.file = file}, error));
  CHECK(error == path + ": cannot create the store (unable to open database file)");
  CHECK(namesIn(folder.path()) == std::vector<std::string>{"agencies.csv"});
}

TEST_CASE("a store is made once: init where one is refuses and leaves it as it was",
          "[store][register]") {
  StoreFixture f;
  f.database.reset();
  const auto size = std::filesystem::file_size(f.path);
  std::string error;
  const std::string file = f.folder / "register/agencies.csv";
  CHECK_FALSE(store::initStore(f.path, {.file = file}, error));
  CHECK(error == f.path + ": exists already (a store is made once; cloudplan store agencies " +
                     f.path + " FILE replaces its register of agencies)");
  CHECK(std::filesystem::file_size(f.path) == size);
}
