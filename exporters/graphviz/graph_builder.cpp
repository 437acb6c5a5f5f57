#include "exporters/graphviz/graph_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "exporters/graphviz/graph_style.h"
#include "exporters/reports/html_escape.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

using models::AgencyIndex;
using models::kNone;
using models::SystemIndex;

namespace {

constexpr size_t kLargeDiagram = 120;  // nodes

uint64_t bandAgencyKey(uint32_t band, AgencyIndex agency) {
  return (uint64_t{band} << 32) | agency;
}

// What a diagram's node stands for: one system, or the systems of an agency folded together.
struct NodeSpec {
  uint32_t band = 0;
  bool folded = false;
  SystemIndex system = kNone;  // unfolded
  AgencyIndex agency = kNone;  // its own agency, or the one they are folded into
  bool withOffices = false;
  bool grouped = false;  // a ministry's systems in a band grouped by ministry
  FoldedSystems content;
  NodeHandle handle = nullptr;
};

}  // namespace

uint32_t DiagramBuilder::addBand(std::string label, std::string fill, uint32_t row) {
  bands_.push_back(Band{std::move(label), std::move(fill), row});
  return static_cast<uint32_t>(bands_.size() - 1);
}

void DiagramBuilder::place(SystemIndex system, uint32_t band, Keep keep) {
  placements_.push_back(Placement{system, band, keep});
}

void DiagramBuilder::groupByMinistry(uint32_t band, uint32_t from) {
  bands_.at(band).groupFrom = from;
}

std::unordered_map<uint64_t, uint32_t> DiagramBuilder::groupSizes() const {
  std::unordered_map<uint64_t, uint32_t> sizes;
  for (const auto& placement : placements_) {
    if (bands_[placement.band].groupFrom == 0 || placement.keep == Keep::always) continue;
    const AgencyIndex ministry =
        index_.ancestorAt(index_.inventory.systems[placement.system].agency, 0);
    ++sizes[bandAgencyKey(placement.band, ministry)];
  }
  return sizes;
}

uint32_t DiagramBuilder::foldDepth(const Placement& placement, Folding folding,
                                   const std::unordered_map<uint64_t, uint32_t>& groups) const {
  const uint32_t depth = foldDepth(placement, folding);
  const uint32_t from = bands_[placement.band].groupFrom;
  if (from == 0 || placement.keep == Keep::always) return depth;
  const AgencyIndex ministry =
      index_.ancestorAt(index_.inventory.systems[placement.system].agency, 0);
  const auto it = groups.find(bandAgencyKey(placement.band, ministry));
  if (it == groups.end() || it->second < from) return depth;
  return 0;
}

uint32_t DiagramBuilder::foldDepth(const Placement& placement, Folding folding) const {
  switch (placement.keep) {
    case Keep::foldFirst:
      return folding.context;
    case Keep::foldLast:
      return folding.subject;
    case Keep::always:
      return kNone;
  }
  return kNone;
}

size_t DiagramBuilder::nodesWith(Folding folding) const {
  size_t nodes = 0;
  std::unordered_set<uint64_t> folded;
  const auto groups = groupSizes();
  for (const auto& placement : placements_) {
    const uint32_t depth = foldDepth(placement, folding, groups);
    if (depth == kNone) {
      ++nodes;
      continue;
    }
    const AgencyIndex agency =
        index_.ancestorAt(index_.inventory.systems[placement.system].agency, depth);
    folded.insert(bandAgencyKey(placement.band, agency));
  }
  return nodes + folded.size();
}

DiagramBuilder::Folding DiagramBuilder::chooseFolding(size_t maxNodes) const {
  // Context folds before the subject, and each folds from whole agencies up to ministries.
  std::vector<Folding> candidates = {Folding{}};
  for (uint32_t depth = index_.deepestDrawn() + 1; depth-- > 0;) {
    candidates.push_back(Folding{depth, kNone});
  }
  for (uint32_t depth = index_.deepestDrawn() + 1; depth-- > 0;) {
    candidates.push_back(Folding{0, depth});
  }
  for (const Folding& folding : candidates) {
    if (nodesWith(folding) <= maxNodes) return folding;
  }
  return candidates.back();
}

std::string DiagramBuilder::describe(Folding folding, size_t nodes, size_t maxNodes) const {
  auto unit = [&](uint32_t depth) {
    if (depth == 0) return std::string("ministry (top-level agency, its offices included)");
    if (depth >= index_.deepest()) return std::string("agency");
    return fmt::format("agency down to level {} (deeper offices included)", depth + 1);
  };
  if (folding.subject != kNone) {
    return fmt::format(
        "{} systems would make more than {} nodes: drawn as {} nodes, one per {}; an edge "
        "between two stands for as many links as its label says",
        placements_.size(), maxNodes, nodes, unit(folding.subject));
  }
  if (folding.context != kNone) {
    return fmt::format(
        "the systems around them are drawn as one node per {} (more than {} nodes otherwise)",
        unit(folding.context), maxNodes);
  }
  return {};
}

