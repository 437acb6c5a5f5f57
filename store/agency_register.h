// The national register of agencies as a tree: which codes exist, and the agencies an agency's
// submission speaks for (itself and every agency below it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/stored_rows.h"

namespace cloudplan::store {

class AgencyRegister {
 public:
  explicit AgencyRegister(std::vector<AgencyRow> rows);

  bool has(std::string_view code) const { return index_.contains(std::string(code)); }
  // The agency and every agency below it, in register order.
  std::vector<std::string> scopeOf(std::string_view code) const;
  // The closest code to a mistyped one, for did-you-mean.
  std::optional<std::string_view> closest(std::string_view code) const;
  const std::vector<AgencyRow>& rows() const { return rows_; }

 private:
  std::vector<AgencyRow> rows_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace cloudplan::store
