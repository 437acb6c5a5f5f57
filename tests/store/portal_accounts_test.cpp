// The portal's accounts and sessions in the store: what a name may be, an agency account's agency
// checked against the register (with did-you-mean), revocation ending the sessions, and sessions
// found only before they expire.
#include "store/portal_accounts.h"

#include <catch2/catch.hpp>

#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

namespace {

constexpr const char* kCreated = "2027-01-10T09:00:00Z";

store::Account accountOf(const std::string& name, store::Role role,
                         const std::string& agency = {}) {
  return {.name = name,
          .role = role,
          .agency = agency,
          .tokenHash = "$argon2id$v=19$m=65536,t=2,p=1$" + name,
          .created = kCreated};
}

// The error of an account that must be refused; the store keeps no account.
std::string refusal(StoreFixture& f, const store::Account& account) {
  std::string error;
  CHECK_FALSE(store::addAccount(f.db(), account, error));
  return error;
}

store::Account added(StoreFixture& f, const store::Account& account) {
  std::string error;
  const auto made = store::addAccount(f.db(), account, error);
  INFO(error);
  REQUIRE(made);
  CHECK(error.empty());
  return *made;
}

}  // namespace

TEST_CASE("an account is kept with its role, agency and token hash, and found by name and by id",
          "[store][accounts]") {
  StoreFixture f;
  const auto tax = added(f, accountOf("tax.officer@mof", store::Role::agency, "MOF-TAX"));
  const auto reviewer = added(f, accountOf("auditor_1", store::Role::reviewer));
  const auto national = added(f, accountOf("NationalOffice", store::Role::national));
  CHECK(tax.id == 1);
  CHECK(reviewer.id == 2);
  CHECK(national.id == 3);

  const auto found = store::accountNamed(f.db(), "tax.officer@mof");
  REQUIRE(found);
  CHECK(found->id == 1);
  CHECK(found->role == store::Role::agency);
  CHECK(found->agency == "MOF-TAX");
  CHECK(found->tokenHash == "$argon2id$v=19$m=65536,t=2,p=1$tax.officer@mof");
  CHECK(found->created == kCreated);
  CHECK(found->revoked.empty());
  const auto byId = store::accountWithId(f.db(), 2);
  REQUIRE(byId);
  CHECK(byId->name == "auditor_1");
  CHECK(byId->role == store::Role::reviewer);
  CHECK(byId->agency.empty());
  CHECK_FALSE(store::accountNamed(f.db(), "Tax.Officer@mof"));
  CHECK_FALSE(store::accountWithId(f.db(), 4));

  std::vector<std::string> names;
  for (const auto& account : store::listAccounts(f.db()))
    names.push_back(account.name + " " + std::string(store::nameOf(account.role)));
  // By name, in byte order: capitals first.
  CHECK(names == std::vector<std::string>{"NationalOffice national", "auditor_1 reviewer",
                                          "tax.officer@mof agency"});
  // It outlives the connection: a server restarted finds it.
  f.reopen();
  CHECK(store::accountNamed(f.db(), "NationalOffice"));
}

TEST_CASE("the token's hash may be made from the id the account is given, in the same transaction",
          "[store][accounts]") {
  StoreFixture f;
  added(f, accountOf("first", store::Role::reviewer));
  std::string error;
  auto account = accountOf("second", store::Role::national);
  account.tokenHash.clear();
  const auto made = store::addAccount(
      f.db(), account, error, [](int64_t id) { return "hash of cpt_" + std::to_string(id); });
  REQUIRE(made);
  CHECK(made->id == 2);
  CHECK(made->tokenHash == "hash of cpt_2");
  CHECK(store::accountWithId(f.db(), 2)->tokenHash == "hash of cpt_2");
}

