#include "store/row_changes.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace cloudplan::store {
namespace {

models::SystemChange systemChange(const SystemRow& row) {
  return {row.id, row.name, row.agency, {}};
}

models::DependencyChange dependencyChange(const DependencyRow& row, std::string toAgency) {
  return {row.consumer, row.provider, row.agency, std::move(toAgency), row.coupling, {}};
}

}  // namespace

RowChanges compareRows(const std::vector<SystemRow>& before, const std::vector<SystemRow>& after,
                       const std::vector<DependencyRow>& beforeDependencies,
                       const std::vector<DependencyRow>& afterDependencies,
                       const std::function<std::string(const std::string&)>& agencyOfSystem) {
  RowChanges result;
  models::SubmissionChanges& changes = result.changes;
  std::unordered_map<std::string_view, const SystemRow*> old;
  for (const auto& row : before)
    old.emplace(row.id, &row);
  std::unordered_map<std::string_view, const SystemRow*> now;
  for (const auto& row : after)
    now.emplace(row.id, &row);
  for (const auto& row : after) {
    const auto it = old.find(row.id);
    if (it == old.end()) {
      changes.systemsAdded.push_back(systemChange(row));
      result.insertSystems.push_back(row);
      continue;
    }
    auto fields = it->second->changesTo(row);
    if (fields.empty()) continue;
    auto change = systemChange(row);
    change.fields = std::move(fields);
    changes.systemsChanged.push_back(std::move(change));
    result.closeSystems.push_back(row.id);
    result.insertSystems.push_back(row);
  }
  for (const auto& row : before) {
    if (now.contains(row.id)) continue;
    changes.systemsRemoved.push_back(systemChange(row));
    result.closeSystems.push_back(row.id);
  }

  using Pair = std::pair<std::string, std::string>;
  std::map<Pair, const DependencyRow*> oldDependencies;
  for (const auto& row : beforeDependencies)
    oldDependencies.emplace(Pair{row.consumer, row.provider}, &row);
  std::set<Pair> kept;
  for (const auto& row : afterDependencies) {
    Pair key{row.consumer, row.provider};
    std::string toAgency = agencyOfSystem(row.provider);
    if (toAgency.empty()) changes.unresolved.push_back(dependencyChange(row, {}));
    const auto it = oldDependencies.find(key);
    if (it == oldDependencies.end()) {
      changes.dependenciesAdded.push_back(dependencyChange(row, std::move(toAgency)));
      result.insertDependencies.push_back(row);
    } else if (auto fields = it->second->changesTo(row); !fields.empty()) {
      auto change = dependencyChange(row, std::move(toAgency));
      change.fields = std::move(fields);
      changes.dependenciesChanged.push_back(std::move(change));
      result.closeDependencies.push_back(key);
      result.insertDependencies.push_back(row);
    }
    kept.insert(std::move(key));
  }
  for (const auto& row : beforeDependencies) {
    Pair key{row.consumer, row.provider};
    if (kept.contains(key)) continue;
    changes.dependenciesRemoved.push_back(dependencyChange(row, agencyOfSystem(row.provider)));
    result.closeDependencies.push_back(std::move(key));
  }
  // By id, whatever order the files or the rows came in: the feedback and history --diff of a
  // submission list its changes alike.
  auto byId = [](auto& list) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  };
  auto byPair = [](auto& list) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });
  };
  byId(changes.systemsAdded);
  byId(changes.systemsRemoved);
  byId(changes.systemsChanged);
  byPair(changes.dependenciesAdded);
  byPair(changes.dependenciesRemoved);
  byPair(changes.dependenciesChanged);
  byPair(changes.unresolved);
  return result;
}

AgencyChanges compareAgencyRows(const std::vector<AgencyRow>& before,
                                const std::vector<AgencyRow>& after) {
  AgencyChanges changes;
  std::unordered_map<std::string_view, const AgencyRow*> old;
  for (const auto& row : before)
    old.emplace(row.code, &row);
  std::unordered_map<std::string_view, const AgencyRow*> now;
  for (const auto& row : after)
    now.emplace(row.code, &row);
  for (const auto& row : after) {
    models::SystemChange change{row.code, row.name, row.parent, {}};
    const auto it = old.find(row.code);
    if (it == old.end()) {
      changes.added.push_back(std::move(change));
    } else if (change.fields = it->second->changesTo(row); !change.fields.empty()) {
      changes.changed.push_back(std::move(change));
    }
  }
  for (const auto& row : before) {
    if (!now.contains(row.code)) changes.removed.push_back({row.code, row.name, row.parent, {}});
  }
  return changes;
}

}  // namespace cloudplan::store
