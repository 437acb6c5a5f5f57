#include "exporters/archimate/archimate_views.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cloudplan::exporters {

using models::kNone;
using models::SystemIndex;

namespace {

// The roadmap: plateaus in rows of this many, each row a band of plateau, work package and
// deliverable.
constexpr int kRoadmapColumns = 8;
constexpr int kColumnWidth = 200, kBandHeight = 330;
constexpr int kBoxWidth = 160, kBoxHeight = 70;
// A wave view: systems in cells of this size, in at most this many columns.
constexpr int kCellWidth = 200, kCellHeight = 80, kSystemWidth = 180, kSystemHeight = 60;
constexpr size_t kWaveColumns = 6;

class ViewWriter {
 public:
  ViewWriter(std::string& out, const models::Inventory& inventory, const models::Plan& plan,
             const ArchimateIdentifiers& ids, const PlanModelIds& model)
      : out_(out), inventory_(inventory), plan_(plan), ids_(ids), model_(model) {}

  void write() {
    // The dependencies to draw in each wave's view: those whose two ends move in it.
    const size_t waves = plan_.waves.size();
    std::vector<uint32_t> positionOfWave;  // wave number -> position in plan.waves, + 1
    for (size_t w = 0; w < waves; ++w) {
      const uint32_t number = plan_.waves[w].number;
      if (number >= positionOfWave.size()) positionOfWave.resize(number + 1, 0);
      positionOfWave[number] = static_cast<uint32_t>(w + 1);
    }
    dependenciesOfWave_.assign(waves, {});
    for (size_t d = 0; d < model_.dependencies.size(); ++d) {
      const auto& dependency = model_.dependencies[d];
      const uint32_t wave = waveOf(dependency.source);
      if (wave != 0 && wave == waveOf(dependency.target) && wave < positionOfWave.size() &&
          positionOfWave[wave] != 0) {
        dependenciesOfWave_[positionOfWave[wave] - 1].push_back(d);
      }
    }
    drawn_.assign(inventory_.systems.size(), false);
    out_ += "  <views>\n    <diagrams>\n";
    roadmap();
    for (size_t w = 0; w < plan_.waves.size(); ++w)
      waveView(w);
    out_ += "    </diagrams>\n  </views>\n";
  }

 private:
  // `view` names the view in its nodes' and connections' identifiers: "roadmap", "wave-N".
  void open(std::string_view view, std::string_view name, std::string_view documentation) {
    view_ = view;
    const std::string identifier = ids_.made(fmt::format("view-{}", view));
    out_ += fmt::format(
        "      <view identifier=\"{}\" xsi:type=\"Diagram\">\n        <name xml:lang=\"en\">{}"
        "</name>\n        <documentation xml:lang=\"en\">{}</documentation>\n",
        identifier, name, documentation);
  }
  void close() { out_ += "      </view>\n"; }

  // An element's node (a view shows an element once); `open` leaves it open for child nodes.
  // Returns its identifier.
  std::string node(std::string_view element, int x, int y, int w, int h, int depth,
                   bool open = false) {
    std::string identifier = nodeId(element);
    out_.append(2 * static_cast<size_t>(depth), ' ');
    out_ += fmt::format(
        "<node identifier=\"{}\" elementRef=\"{}\" xsi:type=\"Element\" x=\"{}\" y=\"{}\" "
        "w=\"{}\" h=\"{}\"{}>\n",
        identifier, element, x, y, w, h, open ? "" : "/");
    return identifier;
  }
  void endNode(int depth) {
    out_.append(2 * static_cast<size_t>(depth), ' ');
    out_ += "</node>\n";
  }
  void connection(std::string_view relationship, std::string_view source, std::string_view target) {
    out_ += fmt::format(
        "        <connection identifier=\"{}\" relationshipRef=\"{}\" xsi:type=\"Relationship\" "
        "source=\"{}\" target=\"{}\"/>\n",
        ids_.made(fmt::format("conn-{}-{}", view_, relationship)), relationship, source, target);
  }

  void roadmap();
  void waveView(size_t w);
  uint32_t waveOf(SystemIndex s) const {
    return s < plan_.systems.size() ? plan_.systems[s].wave : 0;
  }
  std::string nodeId(std::string_view element) const {
    return ids_.made(fmt::format("node-{}-{}", view_, element));
  }

