// The inventory CSV format (spec/inventory-csv.md), read through readInputs from files written to
// a temporary folder. Every message is checked as `file:line: severity: message [code]`, the way
// `cloudplan validate` prints it (plus the code), with the folder left out of the path.
#include "importers/csv/inventory_csv.h"

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "importers/read_inputs.h"
#include "tests/temp_folder.h"

namespace fs = std::filesystem;
using namespace cloudplan;
using models::Coupling;
using models::Criticality;
using models::InputKind;
using models::Strategy;
using models::SystemType;
using Lines = std::vector<std::string>;

namespace {

using testing::TempFolder;

struct Result {
  models::Inventory inventory;
  models::Diagnostics diagnostics;
  Lines lines;  // sorted, as the cli prints them, with the code appended, paths relative
};

Result readFiles(const TempFolder& folder, const std::vector<std::string>& paths,
                 const importers::ReadOptions& options = {}) {
  Result result;
  result.inventory = importers::readInputs(paths, options, result.diagnostics);
  result.diagnostics.sort();
  const std::string prefix = folder.path().string() + "/";
  for (const models::Diagnostic& d : result.diagnostics.all()) {
    std::string line = d.file;
    if (d.line > 0) line += ":" + std::to_string(d.line);
    line += ": " + std::string(models::nameOf(d.severity)) + ": " + d.message + " [" + d.code + "]";
    // Paths are relative to the folder, also where a message names another place.
    for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at))
      line.erase(at, prefix.size());
    result.lines.push_back(line);
  }
  return result;
}

// Writes name/content pairs into a fresh folder and reads them, in this order.
Result readTexts(const std::vector<std::pair<std::string, std::string>>& files,
                 const importers::ReadOptions& options = {}) {
  TempFolder folder;
  std::vector<std::string> paths;
  for (const auto& [name, content] : files)
    paths.push_back(folder.write(name, content));
  return readFiles(folder, paths, options);
}

Result readSystems(const std::string& content) {
  return readTexts({{"systems.csv", content}});
}

const std::string kSystemsHeader = "id,name,agency\n";

std::vector<std::pair<std::string, std::string>> propertiesOf(const models::Inventory& inventory,
                                                              models::PropertyRange range) {
  std::vector<std::pair<std::string, std::string>> result;
  for (const auto& p : inventory.propertiesOf(range))
    result.emplace_back(p.key, p.value);
  return result;
}

struct Edge {
  std::string consumer, provider;
  Coupling coupling;
  uint32_t line;
  bool operator==(const Edge&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Edge& e) {
  return out << e.consumer << " -> " << e.provider << " " << models::nameOf(e.coupling) << " @"
             << e.line;
}

std::vector<Edge> edgesOf(const models::Inventory& inventory) {
  std::vector<Edge> edges;
  for (const auto& d : inventory.dependencies) {
    edges.push_back({std::string(inventory.systems[d.consumer].id),
                     std::string(inventory.systems[d.provider].id), d.coupling, d.where.line});
  }
  return edges;
}

}  // namespace

// ---- reading a systems file ---------------------------------------------------------------

TEST_CASE("a systems row is read with every column of the format") {
  const auto r = readSystems(
      "id,name,agency,type,strategy,criticality,effort_days,target,pinned_wave,not_before,"
      "depends_on,move_with\n"
      "MOF/db,Payroll database,MOF,database,rehost,high,,gov-cloud,,,,\n"
      "MOF/payroll,Payroll,MOF,platform,replatform,low,7.5,sovereign,3,2027-03-01,,MOF/db\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 2);
  const models::System& s = r.inventory.systems[1];
  CHECK(s.id == "MOF/payroll");
  CHECK(s.name == "Payroll");
  CHECK(r.inventory.agencies[s.agency].code == "MOF");
  CHECK(s.type == SystemType::platform);
  CHECK(s.strategy == Strategy::replatform);
  CHECK(s.criticality == Criticality::low);
  CHECK(s.effortDays == 7.5);
  CHECK(s.target == "sovereign");
  CHECK(s.pinnedWave == 3);
  CHECK(s.notBefore == models::dateFromCivil(2027, 3, 1));
  CHECK(s.where.line == 3);
  CHECK(r.inventory.describe(s.where).ends_with("/systems.csv:3"));
  REQUIRE(r.inventory.files.size() == 1);
  CHECK(r.inventory.files[0].kind == InputKind::systems);
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"MOF/payroll", "MOF/db", Coupling::tight, 3}});
}

TEST_CASE("optional systems columns take their defaults when empty or absent") {
  const auto r = readSystems(kSystemsHeader + "A,Alpha,X\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  const models::System& s = r.inventory.systems[0];
  CHECK(s.type == SystemType::application);
  CHECK(s.strategy == Strategy::rehost);
  CHECK(s.criticality == Criticality::medium);
  CHECK(s.effortDays == 10);
  CHECK(s.target.empty());
  CHECK(s.pinnedWave == 0);
  CHECK_FALSE(s.notBefore);
}

TEST_CASE("effort_days defaults by strategy") {
  const auto r = readSystems(
      "id,name,agency,strategy,effort_days\n"
      "A,a,X,rehost,\nB,b,X,replatform,\nC,c,X,refactor,\nD,d,X,repurchase,\n"
      "E,e,X,relocate,\nF,f,X,retire,\nG,g,X,retain,\nH,h,X,retain,4\n");
  CHECK(r.lines.empty());
  std::vector<double> effort;
  for (const auto& s : r.inventory.systems)
    effort.push_back(s.effortDays);
  CHECK(effort == std::vector<double>{10, 20, 60, 30, 5, 2, 0, 4});
}

TEST_CASE("vocabulary values are read whatever their letter case") {
  const auto r =
      readSystems("id,name,agency,type,strategy,criticality\nA,a,X,Database,RETIRE,High\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].type == SystemType::database);
  CHECK(r.inventory.systems[0].strategy == Strategy::retire);
  CHECK(r.inventory.systems[0].criticality == Criticality::high);
}

TEST_CASE("effort_days accepts whole and decimal numbers") {
  const auto r = readSystems("id,name,agency,effort_days\nA,a,X,0\nB,b,X,12\nC,c,X,0.25\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[0].effortDays == 0);
  CHECK(r.inventory.systems[1].effortDays == 12);
  CHECK(r.inventory.systems[2].effortDays == 0.25);
}

TEST_CASE("ids may hold letters digits and the characters - _ . : /") {
  const auto r = readSystems(kSystemsHeader + "MOF-TAX/e_filing.v2:prod,a,X\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].id == "MOF-TAX/e_filing.v2:prod");
}

// ---- CSV syntax ---------------------------------------------------------------------------

TEST_CASE("a quoted cell may hold commas") {
  const auto r = readSystems(kSystemsHeader + "A,\"Salaries, deductions, tax\",X\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "Salaries, deductions, tax");
}

TEST_CASE("a quote in a quoted cell is written twice") {
  const auto r = readSystems(kSystemsHeader + "A,\"The \"\"new\"\" portal\",X\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "The \"new\" portal");
}

TEST_CASE("a quoted line break keeps the row's line and the next row's line is right") {
  const auto r = readSystems(kSystemsHeader +
                             "A,\"First line\nsecond line\nthird line\",X\n"
                             "B,b,X,too,many\n");
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "First line\nsecond line\nthird line");
  CHECK(r.inventory.systems[0].where.line == 2);
  CHECK(r.lines == Lines{"systems.csv:5: error: 5 cells, but the header has 3 columns; the row "
                         "is skipped (quote a cell that holds a comma) [too-many-cells]"});
}

TEST_CASE("a byte-order mark before the header is ignored") {
  const auto r = readSystems("\xEF\xBB\xBF" + kSystemsHeader + "A,a,X\n");
  CHECK(r.lines.empty());
  CHECK(r.inventory.files[0].kind == InputKind::systems);
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("an inventory file with CRLF line ends is read like one with LF") {
  const auto r =
      readSystems("id,name,agency,depends_on\r\nA,\"a\r\nb\",X,\r\nB,b,X,A\r\nC,c,X,Q\r\n");
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[0].name == "a\r\nb");
  CHECK(r.inventory.systems[1].agency == r.inventory.systems[0].agency);
  CHECK(r.inventory.agencies.size() == 1);
  CHECK(r.inventory.agencies[0].code == "X");
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, 4}});
  CHECK(r.lines == Lines{"systems.csv:5: error: unknown system 'Q' in depends_on (did you mean "
                         "'A'?) [unknown-system]"});
}

TEST_CASE("blank lines are ignored and still counted") {
  const auto r = readSystems("\n\n" + kSystemsHeader + "\nA,a,X\n   \n,,\nB,b,X,extra\n\n");
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].where.line == 5);
  CHECK(r.lines == Lines{"systems.csv:8: error: 4 cells, but the header has 3 columns; the row "
                         "is skipped (quote a cell that holds a comma) [too-many-cells]"});
}

