// The risks a plan leaves, named so that a reviewer can act on them: the risk register of
// report.html, of each ministry's page and of risks.csv. Made by engine/risk_register from an
// inventory and its plan; plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/date.h"
#include "models/vocabulary.h"

namespace cloudplan::models {

enum class RiskKind : uint8_t {
  hybridLink,      // a dependency whose ends are on premises and in the cloud for a while
  lostProvider,    // a retained system whose provider is retired
  largeMoveGroup,  // a move group of more than kLargeMoveGroup systems: one big-bang cut-over
  waveNearLimit,   // a wave that uses more than 90 % of a limit (capacity, effort, agency's)
};
template <>
struct Vocabulary<RiskKind> {
  static constexpr std::array<std::string_view, 4> names = {"hybrid-link", "lost-provider",
                                                            "large-move-group", "wave-near-limit"};
};

inline constexpr size_t kLargeMoveGroup = 10;  // a group of more systems is a risk
inline constexpr double kNearLimit = 0.9;      // a wave using more of a limit is a risk

// How much a criticality weighs in a risk's exposure.
inline constexpr uint32_t criticalityWeight(Criticality criticality) {
  return criticality == Criticality::high ? 3 : criticality == Criticality::medium ? 2 : 1;
}

struct Risk {
  RiskKind kind = RiskKind::hybridLink;
  // What the register is sorted by, highest first: for a link that ends, the days it is hybrid
  // times the weights of its more critical end and of its coupling; engine/risk_register.h says
  // every rule (links for good, the other kinds).
  double exposure = 0;
  // The most critical system concerned: the more critical end of the dependency, the group's or
  // the wave's (of the systems the limit counts) most critical system.
  Criticality criticality = Criticality::low;
  // hybridLink, lostProvider: the dependency (index into Inventory::dependencies).
  uint32_t dependency = kNone;
  // hybridLink: the waves between which it is hybrid: from the end of wave `fromWave` (the first
  // end moves) to the end of wave `toWave` (the other end moves); toWave 0: for good (one end is
  // retained). `days` counts the calendar days between (to the plan's last day when for good).
  uint32_t fromWave = 0;
  uint32_t toWave = 0;
  uint32_t days = 0;
  // largeMoveGroup: the group (index into Plan::moveGroups).
  uint32_t moveGroup = kNone;
  // The wave: waveNearLimit's, the one a largeMoveGroup moves in, the one a lostProvider's
  // provider is retired in; 0 for a hybridLink.
  uint32_t wave = 0;
  // waveNearLimit: which limit ("wave capacity", "wave effort", "MOH systems per wave", "MOH
  // effort per wave"), how much of it the wave uses and how much there is.
  std::string limit;
  double used = 0;
  double available = 0;
  // The agencies concerned (each end's, the group's, the limit's), sorted, unique: a ministry's
  // page lists a risk when one of its agencies, or an agency below it, is here.
  std::vector<AgencyIndex> agencies;
  // One sentence a reviewer reads, with ids and names: "MOF-ledger (Ledger) depends on MOI-sftp
  // (SFTP gateway), which is retired in wave 4; MOF-ledger is retained and loses it". Ids, names
  // and codes longer than 120 bytes are cut (as the diagrams cut them), so that a name of a
  // megabyte is not repeated in every risk of its system.
  std::string summary;
};

// Sorted by exposure (highest first), then kind, then the order of the inventory.
struct RiskRegister {
  std::vector<Risk> risks;
};

}  // namespace cloudplan::models
