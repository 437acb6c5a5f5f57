// The neighbourhood of one system: everything within `depth` links of it (either direction),
// for the question "what else does moving this touch?".
#pragma once

#include <cstddef>
#include <cstdint>

#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graph_index.h"

namespace cloudplan::exporters {

void drawFocus(GraphDocument& graph, const GraphIndex& index, models::SystemIndex system,
               uint32_t depth, size_t maxNodes);

}  // namespace cloudplan::exporters
