// The mapping of spec/archimate-mapping.md, through readInputs: which elements become systems
// and with what fields, agencies three ways, every dependency rule once (tests/data/archimate/
// mapping.xml), the report for `cloudplan validate`, and ArchiMate mixed with inventory CSV.
#include "importers/archimate/archimate_mapping.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "tests/importers/archimate_fixture.h"
#include "tests/temp_folder.h"

using namespace cloudplan;
using Lines = std::vector<std::string>;
using testing::TempFolder;

namespace {

const std::string kData = CLOUDPLAN_SOURCE_DIR "/tests/data/archimate/";

using Result = testing::ArchimateRead;

Result read(const std::vector<std::string>& paths, const std::string& strip,
            const std::string& defaultAgency = "") {
  return testing::readArchimate(paths, strip, defaultAgency);
}

// "consumer -> provider coupling kind", one a dependency, in inventory order.
Lines dependenciesOf(const models::Inventory& inventory) {
  Lines lines;
  for (const auto& d : inventory.dependencies) {
    std::string line = std::string(inventory.systems[d.consumer].id) + " -> " +
                       std::string(inventory.systems[d.provider].id) + " " +
                       std::string(models::nameOf(d.coupling));
    if (!d.kind.empty()) line += " " + std::string(d.kind);
    lines.push_back(line);
  }
  return lines;
}

using testing::systemNamed;

std::string model(const std::string& body) {
  return "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"id-m\">\n"
         "  <name xml:lang=\"en\">Test</name>\n" +
         body + "</model>\n";
}

}  // namespace

TEST_CASE("application components, interfaces and technology become systems of their type") {
  const auto r = read({kData + "mapping.xml"}, kData);
  CHECK(r.lines.empty());
  const auto& inventory = r.inventory;
  REQUIRE(inventory.systems.size() == 9);
  using models::SystemType;
  const std::pair<const char*, SystemType> expected[] = {
      {"MOF/payroll", SystemType::application}, {"id-ledger", SystemType::application},
      {"id-portal", SystemType::application},   {"id-payroll-api", SystemType::interface},
      {"id-farm", SystemType::infrastructure},  {"id-oracle", SystemType::database},
      {"id-hsm", SystemType::infrastructure},   {"id-wan", SystemType::infrastructure},
      {"id-vpn", SystemType::infrastructure}};
  for (const auto& [id, type] : expected) {
    INFO(id);
    CHECK(systemNamed(inventory, id).type == type);
  }
  CHECK(r.report.systemsByType == std::map<std::string, uint32_t>{{"ApplicationComponent", 3},
                                                                  {"ApplicationInterface", 1},
                                                                  {"CommunicationNetwork", 1},
                                                                  {"Device", 1},
                                                                  {"Node", 1},
                                                                  {"SystemSoftware", 1},
                                                                  {"TechnologyInterface", 1}});
  CHECK(r.report.elementsNotPlanned == std::map<std::string, uint32_t>{{"ApplicationFunction", 1},
                                                                       {"ApplicationService", 2},
                                                                       {"Artifact", 1},
                                                                       {"BusinessActor", 1},
                                                                       {"DataObject", 1}});
}

TEST_CASE("properties named like inventory columns fill the fields, the others are kept") {
  const auto r = read({kData + "mapping.xml"}, kData);
  const auto& payroll = systemNamed(r.inventory, "MOF/payroll");
  CHECK(payroll.name == "Payroll");
  CHECK(payroll.documentation == "Pays the civil service.");
  CHECK(payroll.strategy == models::Strategy::refactor);
  CHECK(payroll.effortDays == 45);
  CHECK(payroll.where.line == 8);
  std::vector<std::pair<std::string, std::string>> properties;
  for (const auto& p : r.inventory.propertiesOf(payroll.properties))
    properties.emplace_back(p.key, p.value);
  CHECK(properties ==
        std::vector<std::pair<std::string, std::string>>{{"name@fr", "Paie"}, {"os", "RHEL 8"}});
  CHECK(systemNamed(r.inventory, "id-portal").effortDays == 10);  // rehost's default
}

