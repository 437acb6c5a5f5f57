#include "exporters/json/plan_diff_json.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "engine/plan_diff.h"
#include "tests/engine/plan_pair_fixture.h"

namespace cloudplan::exporters {
namespace {

const models::InputFile kOld{"old/plan.json", models::InputKind::unknown, "0123456789abcdef"};
const models::InputFile kNew{"new/plan.json", models::InputKind::unknown, "fedcba9876543210"};

TEST_CASE("the JSON of a diff has the documented shape, a member or element a line",
          "[plan_diff_json]") {
  const auto p = testing::smallPlanPair();
  const auto diff = engine::diffPlans(p.oldInventory, p.oldPlan, p.newInventory, p.newPlan);
  CHECK(planDiffToJson(diff, kOld, kNew) ==
        R"json({
  "format": "cloudplan-diff/1",
  "old": {"path":"old/plan.json","sha256":"0123456789abcdef"},
  "new": {"path":"new/plan.json","sha256":"fedcba9876543210"},
  "summary": {"differ":true,"systems":{"old":7,"new":7},"scheduled":{"old":6,"new":6},"waves":{"old":3,"new":2},"end":{"old":"2027-03-28","new":"2027-03-07"},"lower_bound_waves":{"old":3,"new":2},"peak_hybrid_links":{"old":4,"new":3},"permanent_hybrid_links":{"old":1,"new":1},"moved":3,"moved_earlier":1,"moved_later":2,"added":1,"removed":1,"now_scheduled":1,"now_retained":1,"waves_changed":3,"churn":3},
  "moved": [
    {"id":"MIN/app","agency":"MIN","old_wave":1,"new_wave":2,"direction":"later","reasons":["could move from wave 1; wave 1 was full (2 of 2 systems)"]},
    {"id":"OFF/forms","agency":"OFF","old_wave":1,"new_wave":2,"direction":"later","reasons":["waits for its provider MIN/app, which moves in wave 2","<b>a reason & more</b>"]},
    {"id":"OFF/portal","agency":"OFF","old_wave":3,"new_wave":2,"direction":"earlier","reasons":["could move from wave 1; wave 1 was full (2 of 2 systems)"]}
  ],
  "added": [
    {"id":"MIN/new","agency":"MIN","wave":2,"strategy":"refactor"}
  ],
  "removed": [
    {"id":"MIN/old","agency":"MIN","wave":2,"strategy":"rehost"}
  ],
  "strategy_changed": [
    {"id":"DGA/mainframe","agency":"DGA","old_strategy":"retain","new_strategy":"rehost","old_wave":null,"new_wave":1},
    {"id":"MIN/db","agency":"MIN","old_strategy":"replatform","new_strategy":"retain","old_wave":1,"new_wave":null}
  ],
  "waves": [
    {"wave":1,"old":{"start":"2027-01-04","end":"2027-01-31"},"new":{"start":"2027-01-11","end":"2027-02-07"}},
    {"wave":2,"old":{"start":"2027-02-01","end":"2027-02-28"},"new":{"start":"2027-02-08","end":"2027-03-07"}},
    {"wave":3,"old":{"start":"2027-03-01","end":"2027-03-28"},"new":null}
  ],
  "agencies": [
    {"code":"OFF","moved":2,"scheduled":2},
    {"code":"MIN","moved":1,"scheduled":1},
    {"code":"DGA","moved":0,"scheduled":1}
  ]
}
)json");
}

TEST_CASE("the JSON of plans that do not differ: empty lists, null churn, and no end without waves",
          "[plan_diff_json]") {
  models::PlanDiff diff;
  diff.agencies.push_back({"", 0, 2});
  const auto json = nlohmann::json::parse(planDiffToJson(diff, kOld, kOld));
  CHECK(json["summary"]["differ"] == false);
  CHECK(json["summary"]["churn"].is_null());
  CHECK(json["summary"]["end"] == nlohmann::json::parse(R"({"old":null,"new":null})"));
  for (const char* list : {"moved", "added", "removed", "strategy_changed", "waves"})
    CHECK(json[list] == nlohmann::json::array());
  CHECK(json["agencies"] == nlohmann::json::parse(R"([{"code":null,"moved":0,"scheduled":2}])"));
}

TEST_CASE("the JSON escapes what a plan's text holds", "[plan_diff_json]") {
  models::PlanDiff diff;
  diff.moved.push_back({"A/\"x\"", "A", 1, 2, {"line\nbreak \x01"}});
  const auto json = nlohmann::json::parse(planDiffToJson(diff, kOld, kNew));
  CHECK(json["moved"][0]["id"] == "A/\"x\"");
  CHECK(json["moved"][0]["reasons"][0] == "line\nbreak \x01");
}

}  // namespace
}  // namespace cloudplan::exporters
