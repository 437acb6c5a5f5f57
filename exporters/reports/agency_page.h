// report-CODE.html: one agency's part of a plan, for its CIO, in one self-contained page like
// report.html (inline CSS and SVG, no request to anything outside the file, readable without
// script): its contacts, its offices, its systems with their waves, dates and reasons, the links
// that cross its border in both directions, its risks, its diagram and its schedule, zoomable as
// report.html's (html_pan_zoom.h). Every text of the inventory is escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exporters/reports/html_report.h"
#include "models/agency_tree.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

namespace cloudplan::exporters {

// The drawings of a page, as SVG documents; an empty one is left out.
struct AgencyPageDrawings {
  std::string diagram;      // the agency's diagram (agencies/CODE.svg)
  std::string diagramFile;  // where it is written beside the page; empty: it is not
  // Its schedule: one drawing, or with a row per system one per page of rows (GanttOptions).
  std::vector<std::string> schedules;
  // The other pages written beside it: the page links ministries.html and its parent's page
  // when they are written.
  PageLinks pages;
};

// The risks a page lists at most; the others are counted, and are all in risks.csv.
inline constexpr size_t kPageRisks = 100;

// "report-" + fileNameFor(code) + ".html".
std::string agencyPageName(std::string_view code);

// Where an agency's systems (its own and those of the agencies below it) stand in the plan.
struct WaveSpan {
  size_t systems = 0;
  size_t scheduled = 0;  // in a wave; the others are retained
  uint32_t first = 0;    // the first and last wave they move in; 0 when none moves
  uint32_t last = 0;
};
// Every agency's, by agency index: one pass over the systems, then each agency's folded into its
// parent's, offices first. The pages and the index of ministries share them.
std::vector<WaveSpan> waveSpansOf(const models::AgencyTree& tree,
                                  const models::Inventory& inventory, const models::Plan& plan);
// "none", "3", "1 to 7".
std::string wavesText(const WaveSpan& span);

// A contact's value as HTML: an e-mail address as a mailto: link, an http:// or https:// address as
// a link, anything else as text. Only plain addresses become links: a value with spaces, quotes,
// markup or another scheme (javascript:) stays text.
std::string contactHtml(std::string_view value);

// `tree` and `spans` (waveSpansOf) are the plan's, made once for all its pages.
std::string agencyPageToHtml(const models::Inventory& inventory, const models::Plan& plan,
                             const models::AgencyTree& tree, const std::vector<WaveSpan>& spans,
                             const models::RiskRegister& risks, models::AgencyIndex agency,
                             const AgencyPageDrawings& drawings);
// The same, the tree and the spans made for this page.
std::string agencyPageToHtml(const models::Inventory& inventory, const models::Plan& plan,
                             const models::RiskRegister& risks, models::AgencyIndex agency,
                             const AgencyPageDrawings& drawings);

}  // namespace cloudplan::exporters
