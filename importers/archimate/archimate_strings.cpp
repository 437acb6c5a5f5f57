#include "importers/archimate/archimate_strings.h"

#include <algorithm>

namespace cloudplan::importers {

std::string_view ArchimateStrings::keep(std::string_view text) {
  if (text.empty()) return {};
  if (block_ == nullptr || block_->capacity() - block_->size() < text.size()) {
    std::string block;
    block.reserve(std::max(kBlockSize, text.size()));
    block_ = &inventory_.keep(std::move(block));
  }
  const size_t at = block_->size();
  block_->append(text);
  return std::string_view(*block_).substr(at, text.size());
}

}  // namespace cloudplan::importers
