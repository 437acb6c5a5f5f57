// From an ArchiMate model to inventory records, as spec/archimate-mapping.md says: which elements
// become systems and with what fields, their agencies (an `agency` property, an enclosing
// `CODE - Name` folder, a BusinessActor they are related to, or the default agency; one error
// for a model where no system has one), and which relationships, directly or through
// services, functions and artifacts, become dependencies. Everything goes into the
// InventoryBuilder, so ArchiMate models and inventory CSV files mix in one run.
#pragma once

#include <optional>
#include <string_view>

#include "importers/archimate/archimate_mapping_report.h"
#include "importers/archimate/archimate_model.h"
#include "importers/inventory_builder.h"

namespace cloudplan::importers {

struct ArchimateMappingOptions {
  std::string_view defaultAgency;            // for systems with no agency otherwise; may be empty
  ArchimateMappingReport* report = nullptr;  // added to when given
};

void mapArchimateModel(InventoryBuilder& builder, const ArchimateModel& model,
                       const ArchimateMappingOptions& options);

// "MOF - Ministry of Finance" -> {"MOF", "Ministry of Finance"}: a folder label that names an
// agency. The code is letters, digits and -_.:/ ; a hyphen or an en dash with blanks around it
// separates it from the name.
struct AgencyLabel {
  std::string_view code;
  std::string_view name;
};
std::optional<AgencyLabel> agencyLabelOf(std::string_view label);

}  // namespace cloudplan::importers