TEST_CASE("cells are trimmed") {
  const auto r = readSystems(
      "id,name,agency,type,effort_days,owner\n"
      "  A  ,\t Alpha one \t, X ,  database , 12 ,\" Ana \"\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  const auto& s = r.inventory.systems[0];
  CHECK(s.id == "A");
  CHECK(s.name == "Alpha one");
  CHECK(r.inventory.agencies[s.agency].code == "X");
  CHECK(s.type == SystemType::database);
  CHECK(s.effortDays == 12);
  CHECK(propertiesOf(r.inventory, s.properties) ==
        std::vector<std::pair<std::string, std::string>>{{"owner", "Ana"}});
}

// ---- headers ------------------------------------------------------------------------------

TEST_CASE("a file's kind is told by its header") {
  const auto r = readTexts({{"1.csv", "code,name\nX,Agency X\n"},
                            {"2.csv", "from,to\nB,A\n"},
                            {"3.csv", "name,id,agency\nAlpha,A,X\nBeta,B,X\n"}});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.files.size() == 3);
  CHECK(r.inventory.files[0].kind == InputKind::agencies);
  CHECK(r.inventory.files[1].kind == InputKind::dependencies);
  CHECK(r.inventory.files[2].kind == InputKind::systems);
  CHECK(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[0].name == "Alpha");
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, 2}});
}

TEST_CASE("a header with id and name is a systems file even with code from and to") {
  const auto r = readSystems("id,name,agency,code,from,to\nA,a,X,c,f,t\n");
  CHECK(r.lines.empty());
  CHECK(r.inventory.files[0].kind == InputKind::systems);
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.dependencies.empty());
  CHECK(
      propertiesOf(r.inventory, r.inventory.systems[0].properties) ==
      std::vector<std::pair<std::string, std::string>>{{"code", "c"}, {"from", "f"}, {"to", "t"}});
}

TEST_CASE("column names are matched ignoring case and surrounding blanks") {
  const auto r = readTexts({{"a.csv", " CODE , Name ,PARENT \nX,Agency X,\nY,Agency Y, x \n"},
                            {"s.csv",
                             " Id ,NAME,  Agency\t,Depends_On , MOVE_WITH\n"
                             "A,a,X,,\nB,b,Y,A,\n"}});
  CHECK(r.lines == Lines{"a.csv:3: error: unknown parent agency 'x' of 'Y' (did you mean 'X'?) "
                         "[unknown-agency]"});
  CHECK(r.inventory.systems.size() == 2);
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, 3}});
}

TEST_CASE("the kind of a header line is told without reading the file") {
  using importers::csvKindOf;
  CHECK(csvKindOf("id,name,agency") == InputKind::systems);
  CHECK(csvKindOf(" ID , NAME ") == InputKind::systems);
  CHECK(csvKindOf("from,to,coupling") == InputKind::dependencies);
  CHECK(csvKindOf("code,name,parent") == InputKind::agencies);
  CHECK(csvKindOf("\"ID\",\"Type\",\"Name\",\"Documentation\"") == InputKind::archiCsv);
  CHECK(csvKindOf("\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\"") ==
        InputKind::archiCsv);
  CHECK(csvKindOf("\"ID\",\"Key\",\"Value\"") == InputKind::archiCsv);
  CHECK(csvKindOf("code,name,id") == InputKind::systems);
  CHECK(csvKindOf("code,title") == InputKind::unknown);
  CHECK(csvKindOf("") == InputKind::unknown);
}

TEST_CASE("a header of another kind of file is an error and the file is skipped") {
  const auto r = readSystems("system,title,owner\nA,a,X\n");
  CHECK(r.lines ==
        Lines{"systems.csv:1: error: cannot tell the kind of file from its header (a systems "
              "file needs columns id and name; a dependencies file from and to; an agencies file "
              "code and name) [unknown-file-kind]"});
  CHECK(r.inventory.files[0].kind == InputKind::unknown);
  CHECK(r.inventory.systems.empty());
}

