// report-CODE.html: one agency's part of a plan, for its CIO, in one self-contained page like
// report.html (inline CSS and SVG, no request to anything outside the file, readable without
// script): its contacts, its offices, its systems with their waves, dates and reasons, the links
// that cross its border in both directions, its risks, its diagram and its schedule, zoomable as
// report.html's (html_pan_zoom.h). Every text of the inventory is escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

namespace cloudplan::exporters {

// The drawings of a page, as SVG documents; an empty one is left out.
struct AgencyPageDrawings {
  std::string diagram;      // the agency's diagram (agencies/CODE.svg)
  std::string diagramFile;  // where it is written beside the page; empty: it is not
  std::string schedule;     // its schedule
};

// The risks a page lists at most; the others are counted, and are all in risks.csv.
inline constexpr size_t kPageRisks = 100;

// "report-" + fileNameFor(code) + ".html".
std::string agencyPageName(std::string_view code);

// A relative path as the value of an href: fileNameFor's % written %25 (a browser would read
// "%2F" as "/"), and escaped for an HTML attribute.
std::string hrefFor(std::string_view path);

// Each agency's place in the tree: whether it is `agency` or below it. Bounded by the number of
// agencies, so a parent cycle (rejected by the importers) cannot hang.
std::vector<bool> agenciesWithin(const models::Inventory& inventory, models::AgencyIndex agency);

// The ministry an agency belongs to: the agency at the top of its chain of parents; kNone for
// kNone.
models::AgencyIndex ministryOf(const models::Inventory& inventory, models::AgencyIndex agency);

// Where an agency's systems (its own and those of the agencies below it) stand in the plan.
struct WaveSpan {
  size_t systems = 0;
  size_t scheduled = 0;  // in a wave; the others are retained
  uint32_t first = 0;    // the first and last wave they move in; 0 when none moves
  uint32_t last = 0;
};
WaveSpan waveSpanOf(const models::Inventory& inventory, const models::Plan& plan,
                    const std::vector<bool>& within);
// "none", "3", "1 to 7".
std::string wavesText(const WaveSpan& span);

// A contact's value as HTML: an e-mail address as a mailto: link, an http:// or https:// address as
// a link, anything else as text. Only plain addresses become links: a value with spaces, quotes,
// markup or another scheme (javascript:) stays text.
std::string contactHtml(std::string_view value);

std::string agencyPageToHtml(const models::Inventory& inventory, const models::Plan& plan,
                             const models::RiskRegister& risks, models::AgencyIndex agency,
                             const AgencyPageDrawings& drawings);

}  // namespace cloudplan::exporters
