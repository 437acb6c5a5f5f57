#include "exporters/reports/gantt_svg.h"

#include <catch2/catch.hpp>

#include <regex>

namespace cloudplan::exporters {
namespace {

using models::parseDate;

// Two waves of January and February 2027, a freeze in between, and an office's system in each.
struct Fixture {
  models::Inventory inventory;
  models::Plan plan;
};

Fixture twoWaves() {
  Fixture f;
  auto& inventory = f.inventory;
  const auto ministry = inventory.internAgency("MIN");
  const auto office = inventory.internAgency("MIN-OFF");
  inventory.agencies[office].parent = ministry;
  const auto other = inventory.internAgency("<b>X</b>");
  auto add = [&](std::string_view id, models::AgencyIndex agency, uint32_t wave) {
    models::System system;
    system.id = id;
    system.agency = agency;
    const auto s = *inventory.addSystem(system);
    models::SystemPlan planned;
    planned.wave = wave;
    f.plan.systems.push_back(planned);
    if (wave) f.plan.waves[wave - 1].systems.push_back(s);
  };
  f.plan.waves.resize(2);
  f.plan.waves[0] = {.number = 1,
                     .start = *parseDate("2027-01-04"),
                     .end = *parseDate("2027-01-31"),
                     .effortDays = 12,
                     .migrating = 2};
  f.plan.waves[1] = {.number = 2,
                     .start = *parseDate("2027-02-15"),
                     .end = *parseDate("2027-03-14"),
                     .effortDays = 30,
                     .hybridLinksAfter = 4,
                     .migrating = 1};
  add("MIN/a", ministry, 1);
  add("MIN-OFF/b", office, 1);
  add("MIN-OFF/c", office, 2);
  add("X/d", other, 0);
  f.plan.settings.start = *parseDate("2027-01-04");
  f.plan.settings.freeze = {{*parseDate("2027-02-01"), *parseDate("2027-02-14")}};
  f.plan.metrics = {.systems = 4, .scheduled = 3, .waves = 2};
  return f;
}

// The numbers of an element's attribute, for the element that `marker` starts.
double attribute(const std::string& svg, const std::string& marker, const std::string& name) {
  const size_t at = svg.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string element = svg.substr(at, svg.find('>', at + marker.size()) - at);
  std::smatch match;
  REQUIRE(std::regex_search(element, match, std::regex(" " + name + "=\"([-0-9.]+)\"")));
  return std::stod(match[1]);
}

TEST_CASE("the time axis runs from the first of the month the plan starts in") {
  const Fixture f = twoWaves();
  const GanttScale scale = ganttScale(f.plan);
  CHECK(scale.origin == parseDate("2027-01-01"));
  CHECK(scale.end == parseDate("2027-04-01"));
  CHECK(scale.x(*parseDate("2027-01-01")) == scale.left);
  CHECK(scale.x(*parseDate("2027-01-11")) == Approx(scale.left + 10 * scale.dayWidth));
}

TEST_CASE("a wave's bar starts on its first day and spans every day to its last") {
  const Fixture f = twoWaves();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(attribute(svg, "<rect class=\"wave-bar\" data-wave=\"1\"", "x") ==
        Approx(scale.x(*parseDate("2027-01-04"))).margin(0.05));
  CHECK(attribute(svg, "<rect class=\"wave-bar\" data-wave=\"1\"", "width") ==
        Approx(28 * scale.dayWidth).margin(0.05));
  CHECK(attribute(svg, "<rect class=\"wave-bar\" data-wave=\"2\"", "x") ==
        Approx(scale.x(*parseDate("2027-02-15"))).margin(0.05));
  CHECK(attribute(svg, "<rect class=\"wave-bar\" data-wave=\"2\"", "width") ==
        Approx(28 * scale.dayWidth).margin(0.05));
}

TEST_CASE("a freeze window is shaded from its first day to its last") {
  const Fixture f = twoWaves();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  const std::string freeze =
      "<g class=\"freeze\"><title>freeze 2027-02-01 to 2027-02-14</title><rect";
  CHECK(attribute(svg, freeze, "x") == Approx(scale.x(*parseDate("2027-02-01"))).margin(0.05));
  CHECK(attribute(svg, freeze, "width") == Approx(14 * scale.dayWidth).margin(0.05));
}

TEST_CASE("a wave's row gives its systems, effort and hybrid links after it") {
  const Fixture f = twoWaves();
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(svg.find("1 systems (1 migrate, 0 retire), 30 effort days; 4 hybrid links after") !=
        std::string::npos);
  CHECK(svg.find("<text x=\"10\" y=\"84.0\">Wave 1</text>") != std::string::npos);
}

TEST_CASE("a ministry's row counts its offices' systems in each wave") {
  const Fixture f = twoWaves();
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(svg.find("<title>MIN: 2 systems in wave 1</title>") != std::string::npos);
  CHECK(svg.find("<title>MIN: 1 system in wave 2</title>") != std::string::npos);
  CHECK(svg.find("MIN-OFF") == std::string::npos);
  CHECK(svg.find(">1 retained</text>") != std::string::npos);
}

TEST_CASE("an agency's code is escaped in the chart") {
  const Fixture f = twoWaves();
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("&lt;b&gt;X&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("a run of waves nothing moves in is one row of the chart") {
  Fixture f = twoWaves();
  f.plan.waves.resize(5);
  for (uint32_t w = 2; w < 5; ++w) {
    f.plan.waves[w] = {.number = w + 1,
                       .start = *parseDate("2027-03-15") + 28 * (w - 2),
                       .end = *parseDate("2027-04-11") + 28 * (w - 2)};
  }
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(svg.find("<title>Waves 3-5 from 2027-03-15 to 2027-06-06: no system moves</title>") !=
        std::string::npos);
  CHECK(svg.find("data-wave=\"4\"") == std::string::npos);
  // Wave 1, wave 2, the idle row: the ministries start below three rows.
  CHECK(svg.find("<text x=\"10\" y=\"160.0\" font-weight=\"bold\">By ministry") !=
        std::string::npos);
}

TEST_CASE("a plan spanning centuries has an axis of bounded width and few lines") {
  Fixture f = twoWaves();
  f.plan.waves[1].start = *parseDate("2900-02-15");
  f.plan.waves[1].end = *parseDate("2900-03-14");
  const GanttScale scale = ganttScale(f.plan);
  CHECK(scale.x(scale.end) - scale.left == Approx(4000).margin(0.5));
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  size_t lines = 0;
  for (size_t at = svg.find("<line"); at != std::string::npos; at = svg.find("<line", at + 1))
    ++lines;
  CHECK(lines <= 50);
  CHECK(svg.size() < 20000);
  CHECK(svg.find(">2500</text>") != std::string::npos);  // a line every 20 years
  CHECK(attribute(svg, "<rect class=\"wave-bar\" data-wave=\"2\"", "width") == Approx(1.0));
}

TEST_CASE("the same plan gives the same chart") {
  const Fixture f = twoWaves();
  CHECK(scheduleToSvg(f.inventory, f.plan) == scheduleToSvg(f.inventory, f.plan));
}

}  // namespace
}  // namespace cloudplan::exporters
