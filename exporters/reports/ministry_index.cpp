#include "exporters/reports/ministry_index.h"

#include <fmt/format.h>

#include <algorithm>

#include "exporters/reports/agency_page.h"
#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_style.h"
#include "models/plural.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// The CIO's contacts, or failing them the agency's other contacts; as HTML.
std::string cioOf(const models::Inventory& inventory, const models::Agency& agency) {
  const auto properties = inventory.propertiesOf(agency.properties);
  std::vector<const models::Property*> shown;
  for (const auto& property : properties) {
    if (lower(property.key).rfind("cio", 0) == 0) shown.push_back(&property);
  }
  if (shown.empty()) {
    for (const auto& property : properties) {
      const std::string key = lower(property.key);
      if (key.find("contact") != std::string::npos || key.find("mail") != std::string::npos)
        shown.push_back(&property);
    }
  }
  std::string html;
  for (const auto* property : shown) {
    if (property->value.empty()) continue;
    html += html.empty() ? "" : "<br>";
    html += contactHtml(property->value);
  }
  return html;
}

}  // namespace

std::vector<models::AgencyIndex> ministriesOf(const models::Inventory& inventory) {
  std::vector<models::AgencyIndex> ministries;
  for (models::AgencyIndex a = 0; a < inventory.agencies.size(); ++a) {
    if (inventory.agencies[a].parent == kNone) ministries.push_back(a);
  }
  return ministries;
}

std::string ministryIndexToHtml(const models::Inventory& inventory, const models::Plan& plan,
                                const models::RiskRegister& risks,
                                const std::vector<models::AgencyIndex>& pages) {
  const models::AgencyTree tree(inventory);
  return ministryIndexToHtml(inventory, tree, waveSpansOf(tree, inventory, plan), risks, pages);
}

std::string ministryIndexToHtml(const models::Inventory& inventory, const models::AgencyTree& tree,
                                const std::vector<WaveSpan>& spans,
                                const models::RiskRegister& risks,
                                const std::vector<models::AgencyIndex>& pages) {
  const auto ministries = ministriesOf(inventory);
  // Each ministry's risks, counted in one pass over the register: a risk of two agencies of one
  // ministry counts once.
  std::vector<size_t> risksOfMinistry(inventory.agencies.size());
  std::vector<models::AgencyIndex> counted;
  for (const models::Risk& risk : risks.risks) {
    counted.clear();
    for (const models::AgencyIndex a : risk.agencies) {
      const auto ministry = tree.ministryOf(a);
      if (ministry >= inventory.agencies.size()) continue;
      if (std::find(counted.begin(), counted.end(), ministry) != counted.end()) continue;
      counted.push_back(ministry);
      ++risksOfMinistry[ministry];
    }
  }
  std::vector<bool> paged(inventory.agencies.size());
  for (const models::AgencyIndex page : pages) {
    if (page < paged.size()) paged[page] = true;
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Migration plan: the ministries</title>\n<style>";
  out += kPageStyle;
  out +=
      "</style>\n</head>\n<body>\n<header>\n<p><a href=\"report.html\">The whole plan "
      "(report.html)</a></p>\n<h1>The ministries</h1>\n<p class=\"lead\">";
  appendHtmlEscaped(out,
                    fmt::format("{}, {} in the plan. Each ministry's page shows its "
                                "contacts, offices, systems and their waves, the links to "
                                "other ministries, its risks, its diagram and its schedule.",
                                models::plural(ministries.size(), "ministry", "ministries"),
                                models::plural(inventory.systems.size(), "system", "systems")));
  out +=
      "</p>\n</header>\n<main>\n<table><thead><tr><th>Ministry</th><th>CIO</th>"
      "<th class=\"number\">Systems</th><th>Waves</th><th class=\"number\">Risks</th>"
      "<th>Page</th></tr></thead><tbody>\n";
  for (const models::AgencyIndex ministry : ministries) {
    const models::Agency& agency = inventory.agencies[ministry];
    const WaveSpan& span = spans[ministry];
    const bool linked = paged[ministry];
    const std::string href = hrefFor(agencyPageName(agency.code));
    out += "<tr><td>";
    if (!agency.name.empty()) {
      out += linked ? "<a href=\"" + href + "\">" + htmlEscaped(agency.name) + "</a>"
                    : htmlEscaped(agency.name);
      out += "<br>";
    }
    out += "<span class=\"id\">" + htmlEscaped(agency.code) + "</span></td><td>" +
           cioOf(inventory, agency) + "</td>";
    out += fmt::format(
        "<td class=\"number\">{}{}</td><td>{}</td><td class=\"number\">{}</td><td>", span.systems,
        span.systems > span.scheduled ? fmt::format("<br><span class=\"muted\">{} retained</span>",
                                                    span.systems - span.scheduled)
                                      : std::string(),
        wavesText(span), risksOfMinistry[ministry]);
    if (linked) {
      out += "<a href=\"" + href + "\">" + htmlEscaped(agencyPageName(agency.code)) + "</a>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table>\n";
  const auto unowned = static_cast<size_t>(
      std::count_if(inventory.systems.begin(), inventory.systems.end(),
                    [](const models::System& system) { return system.agency == kNone; }));
  if (unowned) {
    out += "<p class=\"muted\">";
    appendHtmlEscaped(out, fmt::format("{} of no agency, in no ministry's page.",
                                       models::plural(unowned, "system", "systems")));
    out += "</p>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace cloudplan::exporters
