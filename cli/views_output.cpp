#include "cli/views_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <optional>

#include "cli/terminal_text.h"
#include "engine/risk_register.h"
#include "exporters/reports/agency_page.h"
#include "importers/suggest.h"
#include "models/ministry_files.h"

namespace cloudplan::cli {

bool parseImageFormats(const std::vector<std::string>& names,
                       std::vector<exporters::ImageFormat>& formats) {
  formats.clear();
  for (const std::string& list : names) {
    size_t start = 0;
    while (start <= list.size()) {
      const size_t comma = std::min(list.find(',', start), list.size());
      const std::string name = list.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      const auto format = models::parseName<exporters::ImageFormat>(name);
      if (!format) {
        std::cerr << fmt::format("cloudplan: error: --format {} is not one of {}\n",
                                 models::quoted(name),
                                 models::allowedNames<exporters::ImageFormat>());
        return false;
      }
      if (std::find(formats.begin(), formats.end(), *format) == formats.end()) {
        formats.push_back(*format);
      }
    }
  }
  if (formats.empty()) formats.push_back(exporters::ImageFormat::svg);
  return true;
}

bool checkAgencyAll(std::string_view command, const std::vector<std::string>& agencies) {
  const bool all = std::find(agencies.begin(), agencies.end(), kAllAgencies) != agencies.end();
  if (!all) return true;
  std::string codes;
  size_t count = 0;
  for (const std::string& code : agencies) {
    if (code == kAllAgencies) continue;
    codes += (count++ ? ", " : "") + models::quoted(code);
  }
  if (count == 0) return true;
  std::cerr << fmt::format(
      "cloudplan {}: error: --agency all cannot be given with agency codes ({}) (all draws every "
      "ministry: give all alone, or the codes alone)\n",
      command, printable(codes));
  return false;
}

void selectAllAgencies(const models::Inventory& inventory, exporters::RenderOptions& options,
                       models::Diagnostics& diagnostics) {
  if (std::find(options.agencies.begin(), options.agencies.end(), kAllAgencies) ==
      options.agencies.end()) {
    return;
  }
  exporters::selectEveryMinistry(inventory, options);
  const auto named = inventory.findAgency(kAllAgencies);
  if (!named) return;
  const models::AgencyIndex parent = inventory.agencies[*named].parent;
  if (parent == models::kNone) {
    diagnostics.warning("agency-named-all", "", 0,
                        "--agency all means every ministry: the plan's ministry coded 'all' is "
                        "one of them (its page is report-all.html)");
  } else {
    const std::string ministry(inventory.agencies[models::ministryOf(inventory, *named)].code);
    diagnostics.warning(
        "agency-named-all", "", 0,
        fmt::format("--agency all means every ministry: the plan's agency coded 'all' is an office "
                    "of {} and has no page of its own (it is on the page of {}, {})",
                    models::quoted(ministry), models::quoted(ministry),
                    exporters::agencyPageName(ministry)));
  }
}

void checkViewSelections(const models::Inventory& inventory, std::string_view planPath,
                         const exporters::RenderOptions& options,
                         models::Diagnostics& diagnostics) {
  std::vector<std::string_view> codes, ids;
  for (const models::Agency& agency : inventory.agencies)
    codes.push_back(agency.code);
  for (const models::System& system : inventory.systems)
    ids.push_back(system.id);
  std::optional<importers::Suggester> agencies, systems;  // built on the first unknown one only
  auto didYouMean = [](std::optional<importers::Suggester>& suggester,
                       const std::vector<std::string_view>& known, std::string_view unknown) {
    if (!suggester) suggester.emplace(known);
    const auto close = suggester->closest(unknown);
    return close ? fmt::format(" (did you mean {}?)", models::quoted(*close)) : std::string();
  };
  for (const std::string& code : options.agencies) {
    if (inventory.findAgency(code)) continue;
    diagnostics.error("unknown-agency", "", 0,
                      fmt::format("--agency {}: no such agency in {}{}", models::quoted(code),
                                  planPath, didYouMean(agencies, codes, code)));
  }
  for (const exporters::FocusView& focus : options.focus) {
    if (inventory.findSystem(focus.system)) continue;
    diagnostics.error(
        "unknown-system", "", 0,
        fmt::format("--focus {}: no such system in {}{}", models::quoted(focus.system), planPath,
                    didYouMean(systems, ids, focus.system)));
  }
}

size_t addPlanViews(exporters::OutputFolder& folder, const models::Inventory& inventory,
                    const models::Plan& plan, const models::Diagnostics& planDiagnostics,
                    const exporters::RenderOptions& options, models::Diagnostics& diagnostics) {
  const models::RiskRegister risks = engine::assessRisks(inventory, plan);
  const auto files =
      exporters::renderPlanViews(inventory, plan, planDiagnostics, risks, options, diagnostics);
  if (diagnostics.hasErrors()) return 0;
  for (const auto& file : files) {
    if (std::string error = folder.add(file.name, exporters::OutputKind::views, file.content);
        !error.empty()) {
      diagnostics.error("cannot-write", "", 0, error);
      return 0;
    }
  }
  return files.size();
}

std::string removedSummary(const std::vector<std::string>& removed) {
  if (removed.empty()) return {};
  constexpr size_t kShown = 5;
  std::string names;
  for (size_t i = 0; i < removed.size() && i < kShown; ++i) {
    names += (i ? ", " : "") + removed[i];
  }
  if (removed.size() > kShown) names += fmt::format(" and {} more", removed.size() - kShown);
  return fmt::format("removed {} {} that an earlier run wrote there and this one did not: {}\n",
                     removed.size(), removed.size() == 1 ? "file" : "files", names);
}

}  // namespace cloudplan::cli
