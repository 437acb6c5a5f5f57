#include "cli/diagnostics_output.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/progress.h"

namespace cloudplan::cli {
namespace {

std::string printed(const models::Diagnostics& diagnostics,
                    DiagnosticsFormat format = DiagnosticsFormat::text) {
  std::ostringstream out;
  printDiagnostics(out, diagnostics, format, "plan");
  return out.str();
}

TEST_CASE("a diagnostic is printed as file, line, severity and message") {
  models::Diagnostics diagnostics;
  diagnostics.error("unknown-system", "systems.csv", 5, "unknown system 'X'");
  diagnostics.warning("w", "", 0, "plan-wide");
  CHECK(printed(diagnostics) ==
        "systems.csv:5: error: unknown system 'X'\nplan: warning: plan-wide\n");
}

TEST_CASE("control characters in a file name or a message are escaped, one diagnostic a line") {
  models::Diagnostics diagnostics;
  diagnostics.error("bad-id", "evil\x1b[2J.csv", 2,
                    "id 'A\x1b]0;owned\x07' is bad\nsystems.csv:9: error: forged");
  CHECK(printed(diagnostics) ==
        "evil\\x1b[2J.csv:2: error: id 'A\\x1b]0;owned\\x07' is bad\\nsystems.csv:9: error: "
        "forged\n");
}

TEST_CASE("JSON diagnostics escape control characters as JSON does") {
  models::Diagnostics diagnostics;
  diagnostics.error("bad-id", "s.csv", 2,
                    "a\x1b"
                    "b\nc");
  CHECK(printed(diagnostics, DiagnosticsFormat::json) ==
        R"({"severity":"error","code":"bad-id","message":"a\u001bb\nc","file":"s.csv","line":2})"
        "\n");
}

TEST_CASE("past five of one code, one line counts the rest") {
  models::Diagnostics diagnostics;
  for (uint32_t line = 1; line <= 817; ++line)
    diagnostics.warning("retained-loses-provider", "deps.csv", line, fmt::format("lost {}", line));
  diagnostics.error("unknown-system", "deps.csv", 900, "unknown");
  CHECK(printed(diagnostics) ==
        "deps.csv:1: warning: lost 1\n"
        "deps.csv:2: warning: lost 2\n"
        "deps.csv:3: warning: lost 3\n"
        "deps.csv:4: warning: lost 4\n"
        "deps.csv:5: warning: lost 5\n"
        "plan: warning: and 812 more like this (retained-loses-provider); --diagnostics json "
        "lists all\n"
        "deps.csv:900: error: unknown\n");
}

TEST_CASE("for a command without --diagnostics the count does not point to it") {
  // render and explain said "--diagnostics json lists all", an option they do not have.
  models::Diagnostics diagnostics;
  for (uint32_t i = 1; i <= 8; ++i)
    diagnostics.error("invalid-plan", "plan.json", 0, fmt::format("wrong {}", i));
  std::ostringstream out;
  printDiagnostics(out, diagnostics, "render");
  CHECK(out.str() ==
        "plan.json: error: wrong 1\n"
        "plan.json: error: wrong 2\n"
        "plan.json: error: wrong 3\n"
        "plan.json: error: wrong 4\n"
        "plan.json: error: wrong 5\n"
        "render: error: and 3 more like this (invalid-plan)\n");
}

TEST_CASE("each code is folded on its own, so every kind of problem stays in sight") {
  models::Diagnostics diagnostics;
  for (uint32_t line = 1; line <= 7; ++line) {
    diagnostics.error("a", "f.csv", line, "a");
    diagnostics.error("b", "f.csv", line, "b");
  }
  CHECK(printed(diagnostics) ==
        "f.csv:1: error: a\nf.csv:1: error: b\n"
        "f.csv:2: error: a\nf.csv:2: error: b\n"
        "f.csv:3: error: a\nf.csv:3: error: b\n"
        "f.csv:4: error: a\nf.csv:4: error: b\n"
        "f.csv:5: error: a\n"
        "plan: error: and 2 more like this (a); --diagnostics json lists all\n"
        "f.csv:5: error: b\n"
        "plan: error: and 2 more like this (b); --diagnostics json lists all\n");
}

TEST_CASE("exactly five of one code are all printed, with no count") {
  models::Diagnostics diagnostics;
  for (uint32_t line = 1; line <= kShownOfEachCode; ++line)
    diagnostics.warning("w", "f.csv", line, "w");
  CHECK(printed(diagnostics).find("more like this") == std::string::npos);
}

TEST_CASE("JSON diagnostics are never folded") {
  models::Diagnostics diagnostics;
  for (uint32_t line = 1; line <= 100; ++line)
    diagnostics.warning("w", "f.csv", line, "w");
  const std::string json = printed(diagnostics, DiagnosticsFormat::json);
  CHECK(std::count(json.begin(), json.end(), '\n') == 100);
}

TEST_CASE("quiet leaves errors only") {
  models::Diagnostics diagnostics;
  diagnostics.warning("w", "f.csv", 1, "a warning");
  diagnostics.note("n", "", 0, "a note");
  diagnostics.error("e", "f.csv", 2, "an error");
  setQuiet(true);
  const std::string text = printed(diagnostics);
  const std::string json = printed(diagnostics, DiagnosticsFormat::json);
  setQuiet(false);
  CHECK(text == "f.csv:2: error: an error\n");
  CHECK(json == R"({"severity":"error","code":"e","message":"an error","file":"f.csv","line":2})"
                "\n");
}

}  // namespace
}  // namespace cloudplan::cli