// plan.archimate.xml gives each system its wave: read back, it was kept as a property, so a plan
// of the plan differed from the plan (issue 9 item 5).
TEST_CASE("a system's wave property, the wave of a plan, is not read, with a note") {
  TempFolder folder;
  const auto path = folder.write(
      "plan.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name><properties>\n"
            "      <property propertyDefinitionRef=\"p-wave\"><value>3</value></property>\n"
            "      <property propertyDefinitionRef=\"p-os\"><value>Linux</value></property>\n"
            "    </properties></element>\n"
            "    <element identifier=\"b\" xsi:type=\"Node\"><name>B</name></element>\n"
            "  </elements>\n  <propertyDefinitions>\n"
            "    <propertyDefinition identifier=\"p-wave\" type=\"number\"><name>Wave</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"p-os\" type=\"string\"><name>os</name>"
            "</propertyDefinition>\n  </propertyDefinitions>\n"));
  const auto r = read({path}, folder.path().string() + "/", "X");
  CHECK(r.lines.empty());
  CHECK(r.notes == Lines{"plan.xml:1: note: 1 of 2 systems have a property 'wave', the wave of a "
                         "plan (as plan.archimate.xml writes it); it is not read, as planning "
                         "gives each system its wave anew (pin a wave with pinned_wave) "
                         "[wave-not-read]"});
  const auto& a = systemNamed(r.inventory, "a");
  CHECK(a.pinnedWave == 0);
  REQUIRE(a.properties.count == 1);
  CHECK(r.inventory.propertiesOf(a.properties)[0].key == "os");
}

TEST_CASE("every dependency rule gives its dependency, one per pair however many paths") {
  const auto r = read({kData + "mapping.xml"}, kData);
  CHECK(dependenciesOf(r.inventory) == Lines{
                                           "MOF/payroll -> id-ledger normal",          // serving
                                           "MOF/payroll -> id-oracle normal hosting",  // serving
                                           "id-portal -> id-hsm normal hosting",       // assignment
                                           "MOF/payroll -> id-payroll-api tight",  // composition
                                           "id-portal -> id-wan normal",           // aggregation
                                           "id-ledger -> MOF/payroll loose",       // flow
                                           "id-ledger -> id-portal loose",         // triggering
                                           "id-ledger -> id-vpn tight vpn",        // overridden
                                           "id-portal -> MOF/payroll normal service",
                                           "id-payroll-api -> MOF/payroll normal service",
                                           "id-portal -> id-ledger normal service",
                                           "MOF/payroll -> id-farm normal hosting",  // artifact
                                       });
  CHECK(r.report.dependenciesByRule == std::map<std::string, uint32_t>{{"aggregation", 1},
                                                                       {"composition", 1},
                                                                       {"flow", 1},
                                                                       {"hosting", 3},
                                                                       {"service", 3},
                                                                       {"serving", 2},
                                                                       {"triggering", 1}});
  CHECK(r.report.derivedRepeatsDropped == 1);  // Payroll -> Portal through the Payslip Service
  CHECK(r.report.dependencies == 12);
  const auto& vpn = r.inventory.dependencies[7];
  REQUIRE(vpn.properties.count == 1);
  CHECK(r.inventory.propertiesOf(vpn.properties)[0].key == "protocol");
}

TEST_CASE("a dependency that is a relationship keeps its identifier and type, a derived one none") {
  const auto r = read({kData + "mapping.xml"}, kData);
  Lines relationships;
  for (const auto& d : r.inventory.dependencies) {
    relationships.push_back(std::string(d.archimateIdentifier) + " " +
                            std::string(d.archimateType));
  }
  // In the order of the rules' test above: the direct ones, then those through a service or an
  // artifact, which join two systems no relationship joins.
  CHECK(relationships == Lines{"id-r01 Serving", "id-r11 Serving", "id-r12 Assignment",
                               "id-r13 Composition", "id-r14 Aggregation", "id-r15 Flow",
                               "id-r16 Triggering", "id-r17 Serving", " ", " ", " ", " "});
}