  std::string& out_;
  const models::Inventory& inventory_;
  const models::Plan& plan_;
  const ArchimateIdentifiers& ids_;
  const PlanModelIds& model_;
  std::vector<std::vector<size_t>> dependenciesOfWave_;  // by position in plan.waves
  std::vector<bool> drawn_;  // by SystemIndex: a node in the view being written
  std::string view_;
};

void ViewWriter::roadmap() {
  open("roadmap", "Migration roadmap",
       "Baseline, the waves and Target, chained by triggering; below each wave its work "
       "package and the deliverable that realizes it; the retired systems' gap.");
  const size_t waves = plan_.waves.size();
  // Position i: Baseline 0, wave k at k, Target at waves + 1.
  const auto x = [](size_t i) { return 20 + static_cast<int>(i % kRoadmapColumns) * kColumnWidth; };
  const auto y = [](size_t i) { return 20 + static_cast<int>(i / kRoadmapColumns) * kBandHeight; };
  std::vector<std::string> plateaus, works(waves), deliverables(waves);
  plateaus.push_back(node(model_.baseline, x(0), y(0), kBoxWidth, kBoxHeight, 4));
  for (size_t w = 0; w < waves; ++w) {
    const size_t i = w + 1;
    plateaus.push_back(node(model_.plateaus[w], x(i), y(i), kBoxWidth, kBoxHeight, 4));
    works[w] = node(model_.workPackages[w], x(i), y(i) + 110, kBoxWidth, kBoxHeight, 4);
    deliverables[w] = node(model_.deliverables[w], x(i), y(i) + 220, kBoxWidth, kBoxHeight, 4);
  }
  plateaus.push_back(node(model_.target, x(waves + 1), y(waves + 1), kBoxWidth, kBoxHeight, 4));
  std::string gap;
  if (!model_.gap.empty()) {
    gap = node(model_.gap, 20, y(waves + 1) + kBandHeight, kBoxWidth, kBoxHeight, 4);
  }
  for (size_t i = 0; i + 1 < plateaus.size(); ++i)
    connection(model_.triggering[i], plateaus[i], plateaus[i + 1]);
  for (size_t w = 0; w < waves; ++w) {
    connection(model_.workRealizes[w], works[w], deliverables[w]);
    connection(model_.deliverableRealizes[w], deliverables[w], plateaus[w + 1]);
  }
  if (!gap.empty()) {
    connection(model_.gapAssociations[0], gap, plateaus.front());
    connection(model_.gapAssociations[1], gap, plateaus.back());
  }
  close();
}

void ViewWriter::waveView(size_t w) {
  const models::Wave& wave = plan_.waves[w];
  // By agency, then in input order, so that an agency's systems sit together.
  std::vector<SystemIndex> systems = wave.systems;
  const auto agencyCode = [&](SystemIndex s) {
    const auto agency = inventory_.systems[s].agency;
    return agency == kNone ? std::string_view() : inventory_.agencies[agency].code;
  };
  std::stable_sort(systems.begin(), systems.end(),
                   [&](SystemIndex a, SystemIndex b) { return agencyCode(a) < agencyCode(b); });
  const size_t drawn = std::min(systems.size(), kMaxSystemsPerWaveView);
  const std::string start = models::formatDate(wave.start), end = models::formatDate(wave.end);
  open(fmt::format("wave-{}", wave.number),
       fmt::format("Wave {} ({} \u2013 {})", wave.number, start, end),
       drawn < systems.size()
           ? fmt::format("The {} systems that move or are switched off in wave {}; the first {}, "
                         "by agency, are drawn (the Plateau aggregates every one).",
                         systems.size(), wave.number, drawn)
           : fmt::format("The {} systems that move or are switched off in wave {}, by agency, "
                         "with the dependencies between them.",
                         systems.size(), wave.number));
  const size_t columns = std::clamp<size_t>(
      static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(drawn)))), 1, kWaveColumns);
  const size_t rows = (drawn + columns - 1) / columns;
  const int width = static_cast<int>(columns) * kCellWidth + 20;
  const int height = static_cast<int>(std::max<size_t>(rows, 1)) * kCellHeight + 60;
  node(model_.plateaus[w], 20, 20, width, height, 4, true);
  for (size_t i = 0; i < drawn; ++i) {
    const SystemIndex s = systems[i];
    const int x = 40 + static_cast<int>(i % columns) * kCellWidth;
    const int y = 70 + static_cast<int>(i / columns) * kCellHeight;
    node(ids_.systems[s], x, y, kSystemWidth, kSystemHeight, 5);
    drawn_[s] = true;
  }
  endNode(4);
  for (const size_t index : dependenciesOfWave_[w]) {
    const PlanModelIds::Dependency& d = model_.dependencies[index];
    if (drawn_[d.source] && drawn_[d.target]) {
      connection(d.relationship, nodeId(ids_.systems[d.source]), nodeId(ids_.systems[d.target]));
    }
  }
  for (size_t i = 0; i < drawn; ++i)
    drawn_[systems[i]] = false;
  close();
}

}  // namespace

void appendArchimateViews(std::string& out, const models::Inventory& inventory,
                          const models::Plan& plan, const ArchimateIdentifiers& ids,
                          const PlanModelIds& model) {
  ViewWriter(out, inventory, plan, ids, model).write();
}

}  // namespace cloudplan::exporters
