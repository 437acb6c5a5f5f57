#include "exporters/csv/inventory_template.h"

namespace cloudplan::exporters {
namespace {

// Spreadsheets read a CSV file as UTF-8 only when it starts with a byte-order mark.
constexpr const char* kBom = "\xEF\xBB\xBF";

constexpr const char* kSystems =
    "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
    "finish_by,depends_on,move_with\r\n"
    "MOF/payroll,Government Payroll System,MOF,application,replatform,high,25,gov-cloud-prod,,"
    "2027-03-01,2027-12-31,,\r\n"
    "MOF/payroll-db,Payroll Database,MOF,database,rehost,high,,gov-cloud-prod,,,,,\r\n";

constexpr const char* kDependencies =
    "from,to,coupling,kind,description\r\n"
    "MOF/payroll,MOF/payroll-db,tight,data,\"Salaries, deductions and tax codes\"\r\n";

constexpr const char* kAgencies =
    "code,name,parent,max_systems_per_wave,max_effort_per_wave,cio_name,cio_email,website\r\n"
    "MOF,Ministry of Finance,,8,,Jane Doe,cio@mof.gov.example,https://mof.gov.example\r\n";

constexpr const char* kReadme = R"(cloudplan inventory template
============================

Fill in these files in a spreadsheet and save them as "CSV UTF-8". Replace the example row of
each file with your own rows; keep the header row. You may add columns of your own (owner, os,
hosting, ...): cloudplan keeps them and shows them in every output.

systems.csv - one row per information system
  id           required. Unique across the whole government, e.g. MOF/payroll.
               Letters, digits and - _ . : / only, not starting with - (a spreadsheet
               would read it as a formula).
  name         required. The system's display name.
  agency       required. Code of the owning agency (see agencies.csv).
  type         application (default), database, infrastructure, platform or interface.
  strategy     One of the 7 Rs: rehost (default), replatform, refactor, repurchase,
               relocate, retire (switch it off) or retain (keep it where it is).
  criticality  high, medium (default) or low.
  effort_days  Person-days of migration work. Default by strategy: rehost 10,
               replatform 20, refactor 60, repurchase 30, relocate 5, retire 2, retain 0.
  target       The landing zone it moves to (free text).
  pinned_wave  A wave number (1, 2, ...) the system must move in, e.g. for a contract end.
  not_before   YYYY-MM-DD: its wave may not start before this date.
  finish_by    YYYY-MM-DD: its wave must end on or before this date (a contract's end,
               a data centre's closing). Not before not_before.
  depends_on   Ids of systems this one uses, separated by ";". It moves after them.
  move_with    Ids of systems that must move in the same wave, separated by ";"
               (an application and its database, say).

dependencies.csv - one row per dependency that depends_on does not say well enough
  from         required. Id of the system that depends (the consumer).
  to           required. Id of the system it depends on (the provider).
  coupling     tight (same wave), normal (default: the provider moves first) or loose
               (no order; only counted while the two run in different places).
  kind         api, data, auth, file, batch, network, ... (free text).
  description  Free text.

agencies.csv - one row per agency (optional, but then every agency code is checked)
  code         required. The code systems.csv uses in its agency column. Not starting
               with = + - or @ (a spreadsheet would read it as a formula).
  name         required. Full name.
  parent       Code of the agency this one is part of (an office of a ministry).
  max_systems_per_wave
               At most this many systems of the agency and the agencies below it move
               in one wave (a whole number from 1; blank: no limit).
  max_effort_per_wave
               At most this many effort_days of those systems in one wave (a number
               above 0; blank: no limit).
  cio_name, cio_email, website: contact columns, kept as they are.

Check your files with:   cloudplan validate systems.csv dependencies.csv agencies.csv
)";

}  // namespace

std::vector<TemplateFile> inventoryTemplate() {
  return {{"systems.csv", std::string(kBom) + kSystems},
          {"dependencies.csv", std::string(kBom) + kDependencies},
          {"agencies.csv", std::string(kBom) + kAgencies},
          {"README.txt", kReadme}};
}

}  // namespace cloudplan::exporters
