#include "engine/constraint_graph.h"

#include <catch2/catch.hpp>

#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using models::Order;

// One dependency "c -> p" between systems of the given strategies, under `order`.
ConstraintGraph graphOf(const char* consumer, const char* provider, const char* coupling,
                        Order order) {
  const auto inventory = testing::inventoryFrom(
      std::string("id,name,agency,strategy\nc,C,A,") + consumer + "\np,P,A," + provider + "\n",
      std::string("from,to,coupling\nc,p,") + coupling + "\n");
  return buildConstraintGraph(inventory, order);
}

TEST_CASE("every coupling, strategy pair and order gives the rule of the planning rules") {
  struct Case {
    const char *consumer, *provider, *coupling;
    Order order;
    size_t tight, arcs, lost;
    ArcRule rule;
  };
  const Case cases[] = {
      {"rehost", "rehost", "normal", Order::providersFirst, 0, 1, 0, ArcRule::providerFirst},
      {"rehost", "rehost", "normal", Order::consumersFirst, 0, 1, 0, ArcRule::consumerFirst},
      {"rehost", "rehost", "normal", Order::none, 0, 0, 0, ArcRule::providerFirst},
      {"rehost", "retire", "normal", Order::providersFirst, 0, 1, 0, ArcRule::retireAfterUse},
      {"rehost", "retire", "normal", Order::none, 0, 1, 0, ArcRule::retireAfterUse},
      {"retire", "retire", "normal", Order::consumersFirst, 0, 1, 0, ArcRule::retireAfterUse},
      {"retain", "retire", "normal", Order::providersFirst, 0, 0, 1, ArcRule::providerFirst},
      {"retire", "rehost", "normal", Order::providersFirst, 0, 0, 0, ArcRule::providerFirst},
      {"rehost", "retain", "normal", Order::providersFirst, 0, 0, 0, ArcRule::providerFirst},
      {"rehost", "rehost", "tight", Order::none, 1, 0, 0, ArcRule::providerFirst},
      {"retire", "refactor", "tight", Order::providersFirst, 1, 0, 0, ArcRule::providerFirst},
      {"retain", "rehost", "tight", Order::providersFirst, 0, 0, 0, ArcRule::providerFirst},
      {"rehost", "retire", "loose", Order::providersFirst, 0, 0, 0, ArcRule::providerFirst},
  };
  for (const Case& c : cases) {
    INFO(c.consumer << " -> " << c.provider << " " << c.coupling << " " << models::nameOf(c.order));
    const auto graph = graphOf(c.consumer, c.provider, c.coupling, c.order);
    CHECK(graph.tight.size() == c.tight);
    CHECK(graph.arcs.size() == c.arcs);
    CHECK(graph.retainedConsumersOfRetiring.size() == c.lost);
    if (c.arcs) CHECK(graph.arcs[0].rule == c.rule);
  }
}

TEST_CASE("a provider-first arc runs from the provider to the consumer") {
  const auto graph = graphOf("rehost", "rehost", "normal", Order::providersFirst);
  REQUIRE(graph.arcs.size() == 1);
  CHECK(graph.arcs[0].before == 1);
  CHECK(graph.arcs[0].after == 0);
}

}  // namespace
}  // namespace cloudplan::engine
