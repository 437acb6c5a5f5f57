#include "engine/agency_limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cloudplan::engine {

using models::AgencyIndex;
using models::kNone;
using models::SystemIndex;

namespace {

constexpr double kEffortSlack = 1e-9;
constexpr uint32_t kNoSystemLimit = std::numeric_limits<uint32_t>::max();
constexpr double kNoEffortLimit = std::numeric_limits<double>::infinity();

}  // namespace

bool AgencyLimits::fits(uint32_t limited, uint32_t usedSystems, double usedEffort, uint32_t systems,
                        double effortDays) const {
  return usedSystems + static_cast<uint64_t>(systems) <= maxSystems[limited] &&
         usedEffort + effortDays <= maxEffort[limited] + kEffortSlack;
}

AgencyLimits measureAgencyLimits(const models::Inventory& inventory, const MoveUnits& units) {
  AgencyLimits limits;
  const auto& agencies = inventory.agencies;
  std::vector<uint32_t> limitedOf(agencies.size(), kNone);
  for (AgencyIndex a = 0; a < agencies.size(); ++a) {
    if (!agencies[a].maxSystemsPerWave && !agencies[a].maxEffortPerWave) continue;
    limitedOf[a] = static_cast<uint32_t>(limits.agency.size());
    limits.agency.push_back(a);
    limits.maxSystems.push_back(agencies[a].maxSystemsPerWave.value_or(kNoSystemLimit));
    limits.maxEffort.push_back(agencies[a].maxEffortPerWave.value_or(kNoEffortLimit));
  }
  if (limits.empty()) return limits;

  // Parents before children, so that each chain is its parent's with perhaps itself in front.
  std::vector<uint32_t> childStart(agencies.size() + 1, 0);
  for (const auto& agency : agencies) {
    if (agency.parent != kNone) ++childStart[agency.parent + 1];
  }
  for (size_t a = 0; a < agencies.size(); ++a)
    childStart[a + 1] += childStart[a];
  std::vector<AgencyIndex> children(childStart.back());
  {
    std::vector<uint32_t> next(childStart.begin(), childStart.end() - 1);
    for (AgencyIndex a = 0; a < agencies.size(); ++a) {
      if (agencies[a].parent != kNone) children[next[agencies[a].parent]++] = a;
    }
  }
  std::vector<AgencyIndex> order;
  order.reserve(agencies.size());
  for (AgencyIndex a = 0; a < agencies.size(); ++a) {
    if (agencies[a].parent == kNone) order.push_back(a);
  }
  for (size_t i = 0; i < order.size(); ++i) {
    for (uint32_t c = childStart[order[i]]; c < childStart[order[i] + 1]; ++c)
      order.push_back(children[c]);
  }
  // Chains as ranges of one array; an agency on a parent cycle (the importers break those) would
  // not be reached and keeps no chain.
  std::vector<uint32_t> chainBegin(agencies.size(), 0), chainEnd(agencies.size(), 0);
  std::vector<uint32_t> chains;
  for (AgencyIndex a : order) {
    chainBegin[a] = static_cast<uint32_t>(chains.size());
    if (limitedOf[a] != kNone) chains.push_back(limitedOf[a]);
    const AgencyIndex parent = agencies[a].parent;
    if (parent != kNone) {
      for (uint32_t i = chainBegin[parent]; i < chainEnd[parent]; ++i)
        chains.push_back(chains[i]);
    }
    chainEnd[a] = static_cast<uint32_t>(chains.size());
  }

  limits.loadStart.assign(units.size() + 1, 0);
  std::vector<AgencyLoad> merged;
  for (uint32_t u = 0; u < units.size(); ++u) {
    const auto members = units.membersOf(u);
    merged.clear();
    for (SystemIndex s : members) {
      const auto& system = inventory.systems[s];
      if (system.agency == kNone) continue;
      for (uint32_t i = chainBegin[system.agency]; i < chainEnd[system.agency]; ++i)
        merged.push_back(AgencyLoad{chains[i], 1, system.effortDays, false});
    }
    if (members.size() > 1) {
      std::sort(merged.begin(), merged.end(),
                [](const AgencyLoad& a, const AgencyLoad& b) { return a.limited < b.limited; });
      size_t out = 0;
      for (size_t i = 0; i < merged.size(); ++i) {
        if (out && merged[out - 1].limited == merged[i].limited) {
          merged[out - 1].systems += merged[i].systems;
          merged[out - 1].effortDays += merged[i].effortDays;
        } else {
          merged[out++] = merged[i];
        }
      }
      merged.resize(out);
    }
    for (AgencyLoad& load : merged) {
      load.oversize = !limits.fits(load.limited, 0, 0, load.systems, load.effortDays);
      limits.loads.push_back(load);
    }
    limits.loadStart[u + 1] = static_cast<uint32_t>(limits.loads.size());
  }
  return limits;
}

std::string describeAgencyLimit(const AgencyLimits& limits, uint32_t limited) {
  std::vector<std::string> parts;
  if (limits.hasSystemLimit(limited))
    parts.push_back(fmt::format("max_systems_per_wave {}", limits.maxSystems[limited]));
  if (limits.hasEffortLimit(limited))
    parts.push_back(fmt::format("max_effort_per_wave {:g}", limits.maxEffort[limited]));
  return fmt::format("{}", fmt::join(parts, ", "));
}

