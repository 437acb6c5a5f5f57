#include "models/plural.h"

#include <catch2/catch.hpp>

namespace cloudplan::models {
namespace {

TEST_CASE("a count is followed by the singular for one and the plural otherwise") {
  CHECK(plural(0, "error", "errors") == "0 errors");
  CHECK(plural(1, "error", "errors") == "1 error");
  CHECK(plural(2, "warning", "warnings") == "2 warnings");
  CHECK(plural(1, "dependency", "dependencies") == "1 dependency");
}

}  // namespace
}  // namespace cloudplan::models
