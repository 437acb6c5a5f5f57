#include "cli/huge_pages.h"

#include <catch2/catch.hpp>

namespace cloudplan::cli {
namespace {

TEST_CASE("huge pages are asked for when neither the user nor the kernel says otherwise") {
  CHECK(tunablesForHugePages("", "always [madvise] never") == "glibc.malloc.hugetlb=1");
  CHECK(tunablesForHugePages("", "[always] madvise never") == "glibc.malloc.hugetlb=1");
}

TEST_CASE("the user's other tunables are kept before the huge pages") {
  CHECK(tunablesForHugePages("glibc.malloc.arena_max=2", "always [madvise] never") ==
        "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
}

TEST_CASE("a hugetlb the user chose is left alone, which also ends the second run") {
  CHECK(tunablesForHugePages("glibc.malloc.hugetlb=0", "always [madvise] never") == std::nullopt);
  CHECK(tunablesForHugePages("a=1:glibc.malloc.hugetlb=1", "always [madvise] never") ==
        std::nullopt);
}

TEST_CASE("no huge pages are asked for when the kernel has them off or does not say") {
  CHECK(tunablesForHugePages("", "always madvise [never]") == std::nullopt);
  CHECK(tunablesForHugePages("", "") == std::nullopt);
}

}  // namespace
}  // namespace cloudplan::cli
