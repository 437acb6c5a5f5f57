#include "exporters/reports/agency_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "exporters/graphviz/graph_style.h"
#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_pan_zoom.h"
#include "exporters/reports/html_report.h"
#include "exporters/reports/html_style.h"
#include "exporters/reports/render_views.h"
#include "exporters/reports/risk_table.h"
#include "models/plural.h"
#include "models/shown_text.h"

namespace cloudplan::exporters {

using models::kNone;

namespace {

// The page's own rules, after the plan's pages' shared ones (kPageStyle, kPlanPageStyle).
constexpr std::string_view kStyle = R"css(
.dates { white-space: nowrap; }
@media print {
  #diagram, #schedule { break-before: page; }
}
)css";

// Link tables longer than this are folded away, as a national ministry may have thousands.
constexpr size_t kOpenRows = 500;

bool isEmail(std::string_view value) {
  const size_t at = value.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= value.size()) return false;
  const std::string_view local = value.substr(0, at), domain = value.substr(at + 1);
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-';
  };
  // No % (an escape in a mailto: URI), no ? or & (headers), no quote or markup.
  if (!std::all_of(local.begin(), local.end(),
                   [&](char c) { return plain(c) || c == '_' || c == '+'; }))
    return false;
  if (!std::all_of(domain.begin(), domain.end(), plain)) return false;
  return domain.find('.') != std::string_view::npos && domain.front() != '.' &&
         domain.back() != '.';
}

bool isWebAddress(std::string_view value) {
  auto startsWith = [&](std::string_view prefix) {
    if (value.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      const char c = value[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i]) return false;
    }
    return true;
  };
  if (!startsWith("http://") && !startsWith("https://")) return false;
  // Printable ASCII without what would end or break an attribute or a URL.
  return std::all_of(value.begin(), value.end(), [](char c) {
    return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' &&
           c != '\\';
  });
}

std::string waveCell(const models::Plan& plan, uint32_t wave) {
  if (wave == 0 || wave > plan.waves.size()) return "retained";
  const auto& w = plan.waves[wave - 1];
  return fmt::format(
      "<span class=\"swatch\" style=\"background:{}\"></span>{}<br><span class=\"muted dates\">{} "
      "to {}</span>",
      waveColour(wave).fill, wave, models::formatDate(w.start), models::formatDate(w.end));
}

void contactList(std::string& out, const models::Inventory& inventory,
                 const models::Agency& agency) {
  const auto properties = inventory.propertiesOf(agency.properties);
  for (size_t i = 0; i < properties.size(); ++i) {
    out += i ? "<br>" : "";
    out += "<span class=\"muted\">";
    appendHtmlEscaped(out, properties[i].key);
    out += ":</span> ";
    out += contactHtml(properties[i].value);
  }
}

// The systems table shows a system's id and name whole, once; the links tables, which repeat a
// system on every link of it, show them cut (shownText): a name of a megabyte linked forty times
// would otherwise weigh forty megabytes.
enum class Length : uint8_t { whole, cut };

void systemLabel(std::string& out, const models::System& system, Length length) {
  const auto shown = [&](std::string_view value) {
    return length == Length::whole ? std::string(value) : models::shownText(value);
  };
  out += "<span class=\"id\">";
  appendHtmlEscaped(out, shown(system.id));
  out += "</span>";
  if (!system.name.empty()) {
    out += "<br><span class=\"name\">";
    appendHtmlEscaped(out, shown(system.name));
    out += "</span>";
  }
}

std::string agencyCode(const models::Inventory& inventory, models::AgencyIndex agency) {
  return agency == kNone ? std::string("(no agency)")
                         : std::string(inventory.agencies[agency].code);
}

struct Page {
  const models::Inventory& inventory;
  const models::Plan& plan;
  const models::AgencyTree& tree;
  const std::vector<WaveSpan>& spans;
  const PageLinks& pages;
  models::AgencyIndex agency;
  std::string code;    // escaped
  std::string others;  // "other ministries" or, for an office, "other agencies"
  std::string out;

  void contacts() {
    const auto& a = inventory.agencies[agency];
    out += "<section id=\"contacts\"><h2>Contacts</h2>\n";
    if (inventory.propertiesOf(a.properties).empty()) {
      out += a.declared
                 ? "<p class=\"muted\">The agencies file gives no contacts for " + code + ".</p>\n"
                 : "<p class=\"muted\">No agencies file lists " + code +
                       ": only its systems name it.</p>\n";
    } else {
      out += "<table class=\"compact\"><tbody>\n";
      for (const auto& property : inventory.propertiesOf(a.properties)) {
        out += "<tr><th>";
        appendHtmlEscaped(out, property.key);
        out += "</th><td>" + contactHtml(property.value) + "</td></tr>\n";
      }
      out += "</tbody></table>\n";
    }
    out += "</section>\n";
  }

