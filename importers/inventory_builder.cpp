#include "importers/inventory_builder.h"

#include <fmt/format.h>

#include <algorithm>

#include "importers/suggest.h"
#include "importers/system_fields.h"

namespace cloudplan::importers {

using models::AgencyIndex;
using models::Coupling;
using models::kNone;
using models::quoted;
using models::SystemIndex;

uint32_t InventoryBuilder::addFile(std::string path, models::InputKind kind, std::string sha256) {
  inventory_.files.push_back(models::InputFile{std::move(path), kind, std::move(sha256)});
  return static_cast<uint32_t>(inventory_.files.size() - 1);
}

void InventoryBuilder::error(models::SourceLocation where, std::string_view code,
                             std::string message) {
  diagnostics_.error(code, inventory_.fileOf(where), where.line, std::move(message));
}

void InventoryBuilder::warning(models::SourceLocation where, std::string_view code,
                               std::string message) {
  diagnostics_.warning(code, inventory_.fileOf(where), where.line, std::move(message));
}

models::Inventory InventoryBuilder::finish() {
  refuseFormulaIds();
  resolveDependencies();
  resolveAgencies();
  reportParentCycles();
  pending_.clear();
  pendingParents_.clear();
  return std::move(inventory_);
}

namespace {

// What a spreadsheet would take for the start of a formula (OWASP's list), described for a
// message; nullopt when the text starts otherwise.
std::optional<std::string> formulaStartOf(std::string_view text) {
  if (text.empty()) return std::nullopt;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
      return quoted(text.substr(0, 1));
    case '\t':
      return "a tab";
    case '\r':
      return "a carriage return";
    default:
      return std::nullopt;
  }
}

}  // namespace

// The CSV outputs make a cell that starts like a formula inert with a leading apostrophe, which
// would change an id or a code: `-s6` would come back as `'-s6`. Such ids are refused instead.
// The system stays in the inventory, so that the rows naming it are not reported as well.
void InventoryBuilder::refuseFormulaIds() {
  const auto& agencies = inventory_.agencies;
  std::vector<bool> reported(agencies.size(), false);
  auto refuseCode = [&](AgencyIndex a, models::SourceLocation where) {
    if (reported[a]) return;
    reported[a] = true;
    if (const auto start = formulaStartOf(agencies[a].code)) {
      error(where, "malformed-id",
            fmt::format("agency code {} starts with {} (a spreadsheet would read it as a formula; "
                        "start codes with a letter or digit)",
                        quoted(agencies[a].code), *start));
    }
  };
  for (AgencyIndex a = 0; a < agencies.size(); ++a) {
    if (agencies[a].where.file != kNone) refuseCode(a, agencies[a].where);
  }
  for (const auto& system : inventory_.systems) {
    if (const auto start = formulaStartOf(system.id)) {
      error(system.where, "malformed-id",
            fmt::format("id {} starts with {} (a spreadsheet would read it as a formula; start "
                        "ids with a letter or digit)",
                        quoted(system.id), *start));
    }
    // A code no file declares is reported where a system first names it.
    if (system.agency != kNone) refuseCode(system.agency, system.where);
  }
}