TEST_CASE("a role is named agency, reviewer or national", "[store][accounts]") {
  for (const auto role : {store::Role::agency, store::Role::reviewer, store::Role::national})
    CHECK(store::roleNamed(store::nameOf(role)) == role);
  CHECK(store::nameOf(store::Role::reviewer) == "reviewer");
  CHECK_FALSE(store::roleNamed("Reviewer"));
  CHECK_FALSE(store::roleNamed("admin"));
}

TEST_CASE("an account name is 1 to 64 letters, digits, '.', '_', '-' or '@'", "[store][accounts]") {
  StoreFixture f;
  CHECK(refusal(f, accountOf("", store::Role::reviewer)) ==
        "an account needs a name (1 to 64 letters, digits, '.', '_', '-' or '@')");
  CHECK(refusal(f, accountOf(std::string(65, 'a'), store::Role::reviewer)) ==
        "account name '" + std::string(65, 'a') +
            "': 65 bytes, longer than 64 (choose a shorter name)");
  for (const std::string name : {"jane doe", "jane/doe", "j\xc3\xa9r\xc3\xb4me", "a'b", "x\ty"}) {
    INFO(name);
    CHECK(refusal(f, accountOf(name, store::Role::reviewer)) ==
          "account name " + models::quoted(name) +
              ": only letters, digits, '.', '_', '-' and '@' may be used (choose another name)");
  }
  added(f, accountOf(std::string(64, 'a'), store::Role::reviewer));
  added(f, accountOf("A.b_c-d@e9", store::Role::reviewer));
  CHECK(f.count("SELECT count(*) FROM accounts") == 2);
}

TEST_CASE("a name is taken once, and stays taken after its account is revoked",
          "[store][accounts]") {
  StoreFixture f;
  added(f, accountOf("jane", store::Role::reviewer));
  CHECK(refusal(f, accountOf("jane", store::Role::agency, "MOF")) ==
        "account 'jane' exists already (choose another name)");
  REQUIRE(store::revokeAccount(f.db(), "jane", "2027-02-01T08:00:00Z"));
  CHECK(refusal(f, accountOf("jane", store::Role::reviewer)) ==
        "account 'jane' exists already, revoked at 2027-02-01T08:00:00Z (choose another name: a "
        "name is not given twice)");
  CHECK(f.count("SELECT count(*) FROM accounts") == 1);
}

TEST_CASE("an agency account's agency must be in the register, with the closest code suggested",
          "[store][accounts]") {
  StoreFixture f;
  CHECK(refusal(f, accountOf("tax", store::Role::agency, "MOF-TAXX")) ==
        "agency 'MOF-TAXX': not in the national register of " + f.path +
            " (did you mean 'MOF-TAX'?)");
  CHECK(refusal(f, accountOf("health", store::Role::agency, "HEALTH")) ==
        "agency 'HEALTH': not in the national register of " + f.path +
            " (cloudplan store status lists the agencies)");
  CHECK(refusal(f, accountOf("tax", store::Role::agency)) ==
        "account 'tax': an agency account needs its agency (--agency CODE)");
  CHECK(f.count("SELECT count(*) FROM accounts") == 0);
}

TEST_CASE("a reviewer or national account has no agency", "[store][accounts]") {
  StoreFixture f;
  CHECK(refusal(f, accountOf("r", store::Role::reviewer, "MOF")) ==
        "a reviewer account has no agency (it reads the files of every agency; leave the agency "
        "out)");
  CHECK(refusal(f, accountOf("n", store::Role::national, "MOF")) ==
        "a national account has no agency (it acts for every agency; leave the agency out)");
}

