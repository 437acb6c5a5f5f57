#include "exporters/plan_json.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "exporters/diagnostics_json.h"

namespace cloudplan::exporters {

using Json = nlohmann::ordered_json;
using models::kNone;

namespace {

Json propertiesToJson(const models::Inventory& inventory, models::PropertyRange range) {
  Json properties = Json::object();
  for (const auto& property : inventory.propertiesOf(range)) {
    properties[std::string(property.key)] = property.value;
  }
  return properties;
}

Json settingsToJson(const models::PlanSettings& settings) {
  Json freeze = Json::array();
  for (const auto& window : settings.freeze) {
    freeze.push_back({models::formatDate(window.from), models::formatDate(window.to)});
  }
  return Json{{"order", models::nameOf(settings.order)},
              {"wave_capacity", settings.waveCapacity ? Json(*settings.waveCapacity) : Json()},
              {"wave_effort", settings.waveEffort ? Json(*settings.waveEffort) : Json()},
              {"start", models::formatDate(settings.start)},
              {"wave_length_days", settings.waveLengthDays},
              {"freeze", freeze},
              {"allow_oversize", settings.allowOversize}};
}

// The document is written section by section, each array element compact on a line of its own:
// a 10^5-system plan never exists as one JSON tree in memory, and diffs of two plans stay
// readable line by line.
class PlanWriter {
 public:
  void scalar(std::string_view key, const Json& value) {
    separate();
    out_ += fmt::format("  {}: {}", Json(key).dump(), dump(value));
  }
  void beginArray(std::string_view key) {
    separate();
    out_ += fmt::format("  {}: [", Json(key).dump());
    firstElement_ = true;
  }
  void element(const Json& value) {
    out_ += firstElement_ ? "\n    " : ",\n    ";
    out_ += dump(value);
    firstElement_ = false;
  }
  void endArray() { out_ += firstElement_ ? "]" : "\n  ]"; }
  std::string finish() { return std::move(out_) + "\n}\n"; }

 private:
  static std::string dump(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  void separate() {
    out_ += first_ ? "{\n" : ",\n";
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
  bool firstElement_ = true;
};

}  // namespace

std::string planToJson(const models::Inventory& inventory, const models::Plan& plan,
                       const models::Diagnostics& diagnostics) {
  PlanWriter json;
  json.scalar("format", "cloudplan-plan/1");
  json.scalar("generator", "cloudplan " CLOUDPLAN_VERSION);
  json.beginArray("inputs");
  for (const auto& file : inventory.files) {
    json.element(
        {{"path", file.path}, {"sha256", file.sha256}, {"kind", models::nameOf(file.kind)}});
  }
  json.endArray();
  json.scalar("settings", settingsToJson(plan.settings));

  json.beginArray("waves");
  for (const auto& wave : plan.waves) {
    Json ids = Json::array();
    for (auto s : wave.systems)
      ids.push_back(inventory.systems[s].id);
    json.element({{"wave", wave.number},
                  {"start", models::formatDate(wave.start)},
                  {"end", models::formatDate(wave.end)},
                  {"systems", std::move(ids)},
                  {"effort_days", wave.effortDays},
                  {"oversize", wave.oversize},
                  {"migrating", wave.migrating},
                  {"retiring", wave.retiring},
                  {"hybrid_links_after", wave.hybridLinksAfter}});
  }
  json.endArray();

  json.beginArray("systems");
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const auto& system = inventory.systems[s];
    const auto& planned = plan.systems[s];
    Json entry{{"id", system.id},
               {"name", system.name},
               {"agency", system.agency == kNone ? std::string_view()
                                                 : inventory.agencies[system.agency].code},
               {"type", models::nameOf(system.type)},
               {"strategy", models::nameOf(system.strategy)},
               {"criticality", models::nameOf(system.criticality)},
               {"effort_days", system.effortDays},
               {"action", models::nameOf(system.action())},
               {"wave", planned.wave ? Json(planned.wave) : Json()},
               {"move_group",
                planned.moveGroup == kNone ? Json() : Json(plan.moveGroups[planned.moveGroup].id)},
               {"reasons", planned.reasons}};
    if (!system.target.empty()) entry["target"] = system.target;
    if (system.pinnedWave) entry["pinned_wave"] = system.pinnedWave;
    if (system.notBefore) entry["not_before"] = models::formatDate(*system.notBefore);
    entry["properties"] = propertiesToJson(inventory, system.properties);
    json.element(entry);
  }
  json.endArray();

  json.beginArray("dependencies");
  for (const auto& d : inventory.dependencies) {
    Json entry{{"from", inventory.systems[d.consumer].id},
               {"to", inventory.systems[d.provider].id},
               {"coupling", models::nameOf(d.coupling)},
               {"kind", d.kind}};
    if (!d.description.empty()) entry["description"] = d.description;
    if (d.properties.count) entry["properties"] = propertiesToJson(inventory, d.properties);
    json.element(entry);
  }
  json.endArray();

  json.beginArray("move_groups");
  for (const auto& group : plan.moveGroups) {
    Json ids = Json::array();
    for (auto s : group.systems)
      ids.push_back(inventory.systems[s].id);
    Json links = Json::array();
    for (uint32_t d : group.links) {
      const auto& dependency = inventory.dependencies[d];
      links.push_back({{"from", inventory.systems[dependency.consumer].id},
                       {"to", inventory.systems[dependency.provider].id},
                       {"coupling", models::nameOf(dependency.coupling)}});
    }
    json.element({{"id", group.id},
                  {"systems", std::move(ids)},
                  {"cause", models::nameOf(group.cause)},
                  {"links", std::move(links)}});
  }
  json.endArray();

  const auto& m = plan.metrics;
  json.scalar("metrics", {{"systems", m.systems},
                          {"dependencies", m.dependencies},
                          {"scheduled", m.scheduled},
                          {"waves", m.waves},
                          {"lower_bound_waves", m.lowerBound.waves},
                          {"lower_bound_terms",
                           {{"capacity", m.lowerBound.capacity},
                            {"effort", m.lowerBound.effort},
                            {"pin", m.lowerBound.pin},
                            {"date", m.lowerBound.date}}},
                          {"peak_hybrid_links", m.peakHybridLinks},
                          {"permanent_hybrid_links", m.permanentHybridLinks}});
  json.beginArray("diagnostics");
  for (const auto& d : diagnostics.all())
    json.element(diagnosticToJson(d));
  json.endArray();
  return json.finish();
}

}  // namespace cloudplan::exporters
