// Gathers what the importers read from every file of a run, then resolves what spans files:
// references to systems and agencies (with suggestions), self-dependencies, repeated pairs and
// agency parent cycles. Importers of every format feed the same builder, so the rules every id
// obeys whatever its format (none starts like a spreadsheet formula) are checked here. Read
// against systems defined elsewhere (KnownSystems), a reference to one of them becomes an
// Inventory::outsideDependencies entry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importers/known_systems.h"
#include "models/diagnostic.h"
#include "models/inventory.h"

namespace cloudplan::importers {

// A dependency whose ends are still ids, as written in a file.
struct PendingDependency {
  std::string_view consumer;
  std::string_view provider;
  models::SystemIndex consumerIndex = models::kNone;  // known already when a system row lists it
  models::Coupling coupling = models::Coupling::normal;
  std::string_view kind;
  std::string_view description;
  models::PropertyRange properties;
  models::SourceLocation where;
  // The columns the ids were written in: "from" and "to", or "id" and "depends_on", ...
  std::string_view consumerColumn;
  std::string_view providerColumn;
  // The ArchiMate relationship it was read from, if any (see models::Dependency).
  std::string_view archimateIdentifier;
  std::string_view archimateType;
};

class InventoryBuilder {
 public:
  explicit InventoryBuilder(models::Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  models::Inventory& inventory() { return inventory_; }
  models::Diagnostics& diagnostics() { return diagnostics_; }

  // References to systems the files do not define are looked up in `known` (not owned; it must
  // outlive finish()). Those in neither are errors, or with `keepUnknownReferences` warnings
  // kept as unresolved outside dependencies (see ReadOptions).
  void resolveAgainst(const KnownSystems* known, bool keepUnknownReferences) {
    known_ = known;
    keepUnknownReferences_ = keepUnknownReferences;
  }

  uint32_t addFile(std::string path, models::InputKind kind, std::string sha256 = {});
  void addDependency(const PendingDependency& dependency) { pending_.push_back(dependency); }
  void reserveDependencies(size_t more) { models::reserveMore(pending_, more); }
  void setParent(models::AgencyIndex agency, std::string_view parentCode) {
    pendingParents_.emplace_back(agency, parentCode);
  }

  // Checks the ids and agency codes, resolves every pending reference and hands over the
  // inventory.
  models::Inventory finish();

  // "file:line" of a record, for messages.
  std::string describe(models::SourceLocation where) const { return inventory_.describe(where); }
  void error(models::SourceLocation where, std::string_view code, std::string message);
  void warning(models::SourceLocation where, std::string_view code, std::string message);

 private:
  void refuseFormulaIds();
  void resolveDependencies();
  struct Outside {
    models::SystemIndex consumer;
    uint32_t pending;
    bool known;
  };
  void mergeOutsideDependencies(const std::vector<Outside>& outside);
  template <class Suggest>
  void reportUnknownConsumer(const PendingDependency& p, Suggest&& suggest);
  void reportRepeat(const PendingDependency& p, models::SourceLocation first,
                    models::Coupling kept);
  void resolveAgencies();
  void reportParentCycles();

  models::Diagnostics& diagnostics_;
  models::Inventory inventory_;
  std::vector<PendingDependency> pending_;
  std::vector<std::pair<models::AgencyIndex, std::string_view>> pendingParents_;
  const KnownSystems* known_ = nullptr;
  bool keepUnknownReferences_ = false;
};

}  // namespace cloudplan::importers
