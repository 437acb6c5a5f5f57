#include "engine/risk_register.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <string_view>

#include "models/plural.h"
#include "models/shown_text.h"

namespace cloudplan::engine {

using models::AgencyIndex;
using models::kNone;
using models::Risk;
using models::RiskKind;
using models::SystemIndex;

namespace {

// Inventory text in a summary is cut as the diagrams cut it (models::shownText), so that a
// megabyte name is not repeated in every risk.
using models::appendShownText;

void appendNumber(std::string& out, uint64_t number) {
  fmt::format_to(std::back_inserter(out), "{}", number);
}

double rounded(double exposure) {
  return std::round(exposure * 100) / 100;
}

std::string percentOf(double used, double available) {
  return fmt::format("{:.0f} %", used / available * 100);
}

class Assessor {
 public:
  Assessor(const models::Inventory& inventory, const models::Plan& plan)
      : inventory_(inventory),
        plan_(plan),
        waves_(static_cast<uint32_t>(plan.waves.size())),
        span_(plan.waves.back().end - plan.waves.front().start + 1) {}

  void hybridLinksAndLostProviders();
  void largeMoveGroups();
  void wavesNearLimits();

  models::RiskRegister finish();

 private:
  const models::System& system(SystemIndex s) const { return inventory_.systems[s]; }
  // 0 for a retained system, and for a wave the plan does not hold (a hand-edited plan.json
  // that the reader let through would otherwise index past its waves).
  uint32_t waveOf(SystemIndex s) const {
    const uint32_t wave = plan_.systems[s].wave;
    return wave <= waves_ ? wave : 0;
  }
  const models::Wave& wave(uint32_t number) const { return plan_.waves[number - 1]; }
  int32_t daysOf(const models::Wave& wave) const { return wave.end - wave.start + 1; }

  // "id (name)", or the id alone when the name is empty or the id itself.
  void appendLabel(std::string& out, SystemIndex s) const {
    const auto& sys = system(s);
    appendShownText(out, sys.id);
    if (!sys.name.empty() && sys.name != sys.id) {
      out += " (";
      appendShownText(out, sys.name);
      out += ')';
    }
  }
  std::string label(SystemIndex s) const {
    std::string out;
    appendLabel(out, s);
    return out;
  }
  std::string agencyLabel(AgencyIndex a) const {
    const auto& agency = inventory_.agencies[a];
    std::string text = models::shownText(agency.code);
    if (!agency.name.empty() && agency.name != agency.code)
      text += " (" + models::shownText(agency.name) + ")";
    return text;
  }
  std::string waveLabel(const models::Wave& wave) const {
    return fmt::format("Wave {} ({} to {})", wave.number, models::formatDate(wave.start),
                       models::formatDate(wave.end));
  }

  void addAgency(Risk& risk, SystemIndex s) const {
    if (system(s).agency != kNone) risk.agencies.push_back(system(s).agency);
  }
  static void moreCritical(Risk& risk, models::Criticality criticality) {
    risk.criticality = std::min(risk.criticality, criticality);  // high is the smallest
  }

  Risk& add(RiskKind kind) {
    Risk& risk = risks_.emplace_back();
    risk.kind = kind;
    return risk;
  }

