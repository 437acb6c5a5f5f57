#include "store/portal_accounts.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>

#include "importers/suggest.h"
#include "models/diagnostic.h"
#include "store/agency_register.h"

namespace cloudplan::store {
namespace {

constexpr size_t kMaxNameBytes = 64;
constexpr std::array<std::string_view, 3> kRoleNames = {"agency", "reviewer", "national"};

// Letters and digits of ASCII only: a name is typed at a login form and on a command line, and
// two names that look the same must be the same bytes.
bool isNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '@';
}

std::optional<std::string> nameProblem(std::string_view name) {
  if (name.empty())
    return "an account needs a name (1 to 64 letters, digits, '.', '_', '-' or '@')";
  if (name.size() > kMaxNameBytes) {
    return fmt::format("account name {}: {} bytes, longer than {} (choose a shorter name)",
                       models::quoted(name), name.size(), kMaxNameBytes);
  }
  for (const char c : name) {
    if (isNameCharacter(c)) continue;
    return fmt::format(
        "account name {}: only letters, digits, '.', '_', '-' and '@' may be used (choose "
        "another name)",
        models::quoted(name));
  }
  return std::nullopt;
}

constexpr const char* kAccountColumns =
    "id, name, role, agency, token_hash, created, coalesce(revoked, '')";

Account accountFrom(SQLite::Statement& query) {
  Account account;
  account.id = query.getColumn(0).getInt64();
  account.name = query.getColumn(1).getString();
  // The table's CHECK allows the three names only.
  account.role = roleNamed(query.getColumn(2).getText()).value_or(Role::agency);
  account.agency = query.getColumn(3).getString();
  account.tokenHash = query.getColumn(4).getString();
  account.created = query.getColumn(5).getString();
  account.revoked = query.getColumn(6).getString();
  return account;
}

std::optional<Account> accountWhere(StoreDatabase& store, const char* where,
                                    const std::function<void(SQLite::Statement&)>& bind) {
  SQLite::Statement query(store.sql(),
                          fmt::format("SELECT {} FROM accounts WHERE {}", kAccountColumns, where));
  bind(query);
  if (!query.executeStep()) return std::nullopt;
  return accountFrom(query);
}

}  // namespace

std::string_view nameOf(Role role) {
  return kRoleNames[static_cast<size_t>(role)];
}

