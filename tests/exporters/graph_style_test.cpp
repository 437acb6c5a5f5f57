#include "exporters/graphviz/graph_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <regex>

#include "engine/plan_migration.h"
#include "exporters/graphviz/graph_agency.h"
#include "exporters/graphviz/graph_overview.h"
#include "exporters/graphviz/graph_waves.h"
#include "exporters/graphviz/graphviz_render.h"
#include "importers/read_inputs.h"
#include "tests/exporters/small_plan_fixture.h"

namespace cloudplan::exporters {
namespace {

using testing::pinnedPlan;
using testing::Planned;
using testing::samplesPlan;
using testing::smallPlan;
using testing::svgOf;

// A diagram of a plan: its DOT text, its SVG and the systems it is about.
struct View {
  std::string name;
  std::string dot;
  std::string svg;
  std::vector<models::SystemIndex> subject;
};

template <typename Draw>
View viewOf(const Planned& p, std::string name, std::vector<models::SystemIndex> subject,
            Draw draw) {
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph(name);
  draw(graph, index);
  std::string dot = graph.dot();
  return {std::move(name), std::move(dot), svgOf(graph), std::move(subject)};
}

// The overview (every system), the diagram of wave `wave` (its systems) and agency `code`'s (its
// systems and its offices').
std::vector<View> viewsOf(const Planned& p, uint32_t wave, std::string_view code) {
  std::vector<View> views;
  std::vector<models::SystemIndex> all(p.inventory.systems.size());
  for (models::SystemIndex s = 0; s < all.size(); ++s)
    all[s] = s;
  views.push_back(viewOf(p, "overview", all,
                         [](GraphDocument& g, const GraphIndex& i) { drawOverview(g, i, 300); }));
  views.push_back(
      viewOf(p, fmt::format("wave {}", wave), p.plan.waves.at(wave - 1).systems,
             [&](GraphDocument& g, const GraphIndex& i) { drawWave(g, i, wave, 300); }));
  const models::AgencyIndex agency = *p.inventory.findAgency(code);
  std::vector<models::SystemIndex> own;
  for (models::SystemIndex s = 0; s < all.size(); ++s) {
    for (auto a = p.inventory.systems[s].agency; a != models::kNone;
         a = p.inventory.agencies[a].parent) {
      if (a == agency) {
        own.push_back(s);
        break;
      }
    }
  }
  views.push_back(
      viewOf(p, fmt::format("agency {}", code), own,
             [&](GraphDocument& g, const GraphIndex& i) { drawAgency(g, i, agency, 300); }));
  return views;
}

// SVG text as it reads: entities replaced by their characters (Graphviz writes "-" as &#45;).
std::string unescaped(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const size_t end = text.find(';', i);
    const std::string_view entity = text.substr(i + 1, end - i - 1);
    if (entity == "amp")
      out += '&';
    else if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "quot")
      out += '"';
    else if (entity.starts_with('#'))
      out += static_cast<char>(std::stoi(std::string(entity.substr(1))));
    i = end;
  }
  return out;
}

std::string withoutSpaces(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

// Each node's <title> (its DOT name) and the text drawn in it, lines joined.
std::map<std::string, std::string> nodeTexts(const std::string& svg) {
  std::map<std::string, std::string> texts;
  static const std::regex node("<g id=\"node[0-9]+\" class=\"node\">\\s*<title>([^<]*)</title>");
  static const std::regex text("<text[^>]*>([^<]*)</text>");
  std::vector<std::pair<std::string, size_t>> starts;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), node); it != std::sregex_iterator();
       ++it) {
    starts.emplace_back(unescaped((*it)[1].str()), static_cast<size_t>(it->position()));
  }
  for (size_t n = 0; n < starts.size(); ++n) {
    const size_t end = n + 1 < starts.size() ? starts[n + 1].second : svg.size();
    const std::string part = svg.substr(starts[n].second, end - starts[n].second);
    std::string joined;
    for (auto it = std::sregex_iterator(part.begin(), part.end(), text);
         it != std::sregex_iterator(); ++it) {
      joined += unescaped((*it)[1].str()) + " ";
    }
    texts[starts[n].first] = joined;
  }
  return texts;
}

struct Box {
  double left = 1e18, top = 1e18, right = -1e18, bottom = -1e18;
  double area() const { return right > left ? (right - left) * (bottom - top) : 0; }
};

