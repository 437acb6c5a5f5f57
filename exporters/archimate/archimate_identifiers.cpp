#include "exporters/archimate/archimate_identifiers.h"

#include <fmt/format.h>
#include <tsl/robin_set.h>

#include <array>

namespace cloudplan::exporters {

using models::SystemIndex;

namespace {

bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// True when the writer may make `name` (after the prefix) for a plan element, a plan
// relationship, a property definition, a view, a node or a connection: every name of
// ArchimateIdentifiers but "system-..." and "dep-...", whatever follows the start. None of these
// is ever kept (plan.archimate.xml read back gives systems and dependencies only), so ruling out a
// prefix for any identifier that starts like one costs nothing when a plan is read back.
bool isPlanName(std::string_view name) {
  constexpr std::array<std::string_view, 5> kFixed = {"model", "baseline", "target", "gap-retired",
                                                      "view-roadmap"};
  constexpr std::array<std::string_view, 8> kStarts = {"wave-", "work-", "deliverable-", "rel-",
                                                       "prop-", "view-", "node-",        "conn-"};
  for (std::string_view fixed : kFixed) {
    if (name == fixed) return true;
  }
  for (std::string_view start : kStarts) {
    if (name.starts_with(start)) return true;
  }
  return false;
}

}  // namespace

bool isXmlIdentifier(std::string_view text) {
  if (text.empty() || !(isLetter(text[0]) || text[0] == '_')) return false;
  for (const char c : text) {
    if (!(isLetter(c) || isDigit(c) || c == '-' || c == '.' || c == '_')) return false;
  }
  return true;
}

std::string escapedIdentifier(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    if (isLetter(c) || isDigit(c) || c == '-' || c == '.') {
      escaped += c;
    } else {
      escaped += fmt::format("_{:02x}", static_cast<unsigned char>(c));
    }
  }
  return escaped;
}

ArchimateIdentifiers chooseArchimateIdentifiers(const models::Inventory& inventory) {
  ArchimateIdentifiers ids;
  const size_t count = inventory.systems.size();
  const size_t dependencies = inventory.dependencies.size();
  ids.systems.assign(count, {});
  ids.dependencies.assign(dependencies, {});
  tsl::robin_set<std::string_view> kept;
  kept.reserve(count + dependencies);
  // The elements' own identifiers first, then the relationships', then the ids of systems from
  // other inputs.
  for (SystemIndex s = 0; s < count; ++s) {
    const std::string_view identifier = inventory.systems[s].archimateIdentifier;
    if (isXmlIdentifier(identifier) && kept.insert(identifier).second) {
      ids.systems[s] = std::string(identifier);
    }
  }
  for (size_t d = 0; d < dependencies; ++d) {
    const std::string_view identifier = inventory.dependencies[d].archimateIdentifier;
    if (isXmlIdentifier(identifier) && kept.insert(identifier).second) {
      ids.dependencies[d] = std::string(identifier);
    }
  }
  std::vector<SystemIndex> madeFor;
  tsl::robin_set<std::string> madeNames;  // "system-..." and "dep-...": those the writer makes
  for (SystemIndex s = 0; s < count; ++s) {
    if (!ids.systems[s].empty()) continue;
    const std::string_view id = inventory.systems[s].id;
    if (isXmlIdentifier(id) && kept.insert(id).second) {
      ids.systems[s] = std::string(id);
    } else {
      madeFor.push_back(s);
      madeNames.insert("system-" + escapedIdentifier(id));
    }
  }
  std::vector<size_t> madeForDependency;
  for (size_t d = 0; d < dependencies; ++d) {
    if (!ids.dependencies[d].empty()) continue;
    madeForDependency.push_back(d);
    const models::Dependency& dependency = inventory.dependencies[d];
    // Pairs are unique (the importers merge repeats), and so are these names.
    ids.dependencies[d] = "dep-" + escapedIdentifier(inventory.systems[dependency.consumer].id) +
                          "__" + escapedIdentifier(inventory.systems[dependency.provider].id);
    madeNames.insert(ids.dependencies[d]);
  }
  // A kept identifier rules out at most one prefix (the prefixes are none the start of another),
  // so the search ends within kept.size() + 1 tries.
  for (size_t k = 0;; ++k) {
    ids.prefix = k == 0 ? std::string("cp-") : fmt::format("cp{}-", k);
    bool collides = false;
    for (std::string_view identifier : kept) {
      if (!identifier.starts_with(ids.prefix)) continue;
      const std::string_view name = identifier.substr(ids.prefix.size());
      if (isPlanName(name) || madeNames.contains(std::string(name))) {
        collides = true;
        break;
      }
    }
    if (!collides) break;
  }
  for (SystemIndex s : madeFor)
    ids.systems[s] = ids.made("system-" + escapedIdentifier(inventory.systems[s].id));
  for (size_t d : madeForDependency)
    ids.dependencies[d] = ids.made(ids.dependencies[d]);
  return ids;
}

}  // namespace cloudplan::exporters
