#include "store/schema.h"

#include <fmt/format.h>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <functional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/system_fields.h"
#include "models/date.h"
#include "store/stored_rows.h"

namespace cloudplan::store {
namespace {

// Rows are versioned rather than overwritten: a row is the current one while `until` is null,
// and was the current one for submissions since <= n < until. So the inventory as it stood after
// any submission is one query, and what a submission changed is the rows it closed and opened.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE submissions (
  number INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('inventory', 'agencies')),
  agency TEXT NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  message TEXT NOT NULL,
  encoding TEXT NOT NULL,
  accepted INTEGER NOT NULL,
  systems INTEGER NOT NULL,
  dependencies INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  unresolved INTEGER NOT NULL,
  diagnostics TEXT NOT NULL
);
CREATE TABLE files (
  submission INTEGER NOT NULL REFERENCES submissions(number),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  kind TEXT NOT NULL,
  compression TEXT NOT NULL CHECK (compression IN ('none', 'zlib')),
  content BLOB NOT NULL,
  PRIMARY KEY (submission, position)
);
CREATE TABLE agencies (
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent TEXT,
  properties TEXT,
  position INTEGER NOT NULL,
  file INTEGER NOT NULL,
  line INTEGER NOT NULL,
  since INTEGER NOT NULL REFERENCES submissions(number),
  until INTEGER REFERENCES submissions(number)
);
CREATE UNIQUE INDEX agencies_current ON agencies(code) WHERE until IS NULL;
CREATE TABLE systems (
  id TEXT NOT NULL,
  agency TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  strategy TEXT NOT NULL,
  criticality TEXT NOT NULL,
  effort_days REAL NOT NULL,
  target TEXT NOT NULL,
  pinned_wave INTEGER,
  not_before TEXT,
  properties TEXT,
  file INTEGER NOT NULL,
  line INTEGER NOT NULL,
  since INTEGER NOT NULL REFERENCES submissions(number),
  until INTEGER REFERENCES submissions(number)
);
CREATE UNIQUE INDEX systems_current ON systems(id) WHERE until IS NULL;
CREATE INDEX systems_current_agency ON systems(agency) WHERE until IS NULL;
CREATE INDEX systems_since ON systems(since);
-- Partial: with every current row in it, SQLite would walk it for `until IS NULL` too.
CREATE INDEX systems_until ON systems(until) WHERE until IS NOT NULL;
CREATE TABLE dependencies (
  consumer TEXT NOT NULL,
  provider TEXT NOT NULL,
  agency TEXT NOT NULL,
  coupling TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  properties TEXT,
  file INTEGER NOT NULL,
  line INTEGER NOT NULL,
  since INTEGER NOT NULL REFERENCES submissions(number),
  until INTEGER REFERENCES submissions(number)
);
CREATE UNIQUE INDEX dependencies_current ON dependencies(consumer, provider) WHERE until IS NULL;
CREATE INDEX dependencies_current_agency ON dependencies(agency) WHERE until IS NULL;
CREATE INDEX dependencies_current_provider ON dependencies(provider) WHERE until IS NULL;
CREATE INDEX dependencies_since ON dependencies(since);
CREATE INDEX dependencies_until ON dependencies(until) WHERE until IS NOT NULL;
)sql";

// The last plan made from the store (plan --store), so that a submission's feedback can say
// which of the agency's systems' waves it may move.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE plans (
  number INTEGER PRIMARY KEY,
  submission INTEGER NOT NULL REFERENCES submissions(number),
  at TEXT NOT NULL,
  settings TEXT NOT NULL,
  -- "id<TAB>wave" a line, for every system (wave 0: none): one value, not 10^6 rows to insert
  -- on every plan.
  waves TEXT NOT NULL
);
)sql";

// Version 2 of the planning rules: a system's deadline and an agency's limits per wave, which
// earlier stores kept as extra columns (properties); moveToColumns brings those over.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE systems ADD COLUMN finish_by TEXT;
ALTER TABLE agencies ADD COLUMN max_systems_per_wave INTEGER;
ALTER TABLE agencies ADD COLUMN max_effort_per_wave REAL;
)sql";

// The portal (cloudplan serve): its accounts and login sessions, of which only hashes of the
// secrets are kept, and the plans it makes, kept whole: every plan now stays (only the newest
// plan's waves are read, so earlier ones drop theirs), with its figures and its files. The plans'
// `waves` column being taken, their count of waves is `wave_count`. And what a submission's
// feedback said of the moment it was made (the other agencies depending on it, the waves it may
// move), which its rows alone cannot say again later.
constexpr const char* kVersion4 = R"sql(
CREATE TABLE submission_impacts (
  submission INTEGER PRIMARY KEY REFERENCES submissions(number),
  impacts TEXT NOT NULL
);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('agency', 'reviewer', 'national')),
  agency TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created TEXT NOT NULL,
  revoked TEXT
);
CREATE TABLE sessions (
  key_hash TEXT PRIMARY KEY,
  account INTEGER NOT NULL REFERENCES accounts(id),
  csrf TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires);
