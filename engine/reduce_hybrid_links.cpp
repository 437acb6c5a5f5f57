#include "engine/reduce_hybrid_links.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <span>

namespace cloudplan::engine {

using models::kNone;
using models::SystemIndex;

namespace {

constexpr double kEffortSlack = 1e-9;
constexpr uint32_t kNever = std::numeric_limits<uint32_t>::max();
// Work limits, so that the search stays linear in the inventory: passes over the borders between
// waves; units that cross a border together (a unit and what waits for it in its wave); partners
// looked at, and tried, for each move that finds no room alone. On a generated inventory of
// 100,000 systems, three passes took 2.2% off the peak and eight 2.3%, for three times the work.
constexpr uint32_t kMaxPasses = 3;
constexpr uint32_t kMaxCluster = 16;
constexpr uint32_t kPartnersSeen = 64;
constexpr uint32_t kPartnersTried = 8;

// A move across the border of waves k and k+1: `root` and the units of its wave that must go
// with it (its cluster), and by how much the hybrid links after wave k would fall (an estimate
// that counts only the ordering arcs among the links inside the cluster; never above the truth).
struct Candidate {
  int64_t gain;
  uint32_t systems;
  uint32_t root;
  bool later;  // from wave k to k+1; otherwise from k+1 to k
};

// A unit's links to the systems of other units, counted by where the other end is against the
// unit's own wave w: what moving the unit one wave does to the hybrid links follows from them.
struct Tally {
  int32_t cloudEarlier = 0;  // the other end migrates in a wave < w
  int32_t cloudSame = 0;     // the other end migrates in wave w
  int32_t pendingSame = 0;   // this end migrates, the other leaves in wave w
  int32_t pendingLater = 0;  // this end migrates, the other leaves after w or is retained

  // From wave w to w+1: the links to ends gone by w no longer open after w, those to ends still
  // on premises do not open yet.
  int64_t gainLater() const { return pendingLater - cloudEarlier - cloudSame; }
  // From wave w to w-1.
  int64_t gainEarlier() const { return cloudEarlier - pendingSame - pendingLater; }
  // Whether a cluster with it could gain by it: its own gain, with each link in its wave given
  // back as far as a cluster holding both ends would (half of what the two ends count). A cluster
  // gains only when one of its units could; the search looks only at clusters whose first unit
  // could, which on generated national inventories held nine in ten of those that gain, for a
  // third of the work.
  bool promising(bool later) const {
    const int64_t twice = later ? 2 * (pendingLater - cloudEarlier) + pendingSame - cloudSame
                                : 2 * (cloudEarlier - pendingLater) + cloudSame - pendingSame;
    return twice > 0;
  }
  void count(uint32_t wave, uint32_t otherWave, bool migrates, bool otherMigrates, int32_t sign) {
    if (otherWave < wave) {
      cloudEarlier += sign * otherMigrates;
    } else if (otherWave == wave) {
      cloudSame += sign * otherMigrates;
      pendingSame += sign * migrates;
    } else {
      pendingLater += sign * migrates;
    }
  }
};

// What the search reads of a system at the other end of a link, together in memory.
struct End {
  uint32_t unit;  // the search's number of its unit; kNone: retained
  uint32_t wave;  // kNever: retained
  bool migrates;
};

// What the search reads of a unit at every step, together in memory.
struct UnitState {
  Tally tally;
  uint32_t wave;
  // The waves it may take by its dates (a pinned or oversize unit: its own).
  uint32_t earliest, latest;
  uint32_t systems;
  uint32_t movedIn;  // the pass that moved it (0: none)
  uint32_t mark;     // the stamp of the cluster it was last gathered into
};

// An ordering arc to a unit (by the search's number), and how many of its two ends migrate.
struct Arc {
  uint32_t unit;
  uint32_t migrating;
};

// Moving units between waves k and k+1 changes the state of their systems after wave k only, so
// it changes the hybrid links after wave k only (L_k): the search works border by border, and an
// exchange across one border keeps both waves' loads when the two sides weigh the same. Every
// move it makes lowers one L_k, so the peak never rises and the sum falls.
//
// The search numbers the units by the wave the list scheduler gave them, so that a wave's units,
// and mostly the units they are linked to, sit together in memory.
class HybridLinkSearch {
 public:
  HybridLinkSearch(const models::Inventory& inventory, const ConstraintGraph& graph,
                   const MoveUnits& units, const std::vector<UnitLoad>& loads,
                   const AgencyLimits& agencyLimits, const SystemLinks& links,
                   const models::PlanSettings& settings, Schedule& schedule)
      : inventory_(inventory),
        graph_(graph),
        units_(units),
        loads_(loads),
        agencyLimits_(agencyLimits),
        settings_(settings),
        schedule_(schedule),
        links_(links) {}

