// Archi's native .archimate files read through readInputs: the reference models with their
// counts, 2.1 names mapped to 3.1, folders as agencies, properties and documentation, views
// skipped, and the files Archi writes that cloudplan cannot read, each with its message.
#include "importers/archimate/archi_model.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/importers/archimate_fixture.h"
#include "tests/temp_folder.h"

using namespace cloudplan;
using Lines = std::vector<std::string>;
using testing::TempFolder;

namespace {

const std::string kReference = CLOUDPLAN_SOURCE_DIR "/../shared/reference/archimate/";
const std::string kData = CLOUDPLAN_SOURCE_DIR "/tests/data/archimate/";

using Result = testing::ArchimateRead;

Result read(const std::vector<std::string>& paths, const std::string& strip,
            const std::string& defaultAgency = "REF") {
  return testing::readArchimate(paths, strip, defaultAgency);
}

using testing::systemNamed;

}  // namespace

TEST_CASE("every Archi reference model is read with its element and relationship counts") {
  struct Expected {
    const char* file;
    uint32_t elements, relationships;
    size_t systems, dependencies;
  };
  const Expected expected[] = {
      {"archi-tests/models/compatibility_test1.archimate", 0, 0, 0, 0},
      {"archi-tests/models/compatibility_test3.archimate", 3, 0, 0, 0},
      {"archi-tests/models/testmodel1.archimate", 2, 1, 0, 0},
      {"archi-tests/xmlexchange/Archisurance.archimate", 122, 177, 26, 17},
      {"archi-tools-rb/archi-v3-viewpoints.archimate", 0, 0, 0, 0},
      {"archi-tools-rb/archisurance.archimate", 120, 178, 26, 17},
      {"archi-tools-rb/base.archimate", 4, 0, 3, 0},
      {"archi-tools-rb/derived-relations-cases.archimate", 8, 9, 5, 3},
      {"archi-tools-rb/diff1.archimate", 4, 0, 3, 0},
      {"archi-tools-rb/duplication.archimate", 10, 2, 4, 0},
      {"archi-tools-rb/everything.archimate", 61, 24, 12, 0},
      {"archi-tools-rb/location.archimate", 3, 2, 3, 2},
      {"archi-tools-rb/merger_1_1.archimate", 4, 0, 3, 0},
      {"archi-tools-rb/merger_1_2.archimate", 5, 1, 2, 0},
      {"archi-tools-rb/merger_1_merged.archimate", 7, 1, 4, 0},
      {"archi-tools-rb/unclean.archimate", 120, 178, 26, 17},
      {"archi-tools-rb/viewpoint_types.archimate", 0, 0, 0, 0},
      {"arktect/archi_v1.3.archimate", 132, 252, 42, 81},
      {"arktect/archi_v5.archimate", 92, 42, 15, 6},
      {"arktect/migration_guide_3_1.archimate", 97, 46, 14, 4},
      {"opengroup-xmlexchange/archisurance.archimate", 120, 178, 26, 17},
  };
  for (const Expected& e : expected) {
    INFO(e.file);
    const auto r = read({kReference + e.file}, kReference);
    CHECK(r.diagnostics.count(models::Severity::error) == 0);
    CHECK(r.report.models == 1);
    CHECK(r.report.elements == e.elements);
    CHECK(r.report.relationships == e.relationships);
    CHECK(r.inventory.systems.size() == e.systems);
    CHECK(r.inventory.dependencies.size() == e.dependencies);
  }
}

TEST_CASE("the native and exchange twins of a model give the same systems and dependencies") {
  const std::pair<const char*, const char*> twins[] = {
      {"archi-tools-rb/archisurance.archimate", "archi-tools-rb/archisurance.xml"},
      {"archi-tools-rb/everything.archimate", "archi-tools-rb/everything.xml"},
      {"archi-tools-rb/location.archimate", "archi-tools-rb/location.xml"},
      {"arktect/archi_v5.archimate", "arktect/aoeff_3_1_archi_5_0_2.xml"},
      {"opengroup-xmlexchange/archisurance.archimate", "opengroup-xmlexchange/archisurance.xml"},
  };
  for (const auto& [native, exchange] : twins) {
    INFO(native);
    const auto a = read({kReference + native}, kReference);
    const auto b = read({kReference + exchange}, kReference);
    CHECK(a.report.systemsByType == b.report.systemsByType);
    CHECK(a.report.dependenciesByRule == b.report.dependenciesByRule);
    CHECK(a.report.elementsNotPlanned == b.report.elementsNotPlanned);
    REQUIRE(a.inventory.systems.size() == b.inventory.systems.size());
    for (size_t s = 0; s < a.inventory.systems.size(); ++s)
      CHECK(a.inventory.systems[s].name == b.inventory.systems[s].name);
  }
}

