// A small national store for the store's tests: a register of four agencies (MOF with its
// department MOF-TAX, MOJ, DGA), hand-written CSV submissions, and ways to look at the rows.
#pragma once

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <stdlib.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/diagnostic.h"
#include "store/register_submission.h"
#include "store/store_database.h"
#include "store/submit_inventory.h"
#include "tests/temp_folder.h"

namespace cloudplan::testing {

inline const std::string kRegister =
    "code,name,parent\n"
    "MOF,Ministry of Finance,\n"
    "MOF-TAX,National Tax Service,MOF\n"
    "MOJ,Ministry of Justice,\n"
    "DGA,Digital Government Agency,\n";

// Each submission's files, by name.
using Files = std::map<std::string, std::string>;

// A diagnostic as one line: `file:line: severity: [code] message`.
inline std::string lineOf(const models::Diagnostic& d) {
  return fmt::format("{}:{}: {}: [{}] {}", d.file, d.line, models::nameOf(d.severity), d.code,
                     d.message);
}

inline std::vector<std::string> linesOf(const std::vector<models::Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& d : diagnostics)
    lines.push_back(lineOf(d));
  return lines;
}

inline std::vector<std::string> linesOf(const models::Diagnostics& diagnostics) {
  return linesOf(diagnostics.all());
}

// Every row of a table, every column, as text: what "the store unchanged" compares.
inline std::vector<std::string> tableRows(SQLite::Database& database, const std::string& table) {
  SQLite::Statement query(database, fmt::format("SELECT * FROM {} ORDER BY rowid", table));
  std::vector<std::string> rows;
  while (query.executeStep()) {
    std::string row;
    for (int i = 0; i < query.getColumnCount(); ++i) {
      const SQLite::Column column = query.getColumn(i);
      row += i ? "|" : "";
      row += column.isNull() ? "NULL" : column.getString();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

struct RowSnapshot {
  std::vector<std::string> agencies, systems, dependencies;
  bool operator==(const RowSnapshot&) const = default;
};

inline RowSnapshot snapshotRows(SQLite::Database& database) {
  return {tableRows(database, "agencies"), tableRows(database, "systems"),
          tableRows(database, "dependencies")};
}

// Fixes the submission time (CLOUDPLAN_NOW) for a test, and clears it after.
class FixedClock {
 public:
  explicit FixedClock(const std::string& utc = "2027-01-10T09:00:00Z") { set(utc); }
  ~FixedClock() { unsetenv("CLOUDPLAN_NOW"); }
  FixedClock(const FixedClock&) = delete;
  FixedClock& operator=(const FixedClock&) = delete;
  void set(const std::string& utc) { setenv("CLOUDPLAN_NOW", utc.c_str(), 1); }
};

class StoreFixture {
 public:
  explicit StoreFixture(const std::string& agencies = kRegister) {
    const std::string file = folder.write("register/agencies.csv", agencies);
    std::string error;
    const auto outcome = store::initStore(
        path, {.file = file, .by = "National Office", .message = "register"}, error);
    INFO(error);
    REQUIRE(outcome);
    INFO(fmt::format("{}", fmt::join(linesOf(outcome->diagnostics), "\n")));
    REQUIRE(outcome->submission.accepted);
    reopen();
  }

  void reopen() {
    database.reset();
    std::string error;
    database = store::StoreDatabase::open(path, error);
    INFO(error);
    REQUIRE(database);
  }

  store::StoreDatabase& db() { return *database; }
  SQLite::Database& sql() { return database->sql(); }

  // Writes the files under a folder of their own and returns their paths, in name order.
  std::vector<std::string> writeFiles(const Files& files) {
    const std::string dir = fmt::format("submission-{}", ++written_);
    std::vector<std::string> paths;
    for (const auto& [name, content] : files)
      paths.push_back(folder.write(dir + "/" + name, content));
    return paths;
  }

  // The path a file of the last writeFiles() has.
  std::string pathOf(const std::string& name) const {
    return folder / fmt::format("submission-{}/{}", written_, name);
  }

  store::SubmitOutcome submit(const std::string& agency, const Files& files,
                              const std::string& by = "CIO", const std::string& message = "") {
    std::string error;
    bool usage = false;
    const auto outcome = store::submitInventory(
        db(), {.agency = agency, .inputs = writeFiles(files), .by = by, .message = message}, error,
        usage);
    INFO(error);
    REQUIRE(outcome);
    return *outcome;
  }

  // A submission that must be accepted.
  store::SubmitOutcome accept(const std::string& agency, const Files& files) {
    store::SubmitOutcome outcome = submit(agency, files);
    INFO(fmt::format("{}", fmt::join(linesOf(outcome.diagnostics), "\n")));
    REQUIRE(outcome.submission.accepted);
    return outcome;
  }

  int64_t count(const std::string& query) { return sql().execAndGet(query).getInt64(); }

  TempFolder folder;
  const std::string path = folder / "national.db";
  std::optional<store::StoreDatabase> database;

 private:
  int written_ = 0;
};

// The systems file of MOF: its own two systems and one of its tax department.
inline const std::string kMofSystems =
    "id,name,agency,strategy,effort_days\n"
    "MOF/ifmis,Financial management,MOF,replatform,50\n"
    "MOF/budget,Budget preparation,MOF,repurchase,30\n"
    "TAX/efiling,Tax e-filing,MOF-TAX,rehost,10\n";

inline const std::string kMofDependencies =
    "from,to,coupling\n"
    "MOF/budget,MOF/ifmis,normal\n"
    "TAX/efiling,DGA/sso,normal\n";

inline const std::string kDgaSystems =
    "id,name,agency\n"
    "DGA/sso,Government single sign-on,DGA\n"
    "DGA/xbus,Exchange bus,DGA\n";

inline const std::string kMojSystems =
    "id,name,agency\n"
    "MOJ/courts,Court case management,MOJ\n";

inline const std::string kMojDependencies =
    "from,to\n"
    "MOJ/courts,MOF/ifmis\n"
    "MOJ/courts,DGA/sso\n";

// DGA, then MOJ (depending on DGA/sso and on MOF/ifmis, not submitted yet), then MOF:
// submissions 2, 3 and 4 after the register.
inline void acceptEveryAgency(StoreFixture& f) {
  f.accept("DGA", {{"systems.csv", kDgaSystems}});
  f.accept("MOJ", {{"systems.csv", kMojSystems}, {"dependencies.csv", kMojDependencies}});
  f.accept("MOF", {{"systems.csv", kMofSystems}, {"dependencies.csv", kMofDependencies}});
}

}  // namespace cloudplan::testing
