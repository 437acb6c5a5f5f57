// An agency's submission: its scope (its own systems and its departments', nothing else), the
// removal of systems others depend on, identity of ids across submissions, a rejected submission
// changing nothing but the history, and references to systems the store does not have yet.
#include "store/submit_inventory.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "store/national_inventory.h"
#include "store/store_check.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::Files;
using testing::StoreFixture;

namespace {

std::vector<std::string> idsOf(const std::vector<store::SystemRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& row : rows)
    ids.push_back(row.id);
  return ids;
}

std::vector<std::string> pairsOf(const std::vector<store::DependencyRow>& rows) {
  std::vector<std::string> pairs;
  for (const auto& row : rows)
    pairs.push_back(row.consumer + " -> " + row.provider);
  return pairs;
}

std::vector<std::string> rowsOfAgencies(StoreFixture& f, std::vector<std::string> agencies,
                                        const std::string& table) {
  std::string list;
  for (const auto& a : agencies)
    list += (list.empty() ? "'" : ", '") + a + "'";
  std::vector<std::string> rows;
  SQLite::Statement query(
      f.sql(), fmt::format("SELECT * FROM {} WHERE agency IN ({}) ORDER BY rowid", table, list));
  while (query.executeStep()) {
    std::string row;
    for (int i = 0; i < query.getColumnCount(); ++i) {
      const SQLite::Column column = query.getColumn(i);
      row += (i ? "|" : "") + (column.isNull() ? std::string("NULL") : column.getString());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_CASE(
    "a ministry's submission replaces its systems and its departments', and their "
    "dependencies, and nothing of other agencies",
    "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const auto othersBefore = rowsOfAgencies(f, {"MOJ", "DGA"}, "systems");
  const auto otherDependenciesBefore = rowsOfAgencies(f, {"MOJ", "DGA"}, "dependencies");

  // MOF drops MOF/budget and its tax department's dependency, adds a tax system.
  const auto outcome = f.accept("MOF", {{"systems.csv",
                                         "id,name,agency,strategy,effort_days\n"
                                         "MOF/ifmis,Financial management,MOF,replatform,50\n"
                                         "TAX/efiling,Tax e-filing,MOF-TAX,rehost,10\n"
                                         "TAX/audit,Tax audit,MOF-TAX\n"},
                                        {"dependencies.csv", "from,to\nTAX/audit,TAX/efiling\n"}});

  const auto mof = store::readSystemRows(f.sql(), {.agencies = {"MOF", "MOF-TAX"}});
  CHECK(idsOf(mof) == std::vector<std::string>{"MOF/ifmis", "TAX/audit", "TAX/efiling"});
  const auto mofDependencies = store::readDependencyRows(f.sql(), {.agencies = {"MOF", "MOF-TAX"}});
  CHECK(pairsOf(mofDependencies) == std::vector<std::string>{"TAX/audit -> TAX/efiling"});
  CHECK(rowsOfAgencies(f, {"MOJ", "DGA"}, "systems") == othersBefore);
  CHECK(rowsOfAgencies(f, {"MOJ", "DGA"}, "dependencies") == otherDependenciesBefore);
  // MOJ's dependency on MOF/ifmis is MOJ's: it stays, and is now a dependent of MOF's.
  CHECK(pairsOf(store::readDependencyRows(f.sql(), {.agencies = {"MOJ"}})) ==
        std::vector<std::string>{"MOJ/courts -> DGA/sso", "MOJ/courts -> MOF/ifmis"});
  REQUIRE(outcome.changes.dependents.size() == 1);
  CHECK(outcome.changes.dependents[0].from == "MOJ/courts");
  CHECK(outcome.changes.dependents[0].to == "MOF/ifmis");
  CHECK(outcome.changes.resolvedNow.empty());
}

TEST_CASE("a department submits its own systems only, its ministry's are outside its scope",
          "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const auto outcome = f.submit("MOF-TAX", {{"systems.csv",
                                             "id,name,agency\n"
                                             "TAX/efiling,Tax e-filing,MOF-TAX\n"
                                             "MOF/ifmis,Financial management,MOF\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            f.pathOf("systems.csv") +
            ":3: error: [outside-scope] system 'MOF/ifmis' belongs to 'MOF': MOF-TAX may submit "
            "systems of MOF-TAX and its agencies only (leave it out: MOF submits it)"});
}

TEST_CASE(
    "a file that defines a system of another ministry is an outside-scope error at its "
    "line, and the submission is rejected",
    "[store][submit]") {
  StoreFixture f;
  const auto outcome = f.submit("MOF", {{"systems.csv",
                                         "id,name,agency\n"
                                         "MOF/ifmis,Financial management,MOF\n"
                                         "MOJ/courts,Court case management,MOJ\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            f.pathOf("systems.csv") +
            ":3: error: [outside-scope] system 'MOJ/courts' belongs to 'MOJ': MOF may submit "
            "systems of MOF and its agencies only (leave it out: MOJ submits it)"});
  CHECK(f.count("SELECT count(*) FROM systems") == 0);
}

TEST_CASE("an id another agency already holds is refused as id-of-another-agency",
          "[store][submit]") {
  StoreFixture f;
  f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  const auto outcome = f.submit("MOF", {{"systems.csv",
                                         "id,name,agency\n"
                                         "MOF/ifmis,Financial management,MOF\n"
                                         "DGA/sso,Our own sign-on,MOF-TAX\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{f.pathOf("systems.csv") +
                                 ":3: error: [id-of-another-agency] id 'DGA/sso' is a system of "
                                 "DGA in the national inventory (ids are national: choose another "
                                 "id, or ask DGA to remove theirs)"});
  CHECK(store::readSystemRows(f.sql(), {.agencies = {"DGA"}})[0].name ==
        "Government single sign-on");
}

TEST_CASE("an agencies file in a submission is refused: the register is the national office's",
          "[store][submit]") {
  StoreFixture f;
  const auto outcome =
      f.submit("MOF", {{"agencies.csv", "code,name\nMOF,Ministry of Finance\n"},
                       {"systems.csv", "id,name,agency\nMOF/ifmis,Financial management,MOF\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            f.pathOf("agencies.csv") +
            ":0: error: [agencies-in-submission] a submission holds an agency's systems and "
            "dependencies; the agencies are the national register's (leave this file out; the "
            "national office changes the register with cloudplan store agencies)"});
}

TEST_CASE(
    "a system of an agency the register does not list is an error with did-you-mean over "
    "the register",
    "[store][submit]") {
  StoreFixture f;
  const auto outcome = f.submit("MOF", {{"systems.csv",
                                         "id,name,agency\n"
                                         "MOF/ifmis,Financial management,MOF-TAXX\n"
                                         "MOF/budget,Budget,QQQQQQQQ\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            f.pathOf("systems.csv") +
                ":2: error: [unknown-agency] unknown agency 'MOF-TAXX' of system 'MOF/ifmis' "
                "(did you mean 'MOF-TAX'?)",
            f.pathOf("systems.csv") +
                ":3: error: [unknown-agency] unknown agency 'QQQQQQQQ' of system 'MOF/budget' "
                "(the national register does not list it; ask the national office to add it)"});
}

TEST_CASE("an --agency not in the register is a usage failure that records nothing",
          "[store][submit]") {
  StoreFixture f;
  const auto files = f.writeFiles({{"systems.csv", testing::kMojSystems}});
  std::string error;
  bool usage = false;
  CHECK_FALSE(store::submitInventory(f.db(), {.agency = "MOJJ", .inputs = files}, error, usage));
  CHECK(usage);
  CHECK(error ==
        "--agency 'MOJJ': not in the national register of " + f.path + " (did you mean 'MOJ'?)");
  CHECK_FALSE(store::submitInventory(f.db(), {.agency = "NOWHERE", .inputs = files}, error, usage));
  CHECK(usage);
  CHECK(error == "--agency 'NOWHERE': not in the national register of " + f.path +
                     " (cloudplan store status lists the agencies)");
  CHECK(store::lastSubmission(f.sql()) == 1);  // the register's only
}

TEST_CASE(
    "a ministry may not leave out a system another ministry depends on, the store stays "
    "as it was",
    "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const auto before = testing::snapshotRows(f.sql());
  const auto outcome = f.submit("MOF", {{"systems.csv",
                                         "id,name,agency\n"
                                         "MOF/budget,Budget preparation,MOF\n"
                                         "TAX/efiling,Tax e-filing,MOF-TAX\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            // Where the system was last submitted: the row this submission would remove.
            f.path + "#4:" + (f.folder / "submission-3/systems.csv") +
            ":2: error: [removes-used-system] system 'MOF/ifmis' is left out of this submission, "
            "but 'MOJ/courts' (MOJ) depends on it (keep it, and set its strategy to retire if it "
            "is to go: its consumers then move first)"});
  CHECK(testing::snapshotRows(f.sql()) == before);
  CHECK(outcome.changes.empty());
}

TEST_CASE("a system only the ministry's own systems depend on may be left out", "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  // MOF/budget depends on MOF/ifmis; leaving out MOF/budget harms no one else.
  const auto outcome = f.accept("MOF", {{"systems.csv",
                                         "id,name,agency\n"
                                         "MOF/ifmis,Financial management,MOF\n"
                                         "TAX/efiling,Tax e-filing,MOF-TAX\n"}});
  REQUIRE(outcome.changes.systemsRemoved.size() == 1);
  CHECK(outcome.changes.systemsRemoved[0].id == "MOF/budget");
}

TEST_CASE("resubmitting the same files changes no row", "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const auto before = testing::snapshotRows(f.sql());
  const auto outcome = f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                                        {"dependencies.csv", testing::kMofDependencies}});
  CHECK(outcome.changes.empty());
  CHECK(testing::snapshotRows(f.sql()) == before);
  CHECK(f.count("SELECT count(*) FROM systems WHERE since = " +
                std::to_string(outcome.submission.number)) == 0);
}

TEST_CASE("a changed field closes the system's version and opens a new one with the same id",
          "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const uint32_t first = store::lastSubmission(f.sql());
  std::string changed = testing::kMofSystems;
  changed.replace(changed.find("replatform,50"), 13, "refactor,80");
  const auto outcome =
      f.accept("MOF", {{"systems.csv", changed}, {"dependencies.csv", testing::kMofDependencies}});
  const uint32_t second = outcome.submission.number;
  SQLite::Statement versions(
      f.sql(),
      "SELECT strategy, effort_days, since, until FROM systems WHERE id = 'MOF/ifmis' "
      "ORDER BY since");
  std::vector<std::string> rows;
  while (versions.executeStep()) {
    rows.push_back(fmt::format(
        "{} {} {} {}", versions.getColumn(0).getString(), versions.getColumn(1).getDouble(),
        versions.getColumn(2).getInt(),
        versions.getColumn(3).isNull() ? "current" : versions.getColumn(3).getString()));
  }
  CHECK(rows == std::vector<std::string>{fmt::format("replatform 50 {} {}", first, second),
                                         fmt::format("refactor 80 {} current", second)});
  CHECK(f.count("SELECT count(*) FROM systems WHERE until IS NULL") == 6);
  REQUIRE(outcome.changes.systemsChanged.size() == 1);
  const auto& change = outcome.changes.systemsChanged[0];
  CHECK(change.id == "MOF/ifmis");
  REQUIRE(change.fields.size() == 2);
  CHECK(change.fields[0].field == "strategy");
  CHECK(change.fields[0].before == "replatform");
  CHECK(change.fields[0].after == "refactor");
  CHECK(change.fields[1].field == "effort_days");
  CHECK(change.fields[1].before == "50");
  CHECK(change.fields[1].after == "80");
}

TEST_CASE(
    "a rejected submission changes nothing but the history: it is recorded with its "
    "diagnostics and its files byte for byte",
    "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const auto before = testing::snapshotRows(f.sql());
  const std::string systems =
      "\xEF\xBB\xBFid,name,agency,notes\r\n"
      "MOF/ifmis,Financial management,MOF,\"quoted, \"\"with\"\" commas\"\r\n"
      "MOF/budget,Budget preparation,MOF,\r\n"
      "TAX/efiling,Tax e-filing,MOF-TAX,\r\n"
      "MOJ/registry,Land registry,MOJ,\r\n";
  const std::string dependencies = "from,to\nMOF/budget,MOF/ifmis\nTAX/efiling,DGA/ssso\n";
  const auto outcome =
      f.submit("MOF", {{"systems.csv", systems}, {"dependencies.csv", dependencies}},
               "Kim \"Minji\"", "Q2: <fixes>");
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::snapshotRows(f.sql()) == before);

  const uint32_t number = outcome.submission.number;
  const auto recorded = store::readSubmission(f.sql(), number);
  REQUIRE(recorded);
  CHECK_FALSE(recorded->accepted);
  CHECK(recorded->agency == "MOF");
  CHECK(recorded->by == "Kim \"Minji\"");
  CHECK(recorded->message == "Q2: <fixes>");
  CHECK(recorded->errors == 1);
  CHECK(recorded->warnings == 1);
  CHECK(f.count(fmt::format("SELECT accepted FROM submissions WHERE number = {}", number)) == 0);
  const auto expected = std::vector<std::string>{
      f.pathOf("dependencies.csv") +
          ":3: warning: [unresolved-reference] reference to 'DGA/ssso' in to is not a system of "
          "the national inventory yet (did you mean 'DGA/sso'? if not, kept unresolved until its "
          "agency submits it)",
      f.pathOf("systems.csv") +
          ":5: error: [outside-scope] system 'MOJ/registry' belongs to 'MOJ': MOF may submit "
          "systems of MOF and its agencies only (leave it out: MOJ submits it)"};
  CHECK(testing::linesOf(outcome.diagnostics) == expected);
  CHECK(testing::linesOf(store::readSubmissionDiagnostics(f.sql(), number)) == expected);

  const auto files = store::readSubmissionFiles(f.sql(), number);
  REQUIRE(files);
  REQUIRE(files->size() == 2);
  CHECK((*files)[0].name == f.pathOf("dependencies.csv"));
  CHECK((*files)[0].bytes == dependencies);
  CHECK((*files)[1].name == f.pathOf("systems.csv"));
  CHECK((*files)[1].bytes == systems);
  REQUIRE(recorded->files.size() == 2);
  CHECK(recorded->files[1].bytes == systems.size());
}

TEST_CASE(
    "a reference to a system no agency has yet is a warning, kept unresolved, and "
    "resolves when its owner submits",
    "[store][submit]") {
  StoreFixture f;
  const auto moj = f.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                                    {"dependencies.csv", testing::kMojDependencies}});
  CHECK(testing::linesOf(moj.diagnostics) ==
        std::vector<std::string>{
            f.pathOf("dependencies.csv") +
                ":2: warning: [unresolved-reference] reference to 'MOF/ifmis' in to is not a "
                "system of the national inventory yet (kept unresolved until its agency submits "
                "it)",
            f.pathOf("dependencies.csv") +
                ":3: warning: [unresolved-reference] reference to 'DGA/sso' in to is not a "
                "system of the national inventory yet (kept unresolved until its agency submits "
                "it)"});
  CHECK(moj.submission.unresolved == 2);
  REQUIRE(moj.changes.unresolved.size() == 2);

  auto national = store::loadNationalInventory(f.db());
  std::vector<std::string> outside;
  for (const auto& d : national.inventory.outsideDependencies) {
    CHECK_FALSE(d.known);
    outside.push_back(std::string(national.inventory.systems[d.consumer].id) + " -> " +
                      std::string(d.provider));
  }
  std::sort(outside.begin(), outside.end());
  CHECK(outside == std::vector<std::string>{"MOJ/courts -> DGA/sso", "MOJ/courts -> MOF/ifmis"});

  const auto dga = f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  REQUIRE(dga.changes.resolvedNow.size() == 1);
  CHECK(dga.changes.resolvedNow[0].from == "MOJ/courts");
  CHECK(dga.changes.resolvedNow[0].to == "DGA/sso");
  CHECK(dga.changes.resolvedNow[0].fromAgency == "MOJ");
  CHECK(dga.changes.resolvedNow[0].toAgency == "DGA");
  const auto mof = f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                                    {"dependencies.csv", testing::kMofDependencies}});
  REQUIRE(mof.changes.resolvedNow.size() == 1);
  CHECK(mof.changes.resolvedNow[0].from == "MOJ/courts");
  CHECK(mof.changes.resolvedNow[0].to == "MOF/ifmis");
  CHECK(store::loadNationalInventory(f.db()).inventory.outsideDependencies.empty());
}

