#include "exporters/json/plan_json.h"

#include "exporters/json/diagnostics_json.h"
#include "exporters/json/json_text.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

// The document is written section by section, each array element compact on a line of its own:
// a 10^5-system plan never exists as a tree in memory, and two plans diff line by line. Each
// element done is handed to the sink, which writes a file out chunk by chunk.
class PlanDocument {
 public:
  explicit PlanDocument(TextSink& sink) : sink_(sink), out_(sink.text()) {}
  // Starts a top-level member; returns the string to append its value to.
  std::string& member(std::string_view key) {
    sink_.pieceDone();
    out_ += first_ ? "{\n  " : ",\n  ";
    first_ = false;
    appendJsonString(out_, key);
    out_ += ": ";
    return out_;
  }
  void beginArray(std::string_view key) {
    member(key) += '[';
    firstElement_ = true;
  }
  // Starts an array element; returns the string to append it to.
  std::string& element() {
    sink_.pieceDone();
    out_ += firstElement_ ? "\n    " : ",\n    ";
    firstElement_ = false;
    return out_;
  }
  void endArray() { out_ += firstElement_ ? "]" : "\n  ]"; }
  // An array whose elements were rendered already (PlanJsonSection).
  void renderedArray(std::string_view key, std::string_view elements) {
    member(key) += '[';
    sink_.write(elements);
    out_ += elements.empty() ? "]" : "\n  ]";
  }
  void finish() { out_ += "\n}\n"; }

 private:
  TextSink& sink_;
  std::string& out_;
  bool first_ = true;
  bool firstElement_ = true;
};

void appendProperties(std::string& out, const models::Inventory& inventory,
                      models::PropertyRange range) {
  JsonObject properties(out);
  for (const auto& property : inventory.propertiesOf(range)) {
    properties.string(property.key, property.value);
  }
}

void appendSettings(std::string& out, const models::PlanSettings& settings) {
  JsonObject json(out);
  json.string("order", models::nameOf(settings.order));
  if (settings.waveCapacity) {
    json.integer("wave_capacity", *settings.waveCapacity);
  } else {
    json.null("wave_capacity");
  }
  if (settings.waveEffort) {
    json.number("wave_effort", *settings.waveEffort);
  } else {
    json.null("wave_effort");
  }
  json.string("start", models::formatDate(settings.start));
  json.integer("wave_length_days", settings.waveLengthDays);
  std::string& freeze = json.member("freeze");
  freeze += '[';
  for (size_t i = 0; i < settings.freeze.size(); ++i) {
    if (i) freeze += ',';
    freeze += '[';
    appendJsonString(freeze, models::formatDate(settings.freeze[i].from));
    freeze += ',';
    appendJsonString(freeze, models::formatDate(settings.freeze[i].to));
    freeze += ']';
  }
  freeze += ']';
  json.boolean("allow_oversize", settings.allowOversize);
  if (const auto& replan = settings.replan) {
    json.string("today", models::formatDate(replan->today));
    JsonObject(json.member("baseline"))
        .string("path", replan->baselinePath)
        .string("sha256", replan->baselineSha256);
    if (replan->progressPath.empty()) {
      json.null("progress");
    } else {
      JsonObject(json.member("progress"))
          .string("path", replan->progressPath)
          .string("sha256", replan->progressSha256);
    }
  }
  if (settings.config) {
    JsonObject(json.member("config"))
        .string("path", settings.config->path)
        .string("sha256", settings.config->sha256);
  } else {
    json.null("config");
  }
}

void appendDependency(std::string& out, const models::Inventory& inventory,
                      const models::Dependency& dependency) {
  JsonObject json(out);
  json.string("from", inventory.systems[dependency.consumer].id)
      .string("to", inventory.systems[dependency.provider].id)
      .string("coupling", models::nameOf(dependency.coupling))
      .string("kind", dependency.kind);
  if (!dependency.description.empty()) json.string("description", dependency.description);
  if (dependency.properties.count)
    appendProperties(json.member("properties"), inventory, dependency.properties);
}

}  // namespace

std::string planSettingsToJson(const models::PlanSettings& settings) {
  std::string out;
  appendSettings(out, settings);
  return out;
}

std::string planToJson(const models::Inventory& inventory, const models::Plan& plan,
                       const models::Diagnostics& diagnostics) {
  TextSink sink;
  // Sized up front: growing a 100 MB string by doubling copies it twice over.
  sink.text().reserve(512 * inventory.systems.size() + 128 * inventory.dependencies.size() + 4096);
  writePlanJson(inventory, plan, diagnostics, sink);
  return sink.take();
}

PlanJsonSection renderDependencies(const models::Inventory& inventory) {
  PlanJsonSection section;
  std::string& out = section.elements;
  out.reserve(128 * inventory.dependencies.size());
  for (const auto& dependency : inventory.dependencies) {
    out += out.empty() ? "\n    " : ",\n    ";
    appendDependency(out, inventory, dependency);
  }
  return section;
}

