// The small plan the diagram tests draw: a ministry with an office, and a digital agency that
// provides to both, planned by the real importer and engine; the bundled samples planned as
// scripts/demo plans them; a drawing as SVG; and a reader of DOT clusters.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/plan_migration.h"
#include "exporters/graphviz/graph_document.h"
#include "exporters/graphviz/graphviz_render.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "importers/read_inputs.h"

namespace cloudplan::testing {

struct Planned {
  models::Diagnostics diagnostics;
  models::Inventory inventory;
  models::Plan plan;
};

// The samples as the demo plans them (scripts/demo): the size of plan a reviewer reads.
inline const Planned& samplesPlan() {
  static const Planned planned = [] {
    Planned p;
    const std::vector<std::string> paths = {CLOUDPLAN_SOURCE_DIR "/samples/government"};
    p.inventory = importers::readInputs(paths, {}, p.diagnostics);
    models::PlanSettings settings;
    settings.waveCapacity = 8;
    settings.freeze.push_back(
        {models::dateFromCivil(2027, 7, 26), models::dateFromCivil(2027, 8, 8)});
    p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
    return p;
  }();
  return planned;
}

// A diagram laid out as SVG, as render writes it.
inline std::string svgOf(exporters::GraphDocument& graph) {
  exporters::GraphvizRenderer renderer;
  std::string error;
  const exporters::ImageFormat formats[] = {exporters::ImageFormat::svg};
  const auto images = renderer.render(graph, formats, error);
  INFO(error);
  REQUIRE(images);
  return images->front();
}

inline Planned smallPlan() {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  auto read = [&](std::string name, models::InputKind kind, std::string text) {
    importers::readInventoryCsv(builder, builder.addFile(std::move(name), kind), std::move(text));
  };
  read("agencies.csv", models::InputKind::agencies,
       "code,name,parent\nMIN,Ministry of Examples,\nMIN-OFF,Office of Samples,MIN\n"
       "DGA,Digital Agency,\n");
  read("systems.csv", models::InputKind::systems,
       "id,name,agency,type,strategy\n"
       "MIN/app,Example app,MIN,application,rehost\n"
       "MIN/db,Example database,MIN,database,replatform\n"
       "MIN-OFF/portal,Sample portal,MIN-OFF,application,refactor\n"
       "MIN-OFF/old,Old archive,MIN-OFF,application,retire\n"
       "MIN/mainframe,Mainframe,MIN,infrastructure,retain\n"
       "DGA/sso,Single sign-on,DGA,platform,rehost\n"
       "DGA/bus,Exchange bus,DGA,interface,rehost\n");
  read("dependencies.csv", models::InputKind::dependencies,
       "from,to,coupling\nMIN/app,MIN/db,tight\nMIN/app,DGA/sso,normal\n"
       "MIN-OFF/portal,MIN/app,normal\nMIN-OFF/portal,MIN-OFF/old,normal\n"
       "MIN/app,MIN/mainframe,normal\nDGA/sso,DGA/bus,loose\n");
  p.inventory = builder.finish();
  models::PlanSettings settings;
  settings.waveCapacity = 2;
  p.plan = *engine::planMigration(p.inventory, settings, p.diagnostics);
  return p;
}

// Agencies A0 > A1 > ... nested `levels` deep, with a system at the top (S0) that depends on one
// at the bottom (S1).
inline Planned agencyChainPlan(uint32_t levels) {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  std::string agencies = "code,name,parent\nA0,Agency 0,\n";
  for (uint32_t level = 1; level < levels; ++level) {
    agencies += "A" + std::to_string(level) + ",Agency " + std::to_string(level) + ",A" +
                std::to_string(level - 1) + "\n";
  }
  importers::readInventoryCsv(builder, builder.addFile("agencies.csv", models::InputKind::agencies),
                              std::move(agencies));
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency,type,strategy,depends_on\n"
                              "S0,Top,A0,application,rehost,S1\n"
                              "S1,Bottom,A" +
                                  std::to_string(levels - 1) + ",database,rehost,\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  return p;
}

// Two systems of one agency, the first pinned to wave `pin`: waves 2 to pin - 1 move nothing.
inline Planned pinnedPlan(uint32_t pin) {
  Planned p;
  importers::InventoryBuilder builder(p.diagnostics);
  importers::readInventoryCsv(builder, builder.addFile("systems.csv", models::InputKind::systems),
                              "id,name,agency,type,strategy,pinned_wave\n"
                              "X/a,Pinned,X,application,rehost," +
                                  std::to_string(pin) + "\nX/b,Free,X,database,rehost,\n");
  p.inventory = builder.finish();
  p.plan = *engine::planMigration(p.inventory, models::PlanSettings{}, p.diagnostics);
  return p;
}

// The clusters around each node's declaration in DOT text, innermost last.
inline std::vector<std::string> clustersAround(const std::string& dot, const std::string& node) {
  std::vector<std::string> stack;
  size_t at = 0;
  while (at < dot.size()) {
    size_t end = dot.find('\n', at);
    if (end == std::string::npos) end = dot.size();
    std::string line = dot.substr(at, end - at);
    at = end + 1;
    line.erase(0, line.find_first_not_of('\t'));
    if (line.rfind("subgraph ", 0) == 0) {
      const size_t open = line.find('"'), close = line.find('"', open + 1);
      stack.push_back(line.substr(open + 1, close - open - 1));
    } else if (line == "}") {
      if (!stack.empty()) stack.pop_back();
    } else if (line.rfind("\"" + node + "\"\t", 0) == 0 || line.rfind(node + "\t", 0) == 0) {
      return stack;
    }
  }
  return {"(not found)"};
}

}  // namespace cloudplan::testing