TEST_CASE("ministries may submit in any order: two orders give the same national inventory",
          "[store][submit]") {
  StoreFixture forward;
  testing::acceptEveryAgency(forward);
  StoreFixture backward;
  backward.accept("MOF", {{"systems.csv", testing::kMofSystems},
                          {"dependencies.csv", testing::kMofDependencies}});
  backward.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                          {"dependencies.csv", testing::kMojDependencies}});
  backward.accept("DGA", {{"systems.csv", testing::kDgaSystems}});

  auto describe = [](StoreFixture& f) {
    const auto national = store::loadNationalInventory(f.db());
    const auto& inventory = national.inventory;
    std::vector<std::string> lines;
    for (const auto& s : inventory.systems) {
      lines.push_back(fmt::format("system {} {} {} {} {}", s.id, inventory.agencies[s.agency].code,
                                  s.name, models::nameOf(s.strategy), s.effortDays));
    }
    for (const auto& d : inventory.dependencies) {
      lines.push_back(fmt::format("dependency {} -> {} {}", inventory.systems[d.consumer].id,
                                  inventory.systems[d.provider].id, models::nameOf(d.coupling)));
    }
    lines.push_back(fmt::format("outside {}", inventory.outsideDependencies.size()));
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  const auto lines = describe(forward);
  CHECK(lines.size() == 11);
  CHECK(lines == describe(backward));
}

