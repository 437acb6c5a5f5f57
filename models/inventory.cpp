#include "models/inventory.h"

namespace cloudplan::models {

std::string& Inventory::keep(std::string text) {
  return text_.emplace_back(std::move(text));
}

std::optional<SystemIndex> Inventory::addSystem(const System& system) {
  const auto index = static_cast<SystemIndex>(systems.size());
  if (!systemIndex_.emplace(system.id, index).second) return std::nullopt;
  systems.push_back(system);
  return index;
}

std::optional<SystemIndex> Inventory::findSystem(std::string_view id) const {
  const auto it = systemIndex_.find(id);
  if (it == systemIndex_.end()) return std::nullopt;
  return it->second;
}

AgencyIndex Inventory::internAgency(std::string_view code) {
  const auto [it, inserted] = agencyIndex_.emplace(code, static_cast<AgencyIndex>(agencies.size()));
  if (inserted) agencies.push_back(Agency{.code = code});
  return it->second;
}

std::optional<AgencyIndex> Inventory::findAgency(std::string_view code) const {
  const auto it = agencyIndex_.find(code);
  if (it == agencyIndex_.end()) return std::nullopt;
  return it->second;
}

const std::string& Inventory::fileOf(SourceLocation where) const {
  static const std::string kNoFile;
  return where.file < files.size() ? files[where.file].path : kNoFile;
}

std::string Inventory::describe(SourceLocation where) const {
  std::string text = fileOf(where);
  if (where.line > 0) text += ":" + std::to_string(where.line);
  return text;
}

void Inventory::reserveMoreSystems(size_t more) {
  const size_t capacity = systems.capacity();
  reserveMore(systems, more);
  if (systems.capacity() != capacity) systemIndex_.reserve(systems.capacity());
}

}  // namespace cloudplan::models
