#include "exporters/csv/schedule_csv.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "exporters/csv/csv_writer.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

constexpr std::array<std::string_view, 14> kPlanColumns = {
    "wave",     "start",  "end",         "id",          "name",   "agency",     "type",
    "strategy", "action", "criticality", "effort_days", "target", "move_group", "reasons"};

// Two headers read as one by a reader that ignores case (the header as written, apostrophe too).
std::string headerKey(std::string_view header) {
  return models::lowercased(spreadsheetText(header));
}

// The inventory's property columns in the order they first appear, and the header each is
// written under.
struct PropertyColumns {
  std::vector<std::string> headers;
  std::unordered_map<std::string, size_t> indexOf;  // by propertyKey
};

PropertyColumns propertyColumnsOf(const models::Inventory& inventory) {
  PropertyColumns columns;
  for (const auto& system : inventory.systems) {
    for (const auto& property : inventory.propertiesOf(system.properties)) {
      if (columns.indexOf.emplace(columnKey(property.key), columns.headers.size()).second) {
        columns.headers.emplace_back(trimmedColumnName(property.key));
      }
    }
  }
  // The plan's columns and the property columns that keep their names are taken first, so that
  // a renamed column never takes the name of a column the ministry wrote.
  std::unordered_set<std::string> taken;
  for (std::string_view column : kPlanColumns)
    taken.insert(std::string(column));
  std::vector<size_t> renamed;
  for (size_t i = 0; i < columns.headers.size(); ++i) {
    if (!taken.insert(headerKey(columns.headers[i])).second) renamed.push_back(i);
  }
  for (size_t i : renamed) {
    std::string& header = columns.headers[i];
    do {
      header.insert(0, kRenamedPropertyPrefix);
    } while (!taken.insert(headerKey(header)).second);
  }
  return columns;
}

}  // namespace

std::string scheduleToCsv(const models::Inventory& inventory, const models::Plan& plan) {
  TextSink sink;
  writeScheduleCsv(inventory, plan, sink);
  return sink.take();
}

void writeScheduleCsv(const models::Inventory& inventory, const models::Plan& plan,
                      TextSink& sink) {
  const PropertyColumns columns = propertyColumnsOf(inventory);
  std::string& out = sink.text();
  out += "\xEF\xBB\xBF";  // spreadsheets read UTF-8 only with a byte-order mark
  std::vector<std::string_view> row(kPlanColumns.begin(), kPlanColumns.end());
  row.insert(row.end(), columns.headers.begin(), columns.headers.end());
  appendCsvRow(out, row);
  // Each wave's cells once; a property key as written (the same few keys on every row) to its
  // column without lower-casing it again.
  std::vector<std::array<std::string, 3>> waveCells;
  for (const auto& wave : plan.waves) {
    waveCells.push_back({std::to_string(wave.number), models::formatDate(wave.start),
                         models::formatDate(wave.end)});
  }
  std::unordered_map<std::string_view, size_t> columnOfKey;
  std::string reasons, effort;
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const auto& system = inventory.systems[s];
    const auto& planned = plan.systems[s];
    reasons.clear();
    for (const auto& reason : planned.reasons)
      (reasons.empty() ? reasons : reasons.append("; ")).append(reason);
    effort = fmt::format("{:g}", system.effortDays);
    const bool scheduled = planned.wave != 0;
    row.assign(kPlanColumns.size() + columns.headers.size(), std::string_view());
    if (scheduled) {
      const auto& cells = waveCells[planned.wave - 1];
      std::copy(cells.begin(), cells.end(), row.begin());
    }
    row[3] = system.id;
    row[4] = system.name;
    if (system.agency != kNone) row[5] = inventory.agencies[system.agency].code;
    row[6] = models::nameOf(system.type);
    row[7] = models::nameOf(system.strategy);
    row[8] = models::nameOf(system.action());
    row[9] = models::nameOf(system.criticality);
    row[10] = effort;
    row[11] = system.target;
    if (planned.moveGroup != kNone) row[12] = plan.moveGroups[planned.moveGroup].id;
    row[13] = reasons;
    for (const auto& property : inventory.propertiesOf(system.properties)) {
      auto column = columnOfKey.find(property.key);
      if (column == columnOfKey.end()) {
        column =
            columnOfKey.emplace(property.key, columns.indexOf.at(columnKey(property.key))).first;
      }
      row[kPlanColumns.size() + column->second] = property.value;
    }
    appendCsvRow(out, row);
    sink.pieceDone();
  }
}

std::string wavesToCsv(const models::Plan& plan) {
  std::string out = "\xEF\xBB\xBF";
  appendCsvRow(out, {"wave", "start", "end", "systems", "migrating", "retiring", "effort_days",
                     "oversize", "hybrid_links_after"});
  for (const auto& wave : plan.waves) {
    appendCsvRow(out, {std::to_string(wave.number), models::formatDate(wave.start),
                       models::formatDate(wave.end), std::to_string(wave.systems.size()),
                       std::to_string(wave.migrating), std::to_string(wave.retiring),
                       fmt::format("{:g}", wave.effortDays), wave.oversize ? "yes" : "no",
                       std::to_string(wave.hybridLinksAfter)});
  }
  return out;
}

}  // namespace cloudplan::exporters