void InventoryBuilder::resolveDependencies() {
  auto& inventory = inventory_;
  // Built on the first unknown id only. A consumer must be one of the files' systems; a provider
  // may be a known one too, and the files' ids come first to win ties.
  std::optional<Suggester> inFiles, anywhere;
  auto suggest = [&](std::optional<Suggester>& suggester, std::string_view id, bool withKnown) {
    if (!suggester) {
      std::vector<std::string_view> ids;
      ids.reserve(inventory.systems.size() + (withKnown ? known_->size() : 0));
      for (const auto& s : inventory.systems)
        ids.push_back(s.id);
      if (withKnown) {
        const std::vector<std::string_view> known = known_->ids();
        ids.insert(ids.end(), known.begin(), known.end());
      }
      suggester.emplace(std::move(ids));
    }
    return suggester->closest(id);
  };
  auto suggestConsumer = [&](std::string_view id) { return suggest(inFiles, id, false); };
  auto suggestProvider = [&](std::string_view id) {
    return known_ ? suggest(anywhere, id, true) : suggest(inFiles, id, false);
  };
  struct Resolved {
    SystemIndex consumer, provider;
    uint32_t pending;
  };
  std::vector<Resolved> resolved;
  resolved.reserve(pending_.size());
  std::vector<Outside> outside;
  std::string_view lastConsumerId;
  std::optional<SystemIndex> lastConsumer;
  for (uint32_t i = 0; i < pending_.size(); ++i) {
    const PendingDependency& p = pending_[i];
    // Dependencies files list a consumer's rows together: the last lookup often answers.
    if (p.consumerIndex == kNone && p.consumer != lastConsumerId) {
      lastConsumerId = p.consumer;
      lastConsumer = inventory.findSystem(p.consumer);
    }
    const auto consumer = p.consumerIndex != kNone ? std::optional(p.consumerIndex) : lastConsumer;
    if (!consumer) reportUnknownConsumer(p, suggestConsumer);
    const auto provider = inventory.findSystem(p.provider);
    if (provider) {
      if (!consumer) continue;
      if (*consumer == *provider) {
        const std::string fix = p.providerColumn == "to"
                                    ? std::string("remove this row")
                                    : fmt::format("remove it from {}", p.providerColumn);
        error(p.where, "self-dependency",
              fmt::format("system {} depends on itself ({})", quoted(p.consumer), fix));
        continue;
      }
      resolved.push_back({*consumer, *provider, i});
      continue;
    }
    // Not a system of the files: another agency's, known or not (yet).
    const bool known = known_ && known_->find(p.provider);
    if (!known) {
      const auto suggestion = suggestProvider(p.provider);
      if (!keepUnknownReferences_) {
        error(p.where, "unknown-system",
              fmt::format("unknown system {} in {}{}", quoted(p.provider), p.providerColumn,
                          didYouMean(suggestion, " (define it in a systems file)")));
        continue;
      }
      // Kept, the id is written back as it is (an export's dependencies.csv), where a
      // spreadsheet would run one that starts like a formula: such a reference is refused.
      if (const auto start = formulaStartOf(p.provider)) {
        error(p.where, "malformed-id",
              fmt::format("reference to {} in {} starts with {} (ids start with a letter or "
                          "digit; a spreadsheet would read it as a formula)",
                          quoted(p.provider), p.providerColumn, *start));
        continue;
      }
      // No agency could ever define it: kept, it would stay unresolved for good.
      if (!isWellFormedId(p.provider)) {
        error(p.where, "malformed-id",
              fmt::format("reference to {} in {} is not an id (ids hold letters, digits and "
                          "-_.:/ only; fix the reference)",
                          quoted(p.provider), p.providerColumn));
        continue;
      }
      warning(p.where, "unresolved-reference",
              fmt::format("reference to {} in {} is not a system of the national inventory yet "
                          "({}kept unresolved until its agency submits it)",
                          quoted(p.provider), p.providerColumn,
                          suggestion ? fmt::format("did you mean {}? if not, ", quoted(*suggestion))
                                     : std::string()));
    }
    if (consumer) outside.push_back({*consumer, i, known});
  }
  mergeOutsideDependencies(outside);

  // The first listing of each (consumer, provider) pair: bucket the pairs by consumer (stable),
  // then one sweep per consumer with a stamp per provider. Linear, and cache-friendly where a
  // hash map of pairs is not.
  const size_t systems = inventory.systems.size();
  std::vector<uint32_t> start(systems + 1, 0);
  for (const Resolved& r : resolved)
    ++start[r.consumer + 1];
  for (size_t s = 0; s < systems; ++s)
    start[s + 1] += start[s];
  std::vector<uint32_t> byConsumer(resolved.size());
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (uint32_t k = 0; k < resolved.size(); ++k)
      byConsumer[next[resolved[k].consumer]++] = k;
  }
  std::vector<uint32_t> firstOf(resolved.size());
  std::vector<SystemIndex> stamp(systems, kNone);
  std::vector<uint32_t> firstForProvider(systems);
  for (size_t s = 0; s < systems; ++s) {
    for (uint32_t j = start[s]; j < start[s + 1]; ++j) {
      const uint32_t k = byConsumer[j];
      const SystemIndex provider = resolved[k].provider;
      if (stamp[provider] != s) {
        stamp[provider] = static_cast<SystemIndex>(s);
        firstForProvider[provider] = k;
      }
      firstOf[k] = firstForProvider[provider];
    }
  }

  std::vector<uint32_t> output(resolved.size());
  inventory.dependencies.reserve(resolved.size());
  for (uint32_t k = 0; k < resolved.size(); ++k) {
    const PendingDependency& p = pending_[resolved[k].pending];
    if (firstOf[k] == k) {
      output[k] = static_cast<uint32_t>(inventory.dependencies.size());
      inventory.dependencies.push_back(models::Dependency{
          resolved[k].consumer, resolved[k].provider, p.coupling, p.kind, p.description,
          p.properties, p.where, p.archimateIdentifier, p.archimateType});
      continue;
    }
    models::Dependency& first = inventory.dependencies[output[firstOf[k]]];
    const Coupling kept = std::max(first.coupling, p.coupling);
    reportRepeat(p, first.where, kept);
    first.coupling = kept;
    if (first.kind.empty()) first.kind = p.kind;
    if (first.description.empty()) first.description = p.description;
    if (first.properties.count == 0) first.properties = p.properties;
  }
}

template <class Suggest>
void InventoryBuilder::reportUnknownConsumer(const PendingDependency& p, Suggest&& suggest) {
  // Another agency's system: its owner lists its dependencies, in its own files.
  if (const auto entry = known_ ? known_->find(p.consumer) : std::nullopt) {
    error(
        p.where, "unknown-system",
        fmt::format("system {} in {} is not in these files: it is a system of {} (list the "
                    "dependencies of your own systems only)",
                    quoted(p.consumer), p.consumerColumn,
                    entry->agency.empty() ? std::string("another agency") : quoted(entry->agency)));
    return;
  }
  error(p.where, "unknown-system",
        fmt::format("unknown system {} in {}{}", quoted(p.consumer), p.consumerColumn,
                    didYouMean(suggest(p.consumer), " (define it in a systems file)")));
}

