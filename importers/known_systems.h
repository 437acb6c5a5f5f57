// Systems defined outside the files being read: the national register of ids (validate --known)
// or the store's inventory (submit). The builder resolves references to them instead of
// reporting them unknown; it looks here only for an id the files do not define.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <tsl/robin_map.h>

namespace cloudplan::importers {

// It owns its strings: each is copied once into large blocks (a national register holds 10^5 to
// 10^6 systems), which never move, so the views it hands out live as long as it does.
class KnownSystems {
 public:
  KnownSystems() = default;
  KnownSystems(KnownSystems&&) = default;
  KnownSystems& operator=(KnownSystems&&) = default;
  // A copy's views would point into the original's blocks.
  KnownSystems(const KnownSystems&) = delete;
  KnownSystems& operator=(const KnownSystems&) = delete;

  // False, and nothing changed, when `id` is there already: the first entry stays.
  bool add(std::string_view id, std::string_view agency, std::string_view name);

  struct Entry {
    std::string_view id, agency, name;
  };
  std::optional<Entry> find(std::string_view id) const;
  size_t size() const { return entries_.size(); }
  // Every id in the order added, for did-you-mean.
  std::vector<std::string_view> ids() const;

 private:
  std::string_view copy(std::string_view text);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused end of the last block
  size_t freeSize_ = 0;
  std::vector<Entry> entries_;
  // Stored hashes spare a string comparison on every probe that cannot match.
  tsl::robin_map<std::string_view, uint32_t, std::hash<std::string_view>,
                 std::equal_to<std::string_view>,
                 std::allocator<std::pair<std::string_view, uint32_t>>, true>
      index_;
};

}  // namespace cloudplan::importers