  const models::Inventory& inventory_;
  const models::Plan& plan_;
  const uint32_t waves_;
  const int32_t span_;
  std::vector<Risk> risks_;
};

// The engine's definition (engine/hybrid_links): a system is in the cloud from its wave on when
// it migrates (never when it retires or is retained), and on premises until its wave when it is
// scheduled (for good when it is retained). A link is hybrid while one end is in the cloud and
// the other still on premises: from the first end's wave to the other's, or for good. Both ends
// in the cloud from different waves would need each before the other, so a dependency gives at
// most one hybrid link, and the links open after wave k are the plan's hybridLinksAfter.
void Assessor::hybridLinksAndLostProviders() {
  const uint32_t never = waves_ + 1;
  auto cloudFrom = [&](SystemIndex s) {
    const uint32_t wave = waveOf(s);
    return system(s).action() == models::Action::migrate && wave != 0 ? wave : never;
  };
  auto leaves = [&](SystemIndex s) {
    const uint32_t wave = waveOf(s);
    return system(s).scheduled() && wave != 0 ? wave : never;
  };
  for (uint32_t d = 0; d < inventory_.dependencies.size(); ++d) {
    const models::Dependency& dependency = inventory_.dependencies[d];
    const SystemIndex consumer = dependency.consumer, provider = dependency.provider;
    const auto& c = system(consumer);
    const auto& p = system(provider);
    const uint32_t endsWeight = std::max(models::criticalityWeight(c.criticality),
                                         models::criticalityWeight(p.criticality));
    // The summary's start, the same for both kinds: "C (name) depends on P (name)".
    auto link = [&](std::string& out) {
      out.reserve(192);
      appendLabel(out, consumer);
      out += " depends on ";
      appendLabel(out, provider);
    };

    if (c.strategy == models::Strategy::retain && p.strategy == models::Strategy::retire &&
        waveOf(provider) != 0) {
      Risk& risk = add(RiskKind::lostProvider);
      risk.dependency = d;
      risk.wave = waveOf(provider);
      risk.exposure = rounded(2.0 * span_ * endsWeight * kLostProviderWeight);
      moreCritical(risk, c.criticality);
      moreCritical(risk, p.criticality);
      addAgency(risk, consumer);
      addAgency(risk, provider);
      link(risk.summary);
      fmt::format_to(std::back_inserter(risk.summary),
                     ", which is retired in wave {}; {} is retained and loses it", risk.wave,
                     models::shownText(c.id));
      continue;
    }

    for (const auto& [moved, stays] :
         {std::pair{consumer, provider}, std::pair{provider, consumer}}) {
      const uint32_t from = cloudFrom(moved), until = leaves(stays);
      if (from >= until) continue;
      Risk& risk = add(RiskKind::hybridLink);
      risk.dependency = d;
      risk.fromWave = from;
      risk.toWave = until == never ? 0 : until;
      const models::Date start = wave(from).end;
      const models::Date end = risk.toWave ? wave(risk.toWave).end : plan_.waves.back().end;
      risk.days = static_cast<uint32_t>(end - start);
      const double days = risk.toWave ? risk.days : risk.days + static_cast<double>(span_);
      risk.exposure = rounded(days * endsWeight * couplingWeight(dependency.coupling));
      moreCritical(risk, c.criticality);
      moreCritical(risk, p.criticality);
      addAgency(risk, consumer);
      addAgency(risk, provider);
      std::string& out = risk.summary;
      link(out);
      out += " through a ";
      out += models::nameOf(dependency.coupling);
      if (!dependency.kind.empty()) {
        out += ' ';
        appendShownText(out, dependency.kind);
      }
      out += " link: ";
      appendShownText(out, system(moved).id);
      out += " moves in wave ";
      appendNumber(out, from);
      out += " and ";
      appendShownText(out, system(stays).id);
      if (risk.toWave == 0) {
        out += " is retained, so the link is hybrid for good";
      } else {
        out +=
            system(stays).action() == models::Action::retire ? " is retired in wave " : " in wave ";
        appendNumber(out, risk.toWave);
        out += ", so the link is hybrid for ";
        out += models::plural(risk.days, "day", "days");
      }
      break;  // at most one way round is hybrid
    }
  }
}

void Assessor::largeMoveGroups() {
  for (uint32_t g = 0; g < plan_.moveGroups.size(); ++g) {
    const models::MoveGroup& group = plan_.moveGroups[g];
    if (group.systems.size() <= models::kLargeMoveGroup) continue;
    const uint32_t number = waveOf(group.systems.front());
    if (number == 0) continue;
    Risk& risk = add(RiskKind::largeMoveGroup);
    risk.moveGroup = g;
    risk.wave = number;
    for (SystemIndex s : group.systems) {
      moreCritical(risk, system(s).criticality);
      addAgency(risk, s);
    }
    risk.exposure = rounded(static_cast<double>(group.systems.size()) * daysOf(wave(number)) *
                            models::criticalityWeight(risk.criticality));
    constexpr size_t kNamed = 3;
    std::string named;
    for (size_t i = 0; i < kNamed; ++i)
      named += (i ? ", " : "") + label(group.systems[i]);
    const std::string_view bound = group.cause == models::MoveGroupCause::tight ? "tight links"
                                   : group.cause == models::MoveGroupCause::cycle
                                       ? "a dependency cycle"
                                       : "tight links and a dependency cycle";
    risk.summary = fmt::format(
        "Move group {} cuts over {} systems at once in wave {}, bound by {}: {} and {} more",
        models::shownText(group.id), group.systems.size(), number, bound, named,
        group.systems.size() - kNamed);
  }
}

void Assessor::wavesNearLimits() {
  const auto& agencies = inventory_.agencies;
  // The limited agencies, and above each agency the nearest limited one (itself when limited):
  // a system's limits are that agency's chain of `limitedParent`s. Walks stop after as many steps
  // as there are agencies, so a parent cycle (the importers break those) cannot hang them.
  std::vector<AgencyIndex> limited;
  std::vector<uint32_t> limitedOf(agencies.size(), kNone);
  for (AgencyIndex a = 0; a < agencies.size(); ++a) {
    if (!agencies[a].maxSystemsPerWave && !agencies[a].maxEffortPerWave) continue;
    limitedOf[a] = static_cast<uint32_t>(limited.size());
    limited.push_back(a);
  }
  std::vector<char> hasChildren(agencies.size(), 0);
  for (const auto& agency : agencies) {
    if (agency.parent != kNone && agency.parent < agencies.size()) hasChildren[agency.parent] = 1;
  }
  constexpr uint32_t kUnknown = kNone - 1;
  std::vector<uint32_t> nearest(agencies.size(), kUnknown);  // a limited index, or kNone
  std::vector<AgencyIndex> path;
  for (AgencyIndex a = 0; a < agencies.size(); ++a) {
    path.clear();
    AgencyIndex at = a;
    uint32_t found = kNone;
    while (at != kNone && at < agencies.size() && path.size() <= agencies.size()) {
      if (nearest[at] != kUnknown) {
        found = nearest[at];
        break;
      }
      if (limitedOf[at] != kNone) {
        found = limitedOf[at];
        break;
      }
      path.push_back(at);
      at = agencies[at].parent;
    }
    if (path.size() > agencies.size()) found = kNone;  // a cycle
    for (AgencyIndex p : path)
      nearest[p] = found;
    if (at != kNone && at < agencies.size() && nearest[at] == kUnknown) nearest[at] = found;
  }
  std::vector<uint32_t> limitedParent(limited.size(), kNone);
  for (uint32_t l = 0; l < limited.size(); ++l) {
    const AgencyIndex parent = agencies[limited[l]].parent;
    if (parent != kNone && parent < agencies.size()) limitedParent[l] = nearest[parent];
  }
  // Guards the chain walks against a cycle of limited agencies (their chain is cut short).
  const size_t longestChain = limited.size();

  std::vector<uint32_t> systemsIn(limited.size(), 0);
  std::vector<double> effortIn(limited.size(), 0);
  std::vector<models::Criticality> criticalityIn(limited.size(), models::Criticality::low);
  std::vector<uint32_t> riskOf(limited.size(), kNone);  // this wave's systems-limit risk
  std::vector<uint32_t> effortRiskOf(limited.size(), kNone);
  std::vector<uint32_t> touched;
  auto chainOf = [&](SystemIndex s, auto&& visit) {
    const AgencyIndex agency = system(s).agency;
    if (agency == kNone || agency >= agencies.size()) return;
    uint32_t l = nearest[agency];
    for (size_t steps = 0; l != kNone && steps < longestChain; ++steps, l = limitedParent[l])
      visit(l);
  };

  for (const models::Wave& w : plan_.waves) {
    const double days = daysOf(w);
    auto nearLimit = [](double used, double available) {
      return available > 0 && used / available > models::kNearLimit + 1e-12;
    };
    models::Criticality waveCriticality = models::Criticality::low;
    for (SystemIndex s : w.systems)
      waveCriticality = std::min(waveCriticality, system(s).criticality);
    auto wholeWave = [&](std::string limit, double used, double available) -> Risk& {
      Risk& risk = add(RiskKind::waveNearLimit);
      risk.wave = w.number;
      risk.limit = std::move(limit);
      risk.used = used;
      risk.available = available;
      risk.criticality = waveCriticality;
      for (SystemIndex s : w.systems)
        addAgency(risk, s);
      risk.exposure = rounded(days * used / available * models::criticalityWeight(waveCriticality));
      return risk;
    };
    const auto& settings = plan_.settings;
    if (settings.waveCapacity && nearLimit(w.systems.size(), *settings.waveCapacity)) {
      Risk& risk =
          wholeWave("wave capacity", static_cast<double>(w.systems.size()), *settings.waveCapacity);
      risk.summary = fmt::format("{} holds {}, {} of the wave capacity of {}", waveLabel(w),
                                 models::plural(w.systems.size(), "system", "systems"),
                                 percentOf(risk.used, risk.available), *settings.waveCapacity);
    }
    if (settings.waveEffort && nearLimit(w.effortDays, *settings.waveEffort)) {
      Risk& risk = wholeWave("wave effort", w.effortDays, *settings.waveEffort);
      risk.summary =
          fmt::format("{} takes {:g} effort days, {} of the wave effort of {:g}", waveLabel(w),
                      w.effortDays, percentOf(risk.used, risk.available), *settings.waveEffort);
    }
    if (limited.empty()) continue;

    touched.clear();
    for (SystemIndex s : w.systems) {
      chainOf(s, [&](uint32_t l) {
        if (systemsIn[l] == 0) touched.push_back(l);
        ++systemsIn[l];
        effortIn[l] += system(s).effortDays;
        criticalityIn[l] = std::min(criticalityIn[l], system(s).criticality);
      });
    }
    std::sort(touched.begin(), touched.end(),
              [&](uint32_t a, uint32_t b) { return limited[a] < limited[b]; });
    bool any = false;
    for (uint32_t l : touched) {
      const auto& agency = agencies[limited[l]];
      const std::string whose =
          agencyLabel(limited[l]) + (hasChildren[limited[l]] ? " and the agencies below it" : "");
      auto agencyRisk = [&](std::string limit, double used, double available) -> Risk& {
        any = true;
        Risk& risk = add(RiskKind::waveNearLimit);
        risk.wave = w.number;
        risk.limit = std::move(limit);
        risk.used = used;
        risk.available = available;
        risk.criticality = criticalityIn[l];
        risk.agencies.push_back(limited[l]);
        risk.exposure =
            rounded(days * used / available * models::criticalityWeight(criticalityIn[l]));
        return risk;
      };
      if (agency.maxSystemsPerWave && nearLimit(systemsIn[l], *agency.maxSystemsPerWave)) {
        riskOf[l] = static_cast<uint32_t>(risks_.size());
        Risk& risk = agencyRisk(fmt::format("{} systems per wave", models::shownText(agency.code)),
                                systemsIn[l], *agency.maxSystemsPerWave);
        risk.summary =
            fmt::format("{} holds {} of {}, {} of its max_systems_per_wave {}", waveLabel(w),
                        models::plural(systemsIn[l], "system", "systems"), whose,
                        percentOf(risk.used, risk.available), *agency.maxSystemsPerWave);
      }
      if (agency.maxEffortPerWave && nearLimit(effortIn[l], *agency.maxEffortPerWave)) {
        effortRiskOf[l] = static_cast<uint32_t>(risks_.size());
        Risk& risk = agencyRisk(fmt::format("{} effort per wave", models::shownText(agency.code)),
                                effortIn[l], *agency.maxEffortPerWave);
        risk.summary = fmt::format(
            "{} takes {:g} effort days of {}, {} of its max_effort_per_wave {:g}", waveLabel(w),
            effortIn[l], whose, percentOf(risk.used, risk.available), *agency.maxEffortPerWave);
      }
    }
    // The agencies whose systems a limit near its end counts: an office's page lists the risk
    // that its ministry's limit runs, when its systems are part of it.
    if (any) {
      for (SystemIndex s : w.systems) {
        chainOf(s, [&](uint32_t l) {
          if (riskOf[l] != kNone) addAgency(risks_[riskOf[l]], s);
          if (effortRiskOf[l] != kNone) addAgency(risks_[effortRiskOf[l]], s);
        });
      }
    }
    for (uint32_t l : touched) {
      systemsIn[l] = 0;
      effortIn[l] = 0;
      criticalityIn[l] = models::Criticality::low;
      riskOf[l] = effortRiskOf[l] = kNone;
    }
  }
}

models::RiskRegister Assessor::finish() {
  for (Risk& risk : risks_) {
    std::sort(risk.agencies.begin(), risk.agencies.end());
    risk.agencies.erase(std::unique(risk.agencies.begin(), risk.agencies.end()),
                        risk.agencies.end());
  }
  // Each kind was added in the order of the inventory, so a stable sort keeps that order among
  // equal risks. Sorting their indices moves each risk once, not at every merge.
  std::vector<uint32_t> order(risks_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (risks_[a].exposure != risks_[b].exposure) return risks_[a].exposure > risks_[b].exposure;
    return risks_[a].kind < risks_[b].kind;
  });
  models::RiskRegister register_;
  register_.risks.reserve(risks_.size());
  for (uint32_t i : order)
    register_.risks.push_back(std::move(risks_[i]));
  return register_;
}

}  // namespace

models::RiskRegister assessRisks(const models::Inventory& inventory, const models::Plan& plan) {
  if (plan.waves.empty() || plan.systems.size() != inventory.systems.size()) return {};
  Assessor assessor(inventory, plan);
  assessor.hybridLinksAndLostProviders();
  assessor.largeMoveGroups();
  assessor.wavesNearLimits();
  return assessor.finish();
}

}  // namespace cloudplan::engine
