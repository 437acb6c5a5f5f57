// Who sent a request: the account behind its session cookie or its bearer token, and the
// agencies it acts for. Tokens are checked against their Argon2id hash once, then remembered by a
// keyed digest for as long as the account's hash is unchanged; the account row is read on every
// request, so a revoked token stops working at once.
#pragma once

#include <httplib.h>

#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/agency_register.h"
#include "store/portal_accounts.h"
#include "store/store_database.h"

namespace cloudplan::server {

// The cookies' names. Over https they carry the __Host- prefix, which browsers accept only from
// the host itself, Secure, for the whole site: a sibling subdomain cannot plant one.
std::string sessionCookieName(bool https);
std::string loginCookieName(bool https);

struct Caller {
  store::Account account;
  std::string sessionHash;            // empty: a bearer token
  std::string csrf;                   // the session's; empty for a bearer token
  std::vector<std::string> agencies;  // Role::agency: its agency and those below it

  bool readsAll() const { return account.role != store::Role::agency; }
  bool actsFor(std::string_view agency) const;  // may submit for it
  bool reads(std::string_view agency) const;
};

class CallerCheck {
 public:
  explicit CallerCheck(bool https) : sessionCookie_(sessionCookieName(https)) {}

  // The caller, or nullopt when the request carries no valid session or token. Without
  // `mayHash` (its address has failed too often) a token not checked before is not checked now;
  // one checked before still works.
  std::optional<Caller> identify(const httplib::Request& request, store::StoreDatabase& store,
                                 bool mayHash);
  // Whether `token` is the account's: from the remembered checks, or (with `mayHash`) by
  // Argon2id, two at a time.
  bool tokenVerified(const std::string& token, const store::Account& account, bool mayHash);
  // A sign-in whose name names no account (or not the token's) takes an Argon2id check all the
  // same, against a hash of nothing: how long the answer takes does not tell which names exist.
  void checkAsIfAnAccount(const std::string& token);

 private:
  std::string sessionCookie_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> verified_;  // digest of token -> hash it matched
  std::unordered_set<std::string> refused_;                // digests of tokens that did not
  // Argon2id takes 64 MiB and a tenth of a second: two at a time, however many guesses arrive.
  std::counting_semaphore<2> hashing_{2};
};

// The client's address, for the limits: the connection's, or the X-Real-IP header a reverse
// proxy on this machine sets (a connection from loopback); a remote client's header is ignored.
std::string clientAddress(const httplib::Request& request);

// A cookie's value from the Cookie header; empty when absent.
std::string cookieValue(const httplib::Request& request, std::string_view name);

// Whether a write by a session carries its CSRF token (a form's `csrf` field, or the
// X-CSRF-Token header). A bearer token needs none: no browser sends it on its own.
bool carriesCsrf(const httplib::Request& request, const Caller& caller);

}  // namespace cloudplan::server
