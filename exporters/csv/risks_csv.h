// The risk register as a spreadsheet, risks.csv: a row per risk in the register's order (highest
// exposure first), its summary and the facts behind it in columns of their own, to filter and
// sort by. docs/reports.md (Risk register) says what each column holds.
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

namespace cloudplan::exporters {

// A risk's exposure as risks.csv and the risk tables write it: at most two decimals, without
// trailing zeros ("1234.5", "56", "0.07"), never an exponent.
std::string exposureText(double exposure);

std::string risksToCsv(const models::Inventory& inventory, const models::Plan& plan,
                       const models::RiskRegister& register_);

}  // namespace cloudplan::exporters
