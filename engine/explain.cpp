#include "engine/explain.h"

#include "engine/replan.h"
#include "models/plural.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>

namespace cloudplan::engine {

using models::kNone;
using models::SystemIndex;

namespace {

// The shortest cycle of dependencies (consumer -> provider) inside the group through its first
// system that has one, as "A -> B -> A"; empty when its cycle runs through tight links only.
std::string cycleThrough(const models::Inventory& inventory, const models::MoveGroup& group) {
  constexpr size_t kLargest = 200;  // the search is quadratic; a larger group is only counted
  if (group.systems.size() > kLargest) return {};
  for (SystemIndex start : group.systems) {
    std::vector<std::pair<SystemIndex, uint32_t>> parent;  // BFS tree: (system, via dependency)
    std::deque<SystemIndex> queue{start};
    std::vector<SystemIndex> seen{start};
    auto parentOf = [&](SystemIndex s) {
      for (const auto& [child, via] : parent) {
        if (child == s) return via;
      }
      return kNone;
    };
    while (!queue.empty()) {
      const SystemIndex s = queue.front();
      queue.pop_front();
      for (uint32_t d : group.links) {
        const auto& dependency = inventory.dependencies[d];
        if (dependency.consumer != s || dependency.coupling == models::Coupling::tight) continue;
        const SystemIndex next = dependency.provider;
        if (next == start) {
          std::vector<std::string_view> path{inventory.systems[start].id};
          for (SystemIndex at = s; at != start;) {
            path.push_back(inventory.systems[at].id);
            at = inventory.dependencies[parentOf(at)].consumer;
          }
          path.push_back(inventory.systems[start].id);
          std::reverse(path.begin() + 1, path.end() - 1);
          return fmt::format("{}", fmt::join(path, " -> "));
        }
        if (std::find(seen.begin(), seen.end(), next) != seen.end()) continue;
        seen.push_back(next);
        parent.emplace_back(next, d);
        queue.push_back(next);
      }
    }
  }
  return {};
}

}  // namespace

std::string describeMoveGroup(const models::Inventory& inventory, const models::MoveGroup& group) {
  std::vector<std::string> parts;
  std::vector<std::string> tight;
  for (uint32_t d : group.links) {
    const auto& dependency = inventory.dependencies[d];
    if (dependency.coupling == models::Coupling::tight) {
      tight.push_back(fmt::format("{} + {}", inventory.systems[dependency.consumer].id,
                                  inventory.systems[dependency.provider].id));
    }
  }
  if (!tight.empty()) {
    if (tight.size() > 4) {
      const size_t more = tight.size() - 3;
      tight.resize(3);
      tight.push_back(fmt::format("{} more", more));
    }
    parts.push_back(fmt::format("tight: {}", fmt::join(tight, ", ")));
  }
  if (group.cause != models::MoveGroupCause::tight) {
    const std::string cycle = cycleThrough(inventory, group);
    parts.push_back(cycle.empty() ? std::string("cycle of dependencies and retirements")
                                  : "cycle: " + cycle);
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

void explainWaves(const models::Inventory& inventory, const ConstraintGraph& graph,
                  const MoveUnits& units, const std::vector<UnitLoad>& loads,
                  const AgencyLimits& agencyLimits, const Schedule& schedule,
                  models::WaveCalendar& calendar, models::Plan& plan) {
  const auto& settings = plan.settings;
  std::vector<std::string> groupText(units.groups.size());
  for (size_t g = 0; g < units.groups.size(); ++g) {
    groupText[g] = describeMoveGroup(inventory, units.groups[g]);
  }
  // Waves filled to the capacity, counted up to each wave, so that "waves a-b were full" is one
  // subtraction.
  std::vector<uint32_t> fullUpTo(plan.waves.size() + 1, 0);
  for (size_t k = 0; k < plan.waves.size(); ++k) {
    fullUpTo[k + 1] = fullUpTo[k] + (settings.waveCapacity &&
                                     plan.waves[k].systems.size() >= *settings.waveCapacity);
  }
  // What each wave holds of each limited agency's subtree in the plan as it is: a limit that
  // turned a unit away in the list scheduler is named only while it still would, since the
  // search for fewer hybrid links may have taken systems out of that wave since.
  const size_t limited = agencyLimits.agency.size();
  std::vector<uint32_t> agencySystems((plan.waves.size() + 1) * limited, 0);
  std::vector<double> agencyEffort((plan.waves.size() + 1) * limited, 0);
  for (uint32_t u = 0; u < units.size(); ++u) {
    for (const AgencyLoad& a : agencyLimits.of(u)) {
      agencySystems[schedule.waveOf[u] * limited + a.limited] += a.systems;
      agencyEffort[schedule.waveOf[u] * limited + a.limited] += a.effortDays;
    }
  }
  auto limitStillRefuses = [&](uint32_t unit, uint32_t l, uint32_t from, uint32_t to) {
    for (const AgencyLoad& a : agencyLimits.of(unit)) {
      if (a.limited != l) continue;
      for (uint32_t k = from; k <= to; ++k) {
        // The search leaves oversize waves as they are.
        if (!plan.waves[k - 1].oversize &&
            agencyLimits.fits(l, agencySystems[k * limited + l], agencyEffort[k * limited + l],
                              a.systems, a.effortDays))
          return false;
      }
    }
    return true;
  };
  // Where each agency's turn began: the first wave of the units that moved in its turn (a pinned
  // unit's wave is its pin's, not the turn's).
  std::vector<uint32_t> turnStart(inventory.agencies.size(), kNone);
  for (uint32_t u = 0; u < units.size(); ++u) {
    const models::AgencyIndex a = schedule.waits[u].turnAgency;
    if (a != kNone && !loads[u].pin) turnStart[a] = std::min(turnStart[a], schedule.waveOf[u]);
  }
  for (uint32_t u = 0; u < units.size(); ++u) {
    const uint32_t wave = schedule.waveOf[u];
    const UnitLoad& load = loads[u];
    const auto members = units.membersOf(u);
    const bool grouped = units.groupOf[u] != kNone;
    std::vector<std::string> reasons;
    if (grouped) {
      const auto& group = units.groups[units.groupOf[u]];
      reasons.push_back(fmt::format("moves with its move group {} ({} systems; {})", group.id,
                                    group.systems.size(), groupText[units.groupOf[u]]));
    }
    auto subject = [&](SystemIndex s) {
      return grouped ? fmt::format("{} ", inventory.systems[s].id) : std::string();
    };
    // What holds the unit back: the latest of its predecessors, its pin and its dates.
    uint32_t held = 0, binding = kNone, alsoBinding = 0;
    for (const UnitArc& previous : units.predecessorsOf(u)) {
      const uint32_t w = schedule.waveOf[previous.unit];
      if (w > held) {
        held = w;
        binding = previous.arc;
        alsoBinding = 0;
      } else if (w == held) {
        ++alsoBinding;
      }
    }
    if (binding != kNone && held == wave) {
      const ConstraintArc& arc = graph.arcs[binding];
      const std::string more = alsoBinding ? fmt::format(" (and {} more)", alsoBinding) : "";
      switch (arc.rule) {
        case ArcRule::providerFirst:
          reasons.push_back(fmt::format("{}waits for its provider {}, which moves in wave {}{}",
                                        subject(arc.after), inventory.systems[arc.before].id, wave,
                                        more));
          break;
        case ArcRule::consumerFirst:
          reasons.push_back(
              fmt::format("{}waits for its consumer {}, which moves in wave {} (consumers-first){}",
                          subject(arc.after), inventory.systems[arc.before].id, wave, more));
          break;
        case ArcRule::retireAfterUse:
          reasons.push_back(
              fmt::format("{}is switched off only once its consumer {} has moved, in wave {}{}",
                          subject(arc.after), inventory.systems[arc.before].id, wave, more));
          break;
      }
    }
    if (load.pin) {
      for (SystemIndex s : members) {
        if (inventory.systems[s].pinnedWave) {
          reasons.push_back(fmt::format("{}pinned to wave {}", subject(s), load.pin));
        }
      }
    }
    if (load.dateWave == wave && wave > 1) {
      for (SystemIndex s : members) {
        const auto& date = inventory.systems[s].notBefore;
        if (date && calendar.firstWaveStartingOnOrAfter(*date) == wave) {
          reasons.push_back(
              fmt::format("{}not before {}: wave {} is the first to start on or "
                          "after it ({})",
                          subject(s), models::formatDate(*date), wave,
                          models::formatDate(calendar.start(wave))));
        }
      }
    }
    // A re-plan's systems still to move need a wave that has not started.
    if (load.firstOpenWave > 1 && load.firstOpenWave == wave && held < wave &&
        load.dateWave < wave && !load.pin) {
      reasons.push_back(
          fmt::format("{}: wave {} is the first it can take", describeStarted(wave - 1), wave));
    }
    const UnitWait& wait = schedule.waits[u];
    if (wait.dueSystem != kNone && wait.dueWave == wave) {
      const auto& dated = inventory.systems[wait.dueSystem];
      const std::string date = models::formatDate(*dated.finishBy);
      if (units.unitOf[wait.dueSystem] == u) {
        reasons.push_back(fmt::format("{}finish_by {}: wave {} is the last to end by then",
                                      subject(wait.dueSystem), date, wave));
      } else {
        reasons.push_back(fmt::format(
            "{}, which waits for it, has finish_by {}: wave {} is the last to end by then",
            dated.id, date, wave));
      }
    }
    const uint32_t ready = std::max({1u, held, load.pin, load.dateWave, load.firstOpenWave});
    if (wave > ready) {
      // Every rule that kept it out of the waves from `ready` on, in the order they acted.
      std::vector<std::string> why;
      const models::AgencyIndex own = inventory.systems[members[0]].agency;
      const bool heldBack =
          own != kNone && wait.agencyHoldWave > ready && wave >= wait.agencyHoldWave;
      if (heldBack) {
        why.push_back(fmt::format(
            "its agency {} waits for wave {}, the first that the not_before dates of its "
            "systems allow, so that it moves in one piece",
            inventory.agencies[own].code, wait.agencyHoldWave));
      }
      // Moved by the search for fewer hybrid links: what held it in the list scheduler is not
      // why it is here.
      const bool moved = wait.movedFrom != 0;
      // Offered before its wave: what filled the waves it was offered in held it.
      const bool offeredEarlier = !moved && wait.readyWave && wait.readyWave < wave;
      const models::AgencyIndex turn = wait.turnAgency;
      // Waves in which no limit turned it away: it waited behind others, in the agencies' order.
      const bool waitedInTurn = wait.refusedWaves < wave - ready;
      if (turn != kNone && turnStart[turn] > ready && turnStart[turn] <= wave && offeredEarlier &&
          waitedInTurn && !(heldBack && turnStart[turn] <= wait.agencyHoldWave)) {
        const std::string_view code = inventory.agencies[turn].code;
        why.push_back(fmt::format(
            "the turn of {}, which begins in wave {}: agencies move one after another so that "
            "links inside an agency open and close together",
            turn == own ? fmt::format("its agency {}", code)
                        : fmt::format("agency {}, whose systems use it", code),
            turnStart[turn]));
      }
      const uint32_t limitedFrom = std::max(ready, wait.limitedFrom);
      if (!moved && wait.limited != kNone && wait.limitedTo >= ready &&
          limitStillRefuses(u, wait.limited, limitedFrom, wait.limitedTo)) {
        const std::string_view code = inventory.agencies[agencyLimits.agency[wait.limited]].code;
        why.push_back(fmt::format(
            "the limit of agency {} was reached in {} ({}, over {} and the agencies below it)",
            code,
            limitedFrom == wait.limitedTo ? fmt::format("wave {}", limitedFrom)
                                          : fmt::format("waves {}-{}", limitedFrom, wait.limitedTo),
            describeAgencyLimit(agencyLimits, wait.limited), code));
      }
      const models::Wave& before = plan.waves[wave - 2];
      const uint32_t used = static_cast<uint32_t>(before.systems.size());
      if (!offeredEarlier) {
        // Nothing about the wave before held it: it was offered only in its own wave.
      } else if (settings.waveCapacity && used + load.systems > *settings.waveCapacity) {
        // Every wave from the one it could take was full: say so once for them all.
        const bool allFull = why.empty() && ready < wave - 1 &&
                             fullUpTo[wave - 1] - fullUpTo[ready - 1] == wave - ready;
        why.push_back(allFull
                          ? fmt::format("waves {}-{} were full ({} each)", ready, wave - 1,
                                        models::plural(*settings.waveCapacity, "system", "systems"))
                          : fmt::format("wave {} was full ({} of {} systems)", wave - 1, used,
                                        *settings.waveCapacity));
      } else if (settings.waveEffort &&
                 before.effortDays + load.effortDays > *settings.waveEffort + 1e-9) {
        why.push_back(
            fmt::format("wave {} had no room for its {:g} effort-days ({:g} of {:g} used)",
                        wave - 1, load.effortDays, before.effortDays, *settings.waveEffort));
      } else if (before.oversize && !before.systems.empty() &&
                 loads[units.unitOf[before.systems[0]]].oversize) {
        why.push_back(fmt::format("wave {} is given to an oversize move group", wave - 1));
      }
      if (why.empty() && load.preferredWave == wave) {
        why.push_back(
            "stays in its baseline wave, so that the re-plan moves as few systems as it "
            "can");
      }
      if (why.empty() || moved) {
        why.push_back(fmt::format(
            "placed in wave {} to move together with the systems it is linked to (fewer hybrid "
            "links)",
            wave));
      }
      why[0] = fmt::format("could move from wave {}; {}", ready, why[0]);
      reasons.insert(reasons.end(), why.begin(), why.end());
    }
    if (reasons.empty() || (grouped && reasons.size() == 1)) {
      reasons.push_back(wave == 1 ? "earliest possible wave: nothing holds it back"
                                  : "earliest possible wave");
    }
    // Most units are one system: theirs are moved, not copied.
    for (size_t i = 0; i + 1 < members.size(); ++i)
      plan.systems[members[i]].reasons = reasons;
    plan.systems[members.back()].reasons = std::move(reasons);
  }
}

}  // namespace cloudplan::engine
