// Archi's CSV export read through readInputs: the three files of an export found from any of them
// or from their folder, the reference exports with their counts, delimiters, byte-order marks and
// comments, and the errors of a broken export.
#include "importers/archimate/archi_csv.h"

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

Lines relativeFiles(const models::Inventory& inventory, const std::string& strip) {
  Lines files;
  for (const auto& file : inventory.files)
    files.push_back(file.path.substr(file.path.find(strip) == 0 ? strip.size() : 0));
  return files;
}

}  // namespace

TEST_CASE("any file of an export brings the two others beside it") {
  for (const char* given :
       {"archisurance-elements.csv", "archisurance-relations.csv", "archisurance-properties.csv"}) {
    INFO(given);
    const std::string folder = kReference + "archi-tools-rb/";
    const auto r = read({folder + given}, folder);
    CHECK(r.lines.empty());
    CHECK(r.report.models == 1);
    CHECK(r.report.elements == 120);
    CHECK(r.report.relationships == 178);
    CHECK(r.inventory.systems.size() == 26);
    CHECK(r.inventory.dependencies.size() == 17);
    CHECK(r.inventory.files.size() == 3);
    for (const auto& file : r.inventory.files)
      CHECK(file.kind == models::InputKind::archiCsv);
  }
}

TEST_CASE("an export named file by file, or by its folder, is read once") {
  const std::string folder = kData;
  const auto named = read({folder + "semicolon-relations.csv", folder + "semicolon-elements.csv",
                           folder + "semicolon-properties.csv"},
                          folder);
  CHECK(named.lines.empty());
  CHECK(relativeFiles(named.inventory, folder) ==
        Lines{"semicolon-relations.csv", "semicolon-elements.csv", "semicolon-properties.csv"});
  CHECK(named.report.models == 1);
  TempFolder temp;
  temp.write("export/my-elements.csv",
             "\"ID\",\"Type\",\"Name\",\"Documentation\"\n\"a\",\"Node\",\"Host\",\"\"\n");
  temp.write("export/my-properties.csv", "\"ID\",\"Key\",\"Value\"\n\"a\",\"agency\",\"MOD\"\n");
  const auto r = read({temp / "export"}, temp.path().string() + "/", "");
  CHECK(r.lines.empty());
  CHECK(relativeFiles(r.inventory, temp.path().string() + "/") ==
        Lines{"export/my-elements.csv", "export/my-properties.csv"});
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.agencies[r.inventory.systems[0].agency].code == "MOD");
}

TEST_CASE("the archisurance export and its Archi model give the same inventory") {
  const auto csv = read({kReference + "archi-tools-rb/archisurance-elements.csv"}, kReference);
  const auto model = read({kReference + "archi-tools-rb/archisurance.archimate"}, kReference);
  REQUIRE(csv.inventory.systems.size() == model.inventory.systems.size());
  for (size_t s = 0; s < csv.inventory.systems.size(); ++s) {
    CHECK(csv.inventory.systems[s].id == model.inventory.systems[s].id);
    CHECK(csv.inventory.systems[s].name == model.inventory.systems[s].name);
    CHECK(csv.inventory.systems[s].type == model.inventory.systems[s].type);
  }
  REQUIRE(csv.inventory.dependencies.size() == model.inventory.dependencies.size());
  for (size_t d = 0; d < csv.inventory.dependencies.size(); ++d) {
    CHECK(csv.inventory.dependencies[d].consumer == model.inventory.dependencies[d].consumer);
    CHECK(csv.inventory.dependencies[d].provider == model.inventory.dependencies[d].provider);
  }
  CHECK(csv.report.elementsNotPlanned == model.report.elementsNotPlanned);
  CHECK(csv.report.relationshipsNotPlanned == model.report.relationshipsNotPlanned);
}

TEST_CASE("the reference exports of Archi's own tests are read with their counts") {
  struct Expected {
    const char* file;
    uint32_t elements, relationships;
    size_t files;
  };
  const Expected expected[] = {
      {"test1-elements.csv", 3, 2, 3}, {"test2-elements.csv", 3, 2, 3},
      {"test3-elements.csv", 5, 1, 2}, {"test4-elements.csv", 4, 2, 2},
      {"test5-elements.csv", 2, 0, 1},
  };
  for (const Expected& e : expected) {
    INFO(e.file);
    const auto r = read({kReference + "archi-tests/csv/" + e.file}, kReference);
    CHECK(r.lines.empty());
    CHECK(r.report.elements == e.elements);
    CHECK(r.report.relationships == e.relationships);
    CHECK(r.inventory.files.size() == e.files);
    CHECK(r.inventory.systems.empty());
  }
}

