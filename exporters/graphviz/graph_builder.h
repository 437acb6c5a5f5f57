// What every diagram does the same way: it places systems in bands (the parts of a diagram, such
// as "moves in wave 3" and "already moved"), and the builder draws each as a node inside its
// agency's nested clusters, outlines move groups, and draws the dependencies between them.
// A diagram with more nodes than a reader (or dot) can handle is folded: systems become one node
// per agency, offices folded into their parents as far as needed, and the links between two such
// nodes one edge with their count. It is shaped to fit a screen or a landscape page: a rank with
// too many nodes is wrapped onto several, and unlinked parts (ministries) stand side by side.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graph_index.h"
#include "exporters/graphviz/graph_style.h"

namespace cloudplan::exporters {

// Which systems fold first when a diagram is too large.
enum class Keep : uint8_t {
  foldFirst,  // context: the systems around the ones the diagram is about
  foldLast,   // the subject of the diagram
  always,     // never folded (the focus system)
};

class DiagramBuilder {
 public:
  // `direction` is the diagram's (startDiagram's): the builder shapes the drawing by it.
  explicit DiagramBuilder(const GraphIndex& index, Direction direction = Direction::topDown)
      : index_(index), direction_(direction) {}

  // Band 0 is the diagram itself (no box). Others are boxes with a title and a background;
  // bands of different rows are stacked in the diagram's direction, row 0 first (above, or
  // left); band 0 is in row 0.
  uint32_t addBand(std::string label, std::string fill, uint32_t row = 0);
  // Places a system in a band; a system is placed once per diagram.
  void place(models::SystemIndex system, uint32_t band, Keep keep);
  void highlight(models::SystemIndex system) { highlighted_ = system; }
  // In `band`, the systems of a ministry (a top-level agency, its offices included) are one node,
  // with their count and waves, when there are at least `from` of them: the context of a
  // diagram, read per ministry rather than system by system.
  void groupByMinistry(uint32_t band, uint32_t from);
  // A node linked to several nodes of `band` has one edge to the band's box instead of one to
  // each, with the count of links: the systems around a wave, without a hairball. The edge ends
  // at an invisible point inside the box, on the side it comes from.
  void bundleEdgesInto(uint32_t band) { bundled_ = band; }
  // Links between two ministries of band 0 counted in a table instead of drawn: they are the
  // hairball of a government-wide diagram, and each adds its width to every layer it crosses.
  void tabulateMinistryLinks() { tabulate_ = true; }
  // After build: some systems were folded into agency nodes.
  bool folded() const { return folded_; }

  // Draws the placements into `graph`, folded so that it has at most `maxNodes` nodes when it
  // can, and the dependencies that `draw` accepts between placed systems. Returns a sentence for
  // the subtitle saying what was folded (lines separated by \n), empty when every system is
  // drawn as itself.
  std::string build(GraphDocument& graph, size_t maxNodes,
                    const std::function<bool(const models::Dependency&)>& draw);

 private:
  struct Band {
    std::string label;
    std::string fill;
    uint32_t row = 0;
    uint32_t groupFrom = 0;  // 0: not grouped
  };
  struct Placement {
    models::SystemIndex system;
    uint32_t band;
    Keep keep;
  };
  // How deep the agency tree is kept for each kind of placement; kNone: not folded.
  struct Folding {
    uint32_t context = models::kNone;
    uint32_t subject = models::kNone;
  };
  size_t nodesWith(Folding folding) const;
  Folding chooseFolding(size_t maxNodes) const;
  uint32_t foldDepth(const Placement& placement, Folding folding) const;
  // How many systems each (band, ministry) holds, in the bands grouped by ministry.
  std::unordered_map<uint64_t, uint32_t> groupSizes() const;
  // foldDepth, or 0 (ministries) when the placement's group is large enough.
  uint32_t foldDepth(const Placement& placement, Folding folding,
                     const std::unordered_map<uint64_t, uint32_t>& groups) const;
  std::string describe(Folding folding, size_t nodes, size_t maxNodes) const;
  std::vector<uint32_t> bandRows() const;

  const GraphIndex& index_;
  Direction direction_;
  uint32_t bundled_ = models::kNone;
  std::vector<Band> bands_ = {Band{}};
  std::vector<Placement> placements_;
  models::SystemIndex highlighted_ = models::kNone;
  bool tabulate_ = false;
  bool folded_ = false;
};

}  // namespace cloudplan::exporters
