#include "exporters/reports/submission_feedback.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cloudplan::exporters {
namespace {

size_t occurrences(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// The <tr> rows of each <table> of the page, in order; a table inside a table, or one left open,
// fails the test.
std::vector<size_t> rowsPerTable(std::string_view html) {
  std::vector<size_t> rows;
  size_t at = 0;
  while ((at = html.find("<table", at)) != std::string_view::npos) {
    const size_t end = html.find("</table>", at);
    REQUIRE(end != std::string_view::npos);
    const std::string_view table = html.substr(at, end - at);
    CHECK(occurrences(table.substr(1), "<table") == 0);
    CHECK(occurrences(table, "<tr>") == occurrences(table, "</tr>"));
    rows.push_back(occurrences(table, "<tr>"));
    at = end;
  }
  return rows;
}

// Every element the page opens is closed, in order (void elements aside): well-formed enough for
// a browser to build the tree the page means.
void checkNesting(std::string_view html) {
  std::vector<std::string> open;
  for (size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (html.substr(at, 2) == "<!") continue;
    const size_t end = html.find_first_of(" >", at);
    REQUIRE(end != std::string_view::npos);
    const bool closing = html[at + 1] == '/';
    const std::string name(html.substr(at + (closing ? 2 : 1), end - at - (closing ? 2 : 1)));
    if (name == "meta" || name == "br") continue;
    if (!closing) {
      open.push_back(name);
      continue;
    }
    REQUIRE(!open.empty());
    CHECK(open.back() == name);
    open.pop_back();
  }
  CHECK(open.empty());
}

models::Submission resubmission() {
  models::Submission s;
  s.number = 12;
  s.agency = "MOF";
  s.at = "2026-11-30T14:05:00Z";
  s.by = "Jane Doe";
  s.message = "Q4 update: payroll moves to SaaS";
  s.accepted = true;
  s.files = {
      {"mof/systems.csv", "3f2a9c1d4e5b7a8899aabbccddeeff00112233445566778899aabbccddeeff00", 1204},
      {"mof/dependencies.csv", "8d0e11aa93c2f00112233445566778899aabbccddeeff00112233445566778",
       1}};
  s.systems = 41;
  s.dependencies = 63;
  s.warnings = 1;
  s.unresolved = 1;
  return s;
}

models::SubmissionChanges everyChange() {
  models::SubmissionChanges c;
  c.systemsAdded = {{"MOF/ledger", "General ledger", "MOF", {}}};
  c.systemsRemoved = {{"MOF/old-ledger", "Old ledger", "MOF", {}}};
  c.systemsChanged = {{"MOF/payroll",
                       "Payroll",
                       "MOF",
                       {{"strategy", "rehost", "repurchase"}, {"notes", "", "moving to SaaS"}}}};
  c.dependenciesAdded = {{"MOF/ledger", "MOF/db", "MOF", "MOF", "normal", {}}};
  c.dependenciesRemoved = {{"MOF/old-ledger", "MOF/db", "MOF", "MOF", "normal", {}}};
  c.dependenciesChanged = {
      {"MOF/payroll", "MOF/db", "MOF", "MOF", "tight", {{"coupling", "normal", "tight"}}}};
  c.unresolved = {{"MOF/payroll", "MOI/idp", "MOF", "", "tight", {}}};
  c.dependents = {{"MOI/portal", "MOF/payroll", "MOI", "MOF", "normal", {}}};
  c.resolvedNow = {{"MOH/hr", "MOF/ledger", "MOH", "MOF", "loose", {}}};
  c.planSubmission = 10;
  c.waves = {{"MOF/payroll", 3, true, "now tightly coupled to MOF/db, which moves in wave 4"},
             {"MOF/ledger", 0, false, "new"},
             {"MOF/archive", 0, true, "strategy changed"}};
  return c;
}

TEST_CASE("an accepted resubmission's feedback lists every section", "[feedback]") {
  const auto submission = resubmission();
  models::Diagnostics diagnostics;
  diagnostics.warning("dependency-repeated", "mof/dependencies.csv", 5,
                      "dependency 'MOF/ledger' -> 'MOF/db' is listed again (first at "
                      "mof/dependencies.csv:3); merged into one, coupling 'normal'");
  diagnostics.sort();
  const auto changes = everyChange();
  CHECK(feedbackText({submission, diagnostics, changes}) ==
        R"(Submission 12 of MOF: ACCEPTED
The national inventory now holds the part of MOF as submitted.
Submitted 2026-11-30T14:05:00Z (UTC) by Jane Doe
Message: Q4 update: payroll moves to SaaS
Files:
  mof/systems.csv  sha256 3f2a9c1d4e5b  1204 bytes
  mof/dependencies.csv  sha256 8d0e11aa93c2  1 byte
The part of MOF now has 41 systems and 63 dependencies.
This submission has 0 errors, 1 warning and 1 unresolved reference.

Unresolved references (1):
References to systems the national inventory does not have yet: each resolves when the agency that owns the system submits it. Check that the id is right.
  MOF/payroll -> MOI/idp (tight)

Errors and warnings (1):
  mof/dependencies.csv:5: warning: dependency 'MOF/ledger' -> 'MOF/db' is listed again (first at mof/dependencies.csv:3); merged into one, coupling 'normal'

Changes since the last accepted submission of MOF:

Systems added (1):
  MOF/ledger  'General ledger'

Systems removed (1):
  MOF/old-ledger  'Old ledger'

Systems changed (1):
  MOF/payroll  'Payroll'
    strategy: 'rehost' -> 'repurchase'
    notes: (none) -> 'moving to SaaS'

Dependencies added (1):
  MOF/ledger -> MOF/db (normal)

Dependencies removed (1):
  MOF/old-ledger -> MOF/db (normal)

Dependencies changed (1):
  MOF/payroll -> MOF/db (tight)
    coupling: 'normal' -> 'tight'

Systems of other agencies that depend on systems of MOF (1):
  MOI: MOI/portal -> MOF/payroll (normal)

Systems of other agencies whose reference to MOF this submission resolved (1):
  MOH: MOH/hr -> MOF/ledger (loose)

Waves this may move in the plan made at submission 10 (3):
  MOF/payroll, wave 3: now tightly coupled to MOF/db, which moves in wave 4
  MOF/ledger, not in that plan: new
  MOF/archive, not scheduled: strategy changed
)");
}

TEST_CASE("the feedback page has the text's sections as tables, and nothing outside it",
          "[feedback]") {
  const auto submission = resubmission();
  models::Diagnostics diagnostics;
  diagnostics.warning("dependency-repeated", "mof/dependencies.csv", 5, "listed again");
  diagnostics.error("no-systems", "", 0, "agency 'MOF' has no system (submit its systems)");
  diagnostics.sort();
  const auto changes = everyChange();
  const std::string html = feedbackHtml({submission, diagnostics, changes});
  checkNesting(html);
  // Header, files, unresolved, systems added, removed, changed (a row a field), dependencies
  // added, removed, changed, dependents, resolved now, waves: each with its head row.
  CHECK(rowsPerTable(html) == std::vector<size_t>{4, 3, 2, 2, 2, 3, 2, 2, 2, 2, 2, 4});
  CHECK(html.find("<p class=\"verdict accepted\"><b>ACCEPTED</b>") != std::string::npos);
  CHECK(html.find("<li><span class=\"id\">mof/dependencies.csv:5</span>: <span "
                  "class=\"severity-warning\">warning</span>: listed again</li>") !=
        std::string::npos);
  // A diagnostic of no file has no place.
  CHECK(html.find("<li><span class=\"severity-error\">error</span>: agency &#39;MOF&#39; has no "
                  "system (submit its systems)</li>") != std::string::npos);
  CHECK(html.find("<td>notes</td><td class=\"muted\">(none)</td><td>moving to SaaS</td>") !=
        std::string::npos);
  CHECK(html.find("<h3>Waves this may move in the plan made at submission 10 (3)</h3>") !=
        std::string::npos);
  for (const char* outside : {"<script", "<link", "src=", "href=", "url(", "@import"}) {
    INFO(outside);
    CHECK(html.find(outside) == std::string::npos);
  }
  CHECK(html == feedbackHtml({submission, diagnostics, changes}));
}

TEST_CASE("a rejected submission's feedback says nothing changed and lists every problem",
          "[feedback]") {
  models::Submission submission;
  submission.number = 13;
  submission.agency = "MOF";
  submission.at = "2026-12-01T09:30:00Z";
  submission.files = {{"systems.csv", "0123456789abcdef", 2048}};
  submission.systems = 40;
  submission.dependencies = 60;
  submission.errors = 2;
  submission.warnings = 1;
  models::Diagnostics diagnostics;
  diagnostics.error("not-an-inventory", "extra.csv", 0,
                    "not an inventory file: its header names no column of systems, dependencies "
                    "or agencies (remove it from the submission)");
  diagnostics.error("unknown-value", "systems.csv", 6,
                    "strategy 'rehosting' is not one of rehost, replatform, refactor, repurchase, "
                    "relocate, retire, retain (did you mean 'rehost'?)");
  diagnostics.warning("no-owner", "", 0, "agency 'MOF' names no owner (add an owner column)");
  diagnostics.sort();
  // What it would have changed is not the inventory's: the feedback does not list it.
  models::SubmissionChanges changes;
  changes.systemsAdded = {{"MOF/ledger", "General ledger", "MOF", {}}};
  changes.planSubmission = 10;
  CHECK(feedbackText({submission, diagnostics, changes}) ==
        R"(Submission 13 of MOF: REJECTED
Nothing in the national inventory changed: fix the errors below and submit again.
Submitted 2026-12-01T09:30:00Z (UTC)
Message: (none)
Files:
  systems.csv  sha256 0123456789ab  2048 bytes
The files have 40 systems and 60 dependencies.
This submission has 2 errors, 1 warning and 0 unresolved references.

Errors and warnings (3):
  extra.csv: error: not an inventory file: its header names no column of systems, dependencies or agencies (remove it from the submission)
  systems.csv:6: error: strategy 'rehosting' is not one of rehost, replatform, refactor, repurchase, relocate, retire, retain (did you mean 'rehost'?)
  warning: agency 'MOF' names no owner (add an owner column)
)");
  const std::string html = feedbackHtml({submission, diagnostics, changes});
  checkNesting(html);
  CHECK(html.find("<p class=\"verdict rejected\"><b>REJECTED</b>Nothing in the national "
                  "inventory changed") != std::string::npos);
  CHECK(occurrences(html, "<li>") == 3);
  CHECK(html.find("<span class=\"id\">extra.csv</span>: <span class=\"severity-error\">") !=
        std::string::npos);
  CHECK(html.find("General ledger") == std::string::npos);
  CHECK(html.find("id=\"changes\"") == std::string::npos);
}

TEST_CASE("an agency's first submission says so and lists its systems as added", "[feedback]") {
  models::Submission submission;
  submission.number = 1;
  submission.agency = "MOH";
  submission.at = "2026-11-02T08:00:00Z";
  submission.by = "Amina Diallo";
  submission.message = "first inventory";
  submission.accepted = true;
  submission.files = {{"systems.csv", "aa", 10}};
  submission.systems = 2;
  submission.dependencies = 1;
  models::Diagnostics diagnostics;
  models::SubmissionChanges changes;
  changes.systemsAdded = {{"MOH/his", "Hospital information system", "MOH", {}},
                          {"MOH/lis", "", "MOH", {}}};
  changes.dependenciesAdded = {{"MOH/lis", "MOH/his", "MOH", "MOH", "tight", {}}};
  CHECK(feedbackText({submission, diagnostics, changes}) ==
        R"(Submission 1 of MOH: ACCEPTED
The national inventory now holds the part of MOH as submitted.
Submitted 2026-11-02T08:00:00Z (UTC) by Amina Diallo
Message: first inventory
Files:
  systems.csv  sha256 aa  10 bytes
The part of MOH now has 2 systems and 1 dependency.
This submission has 0 errors, 0 warnings and 0 unresolved references.

Errors and warnings: none.

First submission of MOH: everything in it is new.

Systems added (2):
  MOH/his  'Hospital information system'
  MOH/lis

Dependencies added (1):
  MOH/lis -> MOH/his (tight)

Waves: the national inventory has no plan yet.
)");
  const std::string html = feedbackHtml({submission, diagnostics, changes});
  checkNesting(html);
  CHECK(rowsPerTable(html) == std::vector<size_t>{4, 2, 3, 2});
  CHECK(html.find("<h2>First submission of MOH: everything in it is new</h2>") !=
        std::string::npos);
}

TEST_CASE("long lists stop at kFeedbackListed entries, problems and unresolved never do",
          "[feedback]") {
  models::Submission submission;
  submission.number = 2;
  submission.agency = "MOE";
  submission.at = "2026-11-03T10:00:00Z";
  submission.accepted = true;
  submission.systems = 120;
  submission.warnings = 60;
  submission.unresolved = 60;
  models::Diagnostics diagnostics;
  models::SubmissionChanges changes;
  std::string added, problems, unresolved, addedRows;
  for (int i = 1; i <= 120; ++i) {
    const std::string id = fmt::format("MOE/s{:03}", i);
    changes.systemsAdded.push_back({id, "", "MOE", {}});
    if (i <= 50) added += "  " + id + '\n';
  }
  for (uint32_t i = 1; i <= 60; ++i) {
    diagnostics.warning("no-owner", "systems.csv", i + 1, fmt::format("no owner {}", i));
    problems += fmt::format("  systems.csv:{}: warning: no owner {}\n", i + 1, i);
    changes.unresolved.push_back(
        {fmt::format("MOE/s{:03}", i), fmt::format("MOI/x{}", i), "MOE", "", "normal", {}});
    unresolved += fmt::format("  MOE/s{:03} -> MOI/x{} (normal)\n", i, i);
  }
  diagnostics.sort();
  CHECK(feedbackText({submission, diagnostics, changes}) ==
        "Submission 2 of MOE: ACCEPTED\n"
        "The national inventory now holds the part of MOE as submitted.\n"
        "Submitted 2026-11-03T10:00:00Z (UTC)\n"
        "Message: (none)\n"
        "Files: none\n"
        "The part of MOE now has 120 systems and 0 dependencies.\n"
        "This submission has 0 errors, 60 warnings and 60 unresolved references.\n"
        "\nUnresolved references (60):\n"
        "References to systems the national inventory does not have yet: each resolves when the "
        "agency that owns the system submits it. Check that the id is right.\n" +
            unresolved + "\nErrors and warnings (60):\n" + problems +
            "\nFirst submission of MOE: everything in it is new.\n"
            "\nSystems added (120):\n" +
            added +
            "  ... and 70 more\n"
            "\nWaves: the national inventory has no plan yet.\n");
  const std::string html = feedbackHtml({submission, diagnostics, changes});
  checkNesting(html);
  // Header, files (none: no table), unresolved (all), systems added (capped).
  CHECK(rowsPerTable(html) == std::vector<size_t>{4, 61, 1 + kFeedbackListed});
  CHECK(occurrences(html, "<li>") == 60);
  CHECK(html.find("<p class=\"muted\">... and 70 more</p>") != std::string::npos);
}

TEST_CASE("hostile values are shown as text in the feedback, never obeyed", "[feedback]") {
  auto submission = resubmission();
  submission.by = "Eve\x1b[2J\nroot";
  submission.message = "<script>alert(1)</script>";
  models::Diagnostics diagnostics;
  models::SubmissionChanges changes;
  // U+202E RIGHT-TO-LEFT OVERRIDE: "exe.gpj" would read "jpg.exe".
  changes.systemsChanged = {{"MOF/payroll",
                             "Pay\xE2\x80\xAE"
                             "exe.gpj",
                             "MOF",
                             {{"notes", "a\rb", "<b>bold</b>"}}}};
  const std::string text = feedbackText({submission, diagnostics, changes});
  CHECK(text.find("Submitted 2026-11-30T14:05:00Z (UTC) by Eve\\x1b[2J\\nroot\n") !=
        std::string::npos);
  CHECK(text.find("Message: <script>alert(1)</script>\n") != std::string::npos);
  CHECK(text.find("  MOF/payroll  'Pay\\u202eexe.gpj'\n"
                  "    notes: 'a\\rb' -> '<b>bold</b>'\n") != std::string::npos);
  for (const char* raw : {"\x1b", "\r", "\xE2\x80\xAE", "Eve\x1b[2J\nroot"}) {
    CHECK(text.find(raw) == std::string::npos);
  }

  const std::string html = feedbackHtml({submission, diagnostics, changes});
  checkNesting(html);
  CHECK(html.find("<td>Eve\\x1b[2J\\nroot</td>") != std::string::npos);
  CHECK(html.find("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>") != std::string::npos);
  CHECK(html.find("<span class=\"name\">Pay\\u202eexe.gpj</span>") != std::string::npos);
  CHECK(html.find("<td>&lt;b&gt;bold&lt;/b&gt;</td>") != std::string::npos);
  for (const char* raw : {"<script", "<b>bold", "\x1b", "\r", "\xE2\x80\xAE"}) {
    INFO(raw);
    CHECK(html.find(raw) == std::string::npos);
  }
}

TEST_CASE("the register of agencies, submitted by no agency, is named as such", "[feedback]") {
  models::Submission submission;
  submission.number = 1;
  submission.kind = models::SubmissionKind::agencies;
  submission.accepted = true;
  const models::Diagnostics diagnostics;
  const models::SubmissionChanges changes;
  const std::string text = feedbackText({submission, diagnostics, changes});
  CHECK(text.substr(0, text.find('\n')) == "Submission 1 of the agency register: ACCEPTED");
  CHECK(feedbackHtml({submission, diagnostics, changes})
            .find("<h1>Submission 1 of the agency "
                  "register</h1>") != std::string::npos);
}

TEST_CASE("a feedback rebuilt from the history says what it cannot tell, not 'no plan'",
          "[feedback]") {
  const models::Submission submission = resubmission();
  models::Diagnostics diagnostics;
  models::SubmissionChanges changes = everyChange();
  changes.dependents.clear();
  changes.resolvedNow.clear();
  changes.waves.clear();
  changes.planSubmission.reset();
  changes.fromHistory = true;
  const std::string text = feedbackText({submission, diagnostics, changes});
  CHECK_THAT(text, Catch::EndsWith("\nOther agencies and waves: not kept in the history "
                                   "(cloudplan store status and plan --store tell them as they "
                                   "are now).\n"));
  CHECK(text.find("no plan yet") == std::string::npos);
  const std::string html = feedbackHtml({submission, diagnostics, changes});
  CHECK(html.find("<p>Other agencies and waves: not kept in the history") != std::string::npos);
}

}  // namespace
}  // namespace cloudplan::exporters