  void offices() {
    out += "<section id=\"offices\"><h2>Offices</h2>\n";
    const auto list = tree.officesOf(agency);
    if (list.empty()) {
      out += "<p>None: no agency is below " + code + ".</p>\n</section>\n";
      return;
    }
    out +=
        "<table><thead><tr><th>Office</th><th class=\"number\">Systems</th><th>Waves</th>"
        "<th>Contacts</th></tr></thead><tbody>\n";
    for (const models::AgencyIndex office : list) {
      const auto& a = inventory.agencies[office];
      const WaveSpan& span = spans[office];
      const size_t depth = tree.depth(office) - tree.depth(agency);
      out += fmt::format("<tr><td style=\"padding-left:{}px\"><span class=\"id\">",
                         6 + 20 * (std::min<size_t>(depth, 10) - 1));
      out += agencyCodeHtml(a.code, pages.pageOf(office));  // its own page, when written
      out += "</span>";
      if (!a.name.empty()) {
        out += "<br><span class=\"name\">";
        appendHtmlEscaped(out, a.name);
        out += "</span>";
      }
      out += fmt::format("</td><td class=\"number\">{}</td><td>{}</td><td>", span.systems,
                         wavesText(span));
      contactList(out, inventory, a);
      out += "</td></tr>\n";
    }
    out += "</tbody></table>\n</section>\n";
  }

  void systems() {
    out += "<section id=\"systems\"><h2>Systems</h2>\n";
    std::vector<models::SystemIndex> list;
    for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
      if (tree.within(inventory.systems[s].agency, agency)) list.push_back(s);
    }
    if (list.empty()) {
      out += "<p>None: the plan has no system of " + code + ".</p>\n</section>\n";
      return;
    }
    // By wave, the retained last; in the inventory's order within a wave.
    auto order = [&](models::SystemIndex s) {
      const uint32_t wave = plan.systems[s].wave;
      return std::pair(wave == 0 ? UINT32_MAX : wave, s);
    };
    std::stable_sort(list.begin(), list.end(), [&](auto x, auto y) { return order(x) < order(y); });
    const bool replan = plan.settings.replan.has_value();
    out +=
        "<table><thead><tr><th>System</th><th>Office</th><th>Type</th><th>Strategy</th>"
        "<th>Criticality</th><th>Wave</th>";
    if (replan) out += "<th>Status</th>";
    out += "<th>Why this wave</th></tr></thead><tbody>\n";
    for (const models::SystemIndex s : list) {
      const auto& system = inventory.systems[s];
      const auto& planned = plan.systems[s];
      out += "<tr class=\"system\" id=\"system-" + htmlEscaped(system.id) + "\"><td>";
      systemLabel(out, system, Length::whole);
      out += "</td><td>";
      appendHtmlEscaped(out, agencyCode(inventory, system.agency));
      out += "</td><td>";
      appendHtmlEscaped(out, models::nameOf(system.type));
      out += "</td><td>";
      appendHtmlEscaped(out, models::nameOf(system.strategy));
      out += "</td><td>";
      appendHtmlEscaped(out, models::nameOf(system.criticality));
      out += "</td><td>" + waveCell(plan, planned.wave) + "</td>";
      if (replan) {
        out += "<td>";
        appendHtmlEscaped(out, models::nameOf(planned.status));
        out += planned.baselineWave
                   ? fmt::format("<br><span class=\"muted\">baseline: wave {}</span>",
                                 planned.baselineWave)
                   : std::string("<br><span class=\"muted\">not in the baseline</span>");
        out += "</td>";
      }
      out += "<td>";
      appendHtmlList(out, planned.reasons, "reasons");
      out += "</td></tr>\n";
    }
    out += "</tbody></table>\n</section>\n";
  }

  // One direction of the links across the border: the dependencies whose end `here` (consumer or
  // provider) is within and whose other end is not.
  void linkTable(std::string_view title, std::string_view lead, bool hereIsConsumer) {
    struct Row {
      models::SystemIndex here, there;
      const models::Dependency* link;
    };
    std::vector<Row> rows;
    auto inside = [&](models::SystemIndex s) {
      return tree.within(inventory.systems[s].agency, agency);
    };
    for (const auto& link : inventory.dependencies) {
      const auto here = hereIsConsumer ? link.consumer : link.provider;
      const auto there = hereIsConsumer ? link.provider : link.consumer;
      if (inside(here) && !inside(there)) rows.push_back({here, there, &link});
    }
    // By the other end's ministry, then the other system, then this one: each ministry's links
    // together, for the call to its CIO.
    auto key = [&](const Row& row) {
      const auto ministry = tree.ministryOf(inventory.systems[row.there].agency);
      // Systems of no agency last.
      return std::tuple(ministry == kNone,
                        ministry == kNone ? std::string_view() : inventory.agencies[ministry].code,
                        row.there, row.here);
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const Row& x, const Row& y) { return key(x) < key(y); });
    out += "<h3>";
    appendHtmlEscaped(out, title);
    out += "</h3>\n<p class=\"lead\">";
    appendHtmlEscaped(out, lead);
    out += "</p>\n";
    if (rows.empty()) {
      out += "<p>None.</p>\n";
      return;
    }
    const bool fold = rows.size() > kOpenRows;
    if (fold)
      out += fmt::format("<details><summary>{}</summary>\n",
                         models::plural(rows.size(), "link", "links"));
    out += fmt::format(
        "<table><thead><tr><th>System here</th><th>Wave</th><th>{}</th><th>Agency</th>"
        "<th>Wave</th><th>Coupling</th><th>Kind</th></tr></thead><tbody>\n",
        hereIsConsumer ? "It waits for" : "Waiting for it");
    for (const Row& row : rows) {
      const auto& here = inventory.systems[row.here];
      const auto& there = inventory.systems[row.there];
      out += "<tr><td>";
      systemLabel(out, here, Length::cut);
      out += "</td><td>" + waveCell(plan, plan.systems[row.here].wave) + "</td><td>";
      systemLabel(out, there, Length::cut);
      out += "</td><td>";
      appendHtmlEscaped(out, models::shownText(agencyCode(inventory, there.agency)));
      const auto ministry = tree.ministryOf(there.agency);
      if (ministry != kNone && ministry != there.agency) {
        out += "<br><span class=\"muted\">of ";
        appendHtmlEscaped(out, models::shownText(inventory.agencies[ministry].code));
        out += "</span>";
      }
      out += "</td><td>" + waveCell(plan, plan.systems[row.there].wave) + "</td><td>";
      appendHtmlEscaped(out, models::nameOf(row.link->coupling));
      out += "</td><td>";
      appendHtmlEscaped(out, models::shownText(row.link->kind));
      out += "</td></tr>\n";
    }
    out += "</tbody></table>\n";
    if (fold) out += "</details>\n";
  }

  void links() {
    out += "<section id=\"links\"><h2>Links to " + others + "</h2>\n";
    const std::string codeText(inventory.agencies[agency].code);
    linkTable("Who waits for them",
              fmt::format("Systems of {} that depend on systems of {}: the waves of both "
                          "ends say how long each link is hybrid.",
                          others, codeText),
              false);
    linkTable("Whom they wait for",
              fmt::format("Systems of {} that systems of {} depend on.", others, codeText), true);
    out += "</section>\n";
  }
};

}  // namespace

