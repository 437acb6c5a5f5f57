#include "engine/schedule_waves.h"

#include "engine/agency_turns.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <queue>

namespace cloudplan::engine {

using models::kNone;
using models::quoted;
using models::SystemIndex;

namespace {

constexpr double kEffortSlack = 1e-9;
// A wave stops looking for a unit that fits after this many in a row did not.
constexpr uint32_t kMissesPerWave = 64;

// What holds a unit's earliest wave where it is.
struct Earliest {
  uint32_t wave = 1;
  uint32_t arc = kNone;  // the ordering arc from the predecessor that sets it, if one does
};

// The latest wave a pin or a finish_by allows a unit, its own or that of a unit after it.
struct Due {
  uint32_t wave = kNone;       // kNone: nothing
  SystemIndex system = kNone;  // the pinned or dated system that sets it
  bool pinned = false;
};

class Scheduler {
 public:
  Scheduler(const models::Inventory& inventory, const ConstraintGraph& graph,
            const MoveUnits& units, const std::vector<UnitLoad>& loads,
            const AgencyLimits& agencyLimits, const SystemLinks& links,
            const models::PlanSettings& settings, models::Diagnostics& diagnostics,
            const ReplanState* replan)
      : inventory_(inventory),
        graph_(graph),
        units_(units),
        loads_(loads),
        agencyLimits_(agencyLimits),
        settings_(settings),
        diagnostics_(diagnostics),
        replan_(replan),
        links_(links) {}

  std::optional<Schedule> run(uint32_t lowerBound);

 private:
  bool checkUnits();
  bool computeEarliest();
  bool checkDeadline(uint32_t unit, const Earliest& earliest);
  void computeDue();
  std::string chainTo(uint32_t unit) const;
  std::string describeUnit(uint32_t unit) const;
  bool checkPinnedRoom();
  bool checkAgencyRoom();
  bool attempt(uint32_t waves, bool holdAgencies, bool holdPreferred, Schedule& schedule);
  // The wave from which a unit is offered: its earliest; with `holdPreferred_` the baseline wave
  // a re-plan would rather keep; with `holdAgencies_` its agency's (so that an agency with a
  // dated system moves together); never past its deadline.
  uint32_t offeredFrom(uint32_t unit) const {
    const uint32_t earliest = earliest_[unit].wave;
    if (holdPreferred_ && loads_[unit].preferredWave)
      return std::max(earliest, std::min(loads_[unit].preferredWave, latest_[unit]));
    if (!holdAgencies_) return earliest;
    return std::max(earliest, std::min(turns_.agencyWave[unit], latest_[unit]));
  }
  // The wave a unit must take: its pin, or in a re-plan the baseline wave its fixed systems keep.
  static uint32_t anchorOf(const UnitLoad& load) {
    return load.fixedWave ? load.fixedWave : load.pin;
  }
  std::string describeAnchor(uint32_t unit) const;
  // "'X' is done in baseline wave 2, which it keeps" (a re-plan's fixed system).
  std::string describeFixedSystem(SystemIndex system) const;
  // Whether an arc binds: in a re-plan, an arc between two fixed systems is history, not a rule.
  bool binds(const UnitArc& arc) const {
    if (!replan_) return true;
    const ConstraintArc& rule = graph_.arcs[arc.arc];
    return !(replan_->fixed(rule.before) && replan_->fixed(rule.after));
  }
  // Waves 1..this have started (a re-plan): they are what they are, no limit applies.
  uint32_t startedWaves() const { return replan_ ? replan_->started : 0; }
  void place(uint32_t unit, uint32_t wave, Schedule& schedule);
  // A re-plan keeps baseline waves greedily, wave by wave: units in the baseline wave they keep
  // go first, then the rest (moved already, or with no wave to keep). Placing slipped units
  // first instead, so that what waits for them could keep its waves, moved more in trials on
  // generated national inventories: displaced units spread the churn down their own chains.
  uint8_t keepRank(uint32_t unit) const {
    return loads_[unit].preferredWave == currentWave_ ? 0 : 1;
  }
  void noteRankChanges();

  enum class State : uint8_t { onPremises, cloud, gone };
  // Ready units by urgency, then (a re-plan) by what placing them later would cost in churn
  // (keepRank), then by the pace their agencies' limits need, then by their agency's turn, then
  // by how few hybrid links placing them opens (gain), then by input order.
  struct Entry {
    uint32_t deadline;
    uint8_t keepRank;
    uint32_t paced;
    uint32_t turn;
    int64_t gain;
    uint32_t unit;
    uint32_t version;
    bool operator>(const Entry& other) const {
      if (deadline != other.deadline) return deadline > other.deadline;
      if (keepRank != other.keepRank) return keepRank > other.keepRank;
      if (paced != other.paced) return paced > other.paced;
      if (turn != other.turn) return turn > other.turn;
      if (gain != other.gain) return gain > other.gain;
      return unit > other.unit;
    }
  };
  void push(uint32_t unit) {
    ready_.push(Entry{latest_[unit], keepRank(unit), paced_[unit], turns_.turn[unit], gain_[unit],
                      unit, ++version_[unit]});
    inHeap_[unit] = true;
  }

  const models::Inventory& inventory_;
  const ConstraintGraph& graph_;
  const MoveUnits& units_;
  const std::vector<UnitLoad>& loads_;
  const AgencyLimits& agencyLimits_;
  const models::PlanSettings& settings_;
  models::Diagnostics& diagnostics_;
  const ReplanState* replan_;
  const SystemLinks& links_;

