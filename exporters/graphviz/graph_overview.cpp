#include "exporters/graphviz/graph_overview.h"

#include <fmt/format.h>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"

namespace cloudplan::exporters {

void drawOverview(GraphDocument& graph, const GraphIndex& index, size_t maxNodes) {
  const auto& m = index.plan.metrics;
  DiagramBuilder builder(index, Direction::leftToRight);
  builder.tabulateMinistryLinks();
  for (models::SystemIndex s = 0; s < index.inventory.systems.size(); ++s) {
    builder.place(s, 0, Keep::foldLast);
  }
  const std::string title =
      fmt::format("Migration plan: {} systems, {} of them in {} waves (lower bound {})", m.systems,
                  m.scheduled, m.waves, m.lowerBound.waves);
  // Each ministry read from the providers on the left to the consumers that wait for them on the
  // right; ministries one after another in lines, as many lines as make the drawing about as wide
  // as a landscape page for high.
  startDiagram(graph, Direction::leftToRight);
  graph.set(graph.root(), "rankdir", "RL");
  const std::string notes = builder.build(graph, maxNodes, [](const auto&) { return true; });
  addLegend(graph, index, builder.folded());
  const std::string key =
      "boxes: agencies (ministry > department > office); fill: wave; shape: system type";
  titleDiagram(graph, title, notes.empty() ? key : key + "\n" + notes);
}

}  // namespace cloudplan::exporters
