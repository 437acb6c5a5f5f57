// The inventory written back as a ministry's CSV files: the exact files of a small inventory, and
// the round trip (files read back give the same inventory and plan; written again, the same bytes)
// on the samples, a generated national inventory and an ArchiMate model.
#include "exporters/csv/inventory_csv_writer.h"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/plan_migration.h"
#include "importers/read_inputs.h"
#include "tests/temp_folder.h"

using namespace cloudplan;
using exporters::CsvExportFile;
using Lines = std::vector<std::string>;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

// A hand-built inventory: what the importers would make of it, without their checks.
class Builder {
 public:
  models::Inventory inventory;

  std::string_view text(const std::string& value) { return inventory.keep(value); }

  models::AgencyIndex agency(const std::string& code, const std::string& name,
                             const std::string& parent = "",
                             std::vector<std::pair<std::string, std::string>> properties = {}) {
    const models::AgencyIndex a = inventory.internAgency(text(code));
    auto& agency = inventory.agencies[a];
    agency.name = text(name);
    agency.declared = true;
    if (!parent.empty()) agency.parent = *inventory.findAgency(parent);
    agency.properties = keep(properties);
    return a;
  }

  models::SystemIndex system(models::System system, const std::string& agency,
                             std::vector<std::pair<std::string, std::string>> properties = {}) {
    system.id = text(std::string(system.id));
    system.name = text(std::string(system.name));
    system.target = text(std::string(system.target));
    system.documentation = text(std::string(system.documentation));
    if (!agency.empty()) system.agency = inventory.internAgency(text(agency));
    system.properties = keep(properties);
    return *inventory.addSystem(system);
  }

  models::PropertyRange keep(const std::vector<std::pair<std::string, std::string>>& properties) {
    models::PropertyRange range{static_cast<uint32_t>(inventory.properties.size()), 0};
    for (const auto& [key, value] : properties) {
      inventory.properties.push_back({text(key), text(value)});
      ++range.count;
    }
    return range;
  }
};

std::string contentOf(const std::vector<CsvExportFile>& files, const std::string& name) {
  for (const auto& file : files) {
    if (file.name == name) return file.content;
  }
  FAIL("no file " << name);
  return {};
}

Lines namesOf(const std::vector<CsvExportFile>& files) {
  Lines names;
  for (const auto& file : files)
    names.push_back(file.name);
  return names;
}

struct Read {
  models::Diagnostics diagnostics;
  models::Inventory inventory;
};

Lines errorsOf(const models::Diagnostics& diagnostics) {
  Lines lines;
  for (const auto& d : diagnostics.all()) {
    if (d.severity == models::Severity::error) {
      lines.push_back(fmt::format("{}:{}: {} [{}]", d.file, d.line, d.message, d.code));
    }
  }
  return lines;
}

void readInto(Read& read, const std::vector<std::string>& paths,
              const importers::ReadOptions& options = {}) {
  read.inventory = importers::readInputs(paths, options, read.diagnostics);
  CHECK(errorsOf(read.diagnostics) == Lines{});
}

// The files written into `folder` and read back.
void writeAndRead(const std::vector<CsvExportFile>& files, const testing::TempFolder& folder,
                  Read& read) {
  for (const auto& file : files)
    folder.write(file.name, file.content);
  readInto(read, {folder.path().string()});
}

// The properties as "key=value" in key order: a CSV row holds them in its file's column order,
// which need not be the order a record had (the columns are the keys in the order they first
// appear in the file).
std::string propertiesText(const models::Inventory& inventory, models::PropertyRange range,
                           std::string_view documentation = {}) {
  Lines items;
  // Read back from CSV, a system's documentation is its property `documentation`.
  if (!documentation.empty()) items.push_back(fmt::format("documentation={}", documentation));
  for (const auto& property : inventory.propertiesOf(range))
    items.push_back(fmt::format("{}={}", property.key, property.value));
  std::sort(items.begin(), items.end());
  std::string text;
  for (const auto& item : items)
    text += " " + item;
  return text;
}

// Every field of every system, in inventory order, with its documentation as a property.
Lines systemsOf(const models::Inventory& inventory) {
  Lines lines;
  for (const auto& s : inventory.systems) {
    const std::string_view agency =
        s.agency == models::kNone ? "" : std::string_view(inventory.agencies[s.agency].code);
    lines.push_back(fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", s.id, s.name, agency,
                                models::nameOf(s.type), models::nameOf(s.strategy),
                                models::nameOf(s.criticality), s.effortDays, s.target, s.pinnedWave,
                                s.notBefore ? models::formatDate(*s.notBefore) : "",
                                propertiesText(inventory, s.properties, s.documentation)));
  }
  return lines;
}