TEST_CASE(
    "a header with as many commas as semicolons is read at the separator that names columns") {
  // `id;name;agency;notes,a,b,c`: the comma won the tie and the file was an unknown kind.
  const auto r = readSystems("id;name;agency;notes,a,b,c\nA/x;X;A;one,two\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].id == "A/x");
  CHECK(importers::csvKindOf("id;name;agency;notes,a,b,c") == InputKind::systems);
}

TEST_CASE("the header is the first line that is not blank") {
  const auto r = readSystems("\n\nsystem,title\nA,a\n");
  CHECK(r.lines ==
        Lines{"systems.csv:3: error: cannot tell the kind of file from its header (a systems "
              "file needs columns id and name; a dependencies file from and to; an agencies file "
              "code and name) [unknown-file-kind]"});
}

TEST_CASE("an Archi CSV export is read as an ArchiMate model, not as an inventory") {
  const auto r = readTexts(
      {{"elements.csv",
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\n"
        "\"id-1\",\"ApplicationComponent\",\"Payroll\",\"\",\"\"\n"},
       {"relations.csv",
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\n"},
       {"properties.csv", "\"ID\",\"Key\",\"Value\"\n\"id-1\",\"agency\",\"MOF\"\n"}});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "Payroll");
  CHECK(r.inventory.agencies[r.inventory.systems[0].agency].code == "MOF");
}

TEST_CASE("an XML file among CSV files is read as an ArchiMate model") {
  const auto r = readTexts(
      {{"model.csv",
        "\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<model xmlns=\"http://www.opengroup.org/"
        "xsd/archimate/3.0/\">\n</model>\n"}});
  CHECK(r.lines.empty());
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("a missing required column is an error and the file is skipped") {
  const auto missing = readTexts({{"a.csv", "code,title\n"},
                                  {"b.csv", "name,code\n"},
                                  {"d.csv", "from,to2\n"},
                                  {"e.csv", "id,name,to,from\n"},
                                  {"s.csv", "id,name,type\nA,a,database\n"}});
  CHECK(missing.lines ==
        Lines{"a.csv:1: error: cannot tell the kind of file from its header (a systems file "
              "needs columns id and name; a dependencies file from and to; an agencies file code "
              "and name) [unknown-file-kind]",
              "d.csv:1: error: cannot tell the kind of file from its header (a systems file "
              "needs columns id and name; a dependencies file from and to; an agencies file code "
              "and name) [unknown-file-kind]",
              "e.csv:1: error: missing required column 'agency' in a systems file (add it to the "
              "header) [missing-column]",
              "s.csv:1: error: missing required column 'agency' in a systems file (add it to the "
              "header) [missing-column]"});
  CHECK(missing.inventory.systems.empty());
}

TEST_CASE("every missing required column is reported") {
  const auto r = readTexts({{"s.csv", "name,id\nA,a\n"}, {"d.csv", "to,from,agency\n"}});
  CHECK(r.lines == Lines{"s.csv:1: error: missing required column 'agency' in a systems file "
                         "(add it to the header) [missing-column]"});
  // A dependencies file needs only from and to, and an agencies file only code and name: the
  // columns that make its kind. So only a systems file can miss a required column.
  CHECK(r.inventory.files[1].kind == InputKind::dependencies);
}

TEST_CASE("a column that appears twice is an error and the file is skipped") {
  const auto r = readTexts({{"s.csv", "id,name,agency,Name,owner, OWNER\nA,a,X,b,c,d\n"}});
  CHECK(r.lines == Lines{"s.csv:1: error: column 'name' appears twice (keep one) "
                         "[duplicate-column]",
                         "s.csv:1: error: column 'OWNER' appears twice (keep one) "
                         "[duplicate-column]"});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("a file with no rows but a header is fine") {
  const auto r = readTexts({{"s.csv", kSystemsHeader}, {"d.csv", "from,to\n"}});
  CHECK(r.lines.empty());
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("an empty file or one of blank lines only is an error") {
  const auto r = readTexts({{"a.csv", ""}, {"b.csv", "\n\n  \n,,,\n"}, {"c.csv", "\xEF\xBB\xBF"}});
  CHECK(r.lines == Lines{"a.csv:1: error: the file is empty (a CSV file starts with a header "
                         "row) [empty-file]",
                         "b.csv:1: error: the file is empty (a CSV file starts with a header "
                         "row) [empty-file]",
                         "c.csv:1: error: the file is empty (a CSV file starts with a header "
                         "row) [empty-file]"});
}

// ---- extra columns ------------------------------------------------------------------------

TEST_CASE("extra columns are kept as properties in their order without empty values") {
  const auto r = readTexts(
      {{"a.csv", "code,name,cio_name,parent,website\nX,Agency X,Ana,,https://x.example\n"},
       {"d.csv", "protocol,from,to,notes\nHL7,B,A,\n"},
       {"s.csv", "os,id,name,agency,Vendor,notes\nlinux,A,a,X,,old\n,B,b,X,,\nwin,C,c,X,Acme,\n"}});
  CHECK(r.lines.empty());
  using Properties = std::vector<std::pair<std::string, std::string>>;
  const auto& inv = r.inventory;
  REQUIRE(inv.systems.size() == 3);
  CHECK(propertiesOf(inv, inv.systems[0].properties) ==
        Properties{{"os", "linux"}, {"notes", "old"}});
  CHECK(propertiesOf(inv, inv.systems[1].properties).empty());
  CHECK(propertiesOf(inv, inv.systems[2].properties) ==
        Properties{{"os", "win"}, {"Vendor", "Acme"}});
  REQUIRE(inv.dependencies.size() == 1);
  CHECK(propertiesOf(inv, inv.dependencies[0].properties) == Properties{{"protocol", "HL7"}});
  const auto x = inv.findAgency("X");
  REQUIRE(x);
  CHECK(propertiesOf(inv, inv.agencies[*x].properties) ==
        Properties{{"cio_name", "Ana"}, {"website", "https://x.example"}});
}

TEST_CASE("an apostrophe before = + - @ is a spreadsheet's text marker and is not read") {
  // In a spreadsheet, a typed '=x is the text =x; cloudplan's CSV outputs write such text so.
  // ''=x is the text '=x. Ids and codes are read as they are (a formula start is refused).
  const auto r = readTexts(
      {{"a.csv", "code,name,'-note\nX,'@Agency,'+1\n"},
       {"d.csv", "from,to,kind,description,'=tag\nB,A,'-api,\"'=sync, nightly\",'x\n"},
       {"s.csv", "id,name,agency,target,'plain\nA,'=SUM(A1),X,''-zone,'\nB,'b,X,'',''@x\n"}});
  CHECK(r.lines.empty());
  using Properties = std::vector<std::pair<std::string, std::string>>;
  const auto& inv = r.inventory;
  REQUIRE(inv.systems.size() == 2);
  CHECK(inv.systems[0].name == "=SUM(A1)");
  CHECK(inv.systems[0].target == "'-zone");
  CHECK(propertiesOf(inv, inv.systems[0].properties) == Properties{{"'plain", "'"}});
  CHECK(inv.systems[1].name == "'b");
  CHECK(inv.systems[1].target == "''");
  CHECK(propertiesOf(inv, inv.systems[1].properties) == Properties{{"'plain", "'@x"}});
  REQUIRE(inv.dependencies.size() == 1);
  CHECK(inv.dependencies[0].kind == "-api");
  CHECK(inv.dependencies[0].description == "=sync, nightly");
  CHECK(propertiesOf(inv, inv.dependencies[0].properties) == Properties{{"=tag", "'x"}});
  const auto& x = inv.agencies[*inv.findAgency("X")];
  CHECK(x.name == "@Agency");
  CHECK(propertiesOf(inv, x.properties) == Properties{{"-note", "+1"}});
}

TEST_CASE("a column named twice but for a spreadsheet's text marker appears twice") {
  const auto r = readSystems("id,name,agency,=x,'=X\nA,a,M,1,2\n");
  CHECK(r.lines == Lines{"systems.csv:1: error: column '=X' appears twice (keep one) "
                         "[duplicate-column]"});
}

TEST_CASE("values under a column without a name are ignored with one warning per file") {
  const auto r = readSystems("id,name,,agency\nA,a,,X\nB,b,lost,X\nC,c,lost too,X\n");
  CHECK(r.lines == Lines{"systems.csv:3: warning: column 3 has no name in the header; its "
                         "values, such as 'lost', are ignored (name the column to keep them) "
                         "[unnamed-column]"});
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[2].properties.count == 0);
  CHECK(r.inventory.agencies[r.inventory.systems[2].agency].code == "X");
}

// ---- dependency lists ---------------------------------------------------------------------

TEST_CASE("depends_on and move_with list ids separated by semicolons") {
  const auto r = readSystems(
      "id,name,agency,depends_on,move_with\n"
      "A,a,X,,\nB,b,X,,\nC,c,X,,\n"
      "D,d,X, A ; B;;C ; ,\" E ;\"\n"
      "E,e,X,;, C\n");
  CHECK(r.lines.empty());
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"D", "A", Coupling::normal, 5},
                                                  {"D", "B", Coupling::normal, 5},
                                                  {"D", "C", Coupling::normal, 5},
                                                  {"D", "E", Coupling::tight, 5},
                                                  {"E", "C", Coupling::tight, 6}});
}

TEST_CASE("a dependencies file gives coupling kind and description") {
  const auto r = readTexts(
      {{"d.csv",
        "from,to,coupling,kind,description\nB,A,tight,data,\"Nightly, full\"\nC,A,loose,,\n"
        "C,B,,api,\n"},
       {"s.csv", kSystemsHeader + "A,a,X\nB,b,X\nC,c,X\n"}});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.dependencies.size() == 3);
  const auto& d = r.inventory.dependencies;
  CHECK(d[0].coupling == Coupling::tight);
  CHECK(d[0].kind == "data");
  CHECK(d[0].description == "Nightly, full");
  CHECK(d[1].coupling == Coupling::loose);
  CHECK(d[2].coupling == Coupling::normal);
  CHECK(d[2].kind == "api");
  CHECK(r.inventory.describe(d[2].where).ends_with("/d.csv:4"));
}

