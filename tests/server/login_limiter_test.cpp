#include "server/login_limiter.h"

#include <catch2/catch.hpp>

using cloudplan::server::LoginLimiter;
using namespace std::chrono_literals;

TEST_CASE("a client is refused after its failures fill the window, and told when to retry",
          "[login_limiter]") {
  LoginLimiter limiter(3, 60s);
  const auto t0 = LoginLimiter::Clock::time_point{} + 1000s;
  long retry = 0;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(limiter.allows("10.0.0.1", t0 + std::chrono::seconds(i), retry));
    limiter.failed("10.0.0.1", t0 + std::chrono::seconds(i));
  }
  CHECK_FALSE(limiter.allows("10.0.0.1", t0 + 10s, retry));
  CHECK(retry == 51);
  CHECK(limiter.allows("10.0.0.2", t0 + 10s, retry));  // another client is not held up
  CHECK(limiter.allows("10.0.0.1", t0 + 60s, retry));  // the window has passed
}

TEST_CASE("failures are forgotten only as the window passes", "[login_limiter]") {
  LoginLimiter limiter(2, 60s);
  const auto t0 = LoginLimiter::Clock::time_point{} + 1000s;
  long retry = 0;
  limiter.failed("a", t0);
  limiter.failed("a", t0 + 1s);
  CHECK_FALSE(limiter.allows("a", t0 + 2s, retry));
  CHECK(limiter.allows("a", t0 + 61s, retry));
}
