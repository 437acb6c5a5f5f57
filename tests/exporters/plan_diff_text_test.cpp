#include "exporters/reports/plan_diff_text.h"

#include <catch2/catch.hpp>

#include "engine/plan_diff.h"
#include "tests/engine/plan_pair_fixture.h"

namespace cloudplan::exporters {
namespace {

const models::InputFile kOld{"old/plan.json", models::InputKind::unknown, "0123456789abcdef"};
const models::InputFile kNew{"new/plan.json", models::InputKind::unknown, "fedcba9876543210"};

TEST_CASE("the text of a diff: figures, counts, then every list in aligned columns",
          "[plan_diff_text]") {
  const auto p = testing::smallPlanPair();
  const auto diff = engine::diffPlans(p.oldInventory, p.oldPlan, p.newInventory, p.newPlan);
  CHECK(planDiffText(diff, kOld, kNew) ==
        R"(old: old/plan.json  sha256 0123456789ab
new: new/plan.json  sha256 fedcba987654

                               old         new    change
systems                          7           7         0
scheduled                        6           6         0
waves                            3           2        -1
end date                2027-03-28  2027-03-07  -21 days
lower bound                      3           2        -1
peak hybrid links                4           3        -1
permanent hybrid links           1           1         0

moved systems               3  (1 earlier, 2 later)
added systems               1
removed systems             1
now scheduled               1
now retained                1
waves with new dates        3
churn the new plan records  3  (against its baseline)

Moved (3), by new wave:
  system      agency  old  new  moved    reasons now
  MIN/app     MIN       1    2  later    could move from wave 1; wave 1 was full (2 of 2 systems)
  OFF/forms   OFF       1    2  later    waits for its provider MIN/app, which moves in wave 2
                                         <b>a reason & more</b>
  OFF/portal  OFF       3    2  earlier  could move from wave 1; wave 1 was full (2 of 2 systems)

Added (1):
  system   agency  wave  strategy
  MIN/new  MIN     2     refactor

Removed (1):
  system   agency  wave  strategy
  MIN/old  MIN     2     rehost

Between scheduled and retained (2):
  system         agency  old                  new
  DGA/mainframe  DGA     retained (retain)    wave 1 (rehost)
  MIN/db         MIN     wave 1 (replatform)  retained (retain)

Waves whose dates changed (3):
  wave  old                     new
     1  2027-01-04..2027-01-31  2027-01-11..2027-02-07
     2  2027-02-01..2027-02-28  2027-02-08..2027-03-07
     3  2027-03-01..2027-03-28  (no such wave)

Churn per agency (its systems scheduled in both plans, and those of them moved):
  agency  moved  scheduled
  OFF         2          2
  MIN         1          1
  DGA         0          1
)");
}

TEST_CASE("the text of plans that do not differ says so, and lists nothing", "[plan_diff_text]") {
  const auto p = testing::smallPlanPair();
  auto diff = engine::diffPlans(p.oldInventory, p.oldPlan, p.oldInventory, p.oldPlan);
  CHECK(planDiffText(diff, kOld, kOld) ==
        R"(old: old/plan.json  sha256 0123456789ab
new: old/plan.json  sha256 0123456789ab

                               old         new  change
systems                          7           7       0
scheduled                        6           6       0
waves                            3           3       0
end date                2027-03-28  2027-03-28  0 days
lower bound                      3           3       0
peak hybrid links                4           4       0
permanent hybrid links           1           1       0

moved systems         0  (0 earlier, 0 later)
added systems         0
removed systems       0
now scheduled         0
now retained          0
waves with new dates  0

The plans do not differ: every system is in the same wave, every wave on the same dates.
)");
}

TEST_CASE("the text shows control characters of a plan written out, and no agency as -",
          "[plan_diff_text]") {
  models::PlanDiff diff;
  diff.moved.push_back({"A/x\x1b[2J",
                        "",
                        2,
                        1,
                        {"reason\nforged line",
                         "\xe2\x80\xae"
                         "rtl"}});
  diff.agencies.push_back({"", 1, 1});
  const std::string text = planDiffText(diff, kOld, kNew);
  CHECK(text.find("  A/x\\x1b[2J  -") != std::string::npos);
  CHECK(text.find("reason\\nforged line") != std::string::npos);
  CHECK(text.find("\\u202ertl") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\n  -           1          1\n") != std::string::npos);
}

TEST_CASE("columns are as wide as their text in characters, not bytes", "[plan_diff_text]") {
  models::PlanDiff diff;
  diff.added.push_back({"MÉF/é", "MÉF", models::Strategy::rehost, 1});
  diff.added.push_back({"M/abcd", "M", models::Strategy::retain, 0});
  const std::string text = planDiffText(diff, kOld, kNew);
  CHECK(text.find("  system  agency  wave      strategy\n"
                  "  MÉF/é   MÉF     1         rehost\n"
                  "  M/abcd  M       retained  retain\n") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