namespace {

// Each node's row when its bands sit in more than one row (numbered from 0, top first); empty
// otherwise.
std::vector<uint32_t> rowsOf(const std::vector<NodeSpec>& nodes,
                             const std::vector<uint32_t>& bandRows, size_t& rows) {
  std::vector<uint32_t> used;
  for (const auto& node : nodes)
    used.push_back(bandRows[node.band]);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  rows = used.size();
  if (rows < 2) return {};
  std::vector<uint32_t> rowOf;
  for (const auto& node : nodes) {
    rowOf.push_back(static_cast<uint32_t>(
        std::lower_bound(used.begin(), used.end(), bandRows[node.band]) - used.begin()));
  }
  return rowOf;
}

// The nodes of a row that the row's own edges reach everything from: those no edge of the row
// enters, and one node of each cycle that none of them reaches. With `forward` false, the same
// against the edges: the nodes everything reaches.
std::vector<uint32_t> rowEnds(const std::vector<uint32_t>& rowOf,
                              const std::vector<std::pair<uint32_t, uint32_t>>& edges, uint32_t row,
                              bool forward) {
  const size_t n = rowOf.size();
  std::vector<std::vector<uint32_t>> next(n);
  std::vector<uint32_t> entering(n, 0);
  for (auto [tail, head] : edges) {
    if (rowOf[tail] != row || rowOf[head] != row) continue;
    if (!forward) std::swap(tail, head);
    next[tail].push_back(head);
    ++entering[head];
  }
  std::vector<uint32_t> ends;
  std::vector<bool> reached(n, false);
  auto reach = [&](uint32_t start) {
    std::vector<uint32_t> stack = {start};
    reached[start] = true;
    while (!stack.empty()) {
      const uint32_t at = stack.back();
      stack.pop_back();
      for (const uint32_t to : next[at]) {
        if (!reached[to]) {
          reached[to] = true;
          stack.push_back(to);
        }
      }
    }
  };
  for (uint32_t pass = 0; pass < 2; ++pass) {
    for (uint32_t node = 0; node < n; ++node) {
      if (rowOf[node] != row || reached[node] || (pass == 0 && entering[node] > 0)) continue;
      ends.push_back(node);
      reach(node);
    }
  }
  std::sort(ends.begin(), ends.end());
  return ends;
}

// An invisible node between a row and the next: the last nodes of the row above it, the first
// nodes of the next row below it, so that whole rows follow one another. Weight 0: they hold the
// rows apart without pulling anything sideways, and being short they cost dot little.
std::vector<NodeHandle> addRowSeparators(GraphDocument& graph, const std::vector<NodeSpec>& nodes,
                                         const std::vector<uint32_t>& rowOf, size_t rows,
                                         const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  std::vector<NodeHandle> separators;
  auto invisible = [&](NodeHandle tail, NodeHandle head) {
    const EdgeHandle edge = graph.edge(tail, head);
    graph.set(edge, "style", "invis");
    graph.set(edge, "weight", "0");
  };
  for (uint32_t r = 0; r + 1 < rows; ++r) {
    const NodeHandle separator = graph.node(nullptr, fmt::format(" row {}", r + 1));
    graph.set(separator, "style", "invis");
    graph.set(separator, "shape", "point");
    graph.set(separator, "width", "0");
    graph.set(separator, "label", "");
    separators.push_back(separator);
    for (const uint32_t last : rowEnds(rowOf, edges, r, false)) {
      invisible(nodes[last].handle, separator);
    }
    for (const uint32_t first : rowEnds(rowOf, edges, r + 1, true)) {
      invisible(separator, nodes[first].handle);
    }
  }
  return separators;
}

// Each band-0 node's ministry, as a position in `ministries` (kNone when it has none).
std::vector<uint32_t> ministriesOf(const GraphIndex& index, const std::vector<NodeSpec>& nodes,
                                   std::vector<AgencyIndex>& ministries) {
  std::vector<uint32_t> ministryOf(nodes.size(), kNone);
  std::unordered_map<AgencyIndex, uint32_t> position;
  for (size_t n = 0; n < nodes.size(); ++n) {
    if (nodes[n].band != 0 || nodes[n].agency == kNone) continue;
    const AgencyIndex ministry = index.ancestorAt(nodes[n].agency, 0);
    const auto [it, inserted] =
        position.emplace(ministry, static_cast<uint32_t>(ministries.size()));
    if (inserted) ministries.push_back(ministry);
    ministryOf[n] = it->second;
  }
  return ministryOf;
}

// Nodes without edges between them, in a grid instead of one long line: an invisible edge from
// each to the one a column further. In the order of the waves their systems start moving.
void arrangeInGrid(GraphDocument& graph, const std::vector<NodeSpec>& nodes,
                   const std::vector<uint32_t>& ministryOf) {
  std::vector<uint32_t> order;
  for (uint32_t n = 0; n < nodes.size(); ++n) {
    if (ministryOf[n] != kNone) order.push_back(n);
  }
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return nodes[a].content.firstWave < nodes[b].content.firstWave;
  });
  const auto column = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(order.size()))));
  for (size_t i = 0; i + column < order.size(); ++i) {
    const EdgeHandle edge = graph.edge(nodes[order[i]].handle, nodes[order[i + column]].handle);
    graph.set(edge, "style", "invis");
  }
}

// An edge's count of links written beside it (xlabel) rather than on it. Dot makes a label on an
// edge a node of its own, a rank between the edge's ends: every edge of the diagram then spans
// twice the ranks, and dot's work (about half of a 10,000-system render) doubles with them. And a
// label on an edge within one rank makes Graphviz 2.42 grow its rank array in flat_edges and free
// the old one again in gvFreeLayout: a double free that aborted render. An xlabel is placed once
// the layout is done.
void countBeside(GraphDocument& graph, EdgeHandle edge, const LinkCounts& counts) {
  graph.set(edge, "label", "");
  graph.set(edge, "xlabel", std::to_string(counts.total()));
}

// The most ministries the table of links between them has a row and a column for: it has a cell
// for every pair, and a thousand ministries would make a million.
constexpr size_t kTabledMinistries = 40;

