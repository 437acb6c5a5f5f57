#include "engine/plan_migration.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using testing::inventoryFrom;

constexpr const char* kHeader = "id,name,agency,strategy,pinned_wave,not_before,effort_days\n";

using testing::Planned;

Planned planOf(std::string systems, std::string dependencies, models::PlanSettings settings = {}) {
  Planned result{inventoryFrom(kHeader + systems, dependencies), std::nullopt, {}};
  result.plan = planMigration(result.inventory, settings, result.diagnostics);
  return result;
}

models::PlanSettings capacity(uint32_t n) {
  models::PlanSettings settings;
  settings.waveCapacity = n;
  return settings;
}

TEST_CASE("a migrating provider moves no later than its migrating consumer") {
  const auto p = planOf("app,App,A,,,,\ndb,DB,A,,2,,\n", "from,to\napp,db\n");
  REQUIRE(p.plan);
  CHECK(p.waveOf("db") == 2);
  CHECK(p.waveOf("app") == 2);
  CHECK(p.plan->systems[*p.inventory.findSystem("app")].reasons ==
        std::vector<std::string>{"waits for its provider db, which moves in wave 2"});
}

TEST_CASE("consumers-first order moves the consumer no later than its provider") {
  auto settings = capacity(1);
  settings.order = models::Order::consumersFirst;
  const auto p = planOf("app,App,A,,,,\ndb,DB,A,,,,\n", "from,to\napp,db\n", settings);
  REQUIRE(p.plan);
  CHECK(p.waveOf("app") == 1);
  CHECK(p.waveOf("db") == 2);
}

TEST_CASE("a loose dependency does not order its ends") {
  const auto p =
      planOf("app,App,A,,,,\ndb,DB,A,,,,\n", "from,to,coupling\ndb,app,loose\n", capacity(1));
  REQUIRE(p.plan);
  CHECK(p.waveOf("app") == 1);
  CHECK(p.waveOf("db") == 2);
}

TEST_CASE("a retiring provider is switched off no earlier than its consumer moves") {
  const auto p = planOf("app,App,A,,2,,\nold,Old,A,retire,,,\n", "from,to\napp,old\n");
  REQUIRE(p.plan);
  CHECK(p.waveOf("app") == 2);
  CHECK(p.waveOf("old") == 2);
  CHECK(
      p.plan->systems[*p.inventory.findSystem("old")].reasons ==
      std::vector<std::string>{"is switched off only once its consumer app has moved, in wave 2"});
}

TEST_CASE("a retained consumer of a retiring provider is a warning") {
  const auto p = planOf("keep,Keep,A,retain,,,\nold,Old,A,retire,,,\n", "from,to\nkeep,old\n");
  REQUIRE(p.plan);
  CHECK(p.plan->systems[*p.inventory.findSystem("keep")].wave == 0);
  CHECK(p.messages() ==
        std::vector<std::string>{"retained system 'keep' depends on 'old', which retires: it loses "
                                 "that provider (migrate the consumer, or keep the provider)"});
}

TEST_CASE("tightly coupled systems form a move group that shares a wave") {
  const auto p = planOf("app,App,A,,,,\ndb,DB,A,,,,\nx,X,B,,,,\n",
                        "from,to,coupling\napp,db,tight\n", capacity(2));
  REQUIRE(p.plan);
  REQUIRE(p.plan->moveGroups.size() == 1);
  CHECK(p.plan->moveGroups[0].cause == models::MoveGroupCause::tight);
  CHECK(p.waveOf("app") == p.waveOf("db"));
  CHECK(p.plan->systems[*p.inventory.findSystem("db")].reasons[0] ==
        "moves with its move group G1 (2 systems; tight: app + db)");
}

TEST_CASE("a dependency cycle becomes a move group that names the cycle") {
  const auto p = planOf("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\n", "from,to\na,b\nb,c\nc,a\n");
  REQUIRE(p.plan);
  REQUIRE(p.plan->moveGroups.size() == 1);
  CHECK(p.plan->moveGroups[0].cause == models::MoveGroupCause::cycle);
  CHECK(p.plan->systems[0].reasons[0] ==
        "moves with its move group G1 (3 systems; cycle: a -> b -> c -> a)");
}

