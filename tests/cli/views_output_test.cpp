#include "cli/views_output.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

namespace cloudplan::cli {
namespace {

// What a call prints on standard error.
template <class Call>
std::string errorsOf(Call call) {
  std::ostringstream captured;
  auto* old = std::cerr.rdbuf(captured.rdbuf());
  call();
  std::cerr.rdbuf(old);
  return captured.str();
}

// Ministries A and B, B with an office B-1, and an agency coded "all": a ministry, or an office
// of B-1.
models::Inventory agencies(bool ministryAll) {
  models::Inventory inventory;
  inventory.internAgency("A");
  const auto b = inventory.internAgency("B");
  const auto office = inventory.internAgency("B-1");
  inventory.agencies[office].parent = b;
  const auto all = inventory.internAgency("all");
  if (!ministryAll) inventory.agencies[all].parent = office;
  return inventory;
}

TEST_CASE("agency all may be given alone or repeated, not with codes") {
  bool ok = false;
  CHECK(errorsOf([&] { ok = checkAgencyAll("render", {"all"}); }).empty());
  CHECK(ok);
  CHECK(errorsOf([&] { ok = checkAgencyAll("render", {"all", "all"}); }).empty());
  CHECK(ok);
  CHECK(errorsOf([&] { ok = checkAgencyAll("render", {"MOH", "MOF"}); }).empty());
  CHECK(ok);
  CHECK(errorsOf([&] {
          ok = checkAgencyAll("render", {"MOH", "all", "MOF"});
        }) ==
        "cloudplan render: error: --agency all cannot be given with agency codes ('MOH', 'MOF') "
        "(all draws every ministry: give all alone, or the codes alone)\n");
  CHECK_FALSE(ok);
}

TEST_CASE("agency all selects every ministry, in the plan's order, and the index") {
  models::Inventory inventory;
  inventory.internAgency("MOH");
  const auto office = inventory.internAgency("MOH-NHI");
  inventory.agencies[office].parent = 0;
  inventory.internAgency("DGA");
  exporters::RenderOptions options;
  options.agencies = {"all"};
  models::Diagnostics diagnostics;
  selectAllAgencies(inventory, options, diagnostics);
  CHECK(options.agencies == std::vector<std::string>{"MOH", "DGA"});
  CHECK(options.agencyIndex);
  CHECK(diagnostics.all().empty());
  // Codes are left as they are.
  exporters::RenderOptions codes;
  codes.agencies = {"MOH-NHI"};
  selectAllAgencies(inventory, codes, diagnostics);
  CHECK(codes.agencies == std::vector<std::string>{"MOH-NHI"});
  CHECK_FALSE(codes.agencyIndex);
}

TEST_CASE("an agency coded all is drawn as a ministry, or on its ministry's page, and told") {
  {
    const models::Inventory inventory = agencies(true);
    exporters::RenderOptions options;
    options.agencies = {"all"};
    models::Diagnostics diagnostics;
    selectAllAgencies(inventory, options, diagnostics);
    CHECK(options.agencies == std::vector<std::string>{"A", "B", "all"});
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].severity == models::Severity::warning);
    CHECK(diagnostics.all()[0].message ==
          "--agency all means every ministry: the plan's ministry coded 'all' is one of them "
          "(its page is report-all.html)");
  }
  {
    const models::Inventory inventory = agencies(false);
    exporters::RenderOptions options;
    options.agencies = {"all"};
    models::Diagnostics diagnostics;
    selectAllAgencies(inventory, options, diagnostics);
    CHECK(options.agencies == std::vector<std::string>{"A", "B"});
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].message ==
          "--agency all means every ministry: the plan's agency coded 'all' is an office of 'B' "
          "and has no page of its own (it is on the page of 'B', report-B.html)");
  }
}

}  // namespace
}  // namespace cloudplan::cli
