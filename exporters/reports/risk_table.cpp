#include "exporters/reports/risk_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "exporters/csv/risks_csv.h"
#include "exporters/reports/html_escape.h"

namespace cloudplan::exporters {
namespace {

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

// Between which waves: a link's first and last, a loss from the provider's retirement on, a
// group's or a wave's own.
std::string wavesOf(const models::Risk& risk) {
  switch (risk.kind) {
    case models::RiskKind::hybridLink:
      if (risk.toWave == 0) return fmt::format("after {}, for good", risk.fromWave);
      return fmt::format("{} to {}", risk.fromWave, risk.toWave);
    case models::RiskKind::lostProvider:
      return fmt::format("after {}, for good", risk.wave);
    case models::RiskKind::waveNearLimit:
    case models::RiskKind::largeMoveGroup:
      return fmt::format("{}", risk.wave);
  }
  return "";
}

}  // namespace

std::vector<const models::Risk*> risksOf(const models::Inventory& inventory,
                                         const models::RiskRegister& register_,
                                         models::AgencyIndex agency) {
  return risksOf(models::AgencyTree(inventory), register_, agency);
}

std::vector<const models::Risk*> risksOf(const models::AgencyTree& tree,
                                         const models::RiskRegister& register_,
                                         models::AgencyIndex agency) {
  std::vector<const models::Risk*> risks;
  if (agency == models::kNone) {
    risks.reserve(register_.risks.size());
    for (const models::Risk& risk : register_.risks)
      risks.push_back(&risk);
    return risks;
  }
  for (const models::Risk& risk : register_.risks) {
    if (std::any_of(risk.agencies.begin(), risk.agencies.end(),
                    [&](models::AgencyIndex a) { return tree.within(a, agency); }))
      risks.push_back(&risk);
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
      "<th>What</th><th>Criticality</th><th>Waves</th><th class=\"number\">Days</th>"
      "<th class=\"number\">Exposure</th></tr></thead>\n<tbody>\n";
  const size_t shown = std::min(limit, risks.size());
  for (size_t i = 0; i < shown; ++i) {
    const models::Risk& risk = *risks[i];
    html += fmt::format("<tr class=\"risk-{}\"><td class=\"number\">{}</td><td>{}</td><td>",
                        models::nameOf(risk.kind), i + 1, kindTitle(risk.kind));
    appendHtmlEscaped(html, risk.summary);
    // A link's days run to the plan's last day when it is hybrid for good: "at least"; from the
    // last wave there are none to count, and the waves column says "for good" already.
    const std::string days = risk.kind != models::RiskKind::hybridLink ? std::string()
                             : risk.toWave != 0 ? fmt::format("{}", risk.days)
                             : risk.days == 0   ? std::string()
                                                : fmt::format("{}+", risk.days);
    html += fmt::format(
        "</td><td class=\"criticality-{0}\">{0}</td><td>{1}</td><td class=\"number\">{2}</td>"
        "<td class=\"number\">{3}</td></tr>\n",
        models::nameOf(risk.criticality), wavesOf(risk), days, exposureText(risk.exposure));
  }
  html += "</tbody>\n</table>\n";
  if (risks.size() > shown) {
    const size_t more = risks.size() - shown;
    html += fmt::format(
        "<p class=\"muted\">and {} more {} in <a href=\"risks.csv\">risks.csv</a></p>\n", more,
        more == 1 ? "risk" : "risks");
  }
  return html;
}

}  // namespace cloudplan::exporters