TEST_CASE("a session is found by its key's hash until it expires", "[store][accounts]") {
  StoreFixture f;
  const auto jane = added(f, accountOf("jane", store::Role::agency, "MOF"));
  store::addSession(f.db(), {.keyHash = "k1",
                             .account = jane.id,
                             .csrf = "c1",
                             .created = "2027-01-10T09:00:00Z",
                             .expires = "2027-01-10T21:00:00Z"});
  const auto found = store::findSession(f.db(), "k1", "2027-01-10T20:59:59Z");
  REQUIRE(found);
  CHECK(found->account == jane.id);
  CHECK(found->csrf == "c1");
  CHECK(found->created == "2027-01-10T09:00:00Z");
  CHECK(found->expires == "2027-01-10T21:00:00Z");
  CHECK_FALSE(store::findSession(f.db(), "k1", "2027-01-10T21:00:00Z"));
  CHECK_FALSE(store::findSession(f.db(), "k2", "2027-01-10T10:00:00Z"));
  store::endSession(f.db(), "k1");
  CHECK_FALSE(store::findSession(f.db(), "k1", "2027-01-10T10:00:00Z"));
  CHECK(f.count("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE("expired sessions are removed, the others kept", "[store][accounts]") {
  StoreFixture f;
  const auto jane = added(f, accountOf("jane", store::Role::reviewer));
  for (const auto& [key, expires] :
       std::vector<std::pair<std::string, std::string>>{{"a", "2027-01-10T10:00:00Z"},
                                                        {"b", "2027-01-10T11:00:00Z"},
                                                        {"c", "2027-01-11T09:00:00Z"}}) {
    store::addSession(f.db(), {.keyHash = key,
                               .account = jane.id,
                               .csrf = "csrf-" + key,
                               .created = kCreated,
                               .expires = expires});
  }
  CHECK(store::endExpiredSessions(f.db(), "2027-01-10T11:00:00Z") == 2);
  CHECK(store::endExpiredSessions(f.db(), "2027-01-10T11:00:00Z") == 0);
  CHECK(store::findSession(f.db(), "c", "2027-01-10T11:00:00Z"));
}

TEST_CASE(
    "revoking an account ends its sessions and not another's, and a second revocation is false",
    "[store][accounts]") {
  StoreFixture f;
  const auto jane = added(f, accountOf("jane", store::Role::agency, "MOF"));
  const auto omar = added(f, accountOf("omar", store::Role::agency, "MOJ"));
  for (const auto& [key, id] : std::vector<std::pair<std::string, int64_t>>{
           {"j1", jane.id}, {"j2", jane.id}, {"o1", omar.id}}) {
    store::addSession(f.db(), {.keyHash = key,
                               .account = id,
                               .csrf = "c",
                               .created = kCreated,
                               .expires = "2027-01-10T21:00:00Z"});
  }
  CHECK(store::revokeAccount(f.db(), "jane", "2027-01-10T12:00:00Z"));
  CHECK(store::accountNamed(f.db(), "jane")->revoked == "2027-01-10T12:00:00Z");
  CHECK_FALSE(store::findSession(f.db(), "j1", "2027-01-10T12:00:01Z"));
  CHECK(f.count("SELECT count(*) FROM sessions WHERE account = 1") == 0);
  CHECK(store::findSession(f.db(), "o1", "2027-01-10T12:00:01Z"));
  CHECK_FALSE(store::revokeAccount(f.db(), "jane", "2027-01-10T13:00:00Z"));
  CHECK(store::accountNamed(f.db(), "jane")->revoked == "2027-01-10T12:00:00Z");
  CHECK_FALSE(store::revokeAccount(f.db(), "nobody", "2027-01-10T13:00:00Z"));
}

TEST_CASE("a session added for a revoked account is not found", "[store][accounts]") {
  StoreFixture f;
  const auto jane = added(f, accountOf("jane", store::Role::reviewer));
  REQUIRE(store::revokeAccount(f.db(), "jane", "2027-01-10T12:00:00Z"));
  // A login that checked the token just before the revocation and adds its session after.
  store::addSession(f.db(), {.keyHash = "late",
                             .account = jane.id,
                             .csrf = "c",
                             .created = "2027-01-10T12:00:00Z",
                             .expires = "2027-01-10T23:00:00Z"});
  CHECK_FALSE(store::findSession(f.db(), "late", "2027-01-10T12:00:01Z"));
}