TEST_CASE("a cycle closed by a tight link is a move group of both causes") {
  const auto p = planOf("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\n",
                        "from,to,coupling\na,b,normal\nb,c,normal\nc,a,tight\n");
  REQUIRE(p.plan);
  REQUIRE(p.plan->moveGroups.size() == 1);
  CHECK(p.plan->moveGroups[0].cause == models::MoveGroupCause::both);
}

TEST_CASE("capacity sets the number of waves and the lower bound") {
  std::string systems;
  for (int i = 0; i < 10; ++i)
    systems += fmt::format("s{},S,A,,,,\n", i);
  const auto p = planOf(systems, "", capacity(3));
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.waves == 4);
  CHECK(p.plan->metrics.lowerBound.waves == 4);
  CHECK(p.plan->metrics.lowerBound.capacity == 4);
}

TEST_CASE("the effort limit bounds the effort of each wave") {
  models::PlanSettings settings;
  settings.waveEffort = 25;
  const auto p = planOf("a,A,X,,,,20\nb,B,X,,,,20\nc,C,X,,,,5\n", "", settings);
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.waves == 2);
  for (const auto& wave : p.plan->waves)
    CHECK(wave.effortDays <= 25);
}

TEST_CASE("a pinned system moves in its wave") {
  const auto p = planOf("a,A,X,,3,,\nb,B,X,,,,\n", "");
  REQUIRE(p.plan);
  CHECK(p.waveOf("a") == 3);
  CHECK(p.waveOf("b") == 1);
  CHECK(p.plan->systems[0].reasons == std::vector<std::string>{"pinned to wave 3"});
}

TEST_CASE("pins that contradict a tight link are an error naming both") {
  const auto p = planOf("a,A,X,,2,,\nb,B,X,,5,,\n", "from,to,coupling\na,b,tight\n");
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{
                            "pins contradict each other: 'a' is pinned to wave 2 and 'b' to wave "
                            "5, but move group G1 (a, b) moves as one (change one of the pins)"});
}

TEST_CASE("a pin that contradicts a dependency is an error naming the chain") {
  const auto p =
      planOf("gl,GL,X,,2,,\nmid,Mid,X,,,,\nsso,SSO,X,,5,,\n", "from,to\ngl,mid\nmid,sso\n");
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{
                            "pins contradict a dependency: 'gl' is pinned to wave 2, but 'sso' is "
                            "pinned to wave 5 and must move no later: sso -> mid -> gl (move one "
                            "of the pins)"});
}

TEST_CASE("a pin before a not_before date is an error") {
  const auto p = planOf("a,A,X,,1,2027-03-01,\n", "");
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{
                            "'a' is pinned to wave 1, but 'a' has not_before 2027-03-01, which "
                            "wave 3 is the first to allow (move the pin or the date)"});
}

TEST_CASE("a move group over the capacity is an error unless oversize is allowed") {
  auto settings = capacity(1);
  const auto refused =
      planOf("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\n", "from,to,coupling\na,b,tight\n", settings);
  CHECK_FALSE(refused.plan);
  CHECK(refused.messages() ==
        std::vector<std::string>{"move group G1 (a, b) needs 2 systems, more than the wave "
                                 "capacity 1 (raise the limit, or give it a wave of its own "
                                 "with --allow-oversize)"});
  settings.allowOversize = true;
  const auto allowed =
      planOf("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\n", "from,to,coupling\na,b,tight\n", settings);
  REQUIRE(allowed.plan);
  CHECK(allowed.plan->metrics.waves == 2);
  const uint32_t groupWave = allowed.waveOf("a");
  CHECK(allowed.plan->waves[groupWave - 1].oversize);
  CHECK(allowed.plan->waves[groupWave - 1].systems.size() == 2);
}

TEST_CASE("a system with not_before waits for the first wave that starts on or after it") {
  const auto p = planOf("a,A,X,,,2027-02-01,\n", "");
  REQUIRE(p.plan);
  CHECK(p.waveOf("a") == 2);
  CHECK(models::formatDate(p.plan->waves[1].start) == "2027-02-01");
  CHECK(p.plan->waves[0].systems.empty());
}

