#include "exporters/graphviz/graph_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "exporters/reports/html_escape.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

struct Rgb {
  double r, g, b;
};

// Viridis (perceptually ordered, readable by the colour-blind), lightened a third towards white
// so that black or white text stays legible on every wave.
constexpr std::array<Rgb, 5> kRamp = {Rgb{0x44, 0x01, 0x54}, Rgb{0x3b, 0x52, 0x8b},
                                      Rgb{0x21, 0x91, 0x8c}, Rgb{0x5e, 0xc9, 0x62},
                                      Rgb{0xfd, 0xe7, 0x25}};
constexpr double kLighten = 0.3;
constexpr const char* kRetainedFill = "#dddddd";

std::string hex(Rgb c) {
  auto channel = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(c.r), channel(c.g), channel(c.b));
}

// Relative luminance (sRGB, approximately): which text colour reads on a fill.
double luminance(Rgb c) {
  auto linear = [](double v) {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

std::string waveLine(const GraphIndex& index, models::SystemIndex s) {
  const auto& system = index.inventory.systems[s];
  const auto& planned = index.plan.systems[s];
  std::string line = planned.wave == 0 ? std::string("retained")
                     : system.action() == models::Action::retire
                         ? fmt::format("retires in wave {}", planned.wave)
                         : fmt::format("wave {}", planned.wave);
  if (planned.moveGroup != kNone && planned.moveGroup < index.plan.moveGroups.size()) {
    line += ", " + index.plan.moveGroups[planned.moveGroup].id;
  }
  return line;
}

void styleCoupling(GraphDocument& graph, EdgeHandle edge, models::Coupling coupling) {
  switch (coupling) {
    case models::Coupling::tight:
      graph.set(edge, "color", "#b2182b");
      graph.set(edge, "penwidth", "2.2");
      break;
    case models::Coupling::normal:
      graph.set(edge, "color", "#4d4d4d");
      break;
    case models::Coupling::loose:
      graph.set(edge, "color", "#8c8c8c");
      graph.set(edge, "style", "dashed");
      break;
  }
}

std::string agencyCode(const GraphIndex& index, models::AgencyIndex agency) {
  return agency == kNone ? std::string("(no agency)")
                         : shownText(index.inventory.agencies[agency].code);
}

}  // namespace

std::string shownText(std::string_view text) {
  if (text.size() <= kLongestShownText) return std::string(text);
  size_t cut = kLongestShownText - 3;  // room for the ellipsis
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string shownKey(std::string_view text, uint32_t number) {
  if (text.size() <= kLongestShownText) return std::string(text);
  return shownText(text) + "#" + std::to_string(number);
}

Colour waveColour(uint32_t wave, uint32_t waves) {
  if (wave == 0) return {kRetainedFill, "#222222"};
  const double t = waves <= 1 ? 0.0 : static_cast<double>(wave - 1) / (waves - 1);
  const double position = t * (kRamp.size() - 1);
  const size_t low = std::min(static_cast<size_t>(position), kRamp.size() - 2);
  const double f = position - static_cast<double>(low);
  const Rgb a = kRamp[low], b = kRamp[low + 1];
  Rgb c{a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
  c = {c.r + (255 - c.r) * kLighten, c.g + (255 - c.g) * kLighten, c.b + (255 - c.b) * kLighten};
  return {hex(c), luminance(c) > 0.3 ? "#000000" : "#ffffff"};
}

std::string typeStyle(models::SystemType type) {
  // Shapes that grow with their label (hexagon, cds) would make long ids huge: interfaces are
  // boxes with cut corners, applications rounded boxes.
  switch (type) {
    case models::SystemType::application:
      return "filled,rounded";
    case models::SystemType::interface:
      return "filled,diagonals";
    default:
      return "filled";
  }
}

std::string_view shapeOf(models::SystemType type) {
  switch (type) {
    case models::SystemType::application:
      return "box";
    case models::SystemType::database:
      return "cylinder";
    case models::SystemType::infrastructure:
      return "box3d";
    case models::SystemType::platform:
      return "component";
    case models::SystemType::interface:
      return "box";  // with diagonals: see typeStyle
  }
  return "box";
}

void startDiagram(GraphDocument& graph, Direction direction) {
  const auto root = graph.root();
  // Consumers above the providers they depend on: infrastructure ends up at the bottom, as in an
  // architect's layer diagram (or on the right).
  graph.set(root, "rankdir", direction == Direction::topDown ? "TB" : "LR");
  graph.set(root, "newrank", "true");
  graph.set(root, "fontname", "Helvetica");
  graph.set(root, "fontsize", "11");
  graph.set(root, "nodesep", "0.25");
  graph.set(root, "ranksep", "0.5");
  graph.set(root, "pad", "0.25");
  graph.set(root, "outputorder", "edgesfirst");
  graph.set(root, "labelloc", "t");
  graph.set(root, "labeljust", "l");
  graph.nodeDefault("fontname", "Helvetica");
  graph.nodeDefault("fontsize", "10");
  graph.nodeDefault("margin", "0.1,0.04");
  graph.nodeDefault("height", "0.3");
  graph.edgeDefault("arrowsize", "0.6");
  graph.edgeDefault("fontname", "Helvetica");
  graph.edgeDefault("fontsize", "9");
}

void titleDiagram(GraphDocument& graph, std::string_view title, std::string_view subtitle) {
  std::string html = "<FONT POINT-SIZE=\"18\"><B>";
  appendHtmlEscaped(html, title);
  html += "</B></FONT><BR ALIGN=\"LEFT\"/>";
  while (!subtitle.empty()) {
    const size_t end = subtitle.find('\n');
    appendHtmlEscaped(html, subtitle.substr(0, end));
    html += "<BR ALIGN=\"LEFT\"/>";
    subtitle = end == std::string_view::npos ? std::string_view() : subtitle.substr(end + 1);
  }
  graph.setHtmlLabel(graph.root(), html);
}

void styleSystem(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                 models::SystemIndex s) {
  const auto& system = index.inventory.systems[s];
  const uint32_t wave = index.waveOf(s);
  const Colour colour = waveColour(wave, static_cast<uint32_t>(index.plan.waves.size()));
  graph.set(
      node, "label",
      graphvizLabelText(shownText(system.id)) + "\\n" + graphvizLabelText(waveLine(index, s)));
  graph.set(node, "shape", shapeOf(system.type));
  std::string style = typeStyle(system.type);
  if (system.action() == models::Action::retire) style += ",dashed";
  graph.set(node, "style", style);
  graph.set(node, "fillcolor", colour.fill);
  graph.set(node, "fontcolor", colour.text);
  const auto& planned = index.plan.systems[s];
  if (planned.moveGroup != kNone && planned.moveGroup < index.plan.moveGroups.size()) {
    graph.set(node, "penwidth", "1.6");
  }
  std::string tooltip = fmt::format("{}: {} ({}, {} {})", shownText(system.id),
                                    shownText(system.name), agencyCode(index, system.agency),
                                    models::nameOf(system.type), models::nameOf(system.strategy));
  graph.set(node, "tooltip", graphvizLabelText(tooltip));
}

void highlightSystem(GraphDocument& graph, NodeHandle node) {
  graph.set(node, "penwidth", "3");
  graph.set(node, "color", "#d7301f");
}

void styleDependency(GraphDocument& graph, EdgeHandle edge, const models::Dependency& dependency,
                     const GraphIndex& index) {
  styleCoupling(graph, edge, dependency.coupling);
  const auto& systems = index.inventory.systems;
  graph.set(edge, "tooltip",
            graphvizLabelText(fmt::format(
                "{} depends on {} ({}{}{})", shownText(systems[dependency.consumer].id),
                shownText(systems[dependency.provider].id), models::nameOf(dependency.coupling),
                dependency.kind.empty() ? "" : ", ", shownText(dependency.kind))));
}

void LinkCounts::add(models::Coupling coupling) {
  switch (coupling) {
    case models::Coupling::loose:
      ++loose;
      break;
    case models::Coupling::normal:
      ++normal;
      break;
    case models::Coupling::tight:
      ++tight;
      break;
  }
}

void FoldedSystems::add(const GraphIndex& index, models::SystemIndex s) {
  ++systems;
  const uint32_t wave = index.waveOf(s);
  ++perWave[wave];
  effortDays += index.inventory.systems[s].effortDays;
  if (wave == 0) {
    ++retained;
    return;
  }
  if (index.inventory.systems[s].action() == models::Action::retire) ++retiring;
  firstWave = firstWave == 0 ? wave : std::min(firstWave, wave);
  lastWave = std::max(lastWave, wave);
}

void styleFolded(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                 models::AgencyIndex agency, bool withOffices, const FoldedSystems& folded) {
  // The wave most of them move in sets the colour; the label gives the range.
  uint32_t modal = 0;
  uint32_t most = 0;
  for (const auto& [wave, systems] : folded.perWave) {
    if (wave != 0 && systems > most) {
      modal = wave;
      most = systems;
    }
  }
  const Colour colour = waveColour(modal, static_cast<uint32_t>(index.plan.waves.size()));
  std::string counts = fmt::format("{} system{}", folded.systems, folded.systems == 1 ? "" : "s");
  if (folded.firstWave == 0) {
    counts += ", retained";
  } else {
    counts += folded.firstWave == folded.lastWave
                  ? fmt::format(", wave {}", folded.firstWave)
                  : fmt::format(", waves {}-{}", folded.firstWave, folded.lastWave);
    if (folded.retained) counts += fmt::format(", {} retained", folded.retained);
  }
  std::string title = agencyCode(index, agency) + (withOffices ? " and offices" : "");
  std::string label = graphvizLabelText(title) + "\\n" + graphvizLabelText(counts);
  if (folded.internalLinks) label += fmt::format("\\n{} links inside", folded.internalLinks);
  graph.set(node, "label", label);
  graph.set(node, "shape", "box");
  graph.set(node, "style", "filled,bold");
  graph.set(node, "fillcolor", colour.fill);
  graph.set(node, "fontcolor", colour.text);
  std::string tooltip = agencyCode(index, agency);
  if (agency != kNone && !index.inventory.agencies[agency].name.empty()) {
    tooltip += ": " + shownText(index.inventory.agencies[agency].name);
  }
  graph.set(node, "tooltip",
            graphvizLabelText(fmt::format("{}; {}; {} retiring; {:g} effort days", tooltip, counts,
                                          folded.retiring, folded.effortDays)));
}

void styleFoldedLinks(GraphDocument& graph, EdgeHandle edge, const LinkCounts& counts) {
  const uint32_t total = counts.total();
  graph.set(edge, "label", std::to_string(total));
  graph.set(edge, "penwidth",
            fmt::format("{:.1f}", 1.0 + std::min(4.0, std::log2(static_cast<double>(total)))));
  graph.set(edge, "color", counts.tight ? "#b2182b" : counts.normal ? "#4d4d4d" : "#8c8c8c");
  if (counts.tight == 0 && counts.normal == 0) graph.set(edge, "style", "dashed");
  graph.set(edge, "tooltip",
            fmt::format("{} links: {} tight, {} normal, {} loose", total, counts.tight,
                        counts.normal, counts.loose));
}

void styleAgencyCluster(GraphDocument& graph, GraphHandle cluster, const GraphIndex& index,
                        models::AgencyIndex agency) {
  std::string label = agencyCode(index, agency);
  if (agency != kNone && !index.inventory.agencies[agency].name.empty()) {
    label += " - " + shownText(index.inventory.agencies[agency].name);
  }
  graph.set(cluster, "label", graphvizLabelText(label));
  graph.set(cluster, "style", "rounded,filled");
  const uint32_t depth = agency == kNone ? 0 : index.depth(agency);
  graph.set(cluster, "fillcolor", depth % 2 == 0 ? "#f2f4f7" : "#ffffff");
  graph.set(cluster, "color", "#8a96a3");
  graph.set(cluster, "fontsize", "12");
  graph.set(cluster, "labeljust", "l");
}

void styleMoveGroupCluster(GraphDocument& graph, GraphHandle cluster,
                           const models::MoveGroup& group) {
  graph.set(cluster, "label",
            graphvizLabelText(group.id + " (" + std::string(models::nameOf(group.cause)) + ")"));
  graph.set(cluster, "style", "dashed,rounded");
  graph.set(cluster, "color", "#222222");
  graph.set(cluster, "penwidth", "1.4");
  graph.set(cluster, "fontsize", "9");
  graph.set(cluster, "labeljust", "r");
}

std::vector<WaveRange> legendWaveRanges(uint32_t waves) {
  std::vector<WaveRange> cells;
  if (waves <= 2 * kLegendWavesPerRow) {
    for (uint32_t wave = 1; wave <= waves; ++wave)
      cells.push_back({wave, wave});
    return cells;
  }
  for (uint32_t i = 0; i < kLegendWavesPerRow; ++i) {
    const auto first = static_cast<uint32_t>(uint64_t{waves} * i / kLegendWavesPerRow) + 1;
    const auto last = static_cast<uint32_t>(uint64_t{waves} * (i + 1) / kLegendWavesPerRow);
    cells.push_back({first, last});
  }
  return cells;
}

NodeHandle addLegend(GraphDocument& graph, const GraphIndex& index, bool folded) {
  const GraphHandle legend = graph.cluster(nullptr, "legend");
  graph.set(legend, "label", "Legend");
  graph.set(legend, "style", "rounded");
  graph.set(legend, "color", "#8a96a3");
  graph.set(legend, "fontsize", "12");
  graph.set(legend, "labeljust", "l");

  // The waves as a table of coloured cells, a dozen a row; more than two rows' worth as one row
  // of ranges along the colour ramp, so that the legend's size does not grow with the waves.
  const auto waves = static_cast<uint32_t>(index.plan.waves.size());
  const uint32_t columns = std::max(1u, std::min(waves, kLegendWavesPerRow));
  std::string html = fmt::format(
      "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
      "<TR><TD COLSPAN=\"{}\" ALIGN=\"LEFT\">fill: the wave a system moves in</TD></TR>",
      columns);
  const std::vector<WaveRange> cells = legendWaveRanges(waves);
  for (size_t first = 0; first < cells.size(); first += kLegendWavesPerRow) {
    html += "<TR>";
    for (size_t i = first; i < first + kLegendWavesPerRow && i < cells.size(); ++i) {
      const WaveRange range = cells[i];
      const Colour colour = waveColour((range.first + range.last) / 2, waves);
      html += fmt::format(
          "<TD BGCOLOR=\"{}\"><FONT COLOR=\"{}\">{}</FONT></TD>", colour.fill, colour.text,
          range.first == range.last ? std::to_string(range.first)
                                    : fmt::format("{}-{}", range.first, range.last));
    }
    html += "</TR>";
  }
  html += fmt::format("<TR><TD COLSPAN=\"{}\" BGCOLOR=\"{}\">retained (stays)</TD></TR>", columns,
                      kRetainedFill);
  html += fmt::format(
      "<TR><TD COLSPAN=\"{}\" ALIGN=\"LEFT\" BORDER=\"0\">dashed border: retires in its wave"
      "<BR ALIGN=\"LEFT\"/>dashed box: a move group (moves as one)"
      "<BR ALIGN=\"LEFT\"/>arrow: consumer to the provider it depends on<BR "
      "ALIGN=\"LEFT\"/></TD></TR>",
      columns);
  if (folded) {
    html += fmt::format(
        "<TR><TD COLSPAN=\"{}\" ALIGN=\"LEFT\" BORDER=\"0\">bold box: an agency's systems, folded;"
        "<BR ALIGN=\"LEFT\"/>its colour is the wave most of them move in;"
        "<BR ALIGN=\"LEFT\"/>edge label: how many links it stands for<BR "
        "ALIGN=\"LEFT\"/></TD></TR>",
        columns);
  }
  html += "</TABLE>";
  const NodeHandle table = graph.node(legend, " legend waves");
  graph.setHtmlLabel(table, html);
  graph.set(table, "shape", "plaintext");
  graph.set(table, "margin", "0");

  // Next to the table, a line of the shapes and of the tails of a sample edge per coupling, and
  // a line of their heads: the same in either direction.
  const GraphHandle line = graph.sameRank(legend, "legend line");
  const GraphHandle heads = graph.sameRank(legend, "legend heads");
  for (size_t t = 0; t < models::Vocabulary<models::SystemType>::names.size(); ++t) {
    const auto type = static_cast<models::SystemType>(t);
    const NodeHandle sample = graph.node(line, fmt::format(" legend {}", models::nameOf(type)));
    graph.set(sample, "label", models::nameOf(type));
    graph.set(sample, "shape", shapeOf(type));
    graph.set(sample, "style", typeStyle(type));
    graph.set(sample, "fillcolor", "#ffffff");
    graph.set(graph.edge(table, sample), "style", "invis");
  }
  for (const auto coupling :
       {models::Coupling::tight, models::Coupling::normal, models::Coupling::loose}) {
    const std::string name(models::nameOf(coupling));
    const NodeHandle consumer = graph.node(line, " legend consumer " + name);
    const NodeHandle provider = graph.node(heads, " legend provider " + name);
    graph.set(consumer, "label", name + " link");
    graph.set(consumer, "shape", "plaintext");
    graph.set(provider, "shape", "point");
    graph.set(provider, "width", "0.06");
    graph.set(graph.edge(table, consumer), "style", "invis");
    styleCoupling(graph, graph.edge(consumer, provider), coupling);
  }
  return table;
}

// --- Added for the layouts (graph_builder's bands grouped by ministry) ---

std::string waveRanges(const FoldedSystems& folded) {
  std::string waves;
  size_t count = 0;
  uint32_t first = 0, last = 0;
  auto flush = [&] {
    if (first == 0) return;
    waves += (waves.empty() ? "" : ", ") +
             (first == last ? std::to_string(first) : fmt::format("{}-{}", first, last));
  };
  for (const auto& [wave, systems] : folded.perWave) {
    if (wave == 0) continue;
    ++count;
    if (first != 0 && wave == last + 1) {
      last = wave;
      continue;
    }
    flush();
    first = last = wave;
  }
  flush();
  std::string text;
  if (!waves.empty()) {
    text = (count == 1 ? "wave " : "waves ") + waves;
  }
  if (folded.retained) {
    text += text.empty() ? std::string("retained") : fmt::format(", {} retained", folded.retained);
  }
  return text;
}

void styleNeighbours(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                     models::AgencyIndex ministry, const FoldedSystems& folded) {
  styleFolded(graph, node, index, ministry, false, folded);
  std::string label = fmt::format("{}: {} system{}", agencyCode(index, ministry), folded.systems,
                                  folded.systems == 1 ? "" : "s");
  graph.set(node, "label",
            graphvizLabelText(label) + "\\n" + graphvizLabelText(waveRanges(folded)));
}

}  // namespace cloudplan::exporters
