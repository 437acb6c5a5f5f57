// Lays out a GraphDocument with dot and renders it to SVG, PNG or PDF bytes in process, through
// Graphviz's gvc library: no `dot` subprocess, and no dependence on the plugin list that
// `dot -c` writes. The plugins are loaded from Graphviz's plugin folder by name:
//  - SVG: core and dot_layout only, so that text is measured by Graphviz's built-in font
//    metrics, and the same graph gives the same bytes on every machine whatever fonts it has;
//  - PNG and PDF: also the cairo/pango plugin, which measures text with the fonts it draws.
// Graphviz keeps global state, and so do these contexts (made once, kept for the process): use
// renderers from one thread at a time.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "exporters/graphviz/graph_document.h"
#include "models/vocabulary.h"

struct GVC_s;

namespace cloudplan::exporters {

enum class ImageFormat : uint8_t { svg, png, pdf };

}  // namespace cloudplan::exporters

namespace cloudplan::models {
template <>
struct Vocabulary<exporters::ImageFormat> {
  static constexpr std::array<std::string_view, 3> names = {"svg", "png", "pdf"};
};
}  // namespace cloudplan::models

namespace cloudplan::exporters {

class GraphvizRenderer {
 public:
  GraphvizRenderer();
  ~GraphvizRenderer();
  GraphvizRenderer(const GraphvizRenderer&) = delete;
  GraphvizRenderer& operator=(const GraphvizRenderer&) = delete;

  // The drawing of `graph` in each of `formats`, in their order; nullopt when Graphviz fails,
  // with `error` saying why. Each kind of renderer lays the graph out once.
  std::optional<std::vector<std::string>> render(GraphDocument& graph,
                                                 std::span<const ImageFormat> formats,
                                                 std::string& error);

 private:
  struct Context;
  // nullptr, with `error` set, when Graphviz's plugins cannot be loaded.
  static Context* context(bool raster, std::string& error);
};

// Blanks the creation date cairo writes into a PDF (the same length of spaces, so that the
// cross-reference offsets stay right): the same plan gives the same bytes.
void stripPdfCreationDate(std::string& pdf);

}  // namespace cloudplan::exporters
