#include "exporters/archimate/plan_archimate.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "exporters/archimate/archimate_identifiers.h"
#include "exporters/archimate/archimate_relationships.h"
#include "exporters/archimate/archimate_views.h"

namespace cloudplan::exporters {

using models::kNone;
using models::SystemIndex;

namespace {

// Text for element content or an attribute value. XML 1.0 cannot carry most control characters,
// nor U+FFFE and U+FFFF, at all, not even as references: they become U+FFFD (a CSV inventory may
// hold them; cloudplan refuses a model that does).
void appendEscaped(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";
        } else if (text.substr(i).starts_with("\xEF\xBF\xBE") ||
                   text.substr(i).starts_with("\xEF\xBF\xBF")) {
          out += "\xEF\xBF\xBD";
          i += 2;
        } else {
          out += c;
        }
    }
  }
}

std::string_view elementTypeOf(models::SystemType type) {
  switch (type) {
    case models::SystemType::interface:
      return "ApplicationInterface";
    case models::SystemType::infrastructure:
      return "Node";
    case models::SystemType::platform:
      return "SystemSoftware";
    case models::SystemType::application:
    case models::SystemType::database:
      break;
  }
  return "ApplicationComponent";
}

std::string formatNumber(double value) {
  return fmt::format("{}", value);
}

// The properties written from a system's fields; its own properties of these names give way.
constexpr std::array<std::string_view, 11> kSystemColumns = {
    "id",     "agency",      "type",       "strategy",  "criticality", "effort_days",
    "target", "pinned_wave", "not_before", "finish_by", "wave"};

struct Property {
  std::string_view key;
  std::string value;
};

class ModelWriter {
 public:
  ModelWriter(const models::Inventory& inventory, const models::Plan& plan)
      : inventory_(inventory), plan_(plan), ids_(chooseArchimateIdentifiers(inventory)) {
    out_.reserve(1024 * inventory.systems.size() + 400 * inventory.dependencies.size() + 65536);
  }

  std::string write();

 private:
  void systemElements();
  void planElements();
  void relationships();
  void dependencyRelationships();
  void organizations();
  void agencyFolder(models::AgencyIndex agency, const std::vector<std::vector<uint32_t>>& children,
                    const std::vector<std::vector<SystemIndex>>& members, int depth);
  void propertyDefinitions();

  void element(std::string_view identifier, std::string_view type, std::string_view name,
               std::string_view documentation, const std::vector<Property>& properties);
  // Writes it, and returns its identifier.
  std::string relationship(std::string identifier, std::string_view type, std::string_view source,
                           std::string_view sourceType, std::string_view target,
                           std::string_view targetType,
                           const std::vector<Property>& properties = {});
  // The identifier of the property definition named `key`, made on first use.
  const std::string& definition(std::string_view key, std::string_view type = "string");
  void writeProperties(const std::vector<Property>& properties);
  void indent(int depth) { out_.append(2 * static_cast<size_t>(depth), ' '); }

  const std::string& systemId(SystemIndex s) const { return ids_.systems[s]; }
  // The source element's type under its kept identifier (a type changed under the same
  // identifier would not merge back: Archi merges by identifier), else the system type's.
  std::string_view systemType(SystemIndex s) const {
    const models::System& system = inventory_.systems[s];
    const auto table = archimateTableTypes();
    if (!system.archimateType.empty() && systemId(s) == system.archimateIdentifier &&
        std::find(table.begin(), table.end(), system.archimateType) != table.end()) {
      return system.archimateType;
    }
    return elementTypeOf(system.type);
  }
  std::string waveId(uint32_t wave) const { return ids_.made(fmt::format("wave-{}", wave)); }
  std::string workId(uint32_t wave) const { return ids_.made(fmt::format("work-{}", wave)); }
  std::string deliverableId(uint32_t wave) const {
    return ids_.made(fmt::format("deliverable-{}", wave));
  }
  // "ID" of the names of ArchimateIdentifiers: the system's id, escaped.
  std::string namePart(SystemIndex s) const { return escapedIdentifier(inventory_.systems[s].id); }

