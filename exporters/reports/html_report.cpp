#include "exporters/reports/html_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "exporters/graphviz/graph_style.h"
#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_pan_zoom.h"
#include "exporters/reports/html_style.h"
#include "exporters/reports/risk_table.h"
#include "models/plural.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

// The report's own rules, after the plan's pages' shared ones (kPageStyle, kPlanPageStyle).
constexpr std::string_view kStyle = R"css(
dl.properties { margin: 4px 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; }
dl.properties dt { color: var(--muted); }
dl.properties dd { margin: 0; }
.chart svg { display: block; max-width: 100%; height: auto; }
details.rows { margin: 4px 0; }
.scroll { overflow-x: auto; margin: 8px 0 16px; }
.scroll > table { margin: 0; }
td.id, td .id { overflow-wrap: anywhere; }
#search { position: sticky; top: 0; background: #ffffff; padding: 8px 0; z-index: 1; }
#search input { font-size: 15px; padding: 6px 8px; width: min(520px, 100%); }
@media print {
  #search { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; }
  header + main > section:first-child h2 { break-before: auto; }
  #waves > section.systems ~ section.systems { break-before: page; }
  .figures, .figure, .chart { break-inside: avoid; }
  .scroll { overflow: visible; }
}
)css";

// Filters the system rows as one types; without the script every row stays shown.
constexpr std::string_view kScript = R"js(
(function () {
  var box = document.getElementById("search");
  var input = box.querySelector("input");
  var count = box.querySelector("output");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.system"));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.systems"));
  var pages = Array.prototype.slice.call(document.querySelectorAll("details.rows"));
  box.hidden = false;
  input.addEventListener("input", function () {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row, i) {
      var match = !query || texts[i].indexOf(query) >= 0;
      row.hidden = !match;
      if (match) shown++;
    });
    sections.forEach(function (section) {
      section.hidden = !!query && !section.querySelector("tr.system:not([hidden])");
    });
    // A long wave's rows are in pages (closed <details>): those with a match open.
    pages.forEach(function (page) {
      var match = page.querySelector("tr.system:not([hidden])");
      page.hidden = !!query && !match;
      if (query && match) page.open = true;
    });
    count.textContent = query ? shown + (shown === 1 ? " system matches" : " systems match") : "";
  });
})();
)js";

void text(std::string& out, std::string_view value) {
  appendHtmlEscaped(out, value);
}

std::string escaped(std::string_view value) {
  return htmlEscaped(value);
}

std::string agencyCode(const models::Inventory& inventory, models::AgencyIndex agency) {
  return agency == kNone ? std::string() : std::string(inventory.agencies[agency].code);
}

void figure(std::string& out, std::string_view value, std::string_view label) {
  out += "<div class=\"figure\"><b>";
  text(out, value);
  out += "</b><span>";
  text(out, label);
  out += "</span></div>";
}

// Which rules set the lower bound, for "why the plan cannot be shorter".
std::string lowerBoundReason(const models::LowerBound& bound) {
  std::vector<std::string> terms;
  if (bound.capacity == bound.waves) terms.push_back("the wave capacity");
  if (bound.effort == bound.waves) terms.push_back("the effort limit");
  if (bound.pin == bound.waves) terms.push_back("the highest pinned wave");
  if (bound.date == bound.waves) terms.push_back("the latest not_before date");
  if (bound.started && bound.started == bound.waves)
    terms.push_back("the last wave that holds a system done or under way");
  if (terms.empty()) return "";
  std::string reason = "set by " + terms[0];
  for (size_t i = 1; i < terms.size(); ++i)
    reason += (i + 1 == terms.size() ? " and " : ", ") + terms[i];
  return reason;
}

