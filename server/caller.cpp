#include "server/caller.h"

#include <algorithm>

#include "models/utc_time.h"
#include "server/credentials.h"
#include "server/form_fields.h"
#include "store/stored_rows.h"

namespace cloudplan::server {
namespace {

constexpr size_t kRememberedTokens = 10'000;

std::string bearerToken(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) return {};
  return header.substr(kBearer.size());
}

}  // namespace

bool Caller::actsFor(std::string_view agency) const {
  if (account.role == store::Role::national) return true;
  if (account.role == store::Role::reviewer) return false;
  return std::find(agencies.begin(), agencies.end(), agency) != agencies.end();
}

bool Caller::reads(std::string_view agency) const {
  return readsAll() || std::find(agencies.begin(), agencies.end(), agency) != agencies.end();
}

std::string cookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find(';'), rest.size());
    std::string_view pair = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    while (!pair.empty() && pair.front() == ' ')
      pair.remove_prefix(1);
    const size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name)
      return std::string(pair.substr(equals + 1));
  }
  return {};
}

bool carriesCsrf(const httplib::Request& request, const Caller& caller) {
  if (caller.sessionHash.empty()) return true;
  std::string given = formField(request, "csrf");
  if (given.empty()) given = request.get_header_value("X-CSRF-Token");
  return !given.empty() && sameSecret(given, caller.csrf);
}

std::string sessionCookieName(bool https) {
  return https ? "__Host-cloudplan_session" : "cloudplan_session";
}

std::string loginCookieName(bool https) {
  return https ? "__Host-cloudplan_login" : "cloudplan_login";
}

std::string clientAddress(const httplib::Request& request) {
  const std::string& peer = request.remote_addr;
  const bool local = peer == "::1" || peer.rfind("127.", 0) == 0 || peer == "::ffff:127.0.0.1";
  const std::string forwarded = request.get_header_value("X-Real-IP");
  return local && !forwarded.empty() ? forwarded : peer;
}

bool CallerCheck::tokenVerified(const std::string& token, const store::Account& account,
                                bool mayHash) {
  const std::string digest = keyDigest(token);
  {
    std::lock_guard lock(mutex_);
    const auto it = verified_.find(digest);
    if (it != verified_.end() && it->second == account.tokenHash) return true;
    if (refused_.contains(digest)) return false;
  }
  if (!mayHash) return false;
  if (!hashing_.try_acquire_for(std::chrono::seconds(10))) return false;
  const bool matches = tokenMatches(token, account.tokenHash);
  hashing_.release();
  std::lock_guard lock(mutex_);
  if (matches) {
    if (verified_.size() >= kRememberedTokens) verified_.clear();
    verified_[digest] = account.tokenHash;
  } else {
    if (refused_.size() >= kRememberedTokens) refused_.clear();
    refused_.insert(digest);
  }
  return matches;
}

void CallerCheck::checkAsIfAnAccount(const std::string& token) {
  static const std::string nobody = hashToken(randomKey());
  if (!hashing_.try_acquire_for(std::chrono::seconds(10))) return;
  tokenMatches(token, nobody);
  hashing_.release();
}

std::optional<Caller> CallerCheck::identify(const httplib::Request& request,
                                            store::StoreDatabase& store, bool mayHash) {
  Caller caller;
  std::optional<store::Account> account;
  if (const std::string token = bearerToken(request); !token.empty()) {
    const auto id = accountIdOfToken(token);
    if (!id || !(account = store::accountWithId(store, *id)) || !account->revoked.empty() ||
        !tokenVerified(token, *account, mayHash)) {
      return std::nullopt;
    }
  } else if (const std::string key = cookieValue(request, sessionCookie_); !key.empty()) {
    const std::string hash = keyDigest(key);
    const auto session = store::findSession(store, hash, models::utcNow());
    if (!session || !(account = store::accountWithId(store, session->account)) ||
        !account->revoked.empty()) {
      return std::nullopt;
    }
    caller.sessionHash = hash;
    caller.csrf = session->csrf;
  } else {
    return std::nullopt;
  }
  caller.account = std::move(*account);
  if (caller.account.role == store::Role::agency) {
    const store::AgencyRegister agencies(store::readAgencyRows(store.sql(), {}));
    caller.agencies = agencies.scopeOf(caller.account.agency);
  }
  return caller;
}

}  // namespace cloudplan::server
