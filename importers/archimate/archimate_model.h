// An ArchiMate model as the three readers (exchange XML, Archi's .archimate, Archi's CSV) hand it
// to the mapping: elements, relationships and folders with their properties, types already in
// ArchiMate 3.1 names, every record with the file and line it came from. Views are left out: they
// say nothing about what depends on what.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "models/source_location.h"

namespace cloudplan::importers {

struct ArchimateProperty {
  std::string_view key;
  std::string_view value;
};

// Shared by elements and relationships.
struct ArchimateConcept {
  std::string_view identifier;
  std::string_view type;  // 3.1 name without a prefix: "ApplicationComponent", "Serving", ...
  std::string_view name;
  std::string_view documentation;
  uint32_t firstProperty = 0;  // into ArchimateModel::properties
  uint32_t propertyCount = 0;
  models::SourceLocation where;
};

struct ArchimateElement : ArchimateConcept {
  uint32_t folder = models::kNone;  // the innermost folder (organization item) that holds it
};

struct ArchimateRelationship : ArchimateConcept {
  std::string_view source;  // identifiers, resolved by the mapping
  std::string_view target;
};

// An organization item of the exchange format, or a folder of Archi.
struct ArchimateFolder {
  std::string_view label;
  uint32_t parent = models::kNone;
  models::SourceLocation where;
};

// "this identifier is filed in that folder": an exchange `<item identifierRef=...>`, resolved
// once every element is known.
struct ArchimateMembership {
  std::string_view identifier;
  uint32_t folder = models::kNone;
};

struct ArchimateModel {
  std::string_view name;
  models::SourceLocation where;  // the root element (or the header of a CSV export)
  std::vector<ArchimateElement> elements;
  std::vector<ArchimateRelationship> relationships;
  std::vector<ArchimateFolder> folders;
  std::vector<ArchimateMembership> memberships;
  std::vector<ArchimateProperty> properties;
  uint32_t views = 0;

  std::span<const ArchimateProperty> propertiesOf(const ArchimateConcept& c) const {
    return {properties.data() + c.firstProperty, c.propertyCount};
  }
};

}  // namespace cloudplan::importers
