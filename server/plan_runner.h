// The national office's "plan now": the national inventory as it stands, planned with the
// portal's settings, every view rendered (report.html, a page per ministry, the diagrams) and
// all of it archived in the store as one plan. And the comparison of two archived plans.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "models/diagnostic.h"
#include "models/plan.h"
#include "store/store_database.h"

namespace cloudplan::server {

struct PlanRun {
  std::optional<uint32_t> plan;     // the archived plan's number; none: no plan (see diagnostics)
  models::Diagnostics diagnostics;  // the inventory's and the planner's (unresolved: warnings)
};

// References to systems the store does not have yet are left out with a warning each (a national
// plan cannot wait for every ministry). Uses Graphviz, which is not thread-safe: the caller runs
// one at a time (the portal holds a mutex). The store's write lock is taken only once every file
// is made, to archive them.
PlanRun planNationalInventory(store::StoreDatabase& store, const models::PlanSettings& settings,
                              const std::string& by);

// The HTML comparison of archived plans `from` and `to` (exporters' plan_diff_html); nullopt
// with `error` when either is missing or its plan.json cannot be read.
std::optional<std::string> comparePlans(store::StoreDatabase& store, uint32_t from, uint32_t to,
                                        std::string& error);

}  // namespace cloudplan::server
