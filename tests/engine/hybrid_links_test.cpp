#include "engine/hybrid_links.h"

#include <catch2/catch.hpp>

#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

TEST_CASE("a retired end is gone after its wave and never counts as moved") {
  const auto inventory = testing::inventoryFrom(
      "id,name,agency,strategy\na,A,X,rehost\nold,Old,X,retire\n", "from,to\na,old\n");
  // a moves in wave 1, old is switched off in wave 2: hybrid after wave 1 only.
  const auto links = countHybridLinks(inventory, {1, 2}, 2);
  CHECK(links.afterWave == std::vector<uint32_t>{1, 0});
  CHECK(links.peak == 1);
  CHECK(links.permanent == 0);
}

TEST_CASE("links to retained systems stay hybrid for good") {
  const auto inventory =
      testing::inventoryFrom("id,name,agency,strategy\na,A,X,rehost\nkeep,K,X,retain\n",
                             "from,to,coupling\nkeep,a,loose\n");
  const auto links = countHybridLinks(inventory, {2, 0}, 3);
  CHECK(links.afterWave == std::vector<uint32_t>{0, 1, 1});
  CHECK(links.permanent == 1);
}

TEST_CASE("two ends that move in the same wave are never hybrid") {
  const auto inventory = testing::inventoryFrom("id,name,agency\na,A,X\nb,B,X\n", "from,to\na,b\n");
  CHECK(countHybridLinks(inventory, {1, 1}, 1).peak == 0);
}

}  // namespace
}  // namespace cloudplan::engine
