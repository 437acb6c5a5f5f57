// The store's rows: extra columns as JSON and back, and what changed between two versions of a
// row, field by field.
#include "store/stored_rows.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace cloudplan;
using Pairs = std::vector<std::pair<std::string, std::string>>;

namespace {

std::string jsonOf(const Pairs& pairs, std::string_view documentation = {}) {
  std::vector<models::Property> properties;
  for (const auto& [key, value] : pairs)
    properties.push_back({key, value});
  return store::propertiesJson(properties, documentation);
}

std::vector<std::string> linesOf(const std::vector<models::FieldChange>& changes) {
  std::vector<std::string> lines;
  for (const auto& c : changes)
    lines.push_back(c.field + ": '" + c.before + "' -> '" + c.after + "'");
  return lines;
}

store::SystemRow ifmis() {
  return {.id = "MOF/ifmis",
          .agency = "MOF",
          .name = "IFMIS",
          .type = "application",
          .strategy = "replatform",
          .criticality = "high",
          .effortDays = 50,
          .target = "gov-cloud",
          .properties = jsonOf({{"os", "RHEL 7"}, {"owner", "Accountant General"}}),
          .source = {2, 0, 2}};
}

}  // namespace

TEST_CASE("extra columns go to JSON and back with quotes, unicode, empty values and their order",
          "[store][rows]") {
  const Pairs pairs = {{"notes", "says \"hello\", then \\ and \n a new line"},
                       {"owner", "Tomás Herrera — 국세청"},
                       {"empty", ""},
                       {"", "a value without a key"},
                       {"tab\there", "\x01 control"}};
  const std::string json = jsonOf(pairs);
  CHECK(store::propertiesFromJson(json) == pairs);
}

TEST_CASE("no extra columns is no JSON at all, and the documentation comes first",
          "[store][rows]") {
  CHECK(jsonOf({}).empty());
  CHECK(store::propertiesFromJson("").empty());
  CHECK(jsonOf({{"os", "RHEL"}}, "Runs \"payroll\"") ==
        R"([["documentation","Runs \"payroll\""],["os","RHEL"]])");
  CHECK(store::propertiesFromJson(jsonOf({}, "doc")) == Pairs{{"documentation", "doc"}});
}

TEST_CASE("properties JSON that is not a list of pairs reads as none, or as its good pairs",
          "[store][rows]") {
  CHECK(store::propertiesFromJson("not json").empty());
  CHECK(store::propertiesFromJson(R"({"os": "RHEL"})").empty());
  CHECK(store::propertiesFromJson(R"([["os", "RHEL"], ["x"], [1, "y"], "z", ["k", "v"]])") ==
        Pairs{{"os", "RHEL"}, {"k", "v"}});
}

TEST_CASE("a system row written again unchanged has no changes, whatever its source",
          "[store][rows]") {
  store::SystemRow again = ifmis();
  again.source = {7, 3, 40};
  CHECK(ifmis().changesTo(again).empty());
}

TEST_CASE("a system row's changes are listed field by field, old -> new", "[store][rows]") {
  store::SystemRow after = ifmis();
  after.name = "IFMIS (cloud)";
  after.agency = "MOF-TAX";
  after.type = "platform";
  after.strategy = "refactor";
  after.criticality = "low";
  after.effortDays = 62.5;
  after.target = "";
  after.pinnedWave = 3;
  after.notBefore = "2027-06-01";
  after.finishBy = "2027-12-31";
  after.properties = jsonOf({{"hosting", "cloud"}, {"os", "RHEL 9"}});
  CHECK(linesOf(ifmis().changesTo(after)) ==
        std::vector<std::string>{
            "name: 'IFMIS' -> 'IFMIS (cloud)'", "agency: 'MOF' -> 'MOF-TAX'",
            "type: 'application' -> 'platform'", "strategy: 'replatform' -> 'refactor'",
            "criticality: 'high' -> 'low'", "effort_days: '50' -> '62.5'",
            "target: 'gov-cloud' -> ''", "pinned_wave: '' -> '3'", "not_before: '' -> '2027-06-01'",
            "finish_by: '' -> '2027-12-31'", "hosting: '' -> 'cloud'", "os: 'RHEL 7' -> 'RHEL 9'",
            "owner: 'Accountant General' -> ''"});
  // And back again: the same fields, the other way round.
  CHECK(linesOf(after.changesTo(ifmis())).size() == 13);
}

TEST_CASE("an extra column moved to another place, or left empty, is not a change",
          "[store][rows]") {
  store::SystemRow after = ifmis();
  after.properties = jsonOf({{"owner", "Accountant General"}, {"empty", ""}, {"os", "RHEL 7"}});
  CHECK(ifmis().changesTo(after).empty());
}

TEST_CASE(
    "a dependency row's changes: its agency (its consumer's), coupling, kind, description "
    "and extra columns",
    "[store][rows]") {
  const store::DependencyRow before{.consumer = "MOF/ifmis",
                                    .provider = "DGA/sso",
                                    .agency = "MOF",
                                    .coupling = "normal",
                                    .kind = "auth",
                                    .description = "login",
                                    .properties = jsonOf({{"protocol", "SAML"}}),
                                    .source = {2, 1, 3}};
  store::DependencyRow after = before;
  after.source = {5, 0, 9};
  CHECK(before.changesTo(after).empty());
  after.agency = "MOF-TAX";
  after.coupling = "tight";
  after.kind = "";
  after.description = "staff login";
  after.properties = jsonOf({{"protocol", "OIDC"}});
  CHECK(linesOf(before.changesTo(after)) ==
        std::vector<std::string>{"agency: 'MOF' -> 'MOF-TAX'", "coupling: 'normal' -> 'tight'",
                                 "kind: 'auth' -> ''", "description: 'login' -> 'staff login'",
                                 "protocol: 'SAML' -> 'OIDC'"});
}

TEST_CASE("an agency row's changes: name, parent and extra columns, not its position",
          "[store][rows]") {
  const store::AgencyRow before{.code = "MOF-TAX",
                                .name = "Tax Service",
                                .parent = "MOF",
                                .properties = jsonOf({{"cio_name", "Priya Raman"}}),
                                .position = 1};
  store::AgencyRow after = before;
  after.position = 4;
  CHECK(before.changesTo(after).empty());
  after.name = "National Tax Service";
  after.parent = "";
  after.properties = "";
  after.maxSystemsPerWave = 6;
  after.maxEffortPerWave = 90.5;
  CHECK(linesOf(before.changesTo(after)) ==
        std::vector<std::string>{"name: 'Tax Service' -> 'National Tax Service'",
                                 "parent: 'MOF' -> ''", "max_systems_per_wave: '' -> '6'",
                                 "max_effort_per_wave: '' -> '90.5'",
                                 "cio_name: 'Priya Raman' -> ''"});
}
