#include "models/shown_text.h"

#include <catch2/catch.hpp>

namespace cloudplan::models {
namespace {

TEST_CASE("text up to the longest shown is shown whole") {
  const std::string longest(kLongestShownText, 'n');
  CHECK(shownText("Payroll") == "Payroll");
  CHECK(shownText(longest) == longest);
}

TEST_CASE("longer text is cut at a character boundary and ends in an ellipsis") {
  CHECK(shownText(std::string(1000, 'n')) == std::string(kLongestShownText - 3, 'n') + "\u2026");
  // A two-byte character across the cut is left out whole, not split.
  const std::string text = std::string(kLongestShownText - 4, 'n') + "\u00e9\u00e9\u00e9";
  const std::string shown = shownText(text);
  CHECK(shown == std::string(kLongestShownText - 4, 'n') + "\u2026");
  CHECK(shown.size() <= kLongestShownText);
}

TEST_CASE("shown text is appended to what is there") {
  std::string out = "name: ";
  appendShownText(out, std::string(200, 'x'));
  CHECK(out == "name: " + std::string(kLongestShownText - 3, 'x') + "\u2026");
}

}  // namespace
}  // namespace cloudplan::models
