// A Graphviz graph built in memory with cgraph: nodes, nested clusters and edges with their
// attributes, closed when the document goes. The diagrams are built on it, graphviz_render lays
// it out, and its DOT text is what the unit tests read.
#pragma once

#include <string>
#include <string_view>

struct Agraph_s;
struct Agnode_s;
struct Agedge_s;

namespace cloudplan::exporters {

using GraphHandle = Agraph_s*;  // the root or a cluster
using NodeHandle = Agnode_s*;
using EdgeHandle = Agedge_s*;

// Text for a Graphviz label: the escapes that Graphviz would expand (\N, \G, ...) and the
// entities it would pass through (&lt;) are written so that the text shows as it is.
std::string graphvizLabelText(std::string_view text);

class GraphDocument {
 public:
  // A directed graph; `name` is its DOT name.
  explicit GraphDocument(std::string_view name);
  ~GraphDocument();
  GraphDocument(const GraphDocument&) = delete;
  GraphDocument& operator=(const GraphDocument&) = delete;

  GraphHandle root() const { return root_; }

  // A cluster (a box around its nodes) inside `parent`; `key` must be unique in the document.
  GraphHandle cluster(GraphHandle parent, std::string_view key);
  // Nodes put in this (invisible) subgraph of `parent` are drawn on one row.
  GraphHandle sameRank(GraphHandle parent, std::string_view key);
  // A node of the graph, drawn inside `parent`; `key` (its DOT name) must be unique.
  NodeHandle node(GraphHandle parent, std::string_view key);
  EdgeHandle edge(NodeHandle tail, NodeHandle head);

  // The default of an attribute for every graph, node or edge that does not set it.
  void graphDefault(std::string_view name, std::string_view value);
  void nodeDefault(std::string_view name, std::string_view value);
  void edgeDefault(std::string_view name, std::string_view value);

  // Sets an attribute; text meant to be read (labels) goes through graphvizLabelText first.
  void set(GraphHandle graph, std::string_view name, std::string_view value);
  void set(NodeHandle node, std::string_view name, std::string_view value);
  void set(EdgeHandle edge, std::string_view name, std::string_view value);
  // An attribute's value ("" when unset); an HTML-like label's without its outer < >.
  std::string get(GraphHandle graph, std::string_view name) const;
  // An HTML-like label (<TABLE>...</TABLE>, <B>...</B>), its text escaped by the caller.
  void setHtmlLabel(NodeHandle node, std::string_view html);
  void setHtmlLabel(GraphHandle graph, std::string_view html);

  // The graph as DOT text, in the order it was built.
  std::string dot() const;

 private:
  Agraph_s* root_;
};

}  // namespace cloudplan::exporters