// The bounding box of the legend's table: the points of the polygons in its group.
Box legendBox(const std::string& svg) {
  Box box;
  const size_t start = svg.find(fmt::format("<g id=\"a_{}\">", kLegendId));
  if (start == std::string::npos) return box;
  const std::string part = svg.substr(start, svg.find("</a>", start) - start);
  static const std::regex points("points=\"([^\"]*)\"");
  static const std::regex point("(-?[0-9.]+),(-?[0-9.]+)");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), points);
       it != std::sregex_iterator(); ++it) {
    const std::string list = (*it)[1].str();
    for (auto p = std::sregex_iterator(list.begin(), list.end(), point);
         p != std::sregex_iterator(); ++p) {
      const double x = std::stod((*p)[1].str()), y = std::stod((*p)[2].str());
      box.left = std::min(box.left, x);
      box.right = std::max(box.right, x);
      box.top = std::min(box.top, y);
      box.bottom = std::max(box.bottom, y);
    }
  }
  return box;
}

// The drawing's area in points, from the SVG's viewBox.
double drawingArea(const std::string& svg) {
  static const std::regex viewBox("viewBox=\"[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)\"");
  std::smatch match;
  REQUIRE(std::regex_search(svg, match, viewBox));
  return std::stod(match[1].str()) * std::stod(match[2].str());
}

struct Lab {
  double l, a, b;
};

