#include "importers/suggest.h"

#include <fmt/format.h>

#include <algorithm>

#include "models/diagnostic.h"

namespace cloudplan::importers {

std::string didYouMean(std::optional<std::string_view> suggestion, std::string_view otherwise) {
  if (suggestion) return fmt::format(" (did you mean {}?)", models::quoted(*suggestion));
  return std::string(otherwise);
}
namespace {

// Below this many names every question compares against all of them.
constexpr size_t kScanAlways = 256;
// Comparisons the full scan may spend over all questions; past it only the index answers.
constexpr uint64_t kScanBudget = 4'000'000;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Names longer than this are neither suggested nor given suggestions: nobody types a 5 MB id by
// hand, and the edit distance of two such names is quadratic in their length.
constexpr size_t kLongestName = 256;

// The largest distance at which a name still reads as a typo of another.
size_t plausibleDistance(std::string_view name) {
  return std::max<size_t>(2, name.size() / 3);
}

constexpr uint64_t kBase = 1'000'003;

// Hashes of the lower-cased name (with `skip` == npos) or of the name without character `skip`.
uint64_t variantHash(std::string_view name, size_t skip) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < name.size(); ++i) {
    if (i == skip) continue;
    h = h * kBase + static_cast<unsigned char>(lower(name[i]));
  }
  return h ^ (name.size() - (skip == std::string_view::npos ? 0 : 1));
}

template <class Visit>
void forEachVariant(std::string_view name, Visit visit) {
  visit(variantHash(name, std::string_view::npos));
  for (size_t i = 0; i < name.size(); ++i)
    visit(variantHash(name, i));
}

}  // namespace

size_t editDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  // Optimal string alignment: two rows back as well, so that swapped neighbours cost one edit.
  std::vector<size_t> before(a.size() + 1), previous(a.size() + 1), row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i)
    row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    std::swap(before, previous);
    std::swap(previous, row);
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      const size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[i] = std::min({previous[i] + 1, row[i - 1] + 1, previous[i - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        row[i] = std::min(row[i], before[i - 2] + 1);
      }
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return std::min(row[a.size()], limit + 1);
}

Suggester::Suggester(std::vector<std::string_view> known)
    : known_(std::move(known)), scanBudget_(kScanBudget) {}

std::optional<std::string_view> Suggester::closest(std::string_view unknown) {
  if (unknown.size() > kLongestName) return std::nullopt;
  if (known_.size() <= kScanAlways) return closestByScan(unknown);
  if (auto found = closestByIndex(unknown)) return found;
  if (scanBudget_ < known_.size()) return std::nullopt;
  scanBudget_ -= known_.size();
  return closestByScan(unknown);
}

void Suggester::buildIndex() {
  indexed_ = true;
  size_t total = 0;
  for (std::string_view name : known_)
    total += name.size() <= kLongestName ? name.size() + 1 : 0;
  deletions_.reserve(total);
  for (uint32_t k = 0; k < known_.size(); ++k) {
    if (known_[k].size() > kLongestName) continue;
    forEachVariant(known_[k], [&](uint64_t h) { deletions_.emplace_back(h, k); });
  }
  std::sort(deletions_.begin(), deletions_.end());
}

std::optional<std::string_view> Suggester::closestByIndex(std::string_view unknown) {
  if (!indexed_) buildIndex();
  uint32_t best = UINT32_MAX;
  size_t bestDistance = plausibleDistance(unknown) + 1;
  forEachVariant(unknown, [&](uint64_t h) {
    auto it = std::lower_bound(deletions_.begin(), deletions_.end(), std::make_pair(h, 0u));
    for (; it != deletions_.end() && it->first == h; ++it) {
      const uint32_t k = it->second;
      const size_t d = editDistance(unknown, known_[k], bestDistance);
      if (d < bestDistance || (d == bestDistance && k < best)) {
        best = k;
        bestDistance = d;
      }
    }
  });
  if (best == UINT32_MAX || bestDistance > plausibleDistance(unknown)) return std::nullopt;
  return known_[best];
}

std::optional<std::string_view> Suggester::closestByScan(std::string_view unknown) {
  std::optional<std::string_view> best;
  size_t bestDistance = plausibleDistance(unknown) + 1;
  for (std::string_view name : known_) {
    const size_t d = editDistance(unknown, name, bestDistance);
    if (d < bestDistance) {  // strictly closer: the earlier of equally close names stays
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

}  // namespace cloudplan::importers