// The links between ministries as a table: consumers by row, providers by column. With more
// linked ministries than kTabledMinistries, those with the most links have their own row and
// column, and the others share one. Returns how many share it.
size_t addMinistryTable(GraphDocument& graph, const GraphIndex& index,
                        const std::vector<AgencyIndex>& ministries,
                        const std::map<std::pair<uint32_t, uint32_t>, LinkCounts>& links) {
  std::vector<uint64_t> linkCount(ministries.size(), 0);
  for (const auto& [pair, counts] : links) {
    linkCount[pair.first] += counts.total();
    linkCount[pair.second] += counts.total();
  }
  std::vector<uint32_t> shown;  // in the order of `ministries`
  for (uint32_t m = 0; m < ministries.size(); ++m) {
    if (linkCount[m] > 0) shown.push_back(m);
  }
  size_t others = 0;
  if (shown.size() > kTabledMinistries) {
    std::vector<uint32_t> ranked = shown;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](uint32_t a, uint32_t b) { return linkCount[a] > linkCount[b]; });
    ranked.resize(kTabledMinistries - 1);
    std::sort(ranked.begin(), ranked.end());
    others = shown.size() - ranked.size();
    shown = std::move(ranked);
  }
  // Each ministry's column, the others' being the last.
  const auto otherColumn = static_cast<uint32_t>(shown.size());
  std::vector<uint32_t> columnOf(ministries.size(), otherColumn);
  for (uint32_t c = 0; c < shown.size(); ++c)
    columnOf[shown[c]] = c;
  const size_t columns = shown.size() + (others ? 1 : 0);
  std::vector<LinkCounts> cells(columns * columns);
  for (const auto& [pair, counts] : links) {
    LinkCounts& cell = cells[columnOf[pair.first] * columns + columnOf[pair.second]];
    cell.loose += counts.loose;
    cell.normal += counts.normal;
    cell.tight += counts.tight;
  }

  const GraphHandle box = graph.cluster(nullptr, "links between ministries");
  graph.set(box, "label", "Links between ministries");
  graph.set(box, "style", "rounded");
  graph.set(box, "color", "#8a96a3");
  graph.set(box, "fontsize", "12");
  graph.set(box, "labeljust", "l");
  auto code = [&](uint32_t c) {
    return c == otherColumn ? fmt::format("{} others", others)
                            : htmlEscaped(models::shownText(
                                  index.inventory.agencies[ministries[shown[c]]].code));
  };
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
      "<TR><TD ALIGN=\"LEFT\">row depends on column</TD>";
  for (uint32_t to = 0; to < columns; ++to)
    html += "<TD><B>" + code(to) + "</B></TD>";
  html += "</TR>";
  for (uint32_t from = 0; from < columns; ++from) {
    html += "<TR><TD ALIGN=\"LEFT\"><B>" + code(from) + "</B></TD>";
    for (uint32_t to = 0; to < columns; ++to) {
      const LinkCounts& cell = cells[from * columns + to];
      if (cell.total() == 0) {
        html += from == to ? "<TD BGCOLOR=\"#eeeeee\"></TD>" : "<TD></TD>";
      } else if (cell.tight) {
        // Tight links across ministries are rare and bind their waves: they stand out.
        html += fmt::format("<TD><FONT COLOR=\"#b2182b\"><B>{}</B></FONT></TD>", cell.total());
      } else {
        html += fmt::format("<TD>{}</TD>", cell.total());
      }
    }
    html += "</TR>";
  }
  html += "</TABLE>";
  const NodeHandle table = graph.node(box, " links between ministries");
  graph.setHtmlLabel(table, html);
  graph.set(table, "shape", "plaintext");
  graph.set(table, "margin", "0");
  return others;
}

// The size a system's box is laid out at, with the gaps dot leaves around it (nodesep, ranksep),
// in inches: a name on two or three lines and the id below it.
constexpr double kBoxWidth = 1.8 + 0.25, kBoxHeight = 0.8 + 0.25, kRankGap = 0.5;
constexpr double kComponentGap = 0.5;
// What an agency's box adds around what it holds: its title and margins.
constexpr double kBoxMargin = 0.45;
// The shape aimed at, width over height: a landscape page or a screen.
constexpr double kAimedRatio = 1.4;

// Each node's rank along the drawn edges of its row (the longest path to it), in an order that
// the edges follow; a cycle is cut at its first node in input order.
std::vector<uint32_t> ranksOf(size_t n, const std::vector<uint32_t>& rowOf,
                              const std::vector<std::pair<uint32_t, uint32_t>>& edges,
                              std::vector<uint32_t>& order) {
  auto row = [&](uint32_t node) { return rowOf.empty() ? 0 : rowOf[node]; };
  std::vector<std::vector<uint32_t>> next(n);
  std::vector<uint32_t> entering(n, 0), rank(n, 0);
  for (const auto& [tail, head] : edges) {
    if (tail == head || row(tail) != row(head)) continue;
    next[tail].push_back(head);
    ++entering[head];
  }
  std::vector<bool> done(n, false);
  std::vector<uint32_t> ready;
  order.clear();
  uint32_t cut = 0;
  for (uint32_t node = 0; node < n; ++node) {
    if (entering[node] == 0) ready.push_back(node);
  }
  while (order.size() < n) {
    if (ready.empty()) {
      while (done[cut])
        ++cut;
      ready.push_back(cut);
      entering[cut] = 0;
    }
    const uint32_t at = ready.back();
    ready.pop_back();
    if (done[at]) continue;
    done[at] = true;
    order.push_back(at);
    for (const uint32_t to : next[at]) {
      if (done[to]) continue;
      rank[to] = std::max(rank[to], rank[at] + 1);
      if (--entering[to] == 0) ready.push_back(to);
    }
  }
  return rank;
}

