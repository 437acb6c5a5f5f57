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
  const PropertyColumns columns = propertyColumnsOf(inventory);
  std::string out = "\xEF\xBB\xBF";  // spreadsheets read UTF-8 only with a byte-order mark
  std::vector<std::string> row(kPlanColumns.begin(), kPlanColumns.end());
  row.insert(row.end(), columns.headers.begin(), columns.headers.end());
  appendCsvRow(out, row);
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const auto& system = inventory.systems[s];
    const auto& planned = plan.systems[s];
    const models::Wave* wave = planned.wave ? &plan.waves[planned.wave - 1] : nullptr;
    std::string reasons;
    for (const auto& reason : planned.reasons)
      reasons += (reasons.empty() ? "" : "; ") + reason;
    row = {wave ? std::to_string(wave->number) : "",
           wave ? models::formatDate(wave->start) : "",
           wave ? models::formatDate(wave->end) : "",
           std::string(system.id),
           std::string(system.name),
           system.agency == kNone ? "" : std::string(inventory.agencies[system.agency].code),
           std::string(models::nameOf(system.type)),
           std::string(models::nameOf(system.strategy)),
           std::string(models::nameOf(system.action())),
           std::string(models::nameOf(system.criticality)),
           fmt::format("{:g}", system.effortDays),
           std::string(system.target),
           planned.moveGroup == kNone ? "" : plan.moveGroups[planned.moveGroup].id,
           reasons};
    row.resize(kPlanColumns.size() + columns.headers.size());
    for (const auto& property : inventory.propertiesOf(system.properties)) {
      row[kPlanColumns.size() + columns.indexOf.at(columnKey(property.key))] = property.value;
    }
    appendCsvRow(out, row);
  }
  return out;
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
