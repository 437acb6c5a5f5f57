#include "exporters/reports/gantt_svg.h"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <regex>

namespace cloudplan::exporters {
namespace {

using models::parseDate;

// Two waves of January and February 2027, a freeze in between, and an office's system in each:
// a pinned to wave 1, b to finish by the end of January, c not before 20 February.
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
  auto add = [&](std::string_view id, std::string_view name, models::AgencyIndex agency,
                 uint32_t wave) -> models::System& {
    models::System system;
    system.id = id;
    system.name = name;
    system.agency = agency;
    const auto s = *inventory.addSystem(system);
    models::SystemPlan planned;
    planned.wave = wave;
    f.plan.systems.push_back(planned);
    if (wave) f.plan.waves[wave - 1].systems.push_back(s);
    return inventory.systems[s];
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
  add("MIN/a", "Payroll", ministry, 1).pinnedWave = 1;
  add("MIN-OFF/b", "Tax & customs portal", office, 1).finishBy = parseDate("2027-01-31");
  add("MIN-OFF/c", "Customs database", office, 2).notBefore = parseDate("2027-02-20");
  add("X/d", "Border control", other, 0);
  f.plan.settings.start = *parseDate("2027-01-04");
  f.plan.settings.freeze = {{*parseDate("2027-02-01"), *parseDate("2027-02-14")}};
  f.plan.metrics = {.systems = 4, .scheduled = 3, .waves = 2};
  return f;
}

bool has(const std::string& svg, const std::string& text) {
  return svg.find(text) != std::string::npos;
}

size_t count(const std::string& svg, const std::string& text) {
  size_t found = 0;
  for (size_t at = svg.find(text); at != std::string::npos; at = svg.find(text, at + 1))
    ++found;
  return found;
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
  CHECK_FALSE(has(svg, ">MIN-OFF</text>"));  // no row of its own
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

// The translation of the element that `marker` starts: its x and y.
std::pair<double, double> translation(const std::string& svg, const std::string& marker) {
  const size_t at = svg.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string element = svg.substr(at, svg.find('>', at + marker.size()) - at);
  std::smatch match;
  REQUIRE(std::regex_search(element, match, std::regex("translate\\(([-0-9.]+) ([-0-9.]+)\\)")));
  return {std::stod(match[1]), std::stod(match[2])};
}

// The fixture re-planned on 20 February: wave 1 started, Payroll done, the portal in progress,
// the customs database on hold and slipped from wave 1 to wave 2.
Fixture replanned() {
  Fixture f = twoWaves();
  f.plan.settings.replan = models::ReplanSettings{.today = *parseDate("2027-02-20")};
  f.plan.waves[0].started = true;
  f.plan.systems[0] = {.wave = 1, .status = models::ProgressStatus::done, .baselineWave = 1};
  f.plan.systems[1] = {.wave = 1, .status = models::ProgressStatus::inProgress, .baselineWave = 1};
  f.plan.systems[2] = {.wave = 2, .status = models::ProgressStatus::onHold, .baselineWave = 1};
  return f;
}

TEST_CASE(
    "pins, not_before and finish_by dates are marked on their wave's row, naming their "
    "systems") {
  const Fixture f = twoWaves();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  const std::string pin =
      "<g class=\"milestone pin\" transform=\"translate(" +
      fmt::format("{:.1f}", scale.x(*parseDate("2027-01-04"))) +
      " 70.0)\"><title>pinned to wave 1 (from 2027-01-04): Payroll (MIN/a)</title>";
  CHECK(has(svg, pin));
  // A deadline is the end of its day: the wave may end on it.
  const auto [finishX, finishY] = translation(svg, "<g class=\"milestone finish-by\"");
  CHECK(finishX == Approx(scale.x(*parseDate("2027-02-01"))).margin(0.05));
  CHECK(finishY == 70.0);
  CHECK(has(svg, "<title>finish by 2027-01-31: Tax &amp; customs portal (MIN-OFF/b)</title>"));
  const auto [notBeforeX, notBeforeY] = translation(svg, "<g class=\"milestone not-before\"");
  CHECK(notBeforeX == Approx(scale.x(*parseDate("2027-02-20"))).margin(0.05));
  CHECK(notBeforeY == 92.0);  // wave 2's row
  CHECK(has(svg, "<title>not before 2027-02-20: Customs database (MIN-OFF/c)</title>"));
  CHECK(has(svg, ">pinned to a wave</text>"));
  CHECK(has(svg, ">not before</text>"));
  CHECK(has(svg, ">finish by</text>"));
}

TEST_CASE("milestones on one day of one row are one marker naming ten systems and how many more") {
  Fixture f = twoWaves();
  for (int i = 0; i < 12; ++i) {
    models::System system;
    system.id = f.inventory.keep(fmt::format("MIN/s{:02}", i));
    system.agency = 0;
    system.pinnedWave = 2;
    f.plan.waves[1].systems.push_back(*f.inventory.addSystem(system));
    f.plan.systems.push_back({.wave = 2});
  }
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(has(svg,
            "<title>pinned to wave 2 (from 2027-02-15): MIN/s00, MIN/s01, MIN/s02, MIN/s03, "
            "MIN/s04, MIN/s05, MIN/s06, MIN/s07, MIN/s08, MIN/s09 and 2 more</title>"));
  CHECK(count(svg, "<g class=\"milestone pin\"") == 2);  // Payroll's, and the twelve's
}

TEST_CASE("the today line is drawn at the start of the day the options give") {
  const Fixture f = twoWaves();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan, {.today = parseDate("2027-02-10")});
  CHECK(has(svg, "<g class=\"today\"><title>today 2027-02-10</title>"));
  CHECK(attribute(svg, "<g class=\"today\"><title>today 2027-02-10</title><line", "x1") ==
        Approx(scale.x(*parseDate("2027-02-10"))).margin(0.05));
  CHECK(has(svg, ">today</text></g>\n<g class=\"legend\""));
}

TEST_CASE("a re-plan's today is the line's day, and a new plan has no today line") {
  const Fixture fresh = twoWaves();
  CHECK_FALSE(has(scheduleToSvg(fresh.inventory, fresh.plan), "class=\"today\""));
  const Fixture f = replanned();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(attribute(svg, "<g class=\"today\"><title>today 2027-02-20</title><line", "x1") ==
        Approx(scale.x(*parseDate("2027-02-20"))).margin(0.05));
}

TEST_CASE("a today outside the axis is said under the title, not drawn") {
  const Fixture f = twoWaves();
  const std::string svg = scheduleToSvg(f.inventory, f.plan, {.today = parseDate("2026-06-01")});
  CHECK_FALSE(has(svg, "class=\"today\""));
  CHECK(has(svg,
            "<text class=\"notes\" x=\"10\" y=\"40\" fill=\"#5a6570\">today, 2026-06-01, is "
            "before the chart</text>"));
  // The rows move down a line to make room for it.
  CHECK(has(svg, "<text x=\"10\" y=\"102.0\">Wave 1</text>"));
}

TEST_CASE("a freeze window is labelled and in the legend") {
  const Fixture f = twoWaves();
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(has(svg, "fill=\"url(#freeze-hatch)\"/><text x=\"" +
                     fmt::format("{:.1f}", ganttScale(f.plan).x(*parseDate("2027-02-01")) + 2) +
                     "\" y=\"66.0\" font-size=\"10\" fill=\"#5a6570\">freeze</text></g>"));
  CHECK(has(svg, "<text x=\"20\" y=\"4\" font-size=\"11\">freeze</text>"));
}

TEST_CASE("a re-plan's rows show what is done, in progress, on hold and slipped") {
  const Fixture f = replanned();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK(has(svg,
            "re-plan of 2027-02-20: 1 wave started; 1 done, 1 in progress, 1 on hold, 1 "
            "slipped</text>"));
  CHECK(has(svg, "4 hybrid links after; 1 on hold, 1 slipped</text></g>"));
  CHECK(has(svg, "0 hybrid links after; started; 1 done, 1 in progress</text></g>"));
  // Under wave 1's bar, half of the track done and half in progress.
  CHECK(attribute(svg, "<rect class=\"done\"", "x") ==
        Approx(scale.x(*parseDate("2027-01-04"))).margin(0.05));
  CHECK(attribute(svg, "<rect class=\"done\"", "width") ==
        Approx(14 * scale.dayWidth).margin(0.05));
  CHECK(attribute(svg, "<rect class=\"in-progress\"", "width") ==
        Approx(14 * scale.dayWidth).margin(0.05));
  CHECK(attribute(svg, "<rect class=\"on-hold\"", "x") ==
        Approx(scale.x(*parseDate("2027-02-15"))).margin(0.05));
  CHECK(has(svg, "<title>MIN: 2 systems in wave 1 (1 done, 1 in progress)</title>"));
  CHECK(has(svg, "<title>MIN: 1 system in wave 2 (1 on hold, 1 slipped)</title>"));
  CHECK(has(svg, ">1 done, 1 in progress, 1 on hold, 1 slipped</text></g>"));
  for (const char* item : {">done</text>", ">in progress</text>", ">on hold</text>"})
    CHECK(has(svg, item));
}

TEST_CASE("a new plan shows no progress") {
  const Fixture f = twoWaves();
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  CHECK_FALSE(has(svg, "class=\"progress\""));
  CHECK_FALSE(has(svg, ">done</text>"));
  CHECK_FALSE(has(svg, "class=\"notes\""));
}

TEST_CASE("the wave number is written on each wave's bar") {
  Fixture f = twoWaves();
  f.plan.waves.resize(12);
  for (uint32_t w = 2; w < 12; ++w) {
    models::System system;
    system.id = f.inventory.keep(fmt::format("MIN/w{}", w + 1));
    system.agency = 0;
    f.plan.waves[w] = {.number = w + 1,
                       .start = *parseDate("2027-03-15") + 28 * (w - 2),
                       .end = *parseDate("2027-04-11") + 28 * (w - 2),
                       .systems = {*f.inventory.addSystem(system)}};
    f.plan.systems.push_back({.wave = w + 1});
  }
  const std::string svg = scheduleToSvg(f.inventory, f.plan);
  for (uint32_t w = 1; w <= 12; ++w) {
    const std::string bar = fmt::format("<rect class=\"wave-bar\" data-wave=\"{}\"", w);
    const size_t at = svg.find(bar);
    REQUIRE(at != std::string::npos);
    const size_t number = svg.find("<text class=\"wave-number\"", at);
    REQUIRE(number != std::string::npos);
    CHECK(svg.substr(svg.find('>', number) + 1, fmt::format("{}</text>", w).size()) ==
          fmt::format("{}</text>", w));
  }
}

TEST_CASE("one agency's wave rows count only its systems and its offices'") {
  const Fixture f = twoWaves();
  const auto office = *f.inventory.findAgency("MIN-OFF");
  const std::string svg = scheduleToSvg(f.inventory, f.plan, {.agency = office});
  CHECK(has(svg, ">Schedule of MIN-OFF: 2 of 2 systems scheduled, in waves 1 to 2</text>"));
  CHECK(has(svg,
            "<title>Wave 1 from 2027-01-04 to 2027-01-31: 1 of the wave's 2 systems (1 "
            "migrate, 0 retire), 10 effort days</title>"));
  CHECK(has(svg, ">By office (offices below included): systems moving in each wave</text>"));
  CHECK(has(svg, "<title>MIN-OFF: 1 system in wave 1</title>"));
  CHECK_FALSE(has(svg, "<title>MIN:"));
  CHECK_FALSE(has(svg, "X&lt;"));
  CHECK_FALSE(has(svg, "Payroll"));  // MIN's own pin is not MIN-OFF's
  CHECK(has(svg, "Tax &amp; customs portal (MIN-OFF/b)"));
}

TEST_CASE("a row per system of an agency names every one of its systems and none of another") {
  const Fixture f = twoWaves();
  const auto ministry = *f.inventory.findAgency("MIN");
  const std::string svg =
      scheduleToSvg(f.inventory, f.plan, {.rows = GanttRows::systems, .agency = ministry});
  for (const char* name : {"Payroll (MIN/a)", "Tax &amp; customs portal (MIN-OFF/b)",
                           "Customs database (MIN-OFF/c)"}) {
    CHECK(has(svg, std::string(">") + name + " · wave "));
  }
  CHECK_FALSE(has(svg, "Border control"));
  CHECK_FALSE(has(svg, "X/d"));
  CHECK(has(svg, "<text x=\"18\" y=\"124.0\">Payroll</text>"));
  // By office, the ministry first; a heading each.
  CHECK(has(svg,
            "<g class=\"office\"><text x=\"10\" y=\"103.0\" font-weight=\"bold\">MIN: 1 "
            "system</text></g>"));
  CHECK(has(svg,
            "<g class=\"office\"><text x=\"10\" y=\"147.0\" font-weight=\"bold\">MIN-OFF: "
            "2 systems</text></g>"));
  CHECK(has(svg, ">Customs database (MIN-OFF/c) · wave 2, 2027-02-15 to 2027-03-14</text>"));
  // Each system's milestones on its own row: the portal's is the fourth.
  CHECK(translation(svg, "<g class=\"milestone finish-by\"").second == 88 + 3 * 22);
  CHECK_FALSE(has(svg, "By ministry"));
}

TEST_CASE(
    "a re-plan's system rows give each system's status and its baseline wave when it "
    "slipped") {
  const Fixture f = replanned();
  const GanttScale scale = ganttScale(f.plan);
  const std::string svg = scheduleToSvg(f.inventory, f.plan, {.rows = GanttRows::systems});
  CHECK(has(svg, "Payroll (MIN/a) · wave 1, 2027-01-04 to 2027-01-31, done</text>"));
  CHECK(has(svg, "(MIN-OFF/b) · wave 1, 2027-01-04 to 2027-01-31, in progress</text>"));
  CHECK(has(svg,
            "Customs database (MIN-OFF/c) · wave 2, 2027-02-15 to 2027-03-14, on hold, "
            "slipped from wave 1</text>"));
  CHECK(attribute(svg, "<rect class=\"baseline\"", "x") ==
        Approx(scale.x(*parseDate("2027-01-04"))).margin(0.05));
  CHECK(has(svg, ">its baseline wave (slipped)</text>"));
  CHECK(has(svg, "Border control (X/d): retained</title>"));
}

TEST_CASE("the text after a system's bar in the last wave ends inside the drawing") {
  Fixture f = replanned();
  const std::string longName =
      "Integrated financial management information system of the treasury, its provinces and "
      "districts";
  f.inventory.systems[2].name = longName;  // the slipped one, in the last wave
  const std::string svg = scheduleToSvg(f.inventory, f.plan, {.rows = GanttRows::systems});
  const std::string marker = "<text x=\"";
  const size_t at = svg.find(longName + " (MIN-OFF/c) · wave 2");
  REQUIRE(at != std::string::npos);
  const size_t start = svg.rfind(marker, at);
  const double x = std::stod(svg.substr(start + marker.size()));
  const size_t end = svg.find("</text>", at);
  const size_t characters = end - at - 1;  // the middle dot is two bytes
  // 11 px Helvetica: half an em a character, on average, for a name in words.
  CHECK(attribute(svg, "<svg", "width") >= x + characters * 11 * 0.5);
  // A chart of short names keeps its usual width.
  const Fixture plain = replanned();
  const std::string usual =
      scheduleToSvg(plain.inventory, plain.plan, {.rows = GanttRows::systems});
  CHECK(attribute(usual, "<svg", "width") ==
        Approx(ganttScale(plain.plan).x(ganttScale(plain.plan).end) + 500));
}

TEST_CASE("no text of a system chart runs past its right edge, however long a name") {
  Fixture f = twoWaves();
  // The last wave's system, its name 100 characters long: the chart widens for its label.
  const std::string name(100, 'n');
  f.inventory.systems[2].name = f.inventory.keep(name);
  const std::string svg =
      scheduleToSvg(f.inventory, f.plan, {.rows = GanttRows::systems, .agency = 0});
  const double width = attribute(svg, "<svg", "width");
  // Each text's end as the chart estimates it (6.5 px a character of 12 px), entities one each.
  const std::regex text("<text ([^>]*)>([^<]*)</text>");
  size_t texts = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
       ++it) {
    const std::string attributes = (*it)[1], content = (*it)[2];
    if (attributes.find("text-anchor") != std::string::npos) continue;
    std::smatch x, size;
    REQUIRE(std::regex_search(attributes, x, std::regex("x=\"([-0-9.]+)\"")));
    const double fontSize =
        std::regex_search(attributes, size, std::regex("font-size=\"([0-9.]+)\""))
            ? std::stod(size[1])
            : 12;
    size_t characters = 0;
    for (size_t i = 0; i < content.size(); ++i) {
      if ((static_cast<unsigned char>(content[i]) & 0xC0) == 0x80) continue;
      if (content[i] == '&') i = content.find(';', i);
      ++characters;
    }
    CAPTURE(content);
    CHECK(std::stod(x[1]) + characters * 6.5 * fontSize / 12 <= width);
    ++texts;
  }
  CHECK(texts > 10);
  CHECK(has(svg, "<title>" + name + " (MIN-OFF/c): wave 2"));
}

TEST_CASE("a page of system rows shows its systems and says which of how many") {
  const Fixture f = twoWaves();
  // In the order of the codes: <b>X</b>, MIN, MIN-OFF; by wave in each.
  const std::string svg = scheduleToSvg(
      f.inventory, f.plan, {.rows = GanttRows::systems, .firstSystemRow = 1, .maxSystemRows = 2});
  CHECK(has(svg,
            "systems 2 to 3 of 4 (by office, then wave); the others on the other pages and "
            "in schedule.csv</text>"));
  CHECK(has(svg, "Payroll (MIN/a)"));
  CHECK(has(svg, "Tax &amp; customs portal (MIN-OFF/b)"));
  CHECK_FALSE(has(svg, "Customs database"));
  CHECK_FALSE(has(svg, "Border control"));
  const std::string last = scheduleToSvg(
      f.inventory, f.plan, {.rows = GanttRows::systems, .firstSystemRow = 3, .maxSystemRows = 2});
  CHECK(has(last, ">MIN-OFF: 2 systems (continued)</text>"));
  CHECK(has(last, "systems 4 to 4 of 4"));
}

TEST_CASE("a chart of an agency of 5,000 systems draws one page of them") {
  Fixture f = twoWaves();
  for (int i = 0; i < 5000; ++i) {
    models::System system;
    system.id = f.inventory.keep(fmt::format("MIN/many{:04}", i));
    system.agency = 0;
    f.plan.waves[1].systems.push_back(*f.inventory.addSystem(system));
    f.plan.systems.push_back({.wave = 2});
  }
  const std::string svg =
      scheduleToSvg(f.inventory, f.plan, {.rows = GanttRows::systems, .agency = 0});
  CHECK(has(svg, "systems 1 to 500 of 5003 (by office, then wave)"));
  CHECK(has(svg, "MIN/many0498"));
  CHECK_FALSE(has(svg, "MIN/many0499"));
  CHECK(svg.size() < 500 * 1000);
}

TEST_CASE("an agency half-way down a chain of 100,000 offices has its chart in linear time") {
  models::Inventory inventory;
  models::Plan plan;
  plan.waves.resize(1);
  plan.waves[0] = {.number = 1, .start = *parseDate("2027-01-04"), .end = *parseDate("2027-01-31")};
  for (uint32_t i = 0; i < 100000; ++i) {
    const auto agency = inventory.internAgency(inventory.keep(fmt::format("A{:06}", i)));
    if (i) inventory.agencies[agency].parent = agency - 1;
    models::System system;
    system.id = inventory.keep(fmt::format("S{:06}", i));
    system.agency = agency;
    plan.waves[0].systems.push_back(*inventory.addSystem(system));
    plan.systems.push_back({.wave = 1});
  }
  const auto middle = *inventory.findAgency("A050000");
  const std::string svg = scheduleToSvg(inventory, plan, {.agency = middle});
  // The agency's own system, and the 49,999 below it in the row of its one office.
  CHECK(has(svg, "<title>A050000: 1 system in wave 1</title>"));
  CHECK(has(svg, "<title>A050001: 49999 systems in wave 1</title>"));
  CHECK(count(svg, "<g class=\"ministry\">") == 2);
  const std::string rows =
      scheduleToSvg(inventory, plan, {.rows = GanttRows::systems, .agency = middle});
  CHECK(has(rows, "systems 1 to 500 of 50000"));
  CHECK(has(rows, ">S050000 · wave 1"));
  CHECK(has(rows, ">S050499 · wave 1"));
}

TEST_CASE("a chart drawn with the diagrams' index is the chart drawn from the plan") {
  const Fixture f = replanned();
  const GraphIndex index(f.inventory, f.plan);
  const GanttOptions options{.rows = GanttRows::systems, .agency = 0};
  CHECK(scheduleToSvg(index, options) == scheduleToSvg(f.inventory, f.plan, options));
}

TEST_CASE("the same plan gives the same chart") {
  const Fixture f = twoWaves();
  CHECK(scheduleToSvg(f.inventory, f.plan) == scheduleToSvg(f.inventory, f.plan));
}

}  // namespace
}  // namespace cloudplan::exporters
