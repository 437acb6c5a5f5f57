#include "models/diagnostic.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace cloudplan::models;

namespace {

std::vector<std::string> places(const Diagnostics& diagnostics) {
  std::vector<std::string> result;
  for (const Diagnostic& d : diagnostics.all())
    result.push_back(d.file + ":" + std::to_string(d.line) + " " + d.message);
  return result;
}

}  // namespace

TEST_CASE("a diagnostic keeps its severity code place and message") {
  Diagnostics diagnostics;
  diagnostics.error("unknown-system", "a.csv", 12, "unknown system 'x'");
  diagnostics.warning("repeated-dependency", "b.csv", 3, "listed again");
  diagnostics.note("hint", "", 0, "a note");
  REQUIRE(diagnostics.all().size() == 3);
  const Diagnostic& first = diagnostics.all()[0];
  CHECK(first.severity == Severity::error);
  CHECK(first.code == "unknown-system");
  CHECK(first.file == "a.csv");
  CHECK(first.line == 12);
  CHECK(first.message == "unknown system 'x'");
  CHECK(diagnostics.all()[1].severity == Severity::warning);
  CHECK(diagnostics.all()[2].severity == Severity::note);
}

TEST_CASE("diagnostics are counted by severity") {
  Diagnostics diagnostics;
  CHECK_FALSE(diagnostics.hasErrors());
  diagnostics.warning("w", "a.csv", 1, "w");
  CHECK_FALSE(diagnostics.hasErrors());
  diagnostics.error("e", "a.csv", 2, "e");
  diagnostics.error("e", "a.csv", 3, "e");
  CHECK(diagnostics.hasErrors());
  CHECK(diagnostics.count(Severity::error) == 2);
  CHECK(diagnostics.count(Severity::warning) == 1);
  CHECK(diagnostics.count(Severity::note) == 0);
}

TEST_CASE("severities are named in lower case") {
  CHECK(nameOf(Severity::error) == "error");
  CHECK(nameOf(Severity::warning) == "warning");
  CHECK(nameOf(Severity::note) == "note");
}

TEST_CASE("diagnostics sort by file then line with plan-wide ones last") {
  Diagnostics diagnostics;
  diagnostics.error("x", "", 0, "plan-wide");
  diagnostics.error("x", "b.csv", 2, "b2");
  diagnostics.error("x", "a.csv", 10, "a10");
  diagnostics.error("x", "a.csv", 9, "a9");
  diagnostics.error("x", "a.csv", 0, "a whole file");
  diagnostics.error("x", "b.csv", 1, "b1");
  diagnostics.sort();
  CHECK(places(diagnostics) == std::vector<std::string>{"a.csv:0 a whole file", "a.csv:9 a9",
                                                        "a.csv:10 a10", "b.csv:1 b1", "b.csv:2 b2",
                                                        ":0 plan-wide"});
}

TEST_CASE("problems of one line keep the order in which they were found") {
  Diagnostics diagnostics;
  diagnostics.error("x", "a.csv", 5, "first");
  diagnostics.warning("x", "a.csv", 4, "earlier line");
  diagnostics.error("x", "a.csv", 5, "second");
  diagnostics.error("x", "", 0, "plan one");
  diagnostics.error("x", "a.csv", 5, "third");
  diagnostics.error("x", "", 0, "plan two");
  diagnostics.sort();
  CHECK(places(diagnostics) == std::vector<std::string>{"a.csv:4 earlier line", "a.csv:5 first",
                                                        "a.csv:5 second", "a.csv:5 third",
                                                        ":0 plan one", ":0 plan two"});
}

TEST_CASE("a value is quoted in single quotes") {
  CHECK(quoted("MOF/payroll") == "'MOF/payroll'");
  CHECK(quoted("") == "''");
  CHECK(quoted(std::string(80, 'x')) == "'" + std::string(80, 'x') + "'");
}

TEST_CASE("a very long value is cut short in a message with its size") {
  const std::string value(1000, 'x');
  CHECK(quoted(value) == "'" + std::string(80, 'x') + "...' (1000 bytes)");
}

TEST_CASE("a long value is not cut inside a UTF-8 character") {
  // 79 ASCII bytes, then a two-byte character across the 80-byte limit.
  const std::string value = std::string(79, 'x') + "\xC3\xA9" + std::string(20, 'y');
  CHECK(quoted(value) == "'" + std::string(79, 'x') + "...' (101 bytes)");
}

TEST_CASE("past ten thousand problems of one kind in a file the rest are counted, not kept") {
  Diagnostics diagnostics;
  const size_t added = Diagnostics::kListedPerKind + 5;
  for (size_t i = 0; i < added; ++i)
    diagnostics.error("duplicate-id", "a.csv", static_cast<uint32_t>(i + 2), "duplicate id 'x'");
  diagnostics.error("duplicate-id", "b.csv", 2, "duplicate id 'y'");
  diagnostics.warning("unused", "a.csv", 3, "a warning of another kind is listed");
  diagnostics.sort();
  CHECK(diagnostics.count(Severity::error) == added + 1);
  CHECK(diagnostics.count(Severity::warning) == 1);
  // The listed ones, the summary of a.csv at the first not listed, b.csv's and the warning.
  REQUIRE(diagnostics.all().size() == Diagnostics::kListedPerKind + 3);
  const auto summary =
      std::find_if(diagnostics.all().begin(), diagnostics.all().end(),
                   [](const Diagnostic& d) { return d.code == Diagnostics::kNotListedCode; });
  REQUIRE(summary != diagnostics.all().end());
  CHECK(summary->file == "a.csv");
  CHECK(summary->line == Diagnostics::kListedPerKind + 2);
  CHECK(summary->severity == Severity::error);
  CHECK(summary->message ==
        "5 more problems of the kind 'duplicate-id' from here on not listed (only the first "
        "10000 of a kind in a file are; fix those first)");
}

TEST_CASE("sorting twice lists the not-listed summary once, with the count of both rounds") {
  Diagnostics diagnostics;
  for (size_t i = 0; i <= Diagnostics::kListedPerKind; ++i)
    diagnostics.warning("w", "a.csv", 1, "w");
  diagnostics.sort();
  diagnostics.warning("w", "a.csv", 1, "w");
  diagnostics.sort();
  const auto summaries =
      std::count_if(diagnostics.all().begin(), diagnostics.all().end(),
                    [](const Diagnostic& d) { return d.code == Diagnostics::kNotListedCode; });
  CHECK(summaries == 1);
  CHECK(diagnostics.all().back().message.starts_with("2 more problems of the kind 'w'"));
  CHECK(diagnostics.count(Severity::warning) == Diagnostics::kListedPerKind + 2);
}
