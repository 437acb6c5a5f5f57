#include "exporters/graphviz/graph_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "exporters/reports/html_escape.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

struct Rgb {
  double r, g, b;
};

// Paul Tol's "light" qualitative scheme, made for cells with text on them (black reads on every
// one), in the order that keeps every pair of neighbours (and the last and the first, where the
// waves cycle) at least 30 CIE76 units apart for normal vision and for protan, deutan and tritan
// readers (Machado et al.'s simulation): wave 10 never looks like wave 11. Its pale grey is the
// retained systems' fill.
constexpr std::array<Rgb, kWavePaletteSize> kPalette = {
    Rgb{0x77, 0xaa, 0xdd},  // light blue
    Rgb{0xee, 0x88, 0x66},  // orange
    Rgb{0x99, 0xdd, 0xff},  // light cyan
    Rgb{0xee, 0xdd, 0x88},  // light yellow
    Rgb{0x44, 0xbb, 0x99},  // mint
    Rgb{0xbb, 0xcc, 0x33},  // pear
    Rgb{0xff, 0xaa, 0xbb},  // pink
    Rgb{0xaa, 0xaa, 0x00},  // olive
};
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
                         : models::shownText(index.inventory.agencies[agency].code);
}

size_t codePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The first `count` code points of `text`.
std::string_view firstCodePoints(std::string_view text, size_t count) {
  size_t at = 0;
  for (; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && count-- == 0) break;
  }
  return text.substr(0, at);
}

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr std::string_view kDot = " \xC2\xB7 ";  // a middle dot between the small print's parts
constexpr std::string_view kHighMark = "\xE2\x96\xB2";  // a black up-pointing triangle
// A box is about 22 characters wide, so that a name takes two or three short lines rather than
// one long one: the layout stays compact and the name is read at a glance.
constexpr size_t kNameWidth = 22, kNameLines = 3, kIdWidth = 32;

std::string cutText(std::string_view text, size_t width) {
  if (codePoints(text) <= width) return std::string(text);
  return std::string(firstCodePoints(text, width - 1)) + std::string(kEllipsis);
}

// The pen widths of a system's border by criticality: what a reader sees before the marker.
std::string_view borderOf(models::Criticality criticality) {
  switch (criticality) {
    case models::Criticality::high:
      return "2.6";
    case models::Criticality::medium:
      return "1";
    case models::Criticality::low:
      return "0.4";
  }
  return "1";
}

// The graph's label holds the title on the left and the legend on the right of it, in one table,
// whichever of titleDiagram and addLegend comes first: each finds the other's part by these
// markers (the title's text is escaped, so it never contains them).
constexpr std::string_view kHeadingStart =
    "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
    "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\">";
constexpr std::string_view kHeadingMiddle = "</TD><TD WIDTH=\"12\"></TD><TD VALIGN=\"TOP\">";
constexpr std::string_view kHeadingEnd = "</TD></TR></TABLE>";
constexpr std::string_view kLegendStart = "<TABLE ID=\"legend\"";

struct Heading {
  std::string title, legend;
};

Heading headingOf(const GraphDocument& graph) {
  const std::string label = graph.get(graph.root(), "label");
  if (label.starts_with(kLegendStart)) return {"", label};
  if (label.starts_with(kHeadingStart) && label.ends_with(kHeadingEnd)) {
    const size_t middle = label.find(kHeadingMiddle);
    if (middle != std::string::npos) {
      const size_t legend = middle + kHeadingMiddle.size();
      return {label.substr(kHeadingStart.size(), middle - kHeadingStart.size()),
              label.substr(legend, label.size() - kHeadingEnd.size() - legend)};
    }
  }
  return {label, ""};
}

void setHeading(GraphDocument& graph, const Heading& heading) {
  if (heading.legend.empty() || heading.title.empty()) {
    graph.setHtmlLabel(graph.root(), heading.legend.empty() ? heading.title : heading.legend);
    return;
  }
  graph.setHtmlLabel(graph.root(), std::string(kHeadingStart) + heading.title +
                                       std::string(kHeadingMiddle) + heading.legend +
                                       std::string(kHeadingEnd));
}

}  // namespace

std::vector<std::string> wrappedLines(std::string_view text, size_t width, size_t lines) {
  std::vector<std::string> out;
  if (width == 0 || lines == 0) return out;
  std::string line;
  size_t lineWidth = 0;
  auto flush = [&] {
    if (lineWidth == 0) return;
    out.push_back(std::move(line));
    line.clear();
    lineWidth = 0;
  };
  while (!text.empty()) {
    const size_t space = text.find(' ');
    std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    while (!word.empty()) {
      const size_t wordWidth = codePoints(word);
      if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
        line += ' ';
        line += word;
        lineWidth += 1 + wordWidth;
        break;
      }
      flush();
      // A word wider than a line is cut where the line ends.
      const std::string_view piece = firstCodePoints(word, width);
      line = std::string(piece);
      lineWidth = codePoints(piece);
      word.remove_prefix(piece.size());
      if (!word.empty()) flush();
    }
  }
  flush();
  if (out.size() > lines) {
    std::string& last = out[lines - 1];
    last = std::string(firstCodePoints(last, std::min(codePoints(last), width - 1))) +
           std::string(kEllipsis);
    out.resize(lines);
  }
  return out;
}