TEST_CASE("of two relationships that give one dependency, the first's identifier is kept") {
  TempFolder folder;
  const std::string path = folder.write(
      "model.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"ApplicationComponent\"><name>A</name>"
            "</element>\n"
            "    <element identifier=\"b\" xsi:type=\"ApplicationComponent\"><name>B</name>"
            "</element>\n"
            "  </elements>\n  <relationships>\n"
            "    <relationship identifier=\"r1\" source=\"b\" target=\"a\" xsi:type=\"Serving\"/>\n"
            "    <relationship identifier=\"r2\" source=\"a\" target=\"b\" "
            "xsi:type=\"Composition\"/>\n"
            "  </relationships>\n"));
  const auto r = read({path}, folder.path().string() + "/", "X");
  REQUIRE(r.inventory.dependencies.size() == 1);
  CHECK(r.inventory.dependencies[0].archimateIdentifier == "r1");
  CHECK(r.inventory.dependencies[0].archimateType == "Serving");
  CHECK(r.inventory.dependencies[0].coupling == models::Coupling::tight);
}

TEST_CASE("the notes count what is not planned, and a relationship to itself is dropped") {
  const auto r = read({kData + "mapping.xml"}, kData);
  CHECK(r.notes ==
        Lines{"mapping.xml:3: note: 6 of 15 elements are not planned: 2 ApplicationService, 1 "
              "ApplicationFunction, 1 Artifact, 1 BusinessActor, 1 DataObject (only application "
              "components and interfaces, nodes, devices, system software, communication "
              "networks and technology interfaces become systems) [not-planned]",
              "mapping.xml:3: note: 2 of 20 relationships give no dependency: 1 Access, 1 "
              "Association (see docs/archimate.md for the relationships that do) [not-planned]",
              "mapping.xml:94: note: Serving relationship 'id-r20' goes from system "
              "'MOF/payroll' to itself; it gives no dependency (a system cannot depend on "
              "itself) [self-dependency]"});
  CHECK(r.report.relationshipsNotPlanned ==
        std::map<std::string, uint32_t>{{"Access", 1}, {"Association", 1}});
  CHECK(r.report.selfDependenciesDropped == 1);
}

TEST_CASE("an agency comes from the property, else the nearest folder, else the default") {
  const auto r = read({kData + "mapping.xml"}, kData);
  const auto& inventory = r.inventory;
  const auto agencyOf = [&](std::string_view id) {
    return std::string(inventory.agencies[systemNamed(inventory, id).agency].code);
  };
  CHECK(agencyOf("MOF/payroll") == "MOF-T");
  CHECK(agencyOf("id-ledger") == "MOF");  // the property, spelt "Agency"
  CHECK(agencyOf("id-portal") == "MOF");  // through the "Applications" folder
  const auto& treasury = inventory.agencies[systemNamed(inventory, "MOF/payroll").agency];
  CHECK(treasury.name == "Treasury Office");
  REQUIRE(treasury.parent != models::kNone);
  CHECK(inventory.agencies[treasury.parent].code == "MOF");
  CHECK(inventory.agencies[treasury.parent].name == "Ministry of Finance");

  TempFolder folder;
  const auto path = folder.write(
      "loose.xml", model("  <elements>\n    <element identifier=\"a\" xsi:type=\"Node\">"
                         "<name>A</name></element>\n  </elements>\n"));
  const auto none = read({path}, folder.path().string() + "/");
  CHECK(none.lines == Lines{"loose.xml:4: error: system 'a' (Node 'A') has no agency (give the "
                            "element an agency property, put it in a folder labelled 'CODE - "
                            "Name', relate it to a BusinessActor, or run with --default-agency "
                            "CODE) [missing-agency]"});
  const auto fallback = read({path}, folder.path().string() + "/", "DGA");
  CHECK(fallback.lines.empty());
  REQUIRE(fallback.inventory.systems.size() == 1);
  CHECK(fallback.inventory.agencies[fallback.inventory.systems[0].agency].code == "DGA");
}

