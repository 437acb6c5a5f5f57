#include "exporters/graphviz/graph_agency.h"

#include <fmt/format.h>

#include <vector>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"

namespace cloudplan::exporters {

void drawAgency(GraphDocument& graph, const GraphIndex& index, models::AgencyIndex agency,
                size_t maxNodes) {
  const auto& systems = index.inventory.systems;
  const auto& subject = index.inventory.agencies.at(agency);
  DiagramBuilder builder(index);
  const uint32_t outside = builder.addBand("Linked systems of other agencies", "#f7f7f7");
  std::vector<bool> inside(systems.size(), false);
  size_t count = 0;
  for (models::SystemIndex s = 0; s < systems.size(); ++s) {
    if (!index.within(systems[s].agency, agency)) continue;
    inside[s] = true;
    ++count;
    builder.place(s, 0, Keep::foldLast);
  }
  std::vector<bool> placed = inside;
  for (models::SystemIndex s = 0; s < systems.size(); ++s) {
    if (!inside[s]) continue;
    for (const uint32_t d : index.linksOf(s)) {
      const models::SystemIndex other = index.otherEnd(d, s);
      if (placed[other]) continue;
      placed[other] = true;
      builder.place(other, outside, Keep::foldFirst);
    }
  }
  std::string title = shownText(subject.code);
  if (!subject.name.empty()) title += " - " + shownText(subject.name);
  title += fmt::format(": {} system{} (its offices included)", count, count == 1 ? "" : "s");
  startDiagram(graph);
  const std::string notes = builder.build(graph, maxNodes, [&](const models::Dependency& d) {
    return inside[d.consumer] || inside[d.provider];
  });
  addLegend(graph, index, builder.folded());
  titleDiagram(graph, title,
               notes.empty() ? "and the systems of other agencies it is linked to" : notes);
}

}  // namespace cloudplan::exporters