  const models::Inventory& inventory_;
  const models::Plan& plan_;
  const ArchimateIdentifiers ids_;
  PlanModelIds written_;  // what the views show
  std::string out_;
  std::vector<std::pair<std::string, std::string>> definitions_;  // (name, type), in first use
  std::map<std::string, std::string, std::less<>> definitionIds_;
  bool anyRetired_ = false;
};

std::string ModelWriter::write() {
  out_ +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/ "
      "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd\" "
      "identifier=\"";
  out_ += ids_.made("model");
  out_ += "\">\n  <name xml:lang=\"en\">Cloud migration plan</name>\n";
  const auto& m = plan_.metrics;
  out_ += fmt::format(
      "  <documentation xml:lang=\"en\">Written by cloudplan {}: {} systems ({} scheduled) in {} "
      "waves from {}, lower bound {}; peak hybrid links {}, permanent {}.</documentation>\n",
      CLOUDPLAN_VERSION, m.systems, m.scheduled, m.waves, models::formatDate(plan_.settings.start),
      m.lowerBound.waves, m.peakHybridLinks, m.permanentHybridLinks);
  for (const auto& system : inventory_.systems)
    anyRetired_ = anyRetired_ || system.action() == models::Action::retire;
  out_ += "  <elements>\n";
  systemElements();
  planElements();
  out_ += "  </elements>\n  <relationships>\n";
  relationships();
  dependencyRelationships();
  out_ += "  </relationships>\n  <organizations>\n";
  organizations();
  out_ += "  </organizations>\n";
  propertyDefinitions();
  appendArchimateViews(out_, inventory_, plan_, ids_, written_);
  out_ += "</model>\n";
  return std::move(out_);
}

const std::string& ModelWriter::definition(std::string_view key, std::string_view type) {
  const auto it = definitionIds_.find(key);
  if (it != definitionIds_.end()) return it->second;
  definitions_.emplace_back(std::string(key), std::string(type));
  return definitionIds_.emplace(std::string(key), ids_.made("prop-" + escapedIdentifier(key)))
      .first->second;
}

// The <properties> of an element or a relationship; nothing when there are none.
void ModelWriter::writeProperties(const std::vector<Property>& properties) {
  if (properties.empty()) return;
  out_ += "      <properties>\n";
  for (const Property& property : properties) {
    out_ += "        <property propertyDefinitionRef=\"";
    out_ += definition(property.key);
    out_ += "\"><value>";
    appendEscaped(out_, property.value);
    out_ += "</value></property>\n";
  }
  out_ += "      </properties>\n";
}

void ModelWriter::element(std::string_view identifier, std::string_view type, std::string_view name,
                          std::string_view documentation, const std::vector<Property>& properties) {
  out_ += "    <element identifier=\"";
  appendEscaped(out_, identifier);
  out_ += "\" xsi:type=\"";
  out_ += type;
  out_ += "\">\n      <name>";
  appendEscaped(out_, name);
  out_ += "</name>\n";
  if (!documentation.empty()) {
    out_ += "      <documentation>";
    appendEscaped(out_, documentation);
    out_ += "</documentation>\n";
  }
  writeProperties(properties);
  out_ += "    </element>\n";
}

void ModelWriter::systemElements() {
  // The inventory columns first, typed, in the order of the inventory format.
  definition("id");
  definition("agency");
  definition("type");
  definition("strategy");
  definition("criticality");
  definition("effort_days", "number");
  definition("target");
  definition("pinned_wave", "number");
  definition("not_before", "date");
  definition("finish_by", "date");
  definition("wave", "number");
  std::vector<Property> properties;
  for (SystemIndex s = 0; s < inventory_.systems.size(); ++s) {
    const models::System& system = inventory_.systems[s];
    properties.clear();
    // The id, unless the identifier says it: the source model's elements take no new property.
    if (system.id != systemId(s)) properties.push_back({"id", std::string(system.id)});
    if (system.agency != kNone) {
      properties.push_back({"agency", std::string(inventory_.agencies[system.agency].code)});
    }
    properties.push_back({"type", std::string(models::nameOf(system.type))});
    properties.push_back({"strategy", std::string(models::nameOf(system.strategy))});
    properties.push_back({"criticality", std::string(models::nameOf(system.criticality))});
    properties.push_back({"effort_days", formatNumber(system.effortDays)});
    if (!system.target.empty()) properties.push_back({"target", std::string(system.target)});
    if (system.pinnedWave) {
      properties.push_back({"pinned_wave", std::to_string(system.pinnedWave)});
    }
    if (system.notBefore) {
      properties.push_back({"not_before", models::formatDate(*system.notBefore)});
    }
    if (system.finishBy) {
      properties.push_back({"finish_by", models::formatDate(*system.finishBy)});
    }
    if (s < plan_.systems.size() && plan_.systems[s].wave) {
      properties.push_back({"wave", std::to_string(plan_.systems[s].wave)});
    }
    for (const models::Property& property : inventory_.propertiesOf(system.properties)) {
      const bool shadowed = std::any_of(
          kSystemColumns.begin(), kSystemColumns.end(),
          [&](std::string_view column) { return models::equalsIgnoreCase(column, property.key); });
      if (!shadowed) properties.push_back({property.key, std::string(property.value)});
    }
    element(systemId(s), systemType(s), system.name.empty() ? system.id : system.name,
            system.documentation, properties);
  }
}