TEST_CASE("folder labels name an agency only in the form CODE - Name") {
  using importers::agencyLabelOf;
  const auto label = agencyLabelOf("MOF - Ministry of Finance");
  REQUIRE(label);
  CHECK(label->code == "MOF");
  CHECK(label->name == "Ministry of Finance");
  CHECK(agencyLabelOf("MOF-T \u2013 Treasury")->code == "MOF-T");
  CHECK(agencyLabelOf("  DGA -  Digital  ")->name == "Digital");
  CHECK(!agencyLabelOf("Business"));
  CHECK(!agencyLabelOf("Ministry of Finance - HQ"));  // a code has no blanks
  CHECK(!agencyLabelOf("MOF - "));
  CHECK(!agencyLabelOf("MOF-Finance"));
}

TEST_CASE("column properties are checked like csv cells") {
  TempFolder folder;
  const auto path = folder.write(
      "bad.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name><properties>\n"
            "      <property propertyDefinitionRef=\"s\"><value>rehots</value></property>\n"
            "      <property propertyDefinitionRef=\"e\"><value>-3</value></property>\n"
            "      <property propertyDefinitionRef=\"w\"><value>0</value></property>\n"
            "      <property propertyDefinitionRef=\"d\"><value>2027-02-30</value></property>\n"
            "      <property propertyDefinitionRef=\"s\"><value>retire</value></property>\n"
            "    </properties></element>\n"
            "    <element identifier=\"b\" xsi:type=\"Node\"><name>B</name><properties>\n"
            "      <property propertyDefinitionRef=\"i\"><value>has space</value></property>\n"
            "    </properties></element>\n  </elements>\n"
            "  <propertyDefinitions>\n"
            "    <propertyDefinition identifier=\"s\" type=\"string\"><name>strategy</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"e\" type=\"number\"><name>effort_days</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"w\" type=\"number\"><name>pinned_wave</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"d\" type=\"date\"><name>not_before</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"i\" type=\"string\"><name>id</name>"
            "</propertyDefinition>\n  </propertyDefinitions>\n"));
  const auto r = read({path}, folder.path().string() + "/", "X");
  CHECK(r.lines ==
        Lines{"bad.xml:4: warning: property 'strategy' is given again, as 'retire'; the first "
              "value, 'rehots', is kept (give it once) [repeated-property]",
              "bad.xml:4: error: strategy 'rehots' is not one of rehost, replatform, refactor, "
              "repurchase, relocate, retire, retain (did you mean 'rehost'?) [bad-value]",
              "bad.xml:4: error: effort_days '-3' is not a non-negative number of person-days "
              "(write it like 12 or 7.5) [bad-number]",
              "bad.xml:4: error: pinned_wave '0' is not a wave number from 1 to 1000 [bad-wave]",
              "bad.xml:4: error: not_before '2027-02-30' is not a date YYYY-MM-DD (for example "
              "2027-03-01) [bad-date]",
              "bad.xml:11: error: malformed id 'has space'; the element is skipped (use letters, "
              "digits and -_.:/ only, in an id property if the identifier has others) "
              "[malformed-id]"});
}

