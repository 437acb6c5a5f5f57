// The risk register as an HTML table, the one report.html leads with and each ministry's page
// shows of its own: what is at risk, between which waves and for how long, how critical, in the
// register's order (highest exposure first). Every inventory text is escaped.
#pragma once

#include <string>
#include <vector>

#include "models/agency_tree.h"
#include "models/inventory.h"
#include "models/risk.h"

namespace cloudplan::exporters {

// The risks of `register_` that concern `agency` or an agency below it, in the register's order;
// models::kNone: all. One pass over the risks.
std::vector<const models::Risk*> risksOf(const models::AgencyTree& tree,
                                         const models::RiskRegister& register_,
                                         models::AgencyIndex agency);
// The same, the agency tree walked for this call.
std::vector<const models::Risk*> risksOf(const models::Inventory& inventory,
                                         const models::RiskRegister& register_,
                                         models::AgencyIndex agency);

// A <table class="risks"> of the first `limit` of `risks` (all when there are fewer), followed
// by a line saying how many more there are in risks.csv (linked: it is beside the page), if any; a
// paragraph saying so when there is none. Columns: #, the kind, the summary, the criticality (a td
// of class criticality-high, -medium or -low), the waves ("2 to 5", "after 3, for good"), a link's
// days ("28+" for good: counted to the plan's last day; "for good" from the last wave, none to
// count) and the exposure (exposureText, as risks.csv writes it). Each row has the class risk-KIND
// (risk-hybrid-link...).
std::string riskTableHtml(const std::vector<const models::Risk*>& risks, size_t limit);

}  // namespace cloudplan::exporters
