#include "store/stored_rows.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

namespace cloudplan::store {

using models::FieldChange;

std::string propertiesJson(std::span<const models::Property> properties,
                           std::string_view documentation) {
  if (properties.empty() && documentation.empty()) return {};
  nlohmann::json pairs = nlohmann::json::array();
  if (!documentation.empty()) pairs.push_back({"documentation", documentation});
  for (const auto& property : properties)
    pairs.push_back({property.key, property.value});
  return pairs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// The text of a JSON string that holds no escape, from `at` (its opening quote); nullopt when it
// holds one (the general parser reads those).
std::optional<std::string_view> plainString(std::string_view json, size_t& at) {
  if (at >= json.size() || json[at] != '"') return std::nullopt;
  const size_t end = json.find('"', at + 1);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view text = json.substr(at + 1, end - at - 1);
  at = end + 1;
  return text;
}

// [["key","value"],...] as propertiesJson writes it, when no string holds an escape: the common
// case, read without building a JSON document (the national inventory has 10^6 of them).
std::optional<std::vector<std::pair<std::string, std::string>>> plainPairs(std::string_view json) {
  if (json.find('\\') != std::string_view::npos) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t at = 0;
  auto expect = [&](char c) { return at < json.size() && json[at++] == c; };
  if (!expect('[')) return std::nullopt;
  if (at < json.size() && json[at] == ']') return pairs;
  do {
    if (!expect('[')) return std::nullopt;
    const auto key = plainString(json, at);
    if (!key || !expect(',')) return std::nullopt;
    const auto value = plainString(json, at);
    if (!value || !expect(']')) return std::nullopt;
    pairs.emplace_back(*key, *value);
  } while (at < json.size() && json[at] == ',' && ++at);
  if (!expect(']') || at != json.size()) return std::nullopt;
  return pairs;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> propertiesFromJson(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (json.empty()) return pairs;
  if (auto plain = plainPairs(json)) return std::move(*plain);
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return pairs;
  for (const auto& pair : parsed) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
      pairs.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return pairs;
}

namespace {

void compare(std::vector<FieldChange>& changes, std::string_view field, const std::string& before,
             const std::string& after) {
  if (before != after) changes.push_back({std::string(field), before, after});
}

// Extra columns compared one by one, in the order the later row lists them, then those it
// dropped.
void compareProperties(std::vector<FieldChange>& changes, const std::string& before,
                       const std::string& after) {
  if (before == after) return;
  const auto old = propertiesFromJson(before);
  const auto now = propertiesFromJson(after);
  auto find = [](const auto& pairs, const std::string& key) -> const std::string* {
    for (const auto& [k, v] : pairs) {
      if (k == key) return &v;
    }
    return nullptr;
  };
  static const std::string kNone;
  for (const auto& [key, value] : now) {
    const std::string* was = find(old, key);
    compare(changes, key, was ? *was : kNone, value);
  }
  for (const auto& [key, value] : old) {
    if (!find(now, key)) compare(changes, key, value, kNone);
  }
}

std::string effortText(double days) {
  return fmt::format("{}", days);
}

// A limit as the agencies file writes it: empty for none.
template <class T>
std::string limitText(const std::optional<T>& limit) {
  return limit ? fmt::format("{}", *limit) : std::string();
}

std::string text(const SQLite::Column& column) {
  return column.isNull() ? std::string() : column.getString();
}

// The WHERE clause of a filter; `?1` is the submission, the agencies follow from ?2.
std::string whereClause(const RowFilter& filter, std::string_view agencyColumn) {
  std::string where;
  switch (filter.kind) {
    case RowFilter::Kind::current:
      where = "until IS NULL";
      break;
    case RowFilter::Kind::asOf:
      where = "since <= ?1 AND (until IS NULL OR until > ?1)";
      break;
    case RowFilter::Kind::openedBy:
      where = "since = ?1";
      break;
    case RowFilter::Kind::closedBy:
      where = "until = ?1";
      break;
  }
  if (!filter.agencies.empty()) {
    where += fmt::format(" AND {} IN (", agencyColumn);
    for (size_t i = 0; i < filter.agencies.size(); ++i)
      where += fmt::format("{}?{}", i ? ", " : "", i + 2);
    where += ")";
  }
  return where;
}

void bindFilter(SQLite::Statement& query, const RowFilter& filter) {
  // ?1 may go unused (current rows); binding it anyway keeps one code path.
  if (filter.kind != RowFilter::Kind::current)
    query.bind(1, static_cast<int64_t>(filter.submission));
  for (size_t i = 0; i < filter.agencies.size(); ++i)
    query.bind(static_cast<int>(i + 2), filter.agencies[i]);
}

RowSource sourceOf(SQLite::Statement& query, int first) {
  return {static_cast<uint32_t>(query.getColumn(first).getInt64()),
          static_cast<uint32_t>(query.getColumn(first + 1).getInt64()),
          static_cast<uint32_t>(query.getColumn(first + 2).getInt64())};
}

std::optional<uint32_t> optionalCount(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return static_cast<uint32_t>(column.getInt64());
}

std::optional<double> optionalNumber(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getDouble();
}

void bindSource(SQLite::Statement& statement, int first, const RowSource& source) {
  statement.bind(first, static_cast<int64_t>(source.since));
  statement.bind(first + 1, static_cast<int64_t>(source.file));
  statement.bind(first + 2, static_cast<int64_t>(source.line));
}

void bindOptionalText(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.bind(index);  // NULL
  } else {
    statement.bind(index, value);
  }
}

}  // namespace

std::vector<FieldChange> SystemRow::changesTo(const SystemRow& after) const {
  std::vector<FieldChange> changes;
  compare(changes, "name", name, after.name);
  compare(changes, "agency", agency, after.agency);
  compare(changes, "type", type, after.type);
  compare(changes, "strategy", strategy, after.strategy);
  compare(changes, "criticality", criticality, after.criticality);
  if (effortDays != after.effortDays)
    changes.push_back({"effort_days", effortText(effortDays), effortText(after.effortDays)});
  compare(changes, "target", target, after.target);
  if (pinnedWave != after.pinnedWave) {
    auto wave = [](uint32_t w) { return w ? std::to_string(w) : std::string(); };
    changes.push_back({"pinned_wave", wave(pinnedWave), wave(after.pinnedWave)});
  }
  compare(changes, "not_before", notBefore, after.notBefore);
  compare(changes, "finish_by", finishBy, after.finishBy);
  compareProperties(changes, properties, after.properties);
  return changes;
}

std::vector<FieldChange> AgencyRow::changesTo(const AgencyRow& after) const {
  std::vector<FieldChange> changes;
  compare(changes, "name", name, after.name);
  compare(changes, "parent", parent, after.parent);
  compare(changes, "max_systems_per_wave", limitText(maxSystemsPerWave),
          limitText(after.maxSystemsPerWave));
  compare(changes, "max_effort_per_wave", limitText(maxEffortPerWave),
          limitText(after.maxEffortPerWave));
  compareProperties(changes, properties, after.properties);
  return changes;
}

std::vector<FieldChange> DependencyRow::changesTo(const DependencyRow& after) const {
  std::vector<FieldChange> changes;
  // The consumer moved to another agency of the submitter's: the row is that agency's now.
  compare(changes, "agency", agency, after.agency);
  compare(changes, "coupling", coupling, after.coupling);
  compare(changes, "kind", kind, after.kind);
  compare(changes, "description", description, after.description);
  compareProperties(changes, properties, after.properties);
  return changes;
}

std::vector<AgencyRow> agencyRowsOf(const models::Inventory& inventory, uint32_t submission) {
  std::vector<AgencyRow> rows;
  for (const auto& agency : inventory.agencies) {
    if (!agency.declared) continue;
    rows.push_back(
        AgencyRow{.code = std::string(agency.code),
                  .name = std::string(agency.name),
                  .parent = agency.parent == models::kNone
                                ? std::string()
                                : std::string(inventory.agencies[agency.parent].code),
                  .properties = propertiesJson(inventory.propertiesOf(agency.properties)),
                  .maxSystemsPerWave = agency.maxSystemsPerWave,
                  .maxEffortPerWave = agency.maxEffortPerWave,
                  .position = static_cast<uint32_t>(rows.size()),
                  .source = {submission, agency.where.file, agency.where.line}});
  }
  return rows;
}

std::vector<SystemRow> systemRowsOf(const models::Inventory& inventory, uint32_t submission) {
  std::vector<SystemRow> rows;
  rows.reserve(inventory.systems.size());
  for (const auto& system : inventory.systems) {
    rows.push_back(SystemRow{
        .id = std::string(system.id),
        .agency = system.agency == models::kNone
                      ? std::string()
                      : std::string(inventory.agencies[system.agency].code),
        .name = std::string(system.name),
        .type = std::string(models::nameOf(system.type)),
        .strategy = std::string(models::nameOf(system.strategy)),
        .criticality = std::string(models::nameOf(system.criticality)),
        .effortDays = system.effortDays,
        .target = std::string(system.target),
        .pinnedWave = system.pinnedWave,
        .notBefore = system.notBefore ? models::formatDate(*system.notBefore) : std::string(),
        .finishBy = system.finishBy ? models::formatDate(*system.finishBy) : std::string(),
        .properties =
            propertiesJson(inventory.propertiesOf(system.properties), system.documentation),
        .source = {submission, system.where.file, system.where.line}});
  }
  return rows;
}

std::vector<DependencyRow> dependencyRowsOf(const models::Inventory& inventory,
                                            uint32_t submission) {
  std::vector<DependencyRow> rows;
  rows.reserve(inventory.dependencies.size() + inventory.outsideDependencies.size());
  auto agencyOf = [&](models::SystemIndex s) {
    const auto a = inventory.systems[s].agency;
    return a == models::kNone ? std::string() : std::string(inventory.agencies[a].code);
  };
  for (const auto& d : inventory.dependencies) {
    rows.push_back(DependencyRow{.consumer = std::string(inventory.systems[d.consumer].id),
                                 .provider = std::string(inventory.systems[d.provider].id),
                                 .agency = agencyOf(d.consumer),
                                 .coupling = std::string(models::nameOf(d.coupling)),
                                 .kind = std::string(d.kind),
                                 .description = std::string(d.description),
                                 .properties = propertiesJson(inventory.propertiesOf(d.properties)),
                                 .source = {submission, d.where.file, d.where.line}});
  }
  for (const auto& d : inventory.outsideDependencies) {
    rows.push_back(DependencyRow{.consumer = std::string(inventory.systems[d.consumer].id),
                                 .provider = std::string(d.provider),
                                 .agency = agencyOf(d.consumer),
                                 .coupling = std::string(models::nameOf(d.coupling)),
                                 .kind = std::string(d.kind),
                                 .description = std::string(d.description),
                                 .properties = propertiesJson(inventory.propertiesOf(d.properties)),
                                 .source = {submission, d.where.file, d.where.line}});
  }
  return rows;
}

std::vector<AgencyRow> readAgencyRows(SQLite::Database& database, const RowFilter& filter) {
  SQLite::Statement query(
      database, fmt::format("SELECT code, name, parent, properties, position, since, file, line, "
                            "max_systems_per_wave, max_effort_per_wave "
                            "FROM agencies WHERE {} ORDER BY position, code",
                            whereClause(filter, "code")));
  bindFilter(query, filter);
  std::vector<AgencyRow> rows;
  while (query.executeStep()) {
    rows.push_back(AgencyRow{.code = text(query.getColumn(0)),
                             .name = text(query.getColumn(1)),
                             .parent = text(query.getColumn(2)),
                             .properties = text(query.getColumn(3)),
                             .maxSystemsPerWave = optionalCount(query.getColumn(8)),
                             .maxEffortPerWave = optionalNumber(query.getColumn(9)),
                             .position = static_cast<uint32_t>(query.getColumn(4).getInt64()),
                             .source = sourceOf(query, 5)});
  }
  return rows;
}

std::vector<SystemRow> readSystemRows(SQLite::Database& database, const RowFilter& filter) {
  SQLite::Statement query(
      database,
      fmt::format("SELECT id, agency, name, type, strategy, criticality, effort_days, target, "
                  "pinned_wave, not_before, properties, since, file, line, finish_by FROM systems "
                  "WHERE {} ORDER BY id",
                  whereClause(filter, "agency")));
  bindFilter(query, filter);
  std::vector<SystemRow> rows;
  while (query.executeStep()) {
    rows.push_back(SystemRow{.id = text(query.getColumn(0)),
                             .agency = text(query.getColumn(1)),
                             .name = text(query.getColumn(2)),
                             .type = text(query.getColumn(3)),
                             .strategy = text(query.getColumn(4)),
                             .criticality = text(query.getColumn(5)),
                             .effortDays = query.getColumn(6).getDouble(),
                             .target = text(query.getColumn(7)),
                             .pinnedWave = static_cast<uint32_t>(query.getColumn(8).getInt64()),
                             .notBefore = text(query.getColumn(9)),
                             .finishBy = text(query.getColumn(14)),
                             .properties = text(query.getColumn(10)),
                             .source = sourceOf(query, 11)});
  }
  return rows;
}

std::vector<DependencyRow> readDependencyRows(SQLite::Database& database, const RowFilter& filter) {
  SQLite::Statement query(
      database, fmt::format("SELECT consumer, provider, agency, coupling, kind, description, "
                            "properties, since, file, line FROM dependencies {} WHERE {} {}",
                            filter.ordered ? "" : "NOT INDEXED", whereClause(filter, "agency"),
                            filter.ordered ? "ORDER BY consumer, provider" : ""));
  bindFilter(query, filter);
  std::vector<DependencyRow> rows;
  while (query.executeStep()) {
    rows.push_back(DependencyRow{.consumer = text(query.getColumn(0)),
                                 .provider = text(query.getColumn(1)),
                                 .agency = text(query.getColumn(2)),
                                 .coupling = text(query.getColumn(3)),
                                 .kind = text(query.getColumn(4)),
                                 .description = text(query.getColumn(5)),
                                 .properties = text(query.getColumn(6)),
                                 .source = sourceOf(query, 7)});
  }
  return rows;
}

void insertAgencyRows(SQLite::Database& database, std::span<const AgencyRow> rows) {
  SQLite::Statement insert(database,
                           "INSERT INTO agencies (code, name, parent, properties, position, since, "
                           "file, line, max_systems_per_wave, max_effort_per_wave) VALUES (?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?)");
  for (const AgencyRow& row : rows) {
    insert.bind(1, row.code);
    insert.bind(2, row.name);
    bindOptionalText(insert, 3, row.parent);
    bindOptionalText(insert, 4, row.properties);
    insert.bind(5, static_cast<int64_t>(row.position));
    bindSource(insert, 6, row.source);
    if (row.maxSystemsPerWave) {
      insert.bind(9, static_cast<int64_t>(*row.maxSystemsPerWave));
    } else {
      insert.bind(9);
    }
    if (row.maxEffortPerWave) {
      insert.bind(10, *row.maxEffortPerWave);
    } else {
      insert.bind(10);
    }
    insert.exec();
    insert.reset();
  }
}

void insertSystemRows(SQLite::Database& database, std::span<const SystemRow> rows) {
  SQLite::Statement insert(
      database,
      "INSERT INTO systems (id, agency, name, type, strategy, criticality, effort_days, target, "
      "pinned_wave, not_before, properties, since, file, line, finish_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const SystemRow& row : rows) {
    insert.bind(1, row.id);
    insert.bind(2, row.agency);
    insert.bind(3, row.name);
    insert.bind(4, row.type);
    insert.bind(5, row.strategy);
    insert.bind(6, row.criticality);
    insert.bind(7, row.effortDays);
    insert.bind(8, row.target);
    if (row.pinnedWave) {
      insert.bind(9, static_cast<int64_t>(row.pinnedWave));
    } else {
      insert.bind(9);
    }
    bindOptionalText(insert, 10, row.notBefore);
    bindOptionalText(insert, 11, row.properties);
    bindSource(insert, 12, row.source);
    bindOptionalText(insert, 15, row.finishBy);
    insert.exec();
    insert.reset();
  }
}

void insertDependencyRows(SQLite::Database& database, std::span<const DependencyRow> rows) {
  SQLite::Statement insert(
      database,
      "INSERT INTO dependencies (consumer, provider, agency, coupling, kind, description, "
      "properties, since, file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const DependencyRow& row : rows) {
    insert.bind(1, row.consumer);
    insert.bind(2, row.provider);
    insert.bind(3, row.agency);
    insert.bind(4, row.coupling);
    insert.bind(5, row.kind);
    insert.bind(6, row.description);
    bindOptionalText(insert, 7, row.properties);
    bindSource(insert, 8, row.source);
    insert.exec();
    insert.reset();
  }
}

void closeAgencyRows(SQLite::Database& database, std::span<const std::string> codes,
                     uint32_t submission) {
  SQLite::Statement close(database,
                          "UPDATE agencies SET until = ? WHERE code = ? AND until IS NULL");
  for (const std::string& code : codes) {
    close.bind(1, static_cast<int64_t>(submission));
    close.bind(2, code);
    close.exec();
    close.reset();
  }
}

void closeSystemRows(SQLite::Database& database, std::span<const std::string> ids,
                     uint32_t submission) {
  SQLite::Statement close(database, "UPDATE systems SET until = ? WHERE id = ? AND until IS NULL");
  for (const std::string& id : ids) {
    close.bind(1, static_cast<int64_t>(submission));
    close.bind(2, id);
    close.exec();
    close.reset();
  }
}

void closeDependencyRows(SQLite::Database& database,
                         std::span<const std::pair<std::string, std::string>> pairs,
                         uint32_t submission) {
  SQLite::Statement close(database,
                          "UPDATE dependencies SET until = ? WHERE consumer = ? AND provider = ? "
                          "AND until IS NULL");
  for (const auto& [consumer, provider] : pairs) {
    close.bind(1, static_cast<int64_t>(submission));
    close.bind(2, consumer);
    close.bind(3, provider);
    close.exec();
    close.reset();
  }
}

}  // namespace cloudplan::store
