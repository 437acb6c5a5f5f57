// The rate limit on logins: a client (by address) that fails too often is refused for a while,
// so that tokens cannot be guessed at the server's speed. Safe to call from several threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cloudplan::server {

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // At most `failures` failed logins per client in any `window`.
  LoginLimiter(size_t failures = 10, Clock::duration window = std::chrono::minutes(5))
      : failures_(failures), window_(window) {}

  // Whether the client may try now; when not, `retryAfter` says in how many seconds it may.
  bool allows(const std::string& client, Clock::time_point now, long& retryAfter);
  // Failures are forgotten only as the window passes: a success does not clear them, or one
  // account's holder could buy unlimited guesses at others' tokens.
  void failed(const std::string& client, Clock::time_point now);

 private:
  struct Record {
    size_t failures = 0;
    Clock::time_point first;
  };
  size_t failures_;
  Clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Record> clients_;
};

}  // namespace cloudplan::server
