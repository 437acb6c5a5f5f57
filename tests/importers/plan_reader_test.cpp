#include "importers/plan/plan_reader.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

namespace cloudplan::importers {
namespace {

using Json = nlohmann::ordered_json;

// What `cloudplan plan tiny --wave-capacity 2 --freeze 2027-02-10..2027-02-14` wrote: an office
// inside a ministry, a tight pair, a retiring and a retained system, a date that leaves wave 1
// empty, and a note.
constexpr const char* kPlan = R"json({
  "format": "cloudplan-plan/1",
  "generator": "cloudplan 0.1.0",
  "inputs": [
    {"path":"tiny/agencies.csv","sha256":"5cea1fa420166345416ed9f9652f227e450bddfcba08b35486826eb4c77d96a4","kind":"agencies"},
    {"path":"tiny/dependencies.csv","sha256":"3fb5cbc95958d332539efeeefbb8a317f310e5954524383bc229edb5bdd1fed7","kind":"dependencies"},
    {"path":"tiny/systems.csv","sha256":"9d1bf0f8723529a0a91b810ba4d2fdcaf5ab6b388c21d6bc3775a53abfb5c8e2","kind":"systems"}
  ],
  "settings": {"order":"providers-first","wave_capacity":2,"wave_effort":null,"start":"2027-01-04","wave_length_days":28,"freeze":[["2027-02-10","2027-02-14"]],"allow_oversize":false},
  "agencies": [
    {"code":"MIN","name":"Ministry of Examples","parent":null,"properties":{"cio_email":"cio@min.example"}},
    {"code":"MIN-OFF","name":"Office of Samples","parent":"MIN","properties":{}}
  ],
  "waves": [
    {"wave":1,"start":"2027-01-04","end":"2027-01-31","systems":[],"effort_days":0.0,"oversize":false,"migrating":0,"retiring":0,"hybrid_links_after":0},
    {"wave":2,"start":"2027-02-15","end":"2027-03-14","systems":["MIN/app","MIN/db"],"effort_days":32.5,"oversize":false,"migrating":2,"retiring":0,"hybrid_links_after":1},
    {"wave":3,"start":"2027-03-15","end":"2027-04-11","systems":["MIN/old"],"effort_days":3.0,"oversize":false,"migrating":0,"retiring":1,"hybrid_links_after":0}
  ],
  "systems": [
    {"id":"MIN/app","name":"Example app","agency":"MIN-OFF","type":"application","strategy":"rehost","criticality":"high","effort_days":12.5,"action":"migrate","wave":2,"move_group":"G1","reasons":["moves with its move group G1 (2 systems; tight: MIN/app + MIN/db)","MIN/app not before 2027-02-01: wave 2 is the first to start on or after it (2027-02-15)"],"target":"gov-cloud","not_before":"2027-02-01","properties":{"os":"RHEL 8","hosting":"DC 1"}},
    {"id":"MIN/db","name":"Example database","agency":"MIN-OFF","type":"database","strategy":"replatform","criticality":"medium","effort_days":20.0,"action":"migrate","wave":2,"move_group":"G1","reasons":["moves with its move group G1 (2 systems; tight: MIN/app + MIN/db)","MIN/app not before 2027-02-01: wave 2 is the first to start on or after it (2027-02-15)"],"target":"gov-cloud","properties":{"os":"PostgreSQL","hosting":"DC 1"}},
    {"id":"MIN/old","name":"Old archive","agency":"MIN","type":"application","strategy":"retire","criticality":"low","effort_days":3.0,"action":"retire","wave":3,"move_group":null,"reasons":["could move from wave 2; wave 2 was full (2 of 2 systems)"],"properties":{"os":"Windows 2008","hosting":"DC 2"}},
    {"id":"MIN/keep","name":"Mainframe","agency":"MIN","type":"infrastructure","strategy":"retain","criticality":"high","effort_days":0.0,"action":"retain","wave":null,"move_group":null,"reasons":[],"properties":{"os":"z/OS","hosting":"DC 2"}}
  ],
  "dependencies": [
    {"from":"MIN/app","to":"MIN/db","coupling":"tight","kind":"data","description":"Reads and writes"},
    {"from":"MIN/app","to":"MIN/old","coupling":"normal","kind":"api"},
    {"from":"MIN/keep","to":"MIN/old","coupling":"loose","kind":"file"}
  ],
  "move_groups": [
    {"id":"G1","systems":["MIN/app","MIN/db"],"cause":"tight","links":[{"from":"MIN/app","to":"MIN/db","coupling":"tight"}]}
  ],
  "metrics": {"systems":4,"dependencies":3,"scheduled":3,"waves":3,"lower_bound_waves":2,"lower_bound_terms":{"capacity":2,"effort":0,"pin":0,"date":2},"peak_hybrid_links":1,"permanent_hybrid_links":0},
  "diagnostics": [
    {"severity":"note","code":"above-lower-bound","message":"the plan has 3 waves, 1 more than the lower bound 2: with 2 waves, system 'MIN/old' must move by wave 2 but that wave is full","file":null,"line":null}
  ]
}
)json";

