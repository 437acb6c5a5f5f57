// "Did you mean ...?": the closest known name to a misspelt one, by edit distance.
// Built to answer many questions over a large vocabulary (10^4 unknown ids among 10^5 known):
// an index of one-character deletions finds the near neighbours without comparing every pair.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudplan::importers {

// Edit distance ignoring letter case, where swapping two neighbouring letters is one edit
// (optimal string alignment); stops early and returns `limit + 1` once the
// distance is known to exceed `limit`.
size_t editDistance(std::string_view a, std::string_view b, size_t limit);

// " (did you mean 'X'?)" for a suggestion, `otherwise` without one: the ending of a message.
std::string didYouMean(std::optional<std::string_view> suggestion, std::string_view otherwise = {});

class Suggester {
 public:
  // `known` must outlive the suggester; its order breaks ties between equally close names.
  explicit Suggester(std::vector<std::string_view> known);

  // The closest known name, if one is close enough to be a plausible typo.
  std::optional<std::string_view> closest(std::string_view unknown);

 private:
  void buildIndex();
  std::optional<std::string_view> closestByIndex(std::string_view unknown);
  std::optional<std::string_view> closestByScan(std::string_view unknown);

  std::vector<std::string_view> known_;
  std::vector<std::pair<uint64_t, uint32_t>> deletions_;  // (hash of a variant, known index)
  bool indexed_ = false;
  uint64_t scanBudget_;  // comparisons left for the full scan, so many misses stay fast
};

}  // namespace cloudplan::importers
