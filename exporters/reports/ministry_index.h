// ministries.html, which `render --agency all` writes beside the ministries' pages: a row per
// ministry (a top-level agency) with its name and code, its CIO, its systems, the waves they span,
// its risks and a link to its report-CODE.html. Self-contained like report.html; every text of
// the inventory is escaped.
#pragma once

#include <string>
#include <vector>

#include "exporters/reports/agency_page.h"
#include "models/agency_tree.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

namespace cloudplan::exporters {

// The ministries: the agencies with no parent, in the inventory's order.
std::vector<models::AgencyIndex> ministriesOf(const models::Inventory& inventory);

// The CIO column shows the contacts whose key starts with "cio" (cio_name, cio_email; any case);
// for a ministry with none, those whose key holds "contact" or "mail".
// `pages`: the agencies whose report-CODE.html is written beside the index; a ministry without
// one is listed, not linked.
// `tree` and `spans` (waveSpansOf) are the plan's, made once for all its pages.
std::string ministryIndexToHtml(const models::Inventory& inventory, const models::AgencyTree& tree,
                                const std::vector<WaveSpan>& spans,
                                const models::RiskRegister& risks,
                                const std::vector<models::AgencyIndex>& pages);
// The same, the tree and the spans made for this page.
std::string ministryIndexToHtml(const models::Inventory& inventory, const models::Plan& plan,
                                const models::RiskRegister& risks,
                                const std::vector<models::AgencyIndex>& pages);

}  // namespace cloudplan::exporters
