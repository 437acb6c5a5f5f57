// Where each agency stands in the national process: its last accepted submission, its part of
// the inventory, and the references of its systems that do not resolve yet.
#pragma once

#include <string>
#include <vector>

#include "models/submission.h"
#include "store/store_database.h"

namespace cloudplan::store {

struct UnresolvedReference {
  std::string consumer;
  std::string provider;
  std::string agency;  // the consumer's
  std::string source;  // STORE#N:FILE:LINE of the row that makes it
};

struct AgencyStatus {
  std::string code;
  std::string name;
  std::string parent;
  // The last accepted submission that spoke for the agency: its own, or one of an agency above
  // it (a ministry submits for its departments).
  std::optional<models::Submission> lastAccepted;
  uint32_t rejectedSince = 0;  // the agency's own rejected submissions after that one
  uint32_t systems = 0;
  uint32_t dependencies = 0;
  std::vector<UnresolvedReference> unresolved;
};

struct StoreStatus {
  uint32_t submissions = 0;
  std::optional<models::Submission> lastRegister;
  std::vector<AgencyStatus> agencies;  // in register order
};

StoreStatus storeStatus(StoreDatabase& store);

}  // namespace cloudplan::store
