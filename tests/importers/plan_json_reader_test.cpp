// The JSON of a plan.json: parsed under a nesting limit (an array nested 50,000 deep crashed
// render and explain), refused with the line where it stops being JSON, and checked to be a plan.
#include "importers/plan/plan_json_reader.h"

#include "tests/temp_folder.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace cloudplan::importers {
namespace {

std::vector<std::string> lines(const models::Diagnostics& diagnostics) {
  std::vector<std::string> all;
  for (const auto& d : diagnostics.all())
    all.push_back(d.file + ":" + std::to_string(d.line) + ": " + d.code + ": " + d.message);
  return all;
}

// A plan with `value` in a field that no reader looks at.
std::string planWith(const std::string& value) {
  return "{\n  \"format\": \"cloudplan-plan/1\",\n  \"extra\": " + value + "\n}\n";
}

TEST_CASE("a plan.json nested 50000 deep is refused at its line before it is parsed") {
  const std::string deep = std::string(50000, '[') + std::string(50000, ']');
  models::Diagnostics diagnostics;
  CHECK_FALSE(parsePlanJson(planWith(deep), "plan.json", diagnostics));
  CHECK(lines(diagnostics) ==
        std::vector<std::string>{"plan.json:3: not-a-plan: arrays and objects nest deeper than 32 "
                                 "levels; a plan.json that cloudplan plan wrote nests 5 (give "
                                 "that file, unedited)"});
}

TEST_CASE("nesting up to the limit is read, and brackets in strings do not count") {
  REQUIRE(kMostPlanJsonDepth == 32);
  // 31 arrays inside the document's object: 32 levels.
  const std::string deepest = std::string(31, '[') + std::string(31, ']');
  models::Diagnostics diagnostics;
  CHECK(parsePlanJson(planWith(deepest), "plan.json", diagnostics));
  CHECK(
      parsePlanJson(planWith("\"" + std::string(100, '[') + "\\\"{\""), "plan.json", diagnostics));
  CHECK(diagnostics.all().empty());
  CHECK_FALSE(parsePlanJson(planWith("[" + deepest + "]"), "plan.json", diagnostics));
  CHECK(diagnostics.all().size() == 1);
}

TEST_CASE("text that is not JSON is refused at the line where it stops being JSON") {
  models::Diagnostics diagnostics;
  CHECK_FALSE(parsePlanJson("{\n  \"format\": \"cloudplan-plan/1\",\n  \"waves\": [1,,]\n}\n",
                            "plan.json", diagnostics));
  CHECK_FALSE(parsePlanJson("[1, 2]", "list.json", diagnostics));
  CHECK_FALSE(parsePlanJson("{\"format\": [\"cloudplan-plan/1\"]}", "other.json", diagnostics));
  CHECK(lines(diagnostics) ==
        std::vector<std::string>{
            "plan.json:3: not-a-plan: not a JSON object (give the plan.json that cloudplan plan "
            "wrote)",
            "list.json:0: not-a-plan: not a JSON object (give the plan.json that cloudplan plan "
            "wrote)",
            "other.json:0: not-a-plan: not a cloudplan plan (its format is not "
            "cloudplan-plan/1)"});
}

TEST_CASE("a number past the range of a double is refused at its line, not thrown") {
  // nlohmann throws out_of_range (not parse_error) for 1e400: render and explain exited 3.
  models::Diagnostics diagnostics;
  CHECK_FALSE(parsePlanJson(planWith("[\"1e400\", 1e300,\n  -2e400]"), "plan.json", diagnostics));
  CHECK_FALSE(parsePlanJson("{\"format\": \"cloudplan-plan/1\", \"effort_days\": 1e999}",
                            "one-line.json", diagnostics));
  CHECK(lines(diagnostics) ==
        std::vector<std::string>{
            "plan.json:4: not-a-plan: a number is too large to read (give the plan.json that "
            "cloudplan plan wrote, unedited)",
            "one-line.json:1: not-a-plan: a number is too large to read (give the plan.json that "
            "cloudplan plan wrote, unedited)"});
}

TEST_CASE("a plan.json is read as an inventory is: a regular file only, named when it is not") {
  // It was read with an ifstream: a folder was "not a JSON object", a binary file read whole.
  // (A FIFO, which hung, and /dev/zero, which ate memory, are hostile cases with limits.)
  testing::TempFolder folder;
  const std::string zeros = folder.write("zeros.json", "{\n" + std::string(10, '\0'));
  models::Diagnostics diagnostics;
  for (const std::string& path : {folder.path().string(), zeros, folder / "missing.json"})
    CHECK_FALSE(readPlanJson(path, diagnostics));
  CHECK(lines(diagnostics) ==
        std::vector<std::string>{
            folder.path().string() + ":0: not-a-file: not a regular file (name the plan.json "
                                     "that cloudplan plan wrote, or - for standard input)",
            zeros + ":2: not-a-plan: NUL byte: this is not a text file (give the plan.json that "
                    "cloudplan plan wrote)",
            folder / "missing.json" +
                ":0: cannot-read: cannot read the file (No such file or directory)"});
}

}  // namespace
}  // namespace cloudplan::importers
