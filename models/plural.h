// Counts in words people read: "1 error", "2 errors". Every message and page says it one way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cloudplan::models {

std::string plural(size_t n, std::string_view one, std::string_view many);

}  // namespace cloudplan::models