void ModelWriter::planElements() {
  definition("start", "date");
  definition("end", "date");
  definition("migrating", "number");
  definition("retiring", "number");
  definition("hybrid_links_after", "number");
  written_.baseline = ids_.made("baseline");
  written_.target = ids_.made("target");
  element(written_.baseline, "Plateau", "Baseline", "The estate before the first wave.", {});
  for (const models::Wave& wave : plan_.waves) {
    const std::string start = models::formatDate(wave.start), end = models::formatDate(wave.end);
    written_.plateaus.push_back(waveId(wave.number));
    written_.workPackages.push_back(workId(wave.number));
    written_.deliverables.push_back(deliverableId(wave.number));
    element(written_.plateaus.back(), "Plateau",
            fmt::format("Wave {} ({} \u2013 {})", wave.number, start, end), {},
            {{"wave", std::to_string(wave.number)},
             {"start", start},
             {"end", end},
             {"effort_days", formatNumber(wave.effortDays)},
             {"migrating", std::to_string(wave.migrating)},
             {"retiring", std::to_string(wave.retiring)},
             {"hybrid_links_after", std::to_string(wave.hybridLinksAfter)}});
    element(written_.workPackages.back(), "WorkPackage",
            fmt::format("Wave {} migration", wave.number), {}, {{"start", start}, {"end", end}});
    element(written_.deliverables.back(), "Deliverable",
            fmt::format("Wave {} systems moved", wave.number), {}, {});
  }
  element(written_.target, "Plateau", "Target", "The estate after the last wave.", {});
  if (anyRetired_) {
    written_.gap = ids_.made("gap-retired");
    element(written_.gap, "Gap", "Retired systems",
            "The systems switched off between Baseline and Target.", {});
  }
}

std::string ModelWriter::relationship(std::string identifier, std::string_view type,
                                      std::string_view source, std::string_view sourceType,
                                      std::string_view target, std::string_view targetType,
                                      const std::vector<Property>& properties) {
  // Every relationship written is one the table allows (the tests read the file back to check).
  if (!isAllowedRelationship(sourceType, type, targetType)) type = "Association";
  out_ += "    <relationship identifier=\"";
  out_ += identifier;
  out_ += "\" source=\"";
  appendEscaped(out_, source);
  out_ += "\" target=\"";
  appendEscaped(out_, target);
  out_ += "\" xsi:type=\"";
  out_ += type;
  if (properties.empty()) {
    out_ += "\"/>\n";
    return identifier;
  }
  out_ += "\">\n";
  writeProperties(properties);
  out_ += "    </relationship>\n";
  return identifier;
}

