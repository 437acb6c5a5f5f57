// The store as the cli's input: opened with a message a user can act on. The national inventory
// read from it for plan and validate is store::inventoryFromStore (unresolved_references.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/store_database.h"

namespace cloudplan::cli {

// Prints `COMMAND: error: ...` when the store cannot be opened.
std::optional<store::StoreDatabase> openStore(std::string_view command, const std::string& path);

}  // namespace cloudplan::cli
