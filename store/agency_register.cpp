#include "store/agency_register.h"

#include <fmt/format.h>

#include "importers/suggest.h"
#include "models/diagnostic.h"

namespace cloudplan::store {

AgencyRegister::AgencyRegister(std::vector<AgencyRow> rows) : rows_(std::move(rows)) {
  for (size_t i = 0; i < rows_.size(); ++i)
    index_.emplace(rows_[i].code, i);
}

std::vector<std::string> AgencyRegister::scopeOf(std::string_view code) const {
  std::vector<bool> inScope(rows_.size(), false);
  const auto root = index_.find(std::string(code));
  if (root == index_.end()) return {};
  inScope[root->second] = true;
  // Parents may come after their children in the register: repeat until nothing changes (the
  // register has no parent cycles: its importer refuses them).
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < rows_.size(); ++i) {
      if (inScope[i] || rows_[i].parent.empty()) continue;
      const auto parent = index_.find(rows_[i].parent);
      if (parent != index_.end() && inScope[parent->second]) grew = inScope[i] = true;
    }
  }
  std::vector<std::string> scope;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (inScope[i]) scope.push_back(rows_[i].code);
  }
  return scope;
}

std::optional<std::string> AgencyRegister::closest(std::string_view code) const {
  std::vector<std::string_view> codes;
  for (const auto& row : rows_)
    codes.push_back(row.code);
  importers::Suggester suggester(std::move(codes));
  const auto close = suggester.closest(code);
  return close ? std::optional(std::string(*close)) : std::nullopt;
}

std::string didYouMean(const std::optional<std::string>& suggestion, std::string_view otherwise) {
  if (suggestion) return fmt::format(" (did you mean {}?)", models::quoted(*suggestion));
  return std::string(otherwise);
}

}  // namespace cloudplan::store
