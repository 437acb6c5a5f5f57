// Opening a store: what is refused (missing, not SQLite, another program's SQLite, a newer
// schema, corrupt), and the migration of a store of every earlier schema version.
#include "store/store_database.h"
#include "store/store_check.h"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "store/national_inventory.h"
#include "store/plan_archive.h"
#include "store/plan_record.h"
#include "store/portal_accounts.h"
#include "store/schema.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;
using testing::TempFolder;

namespace {

std::string openError(const std::string& path) {
  std::string error;
  const auto store = store::StoreDatabase::open(path, error);
  CHECK_FALSE(store);
  return error;
}

// Overwrites `size` bytes at `offset` with a pattern no SQLite page holds.
void scribble(const std::string& path, std::streamoff offset, size_t size) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(offset);
  const std::string junk(size, '\xA5');
  file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

// A store with some pages: the register and a few submissions (checkpointed into the file).
void fill(StoreFixture& f) {
  testing::acceptEveryAgency(f);
  f.database.reset();  // the last connection checkpoints the WAL into the file and removes it
}

}  // namespace

TEST_CASE("opening a store that does not exist says how to make one", "[store][database]") {
  TempFolder folder;
  const std::string path = folder / "missing.db";
  CHECK(openError(path) == path + ": no store here (create one with cloudplan store init " + path +
                               " --agencies agencies.csv)");
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("opening a folder says to name the store's file", "[store][database]") {
  TempFolder folder;
  CHECK(openError(folder.path().string()) ==
        folder.path().string() + ": not a file (name the store's .db file)");
}

TEST_CASE("a file that is not SQLite is not a store", "[store][database]") {
  TempFolder folder;
  const std::string path =
      folder.write("inventory.db", "id,name,agency\nMOF/ifmis,IFMIS,MOF\n" + std::string(600, 'x'));
  CHECK(openError(path) == path +
                               ": not a cloudplan store (not an SQLite database; name the store "
                               "that cloudplan store init made)");
}

TEST_CASE("an SQLite file of another program is not a store", "[store][database]") {
  TempFolder folder;
  const std::string path = folder / "other.db";
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
  }
  CHECK(openError(path) == path +
                               ": not a cloudplan store (an SQLite file of another program; name "
                               "the store that cloudplan store init made)");
  // Left as it was: no cloudplan table, no WAL.
  SQLite::Database other(path, SQLite::OPEN_READONLY);
  CHECK(other.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 1);
  CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("a store of a newer schema version is refused, and left as it was", "[store][database]") {
  StoreFixture f;
  f.database.reset();
  {
    SQLite::Database raw(f.path, SQLite::OPEN_READWRITE);
    raw.exec(fmt::format("PRAGMA user_version = {}", store::kSchemaVersion + 1));
  }
  CHECK(openError(f.path) ==
        fmt::format("{}: the store has schema version {}, newer than this cloudplan's {} (use the "
                    "cloudplan that last wrote it, or a newer one)",
                    f.path, store::kSchemaVersion + 1, store::kSchemaVersion));
  SQLite::Database raw(f.path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == store::kSchemaVersion + 1);
}

TEST_CASE("a truncated store is refused as corrupt", "[store][database]") {
  StoreFixture f;
  fill(f);
  const auto size = std::filesystem::file_size(f.path);
  REQUIRE(size >= 8 * 4096);
  std::filesystem::resize_file(f.path, size / 2);
  CHECK(openError(f.path) ==
        f.path +
            ": the store is corrupt (database disk image is malformed; restore it from a "
            "backup)");
}

TEST_CASE("a store overwritten in the middle is found out by store check", "[store][database]") {
  StoreFixture f;
  fill(f);
  const auto size = std::filesystem::file_size(f.path);
  // Every page but the first (the header): whichever holds what, the damage is seen.
  scribble(f.path, 4096, static_cast<size_t>(size) - 4096);
  // The header is whole, so the store opens: reading every page is store check's work (or the
  // error of the command that meets a damaged page).
  std::string error;
  auto opened = store::StoreDatabase::open(f.path, error);
  if (!opened) {
    CHECK_THAT(error, Catch::StartsWith(f.path + ": the store is corrupt ("));
    return;
  }
  models::Diagnostics problems;
  store::checkStore(*opened, problems);
  REQUIRE(problems.hasErrors());
  CHECK_THAT(problems.all().front().message, Catch::StartsWith("SQLite integrity check: "));
}

TEST_CASE("a store of every earlier schema version is migrated on open, its rows intact",
          "[store][database]") {
  for (int version = 1; version < store::kSchemaVersion; ++version) {
    DYNAMIC_SECTION("from version " << version) {
      TempFolder folder;
      const std::string path = folder / "old.db";
      testing::RowSnapshot before;
      {
        // A register and one agency's submission, written through the version's tables.
        auto old = store::StoreDatabase::createAtVersion(path, version);
        REQUIRE(old.schemaVersion() == version);
        auto& sql = old.sql();
        models::Submission registerSubmission;
        registerSubmission.kind = models::SubmissionKind::agencies;
        registerSubmission.at = "2026-01-01T00:00:00Z";
        registerSubmission.accepted = true;
        const uint32_t first = store::recordSubmission(
            sql, registerSubmission, {}, {{"agencies.csv", testing::kRegister, "agencies"}});
        // Through SQL of the version's own columns: the store's inserts write the newest ones.
        sql.exec(
            fmt::format("INSERT INTO agencies (code, name, position, since, file, line) "
                        "VALUES ('MOF', 'Ministry of Finance', 0, {0}, 0, 2), "
                        "('MOJ', 'Ministry of Justice', 1, {0}, 0, 3)",
                        first));
        models::Submission mof;
        mof.agency = "MOF";
        mof.at = "2026-01-02T00:00:00Z";
        mof.accepted = true;
        mof.systems = 1;
        const std::string systems = "id,name,agency\nMOF/ifmis,IFMIS,MOF\n";
        mof.files = {{"systems.csv", "", systems.size()}};
        const uint32_t second =
            store::recordSubmission(sql, mof, {}, {{"systems.csv", systems, "systems"}});
        sql.exec(fmt::format(
            "INSERT INTO systems (id, agency, name, type, strategy, criticality, effort_days, "
            "target, since, file, line) VALUES ('MOF/ifmis', 'MOF', 'IFMIS', 'application', "
            "'rehost', 'medium', 10, '', {}, 0, 2)",
            second));
        store::insertDependencyRows(sql,
                                    std::vector<store::DependencyRow>{{.consumer = "MOF/ifmis",
                                                                       .provider = "DGA/sso",
                                                                       .agency = "MOF",
                                                                       .coupling = "normal",
                                                                       .source = {second, 0, 2}}});
        before = testing::snapshotRows(sql);
      }
      std::string error;
      auto store = store::StoreDatabase::open(path, error);
      INFO(error);
      REQUIRE(store);
      CHECK(store->schemaVersion() == store::kSchemaVersion);
      // The columns later versions add come last, empty.
      if (version < 3) {
        for (auto& row : before.agencies)
          row += "|NULL|NULL";
        for (auto& row : before.systems)
          row += "|NULL";
      }
      CHECK(testing::snapshotRows(store->sql()) == before);
      CHECK(store::lastSubmission(store->sql()) == 2);
      const auto files = store::readSubmissionFiles(store->sql(), 2);
      REQUIRE(files);
      REQUIRE(files->size() == 1);
      CHECK((*files)[0].bytes == "id,name,agency\nMOF/ifmis,IFMIS,MOF\n");
      for (const char* table : {"plans", "accounts", "sessions", "plan_files"}) {
        CHECK(store->sql()
                  .execAndGet(fmt::format("SELECT count(*) FROM sqlite_master WHERE "
                                          "type = 'table' AND name = '{}'",
                                          table))
                  .getInt() == 1);
      }
      const auto national = store::loadNationalInventory(*store);
      CHECK(national.asOf == 2);
      REQUIRE(national.inventory.systems.size() == 1);
      CHECK(national.inventory.systems[0].id == "MOF/ifmis");
      CHECK(national.inventory.outsideDependencies.size() == 1);
      // The tables of version 4 are in use.
      REQUIRE(store::addAccount(*store,
                                {.name = "jane",
                                 .role = store::Role::agency,
                                 .agency = "MOF",
                                 .tokenHash = "h",
                                 .created = "2027-01-01T00:00:00Z"},
                                error));
      store::PlanRecording recording(*store, 2, "{}", {{"MOF/ifmis", 1}});
      store::archivePlanFiles(store->sql(), recording.number(), "jane", {.systems = 1},
                              {{"plan.json", "{}", {}}});
      recording.commit();
      CHECK(store::readPlanFile(store->sql(), recording.number(), "plan.json") == "{}");
    }
  }
}

TEST_CASE("a store of the current version opens as it is", "[store][database]") {
  StoreFixture f;
  fill(f);
  std::string error;
  auto store = store::StoreDatabase::open(f.path, error);
  REQUIRE(store);
  CHECK(error.empty());
  CHECK(store->schemaVersion() == store::kSchemaVersion);
  CHECK(store->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(store->sql().execAndGet("PRAGMA application_id").getInt() == store::kApplicationId);
}

TEST_CASE("creating a store where a file is refuses, and a store never published leaves nothing",
          "[store][database]") {
  TempFolder folder;
  const std::string taken = folder.write("taken.db", "mine");
  std::string error;
  CHECK_FALSE(store::StoreDatabase::create(taken, error));
  CHECK(error == taken + ": exists already (a store is made once; cloudplan store agencies " +
                     taken + " FILE replaces its register of agencies)");
  {
    auto made = store::StoreDatabase::create(folder / "new.db", error);
    REQUIRE(made);
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path()))
    names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"taken.db"});
}

