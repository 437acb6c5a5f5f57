#include "store/national_inventory.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "models/ministry_files.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"

namespace cloudplan::store {
namespace {

// Builds the inventory from rows, keeping each string once.
class InventoryFromRows {
 public:
  InventoryFromRows(StoreDatabase& store, uint32_t asOf) : store_(store) {
    SQLite::Statement files(store.sql(),
                            "SELECT submission, position, name, sha256, kind FROM files WHERE "
                            "submission <= ? ORDER BY submission, position");
    files.bind(1, static_cast<int64_t>(asOf));
    while (files.executeStep()) {
      const auto key = std::pair{static_cast<uint32_t>(files.getColumn(0).getInt64()),
                                 static_cast<uint32_t>(files.getColumn(1).getInt64())};
      storedFiles_.emplace(
          key, models::InputFile{
                   submittedFileName(store.path(), key.first, files.getColumn(2).getString()),
                   models::parseName<models::InputKind>(files.getColumn(4).getString())
                       .value_or(models::InputKind::unknown),
                   files.getColumn(3).getString()});
    }
  }

  models::Inventory& inventory() { return inventory_; }

  std::string_view keep(std::string& text) {
    if (text.empty()) return {};
    return inventory_.keep(std::move(text));
  }

  models::SourceLocation where(const RowSource& source) {
    const auto key = std::pair{source.since, source.file};
    auto [it, added] = fileIndex_.emplace(key, static_cast<uint32_t>(inventory_.files.size()));
    if (added) {
      const auto stored = storedFiles_.find(key);
      inventory_.files.push_back(
          stored != storedFiles_.end()
              ? stored->second
              : models::InputFile{submittedFileName(store_.path(), source.since, "?"),
                                  models::InputKind::unknown,
                                  {}});
    }
    return {it->second, source.line};
  }

  models::PropertyRange properties(const std::string& json) {
    models::PropertyRange range{static_cast<uint32_t>(inventory_.properties.size()), 0};
    for (auto& [key, value] : propertiesFromJson(json)) {
      auto found = keys_.find(key);
      if (found == keys_.end()) {
        std::string copy = key;
        found = keys_.emplace(key, inventory_.keep(std::move(copy))).first;
      }
      inventory_.properties.push_back({found->second, keep(value)});
      ++range.count;
    }
    return range;
  }

