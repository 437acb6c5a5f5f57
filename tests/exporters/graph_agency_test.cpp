#include "exporters/graphviz/graph_agency.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::clustersAround;
using testing::Planned;
using testing::smallPlan;

std::string agencyDot(const Planned& p, std::string_view code, size_t maxNodes = 300) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("agency");
  drawAgency(graph, index, *p.inventory.findAgency(code), maxNodes);
  return graph.dot();
}

TEST_CASE("an agency's diagram holds its offices' systems and the outside systems they use") {
  const std::string dot = agencyDot(smallPlan(), "MIN");
  CHECK(clustersAround(dot, "MIN-OFF/portal") ==
        std::vector<std::string>{"cluster b0 agency MIN", "cluster b0 agency MIN-OFF"});
  CHECK(clustersAround(dot, "DGA/sso") ==
        std::vector<std::string>{"cluster band 1", "cluster b1 agency DGA"});
  CHECK(dot.find("\"DGA/bus\"") == std::string::npos);
  CHECK(dot.find("\"MIN/app\" -> \"DGA/sso\"") != std::string::npos);
  CHECK(dot.find("MIN - Ministry of Examples: 5 systems (its offices included)") !=
        std::string::npos);
}

TEST_CASE("an office's diagram leaves out its ministry's own systems but for its links") {
  const std::string dot = agencyDot(smallPlan(), "MIN-OFF");
  CHECK(clustersAround(dot, "MIN-OFF/portal") ==
        std::vector<std::string>{"cluster b0 agency MIN", "cluster b0 agency MIN-OFF"});
  CHECK(clustersAround(dot, "MIN/app") ==
        std::vector<std::string>{"cluster band 1", "cluster b1 agency MIN"});
  CHECK(dot.find("\"MIN/db\"") == std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