TEST_CASE("a wave that would overlap a freeze window starts after it") {
  auto settings = capacity(1);
  settings.freeze.push_back({*models::parseDate("2027-02-10"), *models::parseDate("2027-02-20")});
  const auto p = planOf("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\n", "", settings);
  REQUIRE(p.plan);
  CHECK(models::formatDate(p.plan->waves[0].start) == "2027-01-04");
  CHECK(models::formatDate(p.plan->waves[0].end) == "2027-01-31");
  CHECK(models::formatDate(p.plan->waves[1].start) == "2027-02-21");
  CHECK(models::formatDate(p.plan->waves[2].start) == "2027-03-21");
}

TEST_CASE("a link is hybrid while one end is in the cloud and the other on premises") {
  const auto p =
      planOf("a,A,X,,,,\nb,B,X,,,,\nkeep,K,X,retain,,,\n", "from,to\nb,a\nkeep,a\n", capacity(1));
  REQUIRE(p.plan);
  CHECK(p.plan->waves[0].hybridLinksAfter == 2);  // a moved; b and keep still on premises
  CHECK(p.plan->waves[1].hybridLinksAfter == 1);  // keep stays for good
  CHECK(p.plan->metrics.peakHybridLinks == 2);
  CHECK(p.plan->metrics.permanentHybridLinks == 1);
}

TEST_CASE("a full wave holds the next ready system back and says so") {
  const auto p = planOf("a,A,X,,,,\nb,B,X,,,,\n", "", capacity(1));
  REQUIRE(p.plan);
  CHECK(p.plan->systems[1].reasons ==
        std::vector<std::string>{"could move from wave 1; wave 1 was full (1 of 1 systems)"});
}

TEST_CASE("the same inputs give the same plan") {
  const auto first = planOf("a,A,X,,,,\nb,B,Y,,,,\nc,C,X,,,,\n", "from,to\nc,a\n", capacity(2));
  const auto second = planOf("a,A,X,,,,\nb,B,Y,,,,\nc,C,X,,,,\n", "from,to\nc,a\n", capacity(2));
  REQUIRE(first.plan);
  for (models::SystemIndex s = 0; s < 3; ++s) {
    CHECK(first.plan->systems[s].wave == second.plan->systems[s].wave);
  }
}

}  // namespace
}  // namespace cloudplan::engine

namespace cloudplan::engine {
namespace {

TEST_CASE("more pinned systems than a wave holds is an error naming the wave") {
  const auto p = planOf("a,A,X,,1,,\nb,B,X,,1,,\nc,C,X,,1,,\nd,D,X,,,,\n", "", capacity(2));
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{"wave 1 must hold 3 systems pinned to it, more "
                                                 "than the wave capacity 2 (move pins, or raise "
                                                 "--wave-capacity)"});
}

TEST_CASE("pins and the providers they wait for must fit in the waves before them") {
  const auto p = planOf("a,A,X,,2,,\nb,B,X,,2,,\nc,C,X,,,,\nd,D,X,,,,\ne,E,X,,,,\n",
                        "from,to\na,c\nb,d\na,e\n", capacity(2));
  CHECK_FALSE(p.plan);
  CHECK(p.messages() ==
        std::vector<std::string>{"pins need 5 systems in waves 1 to 2 (the pinned systems and the "
                                 "providers they wait for), more than 2 waves of capacity 2 hold "
                                 "(move pins later, or raise --wave-capacity)"});
}

TEST_CASE("the providers of pinned systems count against the waves before the pin") {
  const auto p = planOf("a,A,X,,2,,\nb,B,X,,,,\nc,C,X,,,,\n", "from,to\na,b\nb,c\n", capacity(1));
  CHECK_FALSE(p.plan);
  CHECK(p.messages() ==
        std::vector<std::string>{"pins need 3 systems in waves 1 to 2 (the pinned systems and the "
                                 "providers they wait for), more than 2 waves of capacity 1 hold "
                                 "(move pins later, or raise --wave-capacity)"});
}

TEST_CASE("a plan far longer than the bound is still found, with a note that says why") {
  // Thirty systems that may not start before wave 10, one a wave: the bound counts 30 waves
  // (capacity) and 10 (date) but not both, and the plan needs 39.
  const std::string date = models::formatDate(models::dateFromCivil(2027, 1, 4) + 28 * 9);
  std::string systems;
  for (int i = 0; i < 30; ++i)
    systems += fmt::format("d{},D,X,,,{},\n", i, date);
  const auto p = planOf(systems, "", capacity(1));
  REQUIRE(p.plan);
  CHECK(p.plan->metrics.lowerBound.waves == 30);
  CHECK(p.plan->metrics.waves == 39);
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.diagnostics.all()[0].code == "above-lower-bound");
}

}  // namespace
}  // namespace cloudplan::engine

