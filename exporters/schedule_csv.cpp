#include "exporters/schedule_csv.h"

#include <fmt/format.h>

#include <unordered_map>

#include "exporters/csv_writer.h"

namespace cloudplan::exporters {

using models::kNone;

std::string scheduleToCsv(const models::Inventory& inventory, const models::Plan& plan) {
  // Property columns in the order they first appear, matched without regard to case.
  std::vector<std::string_view> columns;
  std::unordered_map<std::string, size_t> columnOf;
  auto lowered = [](std::string_view key) {
    std::string text(key);
    for (char& c : text)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  for (const auto& system : inventory.systems) {
    for (const auto& property : inventory.propertiesOf(system.properties)) {
      if (columnOf.emplace(lowered(property.key), columns.size()).second) {
        columns.push_back(property.key);
      }
    }
  }
  std::string out = "\xEF\xBB\xBF";  // spreadsheets read UTF-8 only with a byte-order mark
  std::vector<std::string> row{"wave",        "start",  "end",        "id",     "name",
                               "agency",      "type",   "strategy",   "action", "criticality",
                               "effort_days", "target", "move_group", "reasons"};
  for (auto column : columns)
    row.emplace_back(column);
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
    row.resize(row.size() + columns.size());
    for (const auto& property : inventory.propertiesOf(system.properties)) {
      row[14 + columnOf.at(lowered(property.key))] = property.value;
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
