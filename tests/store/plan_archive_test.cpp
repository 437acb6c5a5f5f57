// The plans the portal keeps: a plan's record, figures and files archived in the recording's
// transaction (kept together or not at all), read back byte for byte; every plan kept, the
// newest one's waves the only ones read by a submission's feedback.
#include "store/plan_archive.h"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Exception.h>

#include <random>

#include "store/plan_record.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using testing::StoreFixture;

namespace {

constexpr const char* kSettings = R"({"wave_capacity":20})";

// Bytes zlib cannot shrink, the same every run.
std::string noise(size_t size) {
  std::mt19937 random(13);
  std::string bytes(size, '\0');
  for (char& c : bytes)
    c = static_cast<char>(random() & 0xff);
  return bytes;
}

std::string report() {
  std::string html = "<!doctype html>\n<title>National plan</title>\n";
  for (int wave = 1; wave <= 200; ++wave)
    html += "<tr><td>wave " + std::to_string(wave) + "</td><td>MOF/ifmis</td></tr>\n";
  return html;
}

const std::vector<store::FileContent>& planFiles() {
  static const std::vector<store::FileContent> files = {
      {"report.html", report(), {}},
      {"plan.json", R"({"settings":{"wave_capacity":20},"waves":[]})", {}},
      {"waves/wave-1.svg.gz", noise(4096), {}},
      {"empty.txt", "", {}},
      {"with-nul.bin", std::string("a\0b\0c", 5), {}}};
  return files;
}

// Records a plan at the store's last submission and archives it, as the portal's "plan now".
uint32_t archivedPlan(StoreFixture& f, const std::vector<store::SystemWave>& waves,
                      const store::PlanSummary& figures, const std::string& by = "national.office",
                      const std::vector<store::FileContent>& files = planFiles()) {
  store::PlanRecording recording(f.db(), store::lastSubmission(f.sql()), kSettings, waves);
  store::archivePlanFiles(f.sql(), recording.number(), by, figures, files);
  recording.commit();
  return recording.number();
}

// The rows of a query, their columns joined by '|'.
std::vector<std::string> rowsOf(StoreFixture& f, const std::string& query) {
  SQLite::Statement statement(f.sql(), query);
  std::vector<std::string> rows;
  while (statement.executeStep()) {
    std::string row;
    for (int i = 0; i < statement.getColumnCount(); ++i)
      row += (i ? "|" : "") + statement.getColumn(i).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_CASE("an archived plan keeps its record, figures and every file byte for byte",
          "[store][plans]") {
  testing::FixedClock clock("2027-03-01T10:00:00Z");
  StoreFixture f;
  testing::acceptEveryAgency(f);
  const uint32_t number =
      archivedPlan(f, {{"MOF/ifmis", 1}, {"MOF/budget", 2}},
                   {.systems = 6, .waves = 2, .lowerBound = 2, .peakHybridLinks = 3});
  CHECK(number == 1);

  const auto summary = store::readPlanSummary(f.sql(), number);
  REQUIRE(summary);
  CHECK(summary->number == 1);
  CHECK(summary->submission == 4);
  CHECK(summary->at == "2027-03-01T10:00:00Z");
  CHECK(summary->by == "national.office");
  CHECK(summary->settings == kSettings);
  CHECK(summary->systems == 6);
  CHECK(summary->waves == 2);
  CHECK(summary->lowerBound == 2);
  CHECK(summary->peakHybridLinks == 3);
  CHECK(summary->files == 5);

  CHECK(store::planFileNames(f.sql(), number) ==
        std::vector<std::string>{"empty.txt", "plan.json", "report.html", "waves/wave-1.svg.gz",
                                 "with-nul.bin"});
  for (const auto& file : planFiles()) {
    INFO(file.name);
    const auto bytes = store::readPlanFile(f.sql(), number, file.name);
    REQUIRE(bytes);
    CHECK(*bytes == file.bytes);
  }
  // Compressed where it pays, as a submission's files are.
  const size_t reportSize = report().size();
  CHECK(rowsOf(f, "SELECT plan, name, size, compression FROM plan_files ORDER BY name") ==
        std::vector<std::string>{"1|empty.txt|0|none", "1|plan.json|44|none",
                                 fmt::format("1|report.html|{}|zlib", reportSize),
                                 "1|waves/wave-1.svg.gz|4096|none", "1|with-nul.bin|5|none"});
  CHECK(f.count("SELECT length(content) FROM plan_files WHERE name = 'report.html'") <
        static_cast<int64_t>(reportSize / 5));
  CHECK_FALSE(store::readPlanFile(f.sql(), number, "report.htm"));
  CHECK_FALSE(store::readPlanFile(f.sql(), 2, "report.html"));
  CHECK_FALSE(store::readPlanSummary(f.sql(), 2));
  CHECK(store::planFileNames(f.sql(), 2).empty());
}

TEST_CASE("a plan whose recording is not committed is kept with none of its files",
          "[store][plans]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  {
    store::PlanRecording recording(f.db(), 4, kSettings, {{"MOF/ifmis", 1}});
    store::archivePlanFiles(f.sql(), recording.number(), "national.office", {.systems = 6},
                            planFiles());
    // Rendering failed: no commit.
  }
  CHECK(store::listPlans(f.sql()).empty());
  CHECK(f.count("SELECT count(*) FROM plan_files") == 0);
}

TEST_CASE("archiving the files of a plan that does not exist throws, and so does a repeated name",
          "[store][plans]") {
  StoreFixture f;
  testing::acceptEveryAgency(f);
  store::PlanRecording recording(f.db(), 4, kSettings, {});
  CHECK_THROWS_AS(store::archivePlanFiles(f.sql(), recording.number() + 1, "n", {}, {}),
                  SQLite::Exception);
  CHECK_THROWS_AS(store::archivePlanFiles(f.sql(), recording.number(), "n", {},
                                          {{"plan.json", "{}", {}}, {"plan.json", "[]", {}}}),
                  SQLite::Exception);
}

TEST_CASE("every plan is kept, newest first, and only the newest keeps its waves",
          "[store][plans]") {
  testing::FixedClock clock("2027-03-01T10:00:00Z");
  StoreFixture f;
  testing::acceptEveryAgency(f);
  {
    // plan --store: no figures, no files, by nobody.
    store::PlanRecording recording(f.db(), 4, kSettings, {{"MOF/ifmis", 1}});
    recording.commit();
    CHECK(recording.number() == 1);
  }
  clock.set("2027-03-02T10:00:00Z");
  const uint32_t second = archivedPlan(f, {{"MOF/ifmis", 2}}, {.systems = 6, .waves = 2});
  clock.set("2027-03-03T10:00:00Z");
  const uint32_t third = archivedPlan(f, {{"MOF/ifmis", 3}}, {.systems = 6, .waves = 3}, "jane",
                                      {{"plan.json", "{}", {}}});
  CHECK(second == 2);
  CHECK(third == 3);

  std::vector<std::string> plans;
  for (const auto& plan : store::listPlans(f.sql())) {
    plans.push_back(fmt::format("{} {} by '{}': {} systems, {} waves, {} files", plan.number,
                                plan.at, plan.by, plan.systems, plan.waves, plan.files));
  }
  CHECK(plans == std::vector<std::string>{
                     "3 2027-03-03T10:00:00Z by 'jane': 6 systems, 3 waves, 1 files",
                     "2 2027-03-02T10:00:00Z by 'national.office': 6 systems, 2 waves, 5 files",
                     "1 2027-03-01T10:00:00Z by '': 0 systems, 0 waves, 0 files"});
  CHECK(rowsOf(f, "SELECT number, waves FROM plans ORDER BY number") ==
        std::vector<std::string>{"1|", "2|", "3|MOF/ifmis\t3\n"});
  // The earlier plans' files stay.
  CHECK(store::readPlanFile(f.sql(), second, "report.html") == report());

  // A submission's feedback reads the newest plan's waves.
  const auto outcome = f.accept("MOF", {{"systems.csv",
                                         "id,name,agency,strategy,effort_days\n"
                                         "MOF/ifmis,Financial management,MOF,replatform,80\n"
                                         "MOF/budget,Budget preparation,MOF,repurchase,30\n"
                                         "TAX/efiling,Tax e-filing,MOF-TAX,rehost,10\n"},
                                        {"dependencies.csv", testing::kMofDependencies}});
  CHECK(outcome.changes.planSubmission == 4u);
  REQUIRE(outcome.changes.waves.size() == 1);
  CHECK(outcome.changes.waves[0].id == "MOF/ifmis");
  CHECK(outcome.changes.waves[0].wave == 3);
  CHECK(outcome.changes.waves[0].planned);
  CHECK(outcome.changes.waves[0].reason == "effort_days changed");
}
