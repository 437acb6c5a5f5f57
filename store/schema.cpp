#include "store/schema.h"

#include <fmt/format.h>

#include <array>

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

constexpr std::array kMigrations = {kVersion1, kVersion2};

}  // namespace

void migrateSchema(SQLite::Database& database, int from, int to) {
  if (from == 0) database.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  for (int version = from + 1; version <= to; ++version)
    database.exec(kMigrations[static_cast<size_t>(version - 1)]);
  database.exec(fmt::format("PRAGMA user_version = {}", to));
}

}  // namespace cloudplan::store
