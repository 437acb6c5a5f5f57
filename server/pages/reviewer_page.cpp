// GET /review: the latest plan for those who read it, its report and its ministries' pages.
#include <fmt/format.h>

#include <string>
#include <unordered_set>

#include "exporters/reports/agency_page.h"
#include "exporters/reports/html_escape.h"
#include "server/pages/page_layout.h"
#include "server/portal_pages.h"
#include "store/plan_archive.h"
#include "store/stored_rows.h"

namespace cloudplan::server {

using exporters::appendHtmlEscaped;

std::string reviewerPage(store::StoreDatabase& store, const PageContext& context) {
  const auto latest = store::latestArchivedPlan(store.sql());
  std::string out;
  openPage(out, "The latest plan", &context);
  out += "<h1>The latest plan</h1>\n";
  if (!latest) {
    out += "<p>No plan yet: the national office makes one from its page (Plan now).</p>\n";
    closePage(out);
    return out;
  }
  const auto& plan = *latest;
  const std::string base = fmt::format("/plans/{}/", plan.number);
  out += fmt::format("<p class=\"lead\">Plan {}, made ", plan.number);
  appendTime(out, plan.at);
  out += " UTC";
  if (!plan.by.empty()) {
    out += " by ";
    appendHtmlEscaped(out, plan.by);
  }
  out += " from the national inventory as of ";
  appendLink(out, submissionHref(plan.submission), fmt::format("submission {}", plan.submission));
  out += ".</p>\n<div class=\"figures\">";
  auto figure = [&](uint32_t value, std::string_view label) {
    out += fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>", value, label);
  };
  figure(plan.systems, "systems");
  figure(plan.waves, "waves");
  figure(plan.lowerBound, "waves at least (lower bound)");
  figure(plan.peakHybridLinks, "hybrid links at the peak");
  out += "</div>\n";

  const auto names = store::planFileNames(store.sql(), plan.number);
  const std::unordered_set<std::string> files(names.begin(), names.end());
  // The files a plan has depend on how it was made: only those it has are linked.
  struct Entry {
    std::string_view file, text, what;
  };
  out += "<h2>Its report and files</h2>\n<ul class=\"downloads\">\n";
  for (const Entry& entry :
       {Entry{"report.html", "The report",
              "waves, risks, every system and why it moves when it does"},
        Entry{"ministries.html", "The ministries", "each ministry's part of the plan"},
        Entry{"plan.json", "plan.json", "the plan as data"},
        Entry{"schedule.csv", "schedule.csv", "every system's wave, for a spreadsheet"}}) {
    if (!files.contains(std::string(entry.file))) continue;
    out += "<li>";
    appendLink(out, base + std::string(entry.file), entry.text);
    out += ": ";
    out += entry.what;
    out += "</li>\n";
  }
  out += "</ul>\n";
  const auto agencies =
      store::readAgencyRows(store.sql(), {.kind = store::RowFilter::Kind::current});
  std::string rows;
  size_t pages = 0;
  for (const auto& agency : agencies) {
    const std::string page = exporters::agencyPageName(agency.code);
    if (!files.contains(page)) continue;
    ++pages;
    rows += "<tr><td class=\"id\">";
    appendLink(rows, base + exporters::hrefFor(page), agency.code);
    rows += "</td><td>";
    appendHtmlEscaped(rows, agency.name);
    rows += "</td></tr>\n";
  }
  out += fmt::format("<h2>Ministries' pages ({})</h2>\n", pages);
  if (pages == 0) {
    out += "<p>None in this plan.</p>\n";
  } else {
    openScrollTable(out, {}, {"Ministry", "Name"});
    out += rows;
    closeScrollTable(out);
  }
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
