// The store as the cli's input: opened with a message a user can act on, and the national
// inventory read from it for plan and validate.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "models/diagnostic.h"
#include "store/national_inventory.h"
#include "store/store_database.h"

namespace cloudplan::cli {

// Prints `COMMAND: error: ...` when the store cannot be opened.
std::optional<store::StoreDatabase> openStore(std::string_view command, const std::string& path);

// The national inventory as it stands. Its references to systems the store does not have are
// errors naming each (plan cannot order what it does not know), or with `dropUnresolved` warnings
// that say what was left out; with `unresolvedAreWarnings` (validate) warnings that keep them.
enum class Unresolved { refuse, drop, warn };
store::NationalInventory inventoryFromStore(store::StoreDatabase& store, Unresolved unresolved,
                                            models::Diagnostics& diagnostics);

}  // namespace cloudplan::cli