Lines dependenciesOf(const models::Inventory& inventory) {
  Lines lines;
  for (const auto& d : inventory.dependencies) {
    lines.push_back(fmt::format("{} -> {}|{}|{}|{}|{}", inventory.systems[d.consumer].id,
                                inventory.systems[d.provider].id, models::nameOf(d.coupling),
                                d.kind, d.description, propertiesText(inventory, d.properties)));
  }
  return lines;
}

// `declared`: whether to show which agencies an agencies file lists.
Lines agenciesOf(const models::Inventory& inventory, bool declared = true) {
  Lines lines;
  for (const auto& a : inventory.agencies) {
    const std::string_view parent =
        a.parent == models::kNone ? "" : std::string_view(inventory.agencies[a.parent].code);
    lines.push_back(fmt::format("{}|{}|{}|{}|{}", a.code, a.name, parent,
                                declared ? fmt::format("{}", a.declared) : "",
                                propertiesText(inventory, a.properties)));
  }
  return lines;
}

// "id wave" of every system, and the plan's figures.
Lines planOf(const models::Inventory& inventory) {
  models::Diagnostics diagnostics;
  const auto plan = engine::planMigration(inventory, {}, diagnostics);
  REQUIRE(plan);
  Lines lines{fmt::format("waves {} lower bound {} hybrid links {} {}", plan->metrics.waves,
                          plan->metrics.lowerBound.waves, plan->metrics.peakHybridLinks,
                          plan->metrics.permanentHybridLinks)};
  for (size_t s = 0; s < inventory.systems.size(); ++s) {
    lines.push_back(fmt::format("{} {} {}", inventory.systems[s].id, plan->systems[s].wave,
                                plan->systems[s].moveGroup == models::kNone ? "" : "grouped"));
  }
  return lines;
}

// The first line where two long lists differ, or "" (a failure shows it, not the lists).
std::string difference(const Lines& actual, const Lines& expected) {
  for (size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
    const std::string a = i < actual.size() ? actual[i] : "(none)";
    const std::string e = i < expected.size() ? expected[i] : "(none)";
    if (a != e) return fmt::format("line {}: {} instead of {}", i + 1, a, e);
  }
  return "";
}

Lines linesOf(const std::string& text) {
  Lines lines;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end + 1 - start));
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

void checkSameFiles(const std::vector<CsvExportFile>& first,
                    const std::vector<CsvExportFile>& second) {
  REQUIRE(namesOf(second) == namesOf(first));
  for (size_t i = 0; i < first.size(); ++i) {
    INFO(first[i].name);
    CHECK(difference(linesOf(second[i].content), linesOf(first[i].content)) == "");
  }
}

// The round trip of an inventory read without errors whose systems are grouped by ministry file
// in file-name order: the same inventory, in the same order, the same plan, the same files.
void checkRoundTrip(const Read& first) {
  const auto files = exporters::inventoryToCsvFiles(first.inventory);
  testing::TempFolder folder;
  Read second;
  writeAndRead(files, folder, second);
  checkSameFiles(files, exporters::inventoryToCsvFiles(second.inventory));
  CHECK(difference(systemsOf(second.inventory), systemsOf(first.inventory)) == "");
  CHECK(difference(dependenciesOf(second.inventory), dependenciesOf(first.inventory)) == "");
  CHECK(difference(agenciesOf(second.inventory), agenciesOf(first.inventory)) == "");
  CHECK(difference(planOf(second.inventory), planOf(first.inventory)) == "");
}

}  // namespace