namespace cloudplan::engine {
namespace {

// finish_by is set on the inventory directly: the tests do not depend on the importers' columns.
Planned planDue(std::string systems, std::string dependencies,
                std::vector<std::pair<std::string_view, std::string_view>> finishBy,
                models::PlanSettings settings = {}) {
  Planned result{inventoryFrom(kHeader + systems, dependencies), std::nullopt, {}};
  for (const auto& [id, date] : finishBy)
    result.inventory.systems[*result.inventory.findSystem(id)].finishBy = models::parseDate(date);
  result.plan = planMigration(result.inventory, settings, result.diagnostics);
  return result;
}

// Waves of 28 days from 2027-01-04: wave 1 ends 2027-01-31, wave 2 2027-02-28, wave 3 2027-03-28.

TEST_CASE("a system with finish_by moves in a wave that ends by then") {
  const auto p =
      planDue("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\n", "", {{"c", "2027-02-28"}}, capacity(1));
  REQUIRE(p.plan);
  CHECK(p.waveOf("c") <= 2);
  CHECK(p.plan->metrics.waves == 3);
}

TEST_CASE("a finish_by pulls the chain of providers it waits for earlier") {
  const auto p = planDue("x,X,X,,,,\ny,Y,X,,,,\napp,App,X,,,,\ndb,DB,X,,,,\nbase,Base,X,,,,\n",
                         "from,to\napp,db\ndb,base\n", {{"app", "2027-03-28"}}, capacity(1));
  REQUIRE(p.plan);
  CHECK(p.waveOf("base") == 1);
  CHECK(p.waveOf("db") == 2);
  CHECK(p.waveOf("app") == 3);
  CHECK(p.plan->systems[*p.inventory.findSystem("app")].reasons ==
        std::vector<std::string>{"finish_by 2027-03-28: wave 3 is the last to end by then",
                                 "could move from wave 2; wave 2 was full (1 of 1 systems)"});
  CHECK(p.diagnostics.all().empty());
  // Without the deadline the chain goes last, after x and y.
  const auto free = planDue("x,X,X,,,,\ny,Y,X,,,,\napp,App,X,,,,\ndb,DB,X,,,,\nbase,Base,X,,,,\n",
                            "from,to\napp,db\ndb,base\n", {}, capacity(1));
  REQUIRE(free.plan);
  CHECK(free.waveOf("app") == 5);
}

TEST_CASE("a provider in the wave its consumer's finish_by needs says so") {
  const auto p = planDue("x,X,X,,,,\napp,App,X,,,,\ndb,DB,X,,,,\n", "from,to,coupling\napp,db\n",
                         {{"app", "2027-01-31"}}, capacity(2));
  REQUIRE(p.plan);
  CHECK(p.waveOf("db") == 1);
  CHECK(
      p.plan->systems[*p.inventory.findSystem("db")].reasons ==
      std::vector<std::string>{
          "app, which waits for it, has finish_by 2027-01-31: wave 1 is the last to end by then"});
}

TEST_CASE("a finish_by before the end of wave 1 is an error") {
  const auto p = planDue("a,A,X,,,,\n", "", {{"a", "2027-01-20"}});
  CHECK_FALSE(p.plan);
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.diagnostics.all()[0].code == "finish-by-before-first-wave");
  CHECK(p.diagnostics.all()[0].file == "systems.csv");
  CHECK(p.diagnostics.all()[0].line == 2);
  CHECK(p.messages() == std::vector<std::string>{
                            "finish_by 2027-01-20 of 'a' is before the end of wave 1 (2027-01-31): "
                            "no wave ends by then (move the date later, or start the plan "
                            "earlier)"});
}

TEST_CASE("a finish_by before the pinned wave is an error") {
  const auto p = planDue("a,A,X,,3,,\n", "", {{"a", "2027-02-28"}});
  CHECK_FALSE(p.plan);
  CHECK(p.messages() ==
        std::vector<std::string>{"finish_by 2027-02-28 of 'a' needs wave 2 at the latest (the "
                                 "last to end by then), but 'a' is pinned to wave 3 (move the "
                                 "pin or the date)"});
}

TEST_CASE("a finish_by before the first wave its not_before allows is an error") {
  const auto p = planDue("a,A,X,,,2027-03-01,\n", "", {{"a", "2027-02-28"}});
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{
                            "finish_by 2027-02-28 of 'a' needs wave 2 at the latest (the last to "
                            "end by then), but 'a' has not_before 2027-03-01, which wave 3 is the "
                            "first to allow (move one of the dates)"});
}