TEST_CASE("a pair listed again is merged keeping the strongest coupling with a warning") {
  const auto r = readTexts(
      {{"d.csv",
        "from,to,coupling,kind,description\nB,A,loose,,\nB,A,tight,api,Orders\nB,A,normal,,\n"},
       {"s.csv", "id,name,agency,depends_on,move_with\nA,a,X,,\nB,b,X,A,\n"}});
  CHECK(r.lines ==
        Lines{"d.csv:3: warning: dependency 'B' -> 'A' is listed again (first at d.csv:2); "
              "merged into one, coupling 'tight' [repeated-dependency]",
              "d.csv:4: warning: dependency 'B' -> 'A' is listed again (first at d.csv:2); "
              "merged into one, coupling 'tight' [repeated-dependency]",
              "s.csv:3: warning: dependency 'B' -> 'A' is listed again (first at d.csv:2); "
              "merged into one, coupling 'tight' [repeated-dependency]"});
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"B", "A", Coupling::tight, 2}});
  CHECK(r.inventory.dependencies[0].kind == "api");
  CHECK(r.inventory.dependencies[0].description == "Orders");
}

TEST_CASE("a pair in both depends_on and move_with of one row is merged as tight") {
  const auto r = readSystems("id,name,agency,depends_on,move_with\nA,a,X,,\nB,b,X,A,A\n");
  CHECK(r.lines == Lines{"systems.csv:3: warning: dependency 'B' -> 'A' is listed again (first "
                         "at systems.csv:3); merged into one, coupling 'tight' "
                         "[repeated-dependency]"});
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"B", "A", Coupling::tight, 3}});
}

TEST_CASE("a pair and its reverse are two dependencies") {
  const auto r = readSystems("id,name,agency,depends_on\nA,a,X,B\nB,b,X,A\n");
  CHECK(r.lines.empty());
  CHECK(edgesOf(r.inventory) ==
        std::vector<Edge>{{"A", "B", Coupling::normal, 2}, {"B", "A", Coupling::normal, 3}});
}

// ---- agencies -----------------------------------------------------------------------------

TEST_CASE("agencies nest through parent two levels deep") {
  const auto r = readTexts({{"a.csv",
                             "code,name,parent\nMOF-TAX-LTO,Large Taxpayers Office,MOF-TAX\n"
                             "MOF-TAX,National Tax Service,MOF\nMOF,Ministry of Finance,\n"},
                            {"s.csv", kSystemsHeader + "MOF-TAX-LTO/portal,Portal,MOF-TAX-LTO\n"}});
  CHECK(r.lines.empty());
  const auto& agencies = r.inventory.agencies;
  const auto lto = r.inventory.findAgency("MOF-TAX-LTO"), tax = r.inventory.findAgency("MOF-TAX"),
             mof = r.inventory.findAgency("MOF");
  REQUIRE((lto && tax && mof));
  CHECK(agencies[*lto].parent == *tax);
  CHECK(agencies[*tax].parent == *mof);
  CHECK(agencies[*mof].parent == models::kNone);
  CHECK(agencies[*lto].name == "Large Taxpayers Office");
  CHECK(agencies[*lto].declared);
  CHECK(agencies[*lto].where.line == 2);
  CHECK(r.inventory.systems[0].agency == *lto);
}

TEST_CASE("agency parents that form a cycle are an error naming the chain") {
  const auto r = readTexts({{"a.csv",
                             "code,name,parent\nMOI,Interior,\nMOI-CRA,Registration,MOI-NID\n"
                             "MOI-NID,Identity,MOI-CRA\nSELF,Self,SELF\n"
                             "T1,One,T2\nT2,Two,T3\nT3,Three,T1\n"}});
  CHECK(r.lines ==
        Lines{"a.csv:3: error: agency parents form a cycle: MOI-CRA -> MOI-NID -> MOI-CRA "
              "(remove one of these parents) [agency-cycle]",
              "a.csv:5: error: agency parents form a cycle: SELF -> SELF (remove one of these "
              "parents) [agency-cycle]",
              "a.csv:6: error: agency parents form a cycle: T1 -> T2 -> T3 -> T1 (remove one of "
              "these parents) [agency-cycle]"});
  for (const auto& agency : r.inventory.agencies)
    CHECK(agency.parent == models::kNone);  // a cycle's parents are dropped
}

TEST_CASE("an agency whose parent chain runs into a cycle names only the cycle") {
  const auto r = readTexts({{"a.csv", "code,name,parent\nA,a,B\nB,b,C\nC,c,B\n"}});
  CHECK(r.lines == Lines{"a.csv:3: error: agency parents form a cycle: B -> C -> B (remove one "
                         "of these parents) [agency-cycle]"});
  const auto a = r.inventory.findAgency("A"), b = r.inventory.findAgency("B");
  REQUIRE((a && b));
  CHECK(r.inventory.agencies[*a].parent == *b);
}

TEST_CASE("an unknown parent agency is an error with a suggestion") {
  const auto r = readTexts({{"a.csv",
                             "code,name,parent\nMOE,Education,\nMOE-EXB,Exams,MEO\n"
                             "MOE-X,Other,NOWHERE-AT-ALL\n"}});
  CHECK(r.lines == Lines{"a.csv:3: error: unknown parent agency 'MEO' of 'MOE-EXB' (did you "
                         "mean 'MOE'?) [unknown-agency]",
                         "a.csv:4: error: unknown parent agency 'NOWHERE-AT-ALL' of 'MOE-X' (add "
                         "it to the agencies file) [unknown-agency]"});
}

TEST_CASE("an unknown agency code is an error with a suggestion when an agencies file is given") {
  const auto r = readTexts({{"a.csv", "code,name\nMOE,Education\nMOE-EXB,Exams\n"},
                            {"s.csv", kSystemsHeader + "A,a,MOE-EBX\nB,b,MOE\nC,c,ZZZZZZZZ\n"}});
  CHECK(r.lines == Lines{"s.csv:2: error: unknown agency 'MOE-EBX' of system 'A' (did you mean "
                         "'MOE-EXB'?) [unknown-agency]",
                         "s.csv:4: error: unknown agency 'ZZZZZZZZ' of system 'C' (add it to the "
                         "agencies file) [unknown-agency]"});
  CHECK(r.inventory.systems.size() == 3);
}

TEST_CASE("any agency code is fine when no agencies file is given") {
  const auto r = readSystems(kSystemsHeader + "A,a,MOE-EBX\nB,b,ANY\n");
  CHECK(r.lines.empty());
  CHECK(r.inventory.agencies.size() == 2);
  for (const auto& agency : r.inventory.agencies)
    CHECK_FALSE(agency.declared);
}

TEST_CASE("an agency listed twice is an error naming both places") {
  const auto r = readTexts({{"a.csv", "code,name\nMOF,Finance\n"},
                            {"b.csv", "code,name,parent\nMOF,Finance again,\nX,,\n,Nameless,\n"}});
  CHECK(r.lines == Lines{"b.csv:2: error: duplicate agency code 'MOF'; the row is skipped "
                         "(first defined at a.csv:2) [duplicate-id]",
                         "b.csv:3: error: agency 'X' has no name [missing-value]",
                         "b.csv:4: error: empty agency code; the row is skipped (give every "
                         "agency a code) [empty-id]"});
  CHECK(r.inventory.agencies[*r.inventory.findAgency("MOF")].name == "Finance");
}

// ---- bad rows -----------------------------------------------------------------------------

TEST_CASE("an empty id is an error and the row is skipped") {
  const auto r = readSystems(kSystemsHeader + ",Nameless,X\n\"  \",Blank,X\nA,a,X\n");
  CHECK(r.lines ==
        Lines{"systems.csv:2: error: empty id; the row is skipped (give every system a unique "
              "id) [empty-id]",
              "systems.csv:3: error: empty id; the row is skipped (give every system a unique "
              "id) [empty-id]"});
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("a malformed id is an error and the row is skipped") {
  const auto r = readSystems(kSystemsHeader +
                             "MOF-TAX/tax ledger,a,X\nMOF/caf\xC3\xA9,b,X\nMOF/a;b,c,X\n"
                             "MOF/ok,d,X\n");
  CHECK(r.lines ==
        Lines{"systems.csv:2: error: malformed id 'MOF-TAX/tax ledger'; the row is skipped (use "
              "letters, digits and -_.:/ only) [malformed-id]",
              "systems.csv:3: error: malformed id 'MOF/caf\xC3\xA9'; the row is skipped (use "
              "letters, digits and -_.:/ only) [malformed-id]",
              "systems.csv:4: error: malformed id 'MOF/a;b'; the row is skipped (use letters, "
              "digits and -_.:/ only) [malformed-id]"});
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].id == "MOF/ok");
}

