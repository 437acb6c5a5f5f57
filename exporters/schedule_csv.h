// The plan as spreadsheets: schedule.csv (a row per system, with every property column of the
// inventory) and waves.csv (a row per wave).
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

std::string scheduleToCsv(const models::Inventory& inventory, const models::Plan& plan);
std::string wavesToCsv(const models::Plan& plan);

}  // namespace cloudplan::exporters