std::optional<LoadedPlan> read(const Json& document, models::Diagnostics& diagnostics) {
  return planFromJson(document, "plan.json", diagnostics);
}

std::vector<std::string> messages(const models::Diagnostics& diagnostics) {
  std::vector<std::string> all;
  for (const auto& d : diagnostics.all())
    all.push_back(d.code + ": " + d.message);
  return all;
}

TEST_CASE("a plan's systems come back with their agency, type, strategy and properties") {
  models::Diagnostics diagnostics;
  const auto loaded = read(Json::parse(kPlan), diagnostics);
  REQUIRE(loaded);
  CHECK(diagnostics.all().empty());
  const auto& inventory = loaded->inventory;
  REQUIRE(inventory.systems.size() == 4);
  const auto& app = inventory.systems[*inventory.findSystem("MIN/app")];
  CHECK(app.name == "Example app");
  CHECK(inventory.agencies[app.agency].code == "MIN-OFF");
  CHECK(app.type == models::SystemType::application);
  CHECK(app.strategy == models::Strategy::rehost);
  CHECK(app.criticality == models::Criticality::high);
  CHECK(app.effortDays == 12.5);
  CHECK(app.target == "gov-cloud");
  CHECK(app.notBefore == models::parseDate("2027-02-01"));
  const auto properties = inventory.propertiesOf(app.properties);
  REQUIRE(properties.size() == 2);
  // In the file's order, not sorted.
  CHECK(properties[0].key == "os");
  CHECK(properties[0].value == "RHEL 8");
  CHECK(properties[1].key == "hosting");
  CHECK(inventory.systems[*inventory.findSystem("MIN/keep")].strategy == models::Strategy::retain);
}

TEST_CASE("agencies come back with their parents and dependencies with their coupling") {
  models::Diagnostics diagnostics;
  const auto loaded = read(Json::parse(kPlan), diagnostics);
  REQUIRE(loaded);
  const auto& inventory = loaded->inventory;
  const auto office = inventory.findAgency("MIN-OFF");
  REQUIRE(office);
  CHECK(inventory.agencies[inventory.agencies[*office].parent].code == "MIN");
  CHECK(inventory.agencies[*inventory.findAgency("MIN")].parent == models::kNone);
  REQUIRE(inventory.dependencies.size() == 3);
  const auto& tight = inventory.dependencies[0];
  CHECK(inventory.systems[tight.consumer].id == "MIN/app");
  CHECK(inventory.systems[tight.provider].id == "MIN/db");
  CHECK(tight.coupling == models::Coupling::tight);
  CHECK(tight.kind == "data");
  CHECK(tight.description == "Reads and writes");
  CHECK(inventory.dependencies[2].coupling == models::Coupling::loose);
  REQUIRE(inventory.files.size() == 3);
  CHECK(inventory.files[0].path == "tiny/agencies.csv");
  CHECK(inventory.files[0].kind == models::InputKind::agencies);
}

TEST_CASE("the waves, each system's wave, group and reasons come back") {
  models::Diagnostics diagnostics;
  const auto loaded = read(Json::parse(kPlan), diagnostics);
  REQUIRE(loaded);
  const auto& plan = loaded->plan;
  const auto& inventory = loaded->inventory;
  REQUIRE(plan.waves.size() == 3);
  CHECK(plan.waves[0].systems.empty());
  CHECK(plan.waves[1].start == models::parseDate("2027-02-15"));
  CHECK(plan.waves[1].end == models::parseDate("2027-03-14"));
  CHECK(plan.waves[1].systems == std::vector<models::SystemIndex>{*inventory.findSystem("MIN/app"),
                                                                  *inventory.findSystem("MIN/db")});
  CHECK(plan.waves[1].effortDays == 32.5);
  CHECK(plan.waves[1].hybridLinksAfter == 1);
  CHECK(plan.waves[2].retiring == 1);
  const auto& app = plan.systems[*inventory.findSystem("MIN/app")];
  CHECK(app.wave == 2);
  REQUIRE(app.moveGroup == 0);
  CHECK(app.reasons.size() == 2);
  CHECK(plan.systems[*inventory.findSystem("MIN/keep")].wave == 0);
  REQUIRE(plan.moveGroups.size() == 1);
  CHECK(plan.moveGroups[0].id == "G1");
  CHECK(plan.moveGroups[0].cause == models::MoveGroupCause::tight);
  CHECK(plan.moveGroups[0].links == std::vector<uint32_t>{0});
}

