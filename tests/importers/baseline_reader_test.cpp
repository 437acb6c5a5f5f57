// The baseline of a re-plan: a plan.json's calendar and waves, matched by id to the current
// inventory, which may have gained and lost systems since.
#include "importers/plan/baseline_reader.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "importers/input_file.h"
#include "importers/read_inputs.h"
#include "tests/importers/importer_fixture.h"
#include "tests/temp_folder.h"

using namespace cloudplan;
using testing::inventoryOf;
using testing::linesOf;
using Lines = std::vector<std::string>;

namespace {

// A plan of three waves (the first empty) and a freeze: a tight pair in wave 2, a retiring system
// in wave 3 and a retained one.
constexpr const char* kPlan = R"json({
  "format": "cloudplan-plan/1",
  "generator": "cloudplan 0.1.0",
  "inputs": [],
  "settings": {"order":"providers-first","wave_capacity":2,"wave_effort":null,"start":"2027-01-04","wave_length_days":28,"freeze":[["2027-02-10","2027-02-14"]],"allow_oversize":false},
  "agencies": [{"code":"MIN","name":"Ministry of Examples","parent":null,"properties":{}}],
  "waves": [
    {"wave":1,"start":"2027-01-04","end":"2027-01-31","systems":[],"effort_days":0.0,"oversize":false,"migrating":0,"retiring":0,"hybrid_links_after":0},
    {"wave":2,"start":"2027-02-15","end":"2027-03-14","systems":["MIN/app","MIN/db"],"effort_days":32.5,"oversize":false,"migrating":2,"retiring":0,"hybrid_links_after":1},
    {"wave":3,"start":"2027-03-15","end":"2027-04-11","systems":["MIN/old"],"effort_days":3.0,"oversize":false,"migrating":0,"retiring":1,"hybrid_links_after":0}
  ],
  "systems": [
    {"id":"MIN/app","name":"Example app","agency":"MIN","type":"application","strategy":"rehost","criticality":"high","effort_days":12.5,"action":"migrate","wave":2,"move_group":"G1","reasons":[],"properties":{}},
    {"id":"MIN/db","name":"Example database","agency":"MIN","type":"database","strategy":"replatform","criticality":"medium","effort_days":20.0,"action":"migrate","wave":2,"move_group":"G1","reasons":[],"properties":{}},
    {"id":"MIN/old","name":"Old archive","agency":"MIN","type":"application","strategy":"retire","criticality":"low","effort_days":3.0,"action":"retire","wave":3,"move_group":null,"reasons":[],"properties":{}},
    {"id":"MIN/keep","name":"Mainframe","agency":"MIN","type":"infrastructure","strategy":"retain","criticality":"high","effort_days":0.0,"action":"retain","wave":null,"move_group":null,"reasons":[],"properties":{}}
  ],
  "dependencies": [{"from":"MIN/app","to":"MIN/db","coupling":"tight","kind":"data"}],
  "move_groups": [{"id":"G1","systems":["MIN/app","MIN/db"],"cause":"tight","links":[{"from":"MIN/app","to":"MIN/db","coupling":"tight"}]}],
  "metrics": {"systems":4,"dependencies":1,"scheduled":3,"waves":3,"lower_bound_waves":2,"lower_bound_terms":{"capacity":2,"effort":0,"pin":0,"date":2},"peak_hybrid_links":1,"permanent_hybrid_links":0},
  "diagnostics": []
})json";

}  // namespace

TEST_CASE("a baseline gives each current system its wave, and the systems it no longer has") {
  testing::TempFolder folder;
  const std::string path = folder.write("old/plan.json", kPlan);
  // MIN/old is gone since, MIN/new has come; the order is the current inventory's own.
  const models::Inventory current = inventoryOf({"MIN/new", "MIN/db", "MIN/keep", "MIN/app"});
  models::Diagnostics diagnostics;
  const auto baseline = importers::readBaseline(path, current, diagnostics);
  CHECK(linesOf(diagnostics) == Lines{});
  REQUIRE(baseline);
  CHECK(baseline->path == path);
  CHECK(baseline->sha256 == importers::sha256Hex(kPlan));
  CHECK(baseline->start == models::dateFromCivil(2027, 1, 4));
  CHECK(baseline->waveLengthDays == 28);
  REQUIRE(baseline->freeze.size() == 1);
  CHECK(baseline->freeze[0].from == models::dateFromCivil(2027, 2, 10));
  CHECK(baseline->freeze[0].to == models::dateFromCivil(2027, 2, 14));
  CHECK(baseline->waves == 3);
  CHECK(baseline->waveOf == std::vector<uint32_t>{0, 2, 0, 2});
  // The retained system was in the baseline, without a wave; the new one was not.
  CHECK(baseline->listed == std::vector<bool>{false, true, true, true});
  CHECK(baseline->removed == std::vector<std::string>{"MIN/old"});
  CHECK(baseline->removedWave == std::vector<uint32_t>{3});
}

