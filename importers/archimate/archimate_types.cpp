#include "importers/archimate/archimate_types.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

namespace cloudplan::importers {
namespace {

// ArchiMate 3.1 element types, and the junctions as the exchange format writes them.
constexpr std::string_view kElementTypes[] = {
    "BusinessActor",
    "BusinessRole",
    "BusinessCollaboration",
    "BusinessInterface",
    "BusinessProcess",
    "BusinessFunction",
    "BusinessInteraction",
    "BusinessEvent",
    "BusinessService",
    "BusinessObject",
    "Contract",
    "Representation",
    "Product",
    "ApplicationComponent",
    "ApplicationCollaboration",
    "ApplicationInterface",
    "ApplicationFunction",
    "ApplicationInteraction",
    "ApplicationProcess",
    "ApplicationEvent",
    "ApplicationService",
    "DataObject",
    "Node",
    "Device",
    "SystemSoftware",
    "TechnologyCollaboration",
    "TechnologyInterface",
    "Path",
    "CommunicationNetwork",
    "TechnologyFunction",
    "TechnologyProcess",
    "TechnologyInteraction",
    "TechnologyEvent",
    "TechnologyService",
    "Artifact",
    "Equipment",
    "Facility",
    "DistributionNetwork",
    "Material",
    "Stakeholder",
    "Driver",
    "Assessment",
    "Goal",
    "Outcome",
    "Principle",
    "Requirement",
    "Constraint",
    "Meaning",
    "Value",
    "Resource",
    "Capability",
    "CourseOfAction",
    "ValueStream",
    "WorkPackage",
    "Deliverable",
    "ImplementationEvent",
    "Plateau",
    "Gap",
    "Location",
    "Grouping",
    "Junction",
    "AndJunction",
    "OrJunction",
};

constexpr std::array<std::pair<std::string_view, RelationshipType>, 11> kRelationshipTypes = {{
    {"Composition", RelationshipType::composition},
    {"Aggregation", RelationshipType::aggregation},
    {"Assignment", RelationshipType::assignment},
    {"Realization", RelationshipType::realization},
    {"Serving", RelationshipType::serving},
    {"Access", RelationshipType::access},
    {"Influence", RelationshipType::influence},
    {"Triggering", RelationshipType::triggering},
    {"Flow", RelationshipType::flow},
    {"Specialization", RelationshipType::specialization},
    {"Association", RelationshipType::association},
}};

// ArchiMate 2.1 names (the older exchange namespace, Archi before version 4) and their 3.1 names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kRenamed = {{
    {"UsedBy", "Serving"},
    {"Realisation", "Realization"},
    {"Network", "CommunicationNetwork"},
    {"InfrastructureService", "TechnologyService"},
    {"InfrastructureInterface", "TechnologyInterface"},
    {"InfrastructureFunction", "TechnologyFunction"},
    {"CommunicationPath", "Path"},
    {"Specialisation", "Specialization"},
}};

constexpr std::string_view kSuffix = "Relationship";

}  // namespace

bool hasRelationshipSuffix(std::string_view written) {
  return written.ends_with(kSuffix) && written.size() > kSuffix.size();
}

std::string_view canonicalType(std::string_view written) {
  if (const size_t colon = written.rfind(':'); colon != std::string_view::npos) {
    written.remove_prefix(colon + 1);
  }
  if (hasRelationshipSuffix(written)) written.remove_suffix(kSuffix.size());
  for (const auto& [old, now] : kRenamed) {
    if (written == old) return now;
  }
  return written;
}

bool isKnownElementType(std::string_view type) {
  return std::find(std::begin(kElementTypes), std::end(kElementTypes), type) !=
         std::end(kElementTypes);
}

RelationshipType relationshipTypeOf(std::string_view type) {
  for (const auto& [name, value] : kRelationshipTypes) {
    if (type == name) return value;
  }
  return RelationshipType::unknown;
}

std::optional<models::SystemType> systemTypeOf(std::string_view type) {
  using models::SystemType;
  if (type == "ApplicationComponent") return SystemType::application;
  if (type == "ApplicationInterface") return SystemType::interface;
  if (type == "Node" || type == "Device" || type == "CommunicationNetwork" ||
      type == "TechnologyInterface") {
    return SystemType::infrastructure;
  }
  if (type == "SystemSoftware") return SystemType::platform;
  return std::nullopt;
}

bool isTechnologyNode(std::string_view type) {
  return type == "Node" || type == "Device" || type == "SystemSoftware";
}

bool isServiceOrFunction(std::string_view type) {
  return type == "BusinessService" || type == "ApplicationService" || type == "TechnologyService" ||
         type == "BusinessFunction" || type == "ApplicationFunction" ||
         type == "TechnologyFunction";
}

bool isArtifact(std::string_view type) {
  return type == "Artifact";
}

}  // namespace cloudplan::importers