TEST_CASE("the settings, metrics and diagnostics of a plan come back") {
  models::Diagnostics diagnostics;
  const auto loaded = read(Json::parse(kPlan), diagnostics);
  REQUIRE(loaded);
  const auto& settings = loaded->plan.settings;
  CHECK(settings.waveCapacity == 2u);
  CHECK_FALSE(settings.waveEffort);
  CHECK(settings.start == models::parseDate("2027-01-04"));
  REQUIRE(settings.freeze.size() == 1);
  CHECK(settings.freeze[0].to == models::parseDate("2027-02-14"));
  const auto& m = loaded->plan.metrics;
  CHECK(m.waves == 3);
  CHECK(m.lowerBound.waves == 2);
  CHECK(m.lowerBound.date == 2);
  CHECK(m.peakHybridLinks == 1);
  REQUIRE(loaded->diagnostics.all().size() == 1);
  CHECK(loaded->diagnostics.all()[0].severity == models::Severity::note);
  CHECK(loaded->diagnostics.all()[0].code == "above-lower-bound");
  CHECK(loaded->diagnostics.all()[0].file.empty());
}

TEST_CASE("a re-plan's today, baseline, progress, statuses, started waves and churn come back") {
  Json document = Json::parse(kPlan);
  document["settings"]["today"] = "2027-02-20";
  document["settings"]["baseline"] = {{"path", "old/plan.json"}, {"sha256", "ab12"}};
  document["settings"]["progress"] = {{"path", "progress.csv"}, {"sha256", "cd34"}};
  document["waves"][0]["started"] = true;
  document["waves"][1]["started"] = true;
  document["waves"][2]["started"] = false;
  for (auto& system : document["systems"]) {
    system["status"] = "planned";
    system["baseline_wave"] = nullptr;
  }
  document["systems"][0]["status"] = "in-progress";
  document["systems"][0]["baseline_wave"] = 2u;
  document["metrics"]["churn"] = 1u;
  document["metrics"]["lower_bound_terms"]["started"] = 2u;
  models::Diagnostics diagnostics;
  const auto loaded = read(document, diagnostics);
  CHECK(messages(diagnostics) == std::vector<std::string>{});
  REQUIRE(loaded);
  const auto& replan = loaded->plan.settings.replan;
  REQUIRE(replan);
  CHECK(replan->today == models::parseDate("2027-02-20"));
  CHECK(replan->baselinePath == "old/plan.json");
  CHECK(replan->baselineSha256 == "ab12");
  CHECK(replan->progressPath == "progress.csv");
  CHECK(loaded->plan.waves[1].started);
  CHECK_FALSE(loaded->plan.waves[2].started);
  CHECK(loaded->plan.systems[0].status == models::ProgressStatus::inProgress);
  CHECK(loaded->plan.systems[0].baselineWave == 2);
  CHECK(loaded->plan.systems[1].baselineWave == 0);
  CHECK(loaded->plan.metrics.churn == 1u);
  CHECK(loaded->plan.metrics.lowerBound.started == 2);
}

TEST_CASE("a plan that is not a re-plan has no re-plan settings and no churn") {
  models::Diagnostics diagnostics;
  const auto loaded = read(Json::parse(kPlan), diagnostics);
  REQUIRE(loaded);
  CHECK_FALSE(loaded->plan.settings.replan);
  CHECK_FALSE(loaded->plan.metrics.churn);
}

TEST_CASE("the settings file a plan was made with comes back, none when plan.json says null") {
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(Json::parse(kPlan), diagnostics)->plan.settings.config);
  Json document = Json::parse(kPlan);
  document["settings"]["config"] = nullptr;
  CHECK_FALSE(read(document, diagnostics)->plan.settings.config);
  document["settings"]["config"] = {{"path", "tiny/cloudplan.toml"}, {"sha256", "ab12"}};
  const auto loaded = read(document, diagnostics);
  REQUIRE(loaded->plan.settings.config);
  CHECK(loaded->plan.settings.config->path == "tiny/cloudplan.toml");
  CHECK(loaded->plan.settings.config->sha256 == "ab12");
  CHECK(diagnostics.all().empty());
}

