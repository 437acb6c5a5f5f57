// The plan as an ArchiMate exchange model: its plateaus, work packages, deliverables and gap, the
// relationships among them and the systems, every relationship checked against the table, the
// file read back into the same inventory, and (when CLOUDPLAN_ARCHIMATE_XSD names the folder of
// the Open Group schemas) validated by xmllint; the identifiers (an ArchiMate input's kept, the
// made ones valid and never equal to a kept one) and the views.
#include "exporters/archimate/plan_archimate.h"

#include <tinyxml2.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "engine/plan_migration.h"
#include "exporters/archimate/archimate_identifiers.h"
#include "exporters/archimate/archimate_relationships.h"
#include "exporters/archimate/archimate_views.h"
#include "importers/read_inputs.h"
#include "tests/temp_folder.h"

namespace cloudplan::exporters {
namespace {

using Lines = std::vector<std::string>;

// Systems of every type and strategy, a tight pair, a retired and a retained system, properties
// and text that must be escaped.
const std::string kSystems =
    "id,name,agency,type,strategy,effort_days,pinned_wave,not_before,finish_by,depends_on,"
    "move_with,os\n"
    "MOF/net,Network,MOF,infrastructure,relocate,,,,,,,\n"
    "MOF/k8s,Kubernetes,MOF,platform,replatform,,,,,MOF/net,,Linux\n"
    "MOF/db,Ledger DB,MOF,database,rehost,,,,,MOF/k8s,,\n"
    "MOF/gl,General Ledger & Co <GL>,MOF-T,application,refactor,50,,,,MOF/k8s,MOF/db,\n"
    "MOF/api,\"Ledger \"\"API\"\"\",MOF-T,interface,rehost,,,2027-03-01,2030-12-31,MOF/gl,,\n"
    "MOF/old,Old Payroll,MOF,application,retire,,,,2031-06-30,,,\n"
    "MOF/keep,Mainframe,MOF,infrastructure,retain,,,,,,,z/OS\n"
    "MOF/solo,Solo,MOF,application,rehost,,2,,,,,\n";
const std::string kAgencies = "code,name,parent\nMOF,Finance,\nMOF-T,Treasury,MOF\n";
const std::string kDependencies =
    "from,to,coupling,kind,description,protocol\nMOF/api,MOF/old,loose,file,Nightly,SFTP\n";

struct Planned {
  testing::TempFolder folder;
  models::Inventory inventory;
  models::Plan plan;
  std::string xml;

  Planned() {
    const std::vector<std::string> paths = {folder.write("systems.csv", kSystems),
                                            folder.write("agencies.csv", kAgencies),
                                            folder.write("dependencies.csv", kDependencies)};
    models::Diagnostics diagnostics;
    inventory = importers::readInputs(paths, {}, diagnostics);
    REQUIRE(!diagnostics.hasErrors());
    auto made = engine::planMigration(inventory, {}, diagnostics);
    REQUIRE(made);
    plan = std::move(*made);
    xml = planToArchimate(inventory, plan);
  }
};

// The parsed file, indexed: elements by identifier (type, name) and the relationships.
struct Model {
  tinyxml2::XMLDocument document;
  std::map<std::string, std::pair<std::string, std::string>> elements;
  struct Relationship {
    std::string type, source, target;
  };
  std::vector<Relationship> relationships;

