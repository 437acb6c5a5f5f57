#include "engine/replan.h"

#include <catch2/catch.hpp>

#include "engine/plan_migration.h"
#include "tests/engine/inventory_fixture.h"

namespace cloudplan::engine {
namespace {

using models::ProgressStatus;
using testing::inventoryFrom;

constexpr const char* kHeader = "id,name,agency,strategy,pinned_wave,effort_days\n";
// Waves of 28 days from Monday 2027-01-04: wave 1 ends 2027-01-31, wave 2 runs 02-01..02-28,
// wave 3 03-01..03-28, wave 4 03-29..04-25.
const models::Date kStart = models::dateFromCivil(2027, 1, 4);

// A re-plan of `inventory` against a baseline that put each id in the wave given.
struct Replanned : testing::Planned {
  models::Baseline baseline;
  models::Progress progress;

  Replanned(std::string systems, std::string dependencies,
            std::vector<std::pair<std::string, uint32_t>> waves)
      : Planned{inventoryFrom(kHeader + systems, dependencies), std::nullopt, {}} {
    baseline.path = "old/plan.json";
    baseline.start = kStart;
    baseline.waveOf.assign(inventory.systems.size(), 0);
    baseline.listed.assign(inventory.systems.size(), false);
    for (const auto& [id, wave] : waves) {
      const auto s = *inventory.findSystem(id);
      baseline.waveOf[s] = wave;
      baseline.listed[s] = true;
      baseline.waves = std::max(baseline.waves, wave);
    }
    progress.path = "progress.csv";
  }
  Replanned& status(std::string_view id, ProgressStatus status) {
    progress.entries.push_back({.system = *inventory.findSystem(id),
                                .status = status,
                                .line = static_cast<uint32_t>(progress.entries.size() + 2)});
    return *this;
  }
  Replanned& run(models::Date today, models::PlanSettings settings = {}) {
    const ReplanInput input{baseline, &progress, today};
    settings.replan = models::ReplanSettings{.today = today};
    plan = planMigration(inventory, settings, diagnostics, &input);
    return *this;
  }
};

models::PlanSettings capacity(uint32_t n) {
  models::PlanSettings settings;
  settings.waveCapacity = n;
  return settings;
}

constexpr const char* kFive = "a,A,X,,,\nb,B,X,,,\nc,C,X,,,\nd,D,X,,,\ne,E,X,,,\n";
const std::vector<std::pair<std::string, uint32_t>> kFiveWaves = {
    {"a", 1}, {"b", 2}, {"c", 2}, {"d", 3}, {"e", 3}};

TEST_CASE("a re-plan before the start keeps every baseline wave the rules allow: churn 0") {
  Replanned r(kFive, "", kFiveWaves);
  r.run(models::dateFromCivil(2026, 11, 30), capacity(2));
  REQUIRE(r.plan);
  CHECK(r.plan->metrics.churn == 0u);
  CHECK(r.waveOf("a") == 1);
  CHECK(r.waveOf("d") == 3);
  CHECK(r.plan->metrics.waves == 3);
  CHECK(r.reasonsOf("a").front() == "keeps its baseline wave 1");
  CHECK(!r.plan->waves[0].started);
}

TEST_CASE("a slipped system goes to a wave that has not started, moving as few others as it can") {
  Replanned r(kFive, "", kFiveWaves);
  // Wave 1 has ended without a; wave 2 is under way.
  r.status("b", ProgressStatus::inProgress).run(models::dateFromCivil(2027, 2, 10), capacity(2));
  REQUIRE(r.plan);
  CHECK(r.waveOf("b") == 2);
  CHECK(r.waveOf("c") == 2);  // planned in the wave under way: fixed
  CHECK(r.waveOf("d") == 3);
  CHECK(r.waveOf("e") == 3);
  CHECK(r.waveOf("a") == 4);  // wave 3 is full; moving d or e instead would move two
  CHECK(r.plan->metrics.churn == 1u);
  CHECK(r.plan->metrics.lowerBound.waves == 4);  // 2 started + ceil(3 / 2)
  CHECK(r.plan->metrics.lowerBound.started == 2);
  CHECK(r.reasonsOf("a").front() == "slipped: wave 1 ended on 2027-01-31 without it");
  CHECK(r.reasonsOf("b") == std::vector<std::string>{"in progress: stays in baseline wave 2"});
  CHECK(r.reasonsOf("c") ==
        std::vector<std::string>{"wave 2 is under way (it started on 2027-02-01): stays in it"});
  CHECK(r.plan->waves[0].started);
  CHECK(r.plan->waves[1].started);
  CHECK(!r.plan->waves[2].started);
}

TEST_CASE("done systems keep their wave even in a wave that has not started") {
  Replanned r(kFive, "", kFiveWaves);
  r.status("e", ProgressStatus::done).run(models::dateFromCivil(2026, 12, 1), capacity(2));
  REQUIRE(r.plan);
  CHECK(r.waveOf("e") == 3);
  CHECK(r.plan->systems[*r.inventory.findSystem("e")].status == ProgressStatus::done);
  CHECK(r.plan->metrics.churn == 0u);
}

TEST_CASE("a new system takes a wave that has not started and says it is new") {
  Replanned r(kFive, "", {{"a", 1}, {"b", 2}, {"c", 2}, {"d", 3}});
  r.status("a", ProgressStatus::done).run(models::dateFromCivil(2027, 2, 10), capacity(2));
  REQUIRE(r.plan);
  CHECK(r.waveOf("e") == 3);
  CHECK(r.reasonsOf("e").front() == "new since the baseline");
  CHECK(r.plan->systems[*r.inventory.findSystem("e")].baselineWave == 0);
}

TEST_CASE("an on-hold system keeps its baseline wave when it has not started") {
  Replanned r(kFive, "", kFiveWaves);
  r.status("d", ProgressStatus::onHold).run(models::dateFromCivil(2027, 2, 10), capacity(2));
  REQUIRE(r.plan);
  CHECK(r.waveOf("d") == 3);
  CHECK(r.reasonsOf("d").front() == "on hold: keeps its baseline wave 3, which has not started");
}

TEST_CASE("a system under way whose provider slipped is an error naming the chain") {
  Replanned r("p,P,X,,,\nc,C,X,,,\n", "from,to\nc,p\n", {{"p", 1}, {"c", 2}});
  r.run(models::dateFromCivil(2027, 2, 1));  // wave 2 starts today: c is under way
  REQUIRE(!r.plan);
  CHECK(r.messages() ==
        std::vector<std::string>{"the progress contradicts a dependency: 'c' is under way in "
                                 "baseline wave 2, which it keeps, but 'p' is still to move and "
                                 "waves 1 to 2 have started, so wave 3 at the earliest and must "
                                 "move no later: p -> c (correct the progress, or the "
                                 "dependency)"});
}

TEST_CASE("a provider that slips takes its waiting consumer along") {
  Replanned r("p,P,X,,,\nc,C,X,,,\n", "from,to\nc,p\n", {{"p", 1}, {"c", 3}});
  r.run(models::dateFromCivil(2027, 2, 10), capacity(1));
  REQUIRE(r.plan);
  CHECK(r.waveOf("p") == 3);
  CHECK(r.waveOf("c") == 4);
  CHECK(r.reasonsOf("c").front() == "moved from baseline wave 3");
  CHECK(r.reasonsOf("c")[1] == "could move from wave 3; wave 3 was full (1 of 1 systems)");
  CHECK(r.plan->metrics.churn == 2u);
}

TEST_CASE("a pin into a wave that has started is an error unless the system is fixed there") {
  Replanned r("a,A,X,,1,\nb,B,X,,2,\n", "", {{"a", 1}, {"b", 2}});
  r.run(models::dateFromCivil(2027, 2, 10));
  REQUIRE(!r.plan);
  CHECK(r.messages() ==
        std::vector<std::string>{"system 'a' is pinned to wave 1, which started on 2027-01-04 "
                                 "(today is 2027-02-10), but it is not under way in it (pin it "
                                 "to wave 3 or later)"});
}

TEST_CASE("a done system the baseline never planned is an error at its progress line") {
  Replanned r(kFive, "", {{"a", 1}});
  r.status("b", ProgressStatus::done).run(models::dateFromCivil(2027, 2, 10));
  REQUIRE(!r.plan);
  REQUIRE(r.diagnostics.all().size() == 1);
  const auto& error = r.diagnostics.all()[0];
  CHECK(error.file == "progress.csv");
  CHECK(error.line == 2);
  CHECK(error.message ==
        "system 'b' is done, but the baseline 'old/plan.json' gives it no wave (check the id, or "
        "give the baseline that planned it)");
}

TEST_CASE("a rule broken between two fixed systems is history: a warning, and the plan stands") {
  Replanned r("p,P,X,,,\nc,C,X,,,\n", "from,to\nc,p\n", {{"p", 2}, {"c", 1}});
  r.status("p", ProgressStatus::done).status("c", ProgressStatus::done);
  r.run(models::dateFromCivil(2027, 3, 10));
  REQUIRE(r.plan);
  CHECK(r.waveOf("p") == 2);
  CHECK(r.waveOf("c") == 1);
  CHECK(r.messages() ==
        std::vector<std::string>{"dependency 'c' -> 'p': the provider moves in wave 2, after its "
                                 "consumer in wave 1, but both are done or under way: the "
                                 "re-plan keeps them where they are"});
}

TEST_CASE("progress that splits a move group is an error at the link's line") {
  Replanned r("a,A,X,,,\nb,B,X,,,\n", "from,to,coupling\na,b,tight\n", {{"a", 1}, {"b", 1}});
  r.status("b", ProgressStatus::done).run(models::dateFromCivil(2027, 2, 10));
  REQUIRE(!r.plan);
  REQUIRE(r.diagnostics.all().size() == 1);
  CHECK(r.diagnostics.all()[0].file == "dependencies.csv");
  CHECK(r.diagnostics.all()[0].line == 2);
  CHECK(r.messages() ==
        std::vector<std::string>{"the progress contradicts a dependency: 'b' is done in baseline "
                                 "wave 1, which it keeps, but 'a', which moves with it, slipped "
                                 "(wave 1 ended on 2027-01-31 without it) and needs a wave that "
                                 "has not started, wave 3 at the earliest (correct the progress, "
                                 "or the dependency)"});
}

TEST_CASE("done systems joined by a new tight link keep their own waves, and the limits hold") {
  Replanned r("a,A,X,,,\nb,B,X,,,\nc,C,X,,,\nd,D,X,,,\n", "from,to,coupling\na,b,tight\n",
              {{"a", 2}, {"b", 3}, {"c", 2}, {"d", 3}});
  r.status("a", ProgressStatus::done).status("b", ProgressStatus::done);
  r.run(models::dateFromCivil(2026, 12, 1), capacity(2));
  REQUIRE(r.plan);
  CHECK(r.waveOf("a") == 2);
  CHECK(r.waveOf("b") == 3);
  CHECK(r.waveOf("c") == 2);
  CHECK(r.waveOf("d") == 3);
  CHECK(r.plan->metrics.churn == 0u);
  REQUIRE(r.plan->moveGroups.size() == 1);  // the move group is the rules', history or not
  CHECK(r.messages() ==
        std::vector<std::string>{"dependency 'a' -> 'b': a tight link, in waves 2 and 3, but both "
                                 "are done or under way: the re-plan keeps them where they are"});
}

TEST_CASE("a date of a system that must move with a fixed one is checked against its wave") {
  Replanned r("a,A,X,,,\nb,B,X,,,\n", "from,to,coupling\na,b,tight\n", {{"a", 2}});
  r.inventory.systems[*r.inventory.findSystem("b")].notBefore = models::dateFromCivil(2027, 5, 1);
  r.status("a", ProgressStatus::done).run(models::dateFromCivil(2026, 12, 1));
  REQUIRE(!r.plan);
  CHECK(r.messages() ==
        std::vector<std::string>{"the progress contradicts a date: 'a' is done in baseline wave "
                                 "2, which it keeps, but 'b', which moves with it, has not_before "
                                 "2027-05-01, which wave 6 is the first to allow (correct the "
                                 "progress, or the date)"});
}

TEST_CASE("a re-plan keeps the baseline's calendar") {
  Replanned r(kFive, "", kFiveWaves);
  models::PlanSettings settings = capacity(2);
  settings.start = models::dateFromCivil(2030, 1, 1);
  r.run(models::dateFromCivil(2026, 11, 30), settings);
  REQUIRE(r.plan);
  CHECK(r.plan->waves[0].start == kStart);
  CHECK(r.plan->settings.start == kStart);
}

}  // namespace
}  // namespace cloudplan::engine
