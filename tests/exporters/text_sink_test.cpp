#include "exporters/text_sink.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "exporters/csv/schedule_csv.h"
#include "exporters/json/plan_json.h"
#include "tests/exporters/small_plan_fixture.h"

using namespace cloudplan;
using exporters::TextSink;

namespace {

// A sink whose writes are recorded one by one.
struct RecordedSink {
  std::vector<std::string> writes;
  bool refuse = false;
  TextSink sink{[this](std::string_view text) {
    if (refuse) return false;
    writes.emplace_back(text);
    return true;
  }};
};

}  // namespace

TEST_CASE("a sink that keeps its text gives it all back, whatever pieces it came in") {
  TextSink sink;
  sink.text() += "a,";
  sink.pieceDone();
  sink.write("b,");
  CHECK(sink.flush());
  sink.text() += "c";
  CHECK(sink.take() == "a,b,c");
}

TEST_CASE("a writing sink hands text on only once a chunk is buffered and a piece is done") {
  RecordedSink recorded;
  TextSink& sink = recorded.sink;
  sink.text() += "row\n";
  sink.pieceDone();
  CHECK(recorded.writes.empty());
  const std::string large(TextSink::kChunk, 'x');
  sink.text() += large;
  CHECK(recorded.writes.empty());  // the piece is not done yet
  sink.pieceDone();
  REQUIRE(recorded.writes.size() == 1);
  CHECK(recorded.writes[0] == "row\n" + large);
  CHECK(sink.text().empty());
  sink.text() += "tail";
  CHECK(sink.flush());
  CHECK(recorded.writes.back() == "tail");
}

TEST_CASE("a whole text written to a sink follows what was buffered, in order") {
  RecordedSink recorded;
  recorded.sink.text() += "head,";
  recorded.sink.write("body");
  CHECK(recorded.writes == std::vector<std::string>{"head,", "body"});
}

TEST_CASE("a sink whose write failed drops what follows and says so") {
  RecordedSink recorded;
  recorded.refuse = true;
  recorded.sink.write("lost");
  recorded.refuse = false;
  recorded.sink.text() += "also lost";
  CHECK_FALSE(recorded.sink.flush());
  CHECK(recorded.writes.empty());
}

TEST_CASE("plan.json with its dependencies rendered apart is the bytes of the whole text") {
  auto p = testing::smallPlan();
  for (const bool withDependencies : {true, false}) {
    if (!withDependencies) {
      // No dependencies, and so no move groups (which list the links that bind them).
      p.inventory.dependencies.clear();
      p.plan.moveGroups.clear();
      for (auto& system : p.plan.systems)
        system.moveGroup = models::kNone;
    }
    const exporters::PlanJsonSection dependencies = exporters::renderDependencies(p.inventory);
    CHECK(dependencies.elements.empty() == !withDependencies);
    TextSink sink;
    exporters::writePlanJson(p.inventory, p.plan, p.diagnostics, sink, &dependencies);
    CHECK(sink.take() == exporters::planToJson(p.inventory, p.plan, p.diagnostics));
  }
}

TEST_CASE("plan.json and schedule.csv written chunk by chunk are the bytes of the whole texts") {
  const auto p = testing::smallPlan();
  for (const bool json : {true, false}) {
    std::string written;
    size_t writes = 0;
    // A chunk of one byte: every element or row is handed on as soon as it is done.
    TextSink sink(
        [&](std::string_view text) {
          written += text;
          ++writes;
          return true;
        },
        1);
    if (json) {
      exporters::writePlanJson(p.inventory, p.plan, p.diagnostics, sink);
    } else {
      exporters::writeScheduleCsv(p.inventory, p.plan, sink);
    }
    REQUIRE(sink.flush());
    CHECK(writes >= p.inventory.systems.size());  // a write per row at least
    CHECK(written == (json ? exporters::planToJson(p.inventory, p.plan, p.diagnostics)
                           : exporters::scheduleToCsv(p.inventory, p.plan)));
  }
}