TEST_CASE("an empty file is not a store, and is left empty", "[store][database]") {
  TempFolder folder;
  const std::string path = folder.write("national.db", "");
  CHECK(openError(path) == path +
                               ": not a cloudplan store (an empty file; name the store that "
                               "cloudplan store init made)");
  CHECK(std::filesystem::file_size(path) == 0);
}

TEST_CASE("version 3 moves finish_by and the agency limits out of every row version's properties",
          "[store][database]") {
  TempFolder folder;
  const std::string path = folder / "v2.db";
  {
    // What cloudplan 0.1 stored for columns it did not know: extra columns, as properties.
    auto old = store::StoreDatabase::createAtVersion(path, 2);
    auto& sql = old.sql();
    models::Submission registerSubmission;
    registerSubmission.kind = models::SubmissionKind::agencies;
    registerSubmission.at = "2026-01-01T00:00:00Z";
    registerSubmission.accepted = true;
    const uint32_t first = store::recordSubmission(
        sql, registerSubmission, {}, {{"agencies.csv", testing::kRegister, "agencies"}});
    models::Submission mof;
    mof.agency = "MOF";
    mof.at = "2026-01-02T00:00:00Z";
    mof.accepted = true;
    const uint32_t second = store::recordSubmission(sql, mof, {}, {});
    const uint32_t third = store::recordSubmission(sql, mof, {}, {});
    sql.exec(fmt::format(
        "INSERT INTO agencies (code, name, properties, position, since, file, line) VALUES "
        "('MOF', 'Finance', '[[\"cio\",\"Jane\"],[\"Max_Systems_Per_Wave\",\"8\"],"
        "[\"max_effort_per_wave\",\"120.5\"]]', 0, {0}, 0, 2), "
        "('MOJ', 'Justice', '[[\"max_systems_per_wave\",\"0\"]]', 1, {0}, 0, 3)",
        first));
    sql.exec(fmt::format(
        "INSERT INTO systems (id, agency, name, type, strategy, criticality, effort_days, "
        "target, not_before, properties, since, until, file, line) VALUES "
        "('MOF/a', 'MOF', 'A', 'application', 'rehost', 'medium', 10, '', NULL, "
        "'[[\"documentation\",\"Doc\"],[\"FINISH_BY\",\"2027-06-30\"],[\"os\",\"linux\"]]', "
        "{0}, {1}, 0, 2), "
        "('MOF/a', 'MOF', 'A', 'application', 'rehost', 'medium', 10, '', NULL, "
        "'[[\"finish_by\",\"2027-09-30\"]]', {1}, NULL, 0, 2), "
        "('MOF/b', 'MOF', 'B', 'application', 'rehost', 'medium', 10, '', NULL, "
        "'[[\"finish_by\",\"end of 2027\"]]', {1}, NULL, 0, 3), "
        "('MOF/c', 'MOF', 'C', 'application', 'rehost', 'medium', 10, '', NULL, "
        "'[[\"owner\",\"finish_by team\"]]', {1}, NULL, 0, 4)",
        second, third));
  }
  std::string error;
  auto store = store::StoreDatabase::open(path, error);
  INFO(error);
  REQUIRE(store);
  CHECK(store->schemaVersion() == store::kSchemaVersion);
  // Every version, the closed one too; a value the importers would refuse stays a property.
  CHECK(testing::tableRows(store->sql(), "systems") ==
        std::vector<std::string>{
            "MOF/a|MOF|A|application|rehost|medium|10.0||NULL|NULL|[[\"documentation\",\"Doc\"],"
            "[\"os\",\"linux\"]]|0|2|2|3|2027-06-30",
            "MOF/a|MOF|A|application|rehost|medium|10.0||NULL|NULL|NULL|0|2|3|NULL|2027-09-30",
            "MOF/b|MOF|B|application|rehost|medium|10.0||NULL|NULL|[[\"finish_by\",\"end of "
            "2027\"]]|0|3|3|NULL|NULL",
            "MOF/c|MOF|C|application|rehost|medium|10.0||NULL|NULL|[[\"owner\",\"finish_by "
            "team\"]]|0|4|3|NULL|NULL"});
  CHECK(testing::tableRows(store->sql(), "agencies") ==
        std::vector<std::string>{"MOF|Finance|NULL|[[\"cio\",\"Jane\"]]|0|0|2|1|NULL|8|120.5",
                                 "MOJ|Justice|NULL|[[\"max_systems_per_wave\",\"0\"]]|1|0|3|1|"
                                 "NULL|NULL|NULL"});
  // What export, validate and plan --store read.
  const auto national = store::loadNationalInventory(*store);
  const auto& inventory = national.inventory;
  CHECK(inventory.systems[*inventory.findSystem("MOF/a")].finishBy ==
        models::dateFromCivil(2027, 9, 30));
  CHECK_FALSE(inventory.systems[*inventory.findSystem("MOF/b")].finishBy);
  const auto& finance = inventory.agencies[*inventory.findAgency("MOF")];
  CHECK(finance.maxSystemsPerWave == 8u);
  CHECK(finance.maxEffortPerWave == 120.5);
  CHECK(finance.properties.count == 1);
  // As of the first submission of MOF, its first version.
  const auto earlier = store::loadNationalInventory(*store, 2);
  CHECK(earlier.inventory.systems[*earlier.inventory.findSystem("MOF/a")].finishBy ==
        models::dateFromCivil(2027, 6, 30));
}

