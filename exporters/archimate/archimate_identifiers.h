// The identifiers of plan.archimate.xml. A system keeps the identifier of the ArchiMate element it
// was read from (else its id), and a dependency that of the relationship it was read from, when
// that is an xs:ID nothing else took, so that the plan merges back into the source model. Every
// other identifier is made by cloudplan, a prefix and a name said by what it names (a wave's
// number, a system's id, a property's name: never a running count, so that a re-plan that changes
// one wave leaves the others' identifiers alone), with the first prefix of "cp-", "cp1-", "cp2-",
// ... under which no made identifier equals a kept one. The same inventory always gives the same
// identifiers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/inventory.h"

namespace cloudplan::exporters {

// The names the writer makes identifiers of, after the prefix (ID: a system's id escaped, see
// escapedIdentifier; N: a wave's number; E, R: the identifier of an element, a relationship):
//   elements         "model", "baseline", "target", "gap-retired", "wave-N", "work-N",
//                    "deliverable-N", "system-ID"
//   relationships    "rel-baseline-wave-N", "rel-wave-N-wave-M", "rel-wave-N-target" (or
//                    "rel-baseline-target"): triggering; "rel-wave-N-work" (work package realizes
//                    deliverable), "rel-wave-N-deliverable" (deliverable realizes plateau);
//                    "rel-wave-N-has-ID", "rel-target-has-ID" (aggregation); "rel-gap-baseline",
//                    "rel-gap-target", "rel-gap-has-ID" (association); "dep-ID__ID" (a
//                    dependency, consumer then provider, without a relationship of its own)
//   other            "prop-" and a property name escaped; "view-roadmap", "view-wave-N";
//                    "node-V-E", "conn-V-R" in view V ("roadmap" or "wave-N")
// An escaped text never holds "__" ('_' is always followed by two hex digits) and an xs:ID never
// starts with a digit, so no two of these names are the same.
struct ArchimateIdentifiers {
  std::string prefix;
  std::vector<std::string> systems;       // by SystemIndex
  std::vector<std::string> dependencies;  // by position in Inventory::dependencies

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
