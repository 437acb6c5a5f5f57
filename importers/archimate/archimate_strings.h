// Text that outlives a parsed XML document: the strings an ArchiMate reader keeps (names, values,
// identifiers) are copied into large blocks that the inventory owns, so every view into them stays
// valid as long as the inventory, at the cost of one allocation per megabyte rather than per
// string.
#pragma once

#include <string>
#include <string_view>

#include "models/inventory.h"

namespace cloudplan::importers {

class ArchimateStrings {
 public:
  explicit ArchimateStrings(models::Inventory& inventory) : inventory_(inventory) {}

  // A copy of `text` that lives as long as the inventory.
  std::string_view keep(std::string_view text);

 private:
  static constexpr size_t kBlockSize = size_t{1} << 20;
  models::Inventory& inventory_;
  std::string* block_ = nullptr;  // appended to within its capacity only, so it never moves
};

}  // namespace cloudplan::importers
