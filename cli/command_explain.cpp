#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "importers/plan_json_reader.h"
#include "importers/suggest.h"

namespace cloudplan::cli {
namespace {

using Json = nlohmann::json;

std::string waveOf(const Json& entry) {
  return entry.contains("wave") && entry["wave"].is_number()
             ? fmt::format("wave {}", entry["wave"].get<int>())
             : std::string("retained");
}

}  // namespace

int runExplain(const std::string& planPath, const std::string& wantedId) {
  models::Diagnostics diagnostics;
  auto plan = importers::readPlanJson(planPath, diagnostics);
  if (!plan) {
    printDiagnostics(std::cerr, diagnostics, DiagnosticsFormat::text, "explain");
    return kInputErrors;
  }
  makePrintable(*plan);  // its text goes to a terminal: escapes are shown, not obeyed
  const std::string systemId = printable(wantedId);
  // value() returns copies: keep the plan's own arrays, which the map below points into.
  static const Json kNone = Json::array();
  auto array = [&](const char* key) -> const Json& {
    return plan->contains(key) && (*plan)[key].is_array() ? (*plan)[key] : kNone;
  };
  std::unordered_map<std::string, const Json*> systems;
  std::vector<std::string> ids;
  for (const Json& entry : array("systems")) {
    const std::string id = entry.value("id", "");
    systems.emplace(id, &entry);
    ids.push_back(id);
  }
  const auto found = systems.find(systemId);
  if (found == systems.end()) {
    importers::Suggester suggester({ids.begin(), ids.end()});
    const auto close = suggester.closest(systemId);
    std::cerr << fmt::format(
        "explain: error: no system {} in {}{}\n", models::quoted(systemId), planPath,
        close ? fmt::format(" (did you mean {}?)", models::quoted(*close)) : "");
    return kInputErrors;
  }
  const Json& system = *found->second;
  std::cout << fmt::format("{}  {} ({})\n", systemId, system.value("name", ""),
                           system.value("agency", ""));
  std::cout << fmt::format("  {}: {} ({})\n", waveOf(system), system.value("action", ""),
                           system.value("strategy", ""));
  for (const Json& wave : array("waves")) {
    if (system.contains("wave") && wave.value("wave", 0) == system["wave"]) {
      std::cout << fmt::format("  from {} to {}\n", wave.value("start", ""), wave.value("end", ""));
    }
  }
  std::cout << "  why:\n";
  for (const Json& reason : system.value("reasons", Json::array())) {
    std::cout << "    - " << reason.get<std::string>() << '\n';
  }
  if (system.contains("move_group") && system["move_group"].is_string()) {
    for (const Json& group : array("move_groups")) {
      if (group.value("id", "") != system["move_group"]) continue;
      std::vector<std::string> members;
      for (const Json& id : group.value("systems", Json::array()))
        members.push_back(id);
      std::cout << fmt::format("  move group {} ({}): {}\n", group.value("id", ""),
                               group.value("cause", ""), fmt::join(members, ", "));
    }
  }
  for (const auto& [title, self, other] :
       {std::tuple{"providers (it depends on)", "from", "to"},
        std::tuple{"consumers (they depend on it)", "to", "from"}}) {
    std::vector<std::string> lines;
    for (const Json& d : array("dependencies")) {
      if (d.value(self, "") != systemId) continue;
      const std::string peer = d.value(other, "");
      const auto it = systems.find(peer);
      lines.push_back(fmt::format("    {:<30} {:<9} {:<7} {}", peer,
                                  it == systems.end() ? "?" : waveOf(*it->second),
                                  d.value("coupling", ""), d.value("kind", "")));
    }
    std::cout << fmt::format("  {}:{}\n", title, lines.empty() ? " none" : "");
    for (const auto& line : lines)
      std::cout << line << '\n';
  }
  return kOk;
}

}  // namespace cloudplan::cli
