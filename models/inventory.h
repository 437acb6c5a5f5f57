// The government-wide inventory: every system, dependency and agency of one run's input files,
// interned into dense indices. It owns every string; the views in its records point into it.
#pragma once

#include <algorithm>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tsl/robin_map.h>

#include "models/agency.h"
#include "models/dependency.h"
#include "models/system.h"

namespace cloudplan::models {

// `store`: the national store a plan was made from (plan --store), named `STORE#N` after the
// last submission it holds; the files of the submissions follow it.
enum class InputKind : uint8_t {
  systems,
  dependencies,
  agencies,
  archimate,
  archiCsv,
  store,
  unknown
};

template <>
struct Vocabulary<InputKind> {
  static constexpr std::array<std::string_view, 7> names = {
      "systems", "dependencies", "agencies", "archimate", "archi-csv", "store", "unknown"};
};

struct InputFile {
  std::string path;
  InputKind kind = InputKind::unknown;
  std::string sha256;  // hex; empty when it was not computed
};

struct Property {
  std::string_view key;
  std::string_view value;
};

// Room for `more` elements beyond the size, growing geometrically so that many small
// reservations (one per file) stay linear overall.
template <class Vector>
void reserveMore(Vector& vector, size_t more) {
  const size_t needed = vector.size() + more;
  if (needed > vector.capacity()) vector.reserve(std::max(needed, 2 * vector.capacity()));
}

class Inventory {
 public:
  std::vector<InputFile> files;
  std::vector<System> systems;  // in input order; SystemIndex is the position
  std::vector<Dependency> dependencies;
  // Only when the files were read against a register of systems defined elsewhere
  // (importers::ReadOptions::known); the engine never plans such an inventory.
  std::vector<OutsideDependency> outsideDependencies;
  std::vector<Agency> agencies;
  std::vector<Property> properties;

  // Keeps `text` alive as long as the inventory. Importers parse a file's buffer in place through
  // the returned reference, so that records can view it without copies.
  std::string& keep(std::string text);

  // Adds a system under its id; nullopt when the id is taken (the caller reports it).
  std::optional<SystemIndex> addSystem(const System& system);
  std::optional<SystemIndex> findSystem(std::string_view id) const;

  // The agency with this code, created undeclared when no file declared it yet.
  AgencyIndex internAgency(std::string_view code);
  std::optional<AgencyIndex> findAgency(std::string_view code) const;

  std::span<const Property> propertiesOf(PropertyRange range) const {
    return {properties.data() + range.first, range.count};
  }
  // "path:line", or "path" for a whole file.
  std::string describe(SourceLocation where) const;
  const std::string& fileOf(SourceLocation where) const;

  // Room for `more` systems beyond those held, growing geometrically across files.
  void reserveMoreSystems(size_t more);

 private:
  std::deque<std::string> text_;  // a deque never moves its elements, so views stay valid
  // Open addressing: interning 10^5 ids is the importers' hottest loop.
  // Stored hashes spare a string comparison on every probe that cannot match.
  template <class Value>
  using IdMap = tsl::robin_map<std::string_view, Value, std::hash<std::string_view>,
                               std::equal_to<std::string_view>,
                               std::allocator<std::pair<std::string_view, Value>>, true>;
  IdMap<SystemIndex> systemIndex_;
  IdMap<AgencyIndex> agencyIndex_;
};

}  // namespace cloudplan::models