TEST_CASE("version 4 keeps an older store's plan, by nobody and without figures or files",
          "[store][database]") {
  TempFolder folder;
  const std::string path = folder / "v3.db";
  {
    auto old = store::StoreDatabase::createAtVersion(path, 3);
    auto& sql = old.sql();
    models::Submission registerSubmission;
    registerSubmission.kind = models::SubmissionKind::agencies;
    registerSubmission.at = "2026-01-01T00:00:00Z";
    registerSubmission.accepted = true;
    store::recordSubmission(sql, registerSubmission, {},
                            {{"agencies.csv", testing::kRegister, "agencies"}});
    // What plan --store of cloudplan 0.2 kept: its last plan only.
    sql.exec(
        "INSERT INTO plans (number, submission, at, settings, waves) VALUES "
        "(1, 1, '2026-01-05T00:00:00Z', '{\"wave_capacity\":20}', 'MOF/ifmis\t2\n')");
  }
  std::string error;
  auto store = store::StoreDatabase::open(path, error);
  INFO(error);
  REQUIRE(store);
  CHECK(store->schemaVersion() == 4);
  CHECK(testing::tableRows(store->sql(), "plans") ==
        std::vector<std::string>{
            "1|1|2026-01-05T00:00:00Z|{\"wave_capacity\":20}|MOF/ifmis\t2\n||NULL|NULL|NULL|NULL"});
  const auto plans = store::listPlans(store->sql());
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].number == 1);
  CHECK(plans[0].submission == 1);
  CHECK(plans[0].by.empty());
  CHECK(plans[0].systems == 0);
  CHECK(plans[0].files == 0);
  CHECK(store::planFileNames(store->sql(), 1).empty());
  CHECK(store::listAccounts(*store).empty());
  // The next plan is numbered after it, and the old one keeps its record but not its waves.
  store::PlanRecording recording(*store, 1, "{}", {{"MOF/ifmis", 3}});
  recording.commit();
  CHECK(recording.number() == 2);
  CHECK(testing::tableRows(store->sql(), "plans").front() ==
        "1|1|2026-01-05T00:00:00Z|{\"wave_capacity\":20}|||NULL|NULL|NULL|NULL");
}
