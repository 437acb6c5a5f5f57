// The ArchiMate relationship table the plan exporter chooses from: the entries it relies on, and
// the ones it must not use.
#include "exporters/archimate/archimate_relationships.h"

#include <catch2/catch.hpp>

#include <string>

namespace cloudplan::exporters {
namespace {

// The types a system is read from, and written as under its kept identifier.
const std::string_view kSystemTypes[] = {
    "ApplicationComponent", "ApplicationInterface", "Node", "SystemSoftware", "Device",
    "CommunicationNetwork", "TechnologyInterface"};

TEST_CASE("the table covers the seven system types and the four migration types") {
  const auto types = archimateTableTypes();
  CHECK(types.size() == 11);
  for (std::string_view type : kSystemTypes)
    CHECK(std::find(types.begin(), types.end(), type) != types.end());
  for (std::string_view type : {"Plateau", "WorkPackage", "Deliverable", "Gap"})
    CHECK(std::find(types.begin(), types.end(), type) != types.end());
}

TEST_CASE("plateaus trigger plateaus and aggregate every system type") {
  CHECK(isAllowedRelationship("Plateau", "Triggering", "Plateau"));
  for (std::string_view type : kSystemTypes) {
    INFO(type);
    CHECK(isAllowedRelationship("Plateau", "Aggregation", type));
    CHECK(isAllowedRelationship("Gap", "Association", type));
    CHECK_FALSE(isAllowedRelationship("Plateau", "Serving", type));
  }
}

TEST_CASE("a work package realizes a deliverable, which realizes a plateau") {
  CHECK(isAllowedRelationship("WorkPackage", "Realization", "Deliverable"));
  CHECK(isAllowedRelationship("Deliverable", "Realization", "Plateau"));
  CHECK(isAllowedRelationship("Gap", "Association", "Plateau"));
  CHECK_FALSE(isAllowedRelationship("Deliverable", "Realization", "WorkPackage"));
  CHECK_FALSE(isAllowedRelationship("Gap", "Triggering", "Plateau"));
  CHECK_FALSE(isAllowedRelationship("Plateau", "Realization", "Deliverable"));
}

TEST_CASE("any system type may serve any other, but composition stays within a layer") {
  for (std::string_view source : kSystemTypes) {
    for (std::string_view target : kSystemTypes) {
      INFO(source << " -> " << target);
      CHECK(isAllowedRelationship(source, "Serving", target));
      CHECK(isAllowedRelationship(source, "Association", target));
    }
  }
  CHECK(isAllowedRelationship("ApplicationComponent", "Composition", "ApplicationComponent"));
  CHECK(isAllowedRelationship("ApplicationComponent", "Composition", "ApplicationInterface"));
  CHECK(isAllowedRelationship("Node", "Composition", "SystemSoftware"));
  CHECK_FALSE(isAllowedRelationship("ApplicationComponent", "Composition", "Node"));
  CHECK_FALSE(isAllowedRelationship("ApplicationInterface", "Composition", "ApplicationComponent"));
  CHECK_FALSE(isAllowedRelationship("SystemSoftware", "Composition", "Node"));
  CHECK(isAllowedRelationship("Node", "Assignment", "SystemSoftware"));
  CHECK_FALSE(isAllowedRelationship("ApplicationComponent", "Assignment", "Node"));
  CHECK(isAllowedRelationship("Device", "Composition", "TechnologyInterface"));
  CHECK(isAllowedRelationship("Device", "Assignment", "SystemSoftware"));
  CHECK(isAllowedRelationship("CommunicationNetwork", "Aggregation", "Device"));
  CHECK_FALSE(isAllowedRelationship("ApplicationComponent", "Composition", "Device"));
  CHECK_FALSE(isAllowedRelationship("TechnologyInterface", "Composition", "Device"));
  CHECK_FALSE(isAllowedRelationship("CommunicationNetwork", "Composition", "Node"));
}

TEST_CASE("unknown types and relationship names are never allowed") {
  CHECK_FALSE(isAllowedRelationship("BusinessActor", "Association", "Plateau"));
  CHECK_FALSE(isAllowedRelationship("Plateau", "UsedBy", "Node"));
  CHECK_FALSE(isAllowedRelationship("Plateau", "", "Plateau"));
}

}  // namespace
}  // namespace cloudplan::exporters
