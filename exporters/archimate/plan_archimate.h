// The plan as an ArchiMate model in the Open Group exchange format (spec/archimate-mapping.md,
// "The plan as ArchiMate"): every system as an element with its type and properties, a Plateau
// Baseline, one Plateau per wave and a Plateau Target chained by Triggering, a WorkPackage per
// wave realizing a Deliverable that realizes the wave's Plateau, each wave's Plateau aggregating
// the systems that move or are switched off in it, Target aggregating the retained ones, and the
// retired ones associated with a Gap between Baseline and Target. Dependencies are relationships
// with their coupling and kind, and agencies `CODE - Name` folders, so that reading the file back
// gives the same inventory.
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// The whole file; the same inventory and plan always give the same bytes.
std::string planToArchimate(const models::Inventory& inventory, const models::Plan& plan);

// A system's identifier in the file: "id-" and the system id with every character other than a
// letter, digit, '-' or '.' written as '_' and two hex digits (identifiers are xs:ID).
std::string archimateIdentifierOf(std::string_view systemId);

}  // namespace cloudplan::exporters