TEST_CASE("the derived-relations cases give the serving and composition dependencies") {
  const auto r =
      read({kReference + "archi-tools-rb/derived-relations-cases.archimate"}, kReference);
  std::vector<std::string> dependencies;
  for (const auto& d : r.inventory.dependencies) {
    dependencies.push_back(std::string(r.inventory.systems[d.consumer].name) + " -> " +
                           std::string(r.inventory.systems[d.provider].name) + " " +
                           std::string(models::nameOf(d.coupling)));
  }
  CHECK(dependencies == Lines{"B -> A normal", "D -> D API tight", "A -> D API normal"});
}

TEST_CASE("Archi 3 models use ArchiMate 2.1 names, mapped to 3.1") {
  const auto r = read({kReference + "archi-tools-rb/archisurance.archimate"}, kReference);
  CHECK(r.report.systemsByType == std::map<std::string, uint32_t>{{"ApplicationComponent", 10},
                                                                  {"CommunicationNetwork", 3},
                                                                  {"Device", 5},
                                                                  {"Node", 4},
                                                                  {"SystemSoftware", 4}});
  CHECK(r.report.elementsNotPlanned.count("TechnologyService") == 1);  // InfrastructureService
  CHECK(r.report.relationshipsNotPlanned.count("UsedBy") == 0);
  CHECK(r.report.dependenciesByRule.at("serving") == 7);
}

TEST_CASE("folders labelled CODE - Name are agencies, nested ones with their parent") {
  const auto r = read({kData + "agencies.archimate"}, kData, "");
  CHECK(r.lines == Lines{"agencies.archimate:19: error: system 'stray' (ApplicationComponent "
                         "'Stray Application') has no agency (give the element an agency "
                         "property, put it in a folder labelled 'CODE - Name', relate it to a "
                         "BusinessActor, or run with --default-agency CODE) [missing-agency]"});
  const auto& inventory = r.inventory;
  const auto& his = systemNamed(inventory, "his");
  REQUIRE(his.agency != models::kNone);
  const auto& office = inventory.agencies[his.agency];
  CHECK(office.code == "MOH-H");
  CHECK(office.name == "Hospitals Office");
  REQUIRE(office.parent != models::kNone);
  CHECK(inventory.agencies[office.parent].code == "MOH");
  CHECK(inventory.agencies[office.parent].name == "Ministry of Health");
  CHECK(inventory.agencies[systemNamed(inventory, "registry").agency].code == "MOH");
  CHECK(inventory.agencies[systemNamed(inventory, "lan").agency].code == "MOH");
  CHECK(systemNamed(inventory, "stray").agency == models::kNone);
}

TEST_CASE("an Archi element's properties fill the system's fields and the rest are kept") {
  const auto r = read({kData + "agencies.archimate"}, kData, "MOH");
  CHECK(r.lines.empty());
  const auto& his = systemNamed(r.inventory, "his");
  CHECK(his.name == "Hospital Information System");
  CHECK(his.documentation == "Patients, beds and theatres.");
  CHECK(his.strategy == models::Strategy::replatform);
  CHECK(his.criticality == models::Criticality::high);
  CHECK(his.effortDays == 20);  // replatform's default
  const auto properties = r.inventory.propertiesOf(his.properties);
  REQUIRE(properties.size() == 1);
  CHECK(properties[0].key == "vendor");
  CHECK(properties[0].value == "Acme");
  CHECK(systemNamed(r.inventory, "lan").type == models::SystemType::infrastructure);
  CHECK(systemNamed(r.inventory, "gw").type == models::SystemType::infrastructure);
  // Serving (UsedBy), through a service, and an aggregation whose coupling property says loose.
  std::vector<std::string> dependencies;
  for (const auto& d : r.inventory.dependencies) {
    dependencies.push_back(std::string(r.inventory.systems[d.consumer].id) + " -> " +
                           std::string(r.inventory.systems[d.provider].id) + " " +
                           std::string(models::nameOf(d.coupling)) + " " + std::string(d.kind));
  }
  CHECK(dependencies == Lines{"his -> registry normal ", "his -> lan loose ", "his -> gw normal ",
                              "stray -> registry normal service"});
  CHECK(r.report.models == 1);
  CHECK(r.report.elements == 6);
  CHECK(r.report.relationships == 5);
}

