#include "store/agency_register.h"

#include "importers/suggest.h"

namespace cloudplan::store {

AgencyRegister::AgencyRegister(std::vector<AgencyRow> rows) : rows_(std::move(rows)) {
  for (size_t i = 0; i < rows_.size(); ++i)
    index_.emplace(rows_[i].code, i);
}

std::vector<std::string> AgencyRegister::scopeOf(std::string_view code) const {
  const auto root = index_.find(std::string(code));
  if (root == index_.end()) return {};
  // Children lists once, then breadth first: linear however deep the register nests.
  std::vector<std::vector<size_t>> children(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    const auto parent = index_.find(rows_[i].parent);
    if (parent != index_.end() && parent->second != i) children[parent->second].push_back(i);
  }
  std::vector<bool> inScope(rows_.size(), false);
  std::vector<size_t> queue{root->second};
  inScope[root->second] = true;
  for (size_t next = 0; next < queue.size(); ++next) {
    for (const size_t child : children[queue[next]]) {
      if (inScope[child]) continue;  // a cycle the register refused, should one be stored
      inScope[child] = true;
      queue.push_back(child);
    }
  }
  std::vector<std::string> scope;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (inScope[i]) scope.push_back(rows_[i].code);
  }
  return scope;
}

std::optional<std::string_view> AgencyRegister::closest(std::string_view code) const {
  std::vector<std::string_view> codes;
  for (const auto& row : rows_)
    codes.push_back(row.code);
  return importers::Suggester(std::move(codes)).closest(code);
}

}  // namespace cloudplan::store
