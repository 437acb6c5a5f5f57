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

namespace cloudplan::cli {
namespace {

// A setting's value read from text, as an option or --vary gives it: the options it leaves, or
// the messages.
std::vector<std::string> refusals(std::string_view name, std::vector<std::string> texts) {
  const Setting* setting = findSetting(name);
  REQUIRE(setting);
  PlanOptions options;
  std::vector<std::string> errors;
  CHECK_FALSE(applySetting(*setting, "--" + std::string(setting->option), texts, options, errors));
  return errors;
}

TEST_CASE("every setting is found by its option, with or without --, and by its key") {
  for (const Setting& setting : planSettings()) {
    INFO(setting.option);
    CHECK(findSetting(setting.option) == &setting);
    CHECK(findSetting("--" + std::string(setting.option)) == &setting);
    CHECK(findSetting(setting.key) == &setting);
  }
  CHECK(findSetting("wave_length")->key == "wave_length_days");
  CHECK(findSetting("wave-length-days") == nullptr);
  CHECK_FALSE(findSetting("wave-capacty"));
}

TEST_CASE("the settings' values are read into the options from text") {
  PlanOptions options;
  std::vector<std::string> errors;
  const auto apply = [&](std::string_view name, std::vector<std::string> texts) {
    CHECK(applySetting(*findSetting(name), name, texts, options, errors));
  };
  apply("order", {"consumers-first"});
  apply("wave-capacity", {"30"});
  apply("wave-effort", {"7.5"});
  apply("start", {"2028-02-07"});
  apply("wave-length", {"21"});
  apply("freeze", {"2027-12-20..2028-01-02", "2028-08-01..2028-08-15"});
  apply("allow-oversize", {"true"});
  apply("default-agency", {"MOF"});
  apply("encoding", {"windows-1252"});
  apply("archimate", {"true"});
  apply("render", {"false"});
  apply("format", {"svg,png", "pdf"});
  CHECK(errors.empty());
  CHECK(options.order == "consumers-first");
  CHECK(options.waveCapacity == 30u);
  CHECK(options.waveEffort == 7.5);
  CHECK(options.start == "2028-02-07");
  CHECK(options.waveLengthDays == 21);
  CHECK(options.freeze ==
        std::vector<std::string>{"2027-12-20..2028-01-02", "2028-08-01..2028-08-15"});
  CHECK(options.allowOversize);
  CHECK(options.defaultAgency == "MOF");
  CHECK(options.encoding == "windows-1252");
  CHECK(options.archimate);
  CHECK_FALSE(options.render);
  CHECK(options.formats == std::vector<std::string>{"svg", "png", "pdf"});
  // A list from a later source replaces the earlier one.
  apply("freeze", {"2029-01-01..2029-01-02"});
  CHECK(options.freeze == std::vector<std::string>{"2029-01-01..2029-01-02"});
}

TEST_CASE("a bad value of a setting is refused with the option's message, each one") {
  CHECK(refusals("wave-capacity", {"0"}) ==
        std::vector<std::string>{
            "--wave-capacity '0' is not a whole number from 1 to 10000000 (systems in a wave)"});
  CHECK(refusals("wave-length", {"367"}) ==
        std::vector<std::string>{
            "--wave-length '367' is not a whole number from 1 to 366 (days in a wave)"});
  CHECK(refusals("order", {"sideways"}) ==
        std::vector<std::string>{
            "--order 'sideways' is not one of providers-first, consumers-first, none"});
  CHECK(refusals("start", {"2027-02-30"}) ==
        std::vector<std::string>{"--start '2027-02-30' is not a date YYYY-MM-DD"});
  CHECK(refusals("freeze", {"2028-01-02..2027-12-20", "x"}) ==
        std::vector<std::string>{"--freeze '2028-01-02..2027-12-20' is not a window FROM..TO of "
                                 "dates (for example 2027-12-20..2028-01-02)",
                                 "--freeze 'x' is not a window FROM..TO of dates (for example "
                                 "2027-12-20..2028-01-02)"});
  CHECK(refusals("allow-oversize", {"yes"}) ==
        std::vector<std::string>{"--allow-oversize 'yes' is not true or false"});
  CHECK(refusals("encoding", {"koi8-r"}) ==
        std::vector<std::string>{"--encoding 'koi8-r' is not one of windows-1252, iso-8859-1"});
  CHECK(refusals("format", {"svg,gif"}) ==
        std::vector<std::string>{"--format 'gif' is not one of svg, png, pdf"});
}

TEST_CASE("a misspelt setting gets the closest name in the form of the place it was written") {
  CHECK(settingSuggestion("wave-capacty", SettingName::option, " (none)") ==
        " (did you mean 'wave-capacity'?)");
  CHECK(settingSuggestion("wave_capacty", SettingName::key, " (none)") ==
        " (did you mean 'wave_capacity'?)");
  CHECK(settingSuggestion("wave_length_days", SettingName::option, " (none)") ==
        " (did you mean 'wave-length'?)");
  CHECK(settingSuggestion("wave-length", SettingName::key, " (none)") ==
        " (did you mean 'wave_length_days'?)");
  CHECK(settingSuggestion("colour", SettingName::key, " (none)") == " (none)");
}

}  // namespace
}  // namespace cloudplan::cli
