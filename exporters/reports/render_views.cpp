#include "exporters/reports/render_views.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <set>

#include "exporters/csv/risks_csv.h"
#include "exporters/graphviz/graph_agency.h"
#include "exporters/graphviz/graph_focus.h"
#include "exporters/graphviz/graph_overview.h"
#include "exporters/graphviz/graph_waves.h"
#include "exporters/reports/agency_page.h"
#include "exporters/reports/gantt_svg.h"
#include "exporters/reports/html_report.h"
#include "exporters/reports/ministry_index.h"

namespace cloudplan::exporters {

std::string fileNameFor(std::string_view name) {
  std::string file;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-' || (c == '.' && i > 0);
    if (plain) {
      file += static_cast<char>(c);
    } else {
      file += fmt::format("%{:02X}", c);
    }
  }
  if (file.empty()) return "%";  // no other name encodes to a lone %
  if (file.size() <= kLongestFileName) return file;
  // Cut between escapes, and told apart by a digest of the whole name: '~' is never encoded.
  size_t keep = kLongestFileName - 17;
  if (file[keep - 1] == '%') {
    keep -= 1;
  } else if (file[keep - 2] == '%') {
    keep -= 2;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(name.data(), name.size(), digest, &length, EVP_sha256(), nullptr);
  file.resize(keep);
  file += '~';
  for (unsigned int i = 0; i < 8; ++i)
    file += fmt::format("{:02x}", digest[i]);
  return file;
}

void selectEveryMinistry(const models::Inventory& inventory, RenderOptions& options) {
  options.agencies.clear();
  for (const models::AgencyIndex ministry : ministriesOf(inventory))
    options.agencies.emplace_back(inventory.agencies[ministry].code);
  options.agencyIndex = true;
}

std::vector<RenderedFile> renderPlanViews(const models::Inventory& inventory,
                                          const models::Plan& plan,
                                          const models::Diagnostics& planDiagnostics,
                                          const models::RiskRegister& risks,
                                          const RenderOptions& options,
                                          models::Diagnostics& problems) {
  const GraphIndex index(inventory, plan);
  GraphvizRenderer renderer;
  std::vector<RenderedFile> files;
  // SVG is drawn whatever the formats, for the report; the formats asked for are kept once each.
  std::vector<ImageFormat> formats = {ImageFormat::svg};
  for (const ImageFormat format : options.formats) {
    if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
      formats.push_back(format);
    }
  }
  const bool keepSvg = std::find(options.formats.begin(), options.formats.end(),
                                 ImageFormat::svg) != options.formats.end();
  std::set<std::string> taken, failures;
  // The agencies asked for that the plan has, in order, each once, with its diagram.
  struct AgencyView {
    models::AgencyIndex agency;
    std::string code;
    std::string diagram;
  };
  std::vector<AgencyView> agencyViews;
  size_t total = 1 + options.agencies.size() + options.focus.size() +
                 (options.report ? 1 + options.agencies.size() + (options.agencyIndex ? 1 : 0) : 0);
  if (options.waves) {
    total += static_cast<size_t>(std::count_if(plan.waves.begin(), plan.waves.end(),
                                               [](const auto& w) { return !w.systems.empty(); }));
  }
  size_t done = 0;
  auto madeOne = [&] {
    if (options.progress) options.progress(++done, total);
  };
  // Draws one diagram into its files; returns its SVG, empty when Graphviz failed or the same
  // view was drawn already.
  auto draw = [&](const std::string& base, const auto& fill) {
    // File names are one to one with codes: a name met again is the same view asked again.
    if (!taken.insert(base).second) {
      madeOne();
      return std::string();
    }
    GraphDocument graph(base);
    fill(graph);
    std::string error;
    auto images = renderer.render(graph, formats, error);
    madeOne();
    if (!images) {
      // One missing plugin fails every diagram alike: said once.
      if (failures.insert(error).second) {
        problems.error("render-failed", "", 0, fmt::format("cannot draw {}: {}", base, error));
      }
      return std::string();
    }
    for (size_t i = 0; i < formats.size(); ++i) {
      if (formats[i] == ImageFormat::svg && !keepSvg) continue;
      files.push_back({fmt::format("{}.{}", base, models::nameOf(formats[i])), (*images)[i]});
    }
    return std::move((*images)[0]);
  };