std::string agencyPageName(std::string_view code) {
  return "report-" + fileNameFor(code) + ".html";
}

std::vector<WaveSpan> waveSpansOf(const models::AgencyTree& tree,
                                  const models::Inventory& inventory, const models::Plan& plan) {
  std::vector<WaveSpan> spans(inventory.agencies.size());
  auto add = [](WaveSpan& span, const WaveSpan& more) {
    span.systems += more.systems;
    span.scheduled += more.scheduled;
    if (more.first) span.first = span.first ? std::min(span.first, more.first) : more.first;
    span.last = std::max(span.last, more.last);
  };
  for (models::SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const auto a = inventory.systems[s].agency;
    if (a == kNone) continue;
    const uint32_t wave = plan.systems[s].wave;
    add(spans[a], {1, wave ? 1u : 0u, wave, wave});
  }
  // Offices before their parents: each span is whole when it is folded into its parent's.
  for (auto a = tree.order().rbegin(); a != tree.order().rend(); ++a) {
    const auto parent = tree.parentOf(*a);
    if (parent != kNone) add(spans[parent], spans[*a]);
  }
  return spans;
}

std::string wavesText(const WaveSpan& span) {
  if (span.scheduled == 0) return "none";
  if (span.first == span.last) return std::to_string(span.first);
  return fmt::format("{} to {}", span.first, span.last);
}

std::string contactHtml(std::string_view value) {
  if (isEmail(value)) {
    const std::string address = htmlEscaped(value);
    return "<a href=\"mailto:" + address + "\">" + address + "</a>";
  }
  if (isWebAddress(value)) {
    const std::string address = htmlEscaped(value);
    return "<a href=\"" + address + "\">" + address + "</a>";
  }
  return htmlEscaped(value);
}

std::string agencyPageToHtml(const models::Inventory& inventory, const models::Plan& plan,
                             const models::RiskRegister& risks, models::AgencyIndex agency,
                             const AgencyPageDrawings& drawings) {
  const models::AgencyTree tree(inventory);
  return agencyPageToHtml(inventory, plan, tree, waveSpansOf(tree, inventory, plan), risks, agency,
                          drawings);
}

