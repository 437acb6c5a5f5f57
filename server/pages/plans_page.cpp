// GET /plans: every plan made, newest first, and the form that compares two of them.
#include <fmt/format.h>

#include <string>

#include "server/pages/page_layout.h"
#include "server/pages/plan_list.h"
#include "server/portal_pages.h"
#include "store/plan_archive.h"

namespace cloudplan::server {

namespace {

// A <select> of the plans that kept their files (a plan made by `plan --store` kept none to
// compare), `chosen` selected.
void planSelect(std::string& out, std::string_view name, std::string_view label,
                const std::vector<store::PlanSummary>& plans, uint32_t chosen) {
  out += fmt::format("<div><label for=\"{0}\">{1}</label><select id=\"{0}\" name=\"{0}\">", name,
                     label);
  for (const auto& plan : plans) {
    if (plan.files == 0) continue;
    out += fmt::format("<option value=\"{}\"{}>Plan {}, ", plan.number,
                       plan.number == chosen ? " selected" : "", plan.number);
    appendTime(out, plan.at);
    out += "</option>";
  }
  out += "</select></div>";
}

}  // namespace

std::string plansPage(store::StoreDatabase& store, const PageContext& context) {
  const auto plans = store::listPlans(store.sql());
  std::vector<uint32_t> kept;  // newest first
  for (const auto& plan : plans) {
    if (plan.files) kept.push_back(plan.number);
  }
  std::string out;
  openPage(out, "Plans", &context);
  out += fmt::format(
      "<h1>Plans</h1>\n<p class=\"lead\">The plans made from the national inventory, newest "
      "first: {}.</p>\n",
      plans.empty() ? std::string("none yet") : fmt::format("{} in all", plans.size()));
  out += "<section id=\"compare\">\n<h2>Compare two plans</h2>\n";
  if (kept.size() < 2) {
    out += "<p>Two plans are needed to compare.</p>\n";
  } else {
    out += "<form class=\"inline\" method=\"get\" action=\"/plans/diff\">";
    planSelect(out, "from", "From", plans, kept[1]);
    planSelect(out, "to", "To", plans, kept[0]);
    out += "<div><button type=\"submit\">Compare</button></div></form>\n";
  }
  out += "</section>\n";
  if (!plans.empty()) {
    out += "<section id=\"plans\">\n<h2>Every plan</h2>\n";
    appendPlanTable(out, plans, plans.size());
    out += "</section>\n";
  }
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