TEST_CASE("a relationship's coupling property is checked, and kind may be set empty") {
  TempFolder folder;
  const auto path = folder.write(
      "couplings.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name></element>\n"
            "    <element identifier=\"b\" xsi:type=\"ApplicationComponent\"><name>B</name>"
            "</element>\n  </elements>\n  <relationships>\n"
            "    <relationship identifier=\"r\" source=\"a\" target=\"b\" xsi:type=\"Serving\">"
            "<properties>\n"
            "      <property propertyDefinitionRef=\"c\"><value>tigt</value></property>\n"
            "      <property propertyDefinitionRef=\"k\"><value></value></property>\n"
            "    </properties></relationship>\n  </relationships>\n"
            "  <propertyDefinitions>\n"
            "    <propertyDefinition identifier=\"c\" type=\"string\"><name>coupling</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"k\" type=\"string\"><name>kind</name>"
            "</propertyDefinition>\n  </propertyDefinitions>\n"));
  const auto r = read({path}, folder.path().string() + "/", "X");
  CHECK(r.lines == Lines{"couplings.xml:8: error: coupling 'tigt' is not one of loose, normal, "
                         "tight (did you mean 'tight'?) [bad-value]"});
  CHECK(dependenciesOf(r.inventory) == Lines{"b -> a normal"});
}

TEST_CASE("an id used in two files is the duplicate-id error naming both") {
  TempFolder folder;
  const auto csv = folder.write("systems.csv", "id,name,agency\nMOF/payroll,Payroll,MOF\n");
  const auto r = read({csv, kData + "mapping.xml"}, "");
  const std::string prefix = folder.path().string() + "/";
  REQUIRE(!r.lines.empty());
  CHECK(r.lines[0] == kData +
                          "mapping.xml:8: error: duplicate id 'MOF/payroll'; the element is "
                          "skipped (first defined at " +
                          prefix + "systems.csv:2) [duplicate-id]");
  CHECK(r.inventory.systems.size() == 9);
}

TEST_CASE("csv files and ArchiMate models mix into one inventory") {
  TempFolder folder;
  const auto systems = folder.write(
      "systems.csv", "id,name,agency,depends_on\nMOH/his,Hospitals,MOH,MOF/payroll;id-farm\n");
  const auto dependencies =
      folder.write("dependencies.csv", "from,to,coupling\nid-portal,MOH/his,loose\n");
  const auto agencies = folder.write(
      "agencies.csv", "code,name,parent\nMOF,Finance,\nMOF-T,Treasury,MOF\nMOH,Health,\n");
  const auto r = read({systems, kData + "mapping.xml", dependencies, agencies}, "");
  CHECK(r.lines.empty());
  CHECK(r.inventory.systems.size() == 10);
  CHECK(r.inventory.dependencies.size() == 15);
  CHECK(r.inventory.files.size() == 4);
  CHECK(r.inventory.files[1].kind == models::InputKind::archimate);
  CHECK(r.report.models == 1);
  const auto& treasury = r.inventory.agencies[systemNamed(r.inventory, "MOF/payroll").agency];
  CHECK(treasury.declared);
  CHECK(treasury.name == "Treasury");  // the agencies file has the last word
}

TEST_CASE("an agencies file makes folder and property agencies it lacks unknown") {
  TempFolder folder;
  const auto agencies = folder.write("agencies.csv", "code,name\nMOF,Finance\n");
  const auto r = read({agencies, kData + "mapping.xml"}, kData);
  CHECK(r.lines == Lines{"mapping.xml:8: error: unknown agency 'MOF-T' of system 'MOF/payroll' "
                         "(did you mean 'MOF'?) [unknown-agency]"});
}

TEST_CASE("the report adds up over the models of a run") {
  const auto r =
      read({kData + "mapping.xml", kData + "agencies.archimate", kData + "semicolon-elements.csv"},
           kData, "X");
  CHECK(r.report.models == 3);
  CHECK(r.report.elements == 15 + 6 + 4);
  CHECK(r.report.relationships == 20 + 5 + 3);
  CHECK(r.report.systems == 9 + 5 + 3);
  CHECK(r.report.systems == r.inventory.systems.size());
  CHECK(r.report.elementsNotPlanned.at("ApplicationService") == 2 + 1 + 1);
  CHECK(!r.report.empty());
  CHECK(importers::ArchimateMappingReport{}.empty());
}