std::string shownKey(std::string_view text, uint32_t number) {
  if (text.size() <= models::kLongestShownText) return std::string(text);
  return models::shownText(text) + "#" + std::to_string(number);
}

Colour waveColour(uint32_t wave) {
  if (wave == 0) return {kRetainedFill, "#222222"};
  const Rgb c = kPalette[(wave - 1) % kPalette.size()];
  return {hex(c), luminance(c) > 0.18 ? "#000000" : "#ffffff"};
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
  // Graphviz measures bold text with its regular widths, about a tenth short at this size: the
  // cell after the title keeps a browser's wider rendering of it clear of the legend.
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
      "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>";
  appendHtmlEscaped(html, title);
  html += "</B></FONT><BR ALIGN=\"LEFT\"/>";
  while (!subtitle.empty()) {
    const size_t end = subtitle.find('\n');
    appendHtmlEscaped(html, subtitle.substr(0, end));
    html += "<BR ALIGN=\"LEFT\"/>";
    subtitle = end == std::string_view::npos ? std::string_view() : subtitle.substr(end + 1);
  }
  html += fmt::format("</TD><TD WIDTH=\"{}\"></TD></TR></TABLE>",
                      std::max<size_t>(12, codePoints(title) * 3 / 2));
  Heading heading = headingOf(graph);
  heading.title = std::move(html);
  setHeading(graph, heading);
}

void styleSystem(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                 models::SystemIndex s) {
  const auto& system = index.inventory.systems[s];
  const auto& planned = index.plan.systems[s];
  const uint32_t wave = index.waveOf(s);
  const Colour colour = waveColour(wave);
  const bool retiring = system.action() == models::Action::retire;
  const bool high = system.criticality == models::Criticality::high;
  const bool grouped =
      planned.moveGroup != kNone && planned.moveGroup < index.plan.moveGroups.size();

  // The name in the box's font, then in small print: the wave (what the colour says, for those
  // who cannot tell it or read a grey copy), the criticality's marker, the id, the move group.
  std::string html;
  const bool named = !system.name.empty();
  for (const std::string& line :
       wrappedLines(models::shownText(named ? system.name : system.id), kNameWidth, kNameLines)) {
    if (!html.empty()) html += "<BR/>";
    appendHtmlEscaped(html, line);
  }
  // One run of text: Graphviz places each change of font at its own estimate of the widths
  // before it, which a browser's font does not match.
  html += fmt::format("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"{}\">",
                      colour.text == "#ffffff" ? "#eeeeee" : "#333333");
  html += wave == 0  ? std::string("retained")
          : retiring ? fmt::format("W{} retires", wave)
                     : fmt::format("W{}", wave);
  if (high) html += fmt::format("{}{} high", kDot, kHighMark);
  if (named) {
    html += kDot;
    appendHtmlEscaped(html, cutText(models::shownText(system.id), kIdWidth));
  }
  if (grouped) {
    html += kDot;
    appendHtmlEscaped(
        html, cutText(models::shownText(index.plan.moveGroups[planned.moveGroup].id), kIdWidth));
  }
  html += "</FONT>";
  graph.setHtmlLabel(node, html);

  graph.set(node, "shape", shapeOf(system.type));
  std::string style = typeStyle(system.type);
  if (retiring) style += ",dashed";
  graph.set(node, "style", style);
  graph.set(node, "fillcolor", colour.fill);
  graph.set(node, "fontcolor", colour.text);
  if (system.criticality != models::Criticality::medium) {
    graph.set(node, "penwidth", borderOf(system.criticality));
  }

  // The tooltip says the rest, a line each: what the box has no room for.
  std::string agency = agencyCode(index, system.agency);
  if (system.agency != kNone && !index.inventory.agencies[system.agency].name.empty()) {
    agency += " - " + models::shownText(index.inventory.agencies[system.agency].name);
  }
  std::string tooltip =
      graphvizLabelText(
          fmt::format("{}: {}", models::shownText(system.id), models::shownText(system.name))) +
      "\\n" + graphvizLabelText(agency) + "\\n" +
      graphvizLabelText(fmt::format("{}, {}; criticality {}; {:g} effort days",
                                    models::nameOf(system.type), models::nameOf(system.strategy),
                                    models::nameOf(system.criticality), system.effortDays)) +
      "\\n" + graphvizLabelText(waveLine(index, s));
  // The first reasons: the rest are in report.html, and a wave of thousands would weigh megabytes.
  constexpr size_t kReasonsShown = 4;
  for (size_t r = 0; r < planned.reasons.size() && r < kReasonsShown; ++r) {
    tooltip += "\\n" + graphvizLabelText(models::shownText(planned.reasons[r]));
  }
  if (planned.reasons.size() > kReasonsShown) {
    tooltip +=
        fmt::format("\\n({} more reasons in report.html)", planned.reasons.size() - kReasonsShown);
  }
  graph.set(node, "tooltip", tooltip);
}

