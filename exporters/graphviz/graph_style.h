// The one visual language of every diagram, so that a reviewer learns it once: a box per system
// that says its name, id and wave, a colour per wave (a qualitative palette, retained systems
// grey), a shape per system type, a border weight per criticality, a line per coupling, dashed
// boxes around move groups, and a compact legend that says all of it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graph_index.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

// A DOT name for an id or code: itself up to models::kLongestShownText bytes; longer, its
// models::shownText and `#number` (longer than any uncut name, so still one name per id).
std::string shownKey(std::string_view text, uint32_t number);

// Text cut to `width` characters (code points) a line, at spaces where it can, in at most
// `lines` lines; the last ends in an ellipsis when the text does not fit.
std::vector<std::string> wrappedLines(std::string_view text, size_t width, size_t lines);

struct Colour {
  std::string fill;  // #rrggbb
  std::string text;  // black or white, whichever reads on the fill
};

// The colour of wave `wave`; wave 0 (retained) is grey. The colours repeat every
// kWavePaletteSize waves: neighbours always differ, and the box says its wave's number.
inline constexpr uint32_t kWavePaletteSize = 8;
Colour waveColour(uint32_t wave);

std::string_view shapeOf(models::SystemType type);
std::string typeStyle(models::SystemType type);  // "filled" and what else marks the type

// Which way dependencies run: consumers above (or left of) the providers they depend on.
enum class Direction : uint8_t { topDown, leftToRight };

// Fonts, spacing, direction: what every diagram starts with, before its first node.
void startDiagram(GraphDocument& graph, Direction direction = Direction::topDown);
// The title at the top, and lines of explanation under it (separated by \n).
void titleDiagram(GraphDocument& graph, std::string_view title, std::string_view subtitle);

// A system drawn as itself: its name, under it its wave, id and move group in small print, a
// marker and a thick border when its criticality is high (a thin one when low); everything
// else (agency, strategy, effort, reasons) in the tooltip.
void styleSystem(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                 models::SystemIndex system);
// The focus of a diagram: a thick red border.
void highlightSystem(GraphDocument& graph, NodeHandle node);
// A dependency consumer -> provider ("depends on"), drawn by its coupling.
void styleDependency(GraphDocument& graph, EdgeHandle edge, const models::Dependency& dependency,
                     const GraphIndex& index);

// Counts of the links folded into one edge, by coupling.
struct LinkCounts {
  uint32_t loose = 0, normal = 0, tight = 0;
  uint32_t total() const { return loose + normal + tight; }
  void add(models::Coupling coupling);
};
// Systems folded into one node: how many, and their waves.
struct FoldedSystems {
  uint32_t systems = 0, retained = 0, retiring = 0;
  uint32_t firstWave = 0, lastWave = 0;  // 0: none scheduled
  uint32_t internalLinks = 0;
  // Systems by wave (0: retained); as many entries as waves they move in, not as waves there are.
  std::map<uint32_t, uint32_t> perWave;
  double effortDays = 0;
  void add(const GraphIndex& index, models::SystemIndex system);
};
// An agency's systems folded into one node, coloured by the wave most of them move in.
void styleFolded(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                 models::AgencyIndex agency, bool withOffices, const FoldedSystems& folded);
// Many links drawn as one: the count as label, thicker for more.
void styleFoldedLinks(GraphDocument& graph, EdgeHandle edge, const LinkCounts& counts);

void styleAgencyCluster(GraphDocument& graph, GraphHandle cluster, const GraphIndex& index,
                        models::AgencyIndex agency);
void styleMoveGroupCluster(GraphDocument& graph, GraphHandle cluster,
                           const models::MoveGroup& group);

// The cells of the legend's waves: one per wave up to kWavePaletteSize waves, else one per colour
// with the waves that share it (1, 9, 17 ...).
struct WaveCell {
  uint32_t wave;   // the first wave of the colour
  uint32_t count;  // how many waves have it
};
std::vector<WaveCell> legendWaveCells(uint32_t waves);

// The ID of the legend's table in the SVG (<g id="legend">), for tests and style sheets.
inline constexpr std::string_view kLegendId = "legend";

// The legend: one small table beside the title (the graph's label, whichever of titleDiagram
// and addLegend comes first) that says the colour of every wave, the shapes, the borders, the
// couplings; with `folded`, what a folded node and its weighted edges mean. It is no node of the
// graph: a node would take a rank, and a column of the layout, of its own.
void addLegend(GraphDocument& graph, const GraphIndex& index, bool folded);

// The systems of a ministry around a diagram's subject, as one node: "MOH: 12 systems" and the
// waves they move in ("waves 2, 4-6, 1 retained"); coloured as styleFolded colours.
void styleNeighbours(GraphDocument& graph, NodeHandle node, const GraphIndex& index,
                     models::AgencyIndex ministry, const FoldedSystems& folded);
// The waves of folded systems as ranges: "wave 3", "waves 2, 4-6", "retained", "waves 1-2, 1
// retained".
std::string waveRanges(const FoldedSystems& folded);

}  // namespace cloudplan::exporters