  void run();

 private:
  void start();
  void numberUnits();
  // The hybrid links after each wave, as countHybridLinks counts them.
  void measureLevels();
  void measure();
  void sortUnitsByWave();
  Tally tallyOf(uint32_t unit) const;
  std::span<const SystemIndex> membersOf(uint32_t unit) const {
    return units_.membersOf(original_[unit]);
  }
  std::span<const Arc> arcsOf(uint32_t unit, bool later) const {
    const auto& start = later ? successorStart_ : predecessorStart_;
    return {(later ? successors_ : predecessors_).data() + start[unit],
            start[unit + 1] - start[unit]};
  }
  bool mayCross(const UnitState& unit, bool later, uint32_t k) const {
    return unit.movedIn != pass_ && (later ? k + 1 <= unit.latest : k >= unit.earliest);
  }
  int64_t gainOf(uint32_t unit, bool later) const {
    return later ? state_[unit].tally.gainLater() : state_[unit].tally.gainEarlier();
  }
  // The cluster of `root` into `cluster` (marked with a new stamp): for a move later, the units
  // of its wave that wait for it (ordering arcs), transitively; for a move earlier, those it
  // waits for. Nullopt when one of them may not move or there are too many.
  std::optional<Candidate> gather(uint32_t root, bool later, uint32_t k,
                                  std::vector<uint32_t>& cluster);
  // What a marked cluster's moving saves: its units' own gains, and back what its links inside
  // counted as opening or closing in them.
  int64_t exactGain(const std::vector<uint32_t>& cluster, bool later) const;
  // The links between two clusters crossing the border the opposite ways: each unit's gain
  // counted them as closing, but they only change sides.
  int64_t overlap(const std::vector<uint32_t>& cluster, uint32_t otherStamp) const;
  // Whether `in` (to wave `to`) and `out` (from it, to wave `from`) leave both waves within
  // every limit, and the last wave not empty.
  bool fits(const std::vector<uint32_t>& in, const std::vector<uint32_t>& out, uint32_t from,
            uint32_t to);
  // Moves the clusters (their waves, loads and the tallies around them).
  void apply(const std::vector<uint32_t>& in, const std::vector<uint32_t>& out, uint32_t from,
             uint32_t to, int64_t gain, uint32_t k);
  void moveLoads(uint32_t unit, uint32_t from, uint32_t to);
  void crossBorder(uint32_t k);
  bool exchange(const Candidate& want, const Candidate& partner, uint32_t k);

  const models::Inventory& inventory_;
  const ConstraintGraph& graph_;
  const MoveUnits& units_;
  const std::vector<UnitLoad>& loads_;
  const AgencyLimits& agencyLimits_;
  const models::PlanSettings& settings_;
  Schedule& schedule_;
  const SystemLinks& links_;