TEST_CASE("a service joining too many systems derives nothing, with a warning") {
  std::string elements =
      "  <elements>\n    <element identifier=\"s\" xsi:type=\"ApplicationService\">"
      "<name>Everything</name></element>\n";
  std::string relationships = "  <relationships>\n";
  for (int i = 0; i < 201; ++i) {
    const std::string id = "c" + std::to_string(i);
    elements += "    <element identifier=\"" + id + "\" xsi:type=\"ApplicationComponent\"><name>" +
                id + "</name></element>\n";
    relationships += "    <relationship identifier=\"r" + id + "\" source=\"" + id +
                     "\" target=\"s\" xsi:type=\"" + (i < 101 ? "Realization" : "Assignment") +
                     "\"/>\n";
    if (i >= 101) {
      relationships += "    <relationship identifier=\"q" + id + "\" source=\"s\" target=\"" + id +
                       "\" xsi:type=\"Serving\"/>\n";
    }
  }
  TempFolder folder;
  const auto path = folder.write(
      "wide.xml", model(elements + "  </elements>\n" + relationships + "  </relationships>\n"));
  const auto r = read({path}, folder.path().string() + "/", "X");
  CHECK(r.lines == Lines{"wide.xml:4: warning: ApplicationService 'Everything' is realized by or "
                         "assigned to 201 systems and serves 100: the 20100 dependencies "
                         "through it are not derived, more than 10000 (draw the ones that "
                         "matter as relationships between the systems) [too-many-paths]"});
  CHECK(r.inventory.systems.size() == 201);
  CHECK(r.inventory.dependencies.empty());
}

TEST_CASE("finish_by is a column property in each ArchiMate form, checked like not_before") {
  TempFolder folder;
  const std::string exchange = folder.write(
      "exchange.xml",
      model("  <elements>\n"
            "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name><properties>\n"
            "      <property propertyDefinitionRef=\"f\"><value>2027-06-30</value></property>\n"
            "      <property propertyDefinitionRef=\"o\"><value>linux</value></property>\n"
            "    </properties></element>\n"
            "    <element identifier=\"b\" xsi:type=\"Node\"><name>B</name><properties>\n"
            "      <property propertyDefinitionRef=\"n\"><value>2027-03-01</value></property>\n"
            "      <property propertyDefinitionRef=\"f\"><value>2027-01-31</value></property>\n"
            "    </properties></element>\n"
            "    <element identifier=\"c\" xsi:type=\"Node\"><name>C</name><properties>\n"
            "      <property propertyDefinitionRef=\"f\"><value>30/06/2027</value></property>\n"
            "    </properties></element>\n  </elements>\n"
            "  <propertyDefinitions>\n"
            "    <propertyDefinition identifier=\"f\" type=\"date\"><name>Finish_By</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"n\" type=\"date\"><name>not_before</name>"
            "</propertyDefinition>\n"
            "    <propertyDefinition identifier=\"o\" type=\"string\"><name>os</name>"
            "</propertyDefinition>\n  </propertyDefinitions>\n"));
  const std::string archi =
      folder.write("model.archimate",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<archimate:model xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                   "xmlns:archimate=\"http://www.archimatetool.com/archimate\" name=\"M\" id=\"m\" "
                   "version=\"4.9.0\">\n"
                   "  <folder name=\"Technology\" id=\"t\" type=\"technology\">\n"
                   "    <element xsi:type=\"archimate:Node\" id=\"d\" name=\"D\">\n"
                   "      <property key=\"finish_by\" value=\"2028-01-15\"/>\n"
                   "    </element>\n  </folder>\n</archimate:model>\n");
  const std::string elements =
      folder.write("export/x-elements.csv",
                   "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\n"
                   "\"m\",\"ArchimateModel\",\"M\",\"\",\"\"\n\"e\",\"Node\",\"E\",\"\",\"\"\n");
  folder.write(
      "export/x-relations.csv",
      "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\n");
  folder.write("export/x-properties.csv",
               "\"ID\",\"Key\",\"Value\"\n\"e\",\"FINISH_BY\",\"2029-12-31\"\n");
  const auto r = read({exchange, archi, elements}, folder.path().string() + "/", "X");
  CHECK(r.lines ==
        Lines{"exchange.xml:8: error: finish_by 2027-01-31 is before not_before 2027-03-01: no "
              "wave can start on or after the one and end by the other (make finish_by later or "
              "not_before earlier) [bad-date]",
              "exchange.xml:12: error: finish_by '30/06/2027' is not a date: dates are "
              "YYYY-MM-DD (did you mean 2027-06-30?) [bad-date]"});
  const auto& a = systemNamed(r.inventory, "a");
  CHECK(a.finishBy == models::dateFromCivil(2027, 6, 30));
  REQUIRE(a.properties.count == 1);
  CHECK(r.inventory.propertiesOf(a.properties)[0].key == "os");
  CHECK_FALSE(systemNamed(r.inventory, "b").finishBy);
  CHECK(systemNamed(r.inventory, "d").finishBy == models::dateFromCivil(2028, 1, 15));
  CHECK(systemNamed(r.inventory, "d").properties.count == 0);
  CHECK(systemNamed(r.inventory, "e").finishBy == models::dateFromCivil(2029, 12, 31));
  CHECK(systemNamed(r.inventory, "e").properties.count == 0);
}