TEST_CASE("a finish_by that a chain of providers holds back is an error naming the chain") {
  const auto p = planDue("app,App,X,,,,\ndb,DB,X,,,,\nbase,Base,X,,3,,\n",
                         "from,to\napp,db\ndb,base\n", {{"app", "2027-02-28"}});
  CHECK_FALSE(p.plan);
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.diagnostics.all()[0].code == "finish-by-contradicts-dependency");
  CHECK(p.messages() ==
        std::vector<std::string>{"finish_by 2027-02-28 of 'app' needs wave 2 at the latest (the "
                                 "last to end by then), but 'base' is pinned to wave 3 and must "
                                 "move no later: base -> db -> app (move the finish_by later, or "
                                 "the pin or date earlier)"});
}

TEST_CASE("more systems due by a wave than the waves before it hold is an error") {
  const auto p =
      planDue("a,A,X,,,,\nb,B,X,,,,\nc,C,X,,,,\nd,D,X,,,,\n", "from,to\nc,d\n",
              {{"a", "2027-02-28"}, {"b", "2027-02-28"}, {"c", "2027-02-28"}}, capacity(1));
  CHECK_FALSE(p.plan);
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.diagnostics.all()[0].code == "deadlines-over-limit");
  CHECK(p.messages() ==
        std::vector<std::string>{"finish_by dates need 4 systems in waves 1 to 2 (the systems "
                                 "due by then and the providers they wait for), more than 2 "
                                 "waves of capacity 1 hold (move finish_by dates later, or raise "
                                 "--wave-capacity)"});
}

TEST_CASE("pins and deadlines together over the capacity name both") {
  const auto p = planDue("a,A,X,,1,,\nb,B,X,,,,\n", "", {{"b", "2027-01-31"}}, capacity(1));
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{
                            "pins and finish_by dates need 2 systems in waves 1 to 1 (the pinned "
                            "systems, those due by then and the providers they wait for), more "
                            "than 1 waves of capacity 1 hold (move pins or finish_by dates later, "
                            "or raise --wave-capacity)"});
}

TEST_CASE("systems that a date and a deadline squeeze into one full wave have no plan") {
  const auto p =
      planDue("a,A,X,,,2027-02-01,\nb,B,X,,,2027-02-01,\nc,C,X,,,2027-02-01,\n", "",
              {{"a", "2027-02-28"}, {"b", "2027-02-28"}, {"c", "2027-02-28"}}, capacity(2));
  CHECK_FALSE(p.plan);
  CHECK(p.messages() == std::vector<std::string>{
                            "no plan fits in 1000 waves: with 2 waves, system 'c' must move by "
                            "wave 2 (finish_by 2027-02-28 of 'c') but that wave is full"});
}

TEST_CASE("a retained system's finish_by is ignored with a warning") {
  const auto p = planDue("a,A,X,,,,\nkeep,K,X,retain,,,\n", "", {{"keep", "2027-01-20"}});
  REQUIRE(p.plan);
  CHECK(p.messages() ==
        std::vector<std::string>{"system 'keep' is retained, so its finish_by is ignored"});
}

}  // namespace
}  // namespace cloudplan::engine

namespace cloudplan::engine {
namespace {

TEST_CASE("a system whose agency waits for its dated systems says so") {
  const auto p = planOf("a1,A1,A,,,2027-02-01,\na2,A2,A,,,,\nb,B,B,,,,\n", "");
  REQUIRE(p.plan);
  CHECK(p.waveOf("a2") == 2);
  CHECK(p.waveOf("b") == 1);
  CHECK(p.plan->systems[*p.inventory.findSystem("a2")].reasons ==
        std::vector<std::string>{"could move from wave 1; its agency A waits for wave 2, the "
                                 "first that the not_before dates of its systems allow, so that "
                                 "it moves in one piece"});
}

}  // namespace
}  // namespace cloudplan::engine
