// The views of plan.archimate.xml (the exchange format's <views><diagrams>), so that the plan can
// be looked at in Archi and the other tools as soon as it is imported: a roadmap (Baseline, the
// waves' Plateaus and Target chained left to right by their triggering, each wave's WorkPackage
// and Deliverable below its Plateau, the Gap of the retired systems), and one view per wave, its
// Plateau holding its systems on a grid with the dependencies between them. Coordinates are
// absolute, as the format has them; every size is positive.
#pragma once

#include <string>
#include <vector>

#include "exporters/archimate/archimate_identifiers.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// What the model part of the file holds, by identifier, for the views to show.
struct PlanModelIds {
  std::string baseline, target;
  std::string gap;                                                // empty when no system retires
  std::vector<std::string> plateaus, workPackages, deliverables;  // by position in Plan::waves
  std::vector<std::string> triggering;  // Baseline -> wave 1, ..., last wave -> Target
  std::vector<std::string> workRealizes, deliverableRealizes;  // by position in Plan::waves
  std::vector<std::string> gapAssociations;                    // with Baseline, with Target
  struct Dependency {
    std::string relationship;
    models::SystemIndex source, target;  // the relationship's, which may run provider first
  };
  std::vector<Dependency> dependencies;
};

// A wave view draws at most this many systems, and says how many more the Plateau aggregates.
inline constexpr size_t kMaxSystemsPerWaveView = 400;

// Appends <views>...</views>.
void appendArchimateViews(std::string& out, const models::Inventory& inventory,
                          const models::Plan& plan, const ArchimateIdentifiers& ids,
                          const PlanModelIds& model);

}  // namespace cloudplan::exporters
