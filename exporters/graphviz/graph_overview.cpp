#include "exporters/graphviz/graph_overview.h"

#include <fmt/format.h>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"

namespace cloudplan::exporters {

void drawOverview(GraphDocument& graph, const GraphIndex& index, size_t maxNodes) {
  const auto& m = index.plan.metrics;
  DiagramBuilder builder(index);
  builder.tabulateMinistryLinks();
  for (models::SystemIndex s = 0; s < index.inventory.systems.size(); ++s) {
    builder.place(s, 0, Keep::foldLast);
  }
  const std::string title =
      fmt::format("Migration plan: {} systems, {} of them in {} waves (lower bound {})", m.systems,
                  m.scheduled, m.waves, m.lowerBound.waves);
  // Ministries one under another, each read from its consumers on the left to the providers
  // they depend on: a page that scrolls, instead of one many times wider than any screen.
  startDiagram(graph, Direction::leftToRight);
  const std::string notes = builder.build(graph, maxNodes, [](const auto&) { return true; });
  addLegend(graph, index, builder.folded());
  const std::string key =
      "boxes: agencies (ministry > department > office); fill: wave; shape: system type";
  titleDiagram(graph, title, notes.empty() ? key : key + "\n" + notes);
}

}  // namespace cloudplan::exporters
