#include "exporters/reports/plan_diff_html.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "engine/plan_diff.h"
#include "exporters/reports/html_style.h"
#include "tests/engine/plan_pair_fixture.h"

namespace cloudplan::exporters {
namespace {

const models::InputFile kOld{"old/plan.json", models::InputKind::unknown, "0123456789abcdef"};
const models::InputFile kNew{"new/plan.json", models::InputKind::unknown, "fedcba9876543210"};

size_t occurrences(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

bool contains(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

TEST_CASE("the diff page is self-contained: the report's style inline, nothing fetched",
          "[plan_diff_html]") {
  const auto p = testing::smallPlanPair();
  const auto diff = engine::diffPlans(p.oldInventory, p.oldPlan, p.newInventory, p.newPlan);
  const std::string page = planDiffToHtml(diff, kOld, kNew);
  CHECK(page.starts_with("<!DOCTYPE html>\n"));
  CHECK(page.ends_with("</html>\n"));
  CHECK(contains(page, kPageStyle));
  for (std::string_view outside :
       {"http:", "https:", "src=", "<link", "<script", "@import", "url("})
    CHECK_FALSE(contains(page, outside));
  CHECK(occurrences(page, "<table") == occurrences(page, "</table>"));
  CHECK(occurrences(page, "<tr>") == occurrences(page, "</tr>"));
  CHECK(occurrences(page, "<section") == occurrences(page, "</section>"));
}

TEST_CASE("the diff page has a table for every list of the text, with the same rows",
          "[plan_diff_html]") {
  const auto p = testing::smallPlanPair();
  const auto diff = engine::diffPlans(p.oldInventory, p.oldPlan, p.newInventory, p.newPlan);
  const std::string page = planDiffToHtml(diff, kOld, kNew);
  for (std::string_view heading :
       {"<h2>Moved, by new wave (3)</h2>", "<h2>Added (1)</h2>", "<h2>Removed (1)</h2>",
        "<h2>Between scheduled and retained (2)</h2>", "<h2>Waves whose dates changed (3)</h2>",
        "<h2>Churn per agency (3)</h2>"}) {
    CHECK(contains(page, heading));
  }
  CHECK(contains(page,
                 "<tr><td class=\"id\">OFF/portal</td><td class=\"id\">OFF</td>"
                 "<td class=\"number\">3</td><td class=\"number\">2</td>"
                 "<td class=\"earlier\">earlier</td><td><ul class=\"reasons\"><li>could move from "
                 "wave 1; wave 1 was full (2 of 2 systems)</li></ul></td></tr>"));
  CHECK(contains(page, "<li>&lt;b&gt;a reason &amp; more&lt;/b&gt;</li>"));
  CHECK(contains(page,
                 "<tr><th>end date</th><td class=\"number\">2027-03-28</td>"
                 "<td class=\"number\">2027-03-07</td><td class=\"number\">-21 days</td></tr>"));
  CHECK(contains(page, "<b>3</b><span>churn the new plan records</span>"));
}

TEST_CASE("the diff page escapes ids, codes, reasons and paths, and writes out controls",
          "[plan_diff_html]") {
  models::PlanDiff diff;
  diff.moved.push_back(
      {"A/<script>alert(1)</script>", "<b>", 2, 1, {"\"quoted\" & 'single'", "\x1b[2Jcleared"}});
  diff.added.push_back({"A/<img>", "", models::Strategy::rehost, 1});
  diff.agencies.push_back({"<b>", 1, 1});
  const models::InputFile file{"dir/<plan>.json", models::InputKind::unknown, "ab"};
  const std::string page = planDiffToHtml(diff, file, file);
  CHECK_FALSE(contains(page, "<script"));
  CHECK_FALSE(contains(page, "<img"));
  CHECK_FALSE(contains(page, "<b>\x3c/td>"));
  CHECK_FALSE(contains(page, "\x1b"));
  CHECK(contains(page, "A/&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(page, "<td class=\"id\">&lt;b&gt;</td>"));
  CHECK(contains(page, "&quot;quoted&quot; &amp; &#39;single&#39;"));
  CHECK(contains(page, "\\x1b[2Jcleared"));
  CHECK(contains(page, "dir/&lt;plan&gt;.json"));
  CHECK(contains(page, "<td class=\"muted\">none</td>"));
}

TEST_CASE("the page of plans that do not differ says so and has no lists", "[plan_diff_html]") {
  const auto p = testing::smallPlanPair();
  const auto diff = engine::diffPlans(p.oldInventory, p.oldPlan, p.oldInventory, p.oldPlan);
  const std::string page = planDiffToHtml(diff, kOld, kOld);
  CHECK(contains(page, "The plans do not differ"));
  CHECK_FALSE(contains(page, "<section"));
}

}  // namespace
}  // namespace cloudplan::exporters
