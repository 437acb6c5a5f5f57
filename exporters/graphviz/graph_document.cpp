#include "exporters/graphviz/graph_document.h"

#include <graphviz/cgraph.h>

#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "models/printable_text.h"

namespace cloudplan::exporters {
namespace {

// cgraph takes char* everywhere, though it copies what it is given.
char* text(std::string& value) {
  return value.data();
}

// agwrite() writes through the graph's I/O discipline; this one appends to a std::string.
int putString(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int flushNothing(void*) {
  return 0;
}
Agiodisc_t stringIo = {nullptr, putString, flushNothing};

// Ids for names in the order they are first seen. cgraph's own discipline makes a name's id the
// address of its string, and keeps subgraphs in id order: dot would meet the clusters (and lay
// them out, and write them) in an order that changes from run to run.
// The names are cgraph reference strings (agstrdup), not std::strings: agwrite asks of every
// name whether it is an HTML string, which it reads from the reference string's header.
struct NameIds {
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<char*> names;  // names[id / 2 - 1]
  IDTYPE anonymous = 1;      // odd ids have no name, as in cgraph's discipline
};
void* openIds(Agraph_t*, Agdisc_t*) {
  return new NameIds;
}
long mapId(void* state, int, char* name, IDTYPE* id, int create) {
  auto& ids = *static_cast<NameIds*>(state);
  if (!name) {
    *id = ids.anonymous;
    ids.anonymous += 2;
    return 1;
  }
  if (const auto it = ids.ids.find(name); it != ids.ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) {
    *id = 0;  // no object has it, as cgraph's discipline answers
    return 1;
  }
  ids.names.push_back(agstrdup(nullptr, name));
  *id = 2 * ids.names.size();
  ids.ids.emplace(name, *id);
  return 1;
}
long allocId(void*, int, IDTYPE) {
  return 0;  // ids are never chosen by the caller
}
void freeId(void*, int, IDTYPE) {}
char* printId(void* state, int, IDTYPE id) {
  auto& ids = *static_cast<NameIds*>(state);
  return id % 2 == 0 && id > 0 && id / 2 <= ids.names.size() ? ids.names[id / 2 - 1] : nullptr;
}
void closeIds(void* state) {
  auto* ids = static_cast<NameIds*>(state);
  for (char* name : ids->names)
    agstrfree(nullptr, name);
  delete ids;
}
void registerId(void*, int, void*) {}
Agiddisc_t orderedIds = {openIds, mapId, allocId, freeId, printId, closeIds, registerId};

Agdisc_t stringDiscipline = {&AgMemDisc, &orderedIds, &stringIo};

void setAttribute(void* object, std::string_view name, std::string_view value) {
  std::string key(name), content(value);
  // An attribute is declared for every object of its kind on first use; a node without a label
  // of its own must keep Graphviz's default (its name), not an empty one.
  std::string fallback = name == "label" && agobjkind(object) == AGNODE ? "\\N" : "";
  agsafeset(object, text(key), text(content), text(fallback));
}

}  // namespace

std::string graphvizLabelText(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (const size_t length = models::bidiControlLength(value, i); length > 0) {
      // Written out (\u202e, its backslash escaped): the browser showing the SVG obeys it.
      out += "\\" + models::printable(value.substr(i, length), models::Bidi::escape);
      i += length - 1;
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";  // Graphviz passes "&lt;" through to SVG as an entity; "&amp;lt;" shows it
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

GraphDocument::GraphDocument(std::string_view name) {
  std::string graphName(name);
  root_ = agopen(text(graphName), Agdirected, &stringDiscipline);
  if (!root_) throw std::runtime_error("cgraph could not open a graph");
  // DOT text with a line per statement, however long: what tests search is never split.
  graphDefault("linelength", "0");
}

GraphDocument::~GraphDocument() {
  agclose(root_);
}

GraphHandle GraphDocument::cluster(GraphHandle parent, std::string_view key) {
  std::string name = "cluster " + std::string(key);
  return agsubg(parent ? parent : root_, text(name), 1);
}

GraphHandle GraphDocument::sameRank(GraphHandle parent, std::string_view key) {
  std::string name(key), rank = "rank", same = "same", fallback;
  Agraph_t* subgraph = agsubg(parent ? parent : root_, text(name), 1);
  agsafeset(subgraph, text(rank), text(same), text(fallback));
  return subgraph;
}

NodeHandle GraphDocument::node(GraphHandle parent, std::string_view key) {
  std::string name(key);
  Agnode_t* created = agnode(root_, text(name), 1);
  if (parent && parent != root_) agsubnode(parent, created, 1);
  return created;
}

EdgeHandle GraphDocument::edge(NodeHandle tail, NodeHandle head) {
  return agedge(root_, tail, head, nullptr, 1);
}

void GraphDocument::graphDefault(std::string_view name, std::string_view value) {
  std::string key(name), content(value);
  agattr(root_, AGRAPH, text(key), text(content));
}

void GraphDocument::nodeDefault(std::string_view name, std::string_view value) {
  std::string key(name), content(value);
  agattr(root_, AGNODE, text(key), text(content));
}

void GraphDocument::edgeDefault(std::string_view name, std::string_view value) {
  std::string key(name), content(value);
  agattr(root_, AGEDGE, text(key), text(content));
}

void GraphDocument::set(GraphHandle graph, std::string_view name, std::string_view value) {
  setAttribute(graph, name, value);
}

void GraphDocument::set(NodeHandle node, std::string_view name, std::string_view value) {
  setAttribute(node, name, value);
}

void GraphDocument::set(EdgeHandle edge, std::string_view name, std::string_view value) {
  setAttribute(edge, name, value);
}

std::string GraphDocument::get(GraphHandle graph, std::string_view name) const {
  std::string key(name);
  const char* value = agget(graph, text(key));
  return value ? std::string(value) : std::string();
}

namespace {

void setHtml(Agraph_t* root, void* object, int kind, std::string_view html) {
  std::string key = "label", fallback = kind == AGNODE ? "\\N" : "", content(html);
  Agsym_t* symbol = agattr(root, kind, text(key), nullptr);
  if (!symbol) symbol = agattr(root, kind, text(key), text(fallback));
  char* label = agstrdup_html(root, text(content));
  agxset(object, symbol, label);
  agstrfree(root, label);
}

}  // namespace

void GraphDocument::setHtmlLabel(NodeHandle node, std::string_view html) {
  setHtml(root_, node, AGNODE, html);
}

void GraphDocument::setHtmlLabel(GraphHandle graph, std::string_view html) {
  setHtml(root_, graph, AGRAPH, html);
}

std::string GraphDocument::dot() const {
  std::string out;
  agwrite(root_, &out);
  return out;
}

}  // namespace cloudplan::exporters