TEST_CASE(
    "an inventory is written as an agencies, a dependencies and a systems file per ministry") {
  Builder b;
  const auto mof = b.agency("MOF", "Ministry of Finance", "",
                            {{"cio_name", "Jane Doe"}, {"website", "=HYPERLINK(\"x\")"}});
  b.inventory.agencies[mof].maxSystemsPerWave = 8;
  b.inventory.agencies[mof].maxEffortPerWave = 120.5;
  b.agency("MOF-TAX", "Tax, Customs and \"Excise\"", "MOF", {{"website", "https://tax.example"}});
  b.agency("A/B", "Agency A/B");
  b.agency("A_B", "Agency A_B");
  const auto a = b.system({.id = "MOF/a",
                           .name = "-5 days tool",
                           .type = models::SystemType::database,
                           .strategy = models::Strategy::replatform,
                           .criticality = models::Criticality::high,
                           .effortDays = 12.5,
                           .target = "gov-cloud",
                           .pinnedWave = 3,
                           .notBefore = models::dateFromCivil(2027, 3, 1),
                           .finishBy = models::dateFromCivil(2027, 6, 30)},
                          "MOF-TAX", {{"os", "RHEL 8"}, {"Type", "legacy"}, {"empty", ""}});
  const auto payroll = b.system({.id = "MOF/b", .name = "Payroll"}, "MOF",
                                {{"OS", "Windows"}, {"owner", "'=quoted"}});
  b.system({.id = "AB/1", .name = "One"}, "A/B");
  b.system({.id = "AB/2", .name = "Two"}, "A_B");
  b.system({.id = "X/1", .name = "Ledger", .documentation = "Doc, with comma"}, "X");
  b.system({.id = "NONE/1",
            .name = "Orphan",
            .strategy = models::Strategy::retire,
            .criticality = models::Criticality::low,
            .effortDays = 2},
           "");
  auto& inventory = b.inventory;
  inventory.dependencies.push_back({.consumer = payroll,
                                    .provider = a,
                                    .coupling = models::Coupling::tight,
                                    .kind = "data",
                                    .description = b.text("line\nbreak"),
                                    .properties = b.keep({{"protocol", "@risk"}})});
  inventory.outsideDependencies.push_back({.consumer = a, .provider = b.text("OTHER/x")});

  const auto files = exporters::inventoryToCsvFiles(inventory);
  // Name order, as a folder is read: `-` sorts before `.`.
  CHECK(namesOf(files) == Lines{"agencies.csv", "dependencies.csv", "systems-A_B-2.csv",
                                "systems-A_B.csv", "systems-MOF.csv", "systems-X.csv",
                                "systems.csv"});
  // X is only named by a system: it is no row of agencies.csv.
  CHECK(contentOf(files, "agencies.csv") ==
        kBom +
            "code,name,parent,max_systems_per_wave,max_effort_per_wave,cio_name,website\r\n"
            "MOF,Ministry of Finance,,8,120.5,Jane Doe,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
            "MOF-TAX,\"Tax, Customs and \"\"Excise\"\"\",MOF,,,,https://tax.example\r\n"
            "A/B,Agency A/B,,,,,\r\n"
            "A_B,Agency A_B,,,,,\r\n");
  // The inventory's dependencies, then those on systems defined elsewhere.
  CHECK(contentOf(files, "dependencies.csv") == kBom +
                                                    "from,to,coupling,kind,description,protocol\r\n"
                                                    "MOF/b,MOF/a,tight,data,\"line\nbreak\","
                                                    "\"'@risk\"\r\n"
                                                    "MOF/a,OTHER/x,normal,,,\r\n");
  // The tax service's system is in its ministry's file; `os` and `OS` are one column, headed as
  // first seen; `Type` is renamed, not read as the type; an empty property is no column.
  CHECK(contentOf(files, "systems-MOF.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by,os,property_Type,owner\r\n"
            "MOF/a,\"'-5 days tool\",MOF-TAX,database,replatform,high,12.5,gov-cloud,3,2027-03-01,"
            "2027-06-30,RHEL 8,legacy,\r\n"
            "MOF/b,Payroll,MOF,application,rehost,medium,10,,,,,Windows,,''=quoted\r\n");
  // A/B and A_B both make systems-A_B: the later agency's file is numbered.
  CHECK(contentOf(files, "systems-A_B.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by\r\n"
            "AB/1,One,A/B,application,rehost,medium,10,,,,\r\n");
  CHECK(contentOf(files, "systems-A_B-2.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by\r\n"
            "AB/2,Two,A_B,application,rehost,medium,10,,,,\r\n");
  CHECK(contentOf(files, "systems-X.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by,documentation\r\n"
            "X/1,Ledger,X,application,rehost,medium,10,,,,,\"Doc, with comma\"\r\n");
  CHECK(contentOf(files, "systems.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by\r\n"
            "NONE/1,Orphan,,application,retire,low,2,,,,\r\n");

  CHECK(exporters::nationalIdsCsv(inventory) == kBom +
                                                    "national_id,name,agency\r\n"
                                                    "AB/1,One,A/B\r\n"
                                                    "AB/2,Two,A_B\r\n"
                                                    "MOF/a,\"'-5 days tool\",MOF-TAX\r\n"
                                                    "MOF/b,Payroll,MOF\r\n"
                                                    "NONE/1,Orphan,\r\n"
                                                    "X/1,Ledger,X\r\n");
}

TEST_CASE("a system's finish_by and an agency's limits per wave are read back as they were") {
  Builder b;
  const auto mof = b.agency("MOF", "Ministry of Finance");
  b.inventory.agencies[mof].maxSystemsPerWave = 3;
  b.inventory.agencies[mof].maxEffortPerWave = 0.25;
  b.agency("MOF-T", "Treasury", "MOF");
  b.system({.id = "MOF/a",
            .name = "A",
            .notBefore = models::dateFromCivil(2027, 1, 4),
            .finishBy = models::dateFromCivil(2027, 1, 4)},
           "MOF-T");
  b.system({.id = "MOF/b", .name = "B"}, "MOF");
  const auto files = exporters::inventoryToCsvFiles(b.inventory);
  testing::TempFolder folder;
  Read read;
  writeAndRead(files, folder, read);
  CHECK(errorsOf(read.diagnostics).empty());
  const auto& inventory = read.inventory;
  CHECK(inventory.systems[*inventory.findSystem("MOF/a")].finishBy ==
        models::dateFromCivil(2027, 1, 4));
  CHECK_FALSE(inventory.systems[*inventory.findSystem("MOF/b")].finishBy);
  const auto& agency = inventory.agencies[*inventory.findAgency("MOF")];
  CHECK(agency.maxSystemsPerWave == 3u);
  CHECK(agency.maxEffortPerWave == 0.25);
  CHECK(agency.properties.count == 0);
  CHECK_FALSE(inventory.agencies[*inventory.findAgency("MOF-T")].maxSystemsPerWave);
  checkSameFiles(files, exporters::inventoryToCsvFiles(inventory));
}

TEST_CASE("an inventory without agencies or dependencies is written as its systems files only") {
  Builder b;
  b.system({.id = "s1", .name = "One"}, "mof");
  b.system({.id = "s2", .name = "Two"}, "MOF");
  const auto files = exporters::inventoryToCsvFiles(b.inventory);
  // Two names that one folder on Windows or macOS cannot hold apart.
  CHECK(namesOf(files) == Lines{"systems-MOF-2.csv", "systems-mof.csv"});
  CHECK(exporters::inventoryToCsvFiles(models::Inventory{}).empty());
}

TEST_CASE(
    "text that starts like a formula is written after an apostrophe and read back as it was") {
  Builder b;
  b.agency("MOF", "=Finance");
  const Lines names{"=1+1",     "-minus", "+plus", "@at", "'=already",
                    "''@twice", "'plain", "'",     "a=b"};
  for (size_t i = 0; i < names.size(); ++i) {
    b.system({.id = b.text(fmt::format("s{}", i)), .name = b.text(names[i]), .target = "-t"}, "MOF",
             {{"-key", names[i]}});
  }
  b.inventory.dependencies.push_back(
      {.consumer = 0, .provider = 1, .kind = b.text("@api"), .description = b.text("+sync")});
  const auto files = exporters::inventoryToCsvFiles(b.inventory);
  CHECK(contentOf(files, "systems-MOF.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by,\"'-key\"\r\n"
            "s0,\"'=1+1\",MOF,application,rehost,medium,10,\"'-t\",,,,\"'=1+1\"\r\n"
            "s1,\"'-minus\",MOF,application,rehost,medium,10,\"'-t\",,,,\"'-minus\"\r\n"
            "s2,\"'+plus\",MOF,application,rehost,medium,10,\"'-t\",,,,\"'+plus\"\r\n"
            "s3,\"'@at\",MOF,application,rehost,medium,10,\"'-t\",,,,\"'@at\"\r\n"
            "s4,''=already,MOF,application,rehost,medium,10,\"'-t\",,,,''=already\r\n"
            "s5,'''@twice,MOF,application,rehost,medium,10,\"'-t\",,,,'''@twice\r\n"
            "s6,'plain,MOF,application,rehost,medium,10,\"'-t\",,,,'plain\r\n"
            "s7,',MOF,application,rehost,medium,10,\"'-t\",,,,'\r\n"
            "s8,a=b,MOF,application,rehost,medium,10,\"'-t\",,,,a=b\r\n");

  testing::TempFolder folder;
  Read read;
  writeAndRead(files, folder, read);
  CHECK(systemsOf(read.inventory) == systemsOf(b.inventory));
  CHECK(dependenciesOf(read.inventory) == dependenciesOf(b.inventory));
  CHECK(agenciesOf(read.inventory) == agenciesOf(b.inventory));
}

TEST_CASE("a property named like a column of the format or repeated in a record is renamed") {
  // Only other formats (ArchiMate) can give such keys: a CSV reader takes them for its own.
  Builder b;
  b.agency("M", "Ministry", "", {{"ID", "7"}});
  b.system({.id = "s1", .name = "One", .documentation = "Real doc"}, "M",
           {{"depends_on", "s2"}, {"Owner", "Ana"}, {" owner ", "Bo"}, {"Documentation", "Prop"}});
  b.system({.id = "s2", .name = "Two"}, "M", {{"documentation", "Only prop"}, {"", "blank key"}});
  b.inventory.dependencies.push_back(
      {.consumer = 0, .provider = 1, .properties = b.keep({{"id", "d1"}})});
  const auto files = exporters::inventoryToCsvFiles(b.inventory);
  CHECK(contentOf(files, "agencies.csv") == kBom +
                                                "code,name,parent,max_systems_per_wave,"
                                                "max_effort_per_wave,property_ID\r\n"
                                                "M,Ministry,,,,7\r\n");
  CHECK(contentOf(files, "dependencies.csv") ==
        kBom +
            "from,to,coupling,kind,description,property_id\r\n"
            "s1,s2,normal,,,d1\r\n");
  // s2 has no documentation of its own: its property `documentation` (what a CSV file read back
  // gives for one) is written in its place.
  CHECK(contentOf(files, "systems-M.csv") ==
        kBom +
            "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
            "finish_by,documentation,property_depends_on,Owner,property_owner,"
            "property_Documentation,property_\r\n"
            "s1,One,M,application,rehost,medium,10,,,,,Real doc,s2,Ana,Bo,Prop,\r\n"
            "s2,Two,M,application,rehost,medium,10,,,,,Only prop,,,,,blank key\r\n");

  testing::TempFolder folder;
  Read read;
  writeAndRead(files, folder, read);
  checkSameFiles(files, exporters::inventoryToCsvFiles(read.inventory));
  CHECK(systemsOf(read.inventory) ==
        Lines{"s1|One|M|application|rehost|medium|10||0|| Owner=Ana documentation=Real doc "
              "property_Documentation=Prop property_depends_on=s2 property_owner=Bo",
              "s2|Two|M|application|rehost|medium|10||0|| documentation=Only prop "
              "property_=blank key"});
  CHECK(dependenciesOf(read.inventory) == Lines{"s1 -> s2|normal||| property_id=d1"});
}

TEST_CASE("the samples read back from their export are the same inventory with the same plan") {
  Read first;
  readInto(first, {CLOUDPLAN_SOURCE_DIR "/samples/government"});
  checkRoundTrip(first);
}

TEST_CASE("a generated national inventory reads back from its export as it was") {
  testing::TempFolder generated;
  const std::string command = fmt::format(
      "python3 {}/../shared/tools/geninv.py --systems 2000 --seed 5 --agency-limits "
      "--deadlines --out {} > /dev/null",
      CLOUDPLAN_SOURCE_DIR, generated.path().string());
  REQUIRE(std::system(command.c_str()) == 0);
  Read first;
  readInto(first, {generated.path().string()});
  REQUIRE(first.inventory.systems.size() == 2000);
  checkRoundTrip(first);
}

TEST_CASE("an ArchiMate model reads back from its export with documentation as a property") {
  Read first;
  readInto(first, {CLOUDPLAN_SOURCE_DIR "/tests/data/archimate/mapping.xml"});
  const auto files = exporters::inventoryToCsvFiles(first.inventory);
  testing::TempFolder folder;
  Read second;
  writeAndRead(files, folder, second);
  checkSameFiles(files, exporters::inventoryToCsvFiles(second.inventory));

  // Its systems are all the Ministry of Finance's (MOF-T is an office of it): one file, in the
  // model's order.
  CHECK(namesOf(files) == Lines{"agencies.csv", "dependencies.csv", "systems-MOF.csv"});
  CHECK(difference(systemsOf(second.inventory), systemsOf(first.inventory)) == "");
  CHECK(difference(dependenciesOf(second.inventory), dependenciesOf(first.inventory)) == "");
  CHECK(difference(planOf(second.inventory), planOf(first.inventory)) == "");
  // The agencies its folders name (`CODE - Name`) are written to agencies.csv, which declares
  // them.
  CHECK(difference(agenciesOf(second.inventory, false), agenciesOf(first.inventory, false)) == "");
  for (const auto& agency : first.inventory.agencies)
    CHECK_FALSE(agency.declared);
  for (const auto& agency : second.inventory.agencies)
    CHECK(agency.declared);
  const auto& payroll = second.inventory.systems[*second.inventory.findSystem("MOF/payroll")];
  CHECK(payroll.documentation.empty());
  const auto properties = second.inventory.propertiesOf(payroll.properties);
  REQUIRE(!properties.empty());
  CHECK(properties[0].key == "documentation");
  CHECK(properties[0].value == "Pays the civil service.");
}