TEST_CASE("a dependency whose consumer is another agency's system is refused at its line",
          "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const auto outcome =
      f.submit("MOF-TAX", {{"systems.csv", "id,name,agency\nTAX/efiling,E,MOF-TAX\n"},
                           {"dependencies.csv",
                            "from,to\n"
                            "MOF/ifmis,DGA/xbus\n"
                            "TAX/efiling,MOF/ifmis\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{f.pathOf("dependencies.csv") +
                                 ":2: error: [unknown-system] system 'MOF/ifmis' in from is not "
                                 "in these files: it is a system of 'MOF' (list the dependencies "
                                 "of your own systems only)"});
}

TEST_CASE("a department may not leave out a system its ministry's systems depend on",
          "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  f.accept("MOF", {{"systems.csv", testing::kMofSystems},
                   {"dependencies.csv", testing::kMofDependencies + "MOF/budget,TAX/efiling\n"}});
  const auto before = testing::snapshotRows(f.sql());
  const auto outcome =
      f.submit("MOF-TAX", {{"systems.csv", "id,name,agency\nTAX/audit,Tax audit,MOF-TAX\n"}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            f.path + "#4:" + (f.folder / "submission-3/systems.csv") +
            ":4: error: [removes-used-system] system 'TAX/efiling' is left out of this "
            "submission, but 'MOF/budget' (MOF) depends on it (keep it, and set its strategy to "
            "retire if it is to go: its consumers then move first)"});
  CHECK(testing::snapshotRows(f.sql()) == before);
}