std::string agencyPageToHtml(const models::Inventory& inventory, const models::Plan& plan,
                             const models::AgencyTree& tree, const std::vector<WaveSpan>& spans,
                             const models::RiskRegister& risks, models::AgencyIndex agency,
                             const AgencyPageDrawings& drawings) {
  const models::Agency& a = inventory.agencies[agency];
  Page page{inventory,
            plan,
            tree,
            spans,
            drawings.pages,
            agency,
            htmlEscaped(a.code),
            a.parent == kNone ? "other ministries" : "other agencies",
            {}};
  std::string& out = page.out;
  size_t drawn = drawings.diagram.size();
  for (const auto& schedule : drawings.schedules)
    drawn += schedule.size();
  out.reserve(8192 + drawn);
  const std::string name = htmlEscaped(a.name.empty() ? a.code : a.name);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + name + " (" + page.code + "): migration plan</title>\n<style>";
  out += kPageStyle;
  out += kPlanPageStyle;
  out += kPanZoomStyle;
  out += kStyle;
  out +=
      "</style>\n</head>\n<body>\n<header>\n<p><a href=\"report.html\">The whole plan "
      "(report.html)</a>";
  if (drawings.pages.ministries)
    out += " · <a href=\"ministries.html\">The ministries (ministries.html)</a>";
  out += "</p>\n";
  out += "<h1>" + name + " <span class=\"id\">" + page.code + "</span></h1>\n<p class=\"lead\">";
  if (a.parent != kNone) {
    out += "Part of " +
           agencyCodeHtml(inventory.agencies[a.parent].code, drawings.pages.pageOf(a.parent)) +
           ". ";
  }
  const WaveSpan& span = spans[agency];
  const size_t offices = tree.officesOf(agency).size();
  const std::string whose =
      offices ? fmt::format("{} and its {}", a.code, models::plural(offices, "office", "offices"))
              : std::string(a.code);
  if (span.systems == 0) {
    appendHtmlEscaped(out, fmt::format("The plan has no system of {}.", whose));
  } else if (span.scheduled == 0) {
    appendHtmlEscaped(out, fmt::format("{} of {}, all retained: none moves.",
                                       models::plural(span.systems, "system", "systems"), whose));
  } else {
    appendHtmlEscaped(
        out, fmt::format("{} of {}: {} in {} {} ({} to {}){}.",
                         models::plural(span.systems, "system", "systems"), whose,
                         span.scheduled == span.systems ? std::string("all move")
                                                        : fmt::format("{} move", span.scheduled),
                         span.first == span.last ? "wave" : "waves", wavesText(span),
                         models::formatDate(plan.waves[span.first - 1].start),
                         models::formatDate(plan.waves[span.last - 1].end),
                         span.scheduled == span.systems
                             ? std::string()
                             : fmt::format(", {} retained", span.systems - span.scheduled)));
  }
  out +=
      "</p>\n<nav><a href=\"#contacts\">Contacts</a><a href=\"#offices\">Offices</a>"
      "<a href=\"#systems\">Systems</a><a href=\"#links\">Links</a><a href=\"#risks\">Risks</a>"
      "<a href=\"#diagram\">Diagram</a><a href=\"#schedule\">Schedule</a></nav>\n</header>\n"
      "<main>\n";
  page.contacts();
  page.offices();
  page.systems();
  page.links();
  const auto own = risksOf(tree, risks, agency);
  out += "<section id=\"risks\"><h2>Risks</h2>\n<p class=\"lead\">";
  appendHtmlEscaped(
      out,
      fmt::format("The risks of the plan that concern {}, the highest exposure first.", whose));
  out += "</p>\n" + riskTableHtml(own, kPageRisks) + "</section>\n";
  out += "<section id=\"diagram\"><h2>Diagram</h2>\n";
  if (!drawings.diagram.empty()) {
    appendZoomableDrawing(out, drawings.diagram, "agency-", drawings.diagramFile);
  } else {
    out += "<p class=\"muted\">Not drawn.</p>\n";
  }
  out += "</section>\n<section id=\"schedule\"><h2>Schedule</h2>\n";
  if (!drawings.schedules.empty()) {
    // A page of rows each, each its own drawing: their ids apart.
    for (size_t i = 0; i < drawings.schedules.size(); ++i) {
      appendZoomableDrawing(out, drawings.schedules[i],
                            i ? fmt::format("schedule-{}-", i + 1) : "schedule-", "");
    }
  } else {
    out += "<p class=\"muted\">Not drawn.</p>\n";
  }
  out += "</section>\n</main>\n<script>";
  out += kPanZoomScript;
  out += "</script>\n</body>\n</html>\n";
  return std::move(out);
}

}  // namespace cloudplan::exporters
