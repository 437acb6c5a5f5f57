#include "models/inventory.h"

#include <catch2/catch.hpp>

#include <string>

using namespace cloudplan::models;

namespace {

System systemWithId(std::string_view id) {
  System system;
  system.id = id;
  return system;
}

}  // namespace

TEST_CASE("systems get dense indices in the order they are added") {
  Inventory inventory;
  CHECK(inventory.addSystem(systemWithId("a")) == 0u);
  CHECK(inventory.addSystem(systemWithId("b")) == 1u);
  CHECK(inventory.systems.size() == 2);
  CHECK(inventory.findSystem("b") == 1u);
  CHECK(inventory.findSystem("a") == 0u);
}

TEST_CASE("a system id that is taken is not added again") {
  Inventory inventory;
  REQUIRE(inventory.addSystem(systemWithId("a")));
  CHECK_FALSE(inventory.addSystem(systemWithId("a")));
  CHECK(inventory.systems.size() == 1);
}

TEST_CASE("system ids are case-sensitive") {
  Inventory inventory;
  REQUIRE(inventory.addSystem(systemWithId("MOF/gl")));
  CHECK_FALSE(inventory.findSystem("mof/gl"));
  CHECK(inventory.addSystem(systemWithId("mof/gl")) == 1u);
}

TEST_CASE("an unknown system or agency is not found") {
  Inventory inventory;
  CHECK_FALSE(inventory.findSystem("x"));
  CHECK_FALSE(inventory.findAgency("x"));
}

TEST_CASE("an agency named for the first time is created undeclared") {
  Inventory inventory;
  const AgencyIndex mof = inventory.internAgency("MOF");
  CHECK(mof == 0);
  REQUIRE(inventory.agencies.size() == 1);
  CHECK(inventory.agencies[0].code == "MOF");
  CHECK_FALSE(inventory.agencies[0].declared);
  CHECK(inventory.agencies[0].parent == kNone);
  CHECK(inventory.internAgency("MOH") == 1);
  CHECK(inventory.internAgency("MOF") == mof);
  CHECK(inventory.agencies.size() == 2);
  CHECK(inventory.findAgency("MOH") == 1u);
}

TEST_CASE("kept text stays in place while more text is kept") {
  Inventory inventory;
  std::string& first = inventory.keep("first text");
  const char* data = first.data();
  for (int i = 0; i < 1000; ++i)
    inventory.keep(std::string(100, 'x'));
  CHECK(first.data() == data);
  CHECK(first == "first text");
}

TEST_CASE("ids kept by the inventory stay findable after many more systems") {
  Inventory inventory;
  for (int i = 0; i < 5000; ++i) {
    if (i % 1000 == 0) inventory.reserveMoreSystems(700);
    const std::string& id = inventory.keep("S" + std::to_string(i));
    REQUIRE(inventory.addSystem(systemWithId(id)));
  }
  for (int i = 0; i < 5000; ++i)
    REQUIRE(inventory.findSystem("S" + std::to_string(i)) == static_cast<SystemIndex>(i));
}

TEST_CASE("a place is described as path and line or as the path of a whole file") {
  Inventory inventory;
  inventory.files.push_back(InputFile{"inventory/systems.csv", InputKind::systems, ""});
  CHECK(inventory.describe(SourceLocation{0, 12}) == "inventory/systems.csv:12");
  CHECK(inventory.describe(SourceLocation{0, 0}) == "inventory/systems.csv");
  CHECK(inventory.fileOf(SourceLocation{0, 3}) == "inventory/systems.csv");
}

TEST_CASE("a place outside every file is described as empty") {
  Inventory inventory;
  CHECK(inventory.describe(SourceLocation{}) == "");
  CHECK(inventory.fileOf(SourceLocation{7, 1}) == "");
}

TEST_CASE("a row's properties are its range of the property list") {
  Inventory inventory;
  inventory.properties = {{"os", "linux"}, {"owner", "ana"}, {"notes", "old"}};
  const auto span = inventory.propertiesOf(PropertyRange{1, 2});
  REQUIRE(span.size() == 2);
  CHECK(span[0].key == "owner");
  CHECK(span[1].value == "old");
  CHECK(inventory.propertiesOf(PropertyRange{}).empty());
}

TEST_CASE("reserving room for more grows the capacity geometrically") {
  std::vector<int> v;
  reserveMore(v, 10);
  CHECK(v.capacity() >= 10);
  v.resize(10);
  reserveMore(v, 1);
  CHECK(v.capacity() >= 20);  // doubled, not grown by one
  const size_t capacity = v.capacity();
  reserveMore(v, 0);
  CHECK(v.capacity() == capacity);
}

TEST_CASE("a system defaults to a medium-criticality application rehosted in ten person-days") {
  const System system;
  CHECK(system.type == SystemType::application);
  CHECK(system.strategy == Strategy::rehost);
  CHECK(system.criticality == Criticality::medium);
  CHECK(system.effortDays == 10);
  CHECK(system.pinnedWave == 0);
  CHECK_FALSE(system.notBefore);
  CHECK(system.action() == Action::migrate);
  CHECK(system.scheduled());
}

TEST_CASE("a retained system is not scheduled and a retired one is") {
  System system;
  system.strategy = Strategy::retain;
  CHECK_FALSE(system.scheduled());
  CHECK(system.action() == Action::retain);
  system.strategy = Strategy::retire;
  CHECK(system.scheduled());
  CHECK(system.action() == Action::retire);
}
