// GET /agencies/CODE: a ministry's home. Its part of the national inventory as it stands, read
// for its agencies only (a ministry of thousands of systems among a nation of 20,000), who
// depends on it, its history and, for those who may submit, the upload form.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "exporters/reports/html_escape.h"
#include "models/plural.h"
#include "server/pages/page_layout.h"
#include "server/portal_pages.h"
#include "store/agency_register.h"
#include "store/stored_rows.h"
#include "store/submission_records.h"

namespace cloudplan::server {

using exporters::appendHtmlEscaped;
using models::plural;

namespace {

// A dependency of another agency's system on one of this agency's.
struct Dependent {
  std::string consumer;
  std::string consumerName;
  std::string agency;
  std::string provider;
  std::string coupling;
};

// "?, ?, ?" for an IN list of `count` values bound from ?`first` on.
std::string placeholders(size_t count, size_t first) {
  std::string list;
  for (size_t i = 0; i < count; ++i)
    list += fmt::format("{}?{}", i ? ", " : "", first + i);
  return list;
}

void bindAll(SQLite::Statement& query, const std::vector<std::string>& values) {
  for (size_t i = 0; i < values.size(); ++i)
    query.bind(static_cast<int>(i + 1), values[i]);
}

// The agency of every system outside the scope that the scope's dependencies name, in one query;
// a provider missing from the answer is not in the national inventory (unresolved).
std::unordered_map<std::string, std::string> providerAgencies(
    SQLite::Database& database, const std::vector<std::string>& scope) {
  SQLite::Statement query(
      database, fmt::format("SELECT DISTINCT s.id, s.agency FROM dependencies d JOIN systems s "
                            "ON s.id = d.provider AND s.until IS NULL WHERE d.until IS NULL AND "
                            "d.agency IN ({0}) AND s.agency NOT IN ({0})",
                            placeholders(scope.size(), 1)));
  bindAll(query, scope);
  std::unordered_map<std::string, std::string> agencies;
  while (query.executeStep())
    agencies.emplace(query.getColumn(0).getString(), query.getColumn(1).getString());
  return agencies;
}

// The dependencies of other agencies' systems on the scope's, in one query.
std::vector<Dependent> dependentsOf(SQLite::Database& database,
                                    const std::vector<std::string>& scope) {
  SQLite::Statement query(
      database,
      fmt::format("SELECT d.consumer, COALESCE(c.name, ''), d.agency, d.provider, d.coupling "
                  "FROM dependencies d JOIN systems p ON p.id = d.provider AND p.until IS NULL "
                  "LEFT JOIN systems c ON c.id = d.consumer AND c.until IS NULL "
                  "WHERE d.until IS NULL AND p.agency IN ({0}) AND d.agency NOT IN ({0}) "
                  "ORDER BY d.agency, d.consumer, d.provider",
                  placeholders(scope.size(), 1)));
  bindAll(query, scope);
  std::vector<Dependent> dependents;
  while (query.executeStep()) {
    dependents.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                          query.getColumn(2).getString(), query.getColumn(3).getString(),
                          query.getColumn(4).getString()});
  }
  return dependents;
}

void cell(std::string& out, std::string_view value, std::string_view cls = {}) {
  out += cls.empty() ? "<td>" : fmt::format("<td class=\"{}\">", cls);
  appendHtmlEscaped(out, value);
  out += "</td>";
}

void figure(std::string& out, size_t value, std::string_view label) {
  out += fmt::format("<div class=\"figure\"><b>{}</b><span>{}</span></div>", value, label);
}

void systemsSection(std::string& out, const std::vector<store::SystemRow>& systems) {
  out += fmt::format("<section id=\"systems\">\n<h2>Systems ({})</h2>\n", systems.size());
  if (systems.empty()) {
    out += "<p>None: the agency has not submitted its systems yet.</p>\n</section>\n";
    return;
  }
  openScrollTable(
      out, {},
      {"System", "Name", "Agency", "Type", "Strategy", "Criticality", "#Effort (days)", "Target"});
  for (const auto& s : systems) {
    out += "<tr>";
    cell(out, s.id, "id");
    cell(out, s.name);
    cell(out, s.agency, "id");
    cell(out, s.type);
    cell(out, s.strategy);
    cell(out, s.criticality);
    out += fmt::format("<td class=\"number\">{:g}</td>", s.effortDays);
    cell(out, s.target);
    out += "</tr>\n";
  }
  closeScrollTable(out);
  out += "</section>\n";
}

