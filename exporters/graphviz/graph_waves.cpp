#include "exporters/graphviz/graph_waves.h"

#include <fmt/format.h>

#include <vector>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"

namespace cloudplan::exporters {

void drawWave(GraphDocument& graph, const GraphIndex& index, uint32_t waveNumber, size_t maxNodes) {
  const models::Wave& wave = index.plan.waves.at(waveNumber - 1);
  DiagramBuilder builder(index);
  // Consumers before their providers, left to right: what moves later, what moves in the wave,
  // what moved before. A column grows down, so that a wave of hundreds stays a scrolling page.
  const uint32_t moving =
      builder.addBand(fmt::format("Moves in wave {}", waveNumber), "#eef4fb", 1);
  const uint32_t earlier = builder.addBand("Already moved (earlier waves)", "#f3f3f3", 2);
  const uint32_t later =
      builder.addBand("Still on premises after this wave (later waves)", "#fbf7ee", 0);
  const uint32_t retained = builder.addBand("Stays on premises (retained)", "#f3f3f3", 0);

  std::vector<bool> placed(index.inventory.systems.size(), false);
  for (const models::SystemIndex s : wave.systems) {
    builder.place(s, moving, Keep::foldLast);
    placed[s] = true;
  }
  // Their links, in input order, each other end once.
  for (const models::SystemIndex s : wave.systems) {
    for (const uint32_t d : index.linksOf(s)) {
      const models::SystemIndex other = index.otherEnd(d, s);
      if (placed[other]) continue;
      placed[other] = true;
      const uint32_t otherWave = index.waveOf(other);
      builder.place(other,
                    otherWave == 0           ? retained
                    : otherWave < waveNumber ? earlier
                                             : later,
                    Keep::foldFirst);
    }
  }
  const std::string title = fmt::format(
      "Wave {}: {} to {}; {} systems ({} migrate, {} retire), {:g} effort days{}", waveNumber,
      models::formatDate(wave.start), models::formatDate(wave.end), wave.systems.size(),
      wave.migrating, wave.retiring, wave.effortDays, wave.oversize ? ", oversize" : "");
  startDiagram(graph, Direction::leftToRight);
  // Only the links of this wave's systems: those between two other systems are other waves'.
  const std::string notes = builder.build(graph, maxNodes, [&](const models::Dependency& d) {
    return index.waveOf(d.consumer) == waveNumber || index.waveOf(d.provider) == waveNumber;
  });
  addLegend(graph, index, builder.folded());
  const std::string hybrid =
      fmt::format("{} hybrid links after this wave (one end in the cloud, the other not)",
                  wave.hybridLinksAfter);
  titleDiagram(graph, title, notes.empty() ? hybrid : hybrid + "\n" + notes);
}

}  // namespace cloudplan::exporters