void ModelWriter::relationships() {
  std::string previous = written_.baseline;
  std::string previousName = "baseline";
  for (size_t w = 0; w < plan_.waves.size(); ++w) {
    const models::Wave& wave = plan_.waves[w];
    const std::string& plateau = written_.plateaus[w];
    const std::string name = fmt::format("wave-{}", wave.number);
    written_.triggering.push_back(
        relationship(ids_.made(fmt::format("rel-{}-{}", previousName, name)), "Triggering",
                     previous, "Plateau", plateau, "Plateau"));
    written_.workRealizes.push_back(relationship(
        ids_.made(fmt::format("rel-{}-work", name)), "Realization", written_.workPackages[w],
        "WorkPackage", written_.deliverables[w], "Deliverable"));
    written_.deliverableRealizes.push_back(
        relationship(ids_.made(fmt::format("rel-{}-deliverable", name)), "Realization",
                     written_.deliverables[w], "Deliverable", plateau, "Plateau"));
    for (SystemIndex s : wave.systems) {
      relationship(ids_.made(fmt::format("rel-{}-has-{}", name, namePart(s))), "Aggregation",
                   plateau, "Plateau", systemId(s), systemType(s));
    }
    previous = plateau;
    previousName = name;
  }
  written_.triggering.push_back(relationship(ids_.made(fmt::format("rel-{}-target", previousName)),
                                             "Triggering", previous, "Plateau", written_.target,
                                             "Plateau"));
  for (SystemIndex s = 0; s < inventory_.systems.size(); ++s) {
    if (inventory_.systems[s].action() == models::Action::retain) {
      relationship(ids_.made("rel-target-has-" + namePart(s)), "Aggregation", written_.target,
                   "Plateau", systemId(s), systemType(s));
    }
  }
  if (!anyRetired_) return;
  written_.gapAssociations.push_back(relationship(ids_.made("rel-gap-baseline"), "Association",
                                                  written_.gap, "Gap", written_.baseline,
                                                  "Plateau"));
  written_.gapAssociations.push_back(relationship(ids_.made("rel-gap-target"), "Association",
                                                  written_.gap, "Gap", written_.target, "Plateau"));
  for (SystemIndex s = 0; s < inventory_.systems.size(); ++s) {
    if (inventory_.systems[s].action() == models::Action::retire) {
      relationship(ids_.made("rel-gap-has-" + namePart(s)), "Association", written_.gap, "Gap",
                   systemId(s), systemType(s));
    }
  }
}

// The relationship types a dependency is read from (spec/archimate-mapping.md's direct rules),
// whether the relationship runs from the consumer (else from the provider), and whether it gives a
// dependency only from a technology node (Node, Device, SystemSoftware as written).
struct DependencyType {
  std::string_view type;
  bool fromConsumer;
  bool fromNode;
};
constexpr std::array<DependencyType, 7> kDependencyTypes = {{{"Serving", false, false},
                                                             {"Assignment", false, true},
                                                             {"Realization", false, true},
                                                             {"Flow", false, false},
                                                             {"Triggering", false, false},
                                                             {"Composition", true, false},
                                                             {"Aggregation", true, false}}};

// A dependency C -> P read from a relationship of the source model is written as that
// relationship was, its identifier, type and direction (when the table allows the type between
// the types the systems are written as), so that it merges back into the model; any other is
// Serving from P to C (Composition from C to P when it is tight and the table allows it). Its
// coupling and kind are properties, which override what a reader derives from the type.
void ModelWriter::dependencyRelationships() {
  for (size_t i = 0; i < inventory_.dependencies.size(); ++i) {
    const models::Dependency& d = inventory_.dependencies[i];
    std::vector<Property> properties = {{"coupling", std::string(models::nameOf(d.coupling))},
                                        {"kind", std::string(d.kind)}};
    if (!d.description.empty()) properties.push_back({"description", std::string(d.description)});
    for (const models::Property& property : inventory_.propertiesOf(d.properties)) {
      if (!models::equalsIgnoreCase(property.key, "coupling") &&
          !models::equalsIgnoreCase(property.key, "kind") &&
          !models::equalsIgnoreCase(property.key, "description")) {
        properties.push_back({property.key, std::string(property.value)});
      }
    }
    const std::string_view consumerType = systemType(d.consumer);
    const std::string_view providerType = systemType(d.provider);
    const auto write = [&](std::string_view type, bool fromConsumer) {
      const SystemIndex source = fromConsumer ? d.consumer : d.provider;
      const SystemIndex target = fromConsumer ? d.provider : d.consumer;
      written_.dependencies.push_back(
          {relationship(ids_.dependencies[i], type, systemId(source), systemType(source),
                        systemId(target), systemType(target), properties),
           source, target});
    };
    const auto kept =
        std::find_if(kDependencyTypes.begin(), kDependencyTypes.end(),
                     [&](const DependencyType& t) { return t.type == d.archimateType; });
    if (kept != kDependencyTypes.end() &&
        (!kept->fromNode || providerType == "Node" || providerType == "Device" ||
         providerType == "SystemSoftware") &&
        isAllowedRelationship(kept->fromConsumer ? consumerType : providerType, kept->type,
                              kept->fromConsumer ? providerType : consumerType)) {
      write(kept->type, kept->fromConsumer);
    } else if (d.coupling == models::Coupling::tight &&
               isAllowedRelationship(consumerType, "Composition", providerType)) {
      write("Composition", true);
    } else {
      write("Serving", false);
    }
  }
}

