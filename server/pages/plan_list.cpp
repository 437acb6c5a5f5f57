#include "server/pages/plan_list.h"

#include <fmt/format.h>

#include <algorithm>

#include "exporters/reports/html_escape.h"
#include "server/pages/page_layout.h"

namespace cloudplan::server {

void appendPlanTable(std::string& out, const std::vector<store::PlanSummary>& plans, size_t limit) {
  openScrollTable(out, {},
                  {"#Plan", "Made (UTC)", "By", "#Inventory as of", "#Systems", "#Waves",
                   "#Lower bound", "#Peak hybrid links", "Files"});
  const size_t shown = std::min(plans.size(), limit);
  for (size_t i = 0; i < shown; ++i) {
    const auto& plan = plans[i];
    const std::string base = fmt::format("/plans/{}/", plan.number);
    out += fmt::format("<tr><td class=\"number\">{}</td><td>", plan.number);
    appendTime(out, plan.at);
    out += "</td><td>";
    if (plan.by.empty()) {
      out += "<span class=\"muted\">plan --store</span>";
    } else {
      exporters::appendHtmlEscaped(out, plan.by);
    }
    out += "</td><td class=\"number\">";
    appendLink(out, submissionHref(plan.submission), fmt::format("#{}", plan.submission));
    out += fmt::format(
        "</td><td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>"
        "<td class=\"number\">{}</td><td>",
        plan.systems, plan.waves, plan.lowerBound, plan.peakHybridLinks);
    if (plan.files == 0) {
      out += "<span class=\"muted\">none kept</span>";
    } else {
      appendLink(out, base + "report.html", "report");
      out += " · ";
      appendLink(out, base + "ministries.html", "ministries");
      out += " · ";
      appendLink(out, base + "plan.json", "plan.json");
    }
    out += "</td></tr>\n";
  }
  closeScrollTable(out);
  if (shown < plans.size()) {
    out += fmt::format("<p>{} older plans: ", plans.size() - shown);
    appendLink(out, "/plans", "every plan");
    out += "</p>\n";
  }
}

}  // namespace cloudplan::server
