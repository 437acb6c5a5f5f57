#include "models/vocabulary.h"

namespace cloudplan::models {

std::string lowercased(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

double defaultEffortDays(Strategy strategy) {
  static constexpr double kEffort[] = {10, 20, 60, 30, 5, 2, 0};
  return kEffort[static_cast<size_t>(strategy)];
}

}  // namespace cloudplan::models
