// An agency's submission: its files replace its part of the national inventory (the systems of
// the agency and the agencies below it, and their dependencies), in one transaction, or are
// rejected with every reason and change nothing but the history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/diagnostic.h"
#include "models/submission.h"
#include "store/store_database.h"
#include "store/submission_records.h"

namespace cloudplan::store {

struct SubmitRequest {
  std::string agency;
  std::vector<std::string> inputs;  // files or folders, as for cloudplan plan
  // Files received in memory (the portal): read instead of inputs.
  std::vector<FileContent> uploaded;
  std::string by;
  std::string message;
  std::string encoding;  // of CSV files that are not UTF-8
};

struct SubmitOutcome {
  models::Submission submission;  // with its number: accepted or rejected, it is in the history
  models::Diagnostics diagnostics;
  models::SubmissionChanges changes;  // empty when rejected
};

// nullopt with `error` when nothing could be recorded: the agency is not in the register
// (`usage` set), or the store could not be written.
std::optional<SubmitOutcome> submitInventory(StoreDatabase& store, const SubmitRequest& request,
                                             std::string& error, bool& usage);

}  // namespace cloudplan::store
