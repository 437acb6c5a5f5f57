// The store's rows of agencies, systems and dependencies: made from an inventory read from a
// submission's files, read back as they stood after any submission, and compared for what a
// submission changed.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/inventory.h"
#include "models/submission.h"

namespace cloudplan::store {

// Every row remembers the submission that wrote it (since) and the line of that submission's
// file it came from, so that messages about the national inventory point at what was submitted.
struct RowSource {
  uint32_t since = 0;
  uint32_t file = 0;  // position among the submission's files
  uint32_t line = 0;
};

struct AgencyRow {
  std::string code;
  std::string name;
  std::string parent;      // empty: none
  std::string properties;  // JSON [[key, value], ...] in column order; empty: none
  std::optional<uint32_t> maxSystemsPerWave;
  std::optional<double> maxEffortPerWave;
  uint32_t position = 0;  // order in the register
  RowSource source;

  std::vector<models::FieldChange> changesTo(const AgencyRow& after) const;
};

struct SystemRow {
  std::string id;
  std::string agency;
  std::string name;
  std::string type;
  std::string strategy;
  std::string criticality;
  double effortDays = 0;
  std::string target;
  uint32_t pinnedWave = 0;  // 0: not pinned
  std::string notBefore;    // YYYY-MM-DD or empty
  std::string finishBy;     // YYYY-MM-DD or empty
  // JSON [[key, value], ...]: the extra columns, and the ArchiMate documentation as
  // `documentation` (the column the CSV export writes it to).
  std::string properties;
  RowSource source;

  // Compared field by field, the source aside: a row written again unchanged keeps its version.
  std::vector<models::FieldChange> changesTo(const SystemRow& after) const;
};

struct DependencyRow {
  std::string consumer;
  std::string provider;
  std::string agency;  // the consumer's: the agency whose submission owns the row
  std::string coupling;
  std::string kind;
  std::string description;
  std::string properties;
  RowSource source;

  std::vector<models::FieldChange> changesTo(const DependencyRow& after) const;
};

// The rows an inventory read from a submission's files makes; file positions are the
// inventory's file indices.
std::vector<AgencyRow> agencyRowsOf(const models::Inventory& inventory, uint32_t submission);
std::vector<SystemRow> systemRowsOf(const models::Inventory& inventory, uint32_t submission);
std::vector<DependencyRow> dependencyRowsOf(const models::Inventory& inventory,
                                            uint32_t submission);

// Which rows a query reads: the current ones, those as they stood after submission `asOf`, or
// those a submission opened or closed.
struct RowFilter {
  enum class Kind { current, asOf, openedBy, closedBy } kind = Kind::current;
  uint32_t submission = 0;
  std::vector<std::string> agencies;  // empty: every agency's
  // Dependencies only: false reads the table in its own order, for a caller that reads them all
  // and sorts them (faster than walking the index row by row).
  bool ordered = true;
};

std::vector<AgencyRow> readAgencyRows(SQLite::Database& database, const RowFilter& filter);
std::vector<SystemRow> readSystemRows(SQLite::Database& database, const RowFilter& filter);
std::vector<DependencyRow> readDependencyRows(SQLite::Database& database, const RowFilter& filter);

void insertAgencyRows(SQLite::Database& database, std::span<const AgencyRow> rows);
void insertSystemRows(SQLite::Database& database, std::span<const SystemRow> rows);
void insertDependencyRows(SQLite::Database& database, std::span<const DependencyRow> rows);
// Closes the current rows with these keys: their version ends at `submission`.
void closeAgencyRows(SQLite::Database& database, std::span<const std::string> codes,
                     uint32_t submission);
void closeSystemRows(SQLite::Database& database, std::span<const std::string> ids,
                     uint32_t submission);
void closeDependencyRows(SQLite::Database& database,
                         std::span<const std::pair<std::string, std::string>> pairs,
                         uint32_t submission);

// [[key, value], ...] and back.
std::string propertiesJson(std::span<const models::Property> properties,
                           std::string_view documentation = {});
std::vector<std::pair<std::string, std::string>> propertiesFromJson(const std::string& json);

}  // namespace cloudplan::store
