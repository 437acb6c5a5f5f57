// What changed between two sets of an agency's rows: systems and dependencies added, removed
// and changed field by field. A submission compares its part before and after; `history --diff`
// compares the rows a past submission closed with those it opened, which is the same question.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "models/submission.h"
#include "store/stored_rows.h"

namespace cloudplan::store {

struct RowChanges {
  models::SubmissionChanges changes;
  // The writes that make `after` current where `before` was.
  std::vector<SystemRow> insertSystems;
  std::vector<std::string> closeSystems;
  std::vector<DependencyRow> insertDependencies;
  std::vector<std::pair<std::string, std::string>> closeDependencies;
};

// `agencyOfSystem` names the agency of a dependency's provider, empty when the store does not
// have it (the reference is then unresolved).
RowChanges compareRows(const std::vector<SystemRow>& before, const std::vector<SystemRow>& after,
                       const std::vector<DependencyRow>& beforeDependencies,
                       const std::vector<DependencyRow>& afterDependencies,
                       const std::function<std::string(const std::string&)>& agencyOfSystem);

// The register's changes, by agency: `id` is the code, `agency` the parent.
struct AgencyChanges {
  std::vector<models::SystemChange> added;
  std::vector<models::SystemChange> removed;
  std::vector<models::SystemChange> changed;
};
AgencyChanges compareAgencyRows(const std::vector<AgencyRow>& before,
                                const std::vector<AgencyRow>& after);

}  // namespace cloudplan::store
