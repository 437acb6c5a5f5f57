#include "exporters/graphviz/graph_focus.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::Planned;
using testing::smallPlan;

std::string focusDot(const Planned& p, std::string_view id, uint32_t depth, size_t maxNodes = 300) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("focus");
  drawFocus(graph, index, *p.inventory.findSystem(id), depth, maxNodes);
  return graph.dot();
}

TEST_CASE("the focus diagram reaches as many links as its depth, both ways") {
  const Planned p = smallPlan();
  const std::string one = focusDot(p, "DGA/sso", 1);
  CHECK(one.find("\"MIN/app\"\t[") != std::string::npos);
  CHECK(one.find("\"DGA/bus\"\t[") != std::string::npos);
  CHECK(one.find("\"MIN/db\"\t[") == std::string::npos);
  const std::string two = focusDot(p, "DGA/sso", 2);
  CHECK(two.find("\"MIN/db\"\t[") != std::string::npos);
  CHECK(two.find("\"MIN-OFF/portal\"\t[") != std::string::npos);
  CHECK(two.find("\"MIN-OFF/old\"\t[") == std::string::npos);
}

TEST_CASE("the focus system stands out and its title gives its wave and reasons") {
  const Planned p = smallPlan();
  const std::string dot = focusDot(p, "MIN/app", 1);
  const size_t node = dot.find("\"MIN/app\"\t[");
  REQUIRE(node != std::string::npos);
  CHECK(dot.substr(node, 400).find("penwidth=3") != std::string::npos);
  // Its providers on the left, its consumers on the right, as in the other diagrams.
  CHECK(dot.find("rankdir=RL") != std::string::npos);
  const auto& planned = p.plan.systems[*p.inventory.findSystem("MIN/app")];
  CHECK(dot.find(fmt::format("MIN/app - Example app: wave {} within 1 link", planned.wave)) !=
        std::string::npos);
  CHECK(dot.find("why: " + planned.reasons.front()) != std::string::npos);
}

TEST_CASE("the focus system is never folded") {
  const std::string dot = focusDot(smallPlan(), "MIN/app", 3, 2);
  CHECK(dot.find("\"MIN/app\"\t[") != std::string::npos);
  CHECK(dot.find("\"MIN/db\"\t[") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
