// The builder resolves what spans files: references, self-dependencies, repeated pairs, agencies.
// Fed here through readInventoryCsv (no files on disk) and through addDependency directly.
#include "importers/inventory_builder.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "importers/archimate/archimate_mapping.h"
#include "importers/archimate/archimate_xml.h"
#include "importers/csv/inventory_csv.h"

using namespace cloudplan;
using models::Coupling;
using Lines = std::vector<std::string>;

namespace {

// One run's builder; each `add` reads a CSV text as if it came from a file of that name.
class Run {
 public:
  Run() : builder_(diagnostics_) {}

  Run& add(const std::string& name, std::string text) {
    const uint32_t file = builder_.addFile(name, models::InputKind::unknown);
    importers::readInventoryCsv(builder_, file, std::move(text));
    return *this;
  }
  importers::InventoryBuilder& builder() { return builder_; }

  Lines finish() {
    inventory = builder_.finish();
    diagnostics_.sort();
    Lines lines;
    for (const models::Diagnostic& d : diagnostics_.all()) {
      lines.push_back(d.file + (d.line ? ":" + std::to_string(d.line) : "") + ": " +
                      std::string(models::nameOf(d.severity)) + ": " + d.message + " [" + d.code +
                      "]");
    }
    return lines;
  }

  // Reads an ArchiMate exchange model, as readInputs does, into the same builder.
  Run& addArchimate(const std::string& name, std::string text) {
    const uint32_t file = builder_.addFile(name, models::InputKind::archimate);
    if (auto model = importers::readArchimateXml(builder_, file, std::move(text))) {
      importers::mapArchimateModel(builder_, *model, {.defaultAgency = "MOF"});
    }
    return *this;
  }

  models::Inventory inventory;

 private:
  models::Diagnostics diagnostics_;
  importers::InventoryBuilder builder_;
};

struct Edge {
  std::string consumer, provider;
  Coupling coupling;
  std::string where;
  bool operator==(const Edge&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Edge& e) {
  return out << e.consumer << " -> " << e.provider << " " << models::nameOf(e.coupling) << " @"
             << e.where;
}

std::vector<Edge> edgesOf(const models::Inventory& inventory) {
  std::vector<Edge> edges;
  for (const auto& d : inventory.dependencies) {
    edges.push_back({std::string(inventory.systems[d.consumer].id),
                     std::string(inventory.systems[d.provider].id), d.coupling,
                     inventory.describe(d.where)});
  }
  return edges;
}

const std::string kSystems = "id,name,agency,depends_on,move_with\n";

}  // namespace

TEST_CASE("files are registered in order with their kind") {
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  CHECK(builder.addFile("a.csv", models::InputKind::systems, "abc") == 0);
  CHECK(builder.addFile("b.csv", models::InputKind::dependencies) == 1);
  const models::Inventory inventory = builder.finish();
  REQUIRE(inventory.files.size() == 2);
  CHECK(inventory.files[0].path == "a.csv");
  CHECK(inventory.files[0].sha256 == "abc");
  CHECK(inventory.files[1].kind == models::InputKind::dependencies);
}

TEST_CASE("a reader's file kind is set from the header") {
  Run run;
  run.add("s.csv", kSystems).add("d.csv", "from,to\n").add("a.csv", "code,name\n");
  CHECK(run.finish().empty());
  CHECK(run.inventory.files[0].kind == models::InputKind::systems);
  CHECK(run.inventory.files[1].kind == models::InputKind::dependencies);
  CHECK(run.inventory.files[2].kind == models::InputKind::agencies);
}

TEST_CASE("a dependency may name a system defined in a later file") {
  Run run;
  run.add("d.csv", "from,to\nB,A\n").add("s.csv", kSystems + "A,a,X,,\nB,b,X,C,\nC,c,X,,\n");
  CHECK(run.finish().empty());
  CHECK(edgesOf(run.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, "d.csv:2"},
                                                    {"B", "C", Coupling::normal, "s.csv:3"}});
}

TEST_CASE("dependencies keep the order in which they were listed") {
  Run run;
  run.add("s.csv", kSystems + "A,a,X,,\nB,b,X,A,\nC,c,X,B;A,\n")
      .add("d.csv", "from,to,coupling\nA,C,loose\n");
  CHECK(run.finish().empty());
  CHECK(edgesOf(run.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, "s.csv:3"},
                                                    {"C", "B", Coupling::normal, "s.csv:4"},
                                                    {"C", "A", Coupling::normal, "s.csv:4"},
                                                    {"A", "C", Coupling::loose, "d.csv:2"}});
}

