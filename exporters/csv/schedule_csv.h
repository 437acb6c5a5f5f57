// The plan as spreadsheets: schedule.csv (a row per system, with every property column of the
// inventory) and waves.csv (a row per wave).
#pragma once

#include <string>

#include "exporters/text_sink.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// A property column named like one of the plan's own columns (wave, start, reasons...: without
// regard to case or surrounding blanks) is headed with this prefix, repeated until the name is
// free, so that no header is written twice: `wave` becomes `property_wave`.
inline constexpr std::string_view kRenamedPropertyPrefix = "property_";

std::string scheduleToCsv(const models::Inventory& inventory, const models::Plan& plan);
// The same, row by row into `sink`.
void writeScheduleCsv(const models::Inventory& inventory, const models::Plan& plan, TextSink& sink);
std::string wavesToCsv(const models::Plan& plan);

}  // namespace cloudplan::exporters
