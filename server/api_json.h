// What the portal's JSON API answers (docs/api.md): submissions with their diagnostics, agencies
// with their status, plans with their figures and links, and errors.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "models/diagnostic.h"
#include "models/submission.h"
#include "store/plan_archive.h"
#include "store/portal_accounts.h"
#include "store/store_status.h"

namespace cloudplan::server {

using Json = nlohmann::ordered_json;

// A submission; with `diagnostics` (may be null: a list of submissions leaves them out) and
// `changes` (null: not shown) when one submission is asked for.
Json submissionJson(const models::Submission& submission,
                    const std::vector<models::Diagnostic>* diagnostics,
                    const models::SubmissionChanges* changes);
Json agencyStatusJson(const store::AgencyStatus& status);
Json planJson(const store::PlanSummary& plan, const std::vector<std::string>& files);
Json accountJson(const store::Account& account, const std::vector<std::string>& agencies);
// {"status": 403, "error": "..."}
std::string errorJson(int status, std::string_view message);
// The text sent: UTF-8, invalid bytes replaced (inventory text is data, not trusted to be UTF-8).
std::string jsonText(const Json& json);

}  // namespace cloudplan::server