TEST_CASE("a system moved from a ministry to its department keeps its identity",
          "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  std::string moved = testing::kMofSystems;
  moved.replace(moved.find("Budget preparation,MOF,"), 23, "Budget preparation,MOF-TAX,");
  const auto outcome =
      f.accept("MOF", {{"systems.csv", moved}, {"dependencies.csv", testing::kMofDependencies}});
  CHECK(outcome.changes.systemsAdded.empty());
  CHECK(outcome.changes.systemsRemoved.empty());
  REQUIRE(outcome.changes.systemsChanged.size() == 1);
  CHECK(outcome.changes.systemsChanged[0].id == "MOF/budget");
  REQUIRE(outcome.changes.systemsChanged[0].fields.size() == 1);
  CHECK(outcome.changes.systemsChanged[0].fields[0].field == "agency");
  CHECK(outcome.changes.systemsChanged[0].fields[0].before == "MOF");
  CHECK(outcome.changes.systemsChanged[0].fields[0].after == "MOF-TAX");
  // Its dependency is now the department's: a row of the department's, and a change.
  CHECK(pairsOf(store::readDependencyRows(f.sql(), {.agencies = {"MOF-TAX"}})) ==
        std::vector<std::string>{"MOF/budget -> MOF/ifmis", "TAX/efiling -> DGA/sso"});
  REQUIRE(outcome.changes.dependenciesChanged.size() == 1);
  const auto& dependency = outcome.changes.dependenciesChanged[0];
  CHECK(dependency.from == "MOF/budget");
  CHECK(dependency.fromAgency == "MOF-TAX");
  REQUIRE(dependency.fields.size() == 1);
  CHECK(dependency.fields[0].field == "agency");
  CHECK(dependency.fields[0].before == "MOF");
  CHECK(dependency.fields[0].after == "MOF-TAX");
  models::Diagnostics problems;
  store::checkStore(f.db(), problems);
  CHECK(testing::linesOf(problems).empty());
}

