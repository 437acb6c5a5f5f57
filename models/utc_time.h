// Times of the national store's history: UTC to the second, written YYYY-MM-DDTHH:MM:SSZ, so that
// their text sorts as they do.
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::models {

// `YYYY-MM-DDTHH:MM:SSZ` with a real date and a real time of day.
bool isUtcTime(std::string_view text);

// Now, as YYYY-MM-DDTHH:MM:SSZ: CLOUDPLAN_NOW when it is set to a UTC time (tests and demos fix
// the clock with it), the system clock otherwise. Its first ten characters are today's date.
std::string utcNow();

// `seconds` after a UTC time (session expiries); empty when `utc` is not one.
std::string utcLater(std::string_view utc, long seconds);

}  // namespace cloudplan::models
