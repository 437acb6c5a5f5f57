#include "exporters/csv/inventory_csv_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "exporters/csv/csv_writer.h"
#include "exporters/csv/schedule_csv.h"
#include "models/ministry_files.h"

namespace cloudplan::exporters {

using models::AgencyIndex;
using models::kNone;
using models::SystemIndex;

namespace {

// Spreadsheets read a CSV file as UTF-8 only when it starts with a byte-order mark.
constexpr std::string_view kBom = "\xEF\xBB\xBF";

constexpr std::array<std::string_view, 11> kSystemColumns = {
    "id",          "name",   "agency",      "type",       "strategy", "criticality",
    "effort_days", "target", "pinned_wave", "not_before", "finish_by"};
constexpr std::string_view kDocumentation = "documentation";
// Names a property column may not have beside a file's own columns, for a reader would take it
// for one of the format's: depends_on and move_with would become dependencies; `documentation`
// is where a system's documentation goes.
constexpr std::array<std::string_view, 3> kSystemReserved = {"depends_on", "move_with",
                                                             kDocumentation};
constexpr std::array<std::string_view, 5> kDependencyColumns = {"from", "to", "coupling", "kind",
                                                                "description"};
constexpr std::array<std::string_view, 5> kAgencyColumns = {
    "code", "name", "parent", "max_systems_per_wave", "max_effort_per_wave"};

// A free-text cell. The reader takes a leading apostrophe before = + - @ for a spreadsheet's
// "this is text" marker and removes it; a value that starts so itself (apostrophes, then one of
// those) gets one more apostrophe to lose. appendCsvCell adds the marker to a formula's start.
std::string text(std::string_view value) {
  const size_t marks = value.find_first_not_of('\'');
  const bool escaped = marks != 0 && marks != std::string_view::npos &&
                       std::string_view("=+-@").find(value[marks]) != std::string_view::npos;
  return escaped ? "'" + std::string(value) : std::string(value);
}

// The property columns of one file: one per key and per repetition of the key within a record,
// in the order they first appear.
class PropertyColumns {
 public:
  // Adds the columns of one record's properties; `skip` (if not null) is not among them.
  void add(std::span<const models::Property> properties, const models::Property* skip) {
    occurrences_.clear();
    for (const auto& property : properties) {
      if (&property == skip || property.value.empty()) continue;  // an empty cell is no property
      std::string key = columnKey(property.key);
      const size_t n = occurrences_[key]++;
      auto& columns = byKey_[key];
      if (n < columns.size()) continue;
      columns.push_back(headers_.size());
      headers_.emplace_back(trimmedColumnName(property.key));
      repeated_.push_back(n > 0);
    }
  }

  // Heads the columns: a key that is taken already (one of `own`, or an earlier key but for
  // letter case) is prefixed until free. The columns that keep their names are taken first, so
  // that a renamed column never takes the name of a key a record has.
  template <class Names>
  void nameColumns(const Names& own) {
    std::unordered_set<std::string> taken{""};  // an unnamed column is not read
    for (std::string_view name : own)
      taken.insert(std::string(name));
    std::vector<size_t> renamed;
    for (size_t i = 0; i < headers_.size(); ++i) {
      if (repeated_[i] || !taken.insert(models::lowercased(headers_[i])).second)
        renamed.push_back(i);
    }
    for (size_t i : renamed) {
      std::string& header = headers_[i];
      do {
        header.insert(0, kRenamedPropertyPrefix);
      } while (!taken.insert(models::lowercased(header)).second);
    }
  }

  const std::vector<std::string>& headers() const { return headers_; }

  // Puts a record's property values into `row` from position `first` on.
  void fill(std::vector<std::string>& row, size_t first,
            std::span<const models::Property> properties, const models::Property* skip) {
    occurrences_.clear();
    for (const auto& property : properties) {
      if (&property == skip || property.value.empty()) continue;
      std::string key = columnKey(property.key);
      const size_t n = occurrences_[key]++;
      row[first + byKey_.at(key)[n]] = text(property.value);
    }
  }