  ReportDrawings drawings;
  drawings.overview =
      draw("overview", [&](GraphDocument& graph) { drawOverview(graph, index, options.maxNodes); });
  if (options.waves) {
    for (const auto& wave : plan.waves) {
      // A wave nothing moves in (waiting for a pin, a date or a freeze) has nothing to draw: its
      // diagram would be a legend and a title, a thousand times over for a pin to wave 1000.
      if (wave.systems.empty()) {
        drawings.waves.emplace_back();
        drawings.waveFiles.emplace_back();
        continue;
      }
      const std::string base = fmt::format("waves/wave-{}", wave.number);
      drawings.waves.push_back(draw(base, [&](GraphDocument& graph) {
        drawWave(graph, index, wave.number, options.maxNodes);
      }));
      drawings.waveFiles.push_back(keepSvg ? base + ".svg" : "");
    }
  }
  for (const std::string& code : options.agencies) {
    const auto agency = inventory.findAgency(code);
    if (!agency) {
      problems.error("unknown-agency", "", 0,
                     fmt::format("no agency {} in the plan", models::quoted(code)));
      continue;
    }
    const std::string base = "agencies/" + fileNameFor(code);
    const bool first = !taken.contains(base);
    std::string svg = draw(
        base, [&](GraphDocument& graph) { drawAgency(graph, index, *agency, options.maxNodes); });
    if (first) agencyViews.push_back({*agency, code, std::move(svg)});
  }
  for (const FocusView& focus : options.focus) {
    const auto system = inventory.findSystem(focus.system);
    if (!system) {
      problems.error("unknown-system", "", 0,
                     fmt::format("no system {} in the plan", models::quoted(focus.system)));
      continue;
    }
    draw("focus/" + fileNameFor(focus.system), [&](GraphDocument& graph) {
      drawFocus(graph, index, *system, focus.depth, options.maxNodes);
    });
  }
  drawings.schedule = scheduleToSvg(index, {GanttRows::waves, models::kNone, options.today});
  files.push_back({"schedule.svg", drawings.schedule});
  files.push_back({"risks.csv", risksToCsv(inventory, plan, risks)});
  if (!options.report) return files;
  drawings.overviewFile = keepSvg ? "overview.svg" : "";
  drawings.scheduleFile = "schedule.svg";
  // Which pages are written, for them to link each other.
  PageLinks& pages = drawings.pages;
  pages.agencyPages.resize(inventory.agencies.size());
  for (const AgencyView& view : agencyViews)
    pages.agencyPages[view.agency] = agencyPageName(view.code);
  pages.ministries = options.agencyIndex;
  files.push_back({"report.html", planToHtml(inventory, plan, planDiagnostics, risks, drawings)});
  madeOne();
  // What every page counts, counted once for them all.
  const std::vector<WaveSpan> spans = waveSpansOf(index.tree(), inventory, plan);
  std::vector<models::AgencyIndex> paged;
  for (const AgencyView& view : agencyViews) {
    AgencyPageDrawings pageDrawings;
    pageDrawings.diagram = view.diagram;
    if (keepSvg && !view.diagram.empty())
      pageDrawings.diagramFile = "agencies/" + fileNameFor(view.code) + ".svg";
    GanttOptions gantt{options.gantt, view.agency, options.today};
    if (options.gantt == GanttRows::systems) {
      // Every system, a drawing per page of rows.
      const size_t systems = spans[view.agency].systems;
      do {
        pageDrawings.schedules.push_back(scheduleToSvg(index, gantt));
        gantt.firstSystemRow += gantt.maxSystemRows;
      } while (gantt.firstSystemRow < systems);
    } else {
      pageDrawings.schedules.push_back(scheduleToSvg(index, gantt));
    }
    pageDrawings.pages = pages;
    files.push_back(
        {agencyPageName(view.code),
         agencyPageToHtml(inventory, plan, index.tree(), spans, risks, view.agency, pageDrawings)});
    paged.push_back(view.agency);
    madeOne();
  }
  // An agency asked again, or unknown, has no page of its own: counted all the same.
  for (size_t i = agencyViews.size(); i < options.agencies.size(); ++i)
    madeOne();
  if (options.agencyIndex) {
    files.push_back(
        {"ministries.html", ministryIndexToHtml(inventory, index.tree(), spans, risks, paged)});
    madeOne();
  }
  return files;
}

}  // namespace cloudplan::exporters