// The hybrid links after each wave as bars, the permanent ones as a dashed line. Waves nothing
// moves in change nothing and have no bar: the chart grows with the systems, not the waves.
std::string hybridChart(const models::Plan& plan) {
  std::vector<const models::Wave*> waves;
  for (const auto& wave : plan.waves) {
    if (!wave.systems.empty()) waves.push_back(&wave);
  }
  if (waves.empty()) return {};
  uint32_t peak = 1;
  for (const auto* wave : waves)
    peak = std::max(peak, wave->hybridLinksAfter);
  constexpr double kHeight = 160, kTop = 20, kLeft = 50, kBottom = 30;
  const double step = std::clamp(860.0 / static_cast<double>(waves.size()), 6.0, 48.0);
  const double width = kLeft + step * static_cast<double>(waves.size()) + 20;
  auto y = [&](double value) { return kTop + kHeight - kHeight * value / peak; };
  std::string svg = fmt::format(
      "<svg role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"Helvetica,Arial,sans-serif\" font-size=\"11\">"
      "<title>Hybrid links after each wave</title>",
      width, kTop + kHeight + kBottom);
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#8a96a3\"/>"
      "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>"
      "<text x=\"{3}\" y=\"{1:.1f}\" text-anchor=\"end\">0</text>",
      kLeft, kTop + kHeight, width - 10, kLeft - 6, kTop + 4, peak);
  for (size_t i = 0; i < waves.size(); ++i) {
    const auto& wave = *waves[i];
    const double x = kLeft + step * static_cast<double>(i);
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
        "<title>after wave {}: {} hybrid links</title></rect>",
        x + 1, y(wave.hybridLinksAfter), std::max(1.0, step - 2),
        kTop + kHeight - y(wave.hybridLinksAfter), waveColour(wave.number).fill, wave.number,
        wave.hybridLinksAfter);
    if (waves.size() <= 24 || wave.number % 5 == 0 || i == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                         x + step / 2, kTop + kHeight + 14, wave.number);
    }
  }
  const double permanent = y(plan.metrics.permanentHybridLinks);
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#b2182b\" "
      "stroke-dasharray=\"5 3\"/><text x=\"{2:.1f}\" y=\"{3:.1f}\" text-anchor=\"end\" "
      "fill=\"#b2182b\">permanent: {4}</text>",
      kLeft, permanent, width - 10, permanent - 4, plan.metrics.permanentHybridLinks);
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#5a6570\">"
      "wave</text></svg>",
      kLeft + step * static_cast<double>(waves.size()) / 2, kTop + kHeight + kBottom - 2);
  return svg;
}

// The ids of a drawing's elements, and the references to them (url(#id) in a paint or clip
// attribute, #id in a link), prefixed, and the namespace declarations left out; nothing else is
// touched. Text and the other attributes (titles, tooltips) hold the inventory's names, which may
// read "url(#x)" or " id=": they are copied as they are.
std::string prefixIds(std::string_view svg, std::string_view prefix) {
  // The attributes whose value may be url(#id): paint, clipping, masks, filters and markers.
  constexpr std::string_view kReferencing[] = {
      "fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end"};
  std::string out;
  out.reserve(svg.size() + svg.size() / 50);
  size_t at = 0;
  while (at < svg.size()) {
    const size_t open = svg.find('<', at);
    if (open == std::string_view::npos) break;
    out.append(svg, at, open - at);
    // Comments and declarations are copied whole; only element tags have attributes.
    if (svg.substr(open, 4) == "<!--") {
      const size_t close = svg.find("-->", open);
      const size_t end = close == std::string_view::npos ? svg.size() : close + 3;
      out.append(svg, open, end - open);
      at = end;
      continue;
    }
    if (open + 1 < svg.size() &&
        (svg[open + 1] == '!' || svg[open + 1] == '?' || svg[open + 1] == '/')) {
      const size_t close = svg.find('>', open);
      const size_t end = close == std::string_view::npos ? svg.size() : close + 1;
      out.append(svg, open, end - open);
      at = end;
      continue;
    }
    // An element's tag: its name, then name="value" pairs, up to > (never inside a value).
    out += '<';
    size_t i = open + 1;
    while (i < svg.size() && svg[i] != '>') {
      const char c = svg[i];
      if (c == '"' || c == '\'') {  // a stray quote: copied, as is the rest
        out += c;
        ++i;
        continue;
      }
      if (c != '=') {
        out += c;
        ++i;
        continue;
      }
      // The attribute's name is what precedes '=' back to the last space.
      const size_t nameEnd = i;
      size_t nameStart = nameEnd;
      while (nameStart > open + 1 && svg[nameStart - 1] != ' ' && svg[nameStart - 1] != '\t' &&
             svg[nameStart - 1] != '\n')
        --nameStart;
      const std::string_view name = svg.substr(nameStart, nameEnd - nameStart);
      out += '=';
      ++i;
      if (i >= svg.size() || (svg[i] != '"' && svg[i] != '\'')) continue;
      const char quote = svg[i];
      const size_t valueStart = i + 1;
      size_t valueEnd = svg.find(quote, valueStart);
      if (valueEnd == std::string_view::npos) valueEnd = svg.size();
      const std::string_view value = svg.substr(valueStart, valueEnd - valueStart);
      if (nameStart > open + 1 && (name == "xmlns" || name.substr(0, 6) == "xmlns:")) {
        // HTML knows SVG: the declaration goes, with the space before it.
        out.resize(out.size() - name.size() - 2);
        i = valueEnd + 1;
        continue;
      }
      out += quote;
      const bool referencing = std::find(std::begin(kReferencing), std::end(kReferencing), name) !=
                               std::end(kReferencing);
      if (name == "id") {
        out += prefix;
        out += value;
      } else if (referencing && value.substr(0, 5) == "url(#") {
        out += "url(#";
        out += prefix;
        out += value.substr(5);
      } else if ((name == "href" || name == "xlink:href") && value.substr(0, 1) == "#") {
        out += '#';
        out += prefix;
        out += value.substr(1);
      } else {
        out += value;
      }
      if (valueEnd < svg.size()) out += quote;
      i = valueEnd + 1;
    }
    if (i < svg.size()) out += '>';
    at = i + 1;
  }
  if (at < svg.size()) out.append(svg, at);
  return out;
}