TEST_CASE("a duplicate id is an error naming both places") {
  const auto r = readTexts({{"s1.csv", kSystemsHeader + "A,First,X\nB,b,X\n"},
                            {"s2.csv", kSystemsHeader + "\nA,Second,X\n"}});
  CHECK(r.lines == Lines{"s2.csv:3: error: duplicate id 'A'; the row is skipped (first defined "
                         "at s1.csv:2) [duplicate-id]"});
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[0].name == "First");
}

TEST_CASE("a duplicate id in one file names its first line") {
  const auto r = readSystems(kSystemsHeader + "A,First,X\nB,b,X\nA,Second,X\n");
  CHECK(r.lines == Lines{"systems.csv:4: error: duplicate id 'A'; the row is skipped (first "
                         "defined at systems.csv:2) [duplicate-id]"});
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[0].name == "First");
}

TEST_CASE("a system without a name or agency is an error") {
  const auto r = readSystems(kSystemsHeader + "A,,X\nB,b,\nC,c\n");
  CHECK(r.lines == Lines{"systems.csv:2: error: system 'A' has no name [missing-value]",
                         "systems.csv:3: error: system 'B' has no agency [missing-value]",
                         "systems.csv:4: error: system 'C' has no agency [missing-value]"});
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[1].agency == models::kNone);
}

TEST_CASE("a reference to an unknown id is an error with the closest id") {
  const auto r = readTexts(
      {{"d.csv", "from,to\nMOF/budgit,MOF/payroll\nMOF/budget,MOF/payrolll\nQQQQ,MOF/payroll\n"},
       {"s.csv",
        "id,name,agency,depends_on,move_with\nMOF/payroll,p,MOF,,\nMOF/payroll-db,d,MOF,,\n"
        "MOF/budget,b,MOF,MOF/payrol;MOF/payroll,mof/payroll-DB\nMOF/x,x,MOF,,MOF/"
        "nothing-like\n"}});
  CHECK(r.lines ==
        Lines{"d.csv:2: error: unknown system 'MOF/budgit' in from (did you mean 'MOF/budget'?) "
              "[unknown-system]",
              "d.csv:3: error: unknown system 'MOF/payrolll' in to (did you mean "
              "'MOF/payroll'?) [unknown-system]",
              "d.csv:4: error: unknown system 'QQQQ' in from (define it in a systems file) "
              "[unknown-system]",
              "s.csv:4: error: unknown system 'MOF/payrol' in depends_on (did you mean "
              "'MOF/payroll'?) [unknown-system]",
              "s.csv:4: error: unknown system 'mof/payroll-DB' in move_with (did you mean "
              "'MOF/payroll-db'?) [unknown-system]",
              "s.csv:5: error: unknown system 'MOF/nothing-like' in move_with (define it in a "
              "systems file) [unknown-system]"});
  CHECK(edgesOf(r.inventory) ==
        std::vector<Edge>{{"MOF/budget", "MOF/payroll", Coupling::normal, 4}});
}

TEST_CASE("both ends of a dependency may be unknown") {
  const auto r = readTexts({{"d.csv", "from,to\nA,B\n"}});
  CHECK(r.lines == Lines{"d.csv:2: error: unknown system 'A' in from (define it in a systems "
                         "file) [unknown-system]",
                         "d.csv:2: error: unknown system 'B' in to (define it in a systems file) "
                         "[unknown-system]"});
}

TEST_CASE("a dependency row needs both from and to") {
  const auto r = readTexts({{"d.csv", "from,to,kind\nA,,api\n,B,api\n"}});
  CHECK(r.lines == Lines{"d.csv:2: error: a dependency needs both from and to; the row is "
                         "skipped (it has from 'A') [missing-value]",
                         "d.csv:3: error: a dependency needs both from and to; the row is "
                         "skipped (it has to 'B') [missing-value]"});
}

TEST_CASE("a dependency row with neither from nor to says that both are missing") {
  const auto r = readTexts({{"d.csv", "from,to,kind\n,,api\n"}});
  CHECK(r.lines == Lines{"d.csv:2: error: a dependency needs both from and to; the row is "
                         "skipped (both are empty) [missing-value]"});
}

TEST_CASE("a value outside the allowed list is an error listing the allowed values") {
  const auto r = readTexts(
      {{"d.csv", "from,to,coupling\nB,A,strong\nB,C,tigth\n"},
       {"s.csv",
        "id,name,agency,type,strategy,criticality\nA,a,X,app,rehosting,high\nB,b,X,databse,,"
        "critical\nC,c,X,,replatfrom,meduim\n"}});
  CHECK(r.lines ==
        Lines{"d.csv:2: error: coupling 'strong' is not one of loose, normal, tight [bad-value]",
              "d.csv:3: error: coupling 'tigth' is not one of loose, normal, tight (did you mean "
              "'tight'?) [bad-value]",
              "s.csv:2: error: type 'app' is not one of application, database, infrastructure, "
              "platform, interface [bad-value]",
              "s.csv:2: error: strategy 'rehosting' is not one of rehost, replatform, refactor, "
              "repurchase, relocate, retire, retain (did you mean 'rehost'?) [bad-value]",
              "s.csv:3: error: type 'databse' is not one of application, database, "
              "infrastructure, platform, interface (did you mean 'database'?) [bad-value]",
              "s.csv:3: error: criticality 'critical' is not one of high, medium, low "
              "[bad-value]",
              "s.csv:4: error: strategy 'replatfrom' is not one of rehost, replatform, refactor, "
              "repurchase, relocate, retire, retain (did you mean 'replatform'?) [bad-value]",
              "s.csv:4: error: criticality 'meduim' is not one of high, medium, low (did you "
              "mean 'medium'?) [bad-value]"});
  // The row is kept with the default value.
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[0].type == SystemType::application);
  CHECK(r.inventory.systems[0].strategy == Strategy::rehost);
  CHECK(r.inventory.dependencies.size() == 2);
  CHECK(r.inventory.dependencies[0].coupling == Coupling::normal);
}

TEST_CASE("effort_days that is not a number or is negative is an error") {
  const auto r = readSystems(
      "id,name,agency,strategy,effort_days\nA,a,X,refactor,ten\nB,b,X,,-5\nC,c,X,,12 days\n"
      "D,d,X,,7,5\nE,e,X,,inf\nF,f,X,,nan\nG,g,X,,+3\nH,h,X,,\"7,5\"\n");
  const std::string tail =
      " is not a non-negative number of person-days (write it like 12 or 7.5) [bad-number]";
  CHECK(r.lines == Lines{"systems.csv:2: error: effort_days 'ten'" + tail,
                         "systems.csv:3: error: effort_days '-5'" + tail,
                         "systems.csv:4: error: effort_days '12 days'" + tail,
                         "systems.csv:5: error: 6 cells, but the header has 5 columns; the row is "
                         "skipped (quote a cell that holds a comma) [too-many-cells]",
                         "systems.csv:6: error: effort_days 'inf'" + tail,
                         "systems.csv:7: error: effort_days 'nan'" + tail,
                         "systems.csv:8: error: effort_days '+3'" + tail,
                         "systems.csv:9: error: effort_days '7,5' is not a number: the decimal "
                         "point is '.' (did you mean 7.5?) [bad-number]"});
  // The row is kept with the strategy's default effort.
  REQUIRE(r.inventory.systems.size() == 7);
  CHECK(r.inventory.systems[0].effortDays == 60);
  CHECK(r.inventory.systems[1].effortDays == 10);
}