TEST_CASE("readArchiModel reads a text into a model, views left out") {
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  const uint32_t file = builder.addFile("m.archimate", models::InputKind::archimate);
  const auto model = importers::readArchiModel(
      builder, file,
      "<archimate:model xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:archimate=\"http://www.archimatetool.com/archimate\" name=\"M\" id=\"m\">\n"
      "  <folder name=\"Apps\" id=\"f\" type=\"application\">\n"
      "    <element xsi:type=\"archimate:ApplicationComponent\" id=\"a\" name=\"A\" "
      "documentation=\"old style\"/>\n"
      "    <element xsi:type=\"archimate:ArchimateDiagramModel\" id=\"v\" name=\"View\"/>\n"
      "    <element xsi:type=\"canvas:CanvasModel\" id=\"c\" name=\"Canvas\"/>\n"
      "    <element xsi:type=\"archimate:SketchModel\" id=\"s\" name=\"Sketch\"/>\n"
      "    <element xsi:type=\"archimate:TriggeringRelationship\" id=\"r\" source=\"a\" "
      "target=\"a\"/>\n  </folder>\n</archimate:model>\n");
  REQUIRE(model);
  CHECK(diagnostics.all().empty());
  CHECK(model->name == "M");
  CHECK(model->views == 3);
  REQUIRE(model->elements.size() == 1);
  CHECK(model->elements[0].documentation == "old style");
  CHECK(model->elements[0].folder == 0);
  CHECK(model->elements[0].where.line == 3);
  REQUIRE(model->relationships.size() == 1);
  CHECK(model->relationships[0].type == "Triggering");
  REQUIRE(model->folders.size() == 1);
  CHECK(model->folders[0].label == "Apps");
}

TEST_CASE("unknown element types are not planned, with one warning per type") {
  const auto r =
      read({kReference + "archi-tests/models/compatibility_test3.archimate"}, kReference);
  const std::string fix =
      "; such elements are not planned (check the type's spelling) [unknown-type]";
  CHECK(r.lines == Lines{"archi-tests/models/compatibility_test3.archimate:7: warning: unknown "
                         "ArchiMate element type 'Bogus1'" +
                             fix,
                         "archi-tests/models/compatibility_test3.archimate:8: warning: unknown "
                         "ArchiMate element type 'Bogus2'" +
                             fix,
                         "archi-tests/models/compatibility_test3.archimate:14: warning: unknown "
                         "ArchiMate element type 'Bogus3'" +
                             fix});
}

TEST_CASE("a model in another namespace is an error naming it") {
  const auto r =
      read({kReference + "archi-tests/models/compatibility_test2.archimate"}, kReference);
  CHECK(r.lines ==
        Lines{"archi-tests/models/compatibility_test2.archimate:2: error: the root element is "
              "'archimate:model' in namespace 'http://www.archimatetool.com/Bogus', which is not "
              "an ArchiMate model that cloudplan reads (an exchange model is <model "
              "xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">, an Archi model "
              "<archimate:model xmlns:archimate=\"http://www.archimatetool.com/archimate\">) "
              "[unknown-format]"});
}

TEST_CASE("a zipped Archi model is an error that says how to unzip it") {
  const auto r = read({kReference + "archi-tests/models/model_zipped.archimate"}, kReference);
  CHECK(r.lines == Lines{"archi-tests/models/model_zipped.archimate:1: error: this is a zip "
                         "archive (Archi zips a model that holds images); unzip it and name the "
                         "model.xml inside (unzip FILE model.xml) [zipped-model]"});
  REQUIRE(r.inventory.files.size() == 1);
  CHECK(r.inventory.files[0].kind == models::InputKind::archimate);
}

TEST_CASE("a folder stands for its .archimate and .xml files too") {
  TempFolder folder;
  folder.write("models/a.archimate",
               "<archimate:model xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xmlns:archimate=\"http://www.archimatetool.com/archimate\" name=\"A\" id=\"a\">\n"
               "  <folder name=\"X - Agency X\" id=\"f\">\n"
               "    <element xsi:type=\"archimate:Node\" id=\"n1\" name=\"Host\"/>\n"
               "  </folder>\n</archimate:model>\n");
  folder.write("models/b.XML",
               "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n"
               "  <name>B</name>\n  <elements><element identifier=\"n2\" xsi:type=\"Device\">"
               "<name>HSM</name></element></elements>\n</model>\n");
  folder.write("models/notes.txt", "not read\n");
  const auto r = read({folder / "models"}, folder.path().string() + "/");
  CHECK(r.lines.empty());
  CHECK(r.inventory.files.size() == 2);
  CHECK(r.inventory.systems.size() == 2);
  CHECK(r.report.models == 2);
}