 private:
  StoreDatabase& store_;
  models::Inventory inventory_;
  std::map<std::pair<uint32_t, uint32_t>, models::InputFile> storedFiles_;
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> fileIndex_;
  std::unordered_map<std::string, std::string_view> keys_;
};

}  // namespace

std::string submittedFileName(const std::string& store, uint32_t submission,
                              const std::string& name) {
  return fmt::format("{}#{}:{}", store, submission, name);
}

NationalInventory loadNationalInventory(StoreDatabase& store, uint32_t asOf,
                                        const std::vector<std::string>& agencies) {
  SQLite::Database& database = store.sql();
  // One read transaction: a submission committed meanwhile is either all in or all out.
  SQLite::Transaction snapshot(database);
  NationalInventory national;
  national.asOf = asOf ? asOf : lastSubmission(database);
  // The current rows come through the indexes of current rows, already in order.
  const RowFilter filter{.kind = national.asOf == lastSubmission(database)
                                     ? RowFilter::Kind::current
                                     : RowFilter::Kind::asOf,
                         .submission = national.asOf,
                         .agencies = agencies};
  InventoryFromRows build(store, national.asOf);
  models::Inventory& inventory = build.inventory();
  // First among the files: the store and the submission it is as of, which a plan's inputs name
  // even when that submission left no row of its own (it removed some).
  inventory.files.push_back(
      {fmt::format("{}#{}", store.path(), national.asOf), models::InputKind::store, {}});

  std::vector<AgencyRow> agencyRows = readAgencyRows(database, filter);
  std::vector<std::pair<models::AgencyIndex, std::string>> parents;
  for (AgencyRow& row : agencyRows) {
    const models::AgencyIndex a = inventory.internAgency(build.keep(row.code));
    models::Agency& agency = inventory.agencies[a];
    agency.name = build.keep(row.name);
    agency.declared = true;
    agency.properties = build.properties(row.properties);
    agency.maxSystemsPerWave = row.maxSystemsPerWave;
    agency.maxEffortPerWave = row.maxEffortPerWave;
    agency.where = build.where(row.source);
    if (!row.parent.empty()) parents.emplace_back(a, std::move(row.parent));
  }
  // The register is read as the store wrote it, which refused unknown parents and cycles.
  for (const auto& [a, code] : parents)
    inventory.agencies[a].parent = inventory.findAgency(code).value_or(models::kNone);

  std::vector<SystemRow> systems = readSystemRows(database, filter);
  std::vector<models::AgencyIndex> agencyOf(systems.size());
  for (size_t i = 0; i < systems.size(); ++i) {
    // An agency the register no longer lists stays the system's (the store refuses to remove an
    // agency with systems; an older store may not have).
    const std::string& code = systems[i].agency;
    if (code.empty()) {
      agencyOf[i] = models::kNone;
    } else if (const auto known = inventory.findAgency(code)) {
      agencyOf[i] = *known;
    } else {
      agencyOf[i] = inventory.internAgency(build.keep(systems[i].agency));
    }
  }
  const std::vector<std::string> fileOf = models::systemsFileNames(inventory);
  auto fileName = [&](size_t i) -> const std::string& {
    static const std::string kWithout = models::kSystemsWithoutAgencyFile;
    return agencyOf[i] == models::kNone ? kWithout : fileOf[agencyOf[i]];
  };
  std::vector<uint32_t> order(systems.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  // The rows come by id; grouped by file, they keep that order within each.
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return fileName(a) < fileName(b); });
  inventory.reserveMoreSystems(systems.size());
  for (const uint32_t i : order) {
    SystemRow& row = systems[i];
    models::System system;
    system.id = build.keep(row.id);
    system.name = build.keep(row.name);
    system.agency = agencyOf[i];
    system.type = models::parseName<models::SystemType>(row.type).value_or(system.type);
    system.strategy = models::parseName<models::Strategy>(row.strategy).value_or(system.strategy);
    system.criticality =
        models::parseName<models::Criticality>(row.criticality).value_or(system.criticality);
    system.effortDays = row.effortDays;
    system.target = build.keep(row.target);
    system.pinnedWave = row.pinnedWave;
    system.notBefore = models::parseDate(row.notBefore);
    system.finishBy = models::parseDate(row.finishBy);
    system.properties = build.properties(row.properties);
    system.where = build.where(row.source);
    inventory.addSystem(system);
  }

  RowFilter unordered = filter;
  unordered.ordered = false;
  std::vector<DependencyRow> dependencies = readDependencyRows(database, unordered);
  // By consumer and provider, bytewise as SQLite would order them: the export's order. The
  // positions are sorted, not the rows (seven strings each to move).
  std::vector<uint32_t> byPair(dependencies.size());
  for (uint32_t i = 0; i < byPair.size(); ++i)
    byPair[i] = i;
  std::sort(byPair.begin(), byPair.end(), [&](uint32_t a, uint32_t b) {
    const DependencyRow& x = dependencies[a];
    const DependencyRow& y = dependencies[b];
    if (const int c = x.consumer.compare(y.consumer)) return c < 0;
    return x.provider < y.provider;
  });
  for (const uint32_t position : byPair) {
    DependencyRow& row = dependencies[position];
    const auto consumer = inventory.findSystem(row.consumer);
    if (!consumer) continue;  // a row without its system: store check reports it
    const auto coupling =
        models::parseName<models::Coupling>(row.coupling).value_or(models::Coupling::normal);
    const auto where = build.where(row.source);
    const auto properties = build.properties(row.properties);
    if (const auto provider = inventory.findSystem(row.provider)) {
      inventory.dependencies.push_back({*consumer, *provider, coupling, build.keep(row.kind),
                                        build.keep(row.description), properties, where});
    } else {
      inventory.outsideDependencies.push_back({*consumer, build.keep(row.provider), false, coupling,
                                               build.keep(row.kind), build.keep(row.description),
                                               properties, where});
    }
  }
  national.inventory = std::move(inventory);
  return national;
}

std::optional<uint32_t> submissionAt(StoreDatabase& store, const std::string& utc) {
  SQLite::Statement query(store.sql(), "SELECT max(number) FROM submissions WHERE at <= ?");
  query.bind(1, utc);
  if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
  return static_cast<uint32_t>(query.getColumn(0).getInt64());
}

}  // namespace cloudplan::store
