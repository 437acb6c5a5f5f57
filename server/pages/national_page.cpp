// GET /national: the national office's view of the process. Every agency of the register and
// where it stands, who has submitted since a date, the register, "plan now" and the plans made.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

#include "exporters/reports/html_escape.h"
#include "models/plural.h"
#include "server/pages/page_layout.h"
#include "server/pages/plan_list.h"
#include "server/portal_pages.h"
#include "store/plan_archive.h"
#include "store/store_status.h"
#include "store/submission_records.h"

namespace cloudplan::server {

using exporters::appendHtmlEscaped;
using models::plural;

namespace {

constexpr size_t kPlansListed = 10;

bool isDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

void number(std::string& out, uint32_t value) {
  out += fmt::format("<td class=\"number\">{}</td>", value);
}

void agenciesSection(std::string& out, const store::StoreStatus& status) {
  out += fmt::format("<section id=\"agencies\">\n<h2>Agencies ({})</h2>\n", status.agencies.size());
  openScrollTable(out, {},
                  {"Agency", "Name", "Part of", "Last accepted", "#Systems", "#Dependencies",
                   "#Rejected since", "#Unresolved"});
  for (const auto& a : status.agencies) {
    out += "<tr><td class=\"id\">";
    appendLink(out, agencyHref(a.code), a.code);
    out += "</td><td>";
    appendHtmlEscaped(out, a.name);
    out += "</td><td class=\"id\">";
    appendHtmlEscaped(out, a.parent);
    out += "</td><td>";
    if (a.lastAccepted) {
      appendLink(out, submissionHref(a.lastAccepted->number),
                 fmt::format("#{}", a.lastAccepted->number));
      out += ", ";
      appendTime(out, a.lastAccepted->at);
    } else {
      out += "<span class=\"muted\">none</span>";
    }
    out += "</td>";
    number(out, a.systems);
    number(out, a.dependencies);
    out += a.rejectedSince
               ? fmt::format("<td class=\"number severity-error\">{}</td>", a.rejectedSince)
               : std::string("<td class=\"number\">0</td>");
    number(out, static_cast<uint32_t>(a.unresolved.size()));
    out += "</tr>\n";
  }
  closeScrollTable(out);
  out += "</section>\n";
}

// The GET form and, for a date, who submitted since it and who did not.
void sinceSection(std::string& out, store::StoreDatabase& store, const store::StoreStatus& status,
                  std::string_view since) {
  out +=
      "<section id=\"since\">\n<h2>Submitted since a date</h2>\n"
      "<form class=\"inline\" method=\"get\" action=\"/national\">"
      "<div><label for=\"since\">Submitted since</label><input type=\"date\" id=\"since\" "
      "name=\"since\" value=\"";
  if (isDate(since)) appendHtmlEscaped(out, since);
  out += "\" required></div><div><button type=\"submit\">Show</button></div></form>\n";
  if (since.empty()) {
    out += "</section>\n";
    return;
  }
  if (!isDate(since)) {
    out += "<p class=\"error-message\">";
    appendHtmlEscaped(out, fmt::format("'{}' is not a date (write it YYYY-MM-DD)", since));
    out += "</p>\n</section>\n";
    return;
  }
  struct Since {
    uint32_t accepted = 0, rejected = 0, last = 0;
    std::string at;
  };
  std::map<std::string, Since> by;
  const std::string from = std::string(since) + "T00:00:00Z";
  for (const auto& s : store::readSubmissions(store.sql())) {
    if (s.kind != models::SubmissionKind::inventory || s.at < from) continue;
    Since& entry = by[s.agency];
    (s.accepted ? entry.accepted : entry.rejected)++;
    if (s.number > entry.last) {
      entry.last = s.number;
      entry.at = s.at;
    }
  }
  out += "<p>";
  appendHtmlEscaped(out, fmt::format("{} of {} submitted since {}.", by.size(),
                                     plural(status.agencies.size(), "agency", "agencies"), since));
  out += "</p>\n";
  openScrollTable(out, {}, {"Agency", "Name", "#Accepted", "#Rejected", "Last submission"});
  // Those that did first, then those that did not, each in register order.
  for (const bool submitted : {true, false}) {
    for (const auto& a : status.agencies) {
      const auto entry = by.find(a.code);
      if ((entry != by.end()) != submitted) continue;
      out += "<tr><td class=\"id\">";
      appendLink(out, agencyHref(a.code), a.code);
      out += "</td><td>";
      appendHtmlEscaped(out, a.name);
      out += "</td>";
      if (!submitted) {
        out +=
            "<td class=\"number\">0</td><td class=\"number\">0</td>"
            "<td class=\"muted\">none since</td></tr>\n";
        continue;
      }
      number(out, entry->second.accepted);
      number(out, entry->second.rejected);
      out += "<td>";
      appendLink(out, submissionHref(entry->second.last), fmt::format("#{}", entry->second.last));
      out += ", ";
      appendTime(out, entry->second.at);
      out += "</td></tr>\n";
    }
  }
  closeScrollTable(out);
  out += "</section>\n";
}

void registerSection(std::string& out, const PageContext& context,
                     const store::StoreStatus& status) {
  out += "<section id=\"register\">\n<h2>The register of agencies</h2>\n<p>";
  if (status.lastRegister) {
    out += "As of ";
    appendLink(out, submissionHref(status.lastRegister->number),
               fmt::format("submission {}", status.lastRegister->number));
    out += ", ";
    appendTime(out, status.lastRegister->at);
    out += " UTC.";
  }
  out += "</p>\n";
  if (context.role != store::Role::national) {
    out += "</section>\n";
    return;
  }
  out +=
      "<form class=\"panel\" method=\"post\" action=\"/register\" "
      "enctype=\"multipart/form-data\">\n";
  appendCsrfField(out, context);
  out +=
      "\n<div><label for=\"register-file\">Agencies CSV <span class=\"hint\">(code, name, "
      "parent, ...: it replaces the whole register)</span></label><input type=\"file\" "
      "id=\"register-file\" name=\"file\" accept=\".csv\" required></div>\n"
      "<div><label for=\"register-message\">Message</label><input type=\"text\" "
      "id=\"register-message\" name=\"message\" maxlength=\"500\"></div>\n"
      "<div><button type=\"submit\">Replace the register</button></div>\n</form>\n</section>\n";
}

void plansSection(std::string& out, const PageContext& context, store::StoreDatabase& store,
                  std::string_view settings) {
  const auto plans = store::listPlans(store.sql());
  out += fmt::format("<section id=\"plans\">\n<h2>Plans ({})</h2>\n", plans.size());
  if (context.role == store::Role::national) {
    out += "<form class=\"panel\" method=\"post\" action=\"/plans\">\n";
    appendCsrfField(out, context);
    out +=
        "\n<div><p>Plans the national inventory as it stands now, with these settings "
        "(<code>config</code> names the cloudplan.toml they come from; null: cloudplan's "
        "defaults):</p><pre class=\"settings\">";
    appendHtmlEscaped(out, settings);
    out += "</pre></div>\n<div><button type=\"submit\">Plan now</button></div>\n</form>\n";
  }
  if (plans.empty()) {
    out += "<p>No plan yet.</p>\n</section>\n";
    return;
  }
  appendPlanTable(out, plans, kPlansListed);
  out += "</section>\n";
}

}  // namespace

std::string nationalPage(store::StoreDatabase& store, const PageContext& context,
                         std::string_view since, std::string_view settings) {
  const auto status = store::storeStatus(store);
  size_t systems = 0, submitted = 0, unresolved = 0;
  for (const auto& a : status.agencies) {
    systems += a.systems;
    submitted += a.lastAccepted.has_value();
    unresolved += a.unresolved.size();
  }
  std::string out;
  openPage(out, "The national inventory", &context);
  out +=
      "<h1>The national inventory</h1>\n<p class=\"lead\">Every agency of the register, where "
      "its part stands, and the plans made from them.</p>\n<div class=\"figures\">";
  auto figure = [&](size_t value, std::string_view label) {
    out += fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>", value, label);
  };
  figure(status.agencies.size(), "agencies");
  figure(submitted, "with an accepted part");
  figure(systems, "systems");
  figure(unresolved, "unresolved references");
  figure(status.submissions, "submissions");
  out += "</div>\n";
  plansSection(out, context, store, settings);
  sinceSection(out, store, status, since);
  agenciesSection(out, status);
  registerSection(out, context, status);
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
