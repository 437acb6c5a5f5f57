// The plan as an ArchiMate model in the Open Group exchange format (spec/archimate-mapping.md,
// "The plan as ArchiMate"): every system as an element with its type and properties, a Plateau
// Baseline, one Plateau per wave and a Plateau Target chained by Triggering, a WorkPackage per
// wave realizing a Deliverable that realizes the wave's Plateau, each wave's Plateau aggregating
// the systems that move or are switched off in it, Target aggregating the retained ones, and the
// retired ones associated with a Gap between Baseline and Target. Dependencies are relationships
// with their coupling and kind, and agencies `CODE - Name` folders, so that reading the file back
// gives the same inventory. Elements and relationships read from an ArchiMate model keep their
// identifiers (archimate_identifiers), so that the file merges back into the model; and views
// (archimate_views) show the roadmap and each wave.
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// The whole file; the same inventory and plan always give the same bytes.
std::string planToArchimate(const models::Inventory& inventory, const models::Plan& plan);

}  // namespace cloudplan::exporters