// Shapes the drawing to fit a page, about kAimedRatio wide for high. Dot draws the parts of a
// drawing that nothing links (ministries whose links are tabulated) side by side across the
// ranks, and a rank's nodes side by side too; so
//  - a rank of too many nodes is wrapped onto several: an invisible edge from each node of the
//    rank to the one `wrap` places further, which dot then puts a rank further (each part, a
//    ministry or the whole when its bands follow one another, has a wrap of its own);
//  - parts of band 0 follow one another along the ranks in lines, an invisible separator between
//    two parts of a line (the last nodes of one before it, the first of the next after it).
// The wraps and lines are chosen on an estimate of the extent: kBoxWidth by kBoxHeight a node,
// boxes of agencies side by side and kBoxMargin around each, ranks replayed with the wraps.
void wrapRanks(GraphDocument& graph, const GraphIndex& index, const std::vector<NodeSpec>& nodes,
               const std::vector<uint32_t>& rowOf,
               const std::vector<std::pair<uint32_t, uint32_t>>& edges, Direction direction) {
  const size_t n = nodes.size();
  if (n < 4) return;
  // Parts: linked nodes, and those of one ministry in one band, are in one; so is everything when
  // the bands are in rows (their separators link them).
  std::vector<uint32_t> parent(n);
  for (uint32_t i = 0; i < n; ++i)
    parent[i] = i;
  auto find = [&](uint32_t i) {
    while (parent[i] != i)
      i = parent[i] = parent[parent[i]];
    return i;
  };
  auto join = [&](uint32_t a, uint32_t b) { parent[find(a)] = find(b); };
  if (!rowOf.empty()) {
    for (uint32_t i = 1; i < n; ++i)
      join(i, 0);
  }
  for (const auto& [tail, head] : edges)
    join(tail, head);
  std::unordered_map<uint64_t, uint32_t> ministryNode;
  auto ministryOf = [&](uint32_t node) {
    return nodes[node].agency == kNone ? kNone : index.ancestorAt(nodes[node].agency, 0);
  };
  for (uint32_t i = 0; i < n; ++i) {
    const auto [it, inserted] =
        ministryNode.emplace(bandAgencyKey(nodes[i].band, ministryOf(i)), i);
    if (!inserted) join(i, it->second);
  }
  std::vector<uint32_t> partOf(n);
  std::unordered_map<uint32_t, uint32_t> partNumber;
  for (uint32_t i = 0; i < n; ++i) {
    partOf[i] = partNumber.emplace(find(i), static_cast<uint32_t>(partNumber.size())).first->second;
  }
  const size_t parts = partNumber.size();

  std::vector<uint32_t> order;
  const std::vector<uint32_t> rank = ranksOf(n, rowOf, edges, order);
  auto row = [&](uint32_t node) { return rowOf.empty() ? 0u : rowOf[node]; };
  // The box each node is drawn in (its agency's; a folded agency's parent's), the nodes of each
  // rank of each box: a wrap keeps to one box, since dot draws boxes side by side.
  auto boxOf = [&](uint32_t node) {
    return nodes[node].folded ? index.parentOf(nodes[node].agency) : nodes[node].agency;
  };
  using RankKey = std::tuple<uint32_t, uint32_t, AgencyIndex, uint32_t>;  // part, band, box, rank
  std::map<RankKey, std::vector<uint32_t>> ranks;
  for (uint32_t i = 0; i < n; ++i)
    ranks[{partOf[i], nodes[i].band, boxOf(i), rank[i]}].push_back(i);
  std::vector<uint32_t> position(n, 0);
  uint32_t widest = 0;
  for (auto& [key, members] : ranks) {
    for (uint32_t p = 0; p < members.size(); ++p)
      position[members[p]] = p;
    widest = std::max(widest, static_cast<uint32_t>(members.size()));
  }
  // Boxes nest: each box's parent box, per band.
  std::set<std::tuple<uint32_t, AgencyIndex, AgencyIndex>> inside;  // band, parent, child
  std::set<std::pair<uint32_t, AgencyIndex>> outermost;             // band, box
  std::map<std::pair<uint32_t, AgencyIndex>, uint32_t> partOfBox;
  for (uint32_t i = 0; i < n; ++i) {
    AgencyIndex box = boxOf(i);
    while (box != kNone && index.parentOf(box) != kNone) {
      if (!inside.emplace(nodes[i].band, index.parentOf(box), box).second) break;
      box = index.parentOf(box);
    }
    if (box == kNone || index.parentOf(box) == kNone) {
      outermost.emplace(nodes[i].band, box);
      partOfBox[{nodes[i].band, box}] = partOf[i];
    }
  }
  std::vector<uint32_t> bandRow(
      n == 0 ? 0
             : 1 + std::max_element(nodes.begin(), nodes.end(),
                                    [](const auto& a, const auto& b) { return a.band < b.band; })
                       ->band,
      0);
  for (uint32_t i = 0; i < n; ++i)
    bandRow[nodes[i].band] = row(i);

  // Each part's extent along the ranks and across them (in ranks and boxes) with ranks wrapped
  // at `wrap` nodes: dot's ranking replayed with the wrapping edges; a box as wide as its widest
  // rank of its own nodes and the boxes inside it side by side.
  std::vector<uint32_t> byRank(order);
  std::stable_sort(byRank.begin(), byRank.end(), [&](uint32_t a, uint32_t b) {
    return std::pair(rank[a], position[a]) < std::pair(rank[b], position[b]);
  });
  std::vector<std::vector<uint32_t>> previous(n);  // same-row edges into each node
  for (const auto& [tail, head] : edges) {
    if (tail != head && row(tail) == row(head) && rank[tail] < rank[head])
      previous[head].push_back(tail);
  }
  const bool acrossIsWidth = direction == Direction::topDown;
  const double alongStep = acrossIsWidth ? kBoxHeight + kRankGap : kBoxWidth + kRankGap;
  const double acrossStep = acrossIsWidth ? kBoxWidth : kBoxHeight;
  struct Extent {
    uint32_t along = 0;  // ranks
    double across = 0;   // inches
  };
  auto extents = [&](uint32_t wrap) {
    std::vector<uint32_t> wrapped(n, 0);
    for (const uint32_t node : byRank) {
      uint32_t r = 0;
      for (const uint32_t from : previous[node])
        r = std::max(r, wrapped[from] + 1);
      if (position[node] >= wrap) {
        const auto& members = ranks[{partOf[node], nodes[node].band, boxOf(node), rank[node]}];
        r = std::max(r, wrapped[members[position[node] - wrap]] + 1);
      }
      wrapped[node] = r;
    }
    std::map<std::tuple<uint32_t, AgencyIndex, uint32_t>, uint32_t> perRank;
    std::map<std::pair<uint32_t, AgencyIndex>, uint32_t> own;
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> rowLength;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t& count = perRank[{nodes[i].band, boxOf(i), wrapped[i]}];
      uint32_t& most = own[{nodes[i].band, boxOf(i)}];
      most = std::max(most, ++count);
      uint32_t& length = rowLength[{partOf[i], row(i)}];
      length = std::max(length, wrapped[i] + 1);
    }
    const std::function<double(uint32_t, AgencyIndex)> across = [&](uint32_t band,
                                                                    AgencyIndex box) {
      const auto it = own.find({band, box});
      double total = it == own.end() ? 0 : it->second * acrossStep;
      if (box == kNone) return total;
      total += kBoxMargin;
      for (auto child = inside.lower_bound({band, box, 0});
           child != inside.end() && std::get<0>(*child) == band && std::get<1>(*child) == box;
           ++child) {
        total += across(band, std::get<2>(*child));
      }
      return total;
    };
    std::map<std::pair<uint32_t, uint32_t>, double> rowAcross;
    for (const auto& [band, box] : outermost)
      rowAcross[{partOfBox[{band, box}], bandRow[band]}] += across(band, box);
    std::vector<Extent> result(parts);
    for (const auto& [key, length] : rowLength)
      result[key.first].along += length;
    for (const auto& [key, width] : rowAcross)
      result[key.first].across = std::max(result[key.first].across, width);
    return result;
  };
  const uint32_t maxWidest = widest;
  std::vector<uint32_t> wraps;
  for (uint32_t wrap = 1; wrap <= maxWidest; wrap = wrap < 12 ? wrap + 1 : wrap * 5 / 4)
    wraps.push_back(wrap);
  if (wraps.back() != maxWidest) wraps.push_back(maxWidest);
  std::vector<std::vector<Extent>> atWrap;  // by wrap, by part
  for (const uint32_t wrap : wraps)
    atWrap.push_back(extents(wrap));

  // Every part as long as `limit` ranks at most (or as short as it can be), as narrow as that
  // allows; the limit whose drawing comes nearest to the aimed shape.
  std::set<uint32_t> limits;
  for (const auto& byPart : atWrap) {
    for (const Extent& extent : byPart)
      limits.insert(extent.along);
  }
  // Parts of band 0 with nothing between them (ministries) may also follow one another along the
  // ranks, in lines that stand side by side: a line is a chain of invisible separators.
  const bool chainable =
      rowOf.empty() &&
      std::all_of(nodes.begin(), nodes.end(), [](const NodeSpec& node) { return node.band == 0; });
  // The first part of each line, for `lines` lines of about equal length.
  auto splitLines = [&](const std::vector<double>& lengths, size_t lines) {
    const double total = std::accumulate(lengths.begin(), lengths.end(), 0.0);
    std::vector<uint32_t> starts = {0};
    double sum = 0;
    for (uint32_t part = 0; part < lengths.size(); ++part) {
      if (sum > 0 && sum + lengths[part] / 2 > total * starts.size() / lines &&
          starts.size() < lines) {
        starts.push_back(part);
      }
      sum += lengths[part];
    }
    return starts;
  };
  // How many lines to try: each count up to 32, then a quarter more each time, so that a thousand
  // ministries cost dozens of tries, not a thousand.
  std::vector<size_t> lineCounts;
  for (size_t lines = 1; lines <= (chainable ? parts : 1);
       lines = lines < 32 ? lines + 1 : lines * 5 / 4)
    lineCounts.push_back(lines);
  if (chainable && lineCounts.back() != parts) lineCounts.push_back(parts);
  double best = std::numeric_limits<double>::infinity();
  std::vector<uint32_t> chosen(parts, static_cast<uint32_t>(wraps.size() - 1)), lineStarts = {0};
  for (const uint32_t limit : limits) {
    std::vector<uint32_t> choice(parts);
    std::vector<double> alongs(parts), acrosses(parts);
    for (uint32_t part = 0; part < parts; ++part) {
      uint32_t pick = kNone;
      for (uint32_t w = 0; w < wraps.size(); ++w) {
        const Extent& extent = atWrap[w][part];
        if (extent.along > limit) continue;
        if (pick == kNone || extent.across < atWrap[pick][part].across) pick = w;
      }
      if (pick == kNone) {
        pick = 0;
        for (uint32_t w = 1; w < wraps.size(); ++w) {
          if (atWrap[w][part].along < atWrap[pick][part].along) pick = w;
        }
      }
      choice[part] = pick;
      alongs[part] = atWrap[pick][part].along * alongStep + kComponentGap;
      acrosses[part] = atWrap[pick][part].across + kComponentGap;
    }
    for (const size_t lines : lineCounts) {
      const std::vector<uint32_t> starts = splitLines(alongs, lines);
      double along = 0, across = 0;
      for (size_t l = 0; l < starts.size(); ++l) {
        const uint32_t end = l + 1 < starts.size() ? starts[l + 1] : static_cast<uint32_t>(parts);
        double length = 0, width = 0;
        for (uint32_t part = starts[l]; part < end; ++part) {
          length += alongs[part];
          width = std::max(width, acrosses[part]);
        }
        along = std::max(along, length);
        across += width;
      }
      const double ratio = acrossIsWidth ? across / along : along / across;
      const double distance = std::abs(std::log(ratio / kAimedRatio));
      if (distance < best - 1e-9) {
        best = distance;
        chosen = choice;
        lineStarts = starts;
      }
    }
  }
  for (const auto& [key, members] : ranks) {
    const uint32_t wrap = wraps[chosen[std::get<0>(key)]];
    for (size_t p = 0; p + wrap < members.size(); ++p) {
      const EdgeHandle edge = graph.edge(nodes[members[p]].handle, nodes[members[p + wrap]].handle);
      graph.set(edge, "style", "invis");
      graph.set(edge, "weight", "0");
    }
  }
  if (lineStarts.size() == parts) return;  // each part a line of its own: as dot draws them
  // A part's first nodes (nothing enters them, wrapped or not) and last ones.
  std::vector<bool> entered(n, false), left(n, false);
  for (const auto& [tail, head] : edges) {
    if (tail == head) continue;
    left[tail] = true;
    entered[head] = true;
  }
  for (const auto& [key, members] : ranks) {
    const uint32_t wrap = wraps[chosen[std::get<0>(key)]];
    for (size_t p = 0; p + wrap < members.size(); ++p) {
      left[members[p]] = true;
      entered[members[p + wrap]] = true;
    }
  }
  std::vector<std::vector<uint32_t>> members(parts);
  for (uint32_t i = 0; i < n; ++i)
    members[partOf[i]].push_back(i);
  uint32_t separators = 0;
  for (size_t l = 0; l < lineStarts.size(); ++l) {
    const uint32_t end =
        l + 1 < lineStarts.size() ? lineStarts[l + 1] : static_cast<uint32_t>(parts);
    for (uint32_t part = lineStarts[l]; part + 1 < end; ++part) {
      const NodeHandle separator = graph.node(nullptr, fmt::format(" line {}", ++separators));
      graph.set(separator, "style", "invis");
      graph.set(separator, "shape", "point");
      graph.set(separator, "width", "0");
      graph.set(separator, "label", "");
      auto invisible = [&](NodeHandle tail, NodeHandle head) {
        const EdgeHandle edge = graph.edge(tail, head);
        graph.set(edge, "style", "invis");
        graph.set(edge, "weight", "0");
      };
      for (const uint32_t node : members[part]) {
        if (!left[node]) invisible(nodes[node].handle, separator);
      }
      for (const uint32_t node : members[part + 1]) {
        if (!entered[node]) invisible(separator, nodes[node].handle);
      }
    }
  }
}

}  // namespace