void ModelWriter::organizations() {
  const size_t agencies = inventory_.agencies.size();
  std::vector<std::vector<uint32_t>> children(agencies);
  std::vector<std::vector<SystemIndex>> members(agencies);
  std::vector<SystemIndex> homeless;
  for (models::AgencyIndex a = 0; a < agencies; ++a) {
    const models::AgencyIndex parent = inventory_.agencies[a].parent;
    if (parent != kNone && parent < agencies) children[parent].push_back(a);
  }
  for (SystemIndex s = 0; s < inventory_.systems.size(); ++s) {
    const models::AgencyIndex agency = inventory_.systems[s].agency;
    (agency == kNone ? homeless : members[agency]).push_back(s);
  }
  out_ += "    <item>\n      <label xml:lang=\"en\">Agencies</label>\n";
  for (models::AgencyIndex a = 0; a < agencies; ++a) {
    if (inventory_.agencies[a].parent == kNone) agencyFolder(a, children, members, 3);
  }
  for (SystemIndex s : homeless)
    out_ += fmt::format("      <item identifierRef=\"{}\"/>\n", systemId(s));
  out_ += "    </item>\n    <item>\n      <label xml:lang=\"en\">Migration plan</label>\n";
  const auto ref = [&](std::string_view identifier) {
    out_ += fmt::format("      <item identifierRef=\"{}\"/>\n", identifier);
  };
  ref(written_.baseline);
  for (size_t w = 0; w < plan_.waves.size(); ++w) {
    ref(written_.plateaus[w]);
    ref(written_.workPackages[w]);
    ref(written_.deliverables[w]);
  }
  ref(written_.target);
  if (anyRetired_) ref(written_.gap);
  out_ += "    </item>\n";
}

// Agencies nest as their parents say; the depth is bounded because the importer broke every
// parent cycle, and by the agency count besides.
void ModelWriter::agencyFolder(models::AgencyIndex a,
                               const std::vector<std::vector<uint32_t>>& children,
                               const std::vector<std::vector<SystemIndex>>& members, int depth) {
  if (depth > static_cast<int>(inventory_.agencies.size()) + 3) return;
  const models::Agency& agency = inventory_.agencies[a];
  indent(depth);
  out_ += "<item>\n";
  indent(depth + 1);
  out_ += "<label xml:lang=\"en\">";
  appendEscaped(out_, agency.code);
  out_ += " - ";
  appendEscaped(out_, agency.name.empty() ? agency.code : agency.name);
  out_ += "</label>\n";
  for (uint32_t child : children[a])
    agencyFolder(child, children, members, depth + 1);
  for (SystemIndex s : members[a]) {
    indent(depth + 1);
    out_ += fmt::format("<item identifierRef=\"{}\"/>\n", systemId(s));
  }
  indent(depth);
  out_ += "</item>\n";
}

void ModelWriter::propertyDefinitions() {
  out_ += "  <propertyDefinitions>\n";
  for (size_t i = 0; i < definitions_.size(); ++i) {
    out_ += fmt::format("    <propertyDefinition identifier=\"{}\" type=\"{}\"><name>",
                        definitionIds_.at(definitions_[i].first), definitions_[i].second);
    appendEscaped(out_, definitions_[i].first);
    out_ += "</name></propertyDefinition>\n";
  }
  out_ += "  </propertyDefinitions>\n";
}

}  // namespace

std::string planToArchimate(const models::Inventory& inventory, const models::Plan& plan) {
  return ModelWriter(inventory, plan).write();
}

}  // namespace cloudplan::exporters
