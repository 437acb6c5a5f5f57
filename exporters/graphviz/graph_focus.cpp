#include "exporters/graphviz/graph_focus.h"

#include <fmt/format.h>

#include <vector>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

using models::kNone;

void drawFocus(GraphDocument& graph, const GraphIndex& index, models::SystemIndex focus,
               uint32_t depth, size_t maxNodes) {
  const auto& systems = index.inventory.systems;
  DiagramBuilder builder(index, Direction::leftToRight);
  builder.highlight(focus);
  // Breadth first: nearer systems are placed first, and the direct neighbours fold last.
  std::vector<uint32_t> distance(systems.size(), kNone);
  std::vector<models::SystemIndex> frontier = {focus};
  distance[focus] = 0;
  builder.place(focus, 0, Keep::always);
  for (uint32_t step = 1; step <= depth && !frontier.empty(); ++step) {
    std::vector<models::SystemIndex> next;
    for (const models::SystemIndex s : frontier) {
      for (const uint32_t d : index.linksOf(s)) {
        const models::SystemIndex other = index.otherEnd(d, s);
        if (distance[other] != kNone) continue;
        distance[other] = step;
        next.push_back(other);
        builder.place(other, 0, step == 1 ? Keep::foldLast : Keep::foldFirst);
      }
    }
    frontier = std::move(next);
  }
  const auto& system = systems[focus];
  const auto& planned = index.plan.systems[focus];
  const std::string title =
      fmt::format("{}{}{}: {} within {} link{}", models::shownText(system.id),
                  system.name.empty() ? "" : " - ", models::shownText(system.name),
                  planned.wave ? fmt::format("wave {}", planned.wave) : std::string("retained"),
                  depth, depth == 1 ? "" : "s");
  std::string reasons;
  for (const auto& reason : planned.reasons)
    reasons += (reasons.empty() ? "why: " : "; ") + reason;
  // Providers on the left, consumers on the right, as in the wave and agency diagrams.
  startDiagram(graph, Direction::leftToRight);
  graph.set(graph.root(), "rankdir", "RL");
  const std::string notes = builder.build(graph, maxNodes, [](const auto&) { return true; });
  addLegend(graph, index, builder.folded());
  titleDiagram(graph, title,
               notes.empty() ? reasons : (reasons.empty() ? notes : reasons + "\n" + notes));
}

}  // namespace cloudplan::exporters
