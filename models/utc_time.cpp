#include "models/utc_time.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "models/date.h"

namespace cloudplan::models {

bool isUtcTime(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || !parseDate(text.substr(0, 10))) {
    return false;
  }
  auto number = [&](size_t at) {
    const char a = text[at], b = text[at + 1];
    return (a < '0' || a > '9' || b < '0' || b > '9') ? 99 : (a - '0') * 10 + (b - '0');
  };
  return number(11) < 24 && number(14) < 60 && number(17) < 60;
}

namespace {

std::string formatUtc(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

std::string utcNow() {
  if (const char* fixed = std::getenv("CLOUDPLAN_NOW"); fixed && isUtcTime(fixed)) return fixed;
  return formatUtc(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

std::string utcLater(std::string_view utc, long seconds) {
  std::tm parts{};
  const std::string text(utc);
  if (!isUtcTime(text) || !strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts)) return {};
  return formatUtc(timegm(&parts) + seconds);
}

}  // namespace cloudplan::models
