#include "exporters/reports/risk_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "exporters/reports/html_escape.h"
#include "models/plural.h"

namespace cloudplan::exporters {
namespace {

bool within(const models::Inventory& inventory, models::AgencyIndex agency,
            models::AgencyIndex ancestor) {
  // Bounded by the number of agencies: a parent cycle (rejected by the importers) cannot hang.
  for (size_t steps = 0; agency != models::kNone && steps <= inventory.agencies.size(); ++steps) {
    if (agency == ancestor) return true;
    agency = inventory.agencies[agency].parent;
  }
  return false;
}

std::string_view kindTitle(models::RiskKind kind) {
  switch (kind) {
    case models::RiskKind::hybridLink:
      return "hybrid link";
    case models::RiskKind::lostProvider:
      return "loses a provider";
    case models::RiskKind::largeMoveGroup:
      return "large move group";
    case models::RiskKind::waveNearLimit:
      return "wave near a limit";
  }
  return "";
}

std::string wavesOf(const models::Risk& risk) {
  switch (risk.kind) {
    case models::RiskKind::hybridLink:
      if (risk.toWave == 0) return fmt::format("after {}, for good", risk.fromWave);
      return fmt::format("{} to {}", risk.fromWave, risk.toWave);
    case models::RiskKind::waveNearLimit:
      return fmt::format("{}", risk.wave);
    case models::RiskKind::lostProvider:
    case models::RiskKind::largeMoveGroup:
      return risk.wave == 0 ? std::string() : fmt::format("{}", risk.wave);
  }
  return "";
}

}  // namespace

std::vector<const models::Risk*> risksOf(const models::Inventory& inventory,
                                         const models::RiskRegister& register_,
                                         models::AgencyIndex agency) {
  std::vector<const models::Risk*> risks;
  for (const models::Risk& risk : register_.risks) {
    const bool concerned =
        agency == models::kNone ||
        std::any_of(risk.agencies.begin(), risk.agencies.end(),
                    [&](models::AgencyIndex a) { return within(inventory, a, agency); });
    if (concerned) risks.push_back(&risk);
  }
  return risks;
}

std::string riskTableHtml(const std::vector<const models::Risk*>& risks, size_t limit) {
  if (risks.empty())
    return "<p class=\"muted\">No risks: no link is left hybrid, no retained "
           "system loses a provider, no move group is large and no wave is "
           "near a limit.</p>\n";
  std::string html =
      "<table class=\"risks\">\n<thead><tr><th class=\"number\">#</th><th>Risk</th>"
      "<th>What</th><th>Waves</th><th class=\"number\">Days</th>"
      "<th class=\"number\">Exposure</th></tr></thead>\n<tbody>\n";
  const size_t shown = std::min(limit, risks.size());
  for (size_t i = 0; i < shown; ++i) {
    const models::Risk& risk = *risks[i];
    html += fmt::format("<tr class=\"risk-{}\"><td class=\"number\">{}</td><td>{}</td><td>",
                        models::nameOf(risk.kind), i + 1, kindTitle(risk.kind));
    appendHtmlEscaped(html, risk.summary);
    html += fmt::format(
        "</td><td>{}</td><td class=\"number\">{}</td>"
        "<td class=\"number\">{:.0f}</td></tr>\n",
        wavesOf(risk),
        risk.kind == models::RiskKind::hybridLink ? fmt::format("{}", risk.days) : std::string(),
        risk.exposure);
  }
  html += "</tbody>\n</table>\n";
  if (risks.size() > shown) {
    html += fmt::format("<p class=\"muted\">and {} more in risks.csv</p>\n",
                        models::plural(risks.size() - shown, "risk", "risks"));
  }
  return html;
}

}  // namespace cloudplan::exporters
