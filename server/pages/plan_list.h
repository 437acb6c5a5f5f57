// The table of plans made that the national page and the plans page both show.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store/plan_archive.h"

namespace cloudplan::server {

// The plans as given (newest first), each with its figures and links to its report and its
// ministries' index; at most `limit` of them.
void appendPlanTable(std::string& out, const std::vector<store::PlanSummary>& plans, size_t limit);

}  // namespace cloudplan::server