AgencyBound computeAgencyBound(const models::Inventory& inventory, const AgencyLimits& limits,
                               const MoveUnits& units, const ReplanState* replan) {
  AgencyBound bound;
  const size_t count = limits.agency.size();
  std::vector<uint32_t> over(count, 0), restSystems(count, 0);
  std::vector<char> counted(count, 0);  // has systems still to move
  std::vector<double> restEffort(count, 0);
  auto add = [&](uint32_t l, uint32_t systems, double effort) {
    if (systems == 0) return;
    counted[l] = 1;
    if (systems > limits.maxSystems[l] || effort > limits.maxEffort[l] + kEffortSlack) {
      ++over[l];
    } else {
      restSystems[l] += systems;
      restEffort[l] += effort;
    }
  };
  // A re-plan counts only the systems still to move: a unit with fixed systems is measured again
  // without them (rare: fixed systems mostly form units of their own).
  std::vector<uint32_t> limitedOf;
  std::vector<uint32_t> freeSystems(count, 0);
  std::vector<double> freeEffort(count, 0);
  std::vector<uint32_t> touched;
  if (replan) {
    limitedOf.assign(inventory.agencies.size(), kNone);
    for (uint32_t l = 0; l < count; ++l)
      limitedOf[limits.agency[l]] = l;
  }
  for (uint32_t u = 0; u < units.size(); ++u) {
    const auto members = units.membersOf(u);
    const bool mixed = replan && std::any_of(members.begin(), members.end(),
                                             [&](auto s) { return replan->fixed(s); });
    if (!mixed) {
      for (const AgencyLoad& load : limits.of(u))
        add(load.limited, load.systems, load.effortDays);
      continue;
    }
    touched.clear();
    for (const models::SystemIndex s : members) {
      if (replan->fixed(s)) continue;
      // Every limited agency from the system's own up to the root (parents never loop: the
      // importers refuse cycles).
      for (models::AgencyIndex a = inventory.systems[s].agency; a != kNone;
           a = inventory.agencies[a].parent) {
        const uint32_t l = limitedOf[a];
        if (l == kNone) continue;
        if (freeSystems[l] == 0) touched.push_back(l);
        ++freeSystems[l];
        freeEffort[l] += inventory.systems[s].effortDays;
      }
    }
    for (const uint32_t l : touched) {
      add(l, freeSystems[l], freeEffort[l]);
      freeSystems[l] = 0;
      freeEffort[l] = 0;
    }
  }
  const uint32_t started = replan ? replan->started : 0;
  for (uint32_t l = 0; l < count; ++l) {
    if (!counted[l]) continue;
    const std::string_view code = inventory.agencies[limits.agency[l]].code;
    const std::string startedText = started ? fmt::format("{} started + ", started) : "";
    if (limits.hasSystemLimit(l)) {
      const uint32_t waves =
          started + over[l] + (restSystems[l] + limits.maxSystems[l] - 1) / limits.maxSystems[l];
      if (waves > bound.waves) {
        bound.waves = waves;
        bound.because = fmt::format(
            "agency {}'s max_systems_per_wave {}: {}{} over alone + "
            "ceil({} / {})",
            code, limits.maxSystems[l], startedText, over[l], restSystems[l], limits.maxSystems[l]);
      }
    }
    if (limits.hasEffortLimit(l)) {
      const auto waves =
          started + over[l] +
          static_cast<uint32_t>(std::ceil(restEffort[l] / limits.maxEffort[l] - kEffortSlack));
      if (waves > bound.waves) {
        bound.waves = waves;
        bound.because = fmt::format(
            "agency {}'s max_effort_per_wave {:g}: {}{} over alone + "
            "ceil({:g} / {:g})",
            code, limits.maxEffort[l], startedText, over[l], restEffort[l], limits.maxEffort[l]);
      }
    }
  }
  return bound;
}

void paceAgencies(const AgencyLimits& limits, const MoveUnits& units,
                  std::span<const uint32_t> topological, uint32_t waves,
                  std::vector<uint32_t>& paced) {
  paced.assign(units.size(), waves);
  if (limits.empty()) return;
  const size_t limited = limits.agency.size();
  std::vector<uint64_t> systems(limited, 0);
  std::vector<double> effort(limited, 0);
  for (auto it = topological.rbegin(); it != topological.rend(); ++it) {
    const uint32_t u = *it;
    uint32_t& pacedBy = paced[u];
    for (const AgencyLoad& load : limits.of(u)) {
      const uint32_t l = load.limited;
      uint64_t need = 0;
      if (limits.hasSystemLimit(l)) {
        // An oversize unit takes the agency's whole share of a wave.
        systems[l] += load.oversize ? limits.maxSystems[l] : load.systems;
        need = (systems[l] + limits.maxSystems[l] - 1) / limits.maxSystems[l];
      }
      if (limits.hasEffortLimit(l)) {
        effort[l] += load.oversize ? limits.maxEffort[l] : load.effortDays;
        need = std::max(
            need, static_cast<uint64_t>(std::ceil(effort[l] / limits.maxEffort[l] - kEffortSlack)));
      }
      pacedBy = std::min<uint64_t>(pacedBy, need >= waves ? 1 : waves - need + 1);
    }
    for (const UnitArc& next : units.successorsOf(u))
      pacedBy = std::min(pacedBy, paced[next.unit]);
  }
}

}  // namespace cloudplan::engine
