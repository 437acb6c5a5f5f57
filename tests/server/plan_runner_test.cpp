#include "server/plan_runner.h"

#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <stdio.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "importers/plan/plan_json_reader.h"
#include "importers/plan/plan_reader.h"
#include "store/plan_archive.h"
#include "store/plan_record.h"
#include "tests/store/store_fixture.h"

namespace cloudplan::testing {
namespace {

const std::string kSamples = CLOUDPLAN_SOURCE_DIR "/samples/";
const std::string kCheckPlan = CLOUDPLAN_SOURCE_DIR "/../shared/tools/check_plan.py";
const std::vector<std::string> kMinistries = {"DGA", "MOE", "MOF", "MOH", "MOI"};

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Files folderFiles(const std::string& folder) {
  Files files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    files[entry.path().filename().string()] = fileText(entry.path().string());
  return files;
}

// The samples' store as scripts/demo builds it: the register, then a submission per ministry, in
// name order (every reference resolved once the five are in).
struct SamplesStore {
  SamplesStore() : store(fileText(kSamples + "government/agencies.csv")) {
    for (const std::string& ministry : kMinistries)
      store.accept(ministry, folderFiles(kSamples + "submissions/" + ministry));
  }
  FixedClock clock;
  StoreFixture store;
};

// MOF's dependencies.csv, of the third submission after the register (the fixture writes each
// submission's files to a folder of its own).
std::string retiredProviderWarning(SamplesStore& samples) {
  return fmt::format(
      "{}#4:{}:22: warning: [retained-loses-provider] retained system 'MOF-TRE/treasury-ledger' "
      "depends on 'DGA/sftp-hub', which retires: it loses that provider (migrate the consumer, "
      "or keep the provider)",
      samples.store.path, samples.store.folder / "submission-3/dependencies.csv");
}

models::PlanSettings demoSettings() {
  models::PlanSettings settings;
  settings.waveCapacity = 8;
  return settings;
}

std::string sectionOf(const std::string& html, const std::string& id) {
  const size_t start = html.find(fmt::format("<section id=\"{}\">", id));
  if (start == std::string::npos) return {};
  return html.substr(start, html.find("</section>", start) - start);
}

// What check_plan.py prints, and whether it passed.
std::pair<bool, std::string> checkPlan(const std::string& inputs, const std::string& plan) {
  const std::string command =
      fmt::format("python3 '{}' --inputs '{}' --plan '{}' 2>&1", kCheckPlan, inputs, plan);
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (const size_t n = fread(buffer, 1, sizeof buffer, pipe))
    output.append(buffer, n);
  return {pclose(pipe) == 0, output};
}

}  // namespace

TEST_CASE("plan now archives the plan, its files and every ministry's page", "[plan_runner]") {
  SamplesStore samples;
  const server::PlanRun run =
      server::planNationalInventory(samples.store.db(), demoSettings(), "National Office");
  INFO(fmt::format("{}", fmt::join(linesOf(run.diagnostics), "\n")));
  REQUIRE(run.plan);
  // The planner's own warning about the samples, as plan samples/government gives it.
  CHECK(linesOf(run.diagnostics) == std::vector<std::string>{retiredProviderWarning(samples)});

  SQLite::Database& sql = samples.store.sql();
  const auto summary = store::readPlanSummary(sql, *run.plan);
  REQUIRE(summary);
  CHECK(summary->number == *run.plan);
  CHECK(summary->submission == 6);  // the register and five ministries
  CHECK(summary->by == "National Office");
  CHECK(summary->systems == 86);

  std::vector<std::string> expected = {"plan.json",          "schedule.csv", "waves.csv",
                                       "plan.archimate.xml", "overview.svg", "schedule.svg",
                                       "risks.csv",          "report.html",  "ministries.html"};
  for (uint32_t wave = 1; wave <= summary->waves; ++wave)
    expected.push_back(fmt::format("waves/wave-{}.svg", wave));
  for (const std::string& ministry : kMinistries) {
    expected.push_back(fmt::format("agencies/{}.svg", ministry));
    expected.push_back(fmt::format("report-{}.html", ministry));
  }
  std::vector<std::string> names = store::planFileNames(sql, *run.plan);
  std::sort(names.begin(), names.end());
  std::sort(expected.begin(), expected.end());
  CHECK(names == expected);
  CHECK(summary->files == expected.size());

  // The archived plan.json is the plan whose figures the summary holds, and it keeps the rules.
  const auto json = store::readPlanFile(sql, *run.plan, "plan.json");
  REQUIRE(json);
  models::Diagnostics diagnostics;
  const auto document = importers::parsePlanJson(*json, "plan.json", diagnostics);
  REQUIRE(document);
  const auto loaded = importers::planFromJson(*document, "plan.json", diagnostics);
  REQUIRE(loaded);
  CHECK(loaded->plan.metrics.systems == summary->systems);
  CHECK(loaded->plan.metrics.waves == summary->waves);
  CHECK(loaded->plan.metrics.lowerBound.waves == summary->lowerBound);
  CHECK(loaded->plan.metrics.peakHybridLinks == summary->peakHybridLinks);
  CHECK(loaded->plan.settings.waveCapacity == 8u);

  REQUIRE(std::filesystem::exists(kCheckPlan));
  const std::string written = samples.store.folder.write("archived/plan.json", *json);
  const auto [passed, output] = checkPlan(kSamples + "government", written);
  INFO(output);
  CHECK(passed);
  CHECK(output.find("\nOK systems=86 ") != std::string::npos);

  // The feedback of later submissions reads the waves of the plan recorded.
  CHECK(samples.store.count("SELECT count(*) FROM plans WHERE waves <> ''") == 1);
}

TEST_CASE("a second plan gets a new number, the first stays readable, and the two compare",
          "[plan_runner]") {
  SamplesStore samples;
  SQLite::Database& sql = samples.store.sql();
  const server::PlanRun first =
      server::planNationalInventory(samples.store.db(), demoSettings(), "National Office");
  REQUIRE(first.plan);
  const auto firstJson = store::readPlanFile(sql, *first.plan, "plan.json");
  REQUIRE(firstJson);

  // MOF's second quarter: its new system refers to DGA/xbuss, which the store does not have.
  samples.clock.set("2027-04-02T10:30:00Z");
  samples.store.submit("MOF", folderFiles(kSamples + "resubmission/MOF"));
  const server::PlanRun second =
      server::planNationalInventory(samples.store.db(), demoSettings(), "Kim Minji");
  REQUIRE(second.plan);
  CHECK(*second.plan > *first.plan);
  CHECK(linesOf(second.diagnostics) ==
        std::vector<std::string>{
            fmt::format("{}:0: note: [unresolved-references] 1 reference to systems the store "
                        "does not have: MOF 1",
                        samples.store.path),
            retiredProviderWarning(samples),
            fmt::format("{}#7:{}:5: warning: [unresolved-reference] 'MOF/open-budget' of MOF "
                        "depends on 'DGA/xbuss', which the store does not have: left out of this "
                        "plan (--drop-unresolved)",
                        samples.store.path, samples.store.folder / "submission-6/systems.csv")});

  CHECK(store::readPlanFile(sql, *first.plan, "plan.json") == firstJson);
  const auto plans = store::listPlans(sql);
  REQUIRE(plans.size() == 2);
  CHECK(plans[0].number == *second.plan);
  CHECK(plans[0].by == "Kim Minji");
  CHECK(plans[0].systems == 86);  // one added, one retired and gone
  CHECK(plans[1].number == *first.plan);
  CHECK(plans[1].by == "National Office");

  std::string error;
  const auto html = server::comparePlans(samples.store.db(), *first.plan, *second.plan, error);
  INFO(error);
  REQUIRE(html);
  CHECK(error.empty());
  CHECK(html->starts_with("<!DOCTYPE html>"));
  CHECK(html->find(fmt::format("plan {} (2027-01-10T09:00:00Z)", *first.plan)) !=
        std::string::npos);
  CHECK(html->find(fmt::format("plan {} (2027-04-02T10:30:00Z)", *second.plan)) !=
        std::string::npos);
  CHECK(sectionOf(*html, "added").find("MOF/open-budget") != std::string::npos);
  CHECK(sectionOf(*html, "removed").find("MOF/website") != std::string::npos);
  CHECK(sectionOf(*html, "added").find("MOF/website") == std::string::npos);

  // A plan compared with itself differs in nothing.
  const auto same = server::comparePlans(samples.store.db(), *first.plan, *first.plan, error);
  REQUIRE(same);
  CHECK(sectionOf(*same, "added").empty());
  CHECK(sectionOf(*same, "removed").empty());
  CHECK(sectionOf(*same, "moved").empty());
}

TEST_CASE("comparing a plan the store does not have says which", "[plan_runner]") {
  SamplesStore samples;
  const server::PlanRun run =
      server::planNationalInventory(samples.store.db(), demoSettings(), "National Office");
  REQUIRE(run.plan);
  const uint32_t kept = *run.plan;
  std::string error;
  CHECK_FALSE(server::comparePlans(samples.store.db(), kept, kept + 6, error));
  CHECK(error == fmt::format("plan {} is not in the store (the plans page lists them)", kept + 6));
  CHECK_FALSE(server::comparePlans(samples.store.db(), kept + 5, kept, error));
  CHECK(error == fmt::format("plan {} is not in the store (the plans page lists them)", kept + 5));
  CHECK_FALSE(server::comparePlans(samples.store.db(), kept + 5, kept + 6, error));
  CHECK(error == fmt::format("plans {} and {} are not in the store (the plans page lists them)",
                             kept + 5, kept + 6));
  CHECK_FALSE(server::comparePlans(samples.store.db(), 0, 0, error));
  CHECK(error == "plan 0 is not in the store (the plans page lists them)");
}

TEST_CASE(
    "a plan of plan --store, which keeps no files, or an unreadable plan.json, is not "
    "compared",
    "[plan_runner]") {
  SamplesStore samples;
  const server::PlanRun run =
      server::planNationalInventory(samples.store.db(), demoSettings(), "National Office");
  REQUIRE(run.plan);
  uint32_t bare = 0, broken = 0;
  {
    store::PlanRecording recording(samples.store.db(), 6, "{}", {});
    bare = recording.number();
    recording.commit();
  }
  {
    store::PlanRecording recording(samples.store.db(), 6, "{}", {});
    broken = recording.number();
    store::PlanSummary figures;
    figures.number = broken;
    store::archivePlanFiles(samples.store.sql(), broken, "National Office", figures,
                            {{"plan.json", "{\"format\": \"cloudplan-plan\",\n  [", {}}});
    recording.commit();
  }
  std::string error;
  CHECK_FALSE(server::comparePlans(samples.store.db(), bare, *run.plan, error));
  CHECK(error == fmt::format("plan {} has no files in the store (cloudplan plan --store made it, "
                             "and keeps only its waves; compare plans made with plan now)",
                             bare));
  CHECK_FALSE(server::comparePlans(samples.store.db(), *run.plan, broken, error));
  CHECK(error == fmt::format("plan {}'s plan.json cannot be read: not a JSON object (give the "
                             "plan.json that cloudplan plan wrote)",
                             broken));
}

TEST_CASE("a plan with errors is not recorded, and its diagnostics say why", "[plan_runner]") {
  SamplesStore samples;
  models::PlanSettings settings = demoSettings();
  settings.waveCapacity = 1;  // the samples' move groups hold more than one system
  const server::PlanRun run =
      server::planNationalInventory(samples.store.db(), settings, "National Office");
  CHECK_FALSE(run.plan);
  CHECK(run.diagnostics.hasErrors());
  const auto& all = run.diagnostics.all();
  CHECK(std::any_of(all.begin(), all.end(), [](const models::Diagnostic& d) {
    return d.code == "oversize" && d.message.starts_with("move group G1 (");
  }));
  CHECK(store::listPlans(samples.store.sql()).empty());
  CHECK(samples.store.count("SELECT count(*) FROM plans") == 0);
}

}  // namespace cloudplan::testing
