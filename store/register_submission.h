// The national register of agencies: `store init` makes a store with it, `store agencies`
// replaces it. Each is a submission of the national office, kept in the history like any other.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/diagnostic.h"
#include "models/submission.h"
#include "store/row_changes.h"
#include "store/store_database.h"
#include "store/submission_records.h"

namespace cloudplan::store {

struct RegisterRequest {
  std::string file;  // an agencies CSV file: code, name, parent, limits, contacts
  // The file received in memory (the portal), read instead of `file`, which then names it.
  std::optional<FileContent> uploaded;
  std::string by;
  std::string message;
  std::string encoding;
};

struct RegisterOutcome {
  models::Submission submission;
  models::Diagnostics diagnostics;
  AgencyChanges changes;
};

// A new store at `path` holding the register. When the register has errors nothing is created
// (the outcome says why); nullopt with `error` when the store cannot be made.
std::optional<RegisterOutcome> initStore(const std::string& path, const RegisterRequest& request,
                                         std::string& error);

// Replaces the register; rejected (and only recorded) when it has errors, or when it leaves out
// an agency that still has systems.
std::optional<RegisterOutcome> replaceRegister(StoreDatabase& store, const RegisterRequest& request,
                                               std::string& error);

}  // namespace cloudplan::store
