#include "exporters/graphviz/graph_waves.h"

#include <fmt/format.h>

#include <vector>

#include "exporters/graphviz/graph_builder.h"
#include "exporters/graphviz/graph_style.h"

namespace cloudplan::exporters {

namespace {

// A ministry with this many systems around a wave is drawn as one node with their count.
constexpr uint32_t kGroupedNeighbours = 3;

}  // namespace

void drawWave(GraphDocument& graph, const GraphIndex& index, uint32_t waveNumber, size_t maxNodes) {
  const models::Wave& wave = index.plan.waves.at(waveNumber - 1);
  DiagramBuilder builder(index, Direction::leftToRight);
  // Left to right: what the wave waits for (its providers), what moves in it, what waits for it
  // (its consumers). The rows are in the order of the ranks, which run right to left.
  const uint32_t consumers =
      builder.addBand("What waits for it: the systems that use this wave's", "#fbf7ee", 0);
  const uint32_t moving =
      builder.addBand(fmt::format("Moves in wave {}", waveNumber), "#eef4fb", 1);
  const uint32_t providers =
      builder.addBand("What it waits for: the systems this wave's use", "#f3f3f3", 2);
  // The systems around the wave, read per ministry when a ministry has several: a wave of eight
  // has tens of edges, not hundreds.
  builder.groupByMinistry(consumers, kGroupedNeighbours);
  builder.groupByMinistry(providers, kGroupedNeighbours);
  builder.bundleEdgesInto(moving);

  std::vector<bool> placed(index.inventory.systems.size(), false);
  for (const models::SystemIndex s : wave.systems) {
    builder.place(s, moving, Keep::foldLast);
    placed[s] = true;
  }
  // Their links, in input order, each other end once: a provider of any of the wave's systems
  // among the providers, else among the consumers.
  std::vector<bool> provides(index.inventory.systems.size(), false);
  for (const models::SystemIndex s : wave.systems) {
    for (const uint32_t d : index.linksOf(s)) {
      if (index.inventory.dependencies[d].consumer == s) {
        provides[index.inventory.dependencies[d].provider] = true;
      }
    }
  }
  for (const models::SystemIndex s : wave.systems) {
    for (const uint32_t d : index.linksOf(s)) {
      const models::SystemIndex other = index.otherEnd(d, s);
      if (placed[other]) continue;
      placed[other] = true;
      builder.place(other, provides[other] ? providers : consumers, Keep::foldFirst);
    }
  }
  const std::string title = fmt::format(
      "Wave {}: {} to {}; {} systems ({} migrate, {} retire), {:g} effort days{}", waveNumber,
      models::formatDate(wave.start), models::formatDate(wave.end), wave.systems.size(),
      wave.migrating, wave.retiring, wave.effortDays, wave.oversize ? ", oversize" : "");
  startDiagram(graph, Direction::leftToRight);
  graph.set(graph.root(), "rankdir", "RL");
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
