// The agency tree the reports and the diagrams share: parents, depths, ministries, "is below" and
// the offices of an agency, in one walk however deep the tree.
#include "models/agency_tree.h"

#include <catch2/catch.hpp>

namespace cloudplan::models {
namespace {

// MIN > DEP > OFF, MIN > DEP2; OTH beside; a list of agencies given offices-first.
Inventory tree() {
  Inventory inventory;
  const auto off = inventory.internAgency("OFF");
  const auto dep = inventory.internAgency("DEP");
  const auto min = inventory.internAgency("MIN");
  const auto oth = inventory.internAgency("OTH");
  const auto dep2 = inventory.internAgency("DEP2");
  inventory.agencies[off].parent = dep;
  inventory.agencies[dep].parent = min;
  inventory.agencies[dep2].parent = min;
  (void)oth;
  return inventory;
}

std::vector<std::string> codesOf(const Inventory& inventory, auto agencies) {
  std::vector<std::string> codes;
  for (const AgencyIndex a : agencies)
    codes.emplace_back(inventory.agencies[a].code);
  return codes;
}

TEST_CASE("the agency tree knows each agency's parent, depth and ministry") {
  const Inventory inventory = tree();
  const AgencyTree t(inventory);
  auto at = [&](std::string_view code) { return *inventory.findAgency(code); };
  CHECK(t.parentOf(at("OFF")) == at("DEP"));
  CHECK(t.parentOf(at("MIN")) == kNone);
  CHECK(t.parentOf(kNone) == kNone);
  CHECK(t.depth(at("OFF")) == 2);
  CHECK(t.deepest() == 2);
  CHECK(t.ministryOf(at("OFF")) == at("MIN"));
  CHECK(t.ministryOf(at("OTH")) == at("OTH"));
  CHECK(t.ministryOf(kNone) == kNone);
}

TEST_CASE("an agency is within itself and its ancestors, not its siblings or offices") {
  const Inventory inventory = tree();
  const AgencyTree t(inventory);
  auto at = [&](std::string_view code) { return *inventory.findAgency(code); };
  CHECK(t.within(at("OFF"), at("MIN")));
  CHECK(t.within(at("OFF"), at("DEP")));
  CHECK(t.within(at("OFF"), at("OFF")));
  CHECK_FALSE(t.within(at("DEP"), at("OFF")));
  CHECK_FALSE(t.within(at("DEP2"), at("DEP")));
  CHECK_FALSE(t.within(at("OFF"), at("OTH")));
  CHECK_FALSE(t.within(kNone, at("MIN")));
  CHECK_FALSE(t.within(at("MIN"), kNone));
}

TEST_CASE("the walk puts each ministry before its offices, in the inventory's order") {
  const Inventory inventory = tree();
  const AgencyTree t(inventory);
  CHECK(codesOf(inventory, t.order()) ==
        std::vector<std::string>{"MIN", "DEP", "OFF", "DEP2", "OTH"});
  CHECK(codesOf(inventory, t.officesOf(*inventory.findAgency("MIN"))) ==
        std::vector<std::string>{"DEP", "OFF", "DEP2"});
  CHECK(t.officesOf(*inventory.findAgency("OTH")).empty());
}

TEST_CASE("a circle of parents is taken as ministries, and a chain of 100,000 is walked") {
  Inventory inventory;
  const auto a = inventory.internAgency("A");
  const auto b = inventory.internAgency("B");
  inventory.agencies[a].parent = b;
  inventory.agencies[b].parent = a;
  const AgencyTree circle(inventory);
  CHECK(circle.parentOf(a) == kNone);
  CHECK(circle.parentOf(b) == kNone);
  CHECK(circle.order().size() == 2);
  Inventory chain;
  AgencyIndex previous = kNone;
  for (int i = 0; i < 100000; ++i) {
    const auto next = chain.internAgency("A" + std::to_string(i));
    chain.agencies[next].parent = previous;
    previous = next;
  }
  const AgencyTree deep(chain);
  CHECK(deep.deepest() == 99999);
  CHECK(deep.ministryOf(previous) == 0);
  CHECK(deep.within(previous, 0));
  CHECK(deep.officesOf(0).size() == 99999);
}

}  // namespace
}  // namespace cloudplan::models