TEST_CASE("a wave that lists a system of another wave is an invalid plan") {
  Json document = Json::parse(kPlan);
  document["waves"][2]["systems"] = Json::array({"MIN/db"});
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{
            "invalid-plan: waves[2].systems lists 'MIN/db', which is not in wave 3 (give the "
            "plan.json that cloudplan plan wrote, unedited)",
            "invalid-plan: waves[2].systems lists 0 systems, but 1 name wave 3 (give the "
            "plan.json that cloudplan plan wrote, unedited)"});
}

TEST_CASE("a dependency on an unknown system is an invalid plan") {
  Json document = Json::parse(kPlan);
  document["dependencies"][1]["to"] = "MIN/gone";
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{"invalid-plan: dependencies[1].to names no system of the plan "
                                 "('MIN/gone') (give the plan.json that cloudplan plan wrote, "
                                 "unedited)"});
}

TEST_CASE("agencies whose parents form a cycle are an invalid plan, named once per cycle") {
  Json document = Json::parse(kPlan);
  document["agencies"][0]["parent"] = "MIN-OFF";
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{"invalid-plan: agencies[0].parent 'MIN-OFF' leads back to 'MIN': "
                                 "the agencies' parents form a cycle (give the plan.json that "
                                 "cloudplan plan wrote, unedited)"});
}

TEST_CASE("an agency that is its own parent is an invalid plan") {
  Json document = Json::parse(kPlan);
  document["agencies"][1]["parent"] = "MIN-OFF";
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{"invalid-plan: agencies[1].parent 'MIN-OFF' leads back to "
                                 "'MIN-OFF': the agencies' parents form a cycle (give the "
                                 "plan.json that cloudplan plan wrote, unedited)"});
}

TEST_CASE("a field of the wrong type is named in the message") {
  Json document = Json::parse(kPlan);
  document["systems"][0]["effort_days"] = "two";
  document["systems"][1]["properties"]["os"] = Json::array({Json::array({1})});
  document["settings"]["wave_length_days"] = -3;
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{
            "invalid-plan: settings.wave_length_days is -3, not a whole number from 0 (give the "
            "plan.json that cloudplan plan wrote, unedited)",
            "invalid-plan: systems[0].effort_days is 'two', not a number from 0 (give the "
            "plan.json that cloudplan plan wrote, unedited)",
            "invalid-plan: systems[1].properties 'os' is an array, not a string (give the "
            "plan.json that cloudplan plan wrote, unedited)"});
}

// explain took each entry for an object: anything else was an internal error (exit 3).
TEST_CASE("an entry that is not an object is named, after a wrong system the rest is not read") {
  Json document = Json::parse(kPlan);
  document["agencies"].push_back("MIN-X");
  document["systems"][3] = Json::array({"MIN/keep"});
  document["dependencies"][2] = 7;  // not reported: it names systems
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{
            "invalid-plan: agencies[2] is 'MIN-X', not an object (a plan.json that cloudplan "
            "plan wrote has an object for each agency; give that file, unedited)",
            "invalid-plan: systems[3] is an array, not an object (a plan.json that cloudplan plan "
            "wrote has an object for each system; give that file, unedited)"});
  document = Json::parse(kPlan);
  document["dependencies"][2] = 7;
  document["diagnostics"][0] = nullptr;
  models::Diagnostics after;
  CHECK_FALSE(read(document, after));
  CHECK(messages(after) ==
        std::vector<std::string>{
            "invalid-plan: dependencies[2] is 7, not an object (a plan.json that cloudplan plan "
            "wrote has an object for each dependency; give that file, unedited)",
            "invalid-plan: diagnostics[0] is null, not an object (a plan.json that cloudplan plan "
            "wrote has an object for each diagnostic; give that file, unedited)"});
}