std::optional<Role> roleNamed(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::optional<Account> addAccount(StoreDatabase& store, Account account, std::string& error,
                                  const std::function<std::string(int64_t id)>& tokenHashFor) {
  if (const auto problem = nameProblem(account.name)) {
    error = *problem;
    return std::nullopt;
  }
  if (account.role != Role::agency && !account.agency.empty()) {
    error = fmt::format("a {} account has no agency (it {} every agency; leave the agency out)",
                        nameOf(account.role),
                        account.role == Role::national ? "acts for" : "reads the files of");
    return std::nullopt;
  }
  if (account.role == Role::agency && account.agency.empty()) {
    error = fmt::format("account {}: an agency account needs its agency (--agency CODE)",
                        models::quoted(account.name));
    return std::nullopt;
  }
  SQLite::Database& database = store.sql();
  try {
    SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
    if (const auto taken = accountNamed(store, account.name)) {
      error = taken->revoked.empty()
                  ? fmt::format("account {} exists already (choose another name)",
                                models::quoted(account.name))
                  : fmt::format(
                        "account {} exists already, revoked at {} (choose another name: a "
                        "name is not given twice)",
                        models::quoted(account.name), taken->revoked);
      return std::nullopt;
    }
    if (account.role == Role::agency) {
      const AgencyRegister agencies(readAgencyRows(database, {}));
      if (!agencies.has(account.agency)) {
        error = fmt::format("agency {}: not in the national register of {}{}",
                            models::quoted(account.agency), store.path(),
                            importers::didYouMean(agencies.closest(account.agency),
                                                  " (cloudplan store status lists the agencies)"));
        return std::nullopt;
      }
    }
    SQLite::Statement insert(database,
                             "INSERT INTO accounts (name, role, agency, token_hash, created, "
                             "revoked) VALUES (?, ?, ?, ?, ?, NULL)");
    insert.bind(1, account.name);
    insert.bind(2, std::string(nameOf(account.role)));
    insert.bind(3, account.agency);
    insert.bind(4, account.tokenHash);
    insert.bind(5, account.created);
    insert.exec();
    account.id = database.getLastInsertRowid();
    account.revoked.clear();
    if (tokenHashFor) {
      account.tokenHash = tokenHashFor(account.id);
      SQLite::Statement hash(database, "UPDATE accounts SET token_hash = ? WHERE id = ?");
      hash.bind(1, account.tokenHash);
      hash.bind(2, account.id);
      hash.exec();
    }
    transaction.commit();
    return account;
  } catch (const SQLite::Exception& e) {
    error =
        fmt::format("{}: cannot add the account ({}; nothing was changed)", store.path(), e.what());
    return std::nullopt;
  }
}

std::optional<Account> accountNamed(StoreDatabase& store, std::string_view name) {
  return accountWhere(store, "name = ?",
                      [&](SQLite::Statement& query) { query.bind(1, std::string(name)); });
}

std::optional<Account> accountWithId(StoreDatabase& store, int64_t id) {
  return accountWhere(store, "id = ?", [&](SQLite::Statement& query) { query.bind(1, id); });
}

std::vector<Account> listAccounts(StoreDatabase& store) {
  SQLite::Statement query(store.sql(),
                          fmt::format("SELECT {} FROM accounts ORDER BY name", kAccountColumns));
  std::vector<Account> accounts;
  while (query.executeStep())
    accounts.push_back(accountFrom(query));
  return accounts;
}

bool revokeAccount(StoreDatabase& store, std::string_view name, const std::string& at) {
  SQLite::Database& database = store.sql();
  SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement revoke(database,
                           "UPDATE accounts SET revoked = ? WHERE name = ? AND revoked IS NULL");
  revoke.bind(1, at);
  revoke.bind(2, std::string(name));
  if (revoke.exec() != 1) return false;
  SQLite::Statement sessions(
      database, "DELETE FROM sessions WHERE account = (SELECT id FROM accounts WHERE name = ?)");
  sessions.bind(1, std::string(name));
  sessions.exec();
  transaction.commit();
  return true;
}

void addSession(StoreDatabase& store, const Session& session) {
  SQLite::Statement insert(
      store.sql(),
      "INSERT INTO sessions (key_hash, account, csrf, created, expires) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, session.keyHash);
  insert.bind(2, session.account);
  insert.bind(3, session.csrf);
  insert.bind(4, session.created);
  insert.bind(5, session.expires);
  insert.exec();
}

std::optional<Session> findSession(StoreDatabase& store, std::string_view keyHash,
                                   const std::string& now) {
  // A revoked account has no sessions left (revokeAccount ends them); the join keeps one added
  // while it was being revoked from counting.
  SQLite::Statement query(store.sql(),
                          "SELECT s.key_hash, s.account, s.csrf, s.created, s.expires "
                          "FROM sessions s JOIN accounts a ON a.id = s.account "
                          "WHERE s.key_hash = ? AND s.expires > ? AND a.revoked IS NULL");
  query.bind(1, std::string(keyHash));
  query.bind(2, now);
  if (!query.executeStep()) return std::nullopt;
  return Session{query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                 query.getColumn(2).getString(), query.getColumn(3).getString(),
                 query.getColumn(4).getString()};
}

void endSession(StoreDatabase& store, std::string_view keyHash) {
  SQLite::Statement remove(store.sql(), "DELETE FROM sessions WHERE key_hash = ?");
  remove.bind(1, std::string(keyHash));
  remove.exec();
}

size_t endExpiredSessions(StoreDatabase& store, const std::string& now) {
  SQLite::Statement remove(store.sql(), "DELETE FROM sessions WHERE expires <= ?");
  remove.bind(1, now);
  return static_cast<size_t>(remove.exec());
}

}  // namespace cloudplan::store