void highlightSystem(GraphDocument& graph, NodeHandle node) {
  graph.set(node, "penwidth", "3");
  graph.set(node, "color", "#d7301f");
}

void styleDependency(GraphDocument& graph, EdgeHandle edge, const models::Dependency& dependency,
                     const GraphIndex& index) {
  styleCoupling(graph, edge, dependency.coupling);
  const auto& systems = index.inventory.systems;
  graph.set(
      edge, "tooltip",
      graphvizLabelText(fmt::format(
          "{} depends on {} ({}{}{})", models::shownText(systems[dependency.consumer].id),
          models::shownText(systems[dependency.provider].id), models::nameOf(dependency.coupling),
          dependency.kind.empty() ? "" : ", ", models::shownText(dependency.kind))));
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
  const Colour colour = waveColour(modal);
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
    tooltip += ": " + models::shownText(index.inventory.agencies[agency].name);
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
    label += " - " + models::shownText(index.inventory.agencies[agency].name);
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

std::vector<WaveCell> legendWaveCells(uint32_t waves) {
  std::vector<WaveCell> cells;
  for (uint32_t wave = 1; wave <= waves && wave <= kWavePaletteSize; ++wave) {
    cells.push_back({wave, (waves - wave) / kWavePaletteSize + 1});
  }
  return cells;
}

void addLegend(GraphDocument& graph, const GraphIndex& index, bool folded) {
  // Small print, a row per thing to say, the waves' colours in a row of cells: a legend of a
  // few hundred points square whatever the plan's size, so that it stays a corner of the page.
  auto row = [](std::string_view key, std::string_view content) {
    return fmt::format(
        "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"34\">{}</TD>"
        "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\">{}</FONT></TD></TR>",
        // An empty <B></B> is a syntax error to Graphviz, which would then draw no label at all.
        key.empty() ? std::string() : fmt::format("<FONT POINT-SIZE=\"8\"><B>{}</B></FONT>", key),
        content);
  };
  const auto waves = static_cast<uint32_t>(index.plan.waves.size());
  std::string cells =
      "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR>";
  for (const WaveCell cell : legendWaveCells(waves)) {
    const Colour colour = waveColour(cell.wave);
    std::string text = std::to_string(cell.wave);
    if (cell.count > 1) text += fmt::format(", {}", cell.wave + kWavePaletteSize);
    if (cell.count > 2) text += fmt::format(", {}", cell.wave + 2 * kWavePaletteSize);
    if (cell.count > 3) text += std::string(" ") + std::string(kEllipsis);
    cells += fmt::format("<TD BGCOLOR=\"{}\"><FONT POINT-SIZE=\"8\" COLOR=\"{}\">{}</FONT></TD>",
                         colour.fill, colour.text, text);
  }
  cells +=
      fmt::format("<TD BGCOLOR=\"{}\"><FONT POINT-SIZE=\"8\">retained</FONT></TD>", kRetainedFill);
  cells += "</TR></TABLE>";
  std::string html = fmt::format(
      "{} HREF=\"#legend\" TOOLTIP=\"legend\" BORDER=\"1\" COLOR=\"#8a96a3\" BGCOLOR=\"#ffffff\" "
      "CELLBORDER=\"0\" "
      "CELLSPACING=\"0\" CELLPADDING=\"1\">",
      kLegendStart);
  html += fmt::format(
      "<TR><TD ALIGN=\"LEFT\" VALIGN=\"MIDDLE\" WIDTH=\"34\"><FONT POINT-SIZE=\"8\"><B>wave</B>"
      "</FONT></TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
      cells);
  if (waves > kWavePaletteSize) {
    html += row("", fmt::format("the colours repeat every {} waves: the box says its wave (W9)",
                                kWavePaletteSize));
  }
  html += row("box", fmt::format("the system&#39;s name; small: its wave (W3), id, move group"
                                 "<BR/>rounded: application{0}cylinder: database{0}3-D: "
                                 "infrastructure{0}tabbed: platform{0}cut corners: interface",
                                 kDot));
  html += row("border", fmt::format("thick and {} high: high criticality{}normal: medium{}thin: "
                                    "low{}dashed: retires in its wave",
                                    kHighMark, kDot, kDot, kDot));
  // In one run of text: Graphviz places each change of font at its own estimate of the widths
  // before it, which a browser's font does not match.
  html += row("arrow", fmt::format("consumer to the provider it depends on: thick red: tight{0}"
                                   "grey: normal{0}dashed: loose",
                                   kDot));
  html += row("frame", "dashed: a move group (moves as one); shaded: an agency");
  if (folded) {
    html += row("folded",
                "bold box: an agency&#39;s systems drawn as one, filled with the wave most of "
                "them move in;<BR/>the number on its links: how many links it stands for");
  }
  html += "</TABLE>";
  Heading heading = headingOf(graph);
  heading.legend = std::move(html);
  setHeading(graph, heading);
}

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