void systemsTableHead(std::string& out) {
  out +=
      "<div class=\"scroll\"><table><thead><tr><th>System</th><th>Agency</th><th>Type</th>"
      "<th>Strategy</th><th>Criticality</th><th class=\"number\">Effort (days)</th>"
      "<th>Move group</th><th>Why this wave</th><th>Properties</th></tr></thead><tbody>\n";
}

void systemRow(std::string& out, const models::Inventory& inventory, const models::Plan& plan,
               const PageLinks& pages, models::SystemIndex s) {
  const auto& system = inventory.systems[s];
  const auto& planned = plan.systems[s];
  out += "<tr class=\"system\" id=\"system-" + escaped(system.id) + "\"><td><span class=\"id\">";
  text(out, system.id);
  out += "</span>";
  if (!system.name.empty()) {
    out += "<br><span class=\"name\">";
    text(out, system.name);
    out += "</span>";
  }
  out += "</td><td>";
  out += agencyCodeHtml(agencyCode(inventory, system.agency), pages.pageOf(system.agency));
  out += "</td><td>";
  text(out, models::nameOf(system.type));
  out += "</td><td>";
  text(out, models::nameOf(system.strategy));
  if (system.action() == models::Action::retire) out += " <b>(retires)</b>";
  out += "</td><td>";
  text(out, models::nameOf(system.criticality));
  out += fmt::format("</td><td class=\"number\">{:g}</td><td>", system.effortDays);
  if (planned.moveGroup != kNone && planned.moveGroup < plan.moveGroups.size()) {
    const std::string& group = plan.moveGroups[planned.moveGroup].id;
    out += "<a href=\"#group-" + escaped(group) + "\">" + escaped(group) + "</a>";
  }
  out += "</td><td>";
  appendHtmlList(out, planned.reasons, "reasons");
  out += "</td><td>";
  const auto properties = inventory.propertiesOf(system.properties);
  if (!properties.empty()) {
    out += fmt::format("<details><summary>{} propert{}</summary><dl class=\"properties\">",
                       properties.size(), properties.size() == 1 ? "y" : "ies");
    for (const auto& property : properties) {
      out += "<dt>";
      text(out, property.key);
      out += "</dt><dd>";
      text(out, property.value);
      out += "</dd>";
    }
    out += "</dl></details>";
  }
  out += "</td></tr>\n";
}

// The first `limit` risks in a box that scrolls, as every table of the report.
void riskTable(std::string& out, const std::vector<const models::Risk*>& risks, size_t limit) {
  if (!risks.empty()) out += "<div class=\"scroll\">";
  out += riskTableHtml(risks, limit);
  if (!risks.empty()) out += "</div>\n";
}