TEST_CASE("a BusinessActor a system is assigned to, associated with or serving is its agency") {
  TempFolder folder;
  const auto path = folder.write(
      "actors.xml",
      model("  <elements>\n"
            "    <element identifier=\"fin\" xsi:type=\"BusinessActor\"><name>Ministry of "
            "Finance</name>\n"
            "      <properties><property propertyDefinitionRef=\"pd-code\"><value>MOF</value>"
            "</property></properties></element>\n"
            "    <element identifier=\"hea\" xsi:type=\"BusinessActor\"><name>MOH - Ministry of "
            "Health</name></element>\n"
            "    <element identifier=\"dga\" xsi:type=\"BusinessActor\"><name>Digital "
            "Government  Agency</name></element>\n"
            "    <element identifier=\"pay\" xsi:type=\"ApplicationComponent\"><name>Payroll"
            "</name></element>\n"
            "    <element identifier=\"his\" xsi:type=\"ApplicationComponent\"><name>HIS</name>"
            "</element>\n"
            "    <element identifier=\"net\" xsi:type=\"Node\"><name>Network</name></element>\n"
            "    <element identifier=\"own\" xsi:type=\"ApplicationComponent\"><name>Own</name>"
            "</element>\n"
            "    <element identifier=\"two\" xsi:type=\"ApplicationComponent\"><name>Two</name>"
            "</element>\n"
            "  </elements>\n  <relationships>\n"
            // Serving to an actor (its users) gives way to an assignment.
            "    <relationship identifier=\"r1\" source=\"pay\" target=\"hea\" "
            "xsi:type=\"Serving\"/>\n"
            "    <relationship identifier=\"r2\" source=\"fin\" target=\"pay\" "
            "xsi:type=\"Assignment\"/>\n"
            "    <relationship identifier=\"r3\" source=\"his\" target=\"hea\" "
            "xsi:type=\"Association\"/>\n"
            "    <relationship identifier=\"r4\" source=\"net\" target=\"dga\" "
            "xsi:type=\"Serving\"/>\n"
            "    <relationship identifier=\"r5\" source=\"fin\" target=\"own\" "
            "xsi:type=\"Assignment\"/>\n"
            "    <relationship identifier=\"r6\" source=\"dga\" target=\"two\" "
            "xsi:type=\"Association\"/>\n"
            "    <relationship identifier=\"r7\" source=\"two\" target=\"fin\" "
            "xsi:type=\"Association\"/>\n"
            "  </relationships>\n"
            "  <organizations><item><label>DGA - Digital Government</label>"
            "<item identifierRef=\"own\"/></item></organizations>\n"
            "  <propertyDefinitions><propertyDefinition identifier=\"pd-code\" type=\"string\">"
            "<name>Code</name></propertyDefinition></propertyDefinitions>\n"));
  const auto r = read({path}, folder.path().string() + "/");
  CHECK(r.lines ==
        Lines{"actors.xml:12: warning: system 'two' is associated with 2 BusinessActors; its "
              "agency is 'Digital-Government-Agency', from the first, 'Digital Government  "
              "Agency' (give the element an agency property) [ambiguous-agency]"});
  const auto& inventory = r.inventory;
  const auto agencyOf = [&](const std::string& id) -> const models::Agency& {
    return inventory.agencies[systemNamed(inventory, id).agency];
  };
  CHECK(agencyOf("pay").code == "MOF");  // the actor's code property
  CHECK(agencyOf("pay").name == "Ministry of Finance");
  CHECK(agencyOf("his").code == "MOH");  // a name of the form CODE - Name
  CHECK(agencyOf("his").name == "Ministry of Health");
  CHECK(agencyOf("net").code == "Digital-Government-Agency");  // from the name
  CHECK(agencyOf("net").name == "Digital Government  Agency");
  CHECK(agencyOf("own").code == "DGA");  // a folder comes first
  CHECK(agencyOf("two").code == "Digital-Government-Agency");
}

