// What reviewers read, made from a plan in one call: the diagrams (laid out in process by
// Graphviz), schedule.svg and report.html, as named files for the caller to write. The same plan
// and options give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exporters/graphviz_render.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// One system and what is within `depth` links of it.
struct FocusView {
  std::string system;  // its id
  uint32_t depth = 1;
};

struct RenderOptions {
  // The formats of the diagrams (schedule.svg and report.html are always what they are).
  std::vector<ImageFormat> formats = {ImageFormat::svg};
  bool waves = true;                  // a diagram per wave
  std::vector<std::string> agencies;  // agency codes: a diagram of each
  std::vector<FocusView> focus;       // a diagram of each system's neighbourhood
  // A diagram with more nodes is folded into one node per agency (see graph_builder.h).
  size_t maxNodes = 300;
  bool report = true;  // report.html
};

struct RenderedFile {
  std::string name;  // relative path: "overview.svg", "waves/wave-3.png", ...
  std::string content;
};

// The files, in a fixed order:
//   overview.FORMAT                     agencies nested, systems by wave and type
//   waves/wave-K.FORMAT                 for each wave K (1, 2, ...) that systems move in
//   agencies/CODE.FORMAT                for each of options.agencies
//   focus/ID.FORMAT                     for each of options.focus
//   schedule.svg                        the Gantt chart
//   report.html                         everything above that is SVG, embedded, and the tables
// FORMAT is each of options.formats. In CODE and ID, characters other than letters, digits and
// . _ - become _ (MOF/payroll gives focus/MOF_payroll.svg).
// An unknown agency or system, or a diagram Graphviz cannot draw, is an error in `problems`
// (codes unknown-agency, unknown-system, render-failed) and its file is left out; the others are
// still made. Uses Graphviz: not to be called from two threads at once.
std::vector<RenderedFile> renderPlanViews(const models::Inventory& inventory,
                                          const models::Plan& plan,
                                          const models::Diagnostics& planDiagnostics,
                                          const RenderOptions& options,
                                          models::Diagnostics& problems);

// `name` with every character but letters, digits and . _ - replaced by _.
std::string fileNameFor(std::string_view name);

}  // namespace cloudplan::exporters
