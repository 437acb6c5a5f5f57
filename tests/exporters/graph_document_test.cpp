#include "exporters/graphviz/graph_document.h"

#include <catch2/catch.hpp>

namespace cloudplan::exporters {
namespace {

TEST_CASE("a label keeps backslashes and entities as they are written") {
  CHECK(graphvizLabelText("C:\\N") == "C:\\\\N");
  CHECK(graphvizLabelText("R&D &lt;") == "R&amp;D &amp;lt;");
  CHECK(graphvizLabelText("two\nlines") == "two lines");
  // A right-to-left override is written out, its backslash escaped so that it shows as \u202e.
  CHECK(graphvizLabelText("pay\u202Eroll") == "pay\\\\u202eroll");
  CHECK(graphvizLabelText("plain") == "plain");
}

TEST_CASE("a cluster's name starts with cluster so that dot draws its box") {
  GraphDocument graph("g");
  const GraphHandle box = graph.cluster(nullptr, "MOF");
  graph.node(box, "MOF/payroll");
  CHECK(graph.dot().find("subgraph \"cluster MOF\" {") != std::string::npos);
}

TEST_CASE("the DOT text holds the nodes in their clusters, the edges and the attributes") {
  GraphDocument graph("plan");
  graph.nodeDefault("shape", "box");
  const GraphHandle outer = graph.cluster(nullptr, "outer");
  const GraphHandle inner = graph.cluster(outer, "inner");
  const NodeHandle a = graph.node(inner, "a");
  const NodeHandle b = graph.node(nullptr, "b");
  graph.set(a, "label", "first");
  graph.set(graph.edge(a, b), "color", "red");
  const std::string dot = graph.dot();
  const size_t outerAt = dot.find("subgraph \"cluster outer\"");
  const size_t innerAt = dot.find("subgraph \"cluster inner\"");
  const size_t nodeAt = dot.find("a\t[label=first]");
  REQUIRE(outerAt != std::string::npos);
  REQUIRE(innerAt != std::string::npos);
  REQUIRE(nodeAt != std::string::npos);
  CHECK(outerAt < innerAt);
  CHECK(innerAt < nodeAt);
  CHECK(dot.find("node [label=\"\\N\",\n\t\tshape=box\n\t];") != std::string::npos);
  CHECK(dot.find("a -> b\t[color=red];") != std::string::npos);
}

TEST_CASE("clusters are written in the order they were made") {
  // cgraph orders subgraphs by id; by default an id is the address of the name's string.
  GraphDocument graph("g");
  for (int i = 0; i < 40; ++i) {
    graph.node(graph.cluster(nullptr, "c" + std::to_string(39 - i)), "n" + std::to_string(i));
  }
  const std::string dot = graph.dot();
  size_t previous = 0;
  for (int i = 0; i < 40; ++i) {
    const size_t at = dot.find("subgraph \"cluster c" + std::to_string(39 - i) + "\"");
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    previous = at;
  }
}

TEST_CASE("a node without a label of its own keeps its name as its label") {
  GraphDocument graph("g");
  graph.set(graph.node(nullptr, "x"), "label", "shown");
  graph.node(nullptr, "y");
  CHECK(graph.dot().find("label=\"\\N\"") != std::string::npos);
}

TEST_CASE("an HTML label is written between angle brackets") {
  GraphDocument graph("g");
  graph.setHtmlLabel(graph.node(nullptr, "legend"), "<B>bold</B>");
  CHECK(graph.dot().find("label=<<B>bold</B>>") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