std::string DiagramBuilder::build(GraphDocument& graph, size_t maxNodes,
                                  const std::function<bool(const models::Dependency&)>& draw) {
  const auto& systems = index_.inventory.systems;
  const Folding folding = chooseFolding(maxNodes);

  // Nodes, in the order of their first placement.
  std::vector<NodeSpec> nodes;
  std::vector<uint32_t> nodeOf(systems.size(), kNone);
  std::unordered_map<uint64_t, uint32_t> foldedNode;
  bool beyondDrawnLevels = false;  // some system drawn in an ancestor's box
  const auto groups = groupSizes();
  for (const auto& placement : placements_) {
    const uint32_t depth = foldDepth(placement, folding, groups);
    const AgencyIndex own = systems[placement.system].agency;
    if (depth == kNone) {
      nodeOf[placement.system] = static_cast<uint32_t>(nodes.size());
      nodes.push_back(NodeSpec{
          .band = placement.band, .system = placement.system, .agency = index_.drawnAgency(own)});
      beyondDrawnLevels = beyondDrawnLevels || nodes.back().agency != own;
      continue;
    }
    const AgencyIndex agency = index_.ancestorAt(own, depth);
    const auto [it, inserted] = foldedNode.emplace(bandAgencyKey(placement.band, agency),
                                                   static_cast<uint32_t>(nodes.size()));
    if (inserted) {
      nodes.push_back(NodeSpec{.band = placement.band,
                               .folded = true,
                               .agency = agency,
                               .grouped = depth != foldDepth(placement, folding)});
    }
    NodeSpec& node = nodes[it->second];
    node.content.add(index_, placement.system);
    node.withOffices = node.withOffices || own != agency;
    nodeOf[placement.system] = it->second;
  }
  folded_ = std::any_of(nodes.begin(), nodes.end(), [](const NodeSpec& n) { return n.folded; });
  // Ministries drawn as one node each need no table when their links are few enough to draw as
  // weighted edges; when they are not, the nodes are laid out in a grid beside the table.
  std::vector<AgencyIndex> ministries;
  std::vector<uint32_t> ministryOf = tabulate_ ? ministriesOf(index_, nodes, ministries)
                                               : std::vector<uint32_t>(nodes.size(), kNone);
  const bool onePerMinistry =
      !ministries.empty() && ministries.size() == static_cast<size_t>(std::count_if(
                                                      ministryOf.begin(), ministryOf.end(),
                                                      [](uint32_t m) { return m != kNone; }));
  if (onePerMinistry) {
    std::unordered_set<uint64_t> pairs;
    for (const auto& dependency : index_.inventory.dependencies) {
      const uint32_t tail = nodeOf[dependency.consumer], head = nodeOf[dependency.provider];
      if (tail == kNone || head == kNone || !draw(dependency)) continue;
      if (ministryOf[tail] != kNone && ministryOf[head] != kNone && tail != head) {
        pairs.insert((uint64_t{tail} << 32) | head);
      }
    }
    if (pairs.size() <= 2 * ministries.size()) ministryOf.assign(nodes.size(), kNone);
  }

  // Edges: one per dependency between unfolded systems, one per pair of nodes otherwise; links
  // between ministries only counted, when they are tabulated.
  std::vector<uint32_t> single;
  std::vector<std::pair<uint64_t, LinkCounts>> weighted;
  std::unordered_map<uint64_t, size_t> weightedAt;
  std::map<std::pair<uint32_t, uint32_t>, LinkCounts> betweenMinistries;
  for (uint32_t d = 0; d < index_.inventory.dependencies.size(); ++d) {
    const auto& dependency = index_.inventory.dependencies[d];
    const uint32_t tail = nodeOf[dependency.consumer], head = nodeOf[dependency.provider];
    if (tail == kNone || head == kNone || !draw(dependency)) continue;
    if (tail == head) {
      if (nodes[tail].folded) ++nodes[tail].content.internalLinks;
      continue;
    }
    const uint32_t from = ministryOf[tail], to = ministryOf[head];
    if (from != kNone && to != kNone && from != to) {
      betweenMinistries[{from, to}].add(dependency.coupling);
    } else if (!nodes[tail].folded && !nodes[head].folded) {
      single.push_back(d);
    } else {
      const uint64_t key = (uint64_t{tail} << 32) | head;
      const auto [it, inserted] = weightedAt.emplace(key, weighted.size());
      if (inserted) weighted.emplace_back(key, LinkCounts{});
      weighted[it->second].second.add(dependency.coupling);
    }
  }

  // Clusters: every agency above a node, per band. A folded agency sits in its own cluster when
  // other nodes sit in it too (its offices), else in its parent's.
  std::unordered_set<uint64_t> hosts;
  for (const auto& node : nodes) {
    for (AgencyIndex a = node.folded ? index_.parentOf(node.agency) : node.agency; a != kNone;
         a = index_.parentOf(a)) {
      if (!hosts.insert(bandAgencyKey(node.band, a)).second) break;
    }
  }
  // Bands are drawn when something is placed in them, in the order they were added.
  std::vector<GraphHandle> bandGraphs(bands_.size(), nullptr);
  bandGraphs[0] = graph.root();
  auto bandGraph = [&](uint32_t b) {
    if (bandGraphs[b]) return bandGraphs[b];
    const GraphHandle band = graph.cluster(nullptr, fmt::format("band {}", b));
    graph.set(band, "label", graphvizLabelText(bands_[b].label));
    graph.set(band, "style", "filled,rounded");
    graph.set(band, "fillcolor", bands_[b].fill);
    graph.set(band, "color", "#5a6570");
    graph.set(band, "penwidth", "1.5");
    graph.set(band, "fontsize", "14");
    graph.set(band, "labeljust", "l");
    return bandGraphs[b] = band;
  };
  // An agency's box, made with those of its parents that are not made yet (outermost first).
  std::unordered_map<uint64_t, GraphHandle> clusters;
  std::vector<AgencyIndex> unmade;
  auto clusterOf = [&](uint32_t band, AgencyIndex agency) {
    unmade.clear();
    GraphHandle parent = nullptr;
    for (AgencyIndex a = agency; !parent; a = index_.parentOf(a)) {
      if (a == kNone) {
        parent = bandGraph(band);
      } else if (const auto it = clusters.find(bandAgencyKey(band, a)); it != clusters.end()) {
        parent = it->second;
      } else {
        unmade.push_back(a);
      }
    }
    for (size_t i = unmade.size(); i-- > 0;) {
      const AgencyIndex a = unmade[i];
      parent = graph.cluster(parent, fmt::format("b{} agency {}", band,
                                                 shownKey(index_.inventory.agencies[a].code, a)));
      styleAgencyCluster(graph, parent, index_, a);
      clusters.emplace(bandAgencyKey(band, a), parent);
    }
    return parent;
  };

  // A move group whose unfolded systems all sit in one band and agency is outlined there.
  std::vector<GraphHandle> groupCluster(index_.plan.moveGroups.size(), nullptr);
  std::vector<bool> groupChecked(index_.plan.moveGroups.size(), false);
  auto containerOf = [&](const NodeSpec& node) {
    if (node.folded) {
      const bool hostsOthers = hosts.count(bandAgencyKey(node.band, node.agency)) > 0;
      return clusterOf(node.band, hostsOthers ? node.agency : index_.parentOf(node.agency));
    }
    const uint32_t group = index_.plan.systems[node.system].moveGroup;
    if (group == kNone || group >= groupCluster.size()) return clusterOf(node.band, node.agency);
    if (!groupChecked[group]) {
      groupChecked[group] = true;
      size_t together = 0;
      for (const SystemIndex member : index_.plan.moveGroups[group].systems) {
        const uint32_t at = nodeOf[member];
        if (at == kNone) continue;
        const NodeSpec& other = nodes[at];
        if (other.folded || other.band != node.band || other.agency != node.agency) {
          together = 0;
          break;
        }
        ++together;
      }
      if (together >= 2) {
        groupCluster[group] =
            graph.cluster(clusterOf(node.band, node.agency),
                          fmt::format("b{} group {}", node.band, index_.plan.moveGroups[group].id));
        styleMoveGroupCluster(graph, groupCluster[group], index_.plan.moveGroups[group]);
      }
    }
    return groupCluster[group] ? groupCluster[group] : clusterOf(node.band, node.agency);
  };

  for (auto& node : nodes) {
    if (node.folded) {
      const std::string code =
          node.agency == kNone ? std::string("(none)")
                               : shownKey(index_.inventory.agencies[node.agency].code, node.agency);
      node.handle = graph.node(containerOf(node), fmt::format(" b{} {}", node.band, code));
      if (node.grouped) {
        styleNeighbours(graph, node.handle, index_, node.agency, node.content);
      } else {
        styleFolded(graph, node.handle, index_, node.agency, node.withOffices, node.content);
      }
    } else {
      node.handle = graph.node(containerOf(node), shownKey(systems[node.system].id, node.system));
      styleSystem(graph, node.handle, index_, node.system);
      if (node.system == highlighted_) highlightSystem(graph, node.handle);
    }
  }

  // Rows of bands: an edge from a lower row up to a higher one must not set the layers.
  size_t rows = 0;
  const std::vector<uint32_t> rowOf = rowsOf(nodes, bandRows(), rows);
  auto upward = [&](uint32_t tail, uint32_t head) {
    return !rowOf.empty() && rowOf[tail] > rowOf[head];
  };
  // A node linked to several nodes of the bundled band: its links to them are one edge, to the
  // band's box. Keyed by the node, doubled, plus 1 when it is the consumer.
  struct Bundle {
    uint32_t inner = kNone;  // the node the edge is drawn to, clipped at the box
    uint32_t inners = 0;
    LinkCounts counts;
  };
  std::map<uint64_t, Bundle> bundles;
  auto bundleOf = [&](uint32_t tail, uint32_t head) -> Bundle* {
    if (bundled_ == kNone || bundled_ == 0) return nullptr;
    const bool tailIn = nodes[tail].band == bundled_, headIn = nodes[head].band == bundled_;
    if (tailIn == headIn) return nullptr;
    const uint64_t key = tailIn ? uint64_t{head} << 1 : (uint64_t{tail} << 1) | 1;
    Bundle& bundle = bundles[key];
    if (bundle.inner == kNone) bundle.inner = tailIn ? tail : head;
    return &bundle;
  };
  if (bundled_ != kNone) {
    std::set<std::pair<Bundle*, uint32_t>> met;
    auto meet = [&](uint32_t tail, uint32_t head) {
      if (Bundle* bundle = bundleOf(tail, head)) {
        const uint32_t inner = nodes[tail].band == bundled_ ? tail : head;
        if (met.emplace(bundle, inner).second) ++bundle->inners;
      }
    };
    for (const uint32_t d : single) {
      const auto& dependency = index_.inventory.dependencies[d];
      meet(nodeOf[dependency.consumer], nodeOf[dependency.provider]);
    }
    for (const auto& [key, counts] : weighted) {
      meet(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key));
    }
  }
  auto bundledInto = [&](uint32_t tail, uint32_t head) -> Bundle* {
    Bundle* bundle = bundleOf(tail, head);
    return bundle && bundle->inners >= 2 ? bundle : nullptr;
  };

  const bool large = nodes.size() > kLargeDiagram;
  std::vector<std::pair<uint32_t, uint32_t>> drawn, ranked;
  auto drawnAs = [&](EdgeHandle edge, uint32_t tail, uint32_t head) {
    if (upward(tail, head)) {
      graph.set(edge, "constraint", "false");
    } else {
      ranked.emplace_back(tail, head);
    }
    drawn.emplace_back(tail, head);
  };
  for (const uint32_t d : single) {
    const auto& dependency = index_.inventory.dependencies[d];
    const uint32_t tail = nodeOf[dependency.consumer], head = nodeOf[dependency.provider];
    if (Bundle* bundle = bundledInto(tail, head)) {
      bundle->counts.add(dependency.coupling);
      continue;
    }
    const EdgeHandle edge = graph.edge(nodes[tail].handle, nodes[head].handle);
    styleDependency(graph, edge, dependency, index_);
    drawnAs(edge, tail, head);
  }
  for (const auto& [key, counts] : weighted) {
    const auto tail = static_cast<uint32_t>(key >> 32), head = static_cast<uint32_t>(key);
    if (Bundle* bundle = bundledInto(tail, head)) {
      bundle->counts.loose += counts.loose;
      bundle->counts.normal += counts.normal;
      bundle->counts.tight += counts.tight;
      continue;
    }
    const EdgeHandle edge = graph.edge(nodes[tail].handle, nodes[head].handle);
    styleFoldedLinks(graph, edge, counts);
    countBeside(graph, edge, counts);
    drawnAs(edge, tail, head);
  }
  // A bundle's edge ends at an invisible point inside the band's box, on the side of the rows its
  // other end is in: one point on the side of the rows before the band's, one on the side of
  // those after it. Dot clips an edge at a box (compound, lhead) after routing it to a node
  // inside, a route that fails in large diagrams ("libpath/shortest.c: triangulation failed" on
  // stderr) and leaves the edge drawn badly or not at all.
  NodeHandle anchors[2] = {nullptr, nullptr};  // before, after
  uint32_t bandRow = 0;                        // the bundled band's row, when there are rows
  auto anchor = [&](bool after) {
    NodeHandle& handle = anchors[after ? 1 : 0];
    if (!handle) {
      handle = graph.node(bandGraph(bundled_),
                          fmt::format(" band {} {}", bundled_, after ? "after" : "before"));
      // A small dot on the box's edge side, so that a bundled edge visibly ends at the box.
      graph.set(handle, "shape", "point");
      graph.set(handle, "style", "filled");
      graph.set(handle, "color", "#4d4d4d");
      graph.set(handle, "fillcolor", "#4d4d4d");
      graph.set(handle, "width", "0.08");
      graph.set(handle, "label", "");
      graph.set(handle, "tooltip", "links to several systems of this box");
    }
    return handle;
  };
  for (const auto& [key, bundle] : bundles) {
    if (bundle.inners < 2) continue;
    const auto outside = static_cast<uint32_t>(key >> 1);
    const bool consumer = (key & 1) != 0;
    bool after = !consumer;  // without rows, providers follow what uses them
    if (!rowOf.empty() && rowOf[outside] != rowOf[bundle.inner]) {
      bandRow = rowOf[bundle.inner];
      after = rowOf[outside] > bandRow;
    }
    const EdgeHandle edge = consumer ? graph.edge(nodes[outside].handle, anchor(after))
                                     : graph.edge(anchor(after), nodes[outside].handle);
    styleFoldedLinks(graph, edge, bundle.counts);
    countBeside(graph, edge, bundle.counts);
    const uint32_t tail = consumer ? outside : bundle.inner;
    const uint32_t head = consumer ? bundle.inner : outside;
    if (upward(tail, head)) graph.set(edge, "constraint", "false");
    drawn.emplace_back(tail, head);
  }
  if (!rowOf.empty()) {
    const std::vector<NodeHandle> separators = addRowSeparators(graph, nodes, rowOf, rows, drawn);
    // Each point between the separators around the band's row, held close to the one on its side.
    auto invisible = [&](NodeHandle tail, NodeHandle head, bool close) {
      const EdgeHandle edge = graph.edge(tail, head);
      graph.set(edge, "style", "invis");
      graph.set(edge, "weight", close ? "1" : "0");
    };
    for (const bool after : {false, true}) {
      if (!anchors[after ? 1 : 0]) continue;
      if (bandRow > 0) invisible(separators[bandRow - 1], anchors[after ? 1 : 0], !after);
      if (bandRow < separators.size())
        invisible(anchors[after ? 1 : 0], separators[bandRow], after);
    }
  }
  if (onePerMinistry && !betweenMinistries.empty()) {
    arrangeInGrid(graph, nodes, ministryOf);
  } else {
    wrapRanks(graph, index_, nodes, rowOf, ranked, direction_);
  }

  // dot's crossing minimisation and network simplex grow fast with a diagram's size: a large one
  // gets fewer passes, so that it is drawn in a second or two rather than ten.
  if (large) {
    graph.set(graph.root(), "mclimit", "0.3");
    graph.set(graph.root(), "nslimit", "2");
    graph.set(graph.root(), "nslimit1", "2");
    graph.set(graph.root(), "searchsize", "10");
  }
  std::string note = describe(folding, nodes.size(), maxNodes);
  auto addNote = [&](std::string line) { note += (note.empty() ? "" : "\n") + line; };
  if (std::any_of(nodes.begin(), nodes.end(), [](const NodeSpec& n) { return n.grouped; })) {
    uint32_t from = 0;
    for (const Band& band : bands_)
      from = std::max(from, band.groupFrom);
    addNote(fmt::format(
        "a ministry with {} or more of the systems around it is one node: its code, how many, "
        "their waves",
        from));
  }
  if (std::any_of(bundles.begin(), bundles.end(),
                  [](const auto& b) { return b.second.inners >= 2; })) {
    addNote(fmt::format("an edge to the box \"{}\" stands for links to several of its systems",
                        bands_[bundled_].label));
  }
  if (beyondDrawnLevels) {
    note += (note.empty() ? "" : "\n") +
            fmt::format(
                "agencies are drawn {} levels deep: a deeper office's systems are in the box of "
                "its level-{} ancestor (the inventory nests {} levels)",
                kDrawnAgencyLevels, kDrawnAgencyLevels, index_.deepest() + 1);
  }
  if (!betweenMinistries.empty()) {
    const size_t others = addMinistryTable(graph, index_, ministries, betweenMinistries);
    note += (note.empty() ? "" : "\n") +
            std::string(
                "links between ministries are counted in a table (red: some are tight); the "
                "agency, wave and focus diagrams draw them one by one");
    if (others) {
      note += fmt::format(
          "\nthe table has a row and a column for the {} ministries with the most such links; "
          "the other {} share one",
          kTabledMinistries - 1, others);
    }
  }
  return note;
}

std::vector<uint32_t> DiagramBuilder::bandRows() const {
  std::vector<uint32_t> rows;
  for (const auto& band : bands_)
    rows.push_back(band.row);
  return rows;
}

}  // namespace cloudplan::exporters
