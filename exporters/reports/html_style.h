// The look the HTML pages cloudplan writes share (report.html, feedback.html): one inline style
// sheet, no request to anything outside the page. A page adds its own rules after these.
#pragma once

#include <string_view>

namespace cloudplan::exporters {

inline constexpr std::string_view kPageStyle = R"css(
:root { --ink: #1d2630; --muted: #5a6570; --line: #d5dae0; --panel: #f4f6f8; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       color: var(--ink); margin: 0 auto; padding: 0 24px 48px; max-width: 1440px; }
h1 { font-size: 26px; margin: 24px 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 6px; }
p.lead { color: var(--muted); margin-top: 0; }
a { color: #1f5f99; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.figure { background: var(--panel); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.number, th.number { text-align: right; white-space: nowrap; }
table.compact { width: auto; }
table.compact th { padding-right: 24px; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.name { color: var(--muted); }
.severity-error { color: #b2182b; font-weight: bold; }
.severity-warning { color: #a6611a; font-weight: bold; }
.muted { color: var(--muted); }
table.risks td:nth-child(2), table.risks td:nth-child(5) { white-space: nowrap; }
table.risks tr.risk-lost-provider td:nth-child(2) { color: #b2182b; font-weight: bold; }
)css";

// What the plan's pages (report.html, each ministry's page) add to kPageStyle alike: the menu,
// reasons, wave swatches, folded parts, and print on landscape pages with headings repeated.
inline constexpr std::string_view kPlanPageStyle = R"css(
nav { margin: 12px 0 0; }
nav a { margin-right: 14px; }
ul.reasons { margin: 0; padding-left: 18px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px;
          vertical-align: -1px; border: 1px solid rgba(0, 0, 0, 0.25); }
details > summary { cursor: pointer; color: #1f5f99; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  details > summary { color: inherit; }
  details::details-content { content-visibility: visible; }
}
)css";

}  // namespace cloudplan::exporters
