// report.html: the plan for its reviewers in one self-contained page (inline CSS, the drawings
// inline as SVG, a small inline script, no request to anything outside the file, readable
// without the script): the summary (the top risks first, then waves against the lower bound,
// hybrid links over time, move groups), the schedule and the diagrams (zoomable, see
// html_pan_zoom.h), the risk register, every wave's systems with the reasons for their wave, the
// retained systems, and the diagnostics of the inputs. It reads at any window width (drawings
// scale to the column, wide tables scroll in their own box) and prints (a print style sheet).
// Every text of the inventory is escaped: a name is always shown as text, never run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

namespace cloudplan::exporters {

// The pages written beside report.html, for the pages to link each other.
struct PageLinks {
  // By agency index: the file name of its page (agencyPageName), empty when none is written.
  std::vector<std::string> agencyPages;
  bool ministries = false;  // ministries.html is written
  // Empty for kNone and for an agency without a page.
  std::string_view pageOf(models::AgencyIndex agency) const {
    return agency < agencyPages.size() ? std::string_view(agencyPages[agency]) : std::string_view();
  }
};

// The drawings to embed, as SVG documents; an empty one is left out.
struct ReportDrawings {
  std::string schedule;
  std::string overview;
  std::vector<std::string> waves;  // by wave number - 1
  // Where each wave's drawing is written beside the report (relative path), empty when it is not:
  // a drawing too large to embed is linked instead.
  std::vector<std::string> waveFiles;
  // The full drawings beside the report (relative paths), linked under their embedded copies;
  // empty: not written, not linked.
  std::string overviewFile;
  std::string scheduleFile;
  // The report links ministries.html in its menu, and each agency code in its tables to the
  // agency's page, when they are written.
  PageLinks pages;
};

// A wave's drawing larger than this is linked, not embedded: the report of a 10^4-system plan
// would otherwise weigh some 50 MB and take a browser many seconds to open.
inline constexpr size_t kLargestEmbeddedWave = 512 * 1024;

// The summary leads with this many risks of highest exposure.
inline constexpr size_t kTopRisks = 10;

// A table longer than this is cut into pages of as many rows, each folded away (a wave's
// systems), or shows its first rows and says where the rest are (the risks: risks.csv).
inline constexpr size_t kTableRowsPerPage = 500;

// An agency's code as HTML: a link to `page` (its report-CODE.html), or text when it is empty.
std::string agencyCodeHtml(std::string_view code, std::string_view page);

// `risks`: the plan's risk register (engine/risk_register), in its order.
std::string planToHtml(const models::Inventory& inventory, const models::Plan& plan,
                       const models::Diagnostics& diagnostics, const models::RiskRegister& risks,
                       const ReportDrawings& drawings);

// An SVG document fit to sit inside an HTML page: without its XML prolog, DOCTYPE and namespace
// declarations (HTML knows SVG), and with its ids prefixed, so that those of several drawings do
// not clash. Only id attributes and the references to them (url(#id) in a paint, clip, mask,
// filter or marker attribute; #id in an href) change: text and the other attributes, where the
// inventory's names are, stay as they are.
std::string svgForHtml(std::string_view svg, std::string_view idPrefix);

// The text of report.html's one <script> element, for a server's Content-Security-Policy to allow
// it by its hash and nothing else.
std::string reportScript();

}  // namespace cloudplan::exporters
