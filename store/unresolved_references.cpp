#include "store/unresolved_references.h"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "models/plural.h"

namespace cloudplan::store {

NationalInventory inventoryFromStore(StoreDatabase& store, Unresolved unresolved,
                                     models::Diagnostics& diagnostics) {
  NationalInventory national = loadNationalInventory(store);
  models::Inventory& inventory = national.inventory;
  std::map<std::string_view, size_t> byAgency;
  for (const auto& d : inventory.outsideDependencies) {
    const models::System& consumer = inventory.systems[d.consumer];
    const std::string_view agency =
        consumer.agency == models::kNone ? "" : inventory.agencies[consumer.agency].code;
    ++byAgency[agency];
    const std::string what =
        fmt::format("{} of {} depends on {}, which the store does not have",
                    models::quoted(consumer.id), agency, models::quoted(d.provider));
    switch (unresolved) {
      case Unresolved::refuse:
        diagnostics.error("unresolved-reference", inventory.fileOf(d.where), d.where.line,
                          fmt::format("{} (it resolves when its agency submits it; "
                                      "--drop-unresolved plans without it)",
                                      what));
        break;
      case Unresolved::drop:
        diagnostics.warning("unresolved-reference", inventory.fileOf(d.where), d.where.line,
                            fmt::format("{}: left out of this plan (--drop-unresolved)", what));
        break;
      case Unresolved::warn:
        diagnostics.warning("unresolved-reference", inventory.fileOf(d.where), d.where.line,
                            fmt::format("{} (it resolves when its agency submits it)", what));
        break;
    }
  }
  if (!byAgency.empty()) {
    std::vector<std::string> counts;
    for (const auto& [agency, count] : byAgency)
      counts.push_back(fmt::format("{} {}", agency, count));
    const std::string summary =
        fmt::format("{} to systems the store does not have: {}",
                    models::plural(inventory.outsideDependencies.size(), "reference", "references"),
                    fmt::join(counts, ", "));
    if (unresolved == Unresolved::refuse) {
      diagnostics.error("unresolved-references", store.path(), 0,
                        fmt::format("{} (cloudplan store status {} lists them; plan again when "
                                    "their agencies have submitted, or with --drop-unresolved)",
                                    summary, store.path()));
    } else {
      diagnostics.note("unresolved-references", store.path(), 0, summary);
    }
  }
  if (unresolved == Unresolved::drop) inventory.outsideDependencies.clear();
  return national;
}

}  // namespace cloudplan::store