TEST_CASE("a baseline of the same inventory lists every system in its wave") {
  const std::string root = CLOUDPLAN_SOURCE_DIR;
  models::Diagnostics diagnostics;
  const models::Inventory current = importers::readInputs(
      std::vector<std::string>{root + "/samples/government"}, {}, diagnostics);
  REQUIRE(!diagnostics.hasErrors());
  // What cloudplan plan samples/government wrote: 86 systems in 8 waves.
  const auto baseline = importers::readBaseline(root + "/tests/data/progress/government-plan.json",
                                                current, diagnostics);
  CHECK(linesOf(diagnostics) == Lines{});
  REQUIRE(baseline);
  CHECK(baseline->waves == 8);
  CHECK(baseline->removed.empty());
  CHECK(baseline->listed == std::vector<bool>(current.systems.size(), true));
  size_t scheduled = 0;
  for (uint32_t wave : baseline->waveOf) {
    CHECK(wave <= 8);
    scheduled += wave > 0;
  }
  CHECK(scheduled == 80);
  CHECK(baseline->waveOf[*current.findSystem("DGA/govnet")] == 1);
  CHECK(baseline->waveOf[*current.findSystem("MOF-TAX/tax-ledger")] == 0);
}

TEST_CASE("a baseline against an empty inventory has every system removed") {
  testing::TempFolder folder;
  const std::string path = folder.write("plan.json", kPlan);
  models::Diagnostics diagnostics;
  const auto baseline = importers::readBaseline(path, models::Inventory(), diagnostics);
  REQUIRE(baseline);
  CHECK(baseline->waveOf.empty());
  CHECK(baseline->removed == std::vector<std::string>{"MIN/app", "MIN/db", "MIN/old", "MIN/keep"});
  CHECK(baseline->removedWave == std::vector<uint32_t>{2, 2, 3, 0});
}

TEST_CASE("a baseline that is not a plan.json is refused, named") {
  testing::TempFolder folder;
  const models::Inventory current = inventoryOf({"MIN/app"});
  const auto refused = [&](const std::string& name, const std::string& text) {
    const std::string path = folder.write(name, text);
    models::Diagnostics diagnostics;
    CHECK(!importers::readBaseline(path, current, diagnostics));
    Lines lines = linesOf(diagnostics);
    for (std::string& line : lines) {
      if (line.starts_with(path)) line.replace(0, path.size(), name);
    }
    return lines;
  };
  CHECK(refused("progress.csv", "id,status\nMIN/app,done\n") ==
        Lines{"progress.csv:1: error: not a JSON object (give the plan.json that cloudplan plan "
              "wrote) [not-a-plan]"});
  CHECK(refused("other.json", R"({"format": "something-else/1"})") ==
        Lines{"other.json: error: not a cloudplan plan (its format is not cloudplan-plan/1) "
              "[not-a-plan]"});
  std::string future = kPlan;
  future.replace(future.find("cloudplan-plan/1"), 16, "cloudplan-plan/2");
  CHECK(refused("future.json", future) ==
        Lines{"future.json: error: a plan.json of format 'cloudplan-plan/2', which this cloudplan "
              "does not read (it reads cloudplan-plan/1: give a plan.json that this version of "
              "cloudplan wrote, or use the version that wrote it) [not-a-plan]"});
  std::string edited = kPlan;
  edited.replace(edited.find("\"wave\":3,\"move_group\":null"), 8, "\"wave\":9");
  CHECK(refused("edited.json", edited) ==
        Lines{"edited.json: error: systems[2].wave is 9, not a wave of the plan (a whole number "
              "from 1 to 3, or null when the system has no wave; give the plan.json that "
              "cloudplan plan wrote, unedited) [invalid-plan]"});

  models::Diagnostics missing;
  CHECK(!importers::readBaseline(folder / "none.json", current, missing));
  CHECK(linesOf(missing) ==
        Lines{folder / "none.json" +
              ": error: cannot read the file (No such file or directory) [cannot-read]"});
}