TEST_CASE("a negative zero effort is read as zero") {
  const auto r = readSystems("id,name,agency,effort_days\nA,a,X,-0\n");
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK_FALSE(std::signbit(r.inventory.systems[0].effortDays));
}

TEST_CASE("a not_before that is not a real YYYY-MM-DD date is an error") {
  const auto r = readSystems(
      "id,name,agency,not_before\nA,a,X,2027-02-30\nB,b,X,31/12/2027\nC,c,X,2027-1-5\n"
      "D,d,X,2028-02-29\n");
  const std::string tail = " is not a date YYYY-MM-DD (for example 2027-03-01) [bad-date]";
  CHECK(r.lines == Lines{"systems.csv:2: error: not_before '2027-02-30'" + tail,
                         "systems.csv:3: error: not_before '31/12/2027' is not a date: dates are "
                         "YYYY-MM-DD (did you mean 2027-12-31?) [bad-date]",
                         "systems.csv:4: error: not_before '2027-1-5' is not a date: dates are "
                         "YYYY-MM-DD (did you mean 2027-01-05?) [bad-date]"});
  REQUIRE(r.inventory.systems.size() == 4);
  CHECK_FALSE(r.inventory.systems[0].notBefore);
  CHECK(r.inventory.systems[3].notBefore == models::dateFromCivil(2028, 2, 29));
}

TEST_CASE("a pinned_wave that is not a wave number from 1 to 1000 is an error") {
  const auto r = readSystems(
      "id,name,agency,pinned_wave\nA,a,X,0\nB,b,X,two\nC,c,X,1001\nD,d,X,-1\nE,e,X,2.0\n"
      "F,f,X,99999999999\nG,g,X,1000\nH,h,X,1\n");
  const std::string tail = " is not a wave number from 1 to 1000 [bad-wave]";
  CHECK(r.lines == Lines{"systems.csv:2: error: pinned_wave '0'" + tail,
                         "systems.csv:3: error: pinned_wave 'two'" + tail,
                         "systems.csv:4: error: pinned_wave '1001'" + tail,
                         "systems.csv:5: error: pinned_wave '-1'" + tail,
                         "systems.csv:6: error: pinned_wave '2.0'" + tail,
                         "systems.csv:7: error: pinned_wave '99999999999'" + tail});
  REQUIRE(r.inventory.systems.size() == 8);
  CHECK(r.inventory.systems[0].pinnedWave == 0);
  CHECK(r.inventory.systems[6].pinnedWave == 1000);
  CHECK(r.inventory.systems[7].pinnedWave == 1);
}

TEST_CASE("a system that depends on itself is an error") {
  const auto r =
      readTexts({{"d.csv", "from,to\nA,A\n"},
                 {"s.csv", "id,name,agency,depends_on,move_with\nA,a,X,A,\nB,b,X,,B\n"}});
  CHECK(r.lines == Lines{"d.csv:2: error: system 'A' depends on itself (remove this row) "
                         "[self-dependency]",
                         "s.csv:2: error: system 'A' depends on itself (remove it from "
                         "depends_on) [self-dependency]",
                         "s.csv:3: error: system 'B' depends on itself (remove it from "
                         "move_with) [self-dependency]"});
  CHECK(r.inventory.dependencies.empty());
}

TEST_CASE("a row with more cells than the header is an error and the row is skipped") {
  const auto r = readSystems(kSystemsHeader + "A,a,X,,,\nB,b,X,Joomla 3\nC,c,X, , x,\n");
  CHECK(r.lines == Lines{"systems.csv:3: error: 4 cells, but the header has 3 columns; the row "
                         "is skipped (quote a cell that holds a comma) [too-many-cells]",
                         "systems.csv:4: error: 5 cells, but the header has 3 columns; the row "
                         "is skipped (quote a cell that holds a comma) [too-many-cells]"});
  REQUIRE(r.inventory.systems.size() == 1);  // trailing empty cells are fine
  CHECK(r.inventory.systems[0].id == "A");
}

TEST_CASE("a row with fewer cells than the header has the rest empty") {
  const auto r = readSystems("id,name,agency,type,owner\nA,a,X\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].properties.count == 0);
}

TEST_CASE("an unterminated quote is an error at the line where the cell began") {
  const auto r = readTexts({{"d.csv",
                             "from,to,coupling,kind,description\nB,A,normal,batch,Monthly journal\n"
                             "C,A,normal,batch,\"Hospital revenue, posted\neach month\n"},
                            {"s.csv", kSystemsHeader + "A,a,X\nB,b,X\nC,c,X\n"}});
  CHECK(r.lines == Lines{"d.csv:3: error: a quoted cell is never closed (add the missing '\"') "
                         "[unterminated-quote]"});
  CHECK(edgesOf(r.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, 2}});
}

TEST_CASE("text after a closing quote is an error and reading the file stops there") {
  const auto r = readSystems(kSystemsHeader + "A,\"Alpha\" system,X\nB,b,X\n");
  CHECK(r.lines == Lines{"systems.csv:2: error: text after the closing quote of a quoted cell; the "
                         "rest of the file is not read (write a quote inside a quoted cell as "
                         "\"\") [text-after-quote]"});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("a quoted cell spanning lines reports text after its quote at the closing line") {
  const auto r = readSystems(kSystemsHeader + "A,a,X\nB,\"b\nb\"x,X\n");
  CHECK(r.lines == Lines{"systems.csv:4: error: text after the closing quote of a quoted cell; the "
                         "rest of the file is not read (write a quote inside a quoted cell as "
                         "\"\") [text-after-quote]"});
  CHECK(r.inventory.systems.size() == 1);
}

TEST_CASE("a file that is not UTF-8 is an error at the line of the first bad byte") {
  // 0x81 is no character of windows-1252 either, so no encoding is named.
  const auto r = readTexts({{"latin1.csv",
                             "id,name,agency,type,strategy\n"
                             "MOI/civil,Registo civil \x81 Conservat\xF3ria,MOI,,\n"},
                            {"ok.csv", kSystemsHeader + "A,a,X\n"}});
  CHECK(r.lines == Lines{"latin1.csv:2: error: not UTF-8 (byte 0x81); save the file as UTF-8 (in "
                         "a spreadsheet: CSV UTF-8) [not-utf8]"});
  CHECK(r.inventory.systems.size() == 1);  // the other file is read
  REQUIRE(r.inventory.files.size() == 2);
  CHECK(r.inventory.files[0].kind == InputKind::unknown);
}

const std::string kWindows1252 =
    "id,name,agency\nMOI/civil,Registo civil \x96 Conservat\xF3ria,MOI\n"
    "MOI/inv,Inventa\xE7\xE3o,MOI\n";

TEST_CASE("a windows-1252 file is refused with the encoding it looks like") {
  const auto r = readTexts({{"excel.csv", kWindows1252}});
  CHECK(r.lines == Lines{"excel.csv:2: error: not UTF-8 (byte 0x96); it looks like windows-1252, "
                         "the Western European encoding of Windows (read it with --encoding "
                         "windows-1252, or save it as UTF-8: in a spreadsheet, CSV UTF-8) "
                         "[not-utf8]"});
  CHECK(r.inventory.systems.empty());
}

TEST_CASE("a windows-1252 file is read with the encoding named") {
  const auto r = readTexts({{"excel.csv", kWindows1252},
                            {"utf8.csv", kSystemsHeader + "A,Conservat\xC3\xB3ria,"
                                                          "X\n"}},
                           {.encoding = "windows-1252"});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[0].name == "Registo civil \xE2\x80\x93 Conservat\xC3\xB3ria");
  CHECK(r.inventory.systems[1].name == "Inventa\xC3\xA7\xC3\xA3o");
  // A file that is UTF-8 stays UTF-8: the encoding is only for files that are not.
  CHECK(r.inventory.systems[2].name == "Conservat\xC3\xB3ria");
}

