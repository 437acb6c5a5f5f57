#include "importers/known_systems.h"

#include <cstring>

namespace cloudplan::importers {
namespace {

// 1 MiB blocks: a million entries of some 40 bytes take forty of them.
constexpr size_t kBlockSize = size_t{1} << 20;

}  // namespace

std::string_view KnownSystems::copy(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > freeSize_) {
    // A string longer than a block gets a block of its own, and the current block's rest is kept
    // for the next strings.
    if (text.size() > kBlockSize / 4) {
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      return {blocks_.back().get(), text.size()};
    }
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockSize));
    free_ = blocks_.back().get();
    freeSize_ = kBlockSize;
  }
  std::memcpy(free_, text.data(), text.size());
  const std::string_view copied(free_, text.size());
  free_ += text.size();
  freeSize_ -= text.size();
  return copied;
}

bool KnownSystems::add(std::string_view id, std::string_view agency, std::string_view name) {
  const std::string_view key = copy(id);
  if (!index_.try_emplace(key, static_cast<uint32_t>(entries_.size())).second) {
    // A repeated id: give its copy back when it is the last thing copied (it is, unless it took a
    // block of its own, which is then simply unused).
    if (!key.empty() && key.data() + key.size() == free_) {
      free_ -= key.size();
      freeSize_ += key.size();
    }
    return false;
  }
  entries_.push_back(Entry{key, copy(agency), copy(name)});
  return true;
}

std::optional<KnownSystems::Entry> KnownSystems::find(std::string_view id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return entries_[it->second];
}

std::vector<std::string_view> KnownSystems::ids() const {
  std::vector<std::string_view> ids;
  ids.reserve(entries_.size());
  for (const Entry& entry : entries_)
    ids.push_back(entry.id);
  return ids;
}

}  // namespace cloudplan::importers
