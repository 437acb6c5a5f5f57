#include "cli/setting_options.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

#include "cli/progress.h"
#include "tests/temp_folder.h"

namespace cloudplan::cli {
namespace {

// `plan`'s settings from a command line: the options, the messages on stderr, and whether they
// were accepted.
struct Resolved {
  PlanOptions options;
  std::string messages;
  bool ok = false;
};

Resolved resolve(std::vector<std::string> args) {
  CLI::App app("plan", "plan");
  Resolved result;
  app.add_option("inputs", result.options.inputs);
  SettingOptions settings;
  settings.add(app, {SettingUse::planning, SettingUse::reading, SettingUse::output});
  std::vector<const char*> argv{"plan"};
  for (const std::string& arg : args)
    argv.push_back(arg.c_str());
  app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  std::ostringstream captured;
  auto* saved = std::cerr.rdbuf(captured.rdbuf());
  result.ok = settings.resolve("plan", result.options);
  std::cerr.rdbuf(saved);
  result.messages = captured.str();
  return result;
}

TEST_CASE("cloudplan.toml beside the first input is read, and says so") {
  testing::TempFolder folder;
  const std::string toml =
      folder.write("inv/cloudplan.toml",
                   "wave_capacity = 12\nfreeze = [\"2027-12-20..2028-01-02\"]\n"
                   "start = 2028-01-03\n");
  const std::string inv = (folder.path() / "inv").string();
  const auto read = resolve({inv});
  CHECK(read.ok);
  CHECK(read.messages == "cloudplan: reading settings from " + toml + "\n");
  CHECK(read.options.waveCapacity == 12u);
  CHECK(read.options.start == "2028-01-03");
  REQUIRE(read.options.config);
  CHECK(read.options.config->path == toml);

  SECTION("options on the command line override the file") {
    const auto both = resolve({inv, "--wave-capacity", "30", "--freeze", "2028-08-01..2028-08-15"});
    CHECK(both.ok);
    CHECK(both.options.waveCapacity == 30u);
    CHECK(both.options.freeze == std::vector<std::string>{"2028-08-01..2028-08-15"});
    CHECK(both.options.start == "2028-01-03");
  }
  SECTION("--config names another file, read instead") {
    const std::string other = folder.write("other.toml", "wave_length_days = 14\n");
    const auto chosen = resolve({inv, "--config", other});
    CHECK(chosen.ok);
    CHECK(chosen.messages.empty());
    CHECK(chosen.options.waveCapacity == std::nullopt);
    CHECK(chosen.options.waveLengthDays == 14);
    CHECK(chosen.options.config->path == other);
  }
  SECTION("quiet, it is read without a word") {
    setQuiet(true);
    const auto quiet = resolve({inv});
    setQuiet(false);
    CHECK(quiet.messages.empty());
    CHECK(quiet.options.waveCapacity == 12u);
  }
}

TEST_CASE("without a settings file the options alone count, and plan.json's config is null") {
  testing::TempFolder folder;
  folder.write("inv/systems.csv", "id\n");
  const auto read = resolve({(folder.path() / "inv").string(), "--wave-length", "14"});
  CHECK(read.ok);
  CHECK(read.messages.empty());
  CHECK(read.options.waveLengthDays == 14);
  CHECK_FALSE(read.options.config);
}

TEST_CASE("errors in the file and in the options are all reported") {
  testing::TempFolder folder;
  const std::string toml = folder.write("inv/cloudplan.toml", "wave_capacity = 0\nordr = 1\n");
  const auto read = resolve({(folder.path() / "inv").string()});
  CHECK_FALSE(read.ok);
  CHECK(read.messages == "cloudplan: reading settings from " + toml + "\n" + toml +
                             ":1: error: wave_capacity '0' is not a whole number from 1 to "
                             "10000000 (systems in a wave)\n" +
                             toml + ":2: error: unknown setting 'ordr' (did you mean 'order'?)\n");
  const auto options = resolve({"--config", "", "x"});
  CHECK_FALSE(options.ok);
  CHECK(options.messages ==
        "cloudplan plan: error: --config '' names no file (name a cloudplan.toml)\n");
  const auto bad = resolve({"x", "--wave-length", "0", "--order", "up"});
  CHECK_FALSE(bad.ok);
  CHECK(bad.messages ==
        "cloudplan plan: error: --order 'up' is not one of providers-first, consumers-first, "
        "none\ncloudplan plan: error: --wave-length '0' is not a whole number from 1 to 366 "
        "(days in a wave)\n");
}

}  // namespace
}  // namespace cloudplan::cli
