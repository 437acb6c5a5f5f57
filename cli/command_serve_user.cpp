// `cloudplan serve-user DB add|list|revoke`: the portal's accounts, made and ended by the national
// office at the server's command line. A new account's token is printed once and kept only as
// its Argon2id hash.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "importers/suggest.h"
#include "models/utc_time.h"
#include "server/credentials.h"
#include "store/portal_accounts.h"

namespace cloudplan::cli {
namespace {

constexpr std::string_view kCommand = "serve-user";

void fail(std::string_view message) {
  printLine(std::cerr, fmt::format("{}: error: {}", kCommand, message));
}

// The account `add` is asked for, or nullopt after saying what is wrong with the options: an
// agency's account names its agency (--agency), the others their role (--role), never both.
std::optional<store::Account> accountToAdd(const ServeUserOptions& options) {
  const bool agency = !options.agency.empty();
  const bool role = !options.role.empty();
  if (agency && role) {
    fail(fmt::format(
        "--agency and --role both given (an agency's account is made with --agency CODE alone; "
        "--role is national or reviewer)"));
    return std::nullopt;
  }
  if (!agency && !role) {
    fail(
        "an account needs --agency CODE (an agency's officer) or --role national or --role "
        "reviewer (cloudplan help serve-user tells what each may do)");
    return std::nullopt;
  }
  store::Account account{.name = options.name};
  if (agency) {
    account.role = store::Role::agency;
    account.agency = options.agency;
    return account;
  }
  const auto named = store::roleNamed(options.role);
  if (named == store::Role::agency) {
    fail(
        "--role agency is given as --agency CODE, which names the agency (give --agency CODE "
        "alone)");
    return std::nullopt;
  }
  if (!named) {
    static constexpr std::array<std::string_view, 2> kRoles{"national", "reviewer"};
    importers::Suggester suggester({kRoles.begin(), kRoles.end()});
    fail(fmt::format("--role {} is not a role{}", models::quoted(options.role),
                     importers::didYouMean(suggester.closest(options.role),
                                           " (national or reviewer; an agency's account is made "
                                           "with --agency CODE)")));
    return std::nullopt;
  }
  account.role = *named;
  return account;
}

std::string roleText(const store::Account& account) {
  return account.role == store::Role::agency ? fmt::format("role agency, agency {}", account.agency)
                                             : fmt::format("role {}", store::nameOf(account.role));
}

}  // namespace

int runServeUserAdd(const ServeUserOptions& options) {
  auto account = accountToAdd(options);
  if (!account) return kUsage;
  if (!server::initCredentials()) {
    fail("libsodium cannot start (no source of random numbers?), so no token can be made");
    return kInternal;
  }
  auto opened = openStore(kCommand, options.store);
  if (!opened) return kInputErrors;
  account->created = models::utcNow();
  // The token names the account's id, which the store assigns: it is made, and hashed, inside the
  // store's transaction that adds the account.
  std::string token;
  std::string error;
  const auto added = store::addAccount(*opened, *account, error, [&](int64_t id) {
    token = server::newAccountToken(id);
    return server::hashToken(token);
  });
  if (!added) {
    fail(error);
    return kInputErrors;
  }
  if (!isQuiet()) {
    printLine(std::cout,
              fmt::format("made account {}: {}, created {}; its token, shown this once "
                          "(the store keeps only a hash of it):",
                          models::quoted(added->name), roleText(*added), added->created));
  }
  // Alone on the last line, so that a script takes it with `tail -n 1`.
  std::cout << token << '\n';
  return kOk;
}

int runServeUserList(const std::string& path) {
  auto opened = openStore(kCommand, path);
  if (!opened) return kInputErrors;
  const std::vector<store::Account> accounts = store::listAccounts(*opened);
  if (accounts.empty()) {
    printLine(std::cout,
              fmt::format("no accounts (cloudplan serve-user {} add NAME --agency CODE makes one)",
                          path));
    return kOk;
  }
  struct Row {
    std::string name, role, agency, created, revoked;
  };
  std::vector<Row> rows{{"name", "role", "agency", "created", "revoked"}};
  for (const auto& account : accounts) {
    rows.push_back({printable(account.name), std::string(store::nameOf(account.role)),
                    account.agency.empty() ? "-" : printable(account.agency), account.created,
                    account.revoked.empty() ? "-" : account.revoked});
  }
  // Names and codes are ASCII (the store refuses others), so bytes are columns.
  size_t name = 0, role = 0, agency = 0, created = 0;
  for (const Row& row : rows) {
    name = std::max(name, row.name.size());
    role = std::max(role, row.role.size());
    agency = std::max(agency, row.agency.size());
    created = std::max(created, row.created.size());
  }
  for (const Row& row : rows) {
    std::cout << fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {}\n", row.name, name, row.role, role,
                             row.agency, agency, row.created, created, row.revoked);
  }
  return kOk;
}

int runServeUserRevoke(const std::string& path, const std::string& name) {
  auto opened = openStore(kCommand, path);
  if (!opened) return kInputErrors;
  const auto account = store::accountNamed(*opened, name);
  if (!account) {
    const std::vector<store::Account> accounts = store::listAccounts(*opened);
    std::vector<std::string_view> names;
    for (const auto& a : accounts)
      names.push_back(a.name);
    importers::Suggester suggester(names);
    fail(fmt::format(
        "no account named {}{}", models::quoted(name),
        importers::didYouMean(suggester.closest(name),
                              fmt::format(" (cloudplan serve-user {} list shows them)", path))));
    return kInputErrors;
  }
  if (!account->revoked.empty()) {
    fail(fmt::format("account {} was revoked already, at {} (nothing to do)", models::quoted(name),
                     account->revoked));
    return kInputErrors;
  }
  const std::string at = models::utcNow();
  if (!store::revokeAccount(*opened, name, at)) {
    // Revoked by another command between the two reads: what was asked is done all the same.
    fail(fmt::format("account {} was revoked meanwhile (nothing to do)", models::quoted(name)));
    return kInputErrors;
  }
  printLine(std::cout, fmt::format("revoked account {} ({}) at {}: its token and its sessions no "
                                   "longer work",
                                   models::quoted(name), roleText(*account), at));
  return kOk;
}

}  // namespace cloudplan::cli
