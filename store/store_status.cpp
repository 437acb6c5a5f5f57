#include "store/store_status.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <unordered_map>

#include "store/national_inventory.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"

namespace cloudplan::store {

StoreStatus storeStatus(StoreDatabase& store) {
  SQLite::Database& database = store.sql();
  SQLite::Transaction snapshot(database);
  StoreStatus status;
  status.submissions = lastSubmission(database);
  std::unordered_map<std::string, size_t> index;
  for (const AgencyRow& row : readAgencyRows(database, {})) {
    index.emplace(row.code, status.agencies.size());
    status.agencies.push_back({row.code, row.name, row.parent, {}, 0, 0, 0, {}});
  }
  if (const uint32_t last = lastAccepted(database, models::SubmissionKind::agencies, {}))
    status.lastRegister = readSubmission(database, last);
  std::vector<uint32_t> own(status.agencies.size());
  {
    SQLite::Statement last(database,
                           "SELECT agency, max(number) FROM submissions WHERE accepted = 1 AND "
                           "kind = 'inventory' GROUP BY agency");
    while (last.executeStep()) {
      const auto it = index.find(last.getColumn(0).getString());
      if (it != index.end()) own[it->second] = static_cast<uint32_t>(last.getColumn(1).getInt64());
    }
  }
  // When each agency entered the register: a ministry's submission made before that did not
  // speak for it.
  std::vector<int64_t> joined(status.agencies.size(), 0);
  {
    SQLite::Statement first(database, "SELECT code, min(since) FROM agencies GROUP BY code");
    while (first.executeStep()) {
      const auto it = index.find(first.getColumn(0).getString());
      if (it != index.end()) joined[it->second] = first.getColumn(1).getInt64();
    }
  }
  // The last accepted submission that spoke for each agency: its own, or its parent's (itself
  // found the same way) made since the agency joined, memoised so that a deep register costs one
  // visit per agency.
  constexpr int64_t kUnknown = -1, kOnPath = -2;
  std::vector<int64_t> spoke(status.agencies.size(), kUnknown);
  std::vector<size_t> path;
  for (size_t start = 0; start < status.agencies.size(); ++start) {
    // Up to the first agency already known, or the top; a parent on the path already would be
    // a cycle, which the register refuses.
    for (size_t a = start; spoke[a] == kUnknown;) {
      spoke[a] = kOnPath;
      path.push_back(a);
      const auto parent = index.find(status.agencies[a].parent);
      if (parent == index.end()) break;
      a = parent->second;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      const auto parent = index.find(status.agencies[*it].parent);
      const int64_t above =
          parent != index.end() && spoke[parent->second] > joined[*it] ? spoke[parent->second] : 0;
      spoke[*it] = std::max<int64_t>(own[*it], above);
    }
    path.clear();
  }
  SQLite::Statement rejected(database,
                             "SELECT count(*) FROM submissions WHERE agency = ? AND accepted = 0 "
                             "AND number > ?");
  std::unordered_map<int64_t, std::optional<models::Submission>> submissions;
  for (size_t i = 0; i < status.agencies.size(); ++i) {
    AgencyStatus& agency = status.agencies[i];
    if (spoke[i] > 0) {
      auto [it, added] = submissions.try_emplace(spoke[i]);
      if (added) it->second = readSubmission(database, static_cast<uint32_t>(spoke[i]));
      agency.lastAccepted = it->second;
    }
    rejected.bind(1, agency.code);
    rejected.bind(2, static_cast<int64_t>(agency.lastAccepted ? agency.lastAccepted->number : 0));
    rejected.executeStep();
    agency.rejectedSince = static_cast<uint32_t>(rejected.getColumn(0).getInt64());
    rejected.reset();
  }
  auto count = [&](const char* sql, uint32_t AgencyStatus::*field) {
    SQLite::Statement query(database, sql);
    while (query.executeStep()) {
      const auto it = index.find(query.getColumn(0).getString());
      if (it != index.end())
        status.agencies[it->second].*field = static_cast<uint32_t>(query.getColumn(1).getInt64());
    }
  };
  count("SELECT agency, count(*) FROM systems WHERE until IS NULL GROUP BY agency",
        &AgencyStatus::systems);
  count("SELECT agency, count(*) FROM dependencies WHERE until IS NULL GROUP BY agency",
        &AgencyStatus::dependencies);
  SQLite::Statement unresolved(
      database,
      "SELECT d.agency, d.consumer, d.provider, d.since, f.name, d.line FROM dependencies d "
      "LEFT JOIN files f ON f.submission = d.since AND f.position = d.file "
      "WHERE d.until IS NULL AND NOT EXISTS (SELECT 1 FROM systems s WHERE s.id = d.provider "
      "AND s.until IS NULL) ORDER BY d.agency, d.consumer, d.provider");
  while (unresolved.executeStep()) {
    const auto it = index.find(unresolved.getColumn(0).getString());
    if (it == index.end()) continue;
    const auto since = static_cast<uint32_t>(unresolved.getColumn(3).getInt64());
    status.agencies[it->second].unresolved.push_back(
        {unresolved.getColumn(1).getString(), unresolved.getColumn(2).getString(),
         unresolved.getColumn(0).getString(),
         submittedFileName(store.path(), since, unresolved.getColumn(4).getString()) + ":" +
             std::to_string(unresolved.getColumn(5).getInt64())});
  }
  return status;
}

}  // namespace cloudplan::store
