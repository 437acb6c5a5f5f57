#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "importers/input_file.h"
#include "importers/plan/plan_reader.h"
#include "importers/suggest.h"

namespace cloudplan::cli {
namespace {

// The plan read back, checked whole as render checks it: a hand-edited entry of the wrong shape
// is an input error that names it, never an internal error or a number printed wrong. Every text
// of the plan goes to a terminal through printable(): escapes are shown, never obeyed.
struct Explainer {
  const models::Inventory& inventory;
  const models::Plan& plan;

  std::string waveOf(models::SystemIndex s) const {
    const uint32_t wave = plan.systems[s].wave;
    return wave ? fmt::format("wave {}", wave) : std::string("retained");
  }

  std::string agencyOf(const models::System& system) const {
    return system.agency == models::kNone ? std::string()
                                          : printable(inventory.agencies[system.agency].code);
  }

  void explain(models::SystemIndex s, std::ostream& out) const {
    const models::System& system = inventory.systems[s];
    const models::SystemPlan& planned = plan.systems[s];
    out << fmt::format("{}  {} ({})\n", printable(system.id), printable(system.name),
                       agencyOf(system));
    out << fmt::format("  {}: {} ({})\n", waveOf(s), models::nameOf(system.action()),
                       models::nameOf(system.strategy));
    if (planned.wave) {
      const models::Wave& wave = plan.waves[planned.wave - 1];
      out << fmt::format("  from {} to {}\n", models::formatDate(wave.start),
                         models::formatDate(wave.end));
    }
    out << "  why:\n";
    for (const std::string& reason : planned.reasons)
      out << "    - " << printable(reason) << '\n';
    if (planned.moveGroup != models::kNone) {
      const models::MoveGroup& group = plan.moveGroups[planned.moveGroup];
      std::vector<std::string> members;
      for (models::SystemIndex member : group.systems)
        members.push_back(printable(inventory.systems[member].id));
      out << fmt::format("  move group {} ({}): {}\n", printable(group.id),
                         models::nameOf(group.cause), fmt::join(members, ", "));
    }
    for (const bool providers : {true, false}) {
      std::vector<std::string> lines;
      for (const models::Dependency& d : inventory.dependencies) {
        if ((providers ? d.consumer : d.provider) != s) continue;
        const models::SystemIndex peer = providers ? d.provider : d.consumer;
        lines.push_back(fmt::format("    {:<30} {:<9} {:<7} {}",
                                    printable(inventory.systems[peer].id), waveOf(peer),
                                    models::nameOf(d.coupling), printable(d.kind)));
      }
      out << fmt::format("  {}:{}\n",
                         providers ? "providers (it depends on)" : "consumers (they depend on it)",
                         lines.empty() ? " none" : "");
      for (const auto& line : lines)
        out << line << '\n';
    }
  }
};

}  // namespace

int runExplain(const std::string& planPath, const std::string& systemId) {
  models::Diagnostics diagnostics;
  const auto loaded = importers::readPlan(planPath, diagnostics);
  if (!loaded) {
    printDiagnostics(std::cerr, diagnostics, "explain");
    return kInputErrors;
  }
  const models::Inventory& inventory = loaded->inventory;
  const auto found = inventory.findSystem(systemId);
  if (!found) {
    std::vector<std::string> ids;
    for (const models::System& system : inventory.systems)
      ids.emplace_back(system.id);
    importers::Suggester suggester({ids.begin(), ids.end()});
    const auto close = suggester.closest(systemId);
    std::cerr << fmt::format(
        "explain: error: no system {} in {}{}\n", printable(models::quoted(systemId)),
        printable(importers::inputName(planPath)),
        close ? fmt::format(" (did you mean {}?)", printable(models::quoted(*close))) : "");
    return kInputErrors;
  }
  Explainer{inventory, loaded->plan}.explain(*found, std::cout);
  return kOk;
}

}  // namespace cloudplan::cli