TEST_CASE("a byte the named encoding does not define is an error at its line") {
  const auto r = readTexts({{"excel.csv", kSystemsHeader + "A,a,X\nB,b \x81,X\n"}},
                           {.encoding = "windows-1252"});
  CHECK(r.lines == Lines{"excel.csv:3: error: byte 0x81 is not a character of the declared "
                         "encoding 'windows-1252' (save the file as UTF-8) [not-utf8]"});
}

TEST_CASE("a UTF-8 file with accents and a byte-order mark is read") {
  const auto r = readSystems(
      "\xEF\xBB\xBFid,name,agency\nMOI/civil,Conservat\xC3\xB3ria "
      "\xE2\x80\x93 registo,MOI\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "Conservat\xC3\xB3ria \xE2\x80\x93 registo");
}

TEST_CASE("a file of NUL bytes is an error") {
  const auto r = readTexts({{"zeros.csv", std::string(4096, '\0')}});
  CHECK(r.lines ==
        Lines{"zeros.csv:1: error: NUL byte: this is not a text file (name the inventory's CSV or "
              "XML file; from a spreadsheet, save the sheet as CSV UTF-8) [binary-file]"});
}

// `text` in UTF-16 with its byte-order mark, ASCII only.
std::string utf16(std::string_view text, bool littleEndian) {
  std::string out = littleEndian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : text) {
    out += littleEndian ? c : '\0';
    out += littleEndian ? '\0' : c;
  }
  return out;
}

TEST_CASE("a UTF-16 file with a byte-order mark is read, little- or big-endian") {
  // What "Unicode text" in Excel saves: UTF-16LE with its byte-order mark, tab-separated.
  const auto r =
      readTexts({{"unicode-le.txt", utf16("id\tname\tagency\r\nA\ta\tX\r\nB\tb\tX\r\n", true)},
                 {"unicode-be.txt", utf16("from,to\nB,A\n", false)}});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK(r.inventory.systems[1].id == "B");
  CHECK(r.inventory.systems[1].where.line == 3);
  CHECK(r.inventory.dependencies.size() == 1);
}

TEST_CASE("a UTF-16 file with a letter outside ASCII is read as UTF-8") {
  // U+00F3 (o acute) and U+1D11E (a surrogate pair), little-endian.
  const std::string text = utf16("id,name,agency\nA,", true) + std::string("\xF3\0", 2) +
                           std::string("\x34\xD8\x1E\xDD", 4) + utf16(",X\n", true).substr(2);
  const auto r = readTexts({{"s.csv", text}});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].name == "\xC3\xB3\xF0\x9D\x84\x9E");
}

TEST_CASE("a file that starts as UTF-16 but is not is an error at its line") {
  // A lone low surrogate on line 2, and then a file of an odd number of bytes.
  const std::string lone = utf16("id,name,agency\nA,", true) + std::string("\x1E\xDD", 2);
  const auto r =
      readTexts({{"lone.csv", lone}, {"odd.csv", utf16("id,name,agency\n", true) + "x"}});
  CHECK(r.lines ==
        Lines{"lone.csv:2: error: not UTF-16 at byte 37, though the file starts with a UTF-16 "
              "byte-order mark (save it as UTF-8: in a spreadsheet, CSV UTF-8) [not-utf8]",
              "odd.csv:2: error: not UTF-16 at byte 33, though the file starts with a UTF-16 "
              "byte-order mark (save it as UTF-8: in a spreadsheet, CSV UTF-8) [not-utf8]"});
}

TEST_CASE("a very long value is cut short in a message") {
  const std::string id(200, 'x');
  const auto r = readSystems(kSystemsHeader + id + " y,a,X\n");
  CHECK(r.lines == Lines{"systems.csv:2: error: malformed id '" + std::string(80, 'x') +
                         "...' (202 bytes); the row is skipped (use letters, digits and -_.:/ "
                         "only) [malformed-id]"});
}

TEST_CASE("a semicolon-separated file is read as Excel writes it in most of Europe") {
  const auto r = readTexts({{"systems.csv",
                             "\xEF\xBB\xBFid;name;agency;effort_days;depends_on;note\r\n"
                             "MOF/gl;\"Ledger; general\";MOF;7.5;;\"a, b\"\r\n"
                             "MOF/pay;Payroll;MOF;;\"MOF/gl;MOF/tax\";\r\n"
                             "MOF/tax;Tax;MOF;;;\r\n"},
                            {"dependencies.csv", "from;to;coupling\nMOF/tax;MOF/gl;tight\n"}});
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 3);
  CHECK(r.inventory.systems[0].name == "Ledger; general");
  CHECK(r.inventory.systems[0].effortDays == 7.5);
  CHECK(propertiesOf(r.inventory, r.inventory.systems[0].properties) ==
        std::vector<std::pair<std::string, std::string>>{{"note", "a, b"}});
  CHECK(r.inventory.dependencies.size() == 3);
}

TEST_CASE("a row with too many cells names the separator of its file") {
  const auto r = readTexts({{"semicolons.csv", "id;name;agency\nA;a;X;Y\n"},
                            {"tabs.csv", "id\tname\tagency\nB\tb\tX\tY\n"}});
  CHECK(r.lines == Lines{"semicolons.csv:2: error: 4 cells, but the header has 3 columns; the row "
                         "is skipped (quote a cell that holds a semicolon) [too-many-cells]",
                         "tabs.csv:2: error: 4 cells, but the header has 3 columns; the row is "
                         "skipped (quote a cell that holds a tab) [too-many-cells]"});
}

TEST_CASE("a tab-separated file is read, empty cells included") {
  const auto r = readSystems("id\tname\tagency\tstrategy\ttarget\nA\ta\tX\t\tcloud\n");
  CHECK(r.lines.empty());
  REQUIRE(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems[0].strategy == Strategy::rehost);
  CHECK(r.inventory.systems[0].target == "cloud");
}

TEST_CASE("a file with old Mac line ends is read, with its line numbers") {
  const auto r = readSystems("id,name,agency,strategy\rA,a,X,\r\rB,b,X,rehosting\r");
  CHECK(r.lines == Lines{"systems.csv:4: error: strategy 'rehosting' is not one of rehost, "
                         "replatform, refactor, repurchase, relocate, retire, retain (did you "
                         "mean 'rehost'?) [bad-value]"});
  CHECK(r.inventory.systems.size() == 2);
}

TEST_CASE("a decimal comma is refused with the number it was meant to be") {
  const auto r = readSystems(
      "id;name;agency;effort_days\nA;a;X;7,5\nB;b;X;1,000\nC;c;X;1,000,000\nD;d;X;7,\n");
  CHECK(r.lines ==
        Lines{"systems.csv:2: error: effort_days '7,5' is not a number: the decimal point is '.' "
              "(did you mean 7.5?) [bad-number]",
              "systems.csv:3: error: effort_days '1,000' is not a number: the decimal point is "
              "'.', and numbers have no thousands separator (did you mean 1.000 or 1000?) "
              "[bad-number]",
              "systems.csv:4: error: effort_days '1,000,000' is not a non-negative number of "
              "person-days (write it like 12 or 7.5) [bad-number]",
              "systems.csv:5: error: effort_days '7,' is not a non-negative number of "
              "person-days (write it like 12 or 7.5) [bad-number]"});
}

TEST_CASE("a date in another layout is refused with the days it may stand for") {
  const auto r = readSystems(
      "id,name,agency,not_before\nA,a,X,01/07/2027\nB,b,X,13.01.2027\nC,c,X,2027/7/1\n"
      "D,d,X,01-01-2027\nE,e,X,31/02/2027\nF,f,X,1/7/27\n");
  const std::string dates = " is not a date: dates are YYYY-MM-DD (did you mean ";
  CHECK(r.lines ==
        Lines{"systems.csv:2: error: not_before '01/07/2027'" + dates +
                  "2027-07-01 or 2027-01-07?) [bad-date]",
              "systems.csv:3: error: not_before '13.01.2027'" + dates + "2027-01-13?) [bad-date]",
              "systems.csv:4: error: not_before '2027/7/1'" + dates + "2027-07-01?) [bad-date]",
              "systems.csv:5: error: not_before '01-01-2027'" + dates + "2027-01-01?) [bad-date]",
              "systems.csv:6: error: not_before '31/02/2027' is not a date YYYY-MM-DD "
              "(for example 2027-03-01) [bad-date]",
              "systems.csv:7: error: not_before '1/7/27' is not a date YYYY-MM-DD "
              "(for example 2027-03-01) [bad-date]"});
  CHECK(r.inventory.systems.size() == 6);
}

