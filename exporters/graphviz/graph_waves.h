// One diagram per wave, for the reviewers of that wave: what moves in it, what it depends on
// that moved in earlier waves, and what it stays linked to on premises (later waves, retained
// systems) — the links that run hybrid after the wave.
#pragma once

#include <cstddef>
#include <cstdint>

#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graph_index.h"

namespace cloudplan::exporters {

// `wave` is a wave number, from 1.
void drawWave(GraphDocument& graph, const GraphIndex& index, uint32_t wave, size_t maxNodes);

}  // namespace cloudplan::exporters