TEST_CASE("an unknown id gets the closest known id as a suggestion") {
  Run run;
  run.add("s.csv", kSystems + "MOF/payroll,p,MOF,,\nMOF/budget,b,MOF,MOF/payrol,\n");
  CHECK(run.finish() == Lines{"s.csv:3: error: unknown system 'MOF/payrol' in depends_on (did "
                              "you mean 'MOF/payroll'?) [unknown-system]"});
  CHECK(run.inventory.dependencies.empty());
}

TEST_CASE("an unknown id with nothing close asks for a systems file") {
  Run run;
  run.add("d.csv", "from,to\nMOF/a,MOF/b\n");
  CHECK(run.finish() == Lines{"d.csv:2: error: unknown system 'MOF/a' in from (define it in a "
                              "systems file) [unknown-system]",
                              "d.csv:2: error: unknown system 'MOF/b' in to (define it in a "
                              "systems file) [unknown-system]"});
}

TEST_CASE("a pending dependency's columns name where its ids were written") {
  Run run;
  run.add("s.csv", kSystems + "MOF/gl,g,MOF,,\n");
  run.builder().addDependency(importers::PendingDependency{.consumer = "MOF/gl",
                                                           .provider = "MOF/glx",
                                                           .where = {0, 9},
                                                           .consumerColumn = "Source",
                                                           .providerColumn = "Target"});
  CHECK(run.finish() == Lines{"s.csv:9: error: unknown system 'MOF/glx' in Target (did you mean "
                              "'MOF/gl'?) [unknown-system]"});
}

TEST_CASE("a self-dependency is an error and no dependency") {
  Run run;
  run.add("s.csv", kSystems + "A,a,X,A,\nB,b,X,,B\n").add("d.csv", "from,to\nA,A\n");
  CHECK(run.finish() ==
        Lines{"d.csv:2: error: system 'A' depends on itself (remove this row) [self-dependency]",
              "s.csv:2: error: system 'A' depends on itself (remove it from depends_on) "
              "[self-dependency]",
              "s.csv:3: error: system 'B' depends on itself (remove it from move_with) "
              "[self-dependency]"});
  CHECK(run.inventory.dependencies.empty());
}

TEST_CASE("repeated pairs merge into the first listing with the strongest coupling") {
  Run run;
  run.add("s.csv", kSystems + "A,a,X,,\nB,b,X,A,\nC,c,X,A,\n")
      .add("d.csv",
           "from,to,coupling,kind,description,owner\nB,A,loose,,,\nC,A,tight,api,Orders,Ana\n"
           "B,A,loose,data,Nightly,Bo\n");
  CHECK(run.finish() ==
        Lines{"d.csv:2: warning: dependency 'B' -> 'A' is listed again (first at s.csv:3); "
              "merged into one, coupling 'normal' [repeated-dependency]",
              "d.csv:3: warning: dependency 'C' -> 'A' is listed again (first at s.csv:4); "
              "merged into one, coupling 'tight' [repeated-dependency]",
              "d.csv:4: warning: dependency 'B' -> 'A' is listed again (first at s.csv:3); "
              "merged into one, coupling 'normal' [repeated-dependency]"});
  CHECK(edgesOf(run.inventory) == std::vector<Edge>{{"B", "A", Coupling::normal, "s.csv:3"},
                                                    {"C", "A", Coupling::tight, "s.csv:4"}});
  // What the first listing lacks is taken from the first repeat that has it.
  const auto& deps = run.inventory.dependencies;
  CHECK(deps[0].kind == "data");
  CHECK(deps[0].description == "Nightly");
  CHECK(deps[1].kind == "api");
  CHECK(deps[1].description == "Orders");
  REQUIRE(deps[1].properties.count == 1);
  CHECK(run.inventory.propertiesOf(deps[1].properties)[0].value == "Ana");
}

TEST_CASE("a merged pair keeps what its first listing says") {
  Run run;
  run.add("s.csv", kSystems + "A,a,X,,\nB,b,X,,\n")
      .add("d.csv",
           "from,to,coupling,kind,description\nB,A,tight,api,First\nB,A,loose,data,Later\n");
  CHECK(run.finish() == Lines{"d.csv:3: warning: dependency 'B' -> 'A' is listed again (first at "
                              "d.csv:2); merged into one, coupling 'tight' [repeated-dependency]"});
  REQUIRE(run.inventory.dependencies.size() == 1);
  CHECK(run.inventory.dependencies[0].coupling == Coupling::tight);
  CHECK(run.inventory.dependencies[0].kind == "api");
  CHECK(run.inventory.dependencies[0].description == "First");
}

