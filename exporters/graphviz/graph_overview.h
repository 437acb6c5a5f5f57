// The whole plan on one page: agencies as nested boxes (ministry > department > office), each
// system coloured by its wave and shaped by its type, dependencies drawn by coupling, move groups
// outlined. A plan too large to read this way is drawn as one node per agency.
#pragma once

#include <cstddef>

#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graph_index.h"

namespace cloudplan::exporters {

void drawOverview(GraphDocument& graph, const GraphIndex& index, size_t maxNodes);

}  // namespace cloudplan::exporters