void dependenciesSection(std::string& out, const std::vector<store::DependencyRow>& dependencies,
                         const std::unordered_map<std::string_view, std::string_view>& own,
                         const std::unordered_map<std::string, std::string>& providers,
                         size_t unresolved) {
  out += fmt::format("<section id=\"dependencies\">\n<h2>Dependencies ({})</h2>\n",
                     dependencies.size());
  if (dependencies.empty()) {
    out += "<p>None.</p>\n</section>\n";
    return;
  }
  if (unresolved) {
    out += fmt::format(
        "<p>{} to systems the national inventory does not have yet: each resolves when the "
        "agency that owns the system submits it.</p>\n",
        plural(unresolved, "reference", "references"));
  }
  openScrollTable(out, {}, {"From", "To", "To's agency", "Coupling", "Kind"});
  for (const auto& d : dependencies) {
    out += "<tr>";
    cell(out, d.consumer, "id");
    cell(out, d.provider, "id");
    if (const auto mine = own.find(d.provider); mine != own.end()) {
      cell(out, mine->second, "id");
    } else if (const auto found = providers.find(d.provider); found != providers.end()) {
      cell(out, found->second, "id");
    } else {
      out += "<td class=\"severity-warning\">not in the inventory yet</td>";
    }
    cell(out, d.coupling);
    cell(out, d.kind);
    out += "</tr>\n";
  }
  closeScrollTable(out);
  out += "</section>\n";
}

void dependentsSection(std::string& out, const std::vector<Dependent>& dependents) {
  out += fmt::format(
      "<section id=\"dependents\">\n<h2>Systems of other agencies that depend on these ({})</h2>\n",
      dependents.size());
  if (dependents.empty()) {
    out += "<p>None.</p>\n</section>\n";
    return;
  }
  openScrollTable(out, {}, {"Agency", "System", "Name", "Depends on", "Coupling"});
  for (const auto& d : dependents) {
    out += "<tr>";
    cell(out, d.agency, "id");
    cell(out, d.consumer, "id");
    cell(out, d.consumerName);
    cell(out, d.provider, "id");
    cell(out, d.coupling);
    out += "</tr>\n";
  }
  closeScrollTable(out);
  out += "</section>\n";
}

void historySection(std::string& out, const std::vector<models::Submission>& history) {
  out += fmt::format("<section id=\"history\">\n<h2>Submissions ({})</h2>\n", history.size());
  if (history.empty()) {
    out += "<p>None yet.</p>\n</section>\n";
    return;
  }
  openScrollTable(out, "Newest first; each links to its feedback.",
                  {"#Submission", "When (UTC)", "Agency", "By", "Outcome", "#Errors", "#Warnings",
                   "#Systems", "Message"});
  for (const auto& s : history) {
    out += "<tr><td class=\"number\">";
    appendLink(out, submissionHref(s.number), fmt::format("#{}", s.number));
    out += "</td><td>";
    appendTime(out, s.at);
    out += "</td>";
    cell(out, s.agency, "id");
    cell(out, s.by);
    out += s.accepted ? "<td>accepted</td>" : "<td class=\"severity-error\">rejected</td>";
    out += fmt::format(
        "<td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>",
        s.errors, s.warnings, s.systems);
    cell(out, s.message);
    out += "</tr>\n";
  }
  closeScrollTable(out);
  out += "</section>\n";
}

void uploadSection(std::string& out, const PageContext& context, std::string_view code,
                   const std::vector<std::string>& scope) {
  out += "<section id=\"upload\">\n<h2>Submit</h2>\n<p>The files replace the part of ";
  appendHtmlEscaped(out, code);
  if (scope.size() > 1) {
    out += fmt::format(" (and of the {} below it)", plural(scope.size() - 1, "agency", "agencies"));
  }
  out +=
      " in the national inventory: they must hold every one of its systems. An upload with "
      "errors changes nothing, and is kept in the history with its feedback.</p>\n"
      "<form class=\"panel\" method=\"post\" action=\"";
  out += agencyHref(code);
  out += "/submissions\" enctype=\"multipart/form-data\">\n";
  appendCsrfField(out, context);
  out +=
      "\n<div><label for=\"file\">Files <span class=\"hint\">(inventory CSV, ArchiMate exchange "
      "XML, an Archi model or Archi's CSV export; several at once)</span></label>"
      "<input type=\"file\" id=\"file\" name=\"file\" multiple "
      "accept=\".csv,.xml,.archimate\" required></div>\n"
      "<div><label for=\"message\">Message <span class=\"hint\">(what changed, for the "
      "history)</span></label><input type=\"text\" id=\"message\" name=\"message\" "
      "maxlength=\"500\"></div>\n"
      "<div><button type=\"submit\">Submit</button></div>\n</form>\n</section>\n";
}