TEST_CASE("the removal error names five dependents and counts the rest", "[store][submit]") {
  StoreFixture f;
  f.accept("MOF", {{"systems.csv", testing::kMofSystems}});
  std::string systems = "id,name,agency\n";
  std::string dependencies = "from,to\n";
  for (int i = 1; i <= 7; ++i) {
    systems += fmt::format("MOJ/s{},System {},MOJ\n", i, i);
    dependencies += fmt::format("MOJ/s{},MOF/ifmis\n", i);
  }
  f.accept("MOJ", {{"systems.csv", systems}, {"dependencies.csv", dependencies}});
  const auto outcome = f.submit("MOF", {{"systems.csv", "id,name,agency\nMOF/budget,B,MOF\n"}});
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            // Where the system was last submitted: the row this submission would remove.
            f.path + "#2:" + (f.folder / "submission-1/systems.csv") +
            ":2: error: [removes-used-system] system 'MOF/ifmis' is left out of this submission, "
            "but 'MOJ/s1' (MOJ), 'MOJ/s2' (MOJ), 'MOJ/s3' (MOJ), 'MOJ/s4' (MOJ), 'MOJ/s5' (MOJ) "
            "and 2 more depend on it (keep it, and set its strategy to retire if it is to go: "
            "its consumers then move first)"});
}