double linear(double channel) {
  channel /= 255;
  return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

std::array<double, 3> linearRgb(const std::string& hex) {
  return {linear(std::stoi(hex.substr(1, 2), nullptr, 16)),
          linear(std::stoi(hex.substr(3, 2), nullptr, 16)),
          linear(std::stoi(hex.substr(5, 2), nullptr, 16))};
}

Lab labOf(std::array<double, 3> rgb) {
  for (double& c : rgb)
    c = std::clamp(c, 0.0, 1.0);
  const auto [r, g, b] = rgb;
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// What a reader with no red (protan), green (deutan) or blue (tritan) cones sees: Machado, Oliveira
// and Fernandes' (2009) simulation at full severity, on linear RGB.
using Matrix = std::array<std::array<double, 3>, 3>;
constexpr Matrix kProtan = {{{0.152286, 1.052583, -0.204868},
                             {0.114503, 0.786281, 0.099216},
                             {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeutan = {{{0.367322, 0.860646, -0.227968},
                             {0.280085, 0.672501, 0.047413},
                             {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritan = {{{1.255528, -0.076749, -0.178779},
                             {-0.078411, 0.930809, 0.147602},
                             {0.004733, 0.691367, 0.303900}}};
constexpr Matrix kNormal = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

std::array<double, 3> seenBy(const Matrix& m, const std::array<double, 3>& rgb) {
  std::array<double, 3> out{};
  for (size_t i = 0; i < 3; ++i)
    out[i] = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
  return out;
}

// CIE76 colour difference: about 2.3 is just noticeable; two colours 30 apart are told apart at a
// glance, even as the small fills of boxes side by side.
double deltaE(const Matrix& vision, const std::string& one, const std::string& other) {
  const Lab a = labOf(seenBy(vision, linearRgb(one)));
  const Lab b = labOf(seenBy(vision, linearRgb(other)));
  return std::hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}

double contrast(const std::string& one, const std::string& other) {
  auto luminance = [](const std::string& hex) {
    const auto [r, g, b] = linearRgb(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const double a = luminance(one) + 0.05, b = luminance(other) + 0.05;
  return std::max(a, b) / std::min(a, b);
}

std::string nodeOf(const std::string& dot, std::string_view key) {
  const size_t at = dot.find(fmt::format("\"{}\"\t[", key));
  REQUIRE(at != std::string::npos);
  return dot.substr(at, dot.find("];", at) - at);
}

}  // namespace

TEST_CASE("every system's name is written in its box in the overview, a wave's and an agency's") {
  const Planned& p = samplesPlan();
  for (const View& view : viewsOf(p, 3, "MOH")) {
    INFO(view.name);
    const auto texts = nodeTexts(view.svg);
    REQUIRE(!view.subject.empty());
    for (const models::SystemIndex s : view.subject) {
      const auto& system = p.inventory.systems[s];
      INFO(system.id);
      const auto it = texts.find(std::string(system.id));
      REQUIRE(it != texts.end());
      // Wrapped at spaces: the lines joined are the name.
      CHECK(withoutSpaces(it->second).find(withoutSpaces(std::string(system.name))) !=
            std::string::npos);
      CHECK(it->second.find(std::string(system.id)) != std::string::npos);
    }
  }
}

TEST_CASE("the legend takes at most 8 % of the samples' overview, wave and agency diagrams") {
  for (const View& view : viewsOf(samplesPlan(), 3, "MOH")) {
    INFO(view.name);
    const Box box = legendBox(view.svg);
    REQUIRE(box.area() > 0);
    CHECK(box.area() / drawingArea(view.svg) <= 0.08);
  }
}

TEST_CASE("neighbouring waves' colours differ clearly, also to colour-blind readers") {
  for (uint32_t wave = 1; wave < 12; ++wave) {
    INFO(wave);
    const std::string one = waveColour(wave).fill, next = waveColour(wave + 1).fill;
    CHECK(deltaE(kNormal, one, next) >= 30);
    CHECK(deltaE(kProtan, one, next) >= 30);
    CHECK(deltaE(kDeutan, one, next) >= 30);
    CHECK(deltaE(kTritan, one, next) >= 30);
    // And none is the retained systems' grey.
    CHECK(deltaE(kNormal, one, waveColour(0).fill) >= 10);
  }
  // The colours repeat: the box says the wave's number.
  CHECK(waveColour(1).fill == waveColour(1 + kWavePaletteSize).fill);
}

TEST_CASE("the text on every wave's fill has a contrast of at least 4.5 to 1") {
  for (uint32_t wave = 0; wave <= kWavePaletteSize; ++wave) {
    const Colour colour = waveColour(wave);
    INFO(colour.fill);
    CHECK(contrast(colour.fill, colour.text) >= 4.5);
  }
}

TEST_CASE("a high-criticality system has the marker and a thick border, a low one a thin border") {
  const Planned& p = samplesPlan();
  REQUIRE(p.inventory.systems[*p.inventory.findSystem("MOH/ehr")].criticality ==
          models::Criticality::high);
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, 300);
  const std::string dot = graph.dot();
  const std::string high = nodeOf(dot, "MOH/ehr");
  CHECK(high.find("\xE2\x96\xB2 high") != std::string::npos);
  CHECK(high.find("penwidth=2.6") != std::string::npos);
  const std::string svg = svgOf(graph);
  CHECK(nodeTexts(svg).at("MOH/ehr").find("\xE2\x96\xB2 high") != std::string::npos);
  for (models::SystemIndex s = 0; s < p.inventory.systems.size(); ++s) {
    const auto& system = p.inventory.systems[s];
    if (system.criticality == models::Criticality::high) continue;
    INFO(system.id);
    const std::string node = nodeOf(dot, system.id);
    CHECK(node.find("\xE2\x96\xB2") == std::string::npos);
    CHECK((node.find("penwidth=0.4") != std::string::npos) ==
          (system.criticality == models::Criticality::low));
  }
}

TEST_CASE("a box says its system's name, then its wave, id and move group in small print") {
  const Planned p = smallPlan();
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, 300);
  const std::string dot = graph.dot();
  const auto waveOf = [&](std::string_view id) {
    return p.plan.systems[*p.inventory.findSystem(id)].wave;
  };
  CHECK(nodeOf(dot, "MIN/db")
            .find(fmt::format(
                "label=<Example database<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#333333\">W{} "
                "\xC2\xB7 MIN/db \xC2\xB7 G1</FONT>>",
                waveOf("MIN/db"))) != std::string::npos);
  CHECK(nodeOf(dot, "MIN/mainframe").find(">retained \xC2\xB7 MIN/mainframe<") !=
        std::string::npos);
  const std::string retiring = nodeOf(dot, "MIN-OFF/old");
  CHECK(retiring.find(fmt::format(">W{} retires \xC2\xB7 MIN-OFF/old<", waveOf("MIN-OFF/old"))) !=
        std::string::npos);
  CHECK(retiring.find("dashed") != std::string::npos);
}

TEST_CASE("a box's tooltip has the agency, strategy, criticality, effort and reasons") {
  const Planned p = smallPlan();
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("overview");
  drawOverview(graph, index, 300);
  const std::string node = nodeOf(graph.dot(), "MIN-OFF/old");
  CHECK(node.find("tooltip=\"MIN-OFF/old: Old archive\\nMIN-OFF - Office of Samples\\n"
                  "application, retire; criticality medium; 2 effort days\\nretires in wave 3\\n"
                  "is switched off only once its consumer MIN-OFF/portal has moved, in wave 3\"") !=
        std::string::npos);
}

TEST_CASE("a name is wrapped at spaces into at most three lines of 22 characters") {
  CHECK(wrappedLines("National shared care record (EHR)", 22, 3) ==
        std::vector<std::string>{"National shared care", "record (EHR)"});
  CHECK(wrappedLines("Payroll", 22, 3) == std::vector<std::string>{"Payroll"});
  // Letters of two bytes count as one character.
  CHECK(wrappedLines("\xC3\xA9\xC3\xA9\xC3\xA9 \xC3\xA9\xC3\xA9", 6, 3) ==
        std::vector<std::string>{"\xC3\xA9\xC3\xA9\xC3\xA9 \xC3\xA9\xC3\xA9"});
  // A word longer than a line is cut where the line ends.
  CHECK(wrappedLines("abcdefghij kl", 4, 5) ==
        std::vector<std::string>{"abcd", "efgh", "ij", "kl"});
  // What does not fit ends in an ellipsis.
  CHECK(wrappedLines("one two three four five six", 9, 2) ==
        std::vector<std::string>{"one two", "three\xE2\x80\xA6"});
  CHECK(wrappedLines("", 22, 3).empty());
}

TEST_CASE("the legend is one table beside the title, whichever of the two is set first") {
  const Planned p = smallPlan();
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument titleFirst("g"), legendFirst("g");
  titleDiagram(titleFirst, "Title", "a line\nanother");
  addLegend(titleFirst, index, false);
  addLegend(legendFirst, index, false);
  titleDiagram(legendFirst, "Title", "a line\nanother");
  CHECK(titleFirst.dot() == legendFirst.dot());
  const std::string dot = titleFirst.dot();
  CHECK(dot.find("<TABLE ID=\"legend\"") > dot.find("Title</B>"));
  // Set again, each replaces its own part.
  titleDiagram(titleFirst, "Another", "");
  const std::string again = titleFirst.dot();
  CHECK(again.find("Title</B>") == std::string::npos);
  CHECK(again.find("Another</B>") != std::string::npos);
  CHECK(again.find("<TABLE ID=\"legend\"") != std::string::npos);
}

TEST_CASE("the legend says the waves' colours, shapes, borders and lines, and folding if folded") {
  const Planned p = smallPlan();
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("g"), folded("g");
  addLegend(graph, index, false);
  addLegend(folded, index, true);
  const std::string dot = graph.dot();
  for (uint32_t wave = 1; wave <= p.plan.waves.size(); ++wave) {
    CHECK(dot.find(fmt::format("BGCOLOR=\"{}\"><FONT POINT-SIZE=\"8\" COLOR=\"#000000\">{}</FONT>",
                               waveColour(wave).fill, wave)) != std::string::npos);
  }
  CHECK(dot.find(">retained</FONT>") != std::string::npos);
  for (const auto type : models::Vocabulary<models::SystemType>::names) {
    CHECK(dot.find(fmt::format(": {}", type)) != std::string::npos);
  }
  CHECK(dot.find("\xE2\x96\xB2 high: high criticality") != std::string::npos);
  CHECK(dot.find("thick red: tight") != std::string::npos);
  CHECK(dot.find("dashed: loose") != std::string::npos);
  CHECK(dot.find("folded") == std::string::npos);
  CHECK(folded.dot().find("an agency&#39;s systems drawn as one") != std::string::npos);
}

TEST_CASE("a legend of a thousand waves has a cell per colour with the waves that share it") {
  const Planned p = pinnedPlan(1000);
  REQUIRE(p.plan.waves.size() == 1000);
  const GraphIndex index(p.inventory, p.plan);
  GraphDocument graph("g");
  addLegend(graph, index, false);
  const std::string dot = graph.dot();
  CHECK(dot.find(">1, 9, 17 \xE2\x80\xA6</FONT>") != std::string::npos);
  CHECK(dot.find(">8, 16, 24 \xE2\x80\xA6</FONT>") != std::string::npos);
  CHECK(dot.find("the colours repeat every 8 waves") != std::string::npos);
  CHECK(dot.size() < 5000);
  const auto cells = legendWaveCells(1000);
  REQUIRE(cells.size() == kWavePaletteSize);
  CHECK(cells[0].count == 125);
  CHECK(legendWaveCells(10).size() == 8);
  CHECK(legendWaveCells(10)[1].count == 2);
  CHECK(legendWaveCells(10)[2].count == 1);
  CHECK(legendWaveCells(3).size() == 3);
}

}  // namespace cloudplan::exporters