void downloadsSection(std::string& out, std::string_view code) {
  const std::string agency = agencyHref(code);
  out += "<section id=\"downloads\">\n<h2>Downloads</h2>\n<ul class=\"downloads\">\n<li>";
  appendLink(out, agency + "/current/systems.csv", "systems.csv");
  out += " and ";
  appendLink(out, agency + "/current/dependencies.csv", "dependencies.csv");
  out += ": this agency's part as it stands, to edit and submit again</li>\n<li>";
  appendLink(out, "/downloads/template/systems.csv", "systems.csv");
  out += " and ";
  appendLink(out, "/downloads/template/dependencies.csv", "dependencies.csv");
  out += ": the blank template</li>\n<li>";
  appendLink(out, "/downloads/ids.csv", "ids.csv");
  out += ": the national register of system ids, to name other agencies' systems</li>\n";
  out += "</ul>\n</section>\n";
}

}  // namespace

std::optional<std::string> agencyPage(store::StoreDatabase& store, const PageContext& context,
                                      std::string_view code, bool canSubmit) {
  SQLite::Database& database = store.sql();
  // One snapshot: an upload accepted meanwhile shows whole or not at all.
  SQLite::Transaction snapshot(database);
  const store::AgencyRegister agencies(
      store::readAgencyRows(database, {.kind = store::RowFilter::Kind::current}));
  if (!agencies.has(code)) return std::nullopt;
  const auto row = std::find_if(agencies.rows().begin(), agencies.rows().end(),
                                [&](const store::AgencyRow& r) { return r.code == code; });
  const std::vector<std::string> scope = agencies.scopeOf(code);
  const store::RowFilter current{.kind = store::RowFilter::Kind::current, .agencies = scope};
  const auto systems = store::readSystemRows(database, current);
  const auto dependencies = store::readDependencyRows(database, current);
  const auto providers = providerAgencies(database, scope);
  const auto dependents = dependentsOf(database, scope);
  auto history = store::readSubmissions(database, scope);
  std::sort(history.begin(), history.end(),
            [](const auto& a, const auto& b) { return a.number > b.number; });

  // The agency of each system of the scope, by id.
  std::unordered_map<std::string_view, std::string_view> own;
  own.reserve(systems.size());
  for (const auto& s : systems)
    own.emplace(s.id, s.agency);
  size_t unresolved = 0;
  for (const auto& d : dependencies)
    unresolved += !own.contains(d.provider) && !providers.contains(d.provider);

  std::string out;
  out.reserve(systems.size() * 400 + dependencies.size() * 250 + 16384);
  openPage(out, std::string(code) + " · " + row->name, &context);
  out += "<h1>";
  appendHtmlEscaped(out, row->name);
  out += " <span class=\"id muted\">";
  appendHtmlEscaped(out, code);
  out += "</span></h1>\n<p class=\"lead\">";
  if (!row->parent.empty()) {
    out += "Part of ";
    appendHtmlEscaped(out, row->parent);
    out += ". ";
  }
  if (scope.size() > 1) {
    out += "Speaks for ";
    for (size_t i = 1; i < scope.size(); ++i) {
      out += i > 1 ? ", " : "";
      appendLink(out, agencyHref(scope[i]), scope[i]);
    }
    out += ". ";
  }
  const auto accepted = std::find_if(history.begin(), history.end(),
                                     [](const models::Submission& s) { return s.accepted; });
  if (accepted != history.end()) {
    out += "Last accepted: ";
    appendLink(out, submissionHref(accepted->number),
               fmt::format("submission {}", accepted->number));
    out += " of ";
    appendTime(out, accepted->at);
    out += " UTC.";
  } else if (!systems.empty()) {
    out += "Its part came with a submission of the agency above it.";
  } else {
    out += "No accepted submission yet.";
  }
  out += "</p>\n<div class=\"figures\">";
  figure(out, systems.size(), "systems");
  figure(out, dependencies.size(), "dependencies");
  figure(out, dependents.size(), "dependencies of other agencies on these");
  figure(out, unresolved, "unresolved references");
  figure(out, history.size(), "submissions");
  out += "</div>\n";
  if (canSubmit) uploadSection(out, context, code, scope);
  downloadsSection(out, code);
  historySection(out, history);
  systemsSection(out, systems);
  dependenciesSection(out, dependencies, own, providers, unresolved);
  dependentsSection(out, dependents);
  closePage(out);
  return out;
}

}  // namespace cloudplan::server
