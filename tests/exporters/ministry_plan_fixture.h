// The plan the ministry pages' tests read: a ministry with an office, another ministry and a
// digital agency, linked both ways across their borders; contacts in the agencies file's extra
// columns, some of them hostile; and a risk register built by hand, one risk per ministry.
#pragma once

#include <string>

#include "engine/plan_migration.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "models/risk.h"

namespace cloudplan::testing {

struct MinistryPlan {
  models::Diagnostics diagnostics;
  models::Inventory inventory;
  models::Plan plan;
  models::RiskRegister risks;
};

inline models::AgencyIndex agencyOf(const models::Inventory& inventory, std::string_view code) {
  return *inventory.findAgency(code);
}

inline MinistryPlan ministryPlan() {
  MinistryPlan p;
  importers::InventoryBuilder builder(p.diagnostics);
  auto read = [&](std::string name, models::InputKind kind, std::string text) {
    importers::readInventoryCsv(builder, builder.addFile(std::move(name), kind), std::move(text));
  };
  read("agencies.csv", models::InputKind::agencies,
       "code,name,parent,cio_name,cio_email,website\n"
       "MIN,Ministry of <i>Examples</i> & Co,,Ana <b>Cruz</b>,cio@min.example,"
       "https://min.example/?a=1&b=2\n"
       "MIN-OFF,Office of Samples,MIN,Yusuf Demir,not an address,javascript:alert(1)\n"
       "OTH,Other Ministry,,Lee Seo-yeon,lee@oth.example,ftp://oth.example\n"
       "DGA,Digital Agency,,,,\n");
  read("systems.csv", models::InputKind::systems,
       "id,name,agency,type,strategy,criticality\n"
       "MIN/app,<script>alert(1)</script>,MIN,application,rehost,high\n"
       "MIN/db,Example database,MIN,database,replatform,medium\n"
       "MIN-OFF/portal,Sample portal,MIN-OFF,application,refactor,low\n"
       "MIN/mainframe,Mainframe,MIN,infrastructure,retain,medium\n"
       "OTH/client,Other client,OTH,application,rehost,medium\n"
       "OTH/api,Other API,OTH,interface,rehost,medium\n"
       "DGA/sso,Single sign-on,DGA,platform,rehost,high\n");
  read("dependencies.csv", models::InputKind::dependencies,
       "from,to,coupling,kind\n"
       "MIN/app,MIN/db,tight,data\n"
       "OTH/client,MIN/app,normal,api\n"
       "MIN-OFF/portal,OTH/api,loose,batch\n"
       "MIN/app,DGA/sso,normal,auth\n"
       "MIN-OFF/portal,MIN/app,normal,api\n");
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  models::Risk office;
  office.kind = models::RiskKind::largeMoveGroup;
  office.exposure = 30;
  office.agencies = {agencyOf(p.inventory, "MIN-OFF")};
  office.summary = "the office's <portal> at risk";
  models::Risk other;
  other.kind = models::RiskKind::largeMoveGroup;
  other.exposure = 20;
  other.agencies = {agencyOf(p.inventory, "OTH")};
  other.summary = "the other ministry's risk";
  p.risks.risks = {office, other};
  return p;
}

// The text of `html` from the first `from` to the next `to` after it; empty when either is missing.
inline std::string between(const std::string& html, const std::string& from,
                           const std::string& to) {
  const size_t start = html.find(from);
  if (start == std::string::npos) return {};
  const size_t end = html.find(to, start + from.size());
  if (end == std::string::npos) return {};
  return html.substr(start, end - start);
}

}  // namespace cloudplan::testing