// The same rule as for pairs inside the files: a pair listed again is merged into its first
// listing, which keeps the strongest coupling.
void InventoryBuilder::mergeOutsideDependencies(const std::vector<Outside>& outside) {
  auto& kept = inventory_.outsideDependencies;
  if (outside.empty()) return;
  // Equal pairs side by side, each pair's listings in input order.
  std::vector<uint32_t> order(outside.size());
  for (uint32_t k = 0; k < order.size(); ++k)
    order[k] = k;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Outside &x = outside[a], &y = outside[b];
    if (x.consumer != y.consumer) return x.consumer < y.consumer;
    const int c = pending_[x.pending].provider.compare(pending_[y.pending].provider);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<uint32_t> firstOf(outside.size());
  for (size_t j = 0; j < order.size(); ++j) {
    const bool same = j > 0 && outside[order[j]].consumer == outside[order[j - 1]].consumer &&
                      pending_[outside[order[j]].pending].provider ==
                          pending_[outside[order[j - 1]].pending].provider;
    firstOf[order[j]] = same ? firstOf[order[j - 1]] : order[j];
  }
  std::vector<uint32_t> output(outside.size());
  models::reserveMore(kept, outside.size());
  for (uint32_t k = 0; k < outside.size(); ++k) {
    const PendingDependency& p = pending_[outside[k].pending];
    if (firstOf[k] == k) {
      output[k] = static_cast<uint32_t>(kept.size());
      kept.push_back(models::OutsideDependency{outside[k].consumer, p.provider, outside[k].known,
                                               p.coupling, p.kind, p.description, p.properties,
                                               p.where});
      continue;
    }
    models::OutsideDependency& first = kept[output[firstOf[k]]];
    const Coupling strongest = std::max(first.coupling, p.coupling);
    reportRepeat(p, first.where, strongest);
    first.coupling = strongest;
    if (first.kind.empty()) first.kind = p.kind;
    if (first.description.empty()) first.description = p.description;
    if (first.properties.count == 0) first.properties = p.properties;
  }
}

void InventoryBuilder::reportRepeat(const PendingDependency& p, models::SourceLocation first,
                                    Coupling kept) {
  warning(p.where, "repeated-dependency",
          fmt::format("dependency {} -> {} is listed again (first at {}); merged into one, "
                      "coupling {}",
                      quoted(p.consumer), quoted(p.provider), describe(first),
                      quoted(models::nameOf(kept))));
}

void InventoryBuilder::resolveAgencies() {
  auto& agencies = inventory_.agencies;
  std::vector<std::string_view> declared;
  for (const auto& a : agencies) {
    if (a.declared) declared.push_back(a.code);
  }
  if (declared.empty()) return;  // no agencies file: any code a system names is fine
  Suggester suggester(declared);
  for (auto& [agency, parentCode] : pendingParents_) {
    const auto parent = inventory_.findAgency(parentCode);
    if (parent && agencies[*parent].declared) {
      agencies[agency].parent = *parent;
      continue;
    }
    error(agencies[agency].where, "unknown-agency",
          fmt::format("unknown parent agency {} of {}{}", quoted(parentCode),
                      quoted(agencies[agency].code),
                      didYouMean(suggester.closest(parentCode), " (add it to the agencies file)")));
  }
  for (const auto& system : inventory_.systems) {
    if (system.agency == kNone || agencies[system.agency].declared) continue;
    const std::string_view code = agencies[system.agency].code;
    error(system.where, "unknown-agency",
          fmt::format("unknown agency {} of system {}{}", quoted(code), quoted(system.id),
                      didYouMean(suggester.closest(code), " (add it to the agencies file)")));
  }
}

void InventoryBuilder::reportParentCycles() {
  auto& agencies = inventory_.agencies;
  // 0: not visited, 1: on the current path, 2: done.
  std::vector<uint8_t> state(agencies.size(), 0);
  for (AgencyIndex start = 0; start < agencies.size(); ++start) {
    std::vector<AgencyIndex> path;
    AgencyIndex a = start;
    while (a != kNone && state[a] == 0) {
      state[a] = 1;
      path.push_back(a);
      a = agencies[a].parent;
    }
    if (a != kNone && state[a] == 1) {
      std::string chain;
      auto it = std::find(path.begin(), path.end(), a);
      for (auto c = it; c != path.end(); ++c)
        chain += fmt::format("{} -> ", agencies[*c].code);
      chain += agencies[a].code;
      error(agencies[a].where, "agency-cycle",
            fmt::format("agency parents form a cycle: {} (remove one of these parents)", chain));
      for (auto c = it; c != path.end(); ++c)
        agencies[*c].parent = kNone;
    }
    for (AgencyIndex p : path)
      state[p] = 2;
  }
}

}  // namespace cloudplan::importers