TEST_CASE(
    "a ministry that changes what its department submitted since the ministry's last "
    "submission is warned, and the submission stands",
    "[store][submit]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);  // MOF's part, MOF-TAX's system with it, is submission 4
  f.accept("MOF-TAX", {{"systems.csv",
                        "id,name,agency,strategy,effort_days\n"
                        "TAX/efiling,Tax e-filing,MOF-TAX,rehost,12\n"
                        "TAX/audit,Tax audit,MOF-TAX,rehost,5\n"},
                       {"dependencies.csv", "from,to\nTAX/efiling,DGA/sso\n"}});
  // MOF sends its old folder again: MOF-TAX's newer part would be undone.
  const auto outcome = f.submit("MOF", {{"systems.csv", testing::kMofSystems},
                                        {"dependencies.csv", testing::kMofDependencies}});
  CHECK(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            ":0: warning: [replaces-newer-submission] this submission changes or removes 2 "
            "systems ('TAX/efiling' and 1 more) that MOF-TAX submitted in submission 5, after "
            "MOF's last submission (leave them as MOF-TAX submitted them, or agree it with "
            "MOF-TAX; cloudplan history --diff 5 shows what they sent)"});
  // Once MOF has submitted since, its own parts are its own again: no warning.
  const auto again = f.submit("MOF", {{"systems.csv", testing::kMofSystems},
                                      {"dependencies.csv", testing::kMofDependencies}});
  CHECK(again.submission.accepted);
  CHECK(testing::linesOf(again.diagnostics).empty());
}