CREATE INDEX sessions_account ON sessions(account);
ALTER TABLE plans ADD COLUMN by TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN systems INTEGER;
ALTER TABLE plans ADD COLUMN wave_count INTEGER;
ALTER TABLE plans ADD COLUMN lower_bound INTEGER;
ALTER TABLE plans ADD COLUMN peak_hybrid_links INTEGER;
CREATE TABLE plan_files (
  plan INTEGER NOT NULL REFERENCES plans(number),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  compression TEXT NOT NULL CHECK (compression IN ('none', 'zlib')),
  content BLOB NOT NULL,
  PRIMARY KEY (plan, name)
);
)sql";

constexpr std::array kMigrations = {kVersion1, kVersion2, kVersion3, kVersion4};

// Moves the properties named `names` (matched case-insensitively, as the CSV reader matches its
// columns) of every version of every row of `table` into the columns of those names, as the
// importers read them now (`read` fills the columns' values, or returns false when the text is
// not one): then a submission of the same files finds the rows unchanged. A value the importers
// would refuse stays a property, so that nothing submitted is lost; its next submission says
// what is wrong with it.
void moveToColumns(SQLite::Database& database, std::string_view table,
                   std::span<const std::string_view> names,
                   const std::function<bool(std::string_view name, std::string_view text,
                                            SQLite::Statement& update, int parameter)>& read) {
  std::string like;
  for (std::string_view name : names)
    like += fmt::format("{}properties LIKE '%\"{}\"%'", like.empty() ? "" : " OR ", name);
  // Read first, then written: SQLite leaves undefined what a query sees of rows changed under it.
  std::vector<std::pair<int64_t, std::string>> rows;
  SQLite::Statement select(database,
                           fmt::format("SELECT rowid, properties FROM {} WHERE {}", table, like));
  while (select.executeStep())
    rows.emplace_back(select.getColumn(0).getInt64(), select.getColumn(1).getString());
  std::string set;
  for (size_t i = 0; i < names.size(); ++i)
    set += fmt::format("{}{} = coalesce(?{}, {})", i ? ", " : "", names[i], i + 2, names[i]);
  SQLite::Statement update(
      database, fmt::format("UPDATE {} SET properties = ?1, {} WHERE rowid = ?{}", table, set,
                            names.size() + 2));
  for (const auto& [rowid, json] : rows) {
    const auto pairs = propertiesFromJson(json);
    std::vector<models::Property> kept;
    std::vector<bool> moved(names.size(), false);
    for (const auto& [key, value] : pairs) {
      bool taken = false;
      for (size_t i = 0; i < names.size() && !taken; ++i) {
        if (moved[i] || !models::equalsIgnoreCase(key, names[i])) continue;
        taken = moved[i] = read(names[i], value, update, static_cast<int>(i + 2));
      }
      if (!taken) kept.push_back({key, value});
    }
    if (std::none_of(moved.begin(), moved.end(), [](bool m) { return m; })) continue;
    const std::string properties = propertiesJson(kept);
    if (properties.empty()) {
      update.bind(1);
    } else {
      update.bind(1, properties);
    }
    update.bind(static_cast<int>(names.size() + 2), rowid);
    update.exec();
    update.reset();
    update.clearBindings();
  }
}

void moveLimitsAndDeadlines(SQLite::Database& database) {
  constexpr std::array<std::string_view, 1> kSystemColumns = {"finish_by"};
  moveToColumns(database, "systems", kSystemColumns,
                [](std::string_view, std::string_view text, SQLite::Statement& update, int at) {
                  models::System system;
                  bool ok = true;
                  importers::readScheduleFields(system, {.finishBy = text},
                                                [&](std::string_view, std::string) { ok = false; });
                  if (!ok || !system.finishBy) return false;
                  update.bind(at, models::formatDate(*system.finishBy));
                  return true;
                });
  constexpr std::array<std::string_view, 2> kAgencyColumns = {"max_systems_per_wave",
                                                              "max_effort_per_wave"};
  moveToColumns(
      database, "agencies", kAgencyColumns,
      [](std::string_view name, std::string_view text, SQLite::Statement& update, int at) {
        models::Agency agency;
        bool ok = true;
        const bool systems = name == "max_systems_per_wave";
        importers::readAgencyLimits(agency,
                                    {.maxSystemsPerWave = systems ? text : std::string_view(),
                                     .maxEffortPerWave = systems ? std::string_view() : text},
                                    [&](std::string_view, std::string) { ok = false; });
        if (!ok) return false;
        if (agency.maxSystemsPerWave) {
          update.bind(at, static_cast<int64_t>(*agency.maxSystemsPerWave));
        } else if (agency.maxEffortPerWave) {
          update.bind(at, *agency.maxEffortPerWave);
        } else {
          return false;
        }
        return true;
      });
}

}  // namespace

void migrateSchema(SQLite::Database& database, int from, int to) {
  if (from == 0) database.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  for (int version = from + 1; version <= to; ++version) {
    database.exec(kMigrations[static_cast<size_t>(version - 1)]);
    if (version == 3) moveLimitsAndDeadlines(database);
  }
  database.exec(fmt::format("PRAGMA user_version = {}", to));
}

}  // namespace cloudplan::store
