#include "models/plural.h"

namespace cloudplan::models {

std::string plural(size_t n, std::string_view one, std::string_view many) {
  std::string text = std::to_string(n);
  text += ' ';
  text += n == 1 ? one : many;
  return text;
}

}  // namespace cloudplan::models