TEST_CASE("quoted cells keep their line breaks and quotes, and the model row is the model") {
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  const uint32_t elements = builder.addFile("e.csv", models::InputKind::unknown);
  const uint32_t properties = builder.addFile("p.csv", models::InputKind::unknown);
  const auto model = importers::readArchiCsv(
      builder,
      {{elements,
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n"
        "\"m\",\"ArchimateModel\",\"My Model\",\"\",\"\"\r\n"
        "\"a\",\"ApplicationComponent\",\"App\",\"Line one\r\nsays \"\"hi\"\"\",\"Web\"\r\n"},
       {properties,
        "\"ID\",\"Key\",\"Value\"\r\n\"a\",\"owner\",\"Ann\"\r\n"
        "\"m\",\"purpose\",\"test\"\r\n"}});
  CHECK(diagnostics.all().empty());
  CHECK(model.name == "My Model");
  REQUIRE(model.elements.size() == 1);
  CHECK(model.elements[0].documentation == "Line one\r\nsays \"hi\"");
  CHECK(model.elements[0].where.line == 3);
  const auto kept = model.propertiesOf(model.elements[0]);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].key == "Specialization");
  CHECK(kept[0].value == "Web");
  CHECK(kept[1].key == "owner");
}

TEST_CASE("semicolons and tabs separate cells too, with or without a byte-order mark") {
  const auto semicolons = read({kData + "semicolon-elements.csv"}, kData);
  CHECK(semicolons.lines.empty());
  REQUIRE(semicolons.inventory.systems.size() == 3);
  const auto& licensing = semicolons.inventory.systems[0];
  CHECK(licensing.name == "Licensing");
  CHECK(licensing.documentation == "Issues licences; renews them");
  CHECK(licensing.effortDays == 12.5);
  CHECK(semicolons.inventory.agencies[licensing.agency].code == "MOI");
  std::vector<std::string> dependencies;
  for (const auto& d : semicolons.inventory.dependencies) {
    dependencies.push_back(std::string(semicolons.inventory.systems[d.consumer].id) + " -> " +
                           std::string(semicolons.inventory.systems[d.provider].id) + " " +
                           std::string(d.kind));
  }
  // r2 (the service serving e4) carries kind api, but the rules read it on the direct path
  // only: the derived dependency keeps "service".
  CHECK(dependencies == Lines{"e1 -> e2 hosting", "e4 -> e1 service"});

  const auto tabs = read({kData + "tabbed-elements.csv"}, kData);
  CHECK(tabs.lines.empty());
  REQUIRE(tabs.inventory.systems.size() == 2);
  CHECK(tabs.inventory.systems[0].documentation == "A \"quoted\" word");
  CHECK(tabs.inventory.systems[1].type == models::SystemType::platform);
  REQUIRE(tabs.inventory.dependencies.size() == 1);
  CHECK(tabs.inventory.dependencies[0].kind == "hosting");
}

TEST_CASE("a relations file without its elements file has only unknown ends") {
  const auto r = read({kReference + "archi-tests/csv/test6-relations.csv"}, kReference);
  const std::string file = "archi-tests/csv/test6-relations.csv";
  const std::string fix =
      ", which is not an element of the model; the relationship is skipped (fix the reference, "
      "or remove the relationship) [unknown-reference]";
  CHECK(r.lines == Lines{file + ":2: error: relationship 'r1' has source 'e1'" + fix,
                         file + ":2: error: relationship 'r1' has target 'e3'" + fix,
                         file +
                             ":3: error: duplicate identifier 'r1'; the relationship is "
                             "skipped (first defined at " +
                             file + ":2) [duplicate-id]",
                         file +
                             ":4: error: duplicate identifier 'r1'; the relationship is "
                             "skipped (first defined at " +
                             file + ":2) [duplicate-id]"});
  CHECK(r.report.relationships == 3);
}

TEST_CASE("an export file with a missing column is an error and is not read") {
  TempFolder folder;
  const auto elements =
      folder.write("x-elements.csv",
                   "\"ID\",\"Type\",\"Name\",\"Documentation\"\n\"a\",\"Node\",\"Host\",\"\"\n");
  folder.write("x-relations.csv",
               "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\"\n\"r\",\"Serving\",\"\","
               "\"\",\"a\"\n");
  folder.write("x-properties.csv", "\"ID\",\"Key\"\n\"a\",\"agency\"\n");
  const auto r = read({elements}, folder.path().string() + "/");
  CHECK(r.lines ==
        Lines{"x-properties.csv:1: error: missing required column 'Value' in an Archi properties "
              "file; the file is not read (add the column to the header) [missing-column]",
              "x-relations.csv:1: error: missing required column 'Target' in an Archi relations "
              "file; the file is not read (add the column to the header) [missing-column]"});
  CHECK(r.inventory.systems.size() == 1);
  CHECK(r.inventory.dependencies.empty());
}

