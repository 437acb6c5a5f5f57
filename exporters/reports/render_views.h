// What reviewers read, made from a plan in one call: the diagrams (laid out in process by
// Graphviz), schedule.svg and report.html, as named files for the caller to write. The same plan
// and options give the same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exporters/graphviz/graphviz_render.h"
#include "exporters/reports/gantt_svg.h"
#include "models/date.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

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
  std::vector<std::string> agencies;  // agency codes: a diagram and a page of each
  std::vector<FocusView> focus;       // a diagram of each system's neighbourhood
  // A diagram with more nodes is folded into one node per agency (see graph_builder.h).
  size_t maxNodes = 300;
  bool report = true;                  // report.html, and the pages of options.agencies
  bool agencyIndex = false;            // ministries.html, the index of the ministries' pages
  GanttRows gantt = GanttRows::waves;  // the rows of the schedule on each agency's page
  // The day of the schedules' "today" line; none: a re-plan's today, or no line.
  std::optional<models::Date> today;
  // Told after each diagram (and the report) is made, for a progress line: a national plan's
  // views take seconds. Empty: not told.
  std::function<void(size_t done, size_t total)> progress;
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
//   schedule.svg                        the Gantt chart (its today line: options.today)
//   risks.csv                           the risk register, every risk (risks_csv.h)
//   report.html                         everything above that is SVG, embedded, and the tables
//   report-CODE.html                    for each of options.agencies, its page (agency_page.h)
//   ministries.html                     with options.agencyIndex: the ministries (ministry_index.h)
// FORMAT is each of options.formats; CODE and ID are fileNameFor the code or id. An agency or
// system asked for twice is drawn once. The pages are written only with options.report; the
// index links the ministries that have a page among them. `risks` is the plan's register: each
// page lists its agency's, the index counts each ministry's.
// An unknown agency or system, or a diagram Graphviz cannot draw, is an error in `problems`
// (codes unknown-agency, unknown-system, render-failed) and its file is left out; the others are
// still made. Uses Graphviz: not to be called from two threads at once.
std::vector<RenderedFile> renderPlanViews(const models::Inventory& inventory,
                                          const models::Plan& plan,
                                          const models::Diagnostics& planDiagnostics,
                                          const models::RiskRegister& risks,
                                          const RenderOptions& options,
                                          models::Diagnostics& problems);

// Asks for every ministry's page and ministries.html, the index of them (`render --agency all`,
// the portal's plans): options.agencies becomes the code of each ministry (ministriesOf), in the
// inventory's order, and options.agencyIndex is set.
void selectEveryMinistry(const models::Inventory& inventory, RenderOptions& options);

// The longest name fileNameFor gives, in bytes: with a folder, an extension and the temporary
// suffix of an atomic write it stays far below the 255 bytes of a file name.
inline constexpr size_t kLongestFileName = 120;

// A file name for a code or id, one to one and readable: letters, digits, _ and - stay, and so
// does . but in first place; every other byte becomes %XX (its value in upper-case hex), % too.
// MOF/payroll gives MOF%2Fpayroll, M_F stays M_F. The empty name gives %. A name longer than
// kLongestFileName is cut (between escapes) and ends in ~ and 16 hex digits of the SHA-256 of
// the whole code: distinct from every uncut name (none has ~), and from other cut ones unless
// their digests collide.
std::string fileNameFor(std::string_view name);

}  // namespace cloudplan::exporters