void writePlanJson(const models::Inventory& inventory, const models::Plan& plan,
                   const models::Diagnostics& diagnostics, TextSink& sink,
                   const PlanJsonSection* dependencies) {
  const auto idOf = [&](models::SystemIndex s) { return inventory.systems[s].id; };
  PlanDocument document(sink);
  appendJsonString(document.member("format"), "cloudplan-plan/1");
  appendJsonString(document.member("generator"), "cloudplan " CLOUDPLAN_VERSION);
  document.beginArray("inputs");
  for (const auto& file : inventory.files) {
    JsonObject(document.element())
        .string("path", file.path)
        .string("sha256", file.sha256)
        .string("kind", models::nameOf(file.kind));
  }
  document.endArray();
  appendSettings(document.member("settings"), plan.settings);

  document.beginArray("agencies");
  for (const auto& agency : inventory.agencies) {
    JsonObject json(document.element());
    json.string("code", agency.code).string("name", agency.name);
    if (agency.parent == kNone) {
      json.null("parent");
    } else {
      json.string("parent", inventory.agencies[agency.parent].code);
    }
    if (agency.maxSystemsPerWave) json.integer("max_systems_per_wave", *agency.maxSystemsPerWave);
    if (agency.maxEffortPerWave) json.number("max_effort_per_wave", *agency.maxEffortPerWave);
    appendProperties(json.member("properties"), inventory, agency.properties);
  }
  document.endArray();

  document.beginArray("waves");
  for (const auto& wave : plan.waves) {
    JsonObject json(document.element());
    json.integer("wave", wave.number)
        .string("start", models::formatDate(wave.start))
        .string("end", models::formatDate(wave.end));
    appendJsonStringArray(json.member("systems"), wave.systems, idOf);
    json.number("effort_days", wave.effortDays)
        .boolean("oversize", wave.oversize)
        .integer("migrating", wave.migrating)
        .integer("retiring", wave.retiring)
        .integer("hybrid_links_after", wave.hybridLinksAfter);
    if (plan.settings.replan) json.boolean("started", wave.started);
  }
  document.endArray();

  document.beginArray("systems");
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const auto& system = inventory.systems[s];
    const auto& planned = plan.systems[s];
    JsonObject json(document.element());
    json.string("id", system.id)
        .string("name", system.name)
        .string("agency", system.agency == kNone ? std::string_view()
                                                 : inventory.agencies[system.agency].code)
        .string("type", models::nameOf(system.type))
        .string("strategy", models::nameOf(system.strategy))
        .string("criticality", models::nameOf(system.criticality))
        .number("effort_days", system.effortDays)
        .string("action", models::nameOf(system.action()));
    if (planned.wave) {
      json.integer("wave", planned.wave);
    } else {
      json.null("wave");
    }
    if (planned.moveGroup == kNone) {
      json.null("move_group");
    } else {
      json.string("move_group", plan.moveGroups[planned.moveGroup].id);
    }
    appendJsonStringArray(json.member("reasons"), planned.reasons,
                          [](const std::string& reason) { return std::string_view(reason); });
    if (plan.settings.replan) {
      json.string("status", models::nameOf(planned.status));
      if (planned.baselineWave) {
        json.integer("baseline_wave", planned.baselineWave);
      } else {
        json.null("baseline_wave");
      }
    }
    if (!system.target.empty()) json.string("target", system.target);
    if (system.pinnedWave) json.integer("pinned_wave", system.pinnedWave);
    if (system.notBefore) json.string("not_before", models::formatDate(*system.notBefore));
    if (system.finishBy) json.string("finish_by", models::formatDate(*system.finishBy));
    appendProperties(json.member("properties"), inventory, system.properties);
  }
  document.endArray();

  if (dependencies) {
    document.renderedArray("dependencies", dependencies->elements);
  } else {
    document.beginArray("dependencies");
    for (const auto& dependency : inventory.dependencies)
      appendDependency(document.element(), inventory, dependency);
    document.endArray();
  }

  document.beginArray("move_groups");
  for (const auto& group : plan.moveGroups) {
    JsonObject json(document.element());
    json.string("id", group.id);
    appendJsonStringArray(json.member("systems"), group.systems, idOf);
    json.string("cause", models::nameOf(group.cause));
    std::string& links = json.member("links");
    links += '[';
    for (size_t i = 0; i < group.links.size(); ++i) {
      if (i) links += ',';
      const auto& dependency = inventory.dependencies[group.links[i]];
      JsonObject(links)
          .string("from", idOf(dependency.consumer))
          .string("to", idOf(dependency.provider))
          .string("coupling", models::nameOf(dependency.coupling));
    }
    links += ']';
  }
  document.endArray();

  {
    const auto& m = plan.metrics;
    JsonObject json(document.member("metrics"));
    json.integer("systems", m.systems)
        .integer("dependencies", m.dependencies)
        .integer("scheduled", m.scheduled)
        .integer("waves", m.waves)
        .integer("lower_bound_waves", m.lowerBound.waves);
    {
      JsonObject terms(json.member("lower_bound_terms"));
      terms.integer("capacity", m.lowerBound.capacity)
          .integer("effort", m.lowerBound.effort)
          .integer("pin", m.lowerBound.pin)
          .integer("date", m.lowerBound.date)
          .integer("agency", m.lowerBound.agency);
      if (plan.settings.replan) terms.integer("started", m.lowerBound.started);
    }
    json.integer("peak_hybrid_links", m.peakHybridLinks)
        .integer("permanent_hybrid_links", m.permanentHybridLinks);
    if (m.churn) json.integer("churn", *m.churn);
  }
  document.beginArray("diagnostics");
  for (const auto& d : diagnostics.all()) {
    document.element() +=
        diagnosticToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  document.endArray();
  document.finish();
}

}  // namespace cloudplan::exporters