TEST_CASE("a model whose systems have no agency at all is one error that counts them") {
  const std::string reference = CLOUDPLAN_SOURCE_DIR "/../shared/reference/archimate/";
  const auto r = read({reference + "archi-tools-rb/ArchiMetal V3.xml"}, reference);
  CHECK(r.lines == Lines{"archi-tools-rb/ArchiMetal V3.xml:2: error: none of the model's 53 "
                         "systems (33 ApplicationComponent, 10 Node, 4 SystemSoftware, 3 Device, "
                         "2 ApplicationInterface, 1 CommunicationNetwork) has an agency (give "
                         "each element an agency property, put the elements in folders labelled "
                         "'CODE - Name', relate them to a BusinessActor, or run with "
                         "--default-agency CODE) [missing-agency]"});
  CHECK(r.inventory.systems.size() == 53);

  TempFolder folder;
  const auto path = folder.write(
      "two.xml", model("  <elements>\n"
                       "    <element identifier=\"a\" xsi:type=\"Node\"><name>A</name></element>\n"
                       "    <element identifier=\"b\" xsi:type=\"SystemSoftware\"><name>B</name>"
                       "</element>\n"
                       "    <element identifier=\"c\" xsi:type=\"Node\"><name>C</name></element>\n"
                       "  </elements>\n"));
  CHECK(read({path}, folder.path().string() + "/").lines ==
        Lines{"two.xml:1: error: none of the model's 3 systems (2 Node, 1 SystemSoftware) has an "
              "agency (give each element an agency property, put the elements in folders "
              "labelled 'CODE - Name', relate them to a BusinessActor, or run with "
              "--default-agency CODE) [missing-agency]"});
  CHECK(read({path}, folder.path().string() + "/", "DGA").lines.empty());
}

TEST_CASE("system names come from the model's name elements") {
  const std::string reference = CLOUDPLAN_SOURCE_DIR "/../shared/reference/archimate/";
  const auto r = read({reference + "opengroup-xmlexchange/archisurance.xml"}, reference, "X");
  REQUIRE(r.inventory.systems.size() == 26);
  CHECK(systemNamed(r.inventory, "id-1399").name == "Financial Application");
  CHECK(systemNamed(r.inventory, "id-1393").name == "CRM System");
  for (const auto& system : r.inventory.systems) {
    INFO(system.id);
    CHECK(system.name != system.id);
  }
}
