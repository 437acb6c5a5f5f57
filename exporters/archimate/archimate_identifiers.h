// The identifiers of plan.archimate.xml. A system keeps the identifier of the ArchiMate element it
// was read from (else its id) when that is an xs:ID no other system took, so that the plan merges
// back into the source model; every other identifier is made by cloudplan, a prefix and a name,
// with the first prefix of "cp-", "cp1-", "cp2-", ... under which no made identifier equals a
// kept one. The same inventory always gives the same identifiers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/inventory.h"

namespace cloudplan::exporters {

// The names the plan writer makes identifiers of, after the prefix: "model", "baseline",
// "target", "gap-retired", "view-roadmap", "wave-N", "work-N", "deliverable-N", "rel-N",
// "prop-N", "view-wave-N", "vN-nM" and "vN-cM" (nodes and connections of view N), and
// "system-" with a system id escaped (see escapedIdentifier).
struct ArchimateIdentifiers {
  std::string prefix;
  std::vector<std::string> systems;  // by SystemIndex

  std::string made(std::string_view name) const { return prefix + std::string(name); }
};

ArchimateIdentifiers chooseArchimateIdentifiers(const models::Inventory& inventory);

// An xs:ID (an XML NCName) of ASCII characters: a letter or '_', then letters, digits, '-', '.'
// and '_'.
bool isXmlIdentifier(std::string_view text);

// `text` with every character other than a letter, digit, '-' or '.' written as '_' and two hex
// digits: one text, one result, and no two texts the same result.
std::string escapedIdentifier(std::string_view text);

}  // namespace cloudplan::exporters