  std::vector<uint32_t> topological_;
  std::vector<Earliest> earliest_;
  std::vector<uint32_t> latest_;
  std::vector<Due> due_;
  // The wave by which a unit should move for its agencies to finish in time at their limits'
  // pace (a preference, unlike latest_).
  std::vector<uint32_t> paced_;
  AgencyTurns turns_;
  bool holdAgencies_ = false;
  bool holdPreferred_ = false;
  uint32_t currentWave_ = 0;
  // A re-plan's: per wave, the units whose keepRank changes then (their baseline wave begins or
  // has passed), pushed again so that the ready queue orders them by their rank of the day.
  std::vector<std::vector<uint32_t>> rankChangesIn_;
  // State of one attempt.
  std::vector<State> state_;
  std::vector<int64_t> gain_;
  std::vector<uint32_t> version_;
  std::vector<uint32_t> waitingFor_;
  std::vector<bool> inHeap_;
  std::vector<std::vector<uint32_t>> startsIn_;
  // Per limited agency: what the current wave holds of its subtree (valid while its stamp is the
  // wave's number, so that nothing is cleared wave by wave), and whether an oversize unit took it.
  std::vector<uint32_t> agencyStamp_, agencySystems_;
  std::vector<double> agencyEffort_;
  std::vector<bool> agencyClosed_;
  std::vector<UnitWait>* waits_ = nullptr;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready_;
  std::string failure_;
};

std::string Scheduler::describeUnit(uint32_t unit) const {
  const auto members = units_.membersOf(unit);
  if (units_.groupOf[unit] == kNone)
    return fmt::format("system {}", quoted(inventory_.systems[members[0]].id));
  std::string names;
  for (size_t i = 0; i < members.size() && i < 4; ++i) {
    names += (i ? ", " : "") + std::string(inventory_.systems[members[i]].id);
  }
  if (members.size() > 4) names += fmt::format(", ... ({} systems)", members.size());
  return fmt::format("move group {} ({})", units_.groups[units_.groupOf[unit]].id, names);
}

bool Scheduler::checkUnits() {
  bool ok = true;
  const auto& limits = settings_;
  for (uint32_t u = 0; u < units_.size(); ++u) {
    const auto members = units_.membersOf(u);
    // Pins inside one unit must agree: its systems share a wave.
    SystemIndex pinned = kNone;
    for (SystemIndex s : members) {
      const auto& system = inventory_.systems[s];
      if (system.pinnedWave == 0) continue;
      if (pinned == kNone) {
        pinned = s;
      } else if (inventory_.systems[pinned].pinnedWave != system.pinnedWave) {
        diagnostics_.error(
            "contradicting-pins", "", 0,
            fmt::format("pins contradict each other: {} is pinned to wave {} and {} to wave {}, "
                        "but {} moves as one (change one of the pins)",
                        quoted(inventory_.systems[pinned].id),
                        inventory_.systems[pinned].pinnedWave, quoted(system.id), system.pinnedWave,
                        describeUnit(u)));
        ok = false;
        break;
      }
    }
    if (replan_ && loads_[u].fixedSystems < members.size()) {
      SystemIndex fixed = kNone;
      for (SystemIndex s : members) {
        if (!replan_->fixed(s)) continue;
        if (fixed == kNone) {
          fixed = s;
        } else if (replan_->baselineWave[fixed] != replan_->baselineWave[s]) {
          diagnostics_.error(
              "fixed-apart", "", 0,
              fmt::format("{} must move as one, but {} keeps baseline wave {} and {} keeps "
                          "baseline wave {} (both are done or under way; the links that bind "
                          "them through systems still to move cannot hold: correct the "
                          "dependencies or the progress)",
                          describeUnit(u), quoted(inventory_.systems[fixed].id),
                          replan_->baselineWave[fixed], quoted(inventory_.systems[s].id),
                          replan_->baselineWave[s]));
          ok = false;
          break;
        }
      }
      if (fixed != kNone && replan_->baselineWave[fixed] <= startedWaves()) {
        // Its free systems would have to share a wave that has started: the progress splits a
        // move group. Name the link between a fixed system and a free one.
        SystemIndex keeps = fixed, needs = kNone;
        uint32_t link = kNone;
        for (uint32_t d : units_.groups[units_.groupOf[u]].links) {
          const auto& dependency = inventory_.dependencies[d];
          const bool consumerFixed = replan_->fixed(dependency.consumer);
          if (consumerFixed == replan_->fixed(dependency.provider)) continue;
          keeps = consumerFixed ? dependency.consumer : dependency.provider;
          needs = consumerFixed ? dependency.provider : dependency.consumer;
          link = d;
          break;
        }
        if (needs == kNone) {
          for (SystemIndex s : members) {
            if (!replan_->fixed(s)) needs = s;
          }
        }
        const models::SourceLocation where =
            link == kNone ? models::SourceLocation{} : inventory_.dependencies[link].where;
        diagnostics_.error(
            "progress-splits-move-group", link == kNone ? "" : inventory_.fileOf(where), where.line,
            fmt::format("the progress contradicts a dependency: {}, but {}, which moves with it, "
                        "{} and needs a wave that has not started, wave {} at the earliest "
                        "(correct the progress, or the dependency)",
                        describeFixedSystem(keeps), quoted(inventory_.systems[needs].id),
                        describeRole(*replan_, needs), startedWaves() + 1));
        ok = false;
        continue;
      }
      if (fixed != kNone && loads_[u].pin && loads_[u].pin != loads_[u].fixedWave) {
        SystemIndex withPin = members[0];
        for (SystemIndex s : members) {
          if (inventory_.systems[s].pinnedWave) withPin = s;
        }
        diagnostics_.error(
            "pin-contradicts-progress", "", 0,
            fmt::format("{} is pinned to wave {}, but {} moves as one with {}, which keeps "
                        "baseline wave {} (move the pin, or correct the progress)",
                        quoted(inventory_.systems[withPin].id), loads_[u].pin, describeUnit(u),
                        quoted(inventory_.systems[fixed].id), loads_[u].fixedWave));
        ok = false;
      }
    }
    const UnitLoad& load = loads_[u];
    // A unit fixed in a started wave is history: what it weighs no longer matters.
    const bool history = load.fixedWave && load.fixedWave <= startedWaves();
    if (history) continue;
    if (load.oversize && !limits.allowOversize) {
      std::vector<std::string> over;
      if (limits.waveCapacity && load.systems > *limits.waveCapacity) {
        over.push_back(fmt::format("{} systems, more than the wave capacity {}", load.systems,
                                   *limits.waveCapacity));
      }
      if (limits.waveEffort && load.effortDays > *limits.waveEffort + kEffortSlack) {
        over.push_back(fmt::format("{:g} effort-days, more than the wave effort limit {:g}",
                                   load.effortDays, *limits.waveEffort));
      }
      diagnostics_.error("oversize", "", 0,
                         fmt::format("{} needs {} (raise the limit, or give it a wave of its "
                                     "own with --allow-oversize)",
                                     describeUnit(u), fmt::join(over, " and ")));
      ok = false;
    }
    if (limits.allowOversize) continue;
    for (const AgencyLoad& agencyLoad : agencyLimits_.of(u)) {
      if (!agencyLoad.oversize) continue;
      const uint32_t l = agencyLoad.limited;
      const auto& agency = inventory_.agencies[agencyLimits_.agency[l]];
      std::vector<std::string> over;
      if (agencyLoad.systems > agencyLimits_.maxSystems[l]) {
        over.push_back(fmt::format("{} systems, more than its max_systems_per_wave {}",
                                   agencyLoad.systems, agencyLimits_.maxSystems[l]));
      }
      if (agencyLoad.effortDays > agencyLimits_.maxEffort[l] + kEffortSlack) {
        over.push_back(fmt::format("{:g} effort-days, more than its max_effort_per_wave {:g}",
                                   agencyLoad.effortDays, agencyLimits_.maxEffort[l]));
      }
      diagnostics_.error(
          "agency-oversize", inventory_.fileOf(agency.where), agency.where.line,
          fmt::format("{} needs, of agency {} and the agencies below it, {} (raise the limit in "
                      "the agencies file, or let it move without {}'s other systems in its wave "
                      "with --allow-oversize)",
                      describeUnit(u), quoted(agency.code), fmt::join(over, " and "), agency.code));
      ok = false;
    }
  }
  return ok;
}

// The systems along the arcs that set `unit`'s earliest wave, from where the chain starts.
std::string Scheduler::chainTo(uint32_t unit) const {
  auto id = [&](SystemIndex s) { return inventory_.systems[s].id; };
  std::vector<std::string_view> chain;
  for (uint32_t u = unit; earliest_[u].arc != kNone && chain.size() < 50;) {
    const ConstraintArc& arc = graph_.arcs[earliest_[u].arc];
    // Entering a move group at one system and leaving it from another shows both.
    if (chain.empty() || chain.back() != id(arc.after)) chain.push_back(id(arc.after));
    chain.push_back(id(arc.before));
    u = units_.unitOf[arc.before];
  }
  std::reverse(chain.begin(), chain.end());
  return fmt::format("{}", fmt::join(chain, " -> "));
}

// What holds the first unit of a chain at `wave`: "'X' is pinned to wave 3", "'X' is done in
// baseline wave 2, which it keeps", "'X' is not before D, so wave 4 at the earliest".
std::string Scheduler::describeFixedSystem(SystemIndex system) const {
  const models::ProgressStatus status = replan_->status[system];
  return fmt::format("{} is {} in baseline wave {}, which it keeps",
                     quoted(inventory_.systems[system].id), describeProgress(status),
                     replan_->baselineWave[system]);
}

std::string Scheduler::describeAnchor(uint32_t unit) const {
  const UnitLoad& load = loads_[unit];
  const auto members = units_.membersOf(unit);
  if (load.fixedWave) {
    for (SystemIndex s : members) {
      if (replan_->fixed(s)) return describeFixedSystem(s);
    }
  }
  const uint32_t wave = earliest_[unit].wave;
  for (SystemIndex s : members) {
    const auto& system = inventory_.systems[s];
    if (system.pinnedWave) return fmt::format("{} is pinned to wave {}", quoted(system.id), wave);
  }
  if (load.dateWave == wave) {
    // The latest date of the unit is the one that sets its wave.
    SystemIndex dated = kNone;
    for (SystemIndex s : members) {
      const auto& date = inventory_.systems[s].notBefore;
      if (date && (dated == kNone || *date > *inventory_.systems[dated].notBefore)) dated = s;
    }
    if (dated != kNone) {
      return fmt::format("{} is not before {}, so wave {} at the earliest",
                         quoted(inventory_.systems[dated].id),
                         models::formatDate(*inventory_.systems[dated].notBefore), wave);
    }
  }
  return fmt::format("{} is still to move and {}, so wave {} at the earliest",
                     quoted(inventory_.systems[members[0]].id), describeStarted(startedWaves()),
                     wave);
}

bool Scheduler::computeEarliest() {
  const size_t count = units_.size();
  // Kahn's algorithm: the unit graph is acyclic, cycles having been condensed into groups.
  std::vector<uint32_t> waiting(count);
  for (uint32_t u = 0; u < count; ++u)
    waiting[u] = static_cast<uint32_t>(units_.predecessorsOf(u).size());
  topological_.clear();
  topological_.reserve(count);
  for (uint32_t u = 0; u < count; ++u) {
    if (waiting[u] == 0) topological_.push_back(u);
  }
  for (size_t i = 0; i < topological_.size(); ++i) {
    for (const UnitArc& next : units_.successorsOf(topological_[i])) {
      if (--waiting[next.unit] == 0) topological_.push_back(next.unit);
    }
  }
  earliest_.assign(count, Earliest{});
  bool ok = true;
  for (uint32_t u : topological_) {
    const UnitLoad& load = loads_[u];
    const uint32_t anchor = anchorOf(load);
    // A fixed unit keeps its wave: only the dates of its systems still to move hold it.
    Earliest e{std::max({load.dateWave, load.fixedWave ? 1u : load.firstOpenWave, 1u}), kNone};
    for (const UnitArc& previous : units_.predecessorsOf(u)) {
      if (earliest_[previous.unit].wave > e.wave && binds(previous))
        e = {earliest_[previous.unit].wave, previous.arc};
    }
    if ((load.deadlineWave || load.finishByTooEarly) && !checkDeadline(u, e)) ok = false;
    if (anchor && e.wave > anchor) {
      if (e.arc == kNone && load.fixedWave) {
        SystemIndex keeps = kNone, dated = kNone;
        for (SystemIndex s : units_.membersOf(u)) {
          const auto& system = inventory_.systems[s];
          if (replan_->fixed(s)) {
            keeps = s;
          } else if (system.notBefore &&
                     (dated == kNone || system.notBefore > inventory_.systems[dated].notBefore)) {
            dated = s;
          }
        }
        diagnostics_.error(
            "progress-contradicts-date", inventory_.fileOf(inventory_.systems[dated].where),
            inventory_.systems[dated].where.line,
            fmt::format("the progress contradicts a date: {}, but {}, which moves with it, has "
                        "not_before {}, which wave {} is the first to allow (correct the "
                        "progress, or the date)",
                        describeFixedSystem(keeps), quoted(inventory_.systems[dated].id),
                        models::formatDate(*inventory_.systems[dated].notBefore), e.wave));
      } else if (e.arc == kNone) {
        // Only dates can hold a pinned unit without a predecessor (a re-plan's pins into started
        // waves were refused before).
        SystemIndex pinned = kNone, dated = kNone;
        for (SystemIndex s : units_.membersOf(u)) {
          const auto& system = inventory_.systems[s];
          if (system.pinnedWave) pinned = s;
          if (system.notBefore &&
              (dated == kNone || system.notBefore > inventory_.systems[dated].notBefore))
            dated = s;
        }
        diagnostics_.error(
            "pin-before-date", "", 0,
            fmt::format("{} is pinned to wave {}, but {} has not_before {}, which wave {} is the "
                        "first to allow (move the pin or the date)",
                        quoted(inventory_.systems[pinned].id), load.pin,
                        quoted(inventory_.systems[dated].id),
                        models::formatDate(*inventory_.systems[dated].notBefore), e.wave));
      } else {
        earliest_[u] = e;
        // Walk back to the unit whose pin, date or progress starts the chain.
        uint32_t origin = u;
        while (earliest_[origin].arc != kNone)
          origin = units_.unitOf[graph_.arcs[earliest_[origin].arc].before];
        earliest_[u] = {anchor, kNone};
        const std::string here = describeAnchor(u);
        earliest_[u] = e;
        if (load.fixedWave) {
          // At the dependency that binds the unit under way to what is still to move.
          const auto& where = inventory_.dependencies[graph_.arcs[e.arc].dependency].where;
          diagnostics_.error(
              "progress-contradicts-dependency", inventory_.fileOf(where), where.line,
              fmt::format("the progress contradicts a dependency: {}, but {} and must move no "
                          "later: {} (correct the progress, or the dependency)",
                          here, describeAnchor(origin), chainTo(u)));
        } else {
          diagnostics_.error(
              "pin-contradicts-dependency", "", 0,
              fmt::format("pins contradict a dependency: {}, but {} and must move no later: {} "
                          "(move one of the pins)",
                          here, describeAnchor(origin), chainTo(u)));
        }
      }
      ok = false;
    }
    if (anchor) e = {anchor, kNone};
    earliest_[u] = e;
  }
  return ok;
}

// A finish_by must leave a wave that ends by it, and no pin, date or provider may hold the unit
// past that wave.
bool Scheduler::checkDeadline(uint32_t unit, const Earliest& earliest) {
  const UnitLoad& load = loads_[unit];
  const auto members = units_.membersOf(unit);
  SystemIndex dated = kNone;
  for (SystemIndex s : members) {
    const auto& finishBy = inventory_.systems[s].finishBy;
    if (finishBy && (dated == kNone || *finishBy < *inventory_.systems[dated].finishBy)) dated = s;
  }
  const auto& system = inventory_.systems[dated];
  const std::string date = models::formatDate(*system.finishBy);
  const std::string file = inventory_.fileOf(system.where);
  const uint32_t line = system.where.line;
  if (load.finishByTooEarly) {
    diagnostics_.error(
        "finish-by-before-first-wave", file, line,
        fmt::format("finish_by {} of {} is before the end of wave 1 ({}): no wave ends by then "
                    "(move the date later, or start the plan earlier)",
                    date, quoted(system.id),
                    models::formatDate(models::WaveCalendar(settings_).end(1))));
    return false;
  }
  const std::string needs =
      fmt::format("finish_by {} of {} needs wave {} at the latest (the last to end by then)", date,
                  quoted(system.id), load.deadlineWave);
  if (load.fixedWave) {
    if (load.fixedWave <= load.deadlineWave) return true;
    SystemIndex keeps = members[0];
    for (SystemIndex s : members) {
      if (replan_->fixed(s)) keeps = s;
    }
    const models::ProgressStatus status = replan_->status[keeps];
    diagnostics_.error(
        "progress-contradicts-deadline", file, line,
        fmt::format("{}, but it moves with {}, which is {} in baseline wave {} (correct the "
                    "progress, or the date)",
                    needs, quoted(inventory_.systems[keeps].id), describeProgress(status),
                    load.fixedWave));
    return false;
  }
  if (load.pin) {
    if (load.pin <= load.deadlineWave) return true;  // a later provider is the pin's error
    SystemIndex pinned = kNone;
    for (SystemIndex s : members) {
      if (inventory_.systems[s].pinnedWave == load.pin) pinned = s;
    }
    diagnostics_.error("finish-by-before-pin", file, line,
                       fmt::format("{}, but {} is pinned to wave {} (move the pin or the date)",
                                   needs, quoted(inventory_.systems[pinned].id), load.pin));
    return false;
  }
  if (earliest.wave <= load.deadlineWave) return true;
  if (earliest.arc == kNone && load.firstOpenWave == earliest.wave) {
    diagnostics_.error(
        "finish-by-passed", file, line,
        fmt::format("{}, but {}: a re-plan can give it wave {} at the earliest (move the date "
                    "later)",
                    needs, describeStarted(startedWaves()), earliest.wave));
    return false;
  }
  if (earliest.arc == kNone) {
    SystemIndex notBefore = kNone;
    for (SystemIndex s : members) {
      const auto& notBeforeDate = inventory_.systems[s].notBefore;
      if (notBeforeDate &&
          (notBefore == kNone || *notBeforeDate > *inventory_.systems[notBefore].notBefore))
        notBefore = s;
    }
    diagnostics_.error(
        "finish-by-before-date", file, line,
        fmt::format("{}, but {} has not_before {}, which wave {} is the first to allow (move "
                    "one of the dates)",
                    needs, quoted(inventory_.systems[notBefore].id),
                    models::formatDate(*inventory_.systems[notBefore].notBefore), earliest.wave));
    return false;
  }
  earliest_[unit] = earliest;
  uint32_t origin = unit;
  while (earliest_[origin].arc != kNone)
    origin = units_.unitOf[graph_.arcs[earliest_[origin].arc].before];
  diagnostics_.error(
      "finish-by-contradicts-dependency", file, line,
      fmt::format("{}, but {} and must move no later: {} (move the finish_by later, or the pin "
                  "or date earlier)",
                  needs, describeAnchor(origin), chainTo(unit)));
  return false;
}

void Scheduler::computeDue() {
  due_.assign(units_.size(), Due{});
  for (auto it = topological_.rbegin(); it != topological_.rend(); ++it) {
    const uint32_t u = *it;
    const UnitLoad& load = loads_[u];
    Due& due = due_[u];
    if (load.deadlineWave) {
      due.wave = load.deadlineWave;
      for (SystemIndex s : units_.membersOf(u)) {
        const auto& finishBy = inventory_.systems[s].finishBy;
        if (finishBy &&
            (due.system == kNone || *finishBy < *inventory_.systems[due.system].finishBy))
          due.system = s;
      }
    }
    if (const uint32_t anchor = anchorOf(load); anchor && anchor < due.wave) {
      due = {anchor, units_.membersOf(u)[0], true};
      for (SystemIndex s : units_.membersOf(u)) {
        if (inventory_.systems[s].pinnedWave == anchor) due.system = s;
      }
    }
    for (const UnitArc& next : units_.successorsOf(u)) {
      if (binds(next) && due_[next.unit].wave < due.wave) due = due_[next.unit];
    }
  }
}

void Scheduler::place(uint32_t unit, uint32_t wave, Schedule& schedule) {
  schedule.waveOf[unit] = wave;
  inHeap_[unit] = false;
  for (SystemIndex x : units_.membersOf(unit)) {
    const bool retiring = inventory_.systems[x].action() == models::Action::retire;
    state_[x] = retiring ? State::gone : State::cloud;
    for (SystemIndex y : links_.of(x)) {
      const uint32_t other = units_.unitOf[y];
      if (other == kNone || other == unit || state_[y] != State::onPremises) continue;
      const bool otherRetiring = inventory_.systems[y].action() == models::Action::retire;
      // How placing `other` later changes the hybrid links, now that x has left the premises.
      const int change = retiring ? (otherRetiring ? 0 : -1) : (otherRetiring ? -1 : -2);
      if (change == 0) continue;
      gain_[other] += change;
      if (inHeap_[other]) push(other);
    }
  }
  for (const UnitArc& next : units_.successorsOf(unit)) {
    if (!binds(next) || --waitingFor_[next.unit] != 0) continue;
    if (offeredFrom(next.unit) <= wave) {
      (*waits_)[next.unit].readyWave = wave;
      push(next.unit);
    } else {
      startsIn_[offeredFrom(next.unit)].push_back(next.unit);
    }
  }
}

bool Scheduler::attempt(uint32_t waves, bool holdAgencies, bool holdPreferred, Schedule& schedule) {
  holdAgencies_ = holdAgencies;
  holdPreferred_ = holdPreferred;
  currentWave_ = 0;
  const size_t count = units_.size();
  // The latest wave each unit may take and still leave room for what must follow it.
  latest_.resize(count);
  for (uint32_t u = 0; u < count; ++u)
    latest_[u] = std::min(waves, due_[u].wave);
  paceAgencies(agencyLimits_, units_, topological_, waves, paced_);
  state_.assign(inventory_.systems.size(), State::onPremises);
  gain_.assign(count, 0);
  version_.assign(count, 0);
  inHeap_.assign(count, false);
  waitingFor_.resize(count);
  startsIn_.assign(waves + 2, {});
  ready_ = {};
  schedule.waveOf.assign(count, 0);
  schedule.oversizeWave.assign(waves, false);
  schedule.waits.assign(count, UnitWait{});
  waits_ = &schedule.waits;
  const size_t limited = agencyLimits_.agency.size();
  agencyStamp_.assign(limited, 0);
  agencySystems_.assign(limited, 0);
  agencyEffort_.assign(limited, 0);
  agencyClosed_.assign(limited, false);
  for (uint32_t u = 0; u < count; ++u) {
    for (SystemIndex x : units_.membersOf(u)) {
      if (inventory_.systems[x].action() != models::Action::migrate) continue;
      for (SystemIndex y : links_.of(x))
        gain_[u] += units_.unitOf[y] != u;
    }
    UnitWait& wait = schedule.waits[u];
    if (turns_.turn[u] < turns_.byTurn.size()) wait.turnAgency = turns_.byTurn[turns_.turn[u]];
    // Held back for its agency's dated systems; not when a re-plan offers it its baseline wave.
    const bool heldForBaseline = holdPreferred_ && loads_[u].preferredWave;
    if (offeredFrom(u) > earliest_[u].wave && !heldForBaseline)
      wait.agencyHoldWave = offeredFrom(u);
    if (due_[u].wave != kNone && !due_[u].pinned) {
      wait.dueWave = due_[u].wave;
      wait.dueSystem = due_[u].system;
    }
    const auto predecessors = units_.predecessorsOf(u);
    waitingFor_[u] = static_cast<uint32_t>(
        std::count_if(predecessors.begin(), predecessors.end(),
                      [&](const UnitArc& previous) { return binds(previous); }));
    if (waitingFor_[u] == 0) startsIn_[offeredFrom(u)].push_back(u);
  }
  const auto& capacity = settings_.waveCapacity;
  const auto& effortLimit = settings_.waveEffort;
  std::vector<uint32_t> deferred;
  size_t placed = 0;
  for (uint32_t wave = 1; wave <= waves; ++wave) {
    currentWave_ = wave;
    // A wave that has started (a re-plan) holds its fixed systems whatever the limits say.
    const bool limitsApply = wave > startedWaves();
    for (uint32_t u : startsIn_[wave]) {
      schedule.waits[u].readyWave = wave;
      push(u);
    }
    if (wave < rankChangesIn_.size()) {
      for (uint32_t u : rankChangesIn_[wave]) {
        if (inHeap_[u]) push(u);
      }
    }
    uint32_t systems = 0, misses = 0;
    double effort = 0;
    deferred.clear();
    while (!ready_.empty()) {
      const Entry top = ready_.top();
      if (!inHeap_[top.unit] || top.version != version_[top.unit]) {
        ready_.pop();
        continue;
      }
      const UnitLoad& load = loads_[top.unit];
      if (limitsApply && capacity && systems >= *capacity && top.deadline > wave) break;
      ready_.pop();
      const bool fitsWave =
          !limitsApply ||
          (load.oversize
               ? systems == 0
               : (!capacity || systems + load.systems <= *capacity) &&
                     (!effortLimit || effort + load.effortDays <= *effortLimit + kEffortSlack));
      // The first agency whose limit turns it away. Such a unit is set aside without counting
      // as a miss: the wave's other agencies, and the global limits, may still have room.
      uint32_t refusedBy = kNone;
      for (const AgencyLoad& a : agencyLimits_.of(top.unit)) {
        if (!limitsApply) break;
        const uint32_t l = a.limited;
        if (agencyStamp_[l] != wave) {
          agencyStamp_[l] = wave;
          agencySystems_[l] = 0;
          agencyEffort_[l] = 0;
          agencyClosed_[l] = false;
        }
        const bool fitsAgency =
            !agencyClosed_[l] &&
            (a.oversize ? agencySystems_[l] == 0
                        : agencyLimits_.fits(l, agencySystems_[l], agencyEffort_[l], a.systems,
                                             a.effortDays));
        if (fitsAgency) continue;
        refusedBy = l;
        break;
      }
      if (!fitsWave || refusedBy != kNone) {
        if (top.deadline <= wave) {
          // A deadline that sets the wave is named: it is why the plan is longer than the bound.
          const Due& due = due_[top.unit];
          const std::string dueBecause =
              due.wave == wave && !due.pinned
                  ? fmt::format(" (finish_by {} of {})",
                                models::formatDate(*inventory_.systems[due.system].finishBy),
                                quoted(inventory_.systems[due.system].id))
                  : "";
          failure_ =
              refusedBy == kNone
                  ? fmt::format("with {} waves, {} must move by wave {}{} but that wave is full",
                                waves, describeUnit(top.unit), wave, dueBecause)
                  : fmt::format(
                        "with {} waves, {} must move by wave {}{} but agency {}'s limit "
                        "is reached in that wave",
                        waves, describeUnit(top.unit), wave, dueBecause,
                        inventory_.agencies[agencyLimits_.agency[refusedBy]].code);
          return false;
        }
        UnitWait& wait = schedule.waits[top.unit];
        ++wait.refusedWaves;
        if (refusedBy != kNone) {
          if (!wait.limitedFrom) wait.limitedFrom = wave;
          wait.limitedTo = wave;
          wait.limited = refusedBy;
        } else {
          if (!wait.fullFrom) wait.fullFrom = wave;
          wait.fullTo = wave;
        }
        inHeap_[top.unit] = false;
        deferred.push_back(top.unit);
        if (refusedBy != kNone) continue;
        if (++misses > kMissesPerWave) break;
        continue;
      }
      systems += load.systems;
      effort += load.effortDays;
      bool oversizeHere = load.oversize && limitsApply;
      for (const AgencyLoad& a : agencyLimits_.of(top.unit)) {
        if (!limitsApply) break;
        agencySystems_[a.limited] += a.systems;
        agencyEffort_[a.limited] += a.effortDays;
        if (a.oversize) {
          agencyClosed_[a.limited] = true;
          oversizeHere = true;
        }
      }
      ++placed;
      place(top.unit, wave, schedule);
      if (oversizeHere) schedule.oversizeWave[wave - 1] = true;
      if (load.oversize && limitsApply) break;
    }
    for (uint32_t u : deferred)
      push(u);
  }
  if (placed != count) {
    failure_ =
        fmt::format("with {} waves, the dates, pins and limits leave some systems no room", waves);
    return false;
  }
  schedule.waves = 0;
  for (uint32_t u = 0; u < count; ++u)
    schedule.waves = std::max(schedule.waves, schedule.waveOf[u]);
  schedule.oversizeWave.resize(schedule.waves);
  return true;
}

// What must be placed by a wave: pins, finish_by dates, or both, in words for the room errors.
struct DueWords {
  const char* what;
  const char* which;
  const char* move;
};
DueWords dueWords(uint8_t kinds) {
  if (kinds == 1) return {"pins", "the pinned systems", "move pins later"};
  if (kinds == 2)
    return {"finish_by dates", "the systems due by then", "move finish_by dates later"};
  return {"pins and finish_by dates", "the pinned systems, those due by then",
          "move pins or finish_by dates later"};
}
constexpr uint8_t kPinned = 1, kDated = 2;

// Pinned systems and systems with a finish_by, and the providers they wait for, must fit in the
// waves up to their pins and deadlines whatever else the plan does: when they cannot, no number
// of waves helps, so say so now.
bool Scheduler::checkPinnedRoom() {
  const auto& capacity = settings_.waveCapacity;
  const auto& effortLimit = settings_.waveEffort;
  if (!capacity && !effortLimit) return true;
  // What must be in one wave exactly (pinned to it, or in a re-plan done or under way in it)
  // must fit in that wave alone.
  {
    std::vector<uint64_t> exact(models::kMaxWaves + 1, 0);
    std::vector<double> exactEffort(models::kMaxWaves + 1, 0);
    for (uint32_t u = 0; u < units_.size(); ++u) {
      const uint32_t anchor = anchorOf(loads_[u]);
      if (!anchor || anchor <= startedWaves() || anchor > models::kMaxWaves || loads_[u].oversize)
        continue;
      exact[anchor] += loads_[u].systems;
      exactEffort[anchor] += loads_[u].effortDays;
    }
    for (uint32_t k = startedWaves() + 1; k <= models::kMaxWaves; ++k) {
      const bool overCapacity = capacity && exact[k] > *capacity;
      const bool overEffort = effortLimit && exactEffort[k] > *effortLimit + kEffortSlack;
      if (!overCapacity && !overEffort) continue;
      diagnostics_.error(
          "pins-over-limit", "", 0,
          overCapacity
              ? fmt::format("wave {} must hold {} systems pinned to it{}, more than the wave "
                            "capacity {} (move pins, or raise --wave-capacity)",
                            k, exact[k], replan_ ? " or done or under way in it" : "", *capacity)
              : fmt::format("wave {} must hold {:g} effort-days of systems pinned to it{}, more "
                            "than the wave effort limit {:g} (move pins, or raise --wave-effort)",
                            k, exactEffort[k], replan_ ? " or done or under way in it" : "",
                            *effortLimit));
      return false;
    }
  }
  uint32_t lastPin = 0;
  for (const Due& due : due_) {
    if (due.wave != kNone) lastPin = std::max(lastPin, due.wave);
  }
  std::vector<uint64_t> systems(lastPin + 1, 0), oversize(lastPin + 1, 0);
  std::vector<double> effort(lastPin + 1, 0);
  std::vector<uint8_t> kinds(lastPin + 1, 0);
  // Started waves (a re-plan) are what they are: no limit applies to them.
  const uint32_t started = startedWaves();
  for (uint32_t u = 0; u < units_.size(); ++u) {
    const uint32_t by = due_[u].wave;
    if (by == kNone || by <= started) continue;
    (loads_[u].oversize ? oversize : systems)[by] += loads_[u].oversize ? 1 : loads_[u].systems;
    if (!loads_[u].oversize) effort[by] += loads_[u].effortDays;
    kinds[by] |= due_[u].pinned ? kPinned : kDated;
  }
  uint64_t needSystems = 0, needOversize = 0;
  double needEffort = 0;
  uint8_t needKinds = 0;
  for (uint32_t k = started + 1; k <= lastPin; ++k) {
    needSystems += systems[k];
    needOversize += oversize[k];
    needEffort += effort[k];
    needKinds |= kinds[k];
    if (needOversize > k - started) continue;  // reported below as too many oversize groups
    const uint64_t normalWaves = k - started - needOversize;
    const bool overCapacity = capacity && needSystems > normalWaves * *capacity;
    const bool overEffort = effortLimit && needEffort > normalWaves * *effortLimit + kEffortSlack;
    if (!overCapacity && !overEffort) continue;
    const DueWords words = dueWords(needKinds);
    diagnostics_.error(
        needKinds == kPinned ? "pins-over-limit" : "deadlines-over-limit", "", 0,
        overCapacity
            ? fmt::format("{} need {} systems in waves {} to {} ({} and the providers they "
                          "wait for), more than {} waves of capacity {} hold ({}, or raise "
                          "--wave-capacity)",
                          words.what, needSystems, started + 1, k, words.which, normalWaves,
                          *capacity, words.move)
            : fmt::format("{} need {:g} effort-days in waves {} to {} ({} and the providers "
                          "they wait for), more than {} waves of effort limit {:g} hold ({}, or "
                          "raise --wave-effort)",
                          words.what, needEffort, started + 1, k, words.which, normalWaves,
                          *effortLimit, words.move));
    return false;
  }
  return true;
}

// The same for each agency's limit: what its subtree must move by a wave fits the waves before.
bool Scheduler::checkAgencyRoom() {
  if (agencyLimits_.empty()) return true;
  struct Need {
    uint32_t limited, by;
    const AgencyLoad* load;
    bool pinned;
  };
  std::vector<Need> needs;
  const uint32_t started = startedWaves();
  for (uint32_t u = 0; u < units_.size(); ++u) {
    if (due_[u].wave == kNone || due_[u].wave <= started) continue;
    for (const AgencyLoad& load : agencyLimits_.of(u))
      needs.push_back({load.limited, due_[u].wave, &load, due_[u].pinned});
  }
  std::sort(needs.begin(), needs.end(), [](const Need& a, const Need& b) {
    return a.limited != b.limited ? a.limited < b.limited : a.by < b.by;
  });
  for (size_t i = 0; i < needs.size();) {
    const uint32_t l = needs[i].limited;
    uint64_t needSystems = 0, needOversize = 0;
    double needEffort = 0;
    uint8_t needKinds = 0;
    for (; i < needs.size() && needs[i].limited == l;) {
      const uint32_t k = needs[i].by;
      for (; i < needs.size() && needs[i].limited == l && needs[i].by == k; ++i) {
        const AgencyLoad& load = *needs[i].load;
        if (load.oversize) {
          ++needOversize;
        } else {
          needSystems += load.systems;
          needEffort += load.effortDays;
        }
        needKinds |= needs[i].pinned ? kPinned : kDated;
      }
      if (needOversize > k - started) continue;
      const uint64_t normalWaves = k - started - needOversize;
      const bool overSystems = agencyLimits_.hasSystemLimit(l) &&
                               needSystems > normalWaves * agencyLimits_.maxSystems[l];
      const bool overEffort = agencyLimits_.hasEffortLimit(l) &&
                              needEffort > normalWaves * agencyLimits_.maxEffort[l] + kEffortSlack;
      if (!overSystems && !overEffort) continue;
      const auto& agency = inventory_.agencies[agencyLimits_.agency[l]];
      const DueWords words = dueWords(needKinds);
      const std::string need = overSystems ? fmt::format("{} systems", needSystems)
                                           : fmt::format("{:g} effort-days", needEffort);
      const std::string limit =
          overSystems ? fmt::format("max_systems_per_wave {}", agencyLimits_.maxSystems[l])
                      : fmt::format("max_effort_per_wave {:g}", agencyLimits_.maxEffort[l]);
      diagnostics_.error(
          "due-over-agency-limit", inventory_.fileOf(agency.where), agency.where.line,
          fmt::format("{} need {} of agency {} and the agencies below it in waves {} to {} ({} "
                      "and the providers they wait for), more than {} waves of its {} hold ({}, "
                      "or raise the limit in the agencies file)",
                      words.what, need, quoted(agency.code), started + 1, k, words.which,
                      normalWaves, limit, words.move));
      return false;
    }
  }
  return true;
}

void Scheduler::noteRankChanges() {
  uint32_t last = 0;
  for (const UnitLoad& load : loads_)
    last = std::max(last, load.preferredWave + 1);
  rankChangesIn_.assign(last + 1, {});
  for (uint32_t u = 0; u < units_.size(); ++u) {
    if (const uint32_t home = loads_[u].preferredWave) {
      rankChangesIn_[home].push_back(u);
      rankChangesIn_[home + 1].push_back(u);
    }
  }
}

std::optional<Schedule> Scheduler::run(uint32_t lowerBound) {
  const bool unitsOk = checkUnits();
  const bool earliestOk = computeEarliest();
  if (!unitsOk || !earliestOk) return std::nullopt;
  computeDue();
  uint32_t first = std::max<uint32_t>(lowerBound, units_.size() ? 1 : 0);
  for (const Earliest& e : earliest_)
    first = std::max(first, e.wave);
  turns_ = computeAgencyTurns(inventory_, units_, loads_, links_, topological_, settings_,
                              std::max(1u, first));
  if (replan_) noteRankChanges();
  if (first > models::kMaxWaves) {
    diagnostics_.error("too-many-waves", "", 0,
                       fmt::format("the plan would need more than {} waves (check the "
                                   "not_before dates and the limits)",
                                   models::kMaxWaves));
    return std::nullopt;
  }
  if (!checkPinnedRoom() || !checkAgencyRoom()) return std::nullopt;
  Schedule schedule;
  if (units_.size() == 0) return schedule;
  // Try the bound first and a few more one by one; past that, widen in doubling steps and then
  // narrow down by bisection, so that an input that needs many more waves stays quick.
  std::string firstFailure;
  // The schedule of the last number of waves that fitted: the search only ever tries fewer after
  // one fits, so the last that fitted is the fewest, and it is kept rather than made again.
  Schedule trial;
  auto fits = [&](uint32_t waves) {
    // A re-plan first keeps the baseline waves it can (least churn). Holding dated agencies
    // back keeps them whole; without it more plans fit the same waves.
    const bool kept =
        replan_ && (attempt(waves, true, true, trial) || attempt(waves, false, true, trial));
    const bool fitted =
        kept || attempt(waves, true, false, trial) || attempt(waves, false, false, trial);
    if (fitted) {
      schedule = std::move(trial);
      schedule.heldBaselineWaves = kept;
      return true;
    }
    if (firstFailure.empty()) firstFailure = failure_;
    return false;
  };
  constexpr uint32_t kOneByOne = 8;
  uint32_t failed = first - 1, found = 0;
  for (uint32_t waves = first, step = 1; waves <= models::kMaxWaves; waves += step) {
    if (fits(waves)) {
      found = waves;
      break;
    }
    failed = waves;
    if (waves - first + 1 >= kOneByOne) step *= 2;
  }
  if (!found && failed < models::kMaxWaves && fits(models::kMaxWaves)) found = models::kMaxWaves;
  if (found) {
    while (found - failed > 1) {
      const uint32_t middle = failed + (found - failed) / 2;
      if (fits(middle)) {
        found = middle;
      } else {
        failed = middle;
      }
    }
    if (schedule.waves > lowerBound) {
      schedule.longerThanBoundBecause =
          firstFailure.empty()
              ? fmt::format("dependencies and dates hold systems back until wave {}", first)
              : firstFailure;
    }
    return schedule;
  }
  diagnostics_.error("too-many-waves", "", 0,
                     fmt::format("no plan fits in {} waves: {}", models::kMaxWaves, firstFailure));
  return std::nullopt;
}

}  // namespace

std::vector<UnitLoad> measureUnits(const models::Inventory& inventory, const MoveUnits& units,
                                   const models::PlanSettings& settings,
                                   models::WaveCalendar& calendar, const ReplanState* replan) {
  std::vector<UnitLoad> loads(units.size());
  std::vector<std::pair<uint32_t, uint32_t>> preferred;  // (baseline wave, systems) of a unit
  for (uint32_t u = 0; u < units.size(); ++u) {
    UnitLoad& load = loads[u];
    preferred.clear();
    for (SystemIndex s : units.membersOf(u)) {
      const auto& system = inventory.systems[s];
      ++load.systems;
      load.effortDays += system.effortDays;
      if (replan && replan->fixed(s)) {
        load.fixedWave = std::max(load.fixedWave, replan->baselineWave[s]);
        ++load.fixedSystems;
        load.fixedEffortDays += system.effortDays;
      }
      const ReplanRole role = replan ? replan->role[s] : ReplanRole::added;
      if (role == ReplanRole::kept || role == ReplanRole::onHold) {
        const uint32_t wave = replan->baselineWave[s];
        auto it = std::find_if(preferred.begin(), preferred.end(),
                               [&](const auto& p) { return p.first == wave; });
        if (it == preferred.end()) {
          preferred.emplace_back(wave, 1);
        } else {
          ++it->second;
        }
      }

      if (system.pinnedWave) load.pin = std::max(load.pin, system.pinnedWave);
      // A fixed system's dates are history: only those of the systems still to move count.
      if (replan && replan->fixed(s)) continue;
      if (system.notBefore) {
        load.dateWave =
            std::max(load.dateWave, calendar.firstWaveStartingOnOrAfter(*system.notBefore));
      }
      if (system.finishBy) {
        const uint32_t last = calendar.lastWaveEndingOnOrBefore(*system.finishBy);
        if (last == 0) {
          load.finishByTooEarly = true;
        } else if (!load.finishByTooEarly) {
          load.deadlineWave = load.deadlineWave ? std::min(load.deadlineWave, last) : last;
        }
      }
    }
    if (replan && !load.fixedWave) {
      load.firstOpenWave = replan->started + 1;
      // The baseline wave most of its systems keep (the earliest of equals): the least churn.
      uint32_t most = 0;
      for (const auto& [wave, systems] : preferred) {
        if (systems > most || (systems == most && wave < load.preferredWave)) {
          most = systems;
          load.preferredWave = wave;
        }
      }
    }
    load.oversize = (settings.waveCapacity && load.systems > *settings.waveCapacity) ||
                    (settings.waveEffort && load.effortDays > *settings.waveEffort + kEffortSlack);
  }
  return loads;
}

std::optional<Schedule> scheduleWaves(const models::Inventory& inventory,
                                      const ConstraintGraph& graph, const MoveUnits& units,
                                      const std::vector<UnitLoad>& loads,
                                      const AgencyLimits& agencyLimits, const SystemLinks& links,
                                      const models::PlanSettings& settings, uint32_t lowerBound,
                                      models::Diagnostics& diagnostics, const ReplanState* replan) {
  return Scheduler(inventory, graph, units, loads, agencyLimits, links, settings, diagnostics,
                   replan)
      .run(lowerBound);
}

}  // namespace cloudplan::engine
