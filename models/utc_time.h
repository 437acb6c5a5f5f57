// Times of the national store's history: UTC to the second, written YYYY-MM-DDTHH:MM:SSZ, so that
// their text sorts as they do.
#pragma once

#include <string_view>

namespace cloudplan::models {

// `YYYY-MM-DDTHH:MM:SSZ` with a real date and a real time of day.
bool isUtcTime(std::string_view text);

}  // namespace cloudplan::models