TEST_CASE("effort_days over 100000 person-days is an error at its line") {
  // Two of 1e308 added up to inf in the plan's totals.
  const auto r = readSystems(
      "id,name,agency,effort_days\nA,a,X,1e308\nB,b,X,1e308\nC,c,X,100000.5\nD,d,X,1e999\n"
      "E,e,X,100000\nF,f,X,1e-400\n");
  const std::string over =
      " is over the limit of 100000 person-days (check the value) [bad-number]";
  CHECK(r.lines == Lines{"systems.csv:2: error: effort_days '1e308'" + over,
                         "systems.csv:3: error: effort_days '1e308'" + over,
                         "systems.csv:4: error: effort_days '100000.5'" + over,
                         "systems.csv:5: error: effort_days '1e999'" + over});
  REQUIRE(r.inventory.systems.size() == 6);
  CHECK(r.inventory.systems[0].effortDays == 10);  // the strategy's default
  CHECK(r.inventory.systems[4].effortDays == 100000);
  CHECK(r.inventory.systems[5].effortDays == 0);
}

TEST_CASE("blank lines after a header reserve no rows") {
  // The reader reserved a system for every line end: 5 million blank lines took 535 MB.
  const auto r = readSystems(kSystemsHeader + std::string(100'000, '\n') + "A,a,X\n");
  CHECK(r.lines.empty());
  CHECK(r.inventory.systems.size() == 1);
  CHECK(r.inventory.systems.capacity() < 100);
}

TEST_CASE("a header of 9000 columns over blank lines reserves no properties") {
  // It reserved a property for each extra column of each line: 9000 x 100000 of them, and
  // std::bad_alloc.
  std::string header;
  for (int i = 0; i < 8997; ++i)
    header += "c" + std::to_string(i) + ",";
  const auto r = readSystems(header + "id,name,agency\n" + std::string(100'000, '\n') +
                             std::string(8997, ',') + "A,a,X\n");
  CHECK(r.lines.empty());
  CHECK(r.inventory.systems.size() == 1);
  CHECK(r.inventory.properties.capacity() <= 8997);  // the one row's extra columns
}

TEST_CASE("finish_by is a known column, read like not_before, and not a property") {
  const auto r = readSystems(
      "id,name,agency,not_before,Finish_By,os\nA,a,X,2027-03-01,2027-06-30,linux\n"
      "B,b,X,,2027-02-30,\nC,c,X,,31/12/2027,\n");
  CHECK(r.lines == Lines{"systems.csv:3: error: finish_by '2027-02-30' is not a date YYYY-MM-DD "
                         "(for example 2027-03-01) [bad-date]",
                         "systems.csv:4: error: finish_by '31/12/2027' is not a date: dates are "
                         "YYYY-MM-DD (did you mean 2027-12-31?) [bad-date]"});
  REQUIRE(r.inventory.systems.size() == 3);
  const auto& a = r.inventory.systems[0];
  CHECK(a.finishBy == models::dateFromCivil(2027, 6, 30));
  CHECK(a.notBefore == models::dateFromCivil(2027, 3, 1));
  CHECK(propertiesOf(r.inventory, a.properties) ==
        std::vector<std::pair<std::string, std::string>>{{"os", "linux"}});
  CHECK_FALSE(r.inventory.systems[1].finishBy);
}

TEST_CASE("a finish_by before the system's not_before is an error at its line") {
  const auto r = readSystems(
      "id,name,agency,not_before,finish_by\nA,a,X,2027-03-01,2027-01-31\n"
      "B,b,X,2027-03-01,2027-03-01\n");
  CHECK(r.lines ==
        Lines{"systems.csv:2: error: finish_by 2027-01-31 is before not_before 2027-03-01: no "
              "wave can start on or after the one and end by the other (make finish_by later or "
              "not_before earlier) [bad-date]"});
  REQUIRE(r.inventory.systems.size() == 2);
  CHECK_FALSE(r.inventory.systems[0].finishBy);
  CHECK(r.inventory.systems[1].finishBy == models::dateFromCivil(2027, 3, 1));
}

TEST_CASE("an agency's limits per wave are known columns, typed, and not properties") {
  const auto r = readTexts({{"agencies.csv",
                             "code,name,parent,MAX_SYSTEMS_PER_WAVE,max_effort_per_wave,cio_name\n"
                             "MOF,Ministry of Finance,,8,120.5,Jane\nMOF-T,Treasury,MOF,,,\n"},
                            {"systems.csv", kSystemsHeader + "MOF/gl,Ledger,MOF-T\n"}});
  CHECK(r.lines.empty());
  const auto& agencies = r.inventory.agencies;
  const auto mof = r.inventory.findAgency("MOF"), treasury = r.inventory.findAgency("MOF-T");
  REQUIRE((mof && treasury));
  CHECK(agencies[*mof].maxSystemsPerWave == 8u);
  CHECK(agencies[*mof].maxEffortPerWave == 120.5);
  CHECK(propertiesOf(r.inventory, agencies[*mof].properties) ==
        std::vector<std::pair<std::string, std::string>>{{"cio_name", "Jane"}});
  CHECK_FALSE(agencies[*treasury].maxSystemsPerWave);
  CHECK_FALSE(agencies[*treasury].maxEffortPerWave);
}

TEST_CASE("bad limits per wave are errors quoting the value and saying what is allowed") {
  const auto r =
      readTexts({{"agencies.csv",
                  "code,name,max_systems_per_wave,max_effort_per_wave\n"
                  "A,a,0,0\nB,b,2.5,-3\nC,c,20000000,2e9\nD,d,ten,\"7,5\"\nE,e,1,1e-400\n"
                  "F,f,10000000,1000000000\n"}});
  const std::string whole =
      " is not a positive whole number (write it like 10, or leave it "
      "blank for no limit) [bad-number]";
  const std::string number =
      " is not a positive number (write it like 120 or 37.5, or leave it "
      "blank for no limit) [bad-number]";
  CHECK(r.lines ==
        Lines{"agencies.csv:2: error: max_systems_per_wave '0'" + whole,
              "agencies.csv:2: error: max_effort_per_wave '0'" + number,
              "agencies.csv:3: error: max_systems_per_wave '2.5'" + whole,
              "agencies.csv:3: error: max_effort_per_wave '-3'" + number,
              "agencies.csv:4: error: max_systems_per_wave '20000000' is over the limit of "
              "10000000 systems (check the value) [bad-number]",
              "agencies.csv:4: error: max_effort_per_wave '2e9' is over the limit of 1000000000 "
              "person-days (check the value) [bad-number]",
              "agencies.csv:5: error: max_systems_per_wave 'ten'" + whole,
              "agencies.csv:5: error: max_effort_per_wave '7,5' is not a number: the decimal "
              "point is '.' (did you mean 7.5?) [bad-number]",
              "agencies.csv:6: error: max_effort_per_wave '1e-400'" + number});
  const auto f = r.inventory.findAgency("F");
  REQUIRE(f);
  CHECK(r.inventory.agencies[*f].maxSystemsPerWave == 10'000'000u);
  CHECK(r.inventory.agencies[*f].maxEffortPerWave == 1e9);
  CHECK_FALSE(r.inventory.agencies[*r.inventory.findAgency("A")].maxSystemsPerWave);
}
