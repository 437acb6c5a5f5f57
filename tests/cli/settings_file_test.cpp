#include "cli/settings_file.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "cli/plan_settings.h"
#include "tests/temp_folder.h"

namespace cloudplan::cli {
namespace {

struct Read {
  PlanOptions options;
  std::optional<models::ConfigFile> file;
  std::vector<std::string> errors;
};

Read readText(std::string_view text) {
  Read read;
  read.file = readSettingsText("inv/cloudplan.toml", text, read.options, read.errors);
  CHECK(read.file.has_value() == read.errors.empty());
  return read;
}

TEST_CASE("cloudplan.toml sets the settings by plan.json's names, in TOML's types") {
  const auto read = readText(
      "order = \"none\"\n"
      "wave_capacity = 30\n"
      "wave_effort = 250.5\n"
      "start = 2028-02-07\n"
      "wave_length_days = 21\n"
      "freeze = [\"2027-12-20..2028-01-02\", [2028-08-01, 2028-08-15]]\n"
      "allow_oversize = true\n"
      "default_agency = \"MOF\"\n"
      "encoding = \"iso-8859-1\"\n"
      "archimate = true\n"
      "render = true\n"
      "format = [\"png\", \"pdf\"]\n");
  REQUIRE(read.errors.empty());
  const PlanOptions& o = read.options;
  CHECK(o.order == "none");
  CHECK(o.waveCapacity == 30u);
  CHECK(o.waveEffort == 250.5);
  CHECK(o.start == "2028-02-07");
  CHECK(o.waveLengthDays == 21);
  CHECK(o.freeze == std::vector<std::string>{"2027-12-20..2028-01-02", "2028-08-01..2028-08-15"});
  CHECK(o.allowOversize);
  CHECK(o.defaultAgency == "MOF");
  CHECK(o.encoding == "iso-8859-1");
  CHECK(o.archimate);
  CHECK(o.render);
  CHECK(o.formats == std::vector<std::string>{"png", "pdf"});
  CHECK(read.file->path == "inv/cloudplan.toml");
  CHECK(read.file->sha256.size() == 64);
  // A date may be a string as well, as on the command line.
  CHECK(readText("start = \"2028-02-07\"\n").options.start == "2028-02-07");
}

TEST_CASE("every problem of cloudplan.toml is reported, with its line, in the order of the file") {
  const auto read = readText(
      "wave_capacty = 12\n"
      "wave_capacity = \"12\"\n"
      "wave-length = 21\n"
      "start = \"2027-13-01\"\n"
      "freeze = [\"x\", 3]\n"
      "allow_oversize = 1\n"
      "order = \"sideways\"\n"
      "wave_effort = 0\n"
      "colour = \"blue\"\n"
      "\n"
      "[plan]\n"
      "x = 1\n");
  CHECK(read.errors ==
        std::vector<std::string>{
            "inv/cloudplan.toml:1: error: unknown setting 'wave_capacty' (did you mean "
            "'wave_capacity'?)",
            "inv/cloudplan.toml:2: error: wave_capacity is a string, not a whole number from 1 to "
            "10000000 (systems in a wave)",
            "inv/cloudplan.toml:3: error: unknown setting 'wave-length' (did you mean "
            "'wave_length_days'?)",
            "inv/cloudplan.toml:4: error: start '2027-13-01' is not a date YYYY-MM-DD",
            "inv/cloudplan.toml:5: error: freeze 'x' is not a window FROM..TO of dates (for "
            "example 2027-12-20..2028-01-02)",
            "inv/cloudplan.toml:5: error: freeze holds an integer, not a window \"FROM..TO\" "
            "(freeze = [\"2027-12-20..2028-01-02\"])",
            "inv/cloudplan.toml:6: error: allow_oversize is an integer, not true or false",
            "inv/cloudplan.toml:7: error: order 'sideways' is not one of providers-first, "
            "consumers-first, none",
            "inv/cloudplan.toml:8: error: wave_effort '0' is not a number from 0.01 to 1000000000 "
            "(effort-days in a wave)",
            "inv/cloudplan.toml:9: error: unknown setting 'colour' (cloudplan template writes a "
            "cloudplan.toml with every setting)",
            "inv/cloudplan.toml:11: error: unknown setting 'plan' (cloudplan template writes a "
            "cloudplan.toml with every setting)",
        });
}

TEST_CASE("a file that is not TOML is one error with its line and column") {
  CHECK(readText("wave_capacity = 20\norder =\n").errors ==
        std::vector<std::string>{"inv/cloudplan.toml:2:8: error: error while parsing key-value "
                                 "pair: expected value, saw '\\n' (the file is not TOML)"});
  CHECK(readText("order = \"none\"\norder = \"none\"\n").errors.size() == 1);
}

TEST_CASE("the template of cloudplan.toml reads back as the defaults") {
  const std::string text = settingsFileTemplate();
  const auto read = readText(text);
  REQUIRE(read.errors.empty());
  const PlanOptions defaults;
  const PlanOptions& o = read.options;
  CHECK(o.order == defaults.order);
  CHECK(o.waveCapacity == defaults.waveCapacity);
  CHECK(o.waveEffort == defaults.waveEffort);
  CHECK(o.start == defaults.start);
  CHECK(o.waveLengthDays == defaults.waveLengthDays);
  CHECK(o.freeze == defaults.freeze);
  CHECK(o.allowOversize == defaults.allowOversize);
  CHECK(o.defaultAgency == defaults.defaultAgency);
  CHECK(o.encoding == defaults.encoding);
  CHECK(o.archimate == defaults.archimate);
  CHECK(o.render == defaults.render);
  CHECK(o.formats == defaults.formats);
  // Every setting is in it, with its option.
  for (const Setting& setting : planSettings()) {
    INFO(setting.key);
    const bool set = text.find(fmt::format("\n{} = ", setting.key)) != std::string::npos;
    const bool example = text.find(fmt::format("\n# {} = ", setting.key)) != std::string::npos;
    CHECK((set || example));
    CHECK(text.find(fmt::format("(--{};", setting.option)) != std::string::npos);
  }
  // The settings without a default, set to their examples, are read as well.
  std::string uncommented = text;
  for (const Setting& setting : planSettings()) {
    const std::string example = fmt::format("\n# {} = ", setting.key);
    if (const size_t at = uncommented.find(example); at != std::string::npos)
      uncommented.erase(at + 1, 2);
  }
  const auto examples = readText(uncommented);
  CHECK(examples.errors.empty());
  CHECK(examples.options.waveCapacity == 40u);
  CHECK(examples.options.defaultAgency == "MOF");
}

TEST_CASE("the automatic cloudplan.toml is the one in the folder of the first input") {
  testing::TempFolder folder;
  const std::string systems = folder.write("inv/systems.csv", "id\n");
  folder.write("other/systems.csv", "id\n");
  const std::string inv = (folder.path() / "inv").string();
  const std::string other = (folder.path() / "other").string();
  CHECK(automaticSettingsFile({inv}).empty());
  const std::string toml = folder.write("inv/cloudplan.toml", "");
  CHECK(automaticSettingsFile({inv, other}) == toml);
  CHECK(automaticSettingsFile({systems}) == toml);
  CHECK(automaticSettingsFile({other, inv}).empty());
  CHECK(automaticSettingsFile({"-", inv}).empty());
  CHECK(automaticSettingsFile({}).empty());
}

TEST_CASE("a settings file that cannot be read is one error") {
  PlanOptions options;
  std::vector<std::string> errors;
  CHECK_FALSE(readSettingsFile("/nonexistent/cloudplan.toml", options, errors));
  CHECK(errors == std::vector<std::string>{"/nonexistent/cloudplan.toml: error: cannot read the "
                                           "settings file (No such file or directory)"});
}

}  // namespace
}  // namespace cloudplan::cli