  uint32_t waves_ = 0;
  // The search's numbers of units: the MoveUnits index of each, and back.
  std::vector<uint32_t> original_, numberOf_;
  std::vector<UnitState> state_;
  std::vector<uint32_t> successorStart_, predecessorStart_;
  std::vector<Arc> successors_, predecessors_;
  std::vector<End> ends_;       // per system
  std::vector<int64_t> level_;  // by wave: hybrid links after it
  std::vector<uint32_t> waveSystems_;
  std::vector<double> waveEffort_;
  // By (wave, limited agency): what the wave holds of the agency's subtree.
  std::vector<uint32_t> agencySystems_;
  std::vector<double> agencyEffort_;
  // Per limited agency: what a move would add to its target wave (scratch).
  std::vector<int64_t> addSystems_;
  std::vector<double> addEffort_;
  std::vector<uint32_t> touched_;
  // The units of each wave at the start of a pass.
  std::vector<uint32_t> waveStart_, byWave_;
  uint32_t pass_ = 0;
  // A border need not be looked at again until a unit has crossed it or one next to it: what
  // the border can do depends only on the levels after its wave and the two waves' units.
  std::vector<uint64_t> changedAt_, lookedAt_;  // by border, in steps of `clock_`
  uint64_t clock_ = 0;
  uint32_t moved_ = 0;  // units moved in this pass
  uint32_t stamp_ = 0;
  std::vector<Candidate> candidates_, wanting_, laterSide_, earlierSide_;
  std::vector<uint32_t> cluster_, partner_;
};

Tally HybridLinkSearch::tallyOf(uint32_t unit) const {
  Tally tally;
  const uint32_t wave = state_[unit].wave;
  for (SystemIndex x : membersOf(unit)) {
    const bool migrates = ends_[x].migrates;
    for (SystemIndex y : links_.of(x)) {
      const End& end = ends_[y];
      if (end.unit == unit) continue;  // a link inside the unit never counts
      tally.count(wave, end.wave, migrates, end.migrates, 1);
    }
  }
  return tally;
}

void HybridLinkSearch::numberUnits() {
  const size_t count = units_.size();
  original_.resize(count);
  std::vector<uint32_t> start(waves_ + 2, 0);
  for (uint32_t u = 0; u < count; ++u)
    ++start[schedule_.waveOf[u] + 1];
  for (uint32_t k = 0; k <= waves_; ++k)
    start[k + 1] += start[k];
  for (uint32_t u = 0; u < count; ++u)
    original_[start[schedule_.waveOf[u]]++] = u;
  numberOf_.resize(count);
  for (uint32_t u = 0; u < count; ++u)
    numberOf_[original_[u]] = u;
  std::vector<uint8_t> migrating(graph_.arcs.size());
  for (size_t a = 0; a < graph_.arcs.size(); ++a)
    migrating[a] = ends_[graph_.arcs[a].before].migrates + ends_[graph_.arcs[a].after].migrates;
  auto copyArcs = [&](bool later, std::vector<uint32_t>& arcStart, std::vector<Arc>& arcs) {
    arcStart.assign(count + 1, 0);
    arcs.clear();
    arcs.reserve(units_.successors.size());
    for (uint32_t u = 0; u < count; ++u) {
      const uint32_t unit = original_[u];
      for (const UnitArc& arc : later ? units_.successorsOf(unit) : units_.predecessorsOf(unit))
        arcs.push_back({numberOf_[arc.unit], migrating[arc.arc]});
      arcStart[u + 1] = static_cast<uint32_t>(arcs.size());
    }
  };
  copyArcs(true, successorStart_, successors_);
  copyArcs(false, predecessorStart_, predecessors_);
}

void HybridLinkSearch::measureLevels() {
  level_.assign(waves_ + 2, 0);
  // Each link from each of its ends: hybrid from the wave this end reaches the cloud until the
  // other leaves the premises.
  for (SystemIndex x = 0; x < ends_.size(); ++x) {
    const End& moved = ends_[x];
    if (!moved.migrates) continue;
    for (SystemIndex y : links_.of(x)) {
      const uint32_t until = ends_[y].wave;
      if (moved.wave >= until) continue;
      ++level_[moved.wave];
      if (until <= waves_) --level_[until];
    }
  }
  for (uint32_t k = 1; k <= waves_; ++k)
    level_[k] += level_[k - 1];
}

void HybridLinkSearch::start() {
  waves_ = schedule_.waves;
  const size_t systems = inventory_.systems.size();
  ends_.resize(systems);
  for (SystemIndex s = 0; s < systems; ++s) {
    const uint32_t unit = units_.unitOf[s];
    ends_[s] = {kNone, unit == kNone ? kNever : schedule_.waveOf[unit],
                unit != kNone && inventory_.systems[s].action() == models::Action::migrate};
  }
  numberUnits();
  for (SystemIndex s = 0; s < systems; ++s) {
    if (units_.unitOf[s] != kNone) ends_[s].unit = numberOf_[units_.unitOf[s]];
  }
  measureLevels();
  const size_t count = units_.size();
  state_.resize(count);
  for (uint32_t u = 0; u < count; ++u) {
    const uint32_t unit = original_[u];
    const UnitLoad& load = loads_[unit];
    bool fixed = load.pin || load.oversize;
    for (const AgencyLoad& a : agencyLimits_.of(unit))
      fixed = fixed || a.oversize;
    const uint32_t wave = schedule_.waveOf[unit];
    UnitState& state = state_[u];
    state.wave = wave;
    state.earliest = fixed ? wave : std::max(1u, load.dateWave);
    state.latest = fixed ? wave : load.deadlineWave ? std::min(waves_, load.deadlineWave) : waves_;
    state.systems = load.systems;
    state.movedIn = 0;
    state.mark = 0;
  }
  for (uint32_t u = 0; u < count; ++u)
    state_[u].tally = tallyOf(u);
  addSystems_.assign(agencyLimits_.agency.size(), 0);
  addEffort_.assign(agencyLimits_.agency.size(), 0);
  changedAt_.assign(waves_ + 1, 1);
  lookedAt_.assign(waves_ + 1, 0);
  clock_ = 2;
}

void HybridLinkSearch::measure() {
  const size_t limited = agencyLimits_.agency.size();
  waveSystems_.assign(waves_ + 1, 0);
  waveEffort_.assign(waves_ + 1, 0);
  agencySystems_.assign((waves_ + 1) * limited, 0);
  agencyEffort_.assign((waves_ + 1) * limited, 0);
  for (uint32_t u = 0; u < state_.size(); ++u) {
    const uint32_t wave = state_[u].wave;
    waveSystems_[wave] += state_[u].systems;
    waveEffort_[wave] += loads_[original_[u]].effortDays;
    for (const AgencyLoad& a : agencyLimits_.of(original_[u])) {
      agencySystems_[wave * limited + a.limited] += a.systems;
      agencyEffort_[wave * limited + a.limited] += a.effortDays;
    }
  }
}

void HybridLinkSearch::sortUnitsByWave() {
  waveStart_.assign(waves_ + 2, 0);
  for (const UnitState& state : state_)
    ++waveStart_[state.wave + 1];
  for (uint32_t k = 0; k <= waves_; ++k)
    waveStart_[k + 1] += waveStart_[k];
  byWave_.resize(state_.size());
  std::vector<uint32_t> next(waveStart_.begin(), waveStart_.end() - 1);
  for (uint32_t u = 0; u < state_.size(); ++u)
    byWave_[next[state_[u].wave]++] = u;
}

std::optional<Candidate> HybridLinkSearch::gather(uint32_t root, bool later, uint32_t k,
                                                  std::vector<uint32_t>& cluster) {
  const uint32_t wave = later ? k : k + 1;
  cluster.clear();
  ++stamp_;
  UnitState& first = state_[root];
  if (first.wave != wave || !mayCross(first, later, k)) return std::nullopt;
  cluster.push_back(root);
  first.mark = stamp_;
  Candidate gathered{0, 0, root, later};
  for (size_t i = 0; i < cluster.size(); ++i) {
    const uint32_t u = cluster[i];
    gathered.gain += gainOf(u, later);
    gathered.systems += state_[u].systems;
    for (const Arc& arc : arcsOf(u, later)) {
      UnitState& next = state_[arc.unit];
      if (next.wave != wave) continue;
      gathered.gain += arc.migrating;  // an arc inside: its link stops counting
      if (next.mark == stamp_) continue;
      if (cluster.size() == kMaxCluster || !mayCross(next, later, k)) return std::nullopt;
      cluster.push_back(arc.unit);
      next.mark = stamp_;
    }
  }
  return gathered;
}

int64_t HybridLinkSearch::exactGain(const std::vector<uint32_t>& cluster, bool later) const {
  int64_t gain = 0;
  for (uint32_t u : cluster) {
    gain += gainOf(u, later);
    if (cluster.size() == 1) break;
    // Each link inside is met from both ends: from each, its own end's part.
    for (SystemIndex x : membersOf(u)) {
      for (SystemIndex y : links_.of(x)) {
        const uint32_t other = ends_[y].unit;
        if (other != u && other != kNone && state_[other].mark == stamp_) gain += ends_[x].migrates;
      }
    }
  }
  return gain;
}

int64_t HybridLinkSearch::overlap(const std::vector<uint32_t>& cluster, uint32_t otherStamp) const {
  int64_t both = 0;
  for (uint32_t u : cluster) {
    for (SystemIndex x : membersOf(u)) {
      for (SystemIndex y : links_.of(x)) {
        const uint32_t other = ends_[y].unit;
        if (other != kNone && state_[other].mark == otherStamp)
          both += ends_[x].migrates + ends_[y].migrates;
      }
    }
  }
  return both;
}

bool HybridLinkSearch::fits(const std::vector<uint32_t>& in, const std::vector<uint32_t>& out,
                            uint32_t from, uint32_t to) {
  int64_t systems = 0;
  double effort = 0;
  for (uint32_t u : in) {
    systems += state_[u].systems;
    effort += loads_[original_[u]].effortDays;
  }
  for (uint32_t u : out) {
    systems -= state_[u].systems;
    effort -= loads_[original_[u]].effortDays;
  }
  // The number of waves stays as it is: the last may not be left empty.
  if (from == waves_ && waveSystems_[from] == systems) return false;
  if (to == waves_ && waveSystems_[to] + systems == 0) return false;
  if (const auto& capacity = settings_.waveCapacity) {
    if (waveSystems_[to] + systems > *capacity || waveSystems_[from] - systems > *capacity)
      return false;
  }
  if (const auto& limit = settings_.waveEffort) {
    if (waveEffort_[to] + effort > *limit + kEffortSlack ||
        waveEffort_[from] - effort > *limit + kEffortSlack)
      return false;
  }
  if (agencyLimits_.empty()) return true;
  touched_.clear();
  auto add = [&](uint32_t unit, int sign) {
    for (const AgencyLoad& a : agencyLimits_.of(original_[unit])) {
      if (addSystems_[a.limited] == 0 && addEffort_[a.limited] == 0) touched_.push_back(a.limited);
      addSystems_[a.limited] += sign * static_cast<int64_t>(a.systems);
      addEffort_[a.limited] += sign * a.effortDays;
    }
  };
  for (uint32_t u : in)
    add(u, 1);
  for (uint32_t u : out)
    add(u, -1);
  const size_t limited = agencyLimits_.agency.size();
  bool ok = true;
  for (uint32_t l : touched_) {
    for (const auto& [wave, sign] : {std::pair{to, 1}, std::pair{from, -1}}) {
      const int64_t systemsThere = agencySystems_[wave * limited + l] + sign * addSystems_[l];
      const double effortThere = agencyEffort_[wave * limited + l] + sign * addEffort_[l];
      if (systemsThere > static_cast<int64_t>(agencyLimits_.maxSystems[l]) ||
          effortThere > agencyLimits_.maxEffort[l] + kEffortSlack)
        ok = false;
    }
  }
  for (uint32_t l : touched_) {
    addSystems_[l] = 0;
    addEffort_[l] = 0;
  }
  return ok;
}

void HybridLinkSearch::moveLoads(uint32_t unit, uint32_t from, uint32_t to) {
  UnitState& state = state_[unit];
  const double effort = loads_[original_[unit]].effortDays;
  waveSystems_[from] -= state.systems;
  waveSystems_[to] += state.systems;
  waveEffort_[from] -= effort;
  waveEffort_[to] += effort;
  const size_t limited = agencyLimits_.agency.size();
  for (const AgencyLoad& a : agencyLimits_.of(original_[unit])) {
    agencySystems_[from * limited + a.limited] -= a.systems;
    agencySystems_[to * limited + a.limited] += a.systems;
    agencyEffort_[from * limited + a.limited] -= a.effortDays;
    agencyEffort_[to * limited + a.limited] += a.effortDays;
  }
  state.wave = to;
  state.movedIn = pass_;
  for (SystemIndex x : membersOf(unit))
    ends_[x].wave = to;
}

void HybridLinkSearch::apply(const std::vector<uint32_t>& in, const std::vector<uint32_t>& out,
                             uint32_t from, uint32_t to, int64_t gain, uint32_t k) {
  ++stamp_;
  for (uint32_t u : in) {
    moveLoads(u, from, to);
    state_[u].mark = stamp_;
  }
  for (uint32_t u : out) {
    moveLoads(u, to, from);
    state_[u].mark = stamp_;
  }
  // The tallies of the units linked to the moved ones, for their ends' new waves.
  for (const auto* cluster : {&in, &out}) {
    const uint32_t was = cluster == &in ? from : to;
    for (uint32_t u : *cluster) {
      const uint32_t now = state_[u].wave;
      for (SystemIndex y : membersOf(u)) {
        for (SystemIndex x : links_.of(y)) {
          const uint32_t other = ends_[x].unit;
          if (other == kNone || state_[other].mark == stamp_) continue;
          UnitState& state = state_[other];
          state.tally.count(state.wave, was, ends_[x].migrates, ends_[y].migrates, -1);
          state.tally.count(state.wave, now, ends_[x].migrates, ends_[y].migrates, 1);
        }
      }
    }
  }
  for (const auto* cluster : {&in, &out}) {
    for (uint32_t u : *cluster)
      state_[u].tally = tallyOf(u);
  }
  level_[k] -= gain;
  changedAt_[k] = ++clock_;
  moved_ += static_cast<uint32_t>(in.size() + out.size());
}

// Two clusters cross the border of waves k and k+1 the opposite ways, when together they lower
// the hybrid links after wave k and both waves hold every limit after the exchange.
bool HybridLinkSearch::exchange(const Candidate& want, const Candidate& partner, uint32_t k) {
  if (!gather(want.root, want.later, k, cluster_)) return false;
  const uint32_t wantStamp = stamp_;
  int64_t gain = exactGain(cluster_, want.later);
  if (!gather(partner.root, partner.later, k, partner_)) return false;
  // Both gathered from the waves as they are: a unit in both would go both ways.
  for (uint32_t u : partner_) {
    if (state_[u].mark == wantStamp) return false;
  }
  gain += exactGain(partner_, partner.later) - overlap(cluster_, stamp_);
  if (gain <= 0) return false;
  const auto& later = want.later ? cluster_ : partner_;
  const uint32_t earlierStamp = want.later ? stamp_ : wantStamp;
  // An arc from a unit going later to one going earlier would be broken.
  for (uint32_t u : later) {
    for (const Arc& next : arcsOf(u, true)) {
      if (state_[next.unit].mark == earlierStamp) return false;
    }
  }
  const uint32_t from = want.later ? k : k + 1, to = want.later ? k + 1 : k;
  if (!fits(cluster_, partner_, from, to)) return false;
  apply(cluster_, partner_, from, to, gain, k);
  return true;
}

// Every move across the border of waves k and k+1, best first: alone where the wave it goes to
// has room, else in exchange for one coming back.
void HybridLinkSearch::crossBorder(uint32_t k) {
  candidates_.clear();
  for (uint32_t wave = k; wave <= k + 1; ++wave) {
    const bool later = wave == k;
    for (uint32_t i = waveStart_[wave]; i < waveStart_[wave + 1]; ++i) {
      const uint32_t root = byWave_[i];
      if (!state_[root].tally.promising(later)) continue;
      if (const auto candidate = gather(root, later, k, cluster_))
        candidates_.push_back(*candidate);
    }
  }
  auto best = [](const Candidate& a, const Candidate& b) {
    if (a.gain != b.gain) return a.gain > b.gain;
    if (a.systems != b.systems) return a.systems < b.systems;
    return a.root < b.root;
  };
  std::sort(candidates_.begin(), candidates_.end(), best);
  wanting_.clear();
  for (const Candidate& c : candidates_) {
    if (c.gain <= 0) break;
    // Moves before this one changed its neighbours and its wave: gather and measure again.
    const auto now = gather(c.root, c.later, k, cluster_);
    if (!now) continue;
    const int64_t gain = exactGain(cluster_, c.later);
    if (gain <= 0) continue;
    const uint32_t from = c.later ? k : k + 1, to = c.later ? k + 1 : k;
    if (fits(cluster_, {}, from, to)) {
      apply(cluster_, {}, from, to, gain, k);
    } else {
      wanting_.push_back({gain, now->systems, c.root, c.later});
    }
  }
  if (wanting_.empty()) return;
  laterSide_.clear();
  earlierSide_.clear();
  for (const Candidate& c : candidates_) {
    if (state_[c.root].movedIn != pass_) (c.later ? laterSide_ : earlierSide_).push_back(c);
  }
  for (const Candidate& want : wanting_) {
    if (state_[want.root].movedIn == pass_) continue;
    const auto& partners = want.later ? earlierSide_ : laterSide_;
    const uint32_t to = want.later ? k + 1 : k, from = want.later ? k : k + 1;
    uint32_t seen = 0, tried = 0;
    for (const Candidate& partner : partners) {
      if (seen++ == kPartnersSeen || tried == kPartnersTried || want.gain + partner.gain <= 0)
        break;
      if (state_[partner.root].movedIn == pass_) continue;
      // Waves without room for the exchange by their counts of systems are not tried.
      if (settings_.waveCapacity &&
          (waveSystems_[to] + want.systems - partner.systems > *settings_.waveCapacity ||
           waveSystems_[from] + partner.systems - want.systems > *settings_.waveCapacity))
        continue;
      ++tried;
      if (exchange(want, partner, k)) break;
    }
  }
}

void HybridLinkSearch::run() {
  if (schedule_.waves < 2) return;
  start();
  std::vector<uint32_t> borders;
  for (pass_ = 1; pass_ <= kMaxPasses; ++pass_) {
    // Sums of effort are made again each pass, so that rounding cannot build up across moves.
    measure();
    sortUnitsByWave();
    // The highest levels first: a move takes room in a wave that a later one might have used.
    borders.clear();
    for (uint32_t k = 1; k < waves_; ++k) {
      if (!schedule_.oversizeWave[k - 1] && !schedule_.oversizeWave[k]) borders.push_back(k);
    }
    std::sort(borders.begin(), borders.end(), [&](uint32_t a, uint32_t b) {
      return level_[a] != level_[b] ? level_[a] > level_[b] : a < b;
    });
    moved_ = 0;
    for (uint32_t k : borders) {
      const uint64_t changed = std::max(
          {changedAt_[k], changedAt_[k - 1], k + 1 < waves_ ? changedAt_[k + 1] : uint64_t{0}});
      if (changed < lookedAt_[k]) continue;
      lookedAt_[k] = ++clock_;
      crossBorder(k);
    }
    if (moved_ == 0) break;
  }
  for (uint32_t u = 0; u < state_.size(); ++u) {
    const uint32_t unit = original_[u];
    if (state_[u].wave == schedule_.waveOf[unit]) continue;
    schedule_.waits[unit].movedFrom = schedule_.waveOf[unit];
    schedule_.waveOf[unit] = state_[u].wave;
  }
}

}  // namespace

void reduceHybridLinks(const models::Inventory& inventory, const ConstraintGraph& graph,
                       const MoveUnits& units, const std::vector<UnitLoad>& loads,
                       const AgencyLimits& agencyLimits, const SystemLinks& links,
                       const models::PlanSettings& settings, Schedule& schedule) {
  HybridLinkSearch(inventory, graph, units, loads, agencyLimits, links, settings, schedule).run();
}

}  // namespace cloudplan::engine