  explicit Model(const std::string& xml) {
    REQUIRE(document.Parse(xml.data(), xml.size()) == tinyxml2::XML_SUCCESS);
    const auto* root = document.RootElement();
    for (const auto* e = root->FirstChildElement("elements")->FirstChildElement("element"); e;
         e = e->NextSiblingElement("element")) {
      elements[e->Attribute("identifier")] = {e->Attribute("xsi:type"),
                                              e->FirstChildElement("name")->GetText()};
    }
    for (const auto* r =
             root->FirstChildElement("relationships")->FirstChildElement("relationship");
         r; r = r->NextSiblingElement("relationship")) {
      relationships.push_back(
          {r->Attribute("xsi:type"), r->Attribute("source"), r->Attribute("target")});
    }
  }
  const std::string& typeOf(const std::string& id) const { return elements.at(id).first; }
  const std::string& nameOf(const std::string& id) const { return elements.at(id).second; }
  // "type source-name target-name" of every relationship of this type from `source`.
  std::set<std::string> targetsOf(const std::string& type, const std::string& source) const {
    std::set<std::string> targets;
    for (const auto& r : relationships) {
      if (r.type == type && r.source == source) targets.insert(nameOf(r.target));
    }
    return targets;
  }
};

TEST_CASE("the plan model is well-formed, deterministic, in the exchange namespace") {
  const Planned p;
  const Model model(p.xml);
  const auto* root = model.document.RootElement();
  CHECK(std::string(root->Name()) == "model");
  CHECK(std::string(root->Attribute("xmlns")) == "http://www.opengroup.org/xsd/archimate/3.0/");
  CHECK(planToArchimate(p.inventory, p.plan) == p.xml);
  CHECK(p.xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
}

TEST_CASE("every system is an element of its ArchiMate type with its properties") {
  const Planned p;
  const Model model(p.xml);
  CHECK(model.typeOf("cp-system-MOF_2fnet") == "Node");
  CHECK(model.typeOf("cp-system-MOF_2fk8s") == "SystemSoftware");
  CHECK(model.typeOf("cp-system-MOF_2fdb") == "ApplicationComponent");
  CHECK(model.typeOf("cp-system-MOF_2fapi") == "ApplicationInterface");
  CHECK(model.nameOf("cp-system-MOF_2fgl") == "General Ledger & Co <GL>");
  CHECK(model.nameOf("cp-system-MOF_2fapi") == "Ledger \"API\"");
  CHECK(p.xml.find("General Ledger &amp; Co &lt;GL&gt;") != std::string::npos);
}

TEST_CASE("plateaus Baseline, one per wave and Target are chained by triggering") {
  const Planned p;
  const Model model(p.xml);
  REQUIRE(!p.plan.waves.empty());
  std::string previous = "cp-baseline";
  CHECK(model.nameOf(previous) == "Baseline");
  for (const auto& wave : p.plan.waves) {
    const std::string plateau = "cp-wave-" + std::to_string(wave.number);
    CHECK(model.typeOf(plateau) == "Plateau");
    CHECK(model.nameOf(plateau) == "Wave " + std::to_string(wave.number) + " (" +
                                       models::formatDate(wave.start) + " \u2013 " +
                                       models::formatDate(wave.end) + ")");
    CHECK(model.targetsOf("Triggering", previous) == std::set<std::string>{model.nameOf(plateau)});
    previous = plateau;
  }
  CHECK(model.targetsOf("Triggering", previous) == std::set<std::string>{"Target"});
}

TEST_CASE("each wave's work package realizes a deliverable that realizes its plateau") {
  const Planned p;
  const Model model(p.xml);
  for (const auto& wave : p.plan.waves) {
    const std::string k = std::to_string(wave.number);
    CHECK(model.typeOf("cp-work-" + k) == "WorkPackage");
    CHECK(model.typeOf("cp-deliverable-" + k) == "Deliverable");
    CHECK(model.targetsOf("Realization", "cp-work-" + k) ==
          std::set<std::string>{model.nameOf("cp-deliverable-" + k)});
    CHECK(model.targetsOf("Realization", "cp-deliverable-" + k) ==
          std::set<std::string>{model.nameOf("cp-wave-" + k)});
  }
}

TEST_CASE("plateaus aggregate the systems of their wave, Target the retained ones") {
  const Planned p;
  const Model model(p.xml);
  for (const auto& wave : p.plan.waves) {
    std::set<std::string> names;
    for (auto s : wave.systems)
      names.insert(std::string(p.inventory.systems[s].name));
    CHECK(model.targetsOf("Aggregation", "cp-wave-" + std::to_string(wave.number)) == names);
  }
  CHECK(model.targetsOf("Aggregation", "cp-target") == std::set<std::string>{"Mainframe"});
}

TEST_CASE("retired systems are associated with a gap between Baseline and Target") {
  const Planned p;
  const Model model(p.xml);
  CHECK(model.typeOf("cp-gap-retired") == "Gap");
  CHECK(model.targetsOf("Association", "cp-gap-retired") ==
        std::set<std::string>{"Baseline", "Target", "Old Payroll"});
}

TEST_CASE("every relationship written is one the ArchiMate table allows") {
  const Planned p;
  const Model model(p.xml);
  std::map<std::string, size_t> counts;
  for (const auto& r : model.relationships) {
    INFO(r.type << " " << r.source << " -> " << r.target);
    CHECK(isAllowedRelationship(model.typeOf(r.source), r.type, model.typeOf(r.target)));
    ++counts[r.type];
  }
  CHECK(counts.at("Serving") + counts.at("Composition") == p.inventory.dependencies.size());
  CHECK(counts.at("Triggering") == p.plan.waves.size() + 1);
}

TEST_CASE("identifiers are unique and every reference is defined") {
  const Planned p;
  const Model model(p.xml);
  std::set<std::string> identifiers, definitions;
  const auto* root = model.document.RootElement();
  for (const auto* d =
           root->FirstChildElement("propertyDefinitions")->FirstChildElement("propertyDefinition");
       d; d = d->NextSiblingElement("propertyDefinition")) {
    CHECK(definitions.insert(d->Attribute("identifier")).second);
  }
  for (const auto* group :
       {root->FirstChildElement("elements"), root->FirstChildElement("relationships")}) {
    for (const auto* e = group->FirstChildElement(); e; e = e->NextSiblingElement()) {
      CHECK(identifiers.insert(e->Attribute("identifier")).second);
      if (const auto* properties = e->FirstChildElement("properties")) {
        for (const auto* q = properties->FirstChildElement("property"); q;
             q = q->NextSiblingElement("property"))
          CHECK(definitions.count(q->Attribute("propertyDefinitionRef")) == 1);
      }
    }
  }
  for (const auto& r : model.relationships) {
    CHECK(model.elements.count(r.source) == 1);
    CHECK(model.elements.count(r.target) == 1);
  }
}

TEST_CASE("reading the plan model back gives the same systems and dependencies") {
  const Planned p;
  const std::string path = p.folder.write("plan.archimate.xml", p.xml);
  models::Diagnostics diagnostics;
  importers::ArchimateMappingReport report;
  const std::vector<std::string> paths = {path};
  const auto back = importers::readInputs(paths, {.archimateReport = &report}, diagnostics);
  CHECK(diagnostics.count(models::Severity::error) == 0);
  CHECK(diagnostics.count(models::Severity::warning) == 0);
  REQUIRE(back.systems.size() == p.inventory.systems.size());
  for (size_t s = 0; s < back.systems.size(); ++s) {
    const auto& a = p.inventory.systems[s];
    const auto& b = back.systems[s];
    INFO(a.id);
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.type == b.type);
    CHECK(a.strategy == b.strategy);
    CHECK(a.criticality == b.criticality);
    CHECK(a.effortDays == b.effortDays);
    CHECK(a.pinnedWave == b.pinnedWave);
    CHECK(a.notBefore == b.notBefore);
    CHECK(a.finishBy == b.finishBy);
    CHECK(p.inventory.agencies[a.agency].code == back.agencies[b.agency].code);
    // Its own properties only: not the wave the plan gave it, which the file also carries.
    Lines propertiesA, propertiesB;
    for (const auto& q : p.inventory.propertiesOf(a.properties))
      propertiesA.push_back(std::string(q.key) + "=" + std::string(q.value));
    for (const auto& q : back.propertiesOf(b.properties))
      propertiesB.push_back(std::string(q.key) + "=" + std::string(q.value));
    CHECK(propertiesA == propertiesB);
  }
  REQUIRE(back.dependencies.size() == p.inventory.dependencies.size());
  for (size_t d = 0; d < back.dependencies.size(); ++d) {
    const auto& a = p.inventory.dependencies[d];
    const auto& b = back.dependencies[d];
    CHECK(a.consumer == b.consumer);
    CHECK(a.provider == b.provider);
    CHECK(a.coupling == b.coupling);
    CHECK(a.kind == b.kind);
    CHECK(a.description == b.description);
  }
  CHECK(back.systems[*back.findSystem("MOF/api")].finishBy == models::dateFromCivil(2030, 12, 31));
  CHECK(p.xml.find("type=\"date\"><name>finish_by</name>") != std::string::npos);
  const auto treasury = back.findAgency("MOF-T");
  REQUIRE(treasury);
  CHECK(back.agencies[back.agencies[*treasury].parent].code == "MOF");
}

// A CSV inventory may hold what XML cannot: the file must still be one cloudplan reads back.
TEST_CASE("control characters and U+FFFE, U+FFFF become U+FFFD, and the file reads back") {
  testing::TempFolder folder;
  const std::vector<std::string> paths = {
      folder.write("systems.csv",
                   "id,name,agency,notes\n"
                   "A/a,\"x\x01y\xEF\xBF\xBEz\xEF\xBF\xBF\",A,\"\x1F\"\n")};
  models::Diagnostics diagnostics;
  const auto inventory = importers::readInputs(paths, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  const auto plan = engine::planMigration(inventory, {}, diagnostics);
  REQUIRE(plan);
  const std::string xml = planToArchimate(inventory, *plan);
  CHECK(xml.find("<name>x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD</name>") != std::string::npos);
  CHECK(xml.find("<value>\xEF\xBF\xBD</value>") != std::string::npos);
  const std::vector<std::string> back = {folder.write("plan.archimate.xml", xml)};
  models::Diagnostics again;
  const auto read = importers::readInputs(back, {}, again);
  CHECK(again.count(models::Severity::error) == 0);
  REQUIRE(read.systems.size() == 1);
  CHECK(read.systems[0].name == "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD");
}

// xmllint's verdict on the file against the exchange schema with its views
// (CLOUDPLAN_ARCHIMATE_XSD names the folder of archimate3_Diagram.xsd; XML_CATALOG_FILES may map
// the xml.xsd it imports to a local copy); nullopt when the variable is unset.
std::optional<bool> validatesAgainstSchema(const std::string& path) {
  const char* folder = std::getenv("CLOUDPLAN_ARCHIMATE_XSD");
  if (!folder || !*folder) {
    WARN(
        "skipped: set CLOUDPLAN_ARCHIMATE_XSD to the folder of archimate3_Diagram.xsd to "
        "validate the plan model with xmllint");
    return std::nullopt;
  }
  const std::string command = "xmllint --noout --nonet --schema '" + std::string(folder) +
                              "/archimate3_Diagram.xsd' '" + path + "' 2>&1";
  INFO(command);
  return std::system(command.c_str()) == 0;
}

TEST_CASE("the plan model validates against the exchange schema (xmllint)") {
  const Planned p;
  const std::string path = p.folder.write("plan.archimate.xml", p.xml);
  if (const auto valid = validatesAgainstSchema(path)) CHECK(*valid);
}

// An inventory read from an ArchiMate model (the Open Group's ArchiSurance, its systems in no
// agency folder: --default-agency gives them one), planned.
struct PlannedFromModel {
  testing::TempFolder folder;
  models::Inventory inventory;
  models::Plan plan;
  std::string xml;

  PlannedFromModel() {
    const std::vector<std::string> paths = {
        CLOUDPLAN_SOURCE_DIR
        "/../shared/reference/archimate/opengroup-xmlexchange/archisurance.xml"};
    models::Diagnostics diagnostics;
    inventory = importers::readInputs(paths, {.defaultAgency = "INS"}, diagnostics);
    REQUIRE(!diagnostics.hasErrors());
    auto made = engine::planMigration(inventory, {}, diagnostics);
    REQUIRE(made);
    plan = std::move(*made);
    xml = planToArchimate(inventory, plan);
  }
};

TEST_CASE("elements read from an ArchiMate model keep their identifiers, with no id property") {
  const PlannedFromModel p;
  const Model model(p.xml);
  REQUIRE(p.inventory.systems.size() == 26);
  for (const auto& system : p.inventory.systems) {
    INFO(system.id);
    REQUIRE(model.elements.count(std::string(system.archimateIdentifier)) == 1);
    CHECK(model.nameOf(std::string(system.archimateIdentifier)) == system.name);
  }
  CHECK(model.typeOf("id-1399") == "ApplicationComponent");  // Financial Application
  CHECK(p.xml.find("id-id-") == std::string::npos);
  REQUIRE(
      p.xml.find("<propertyDefinition identifier=\"cp-prop-id\" type=\"string\"><name>id</name>") !=
      std::string::npos);
  CHECK(p.xml.find("propertyDefinitionRef=\"cp-prop-id\"") == std::string::npos);
  CHECK(model.typeOf("cp-wave-1") == "Plateau");

  const std::string path = p.folder.write("plan.archimate.xml", p.xml);
  models::Diagnostics diagnostics;
  const std::vector<std::string> paths = {path};
  const auto back = importers::readInputs(paths, {}, diagnostics);
  CHECK(diagnostics.count(models::Severity::error) == 0);
  REQUIRE(back.systems.size() == p.inventory.systems.size());
  for (size_t s = 0; s < back.systems.size(); ++s) {
    CHECK(back.systems[s].id == p.inventory.systems[s].id);
    CHECK(back.systems[s].archimateIdentifier == p.inventory.systems[s].archimateIdentifier);
  }
  CHECK(planToArchimate(back, p.plan) == p.xml);  // a fixed point, ids and all
  if (const auto valid = validatesAgainstSchema(path)) CHECK(*valid);
}

TEST_CASE("ids that are no xs:ID get a made identifier, which no kept identifier equals") {
  CHECK(isXmlIdentifier("id-11830"));
  CHECK(isXmlIdentifier("_a.b-c"));
  CHECK_FALSE(isXmlIdentifier("MOF/net"));
  CHECK_FALSE(isXmlIdentifier("x:y"));
  CHECK_FALSE(isXmlIdentifier("1abc"));
  CHECK_FALSE(isXmlIdentifier("-a"));
  CHECK_FALSE(isXmlIdentifier(""));
  CHECK(escapedIdentifier("MOF/gl_2") == "MOF_2fgl_5f2");

  // A CSV inventory whose ids take the first prefix's plateau and made-system identifiers.
  testing::TempFolder folder;
  const std::vector<std::string> paths = {folder.write("systems.csv",
                                                       "id,name,agency,depends_on\n"
                                                       "cp-wave-1,Takes a plateau's,A,\n"
                                                       "cp-system-A_2fb,Takes a made one's,A,A/b\n"
                                                       "A/b,Needs a made one,A,\n"
                                                       "cp1-other,Does not rule out cp1-,A,\n")};
  models::Diagnostics diagnostics;
  const auto inventory = importers::readInputs(paths, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  const auto ids = chooseArchimateIdentifiers(inventory);
  CHECK(ids.prefix == "cp1-");
  CHECK(ids.systems ==
        std::vector<std::string>{"cp-wave-1", "cp-system-A_2fb", "cp1-system-A_2fb", "cp1-other"});
  const auto plan = engine::planMigration(inventory, {}, diagnostics);
  REQUIRE(plan);
  const std::string xml = planToArchimate(inventory, *plan);
  const Model model(xml);
  CHECK(model.nameOf("cp-wave-1") == "Takes a plateau's");
  CHECK(model.typeOf("cp1-wave-1") == "Plateau");
  CHECK(model.nameOf("cp1-system-A_2fb") == "Needs a made one");
  CHECK(model.document.RootElement()->Attribute("identifier") == std::string("cp1-model"));

  // Without the collision, the first prefix.
  const std::vector<std::string> plain = {
      folder.write("plain.csv", "id,name,agency\nA/b,B,A\ncp1-x,X,A\n")};
  const auto other = importers::readInputs(plain, {}, diagnostics);
  CHECK(chooseArchimateIdentifiers(other).prefix == "cp-");
  CHECK(chooseArchimateIdentifiers(other).systems ==
        std::vector<std::string>{"cp-system-A_2fb", "cp1-x"});
}

// Every identifier of the document (elements, relationships, property definitions, views, their
// nodes and connections) is an xs:ID, and no two are equal.
void checkIdentifiers(const tinyxml2::XMLElement* element, std::set<std::string>& seen) {
  if (const char* identifier = element->Attribute("identifier")) {
    INFO(identifier);
    CHECK(isXmlIdentifier(identifier));
    CHECK(seen.insert(identifier).second);
  }
  for (const auto* child = element->FirstChildElement(); child; child = child->NextSiblingElement())
    checkIdentifiers(child, seen);
}

// A view's nodes by identifier: the element each shows, its bounds and its parent node's.
struct ViewNode {
  std::string element;
  int x, y, w, h;
  std::string parent;
};

void collectNodes(const tinyxml2::XMLElement* parent, const std::string& parentId,
                  std::map<std::string, ViewNode>& nodes) {
  for (const auto* n = parent->FirstChildElement("node"); n; n = n->NextSiblingElement("node")) {
    nodes[n->Attribute("identifier")] = {n->Attribute("elementRef"), n->IntAttribute("x"),
                                         n->IntAttribute("y"),       n->IntAttribute("w"),
                                         n->IntAttribute("h"),       parentId};
    collectNodes(n, n->Attribute("identifier"), nodes);
  }
}

struct View {
  std::string name;
  std::map<std::string, ViewNode> nodes;
  std::vector<std::tuple<std::string, std::string, std::string>> connections;  // rel, from, to
  std::set<std::string> elements() const {
    std::set<std::string> shown;
    for (const auto& [id, node] : nodes)
      shown.insert(node.element);
    return shown;
  }
};

std::vector<View> viewsOf(const Model& model) {
  std::vector<View> views;
  const auto* diagrams =
      model.document.RootElement()->FirstChildElement("views")->FirstChildElement("diagrams");
  for (const auto* v = diagrams->FirstChildElement("view"); v; v = v->NextSiblingElement("view")) {
    View view;
    view.name = v->FirstChildElement("name")->GetText();
    collectNodes(v, "", view.nodes);
    for (const auto* c = v->FirstChildElement("connection"); c;
         c = c->NextSiblingElement("connection")) {
      view.connections.emplace_back(c->Attribute("relationshipRef"), c->Attribute("source"),
                                    c->Attribute("target"));
    }
    views.push_back(std::move(view));
  }
  return views;
}

// Nodes have positive bounds and sit inside their parent; connections join nodes of the view
// that show the relationship's two ends.
void checkView(const Model& model, const View& view) {
  INFO(view.name);
  for (const auto& [id, node] : view.nodes) {
    INFO(id);
    CHECK(model.elements.count(node.element) == 1);
    CHECK((node.x > 0 && node.y > 0 && node.w > 0 && node.h > 0));
    if (node.parent.empty()) continue;
    const ViewNode& parent = view.nodes.at(node.parent);
    CHECK((node.x >= parent.x && node.y >= parent.y && node.x + node.w <= parent.x + parent.w &&
           node.y + node.h <= parent.y + parent.h));
  }
  for (const auto& [relationship, from, to] : view.connections) {
    INFO(relationship);
    REQUIRE(view.nodes.count(from) == 1);
    REQUIRE(view.nodes.count(to) == 1);
    bool found = false;
    for (const auto* x = model.document.RootElement()
                             ->FirstChildElement("relationships")
                             ->FirstChildElement("relationship");
         x; x = x->NextSiblingElement("relationship")) {
      if (x->Attribute("identifier") != relationship) continue;
      found = true;
      CHECK(x->Attribute("source") == view.nodes.at(from).element);
      CHECK(x->Attribute("target") == view.nodes.at(to).element);
    }
    CHECK(found);
  }
}

TEST_CASE("every identifier of the file, views included, is an xs:ID used once") {
  for (const std::string& xml : {Planned().xml, PlannedFromModel().xml}) {
    const Model model(xml);
    std::set<std::string> seen;
    checkIdentifiers(model.document.RootElement(), seen);
    CHECK(seen.size() > model.elements.size() + model.relationships.size());
  }
}

TEST_CASE("a roadmap view chains the plateaus, with work packages, deliverables and the gap") {
  const Planned p;
  const Model model(p.xml);
  const auto views = viewsOf(model);
  REQUIRE(views.size() == p.plan.waves.size() + 1);
  const View& roadmap = views.front();
  CHECK(roadmap.name == "Migration roadmap");
  checkView(model, roadmap);
  std::set<std::string> expected = {"cp-baseline", "cp-target", "cp-gap-retired"};
  for (const auto& wave : p.plan.waves) {
    for (const char* kind : {"cp-wave-", "cp-work-", "cp-deliverable-"})
      expected.insert(kind + std::to_string(wave.number));
  }
  CHECK(roadmap.elements() == expected);
  // Triggering, two realizations per wave, two gap associations.
  CHECK(roadmap.connections.size() == 3 * p.plan.waves.size() + 3);
  // Left to right: each plateau right of the one before it, or on a lower row.
  std::vector<std::pair<int, int>> plateaus;
  for (const std::string& id : {std::string("cp-baseline")}) {
    for (const auto& [n, node] : roadmap.nodes) {
      if (node.element == id) plateaus.emplace_back(node.y, node.x);
    }
  }
  for (const auto& wave : p.plan.waves) {
    for (const auto& [n, node] : roadmap.nodes) {
      if (node.element == "cp-wave-" + std::to_string(wave.number))
        plateaus.emplace_back(node.y, node.x);
    }
  }
  CHECK(std::is_sorted(plateaus.begin(), plateaus.end()));
}

TEST_CASE("a view per wave shows its plateau holding its systems, with their dependencies") {
  for (const bool fromModel : {false, true}) {
    INFO((fromModel ? "ArchiSurance" : "csv"));
    const std::unique_ptr<Planned> csv = fromModel ? nullptr : std::make_unique<Planned>();
    const std::unique_ptr<PlannedFromModel> archimate =
        fromModel ? std::make_unique<PlannedFromModel>() : nullptr;
    const models::Inventory& inventory = fromModel ? archimate->inventory : csv->inventory;
    const models::Plan& plan = fromModel ? archimate->plan : csv->plan;
    const Model model(fromModel ? archimate->xml : csv->xml);
    const auto ids = chooseArchimateIdentifiers(inventory);
    const auto views = viewsOf(model);
    REQUIRE(views.size() == plan.waves.size() + 1);
    size_t connections = 0;
    for (size_t w = 0; w < plan.waves.size(); ++w) {
      const View& view = views[w + 1];
      checkView(model, view);
      const auto& wave = plan.waves[w];
      CHECK(view.name == model.nameOf("cp-wave-" + std::to_string(wave.number)));
      std::set<std::string> expected = {"cp-wave-" + std::to_string(wave.number)};
      for (auto s : wave.systems)
        expected.insert(ids.systems[s]);
      CHECK(view.elements() == expected);
      for (const auto& [id, node] : view.nodes)
        CHECK(node.parent.empty() == (node.element == "cp-wave-" + std::to_string(wave.number)));
      connections += view.connections.size();
    }
    // Every dependency within a wave is drawn there.
    size_t within = 0;
    for (const auto& d : inventory.dependencies) {
      within += plan.systems[d.consumer].wave != 0 &&
                plan.systems[d.consumer].wave == plan.systems[d.provider].wave;
    }
    CHECK(connections == within);
    CHECK(connections > 0);
  }
}

TEST_CASE("a wave view draws at most kMaxSystemsPerWaveView systems and says so") {
  testing::TempFolder folder;
  std::string systems = "id,name,agency\n";
  for (size_t i = 0; i < kMaxSystemsPerWaveView + 50; ++i)
    systems += "S" + std::to_string(i) + ",System " + std::to_string(i) + ",A\n";
  models::Diagnostics diagnostics;
  const std::vector<std::string> paths = {folder.write("systems.csv", systems)};
  const auto inventory = importers::readInputs(paths, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  const auto plan = engine::planMigration(inventory, {}, diagnostics);
  REQUIRE(plan);
  REQUIRE(plan->waves.size() == 1);
  const std::string xml = planToArchimate(inventory, *plan);
  const Model model(xml);
  const auto views = viewsOf(model);
  REQUIRE(views.size() == 2);
  CHECK(views[1].nodes.size() == kMaxSystemsPerWaveView + 1);
  CHECK(xml.find("<documentation xml:lang=\"en\">The 450 systems that move or are switched off "
                 "in wave 1; the first 400, by agency, are drawn (the Plateau aggregates every "
                 "one).</documentation>") != std::string::npos);
  CHECK(model.targetsOf("Aggregation", "cp-wave-1").size() == 450);
}

// The relationships of the file by identifier: (type, source, target).
std::map<std::string, std::tuple<std::string, std::string, std::string>> relationshipsOf(
    const Model& model) {
  std::map<std::string, std::tuple<std::string, std::string, std::string>> relationships;
  for (const auto* r = model.document.RootElement()
                           ->FirstChildElement("relationships")
                           ->FirstChildElement("relationship");
       r; r = r->NextSiblingElement("relationship")) {
    relationships[r->Attribute("identifier")] = {r->Attribute("xsi:type"), r->Attribute("source"),
                                                 r->Attribute("target")};
  }
  return relationships;
}

// Elements of the types that map to infrastructure (Device, CommunicationNetwork,
// TechnologyInterface) and an ApplicationComponent whose type property says interface, related
// to one another.
const std::string kTypedModel = R"(<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m-types">
  <name xml:lang="en">Types</name>
  <elements>
    <element identifier="e-app" xsi:type="ApplicationComponent"><name>Portal</name></element>
    <element identifier="e-api" xsi:type="ApplicationComponent"><name>Portal API</name>
      <properties>
        <property propertyDefinitionRef="p-type"><value>interface</value></property>
      </properties>
    </element>
    <element identifier="e-dev" xsi:type="Device"><name>Scanner</name></element>
    <element identifier="e-net" xsi:type="CommunicationNetwork"><name>WAN</name></element>
    <element identifier="e-ti" xsi:type="TechnologyInterface"><name>SFTP drop</name></element>
  </elements>
  <relationships>
    <relationship identifier="r-dev-app" source="e-dev" target="e-app" xsi:type="Serving"/>
    <relationship identifier="r-net-dev" source="e-net" target="e-dev" xsi:type="Serving"/>
    <relationship identifier="r-app-api" source="e-app" target="e-api" xsi:type="Composition"/>
    <relationship identifier="r-dev-ti" source="e-dev" target="e-ti" xsi:type="Composition"/>
    <relationship identifier="r-ti-api" source="e-ti" target="e-api" xsi:type="Flow"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p-type" type="string"><name>type</name></propertyDefinition>
  </propertyDefinitions>
</model>
)";

TEST_CASE("kept identifiers keep their element's type, and every relationship stays allowed") {
  testing::TempFolder folder;
  models::Diagnostics diagnostics;
  const std::vector<std::string> paths = {folder.write("model.xml", kTypedModel)};
  const auto inventory = importers::readInputs(paths, {.defaultAgency = "INF"}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  REQUIRE(inventory.systems.size() == 5);
  const auto api = inventory.findSystem("e-api");
  REQUIRE(api);
  CHECK(inventory.systems[*api].type == models::SystemType::interface);
  auto made = engine::planMigration(inventory, {}, diagnostics);
  REQUIRE(made);
  const std::string xml = planToArchimate(inventory, *made);
  const Model model(xml);
  // Not Node, Node, Node and ApplicationInterface, as the system types would say.
  CHECK(model.typeOf("e-dev") == "Device");
  CHECK(model.typeOf("e-net") == "CommunicationNetwork");
  CHECK(model.typeOf("e-ti") == "TechnologyInterface");
  CHECK(model.typeOf("e-api") == "ApplicationComponent");
  CHECK(model.typeOf("e-app") == "ApplicationComponent");
  for (const auto& r : model.relationships) {
    INFO(r.type << " " << r.source << " -> " << r.target);
    CHECK(isAllowedRelationship(model.typeOf(r.source), r.type, model.typeOf(r.target)));
  }
  const auto relationships = relationshipsOf(model);
  for (const char* identifier : {"r-dev-app", "r-net-dev", "r-app-api", "r-dev-ti", "r-ti-api"}) {
    INFO(identifier);
    CHECK(relationships.count(identifier) == 1);
  }
  CHECK(std::get<0>(relationships.at("r-dev-ti")) == "Composition");
  CHECK(std::get<0>(relationships.at("r-app-api")) == "Composition");
  // Read back, the systems keep their types (the type property says interface).
  const std::string path = folder.write("plan.archimate.xml", xml);
  const std::vector<std::string> written = {path};
  const auto back = importers::readInputs(written, {}, diagnostics);
  CHECK(diagnostics.count(models::Severity::error) == 0);
  REQUIRE(back.systems.size() == inventory.systems.size());
  for (size_t s = 0; s < back.systems.size(); ++s) {
    INFO(back.systems[s].id);
    CHECK(back.systems[s].type == inventory.systems[s].type);
    CHECK(back.systems[s].archimateType == inventory.systems[s].archimateType);
  }
  CHECK(planToArchimate(back, *made) == xml);
  if (const auto valid = validatesAgainstSchema(path)) CHECK(*valid);
}

TEST_CASE("dependencies read from ArchiMate relationships keep their identifiers and types") {
  const PlannedFromModel p;
  const Model model(p.xml);
  const auto relationships = relationshipsOf(model);
  const auto ids = chooseArchimateIdentifiers(p.inventory);
  size_t kept = 0, made = 0;
  for (size_t d = 0; d < p.inventory.dependencies.size(); ++d) {
    const models::Dependency& dependency = p.inventory.dependencies[d];
    const std::string& consumer = ids.systems[dependency.consumer];
    const std::string& provider = ids.systems[dependency.provider];
    INFO(consumer << " -> " << provider);
    if (dependency.archimateIdentifier.empty()) {
      // Derived through a service or an artifact: no relationship of the model is it.
      ++made;
      CHECK(ids.dependencies[d] ==
            "cp-dep-" + escapedIdentifier(p.inventory.systems[dependency.consumer].id) + "__" +
                escapedIdentifier(p.inventory.systems[dependency.provider].id));
      CHECK(relationships.count(ids.dependencies[d]) == 1);
      continue;
    }
    ++kept;
    const std::string identifier(dependency.archimateIdentifier);
    CHECK(ids.dependencies[d] == identifier);
    REQUIRE(relationships.count(identifier) == 1);
    const auto& [type, source, target] = relationships.at(identifier);
    CHECK(type == dependency.archimateType);
    const bool fromConsumer = type == "Composition" || type == "Aggregation";
    CHECK(source == (fromConsumer ? consumer : provider));
    CHECK(target == (fromConsumer ? provider : consumer));
  }
  CHECK(kept > 0);
  CHECK(made > 0);
  CHECK(p.xml.find("cp-rel-1\"") == std::string::npos);
}

TEST_CASE("made identifiers say what they name, so moving one system leaves the others alone") {
  const Planned p;
  REQUIRE(p.plan.waves.size() >= 2);
  const Model before(p.xml);
  CHECK(relationshipsOf(before).count("cp-rel-baseline-wave-1") == 1);
  CHECK(relationshipsOf(before).count("cp-rel-wave-1-work") == 1);
  CHECK(relationshipsOf(before).count("cp-rel-gap-has-MOF_2fold") == 1);
  CHECK(relationshipsOf(before).count("cp-dep-MOF_2fapi__MOF_2fold") == 1);
  CHECK(p.xml.find("<propertyDefinition identifier=\"cp-prop-os\"") != std::string::npos);
  CHECK(p.xml.find("<node identifier=\"cp-node-roadmap-cp-wave-1\"") != std::string::npos);

  // A re-plan that moves wave 1's first system to the last wave.
  models::Plan replanned = p.plan;
  const models::SystemIndex moved = replanned.waves.front().systems.front();
  replanned.waves.front().systems.erase(replanned.waves.front().systems.begin());
  replanned.waves.back().systems.push_back(moved);
  replanned.systems[moved].wave = replanned.waves.back().number;
  const Model after(planToArchimate(p.inventory, replanned));

  const std::string movedId = chooseArchimateIdentifiers(p.inventory).systems[moved];
  INFO(movedId);
  const auto was = relationshipsOf(before), is = relationshipsOf(after);
  size_t same = 0;
  for (const auto& [identifier, relationship] : was) {
    INFO(identifier);
    const auto& [type, source, target] = relationship;
    if (type == "Aggregation" && target == movedId) {
      CHECK(is.count(identifier) == 0);  // the old wave's
      continue;
    }
    REQUIRE(is.count(identifier) == 1);
    CHECK(is.at(identifier) == relationship);
    ++same;
  }
  CHECK(same + 1 == is.size());  // and the new wave's aggregation of the moved system
  CHECK(is.count("cp-rel-wave-" + std::to_string(replanned.waves.back().number) + "-has-" +
                 escapedIdentifier(p.inventory.systems[moved].id)) == 1);

  // Every node and connection keeps its identifier, but the moved system's.
  const auto nodesAndConnections = [](const Model& model) {
    std::set<std::string> found;
    const auto views = viewsOf(model);
    for (const View& view : views) {
      for (const auto& [id, node] : view.nodes)
        found.insert(id + " " + node.element);
      for (const auto& [relationship, from, to] : view.connections)
        found.insert(relationship + " " + from + " " + to);
    }
    return found;
  };
  const auto nodesBefore = nodesAndConnections(before), nodesAfter = nodesAndConnections(after);
  for (const std::string& node : nodesBefore) {
    INFO(node);
    if (node.find(movedId) == std::string::npos) CHECK(nodesAfter.count(node) == 1);
  }
}

TEST_CASE("a relationship's identifier is kept unless it is no xs:ID or taken, made ones move") {
  const Planned p;
  REQUIRE(p.inventory.dependencies.size() >= 3);
  const auto madeName = [&](size_t d) {
    const models::Dependency& dependency = p.inventory.dependencies[d];
    return "dep-" + escapedIdentifier(p.inventory.systems[dependency.consumer].id) + "__" +
           escapedIdentifier(p.inventory.systems[dependency.provider].id);
  };
  const std::string dep1 = "cp-" + madeName(1);
  struct Case {
    std::string first, second, prefix;
  };
  // The kept identifiers of dependencies 0 and 1, and the prefix that follows.
  for (const Case& c : std::vector<Case>{
           {"rel-a", "rel-b", "cp-"},
           // Takes a plan relationship's made identifier.
           {"cp-rel-wave-1-work", "", "cp1-"},
           // Takes the made identifier of dependency 1, which keeps none.
           {dep1, "", "cp1-"},
           // A made dependency identifier that no dependency is made: nothing to rule out.
           {"cp-dep-elsewhere", "", "cp-"},
           // Taken by dependency 0, and no xs:ID: both made.
           {"same", "same", "cp-"},
           {"1st", "a b", "cp-"}}) {
    INFO(c.first << " " << c.second);
    models::Inventory inventory = p.inventory;
    inventory.dependencies[0].archimateIdentifier = c.first;
    inventory.dependencies[1].archimateIdentifier = c.second;
    const auto ids = chooseArchimateIdentifiers(inventory);
    CHECK(ids.prefix == c.prefix);
    const bool firstKept = isXmlIdentifier(c.first);
    const bool secondKept = isXmlIdentifier(c.second) && c.second != c.first;
    CHECK(ids.dependencies[0] == (firstKept ? c.first : c.prefix + madeName(0)));
    CHECK(ids.dependencies[1] == (secondKept ? c.second : c.prefix + madeName(1)));
    CHECK(ids.dependencies[2] == c.prefix + madeName(2));
    const std::string xml = planToArchimate(inventory, p.plan);
    const Model model(xml);
    std::set<std::string> seen;
    checkIdentifiers(model.document.RootElement(), seen);
    CHECK(relationshipsOf(model).count(ids.dependencies[0]) == 1);
    CHECK(relationshipsOf(model).count(c.prefix + "rel-wave-1-work") == 1);
  }
}

}  // namespace
}  // namespace cloudplan::exporters
