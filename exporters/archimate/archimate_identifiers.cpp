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

// "12", at least one digit and nothing else.
bool isNumber(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!isDigit(c)) return false;
  }
  return true;
}

// True when the writer may make `name` (after the prefix) for a plan element, relationship,
// property definition or view: the names of ArchimateIdentifiers but "system-...".
bool isPlanName(std::string_view name) {
  constexpr std::array<std::string_view, 5> kFixed = {"model", "baseline", "target", "gap-retired",
                                                      "view-roadmap"};
  constexpr std::array<std::string_view, 6> kNumbered = {"wave-", "work-", "deliverable-",
                                                         "rel-",  "prop-", "view-wave-"};
  for (std::string_view fixed : kFixed) {
    if (name == fixed) return true;
  }
  for (std::string_view numbered : kNumbered) {
    if (name.starts_with(numbered) && isNumber(name.substr(numbered.size()))) return true;
  }
  // vN-nM, vN-cM
  if (!name.starts_with("v")) return false;
  const size_t dash = name.find('-');
  if (dash == std::string_view::npos || !isNumber(name.substr(1, dash - 1))) return false;
  const std::string_view rest = name.substr(dash + 1);
  return (rest.starts_with("n") || rest.starts_with("c")) && isNumber(rest.substr(1));
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
  ids.systems.assign(count, {});
  tsl::robin_set<std::string_view> kept;
  kept.reserve(count);
  // The elements' own identifiers first, then the ids of systems from other inputs.
  for (SystemIndex s = 0; s < count; ++s) {
    const std::string_view identifier = inventory.systems[s].archimateIdentifier;
    if (isXmlIdentifier(identifier) && kept.insert(identifier).second) {
      ids.systems[s] = std::string(identifier);
    }
  }
  std::vector<SystemIndex> madeFor;
  tsl::robin_set<std::string> escaped;  // "system-" names of the systems that get a made one
  for (SystemIndex s = 0; s < count; ++s) {
    if (!ids.systems[s].empty()) continue;
    const std::string_view id = inventory.systems[s].id;
    if (isXmlIdentifier(id) && kept.insert(id).second) {
      ids.systems[s] = std::string(id);
    } else {
      madeFor.push_back(s);
      escaped.insert(escapedIdentifier(id));
    }
  }
  // A kept identifier rules out at most one prefix (the prefixes are none the start of another),
  // so the search ends within kept.size() + 1 tries.
  for (size_t k = 0;; ++k) {
    ids.prefix = k == 0 ? std::string("cp-") : fmt::format("cp{}-", k);
    bool collides = false;
    for (std::string_view identifier : kept) {
      if (!identifier.starts_with(ids.prefix)) continue;
      const std::string_view name = identifier.substr(ids.prefix.size());
      if (isPlanName(name) ||
          (name.starts_with("system-") && escaped.contains(std::string(name.substr(7))))) {
        collides = true;
        break;
      }
    }
    if (!collides) break;
  }
  for (SystemIndex s : madeFor)
    ids.systems[s] = ids.made("system-" + escapedIdentifier(inventory.systems[s].id));
  return ids;
}

}  // namespace cloudplan::exporters
