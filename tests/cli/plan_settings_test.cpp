#include "cli/plan_settings.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

namespace cloudplan::cli {
namespace {

std::string refusal(std::string_view option, std::string_view text, const NumberRange& range) {
  std::string error;
  CHECK_FALSE(readNumberOption(option, text, range, error));
  return error;
}

TEST_CASE("a number option in its range is read") {
  std::string error;
  CHECK(readNumberOption("--wave-effort", "7.5", kWaveEffortRange, error) == 7.5);
  CHECK(readNumberOption("--wave-effort", "1e3", kWaveEffortRange, error) == 1000);
  CHECK(readNumberOption("--wave-effort", "1000000000", kWaveEffortRange, error) == 1e9);
  CHECK(readNumberOption("--wave-capacity", "1", kWaveCapacityRange, error) == 1);
  CHECK(readNumberOption("--wave-capacity", "10000000", kWaveCapacityRange, error) == 1e7);
  CHECK(readNumberOption("--wave-length", "366", kWaveLengthRange, error) == 366);
  CHECK(readNumberOption("--depth", "0", kDepthRange, error) == 0);
  CHECK(error.empty());
}

TEST_CASE("an infinite or huge effort is refused, naming the option and its range") {
  const std::string message = " is not a number from 0.01 to 1000000000 (effort-days in a wave)";
  CHECK(refusal("--wave-effort", "1e999", kWaveEffortRange) == "--wave-effort '1e999'" + message);
  CHECK(refusal("--wave-effort", "inf", kWaveEffortRange) == "--wave-effort 'inf'" + message);
  CHECK(refusal("--wave-effort", "nan", kWaveEffortRange) == "--wave-effort 'nan'" + message);
  CHECK(refusal("--wave-effort", "1e10", kWaveEffortRange) == "--wave-effort '1e10'" + message);
  CHECK(refusal("--wave-effort", "0", kWaveEffortRange) == "--wave-effort '0'" + message);
  CHECK(refusal("--wave-effort", "-5", kWaveEffortRange) == "--wave-effort '-5'" + message);
  CHECK(refusal("--wave-effort", "ten", kWaveEffortRange) == "--wave-effort 'ten'" + message);
  CHECK(refusal("--wave-effort", "7.5d", kWaveEffortRange) == "--wave-effort '7.5d'" + message);
  CHECK(refusal("--wave-effort", "", kWaveEffortRange) == "--wave-effort ''" + message);
}

TEST_CASE("a whole-number option refuses fractions, signs and numbers past its range") {
  const std::string message = " is not a whole number from 1 to 10000000 (systems in a wave)";
  for (const char* text : {"0", "-1", "+1", "2.5", "1e3", "10000001", "99999999999999999999999"}) {
    INFO(text);
    CHECK(refusal("--wave-capacity", text, kWaveCapacityRange) ==
          "--wave-capacity '" + std::string(text) + "'" + message);
  }
  CHECK(refusal("--wave-length", "367", kWaveLengthRange) ==
        "--wave-length '367' is not a whole number from 1 to 366 (days in a wave)");
  CHECK(refusal("--depth", "1001", kDepthRange) ==
        "--depth '1001' is not a whole number from 0 to 1000 (links around a --focus system)");
}

// planSettingsFrom's usage errors, as printed on stderr.
std::string usageOf(const PlanOptions& options) {
  std::ostringstream captured;
  auto* saved = std::cerr.rdbuf(captured.rdbuf());
  const auto settings = planSettingsFrom(options);
  std::cerr.rdbuf(saved);
  CHECK_FALSE(settings);
  return captured.str();
}

TEST_CASE("a start date whose first wave would end after 9999-12-31 is refused") {
  PlanOptions options;
  options.start = "9999-12-31";
  CHECK(usageOf(options) ==
        "cloudplan plan: error: --start '9999-12-31' leaves no room for wave 1: 28 days from it "
        "end after 9999-12-31, the last day a plan can have (start earlier)\n");
  options.start = "9999-12-04";  // wave 1 ends on 9999-12-31
  CHECK(planSettingsFrom(options));
  options.waveLengthDays = 1;
  options.start = "9999-12-31";
  CHECK(planSettingsFrom(options));
}

TEST_CASE("control characters in a refused option are escaped") {
  PlanOptions options;
  options.order = "x\x1b[2J";
  CHECK(usageOf(options) ==
        "cloudplan plan: error: --order 'x\\x1b[2J' is not one of providers-first, "
        "consumers-first, none\n");
}

}  // namespace
}  // namespace cloudplan::cli
