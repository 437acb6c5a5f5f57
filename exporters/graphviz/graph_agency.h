// One agency for its CIO: its systems (its offices' too, in nested boxes) and the systems of
// other agencies they are linked to.
#pragma once

#include <cstddef>

#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graph_index.h"

namespace cloudplan::exporters {

void drawAgency(GraphDocument& graph, const GraphIndex& index, models::AgencyIndex agency,
                size_t maxNodes);

}  // namespace cloudplan::exporters
