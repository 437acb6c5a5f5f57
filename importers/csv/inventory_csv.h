// The inventory CSV format of docs/inventory-format.md: systems, dependencies and agencies files,
// each told apart by its header.
#pragma once

#include <string>
#include <string_view>

#include "importers/inventory_builder.h"

namespace cloudplan::importers {

// The kind a CSV header announces: systems, dependencies, agencies, archiCsv (Archi's export
// layout) or unknown.
models::InputKind csvKindOf(std::string_view firstLine);

// Reads one CSV file's text (UTF-8, without a byte-order mark) into the builder. The file must
// already be registered with builder.addFile(); `file` is its index.
void readInventoryCsv(InventoryBuilder& builder, uint32_t file, std::string text);

}  // namespace cloudplan::importers
