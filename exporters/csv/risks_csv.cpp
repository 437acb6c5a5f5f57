#include "exporters/csv/risks_csv.h"

#include <fmt/format.h>

#include <array>

#include "exporters/csv/csv_writer.h"
// Ids, names and codes are cut as the diagrams cut them (shownText), as in the summaries: the
// file grows with the risks, not with a megabyte name repeated in each; schedule.csv has them
// whole.
#include "models/shown_text.h"

namespace cloudplan::exporters {

using models::RiskKind;

namespace {

enum Column : uint8_t {
  rank,
  kind,
  exposure,
  criticality,
  summary,
  consumer,
  consumerName,
  consumerCriticality,
  provider,
  providerName,
  providerCriticality,
  coupling,
  linkKind,
  fromWave,
  toWave,
  fromDate,
  toDate,
  days,
  moveGroup,
  systems,
  wave,
  limit,
  used,
  available,
  agencies,
  kColumns
};

// clang-format off
constexpr std::array<std::string_view, kColumns> kHeaders = {
    "rank", "kind", "exposure", "criticality", "summary",
    "consumer", "consumer_name", "consumer_criticality",
    "provider", "provider_name", "provider_criticality", "coupling", "link_kind",
    "from_wave", "to_wave", "from_date", "to_date", "days",
    "move_group", "systems", "wave", "limit", "used", "available", "agencies"};
// clang-format on

}  // namespace

std::string exposureText(double exposure) {
  std::string text = fmt::format("{:.2f}", exposure);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0')
      text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string risksToCsv(const models::Inventory& inventory, const models::Plan& plan,
                       const models::RiskRegister& register_) {
  std::string out = "\xEF\xBB\xBF";  // spreadsheets read UTF-8 only with a byte-order mark
  std::vector<std::string> row(kHeaders.begin(), kHeaders.end());
  appendCsvRow(out, row);
  const auto waveEnd = [&](uint32_t number) {
    return models::formatDate(plan.waves[number - 1].end);
  };
  for (size_t i = 0; i < register_.risks.size(); ++i) {
    const models::Risk& risk = register_.risks[i];
    for (auto& cell : row)
      cell.clear();
    row[rank] = std::to_string(i + 1);
    row[kind] = models::nameOf(risk.kind);
    row[exposure] = exposureText(risk.exposure);
    row[criticality] = models::nameOf(risk.criticality);
    row[summary] = risk.summary;
    if (risk.kind == RiskKind::hybridLink || risk.kind == RiskKind::lostProvider) {
      const models::Dependency& d = inventory.dependencies[risk.dependency];
      const models::System& c = inventory.systems[d.consumer];
      const models::System& p = inventory.systems[d.provider];
      row[consumer] = models::shownText(c.id);
      row[consumerName] = models::shownText(c.name);
      row[consumerCriticality] = models::nameOf(c.criticality);
      row[provider] = models::shownText(p.id);
      row[providerName] = models::shownText(p.name);
      row[providerCriticality] = models::nameOf(p.criticality);
      row[coupling] = models::nameOf(d.coupling);
      row[linkKind] = models::shownText(d.kind);
    }
    if (risk.kind == RiskKind::hybridLink) {
      row[fromWave] = std::to_string(risk.fromWave);
      row[fromDate] = waveEnd(risk.fromWave);
      if (risk.toWave != 0) row[toWave] = std::to_string(risk.toWave);
      row[toDate] = risk.toWave ? waveEnd(risk.toWave) : models::formatDate(plan.waves.back().end);
      row[days] = std::to_string(risk.days);
    }
    if (risk.kind == RiskKind::largeMoveGroup) {
      const models::MoveGroup& group = plan.moveGroups[risk.moveGroup];
      row[moveGroup] = models::shownText(group.id);
      row[systems] = std::to_string(group.systems.size());
    }
    if (risk.wave != 0) row[wave] = std::to_string(risk.wave);
    if (risk.kind == RiskKind::waveNearLimit) {
      row[limit] = risk.limit;
      row[used] = fmt::format("{:g}", risk.used);
      row[available] = fmt::format("{:g}", risk.available);
    }
    for (models::AgencyIndex a : risk.agencies) {
      if (!row[agencies].empty()) row[agencies] += "; ";
      row[agencies] += models::shownText(inventory.agencies[a].code);
    }
    appendCsvRow(out, row);
  }
  return out;
}

}  // namespace cloudplan::exporters