TEST_CASE("pairs are merged among many systems and interleaved listings") {
  // 300 consumers each list the same two providers twice, in alternating order.
  std::string systems = kSystems + "P,p,X,,\nQ,q,X,,\n";
  std::string deps = "from,to,coupling\n";
  for (int i = 0; i < 300; ++i) {
    systems += "S" + std::to_string(i) + ",s,X,P;Q,\n";
    deps += "S" + std::to_string(i) + ",Q,tight\n";
    deps += "S" + std::to_string(i) + ",P,loose\n";
  }
  Run run;
  run.add("s.csv", systems).add("d.csv", deps);
  const Lines lines = run.finish();
  CHECK(lines.size() == 600);
  REQUIRE(run.inventory.dependencies.size() == 600);
  for (size_t i = 0; i < 600; ++i) {
    const auto& d = run.inventory.dependencies[i];
    CHECK(d.consumer == i / 2 + 2);
    CHECK(d.provider == i % 2);
    CHECK(d.coupling == (i % 2 ? Coupling::tight : Coupling::normal));
  }
}

TEST_CASE("agency codes are checked only when an agencies file is given") {
  Run without;
  without.add("s.csv", kSystems + "A,a,NOPE,,\n");
  CHECK(without.finish().empty());
  Run with;
  with.add("s.csv", kSystems + "A,a,NOPE,,\nB,b,MOF,,\n").add("a.csv", "code,name\nMOF,Finance\n");
  CHECK(with.finish() == Lines{"s.csv:2: error: unknown agency 'NOPE' of system 'A' (add it to "
                               "the agencies file) [unknown-agency]"});
}

TEST_CASE("an agency named by a system before the agencies file is read is declared by it") {
  Run run;
  run.add("s.csv", kSystems + "A,a,MOF,,\n").add("a.csv", "code,name\nMOF,Finance\n");
  CHECK(run.finish().empty());
  REQUIRE(run.inventory.agencies.size() == 1);
  CHECK(run.inventory.agencies[0].declared);
  CHECK(run.inventory.agencies[0].name == "Finance");
  CHECK(run.inventory.describe(run.inventory.agencies[0].where) == "a.csv:2");
}

TEST_CASE("a parent named only by a system is an unknown parent") {
  Run run;
  run.add("s.csv", kSystems + "A,a,MOF,,\n").add("a.csv", "code,name,parent\nMOF-TAX,Tax,MOF\n");
  CHECK(run.finish() ==
        Lines{"a.csv:2: error: unknown parent agency 'MOF' of 'MOF-TAX' (add it to the agencies "
              "file) [unknown-agency]",
              "s.csv:2: error: unknown agency 'MOF' of system 'A' (add it to the agencies file) "
              "[unknown-agency]"});
}

TEST_CASE("parents may be declared after their children") {
  Run run;
  run.add("a.csv", "code,name,parent\nC,c,B\nB,b,A\n").add("b.csv", "code,name,parent\nA,a,\n");
  CHECK(run.finish().empty());
  const auto a = run.inventory.findAgency("A"), b = run.inventory.findAgency("B"),
             c = run.inventory.findAgency("C");
  REQUIRE((a && b && c));
  CHECK(run.inventory.agencies[*c].parent == *b);
  CHECK(run.inventory.agencies[*b].parent == *a);
}

TEST_CASE("a cycle of agency parents across files is reported once") {
  Run run;
  run.add("a.csv", "code,name,parent\nA,a,B\n").add("b.csv", "code,name,parent\nB,b,A\n");
  CHECK(run.finish() == Lines{"a.csv:2: error: agency parents form a cycle: A -> B -> A (remove "
                              "one of these parents) [agency-cycle]"});
}

TEST_CASE("finishing hands over the inventory and clears what was pending") {
  Run run;
  run.add("s.csv", kSystems + "A,a,X,,\nB,b,X,A,\n");
  CHECK(run.finish().empty());
  CHECK(run.inventory.systems.size() == 2);
  CHECK(run.inventory.dependencies.size() == 1);
  CHECK(run.inventory.findSystem("B") == 1u);
}

