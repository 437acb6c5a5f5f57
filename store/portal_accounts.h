// The portal's accounts and their login sessions, kept in the store beside the inventory so that
// a server restart (or kill -9) loses neither. Only hashes of secrets are kept: the server makes
// and checks them (server/credentials.h); the store never sees a token or a session key.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store_database.h"

namespace cloudplan::store {

// agency: acts for its agency and the agencies below it; reviewer: reads plans and reports;
// national: the national office, which manages the register and makes plans.
enum class Role : uint8_t { agency, reviewer, national };
std::string_view nameOf(Role role);  // "agency", "reviewer", "national"
std::optional<Role> roleNamed(std::string_view name);

struct Account {
  int64_t id = 0;
  std::string name;  // unique; letters, digits, '.', '_', '-', '@'; 1-64 bytes
  Role role = Role::agency;
  std::string agency;     // Role::agency only: its code in the register
  std::string tokenHash;  // Argon2id, libsodium's crypto_pwhash_str form
  std::string created;    // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string revoked;    // UTC; empty: not revoked
};

// Adds an account (its id is assigned and returned). nullopt with `error` (a message a user can
// act on) when the name is taken or not a valid name, or, for Role::agency, when the agency is
// not in the register (with the closest code). In a transaction of its own.
// A token names its account's id (server/credentials.h), which is known only here: when
// `tokenHashFor` is given, the account's tokenHash is what it returns for the id, in the same
// transaction, so that no account is ever kept without its hash.
std::optional<Account> addAccount(StoreDatabase& store, Account account, std::string& error,
                                  const std::function<std::string(int64_t id)>& tokenHashFor = {});
std::optional<Account> accountNamed(StoreDatabase& store, std::string_view name);
std::optional<Account> accountWithId(StoreDatabase& store, int64_t id);
std::vector<Account> listAccounts(StoreDatabase& store);  // by name
// Revokes at `at` (UTC) and ends the account's sessions; false when there is no such account
// or it is already revoked.
bool revokeAccount(StoreDatabase& store, std::string_view name, const std::string& at);

struct Session {
  std::string keyHash;  // the hash of the cookie's key (the key itself is never stored)
  int64_t account = 0;
  std::string csrf;     // the token every form of the session carries
  std::string created;  // UTC
  std::string expires;  // UTC
};
void addSession(StoreDatabase& store, const Session& session);
// The session, when it exists and `now` (UTC) is before it expires.
std::optional<Session> findSession(StoreDatabase& store, std::string_view keyHash,
                                   const std::string& now);
void endSession(StoreDatabase& store, std::string_view keyHash);
// Removes the sessions expired at `now`; returns how many.
size_t endExpiredSessions(StoreDatabase& store, const std::string& now);

}  // namespace cloudplan::store