void summary(std::string& out, const models::Inventory& inventory, const models::Plan& plan,
             const std::vector<const models::Risk*>& risks) {
  const auto& m = plan.metrics;
  // What a reviewer must act on comes first: the risks of highest exposure.
  out += "<section id=\"summary\"><h2>Summary</h2>\n<h3>Top risks</h3>\n";
  riskTable(out, risks, kTopRisks);
  if (!risks.empty()) {
    out += fmt::format(
        "<p><a href=\"#risks\">The risk register</a>: {}, by exposure (the days a link is hybrid "
        "times the weight of its more critical end).</p>\n",
        models::plural(risks.size(), "risk", "risks"));
  }
  out += "<h3>The plan</h3>\n<div class=\"figures\">";
  figure(out, fmt::format("{} / {}", m.waves, m.lowerBound.waves), "waves / lower bound");
  figure(out, fmt::format("{} of {}", m.scheduled, m.systems), "systems scheduled");
  figure(out, std::to_string(m.systems - m.scheduled), "retained (stay)");
  figure(out, std::to_string(m.dependencies), "dependencies");
  figure(out, std::to_string(m.peakHybridLinks), "peak hybrid links");
  figure(out, std::to_string(m.permanentHybridLinks), "permanent hybrid links");
  figure(out, std::to_string(plan.moveGroups.size()), "move groups");
  if (m.churn) figure(out, std::to_string(*m.churn), "moved from the baseline (churn)");
  out += "</div>\n<p>";
  if (const auto& replan = plan.settings.replan) {
    const auto started = std::count_if(plan.waves.begin(), plan.waves.end(),
                                       [](const auto& wave) { return wave.started; });
    text(out, fmt::format("This is a re-plan of {} on {}: {} of its waves had started. {} "
                          "systems planned in both move to another wave than the baseline's. ",
                          replan->baselinePath, models::formatDate(replan->today), started,
                          m.churn.value_or(0)));
  }
  const std::string why = lowerBoundReason(m.lowerBound);
  text(out, fmt::format("The plan moves {} of {} systems in {} waves. No plan under the same "
                        "rules can have fewer than {} waves{}{}.",
                        m.scheduled, m.systems, m.waves, m.lowerBound.waves,
                        why.empty() ? "" : ": the bound is ", why));
  if (m.waves > m.lowerBound.waves) {
    text(out, " The plan needs more waves than the bound; the diagnostics below say why.");
  }
  uint32_t peakWave = 0;
  for (const auto& wave : plan.waves) {
    if (peakWave == 0 || wave.hybridLinksAfter > plan.waves[peakWave - 1].hybridLinksAfter) {
      peakWave = wave.number;
    }
  }
  if (peakWave) {
    text(out, fmt::format(" Hybrid links (one end in the cloud, the other still on premises) "
                          "peak at {} after wave {}; {} stay hybrid for good, to retained "
                          "systems.",
                          m.peakHybridLinks, peakWave, m.permanentHybridLinks));
  }
  const size_t idle = static_cast<size_t>(std::count_if(
      plan.waves.begin(), plan.waves.end(), [](const auto& wave) { return wave.systems.empty(); }));
  out += "</p>\n<h3>Hybrid links after each wave</h3>\n";
  if (idle) {
    out += fmt::format("<p class=\"muted\">The {} wave{} nothing moves in {} left out.</p>\n", idle,
                       idle == 1 ? "" : "s", idle == 1 ? "is" : "are");
  }
  out += "<div class=\"chart\">";
  out += hybridChart(plan);
  out += "</div>";
  out += "\n<h3>Settings</h3>\n<div class=\"scroll\"><table class=\"compact\"><tbody>";
  const auto& settings = plan.settings;
  auto row = [&](std::string_view name, const std::string& value) {
    out += "<tr><th>";
    text(out, name);
    out += "</th><td>";
    text(out, value);
    out += "</td></tr>";
  };
  row("order", std::string(models::nameOf(settings.order)));
  row("wave capacity",
      settings.waveCapacity ? fmt::format("{} systems", *settings.waveCapacity) : "none");
  row("wave effort", settings.waveEffort ? fmt::format("{:g} days", *settings.waveEffort) : "none");
  row("start", models::formatDate(settings.start));
  row("wave length", fmt::format("{} days", settings.waveLengthDays));
  std::string freeze;
  for (const auto& window : settings.freeze) {
    freeze += (freeze.empty() ? "" : ", ") + models::formatDate(window.from) + " to " +
              models::formatDate(window.to);
  }
  row("freeze", freeze.empty() ? "none" : freeze);
  row("oversize groups", settings.allowOversize ? "allowed a wave of their own" : "not allowed");
  if (const auto& replan = settings.replan) {
    row("today", models::formatDate(replan->today));
    row("baseline", fmt::format("{} (SHA-256 {})", replan->baselinePath, replan->baselineSha256));
    row("progress",
        replan->progressPath.empty()
            ? std::string("none: every system as planned")
            : fmt::format("{} (SHA-256 {})", replan->progressPath, replan->progressSha256));
  }
  // A long list of inputs (a ministry per file) is folded away.
  out += fmt::format(
      "</tbody></table></div>\n<h3>Inputs</h3>\n<details{}><summary>{} input files</summary>\n"
      "<div class=\"scroll\"><table><thead><tr><th>File</th><th>Kind</th><th>SHA-256</th></tr>"
      "</thead><tbody>",
      inventory.files.size() <= 10 ? " open" : "", inventory.files.size());
  for (const auto& file : inventory.files) {
    out += "<tr><td class=\"id\">";
    text(out, file.path);
    out += "</td><td>";
    text(out, models::nameOf(file.kind));
    out += "</td><td class=\"id\">";
    text(out, file.sha256);
    out += "</td></tr>";
  }
  out += "</tbody></table></div>\n</details>\n</section>\n";
}

