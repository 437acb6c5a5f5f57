// ArchiMate's vocabulary as the mapping needs it: element and relationship type names (the 2.1
// names mapped to 3.1), which element types become systems, and the groups the derivation rules
// of spec/archimate-mapping.md talk about (technology nodes, services and functions, artifacts).
#pragma once

#include <optional>
#include <string_view>

#include "models/vocabulary.h"

namespace cloudplan::importers {

enum class RelationshipType : uint8_t {
  composition,
  aggregation,
  assignment,
  realization,
  serving,
  access,
  influence,
  triggering,
  flow,
  specialization,
  association,
  unknown
};

// A type as any of the three forms writes it, in 3.1 words: without a namespace prefix or
// Archi's "Relationship" suffix, 2.1 names replaced ("archimate:UsedByRelationship" -> "Serving",
// "Network" -> "CommunicationNetwork"). The result views `written` or static text.
std::string_view canonicalType(std::string_view written);

// Archi's native form tells relationships from elements by this suffix alone.
bool hasRelationshipSuffix(std::string_view written);

bool isKnownElementType(std::string_view type);
RelationshipType relationshipTypeOf(std::string_view type);

// The system type an element of this ArchiMate type becomes, or nullopt for every type that is
// not planned (business, motivation, strategy, services, functions, data, artifacts, ...).
std::optional<models::SystemType> systemTypeOf(std::string_view type);

// Node, Device, SystemSoftware: what hosts other systems.
bool isTechnologyNode(std::string_view type);
// Business, application and technology services and functions: the middle of a derived
// dependency "P realizes S, S serves C".
bool isServiceOrFunction(std::string_view type);
bool isArtifact(std::string_view type);

}  // namespace cloudplan::importers