// explain printed `"wave": 1e300` as `wave -2147483648`.
TEST_CASE("a system's wave is a whole number from 1 to the number of waves, or null") {
  for (const auto& [value, written] :
       {std::pair{Json(1e300), "1e+300"}, std::pair{Json(0), "0"}, std::pair{Json(4), "4"},
        std::pair{Json(-2), "-2"}, std::pair{Json(2.5), "2.5"}, std::pair{Json("2"), "'2'"}}) {
    Json document = Json::parse(kPlan);
    document["systems"][2]["wave"] = value;
    document["waves"][2]["systems"] = Json::array();
    models::Diagnostics diagnostics;
    CHECK_FALSE(read(document, diagnostics));
    CHECK(messages(diagnostics) ==
          std::vector<std::string>{fmt::format(
              "invalid-plan: systems[2].wave is {}, not a wave of the plan (a whole number from 1 "
              "to 3, or null when the system has no wave; give the plan.json that cloudplan plan "
              "wrote, unedited)",
              written)});
  }
}

TEST_CASE("a pinned wave past the last a plan may have says which values are read") {
  // The message ran two parentheses together: "(1000) (give the plan.json ...)".
  Json document = Json::parse(kPlan);
  document["systems"][1]["pinned_wave"] = 5000u;  // unsigned, as parsed
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{
            "invalid-plan: systems[1].pinned_wave is 5000, after wave 1000, the last a plan may "
            "have (a whole number from 1 to 1000, or absent when the system is not pinned; give "
            "the plan.json that cloudplan plan wrote, unedited)"});
}

TEST_CASE("effort is a finite number from 0") {
  Json document = Json::parse(kPlan);
  document["settings"]["wave_effort"] = -1.5;
  document["waves"][1]["effort_days"] = true;
  models::Diagnostics diagnostics;
  CHECK_FALSE(read(document, diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{
            "invalid-plan: settings.wave_effort is -1.5, not a number from 0 (give the "
            "plan.json that cloudplan plan wrote, unedited)",
            "invalid-plan: waves[1].effort_days is true, not a number from 0 (give the plan.json "
            "that cloudplan plan wrote, unedited)"});
}

TEST_CASE("a file that is not a cloudplan plan is said to be so") {
  models::Diagnostics diagnostics;
  CHECK_FALSE(readPlan(CLOUDPLAN_SOURCE_DIR "/samples/government/agencies.csv", diagnostics));
  CHECK(messages(diagnostics) ==
        std::vector<std::string>{"not-a-plan: not a JSON object (give the plan.json that "
                                 "cloudplan plan wrote)"});
  models::Diagnostics missing;
  CHECK_FALSE(readPlan("/nonexistent/plan.json", missing));
  REQUIRE(missing.all().size() == 1);
  CHECK(missing.all()[0].code == "cannot-read");
}

TEST_CASE(
    "a system's finish_by and an agency's limits per wave come back, and a zero limit is "
    "a problem") {
  Json document = Json::parse(kPlan);
  document["systems"][0]["finish_by"] = "2027-06-30";
  document["agencies"][0]["max_systems_per_wave"] = 8u;
  document["agencies"][0]["max_effort_per_wave"] = 120.5;
  models::Diagnostics diagnostics;
  const auto loaded = read(document, diagnostics);
  INFO(fmt::format("{}", fmt::join(messages(diagnostics), "\n")));
  REQUIRE(loaded);
  CHECK(diagnostics.all().empty());
  const auto& inventory = loaded->inventory;
  CHECK(inventory.systems[0].finishBy == models::parseDate("2027-06-30"));
  CHECK_FALSE(inventory.systems[1].finishBy);
  const std::string code = document["agencies"][0]["code"];
  const auto& agency = inventory.agencies[*inventory.findAgency(code)];
  CHECK(agency.maxSystemsPerWave == 8u);
  CHECK(agency.maxEffortPerWave == 120.5);
  CHECK_FALSE(
      inventory.agencies[*inventory.findAgency(std::string(document["agencies"][1]["code"]))]
          .maxSystemsPerWave);

  document["agencies"][0]["max_systems_per_wave"] = 0u;
  document["agencies"][0]["max_effort_per_wave"] = 0.0;
  document["systems"][0]["finish_by"] = "2027-6-30";
  models::Diagnostics zero;
  read(document, zero);
  CHECK(messages(zero) ==
        std::vector<std::string>{
            "invalid-plan: agencies[0].max_systems_per_wave is 0, not a whole number from 1 "
            "(give the plan.json that cloudplan plan wrote, unedited)",
            "invalid-plan: agencies[0].max_effort_per_wave is 0, not a number above 0 (give the "
            "plan.json that cloudplan plan wrote, unedited)",
            "invalid-plan: systems[0].finish_by '2027-6-30' is not a date YYYY-MM-DD (give the "
            "plan.json that cloudplan plan wrote, unedited)"});
}

}  // namespace
}  // namespace cloudplan::importers