void risksSection(std::string& out, const std::vector<const models::Risk*>& risks) {
  out +=
      "<section id=\"risks\"><h2>Risks</h2>\n<p class=\"lead\">Every link left hybrid (one end "
      "moved, the other not yet or never), every retained system that loses a provider, every "
      "move group of more than 10 systems and every wave that uses more than 90 % of a limit; "
      "highest exposure first.</p>\n";
  // A national plan has thousands of hybrid links: the page shows the first ones, risks.csv all.
  riskTable(out, risks, kTableRowsPerPage);
  out += "</section>\n";
}

void moveGroups(std::string& out, const models::Inventory& inventory, const models::Plan& plan) {
  out +=
      "<section id=\"groups\"><h2>Move groups</h2>\n<p class=\"lead\">Systems joined by tight "
      "links or by a cycle of ordering rules move in the same wave.</p>\n";
  if (plan.moveGroups.empty()) {
    out += "<p>None.</p></section>\n";
    return;
  }
  out +=
      "<div class=\"scroll\"><table><thead><tr><th>Group</th><th>Cause</th><th>Wave</th>"
      "<th>Systems</th><th>Links that bind it</th></tr></thead><tbody>\n";
  for (const auto& group : plan.moveGroups) {
    out += "<tr id=\"group-" + escaped(group.id) + "\"><td>";
    text(out, group.id);
    out += "</td><td>";
    text(out, models::nameOf(group.cause));
    out += "</td><td>";
    if (!group.systems.empty() && plan.systems[group.systems[0]].wave) {
      out += std::to_string(plan.systems[group.systems[0]].wave);
    }
    out += "</td><td>";
    for (size_t i = 0; i < group.systems.size(); ++i) {
      const std::string id = escaped(inventory.systems[group.systems[i]].id);
      out += (i ? ", " : "") + std::string("<a class=\"id\" href=\"#system-") + id + "\">" + id +
             "</a>";
    }
    out += "</td><td>";
    for (size_t i = 0; i < group.links.size(); ++i) {
      const auto& link = inventory.dependencies[group.links[i]];
      out += i ? "<br>" : "";
      text(out, fmt::format("{} -> {} ({})", inventory.systems[link.consumer].id,
                            inventory.systems[link.provider].id, models::nameOf(link.coupling)));
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n</section>\n";
}

// The rows of a wave's systems: one table, or above kTableRowsPerPage rows pages of that many,
// each folded away (a <details>, which needs no script), so that a wave of thousands of systems
// opens as one line per page.
void systemsTable(std::string& out, const models::Inventory& inventory, const models::Plan& plan,
                  const PageLinks& pages, const std::vector<models::SystemIndex>& systems) {
  const bool folded = systems.size() > kTableRowsPerPage;
  for (size_t first = 0; first < systems.size(); first += kTableRowsPerPage) {
    const size_t last = std::min(systems.size(), first + kTableRowsPerPage);
    if (folded) {
      out += fmt::format("<details class=\"rows\"><summary>Systems {} to {} of {}</summary>\n",
                         first + 1, last, systems.size());
    }
    systemsTableHead(out);
    for (size_t i = first; i < last; ++i)
      systemRow(out, inventory, plan, pages, systems[i]);
    out += "</tbody></table></div>\n";
    if (folded) out += "</details>\n";
  }
}

void waveSections(std::string& out, const models::Inventory& inventory, const models::Plan& plan,
                  const ReportDrawings& drawings) {
  out += "<section id=\"waves\"><h2>Waves</h2>\n";
  out +=
      "<div id=\"search\" hidden><label>Find systems: <input type=\"search\" "
      "placeholder=\"id, name, agency, reason...\" autocomplete=\"off\"></label> "
      "<output class=\"muted\"></output></div>\n";
  for (size_t w = 0; w < plan.waves.size(); ++w) {
    const auto& wave = plan.waves[w];
    if (wave.systems.empty()) {
      // A run of waves nothing moves in is one line, however long: a pin to wave 1000 leaves 999.
      size_t last = w;
      while (last + 1 < plan.waves.size() && plan.waves[last + 1].systems.empty())
        ++last;
      const auto& end = plan.waves[last];
      out +=
          fmt::format("<p class=\"muted\" id=\"wave-{}\">{} {}: no system moves ({} to {}).</p>\n",
                      wave.number, last == w ? "Wave" : "Waves",
                      last == w ? std::to_string(wave.number)
                                : fmt::format("{} to {}", wave.number, end.number),
                      models::formatDate(wave.start), models::formatDate(end.end));
      w = last;
      continue;
    }
    out += fmt::format(
        "<section class=\"systems\" id=\"wave-{}\"><h3><span class=\"swatch\" "
        "style=\"background:{}\"></span>Wave {}: {} to {}</h3>\n<p>",
        wave.number, waveColour(wave.number).fill, wave.number, models::formatDate(wave.start),
        models::formatDate(wave.end));
    text(out, fmt::format("{} systems ({} migrate, {} retire), {:g} effort days; {} hybrid "
                          "links after it{}.",
                          wave.systems.size(), wave.migrating, wave.retiring, wave.effortDays,
                          wave.hybridLinksAfter,
                          wave.oversize ? "; an oversize wave, for one move group" : ""));
    out += "</p>\n";
    const size_t at = wave.number - 1;
    const std::string& svg = at < drawings.waves.size() ? drawings.waves[at] : std::string();
    const std::string& file =
        at < drawings.waveFiles.size() ? drawings.waveFiles[at] : std::string();
    if (!svg.empty() && svg.size() <= kLargestEmbeddedWave) {
      out += "<details><summary>Diagram of the wave</summary>\n";
      appendZoomableDrawing(out, svg, fmt::format("wave{}-", wave.number), file);
      out += "</details>\n";
    } else if (!svg.empty() && !file.empty()) {
      out += fmt::format(
          "<p class=\"muted\">The diagram of this wave is too large to embed "
          "({} KB): <a href=\"{}\">{}</a>, beside this report.</p>\n",
          svg.size() / 1024, escaped(file), escaped(file));
    }
    systemsTable(out, inventory, plan, drawings.pages, wave.systems);
    out += "</section>\n";
  }
  out +=
      "<section class=\"systems\" id=\"retained\"><h3><span class=\"swatch\" "
      "style=\"background:" +
      waveColour(0).fill + "\"></span>Retained: they stay where they are</h3>\n";
  std::vector<models::SystemIndex> retained;
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    if (plan.systems[s].wave == 0) retained.push_back(s);
  }
  systemsTable(out, inventory, plan, drawings.pages, retained);
  if (retained.empty()) out += "<p>None.</p>\n";
  out += "</section>\n</section>\n";
}

void diagnosticsSection(std::string& out, const models::Diagnostics& diagnostics) {
  out += "<section id=\"diagnostics\"><h2>Diagnostics of the inputs</h2>\n";
  if (diagnostics.all().empty()) {
    out += "<p>None: the inputs raised no error, warning or note.</p></section>\n";
    return;
  }
  out += fmt::format(
      "<p>{}, {}, {}.</p>\n",
      models::plural(diagnostics.count(models::Severity::error), "error", "errors"),
      models::plural(diagnostics.count(models::Severity::warning), "warning", "warnings"),
      models::plural(diagnostics.count(models::Severity::note), "note", "notes"));
  out +=
      "<div class=\"scroll\"><table><thead><tr><th>Severity</th><th>Where</th><th>Code</th>"
      "<th>Message</th></tr></thead><tbody>\n";
  for (const auto& d : diagnostics.all()) {
    out += fmt::format("<tr><td class=\"severity-{0}\">{0}</td><td class=\"id\">",
                       models::nameOf(d.severity));
    text(out, d.file.empty() ? std::string("(plan)")
              : d.line       ? fmt::format("{}:{}", d.file, d.line)
                             : d.file);
    out += "</td><td class=\"id\">";
    text(out, d.code);
    out += "</td><td>";
    text(out, d.message);
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n</section>\n";
}

}  // namespace

std::string svgForHtml(std::string_view svg, std::string_view idPrefix) {
  const size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return {};
  return prefixIds(svg.substr(start), idPrefix);
}

std::string agencyCodeHtml(std::string_view code, std::string_view page) {
  if (page.empty()) return htmlEscaped(code);
  return "<a href=\"" + hrefFor(page) + "\">" + htmlEscaped(code) + "</a>";
}

std::string planToHtml(const models::Inventory& inventory, const models::Plan& plan,
                       const models::Diagnostics& diagnostics, const models::RiskRegister& risks,
                       const ReportDrawings& drawings) {
  const auto& m = plan.metrics;
  std::string out;
  out.reserve(4096 + inventory.systems.size() * 700 + drawings.overview.size() +
              drawings.schedule.size());
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>Migration plan: {} systems in {} waves</title>\n", m.systems, m.waves);
  out += "<style>";
  out += kPageStyle;
  out += kPlanPageStyle;
  out += kPanZoomStyle;
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>Cloud migration plan</h1>\n<p class=\"lead\">";
  text(out, fmt::format("{} systems of {} agencies, {} dependencies; {} waves from {} to {}. "
                        "Made by cloudplan from {} input files.",
                        m.systems, inventory.agencies.size(), m.dependencies, m.waves,
                        plan.waves.empty() ? models::formatDate(plan.settings.start)
                                           : models::formatDate(plan.waves.front().start),
                        plan.waves.empty() ? models::formatDate(plan.settings.start)
                                           : models::formatDate(plan.waves.back().end),
                        inventory.files.size()));
  out +=
      "</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#schedule\">Schedule</a>"
      "<a href=\"#overview\">Overview</a><a href=\"#risks\">Risks</a>"
      "<a href=\"#groups\">Move groups</a>"
      "<a href=\"#waves\">Waves</a><a href=\"#retained\">Retained</a>"
      "<a href=\"#diagnostics\">Diagnostics</a>";
  if (drawings.pages.ministries) out += "<a href=\"ministries.html\">Ministries</a>";
  out += "</nav>\n</header>\n<main>\n";
  const auto register_ = risksOf(inventory, risks, kNone);
  summary(out, inventory, plan, register_);
  out += "<section id=\"schedule\"><h2>Schedule</h2>\n";
  appendZoomableDrawing(out, drawings.schedule, "schedule-", drawings.scheduleFile);
  out +=
      "</section>\n<section id=\"overview\"><h2>Overview</h2>\n<p class=\"lead\">Ministries "
      "side by side, their offices in boxes inside them; each system's box gives its name, wave "
      "and id, coloured by its wave and shaped by its type.</p>\n";
  appendZoomableDrawing(out, drawings.overview, "overview-", drawings.overviewFile);
  out += "</section>\n";
  risksSection(out, register_);
  moveGroups(out, inventory, plan);
  waveSections(out, inventory, plan, drawings);
  diagnosticsSection(out, diagnostics);
  out += "</main>\n<script>";
  out += reportScript();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

std::string reportScript() {
  std::string script(kScript);
  script += kPanZoomScript;
  return script;
}

}  // namespace cloudplan::exporters