 private:
  std::vector<std::string> headers_;
  std::vector<bool> repeated_;
  std::unordered_map<std::string, std::vector<size_t>> byKey_;
  std::unordered_map<std::string, size_t> occurrences_;  // per record
};

void appendHeader(std::string& out, std::span<const std::string_view> own, bool documentation,
                  const PropertyColumns& properties) {
  std::vector<std::string> header(own.begin(), own.end());
  if (documentation) header.emplace_back(kDocumentation);
  for (const std::string& name : properties.headers())
    header.push_back(text(name));
  appendCsvRow(out, header);
}

// The documentation cell of a system, and the property it came from when the system has none of
// its own: read back, documentation is the property `documentation`, and must be written where
// it was.
struct DocumentationCell {
  std::string_view value;
  const models::Property* property = nullptr;
};

DocumentationCell documentationOf(const models::Inventory& inventory,
                                  const models::System& system) {
  if (!system.documentation.empty()) return {system.documentation};
  for (const auto& property : inventory.propertiesOf(system.properties)) {
    if (!property.value.empty() && columnKey(property.key) == kDocumentation) {
      return {property.value, &property};
    }
  }
  return {};
}

std::string systemsFile(const models::Inventory& inventory, std::span<const SystemIndex> systems) {
  std::vector<DocumentationCell> documentation;
  documentation.reserve(systems.size());
  PropertyColumns properties;
  bool anyDocumentation = false;
  for (SystemIndex s : systems) {
    const models::System& system = inventory.systems[s];
    documentation.push_back(documentationOf(inventory, system));
    anyDocumentation = anyDocumentation || !documentation.back().value.empty();
    properties.add(inventory.propertiesOf(system.properties), documentation.back().property);
  }
  std::vector<std::string_view> own(kSystemColumns.begin(), kSystemColumns.end());
  own.insert(own.end(), kSystemReserved.begin(), kSystemReserved.end());
  properties.nameColumns(own);

  std::string out(kBom);
  appendHeader(out, kSystemColumns, anyDocumentation, properties);
  const size_t first = kSystemColumns.size() + anyDocumentation;
  std::vector<std::string> row;
  for (size_t i = 0; i < systems.size(); ++i) {
    const models::System& system = inventory.systems[systems[i]];
    row.assign(first + properties.headers().size(), {});
    row[0] = system.id;
    row[1] = text(system.name);
    if (system.agency != kNone) row[2] = inventory.agencies[system.agency].code;
    row[3] = models::nameOf(system.type);
    row[4] = models::nameOf(system.strategy);
    row[5] = models::nameOf(system.criticality);
    row[6] = fmt::format("{}", system.effortDays);
    row[7] = text(system.target);
    if (system.pinnedWave != 0) row[8] = fmt::format("{}", system.pinnedWave);
    if (system.notBefore) row[9] = models::formatDate(*system.notBefore);
    if (system.finishBy) row[10] = models::formatDate(*system.finishBy);
    if (anyDocumentation) row[11] = text(documentation[i].value);
    properties.fill(row, first, inventory.propertiesOf(system.properties),
                    documentation[i].property);
    appendCsvRow(out, row);
  }
  return out;
}

std::string dependenciesFile(const models::Inventory& inventory) {
  PropertyColumns properties;
  for (const auto& d : inventory.dependencies)
    properties.add(inventory.propertiesOf(d.properties), nullptr);
  for (const auto& d : inventory.outsideDependencies)
    properties.add(inventory.propertiesOf(d.properties), nullptr);
  std::vector<std::string_view> own(kDependencyColumns.begin(), kDependencyColumns.end());
  own.push_back("id");  // beside a `name` column, it would make the file a systems file
  properties.nameColumns(own);

  std::string out(kBom);
  appendHeader(out, kDependencyColumns, false, properties);
  std::vector<std::string> row;
  auto append = [&](std::string_view consumer, std::string_view provider, const auto& d) {
    row.assign(kDependencyColumns.size() + properties.headers().size(), {});
    row[0] = consumer;
    row[1] = provider;
    row[2] = models::nameOf(d.coupling);
    row[3] = text(d.kind);
    row[4] = text(d.description);
    properties.fill(row, kDependencyColumns.size(), inventory.propertiesOf(d.properties), nullptr);
    appendCsvRow(out, row);
  };
  for (const auto& d : inventory.dependencies)
    append(inventory.systems[d.consumer].id, inventory.systems[d.provider].id, d);
  for (const auto& d : inventory.outsideDependencies)
    append(inventory.systems[d.consumer].id, d.provider, d);
  return out;
}

// An agency a file declares, or that an ArchiMate model names and places (a folder `CODE - Name`
// inside another): without agencies.csv, its name and parent would not come back.
bool written(const models::Agency& agency) {
  return agency.declared || !agency.name.empty();
}

std::string agenciesFile(const models::Inventory& inventory) {
  PropertyColumns properties;
  for (const auto& agency : inventory.agencies) {
    if (written(agency)) properties.add(inventory.propertiesOf(agency.properties), nullptr);
  }
  std::vector<std::string_view> own(kAgencyColumns.begin(), kAgencyColumns.end());
  own.push_back("id");  // beside `name`, it would make the file a systems file
  properties.nameColumns(own);

  std::string out(kBom);
  appendHeader(out, kAgencyColumns, false, properties);
  std::vector<std::string> row;
  for (const auto& agency : inventory.agencies) {
    if (!written(agency)) continue;
    row.assign(kAgencyColumns.size() + properties.headers().size(), {});
    row[0] = agency.code;
    row[1] = text(agency.name);
    if (agency.parent != kNone) row[2] = inventory.agencies[agency.parent].code;
    if (agency.maxSystemsPerWave) row[3] = fmt::format("{}", *agency.maxSystemsPerWave);
    if (agency.maxEffortPerWave) row[4] = fmt::format("{}", *agency.maxEffortPerWave);
    properties.fill(row, kAgencyColumns.size(), inventory.propertiesOf(agency.properties), nullptr);
    appendCsvRow(out, row);
  }
  return out;
}

}  // namespace

std::vector<CsvExportFile> inventoryToCsvFiles(const models::Inventory& inventory) {
  std::vector<CsvExportFile> files;
  const auto& agencies = inventory.agencies;
  if (std::any_of(agencies.begin(), agencies.end(), written)) {
    files.push_back({"agencies.csv", agenciesFile(inventory)});
  }
  if (!inventory.dependencies.empty() || !inventory.outsideDependencies.empty()) {
    files.push_back({"dependencies.csv", dependenciesFile(inventory)});
  }

  // One file per ministry, named as the store orders its inventory (models/ministry_files.h).
  const std::vector<std::string> fileOf = models::systemsFileNames(inventory);
  std::map<std::string_view, std::vector<SystemIndex>> systemsOf;
  std::vector<SystemIndex> withoutAgency;
  for (SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const AgencyIndex agency = inventory.systems[s].agency;
    (agency == kNone ? withoutAgency : systemsOf[fileOf[agency]]).push_back(s);
  }
  for (const auto& [name, systems] : systemsOf)
    files.push_back({std::string(name), systemsFile(inventory, systems)});
  if (!withoutAgency.empty())
    files.push_back({models::kSystemsWithoutAgencyFile, systemsFile(inventory, withoutAgency)});

  std::sort(files.begin(), files.end(),
            [](const CsvExportFile& a, const CsvExportFile& b) { return a.name < b.name; });
  return files;
}

std::string nationalIdsCsv(const models::Inventory& inventory) {
  std::vector<SystemIndex> order(inventory.systems.size());
  std::iota(order.begin(), order.end(), SystemIndex{0});
  std::sort(order.begin(), order.end(), [&](SystemIndex a, SystemIndex b) {
    return inventory.systems[a].id < inventory.systems[b].id;
  });
  std::string out(kBom);
  appendCsvRow(out, {"national_id", "name", "agency"});
  std::vector<std::string> row(3);
  for (SystemIndex s : order) {
    const models::System& system = inventory.systems[s];
    row[0] = system.id;
    row[1] = text(system.name);
    row[2] = system.agency == kNone ? std::string()
                                    : std::string(inventory.agencies[system.agency].code);
    appendCsvRow(out, row);
  }
  return out;
}

}  // namespace cloudplan::exporters
