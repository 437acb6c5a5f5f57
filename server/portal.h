// `cloudplan serve`: the submission portal over HTTP (cpp-httplib). Ministries upload their
// inventories and read the feedback, the national office plans, reviewers read the reports; the
// same operations as JSON under /api/ (docs/api.md). Every route checks who asks (session cookie
// or bearer token) against what it touches; every write is a store transaction.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "models/plan.h"

namespace cloudplan::server {

struct PortalLimits {
  size_t maxFileBytes = 64u << 20;      // one uploaded file
  size_t maxRequestBytes = 256u << 20;  // one request, all of its parts
  size_t maxFiles = 50;                 // files in one upload
  unsigned workers = 8;                 // requests handled at once; more wait in a queue
  unsigned timeoutSeconds = 30;         // to read a request, or write a response
  unsigned sessionHours = 12;
};

struct PortalOptions {
  std::string store;  // the store's path
  std::string host = "127.0.0.1";
  int port = 8080;      // 0: any free port (tests); `ready` is told which
  std::string baseUrl;  // as users reach it, e.g. https://portal.gov.example; https: Secure cookies
  PortalLimits limits;
  models::PlanSettings settings;  // "plan now" plans with these (cloudplan.toml's)
  std::string settingsJson;       // the same, as plan.json writes them, to show
  // Told the address once the server listens ("127.0.0.1:41234"), before it serves.
  std::function<void(const std::string& address)> ready;
};

// Serves until `stop` becomes true (checked between requests) or the process is signalled.
// Returns 0 on a clean stop; on an error before serving (the store cannot be opened, the port is
// taken) `error` says what and what to do, and it returns 1.
int servePortal(const PortalOptions& options, const std::atomic<bool>& stop, std::string& error);

}  // namespace cloudplan::server
