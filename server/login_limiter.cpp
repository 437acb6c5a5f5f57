#include "server/login_limiter.h"

namespace cloudplan::server {

bool LoginLimiter::allows(const std::string& client, Clock::time_point now, long& retryAfter) {
  std::lock_guard lock(mutex_);
  const auto it = clients_.find(client);
  if (it == clients_.end()) return true;
  const Clock::time_point reopens = it->second.first + window_;
  if (now >= reopens) {
    clients_.erase(it);
    return true;
  }
  if (it->second.failures < failures_) return true;
  retryAfter =
      static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(reopens - now).count()) +
      1;
  return false;
}

void LoginLimiter::failed(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Record& record = clients_[client];
  if (record.failures == 0 || now >= record.first + window_) record = {0, now};
  ++record.failures;
  // Addresses that fail once and never come back must not grow the table without end.
  if (clients_.size() > 100'000)
    std::erase_if(clients_, [&](const auto& entry) { return now >= entry.second.first + window_; });
}

}  // namespace cloudplan::server