TEST_CASE("a property of an identifier the export does not hold is a warning") {
  TempFolder folder;
  const auto elements = folder.write(
      "elements.csv", "\"ID\",\"Type\",\"Name\",\"Documentation\"\n\"a\",\"Node\",\"Host\",\"\"\n");
  folder.write("properties.csv", "\"ID\",\"Key\",\"Value\"\n\"b\",\"agency\",\"MOD\"\n");
  const auto r = read({elements}, folder.path().string() + "/");
  CHECK(r.lines == Lines{"properties.csv:2: warning: a property of 'b', which is no element or "
                         "relation of the export; the row is skipped (fix the ID) "
                         "[unknown-reference]"});
}

TEST_CASE("an export's header is recognised with any delimiter, and nothing else is") {
  using importers::ArchiCsvKind;
  const auto kind = [](std::string_view text) {
    const auto layout = importers::archiCsvLayoutOf(text);
    return layout ? std::optional(layout->kind) : std::nullopt;
  };
  CHECK(kind("\"ID\",\"Type\",\"Name\",\"Documentation\"\n") == ArchiCsvKind::elements);
  CHECK(kind("# note\nID;Type;Name;Documentation;Source;Target\n") == ArchiCsvKind::relations);
  CHECK(kind("ID\tKey\tValue\n") == ArchiCsvKind::properties);
  CHECK(importers::archiCsvLayoutOf("ID;Key;Value\n")->delimiter == ';');
  CHECK(!kind("id,name,agency\n"));
  CHECK(!kind("ID,Type,Name,Agency\n"));  // a systems file: no Documentation column
  CHECK(!kind("IDENT,Type\n"));
  CHECK(!kind(""));
}

TEST_CASE("a file named like a part of the export that is not one is an error") {
  TempFolder folder;
  const auto elements =
      folder.write("x-elements.csv",
                   "\"ID\",\"Type\",\"Name\",\"Documentation\"\n\"a\",\"Node\",\"Host\",\"\"\n");
  folder.write("x-relations.csv", "id,name,agency\nA,a,X\n");
  const auto r = read({elements}, folder.path().string() + "/");
  CHECK(r.lines == Lines{"x-relations.csv:1: error: this is not a file of an Archi CSV export, "
                         "though named like one (Archi's files start with the header "
                         "\"ID\",\"Type\",\"Name\",\"Documentation\" or \"ID\",\"Key\",\"Value\"; "
                         "rename or remove the file) [unknown-file-kind]"});
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("a workbook saved as .csv is a zip archive, not text") {
  TempFolder folder;
  const auto r = read({folder.write("systems.csv", std::string("PK\x03\x04\x14\0\0\0", 8))},
                      folder.path().string() + "/");
  CHECK(r.lines == Lines{"systems.csv:1: error: this is a zip archive, not a text file (a "
                         "spreadsheet workbook? save it as CSV UTF-8; an Archi model with "
                         "images? unzip it and name the model.xml inside) [zipped-model]"});
  CHECK(r.inventory.files[0].kind == models::InputKind::unknown);
}

TEST_CASE("every reference csv file is read when named alone") {
  struct Expected {
    const char* file;
    size_t errors;  // relations files without elements files: their ends are unknown
  };
  const Expected expected[] = {
      {"archi-tests/csv/test1-elements.csv", 0},
      {"archi-tests/csv/test1-properties.csv", 0},
      {"archi-tests/csv/test1-relations.csv", 0},
      {"archi-tests/csv/test2-elements.csv", 0},
      {"archi-tests/csv/test2-properties.csv", 0},
      {"archi-tests/csv/test2-relations.csv", 0},
      {"archi-tests/csv/test3-elements.csv", 0},
      {"archi-tests/csv/test3-relations.csv", 0},
      {"archi-tests/csv/test4-elements.csv", 0},
      {"archi-tests/csv/test4-relations.csv", 0},
      {"archi-tests/csv/test4a-relations.csv", 4},
      {"archi-tests/csv/test5-elements.csv", 0},
      {"archi-tests/csv/test6-relations.csv", 4},
      {"archi-tools-rb/archisurance-elements.csv", 0},
      {"archi-tools-rb/archisurance-relations.csv", 0},
      {"archi-tools-rb/archisurance-properties.csv", 0},
  };
  for (const Expected& e : expected) {
    INFO(e.file);
    const auto r = read({kReference + e.file}, kReference);
    CHECK(r.diagnostics.count(models::Severity::error) == e.errors);
    CHECK(r.report.models == 1);
  }
}