namespace {

std::vector<std::string> filesUnder(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    names.push_back(entry.path().lexically_relative(folder).string());
  std::sort(names.begin(), names.end());
  return names;
}

store::SubmitOutcome submitUploaded(StoreFixture& f, const std::string& agency,
                                    std::vector<store::FileContent> files) {
  std::string error;
  bool usage = false;
  const auto outcome = store::submitInventory(
      f.db(), {.agency = agency, .uploaded = std::move(files), .by = "tax.officer@mof"}, error,
      usage);
  INFO(error);
  REQUIRE(outcome);
  return *outcome;
}

}  // namespace

TEST_CASE("uploaded files are read from memory, kept under their names, and touch no file",
          "[store][submit]") {
  StoreFixture f;
  f.accept("DGA", {{"systems.csv", testing::kDgaSystems}});
  const auto before = filesUnder(f.folder.path());
  const auto outcome = submitUploaded(f, "MOF",
                                      {{"systems.csv", testing::kMofSystems, {}},
                                       {"dependencies.csv", testing::kMofDependencies, {}}});
  INFO(fmt::format("{}", fmt::join(testing::linesOf(outcome.diagnostics), "\n")));
  CHECK(outcome.submission.accepted);
  CHECK(outcome.diagnostics.all().empty());
  CHECK(outcome.submission.by == "tax.officer@mof");
  CHECK(idsOf(store::readSystemRows(f.sql(), {.agencies = {"MOF", "MOF-TAX"}})) ==
        std::vector<std::string>{"MOF/budget", "MOF/ifmis", "TAX/efiling"});
  const auto kept = store::readSubmissionFiles(f.sql(), outcome.submission.number);
  REQUIRE(kept);
  REQUIRE(kept->size() == 2);
  CHECK((*kept)[0].name == "systems.csv");
  CHECK((*kept)[0].kind == "systems");
  CHECK((*kept)[0].bytes == testing::kMofSystems);
  CHECK((*kept)[1].name == "dependencies.csv");
  CHECK((*kept)[1].kind == "dependencies");
  // The store's own files change (the WAL); no other file is made, no uploaded name is read.
  std::vector<std::string> after = filesUnder(f.folder.path());
  CHECK(after == before);
}

TEST_CASE("an uploaded file with errors is rejected with its name and line, and recorded",
          "[store][submit]") {
  StoreFixture f;
  const auto outcome = submitUploaded(f, "MOF",
                                      {{"systems.csv",
                                        "id,name,agency,strategy\n"
                                        "MOF/ifmis,Financial management,MOF,rehots\n"
                                        "MOJ/courts,Court case management,MOJ,rehost\n",
                                        {}}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            "systems.csv:2: error: [bad-value] strategy 'rehots' is not one of rehost, "
            "replatform, refactor, repurchase, relocate, retire, retain (did you mean 'rehost'?)",
            "systems.csv:3: error: [outside-scope] system 'MOJ/courts' belongs to 'MOJ': MOF may "
            "submit systems of MOF and its agencies only (leave it out: MOJ submits it)"});
  CHECK(f.count("SELECT count(*) FROM systems") == 0);
  const auto recorded = store::readSubmission(f.sql(), outcome.submission.number);
  REQUIRE(recorded);
  CHECK_FALSE(recorded->accepted);
  CHECK(recorded->files.size() == 1);
  CHECK(testing::linesOf(store::readSubmissionDiagnostics(f.sql(), outcome.submission.number)) ==
        testing::linesOf(outcome.diagnostics));
}

TEST_CASE("two files uploaded under one name are refused, not read as one", "[store][submit]") {
  StoreFixture f;
  const auto outcome =
      submitUploaded(f, "MOF",
                     {{"systems.csv", "id,name,agency\nMOF/ifmis,Financial management,MOF\n", {}},
                      {"systems.csv", "id,name,agency\nMOF/budget,Budget preparation,MOF\n", {}}});
  CHECK_FALSE(outcome.submission.accepted);
  CHECK(testing::linesOf(outcome.diagnostics) ==
        std::vector<std::string>{
            "systems.csv:0: error: [repeated-file-name] 2 files were uploaded under this name "
            "(give each file a name of its own, and upload them again)"});
  CHECK(f.count("SELECT count(*) FROM systems") == 0);
}
