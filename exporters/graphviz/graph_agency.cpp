#include "exporters/graphviz/graph_agency.h"

#include <fmt/format.h>

#include <vector>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

void drawAgency(GraphDocument& graph, const GraphIndex& index, models::AgencyIndex agency,
                size_t maxNodes) {
  const auto& systems = index.inventory.systems;
  const auto& subject = index.inventory.agencies.at(agency);
  DiagramBuilder builder(index, Direction::leftToRight);
  // Left to right, as a wave's diagram: what its systems use of other agencies, its systems, what
  // of other agencies uses them; each other ministry one node when it has several such systems,
  // and one edge to the agency's box when it is linked to several of its systems.
  const uint32_t consumers =
      builder.addBand("Systems of other agencies that use its systems", "#fbf7ee", 0);
  const uint32_t own = builder.addBand("Its systems", "#eef4fb", 1);
  const uint32_t providers =
      builder.addBand("Systems of other agencies its systems use", "#f3f3f3", 2);
  builder.groupByMinistry(consumers, 2);
  builder.groupByMinistry(providers, 2);
  builder.bundleEdgesInto(own);
  std::vector<bool> inside(systems.size(), false);
  size_t count = 0;
  for (models::SystemIndex s = 0; s < systems.size(); ++s) {
    if (!index.within(systems[s].agency, agency)) continue;
    inside[s] = true;
    ++count;
    builder.place(s, own, Keep::foldLast);
  }
  std::vector<bool> provides(systems.size(), false);
  for (const auto& dependency : index.inventory.dependencies) {
    if (inside[dependency.consumer] && !inside[dependency.provider]) {
      provides[dependency.provider] = true;
    }
  }
  std::vector<bool> placed = inside;
  for (models::SystemIndex s = 0; s < systems.size(); ++s) {
    if (!inside[s]) continue;
    for (const uint32_t d : index.linksOf(s)) {
      const models::SystemIndex other = index.otherEnd(d, s);
      if (placed[other]) continue;
      placed[other] = true;
      builder.place(other, provides[other] ? providers : consumers, Keep::foldFirst);
    }
  }
  std::string title = models::shownText(subject.code);
  if (!subject.name.empty()) title += " - " + models::shownText(subject.name);
  title += fmt::format(": {} system{} (its offices included)", count, count == 1 ? "" : "s");
  startDiagram(graph, Direction::leftToRight);
  graph.set(graph.root(), "rankdir", "RL");
  const std::string notes = builder.build(graph, maxNodes, [&](const models::Dependency& d) {
    return inside[d.consumer] || inside[d.provider];
  });
  addLegend(graph, index, builder.folded());
  titleDiagram(graph, title,
               notes.empty() ? "and the systems of other agencies it is linked to" : notes);
}

}  // namespace cloudplan::exporters