TEST_CASE("diagnostics name the place through the builder") {
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  builder.addFile("x.csv", models::InputKind::systems);
  builder.error({0, 4}, "some-code", "an error");
  builder.warning({0, 0}, "other-code", "a warning");
  CHECK(builder.describe({0, 4}) == "x.csv:4");
  REQUIRE(diagnostics.all().size() == 2);
  CHECK(diagnostics.all()[0].file == "x.csv");
  CHECK(diagnostics.all()[0].line == 4);
  CHECK(diagnostics.all()[0].code == "some-code");
  CHECK(diagnostics.all()[1].severity == models::Severity::warning);
  CHECK(diagnostics.all()[1].line == 0);
}

TEST_CASE("ten thousand unknown ids among 100000 systems are all reported") {
  std::string systems = kSystems;
  systems.reserve(5'000'000);
  for (int i = 0; i < 100'000; ++i) {
    systems += "AG" + std::to_string(i % 50) + "/system-" + std::to_string(i) + ",s,AG,";
    if (i % 10 == 0)
      systems += "AG" + std::to_string((i + 1) % 50) + "/sistem-" + std::to_string(i + 1);
    systems += ",\n";
  }
  Run run;
  run.add("s.csv", std::move(systems));
  const Lines lines = run.finish();
  REQUIRE(lines.size() == 10'000);
  CHECK(lines[0] ==
        "s.csv:2: error: unknown system 'AG1/sistem-1' in depends_on (did you mean "
        "'AG1/system-1'?) [unknown-system]");
  CHECK(lines[9'999] ==
        "s.csv:99992: error: unknown system 'AG41/sistem-99991' in depends_on "
        "(did you mean 'AG41/system-99991'?) [unknown-system]");
}

TEST_CASE("an id that a spreadsheet would read as a formula is refused at its line") {
  Run run;
  run.add("systems.csv", kSystems + "s1,One,MOF,-s6,\n-s6,Six,MOF,,\nok-s7,Seven,MOF,,\n");
  // Only the id's definition is reported: s1's depends_on still finds it.
  CHECK(run.finish() ==
        Lines{"systems.csv:3: error: id '-s6' starts with '-' (a spreadsheet would read it as a "
              "formula; start ids with a letter or digit) [malformed-id]"});
}

TEST_CASE("an ArchiMate id that a spreadsheet would read as a formula is refused at its line") {
  Run run;
  run.addArchimate("model.xml",
                   "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"id-m\">\n"
                   "  <name xml:lang=\"en\">Test</name>\n"
                   "  <elements>\n"
                   "    <element identifier=\"e1\" xsi:type=\"Node\"><name>One</name></element>\n"
                   "    <element identifier=\"e2\" xsi:type=\"Node\"><name>Six</name><properties>\n"
                   "      <property propertyDefinitionRef=\"i\"><value>-s6</value></property>\n"
                   "    </properties></element>\n"
                   "  </elements>\n"
                   "  <propertyDefinitions>\n"
                   "    <propertyDefinition identifier=\"i\" type=\"string\"><name>id</name>"
                   "</propertyDefinition>\n"
                   "  </propertyDefinitions>\n"
                   "</model>\n");
  CHECK(run.finish() ==
        Lines{"model.xml:5: error: id '-s6' starts with '-' (a spreadsheet would read it as a "
              "formula; start ids with a letter or digit) [malformed-id]"});
}

TEST_CASE("an agency code that a spreadsheet would read as a formula is refused once") {
  Run declared;
  declared.add("agencies.csv", "code,name\n-MOF,Ministry of Finance\n")
      .add("systems.csv", kSystems + "s1,One,-MOF,,\ns2,Two,-MOF,,\n");
  CHECK(declared.finish() ==
        Lines{"agencies.csv:2: error: agency code '-MOF' starts with '-' (a spreadsheet would "
              "read it as a formula; start codes with a letter or digit) [malformed-id]"});
  Run named;
  named.add("systems.csv", kSystems + "s1,One,MOF,,\ns2,Two,@MOF,,\ns3,Three,@MOF,,\n");
  CHECK(named.finish() ==
        Lines{"systems.csv:3: error: agency code '@MOF' starts with '@' (a spreadsheet would "
              "read it as a formula; start codes with a letter or digit) [malformed-id]"});
}

TEST_CASE("ids and codes with a formula character after the first are accepted") {
  Run run;
  run.add("agencies.csv", "code,name\nMOF-TAX,Tax\n")
      .add("systems.csv", kSystems + "MOF-TAX/e-filing,One,MOF-TAX,,\n1-s6,Two,MOF-TAX,,\n");
  CHECK(run.finish().empty());
}
