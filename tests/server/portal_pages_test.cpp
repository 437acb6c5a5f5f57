// The portal's pages rendered from a small store: every text of an inventory, an account or a
// message escaped wherever it shows, every POST form with its CSRF field, no script and no inline
// style anywhere (the Content-Security-Policy would refuse them), the links exact.
#include "server/portal_pages.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "exporters/reports/submission_feedback.h"
#include "store/plan_archive.h"
#include "store/plan_record.h"
#include "store/submission_changes.h"
#include "store/submission_records.h"
#include "tests/store/store_fixture.h"

using namespace cloudplan;
using server::PageContext;
using testing::StoreFixture;

namespace {

// Markup, quotes, an ampersand and a right-to-left override: what a hostile inventory, account
// or message holds, and how every page must show it.
const std::string kHostile =
    "<script>alert(\"x\")</script> & 'q' \xE2\x80\xAE"
    "evil";
const std::string kEscaped =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; \\u202eevil";
// The same in a CSV field.
const std::string kHostileCsv =
    "\"<script>alert(\"\"x\"\")</script> & 'q' \xE2\x80\xAE"
    "evil\"";

const std::string kRegister =
    "code,name,parent\n"
    "MOF," +
    kHostileCsv +
    ",\n"
    "MOF-TAX,National Tax Service,MOF\n"
    "MOJ,Ministry of Justice,\n"
    "DGA,Digital Government Agency,\n";

const std::string kMofSystems =
    "id,name,agency,strategy,effort_days\n"
    "MOF/ifmis," +
    kHostileCsv +
    ",MOF,replatform,50\n"
    "MOF/budget,Budget preparation,MOF,repurchase,30\n"
    "TAX/efiling,Tax e-filing,MOF-TAX,rehost,10\n";

// The checks every page passes, whatever it shows.
void checkSafe(const std::string& page, const PageContext* context) {
  INFO(page);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(page.find("<link rel=\"stylesheet\" href=\"/assets/portal.css\">") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<style") == std::string::npos);
  CHECK(page.find(" style=") == std::string::npos);
  CHECK(page.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(page.find("<main") != std::string::npos);
  CHECK(page.find("<h1>") != std::string::npos);
  // Nothing outside the portal: every link and form is a path of its own.
  CHECK(page.find("http:") == std::string::npos);
  CHECK(page.find("https:") == std::string::npos);
  // Every POST form carries the session's token; the only form without a session is login's.
  size_t at = 0;
  size_t posts = 0;
  while ((at = page.find("method=\"post\"", at)) != std::string::npos) {
    const size_t end = page.find("</form>", at);
    REQUIRE(end != std::string::npos);
    const std::string form = page.substr(at, end - at);
    if (form.find("action=\"/login\"") == std::string::npos) {
      REQUIRE(context);
      CHECK(
          form.find("<input type=\"hidden\" name=\"csrf\" value=\"csrf&lt;&quot;1&quot;&gt;\">") !=
          std::string::npos);
      ++posts;
    }
    at = end;
  }
  // Signed in: the logout form at least.
  if (context) CHECK(posts >= 1);
}

bool has(const std::string& page, std::string_view text) {
  return page.find(text) != std::string::npos;
}

// The positions of the history's links, in page order.
std::vector<uint32_t> historyOrder(const std::string& page) {
  const size_t from = page.find("<section id=\"history\">");
  const size_t to = page.find("</section>", from);
  std::vector<uint32_t> numbers;
  size_t at = from;
  const std::string link = "<td class=\"number\"><a href=\"/submissions/";
  while ((at = page.find(link, at)) != std::string::npos && at < to) {
    at += link.size();
    numbers.push_back(static_cast<uint32_t>(std::stoul(page.substr(at))));
  }
  return numbers;
}

PageContext context(store::Role role, const std::string& agency = {}) {
  return {.account = kHostile,
          .role = role,
          .agency = agency,
          .csrf = "csrf<\"1\">",
          .notice = "Notice " + kHostile};
}

// Submission 2: MOF's, accepted; 3: MOJ's; 4: MOF's rejected, with a hostile message;
// 5: MOF-TAX's accepted.
struct PortalStore {
  testing::FixedClock clock;
  StoreFixture f{kRegister};
  store::SubmitOutcome mof;  // submission 2, as submit told it
  PortalStore() {
    clock.set("2027-01-10T09:00:00Z");
    mof = f.accept("MOF",
                   {{"systems.csv", kMofSystems}, {"dependencies.csv", testing::kMofDependencies}});
    clock.set("2027-01-11T09:00:00Z");
    f.accept("MOJ", {{"systems.csv", testing::kMojSystems},
                     {"dependencies.csv", testing::kMojDependencies}});
    clock.set("2027-02-01T10:30:00Z");
    const auto rejected = f.submit(
        "MOF", {{"systems <b>&'x'.csv", "id,name,agency,strategy\nMOF/ifmis,X,MOF,rehots\n"}},
        kHostile, "Message " + kHostile);
    REQUIRE_FALSE(rejected.submission.accepted);
    clock.set("2027-02-02T08:00:00Z");
    f.accept("MOF-TAX", {{"systems.csv", "id,name,agency\nTAX/efiling,Tax e-filing,MOF-TAX\n"}});
  }
};

}  // namespace

TEST_CASE("the login page posts name, token and nonce, and shows why the last attempt failed",
          "[portal_pages]") {
  const std::string page = server::loginPage("nonce\"<x>", kHostile);
  checkSafe(page, nullptr);
  CHECK(has(page, "<form class=\"panel\" method=\"post\" action=\"/login\">"));
  CHECK(has(page, "<input type=\"hidden\" name=\"nonce\" value=\"nonce&quot;&lt;x&gt;\">"));
  CHECK(has(page,
            "<label for=\"name\">Account</label><input type=\"text\" id=\"name\" name=\"name\""));
  CHECK(has(page,
            "<label for=\"token\">Token</label><input type=\"password\" id=\"token\" "
            "name=\"token\""));
  CHECK(has(page, "<p class=\"error-message\" role=\"alert\">" + kEscaped + "</p>"));
  CHECK_FALSE(has(page, "Sign out"));
  CHECK_FALSE(has(server::loginPage("n", ""), "role=\"alert\""));
}

TEST_CASE("the frame shows the account, its role, the notice, and links by role",
          "[portal_pages]") {
  PortalStore s;
  const auto agency = context(store::Role::agency, "MOF");
  const auto page = server::agencyPage(s.f.db(), agency, "MOF", true);
  REQUIRE(page);
  checkSafe(*page, &agency);
  CHECK(has(*page, "Signed in as <b>" + kEscaped + "</b> (agency, MOF)"));
  CHECK(has(*page,
            "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" "
            "value=\"csrf&lt;&quot;1&quot;&gt;\"><button class=\"quiet\" "
            "type=\"submit\">Sign out</button></form>"));
  CHECK(has(*page, "<p class=\"notice\" role=\"status\">Notice " + kEscaped + "</p>"));
  CHECK(has(*page, "<nav aria-label=\"Portal\"><a href=\"/agencies/MOF\">My agency</a></nav>"));

  auto national = context(store::Role::national);
  national.notice.clear();
  const std::string plans = server::plansPage(s.f.db(), national);
  checkSafe(plans, &national);
  CHECK(has(plans,
            "<nav aria-label=\"Portal\"><a href=\"/national\">Agencies</a><a "
            "href=\"/plans\">Plans</a><a href=\"/review\">Latest plan</a></nav>"));
  CHECK(has(plans, "Signed in as <b>" + kEscaped + "</b> (national)"));
  CHECK_FALSE(has(plans, "class=\"notice\""));
}

TEST_CASE(
    "an agency's page shows its systems, dependencies, dependents and history newest first, "
    "escaped",
    "[portal_pages]") {
  PortalStore s;
  const auto agency = context(store::Role::agency, "MOF");
  const auto page = server::agencyPage(s.f.db(), agency, "MOF", true);
  REQUIRE(page);
  checkSafe(*page, &agency);
  CHECK(has(*page, "<h1>" + kEscaped + " <span class=\"id muted\">MOF</span></h1>"));
  CHECK(has(*page, "<title>MOF · " + kEscaped + " · cloudplan portal</title>"));
  // Its department is in its scope, linked.
  CHECK(has(*page, "Speaks for <a href=\"/agencies/MOF-TAX\">MOF-TAX</a>."));
  // Systems: its own and its department's.
  CHECK(has(*page, "<h2>Systems (3)</h2>"));
  CHECK(has(*page,
            "<td class=\"id\">MOF/ifmis</td><td>" + kEscaped + "</td><td class=\"id\">MOF</td>"));
  CHECK(has(*page,
            "<td class=\"id\">TAX/efiling</td><td>Tax e-filing</td><td class=\"id\">MOF-TAX</td>"));
  // Dependencies, with the agency of the provider, or that it is not in the inventory yet.
  CHECK(has(*page,
            "<td class=\"id\">MOF/budget</td><td class=\"id\">MOF/ifmis</td><td "
            "class=\"id\">MOF</td>"));
  // MOJ's court system names MOF's ifmis and DGA's sign-on, which DGA has not submitted.
  const auto moj = server::agencyPage(s.f.db(), agency, "MOJ", false);
  REQUIRE(moj);
  CHECK(has(*moj,
            "<td class=\"id\">MOJ/courts</td><td class=\"id\">MOF/ifmis</td><td "
            "class=\"id\">MOF</td>"));
  CHECK(has(*moj,
            "<td class=\"id\">MOJ/courts</td><td class=\"id\">DGA/sso</td><td "
            "class=\"severity-warning\">not in the inventory yet</td>"));
  CHECK(has(*moj, "<p>1 reference to systems the national inventory does not have yet"));
  // Who depends on it: MOJ's court system on its ifmis.
  CHECK(has(*page, "<h2>Systems of other agencies that depend on these (1)</h2>"));
  CHECK(has(*page,
            "<td class=\"id\">MOJ</td><td class=\"id\">MOJ/courts</td><td>Court case "
            "management</td><td class=\"id\">MOF/ifmis</td>"));
  // The history of its scope, newest first, the rejected one's message escaped.
  CHECK(historyOrder(*page) == std::vector<uint32_t>{5, 4, 2});
  CHECK(has(*page, "<td>Message " + kEscaped + "</td>"));
  CHECK(has(*page, "<td class=\"severity-error\">rejected</td>"));
  CHECK(has(*page,
            "Last accepted: <a href=\"/submissions/5\">submission 5</a> of <time "
            "datetime=\"2027-02-02T08:00:00Z\">2027-02-02 08:00</time> UTC."));
  // Downloads.
  CHECK(has(*page,
            "<a href=\"/agencies/MOF/current/systems.csv\">systems.csv</a> and <a "
            "href=\"/agencies/MOF/current/dependencies.csv\">dependencies.csv</a>"));
  CHECK(has(*page,
            "<a href=\"/downloads/template/systems.csv\">systems.csv</a> and <a "
            "href=\"/downloads/template/dependencies.csv\">dependencies.csv</a>"));
  CHECK(has(*page, "<a href=\"/downloads/ids.csv\">ids.csv</a>"));
}

TEST_CASE("the upload form is on an agency's page only for those who may submit",
          "[portal_pages]") {
  PortalStore s;
  const auto agency = context(store::Role::agency, "MOF");
  const auto page = server::agencyPage(s.f.db(), agency, "MOF", true);
  REQUIRE(page);
  CHECK(has(*page,
            "<form class=\"panel\" method=\"post\" action=\"/agencies/MOF/submissions\" "
            "enctype=\"multipart/form-data\">\n<input type=\"hidden\" name=\"csrf\" "
            "value=\"csrf&lt;&quot;1&quot;&gt;\">"));
  CHECK(has(*page,
            "<input type=\"file\" id=\"file\" name=\"file\" multiple "
            "accept=\".csv,.xml,.archimate\" required>"));
  CHECK(has(*page, "<label for=\"message\">"));
  CHECK(has(*page, "<input type=\"text\" id=\"message\" name=\"message\""));

  const auto reviewer = context(store::Role::reviewer);
  const auto readOnly = server::agencyPage(s.f.db(), reviewer, "MOF", false);
  REQUIRE(readOnly);
  checkSafe(*readOnly, &reviewer);
  CHECK_FALSE(has(*readOnly, "/agencies/MOF/submissions"));
  CHECK_FALSE(has(*readOnly, "type=\"file\""));
  CHECK(has(*readOnly, "<h2>Systems (3)</h2>"));
}

TEST_CASE(
    "an agency's page is nullopt for a code not in the register, and a department's "
    "lists only its own",
    "[portal_pages]") {
  PortalStore s;
  const auto agency = context(store::Role::agency, "MOF");
  CHECK_FALSE(server::agencyPage(s.f.db(), agency, "NOPE", true));
  CHECK_FALSE(server::agencyPage(s.f.db(), agency, "", true));
  const auto tax = server::agencyPage(s.f.db(), agency, "MOF-TAX", true);
  REQUIRE(tax);
  checkSafe(*tax, &agency);
  CHECK(has(*tax, "<h1>National Tax Service <span class=\"id muted\">MOF-TAX</span></h1>"));
  CHECK(has(*tax, "Part of MOF."));
  CHECK(has(*tax, "<h2>Systems (1)</h2>"));
  CHECK(historyOrder(*tax) == std::vector<uint32_t>{5});
  // Its dependency on DGA/sso went with MOF's submission and was not in its own.
  CHECK(has(*tax, "<h2>Dependencies (0)</h2>"));
  CHECK(has(*tax, "action=\"/agencies/MOF-TAX/submissions\""));
}

TEST_CASE("a submission's page is its feedback, its files linked by their escaped names",
          "[portal_pages]") {
  PortalStore s;
  const auto agency = context(store::Role::agency, "MOF");
  const auto page = server::submissionPage(s.f.db(), agency, 4);
  REQUIRE(page);
  checkSafe(*page, &agency);
  CHECK(has(*page, "<h1>Submission 4 of MOF</h1>"));
  CHECK(has(*page, "<p class=\"verdict rejected\"><b>REJECTED</b>"));
  CHECK(has(*page, "<p><a href=\"/agencies/MOF\">Back to MOF</a></p>"));
  CHECK(has(*page, "<tr><th>Message</th><td>Message " + kEscaped + "</td></tr>"));
  CHECK(has(*page, "<tr><th>By</th><td>" + kEscaped + "</td></tr>"));
  // The file as it was named (its path), one segment of the link, every special byte %XX.
  const std::string path = s.f.folder / "submission-3/systems <b>&'x'.csv";
  std::string segment;
  for (const char c : path) {
    const bool plain =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~';
    segment += plain ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  CHECK(has(*page, "<td class=\"id\"><a href=\"/submissions/4/files/" + segment + "\">" +
                       path.substr(0, path.rfind('/')) +
                       "/systems &lt;b&gt;&amp;&#39;x&#39;.csv</a></td>"));
  // The error as FILE:LINE.
  CHECK(has(*page, "<li><span class=\"id\">" + path.substr(0, path.rfind('/')) +
                       "/systems &lt;b&gt;&amp;&#39;x&#39;.csv:2</span>: <span "
                       "class=\"severity-error\">error</span>: "));
  CHECK(has(*page, "(did you mean &#39;rehost&#39;?)"));

  const auto accepted = server::submissionPage(s.f.db(), agency, 2);
  REQUIRE(accepted);
  checkSafe(*accepted, &agency);
  CHECK(has(*accepted, "<p class=\"verdict accepted\"><b>ACCEPTED</b>"));
  CHECK(has(*accepted, "<h2>First submission of MOF: everything in it is new</h2>"));
  CHECK(has(*accepted, "<br><span class=\"name\">" + kEscaped + "</span>"));

  const auto registerPage = server::submissionPage(s.f.db(), agency, 1);
  REQUIRE(registerPage);
  checkSafe(*registerPage, &agency);
  CHECK(has(*registerPage, "<h1>Submission 1 of the agency register</h1>"));
  CHECK(has(*registerPage, "<p><a href=\"/national\">Back to the agencies</a></p>"));

  CHECK_FALSE(server::submissionPage(s.f.db(), agency, 99));
}

TEST_CASE("the submission page says what feedback.html says, framed", "[portal_pages]") {
  PortalStore s;
  const auto agency = context(store::Role::agency, "MOF");
  const auto page = server::submissionPage(s.f.db(), agency, 2);
  REQUIRE(page);
  // feedback.html's sections, in its order, between the frame's <main> and </main>.
  const size_t main = page->find("<main>\n");
  const std::vector<std::string> order = {"<h1>Submission 2 of MOF</h1>",
                                          "<h2>Files (2)</h2>",
                                          "<h2>Problems</h2>",
                                          "<section id=\"diagnostics\">",
                                          "<section id=\"changes\">",
                                          "<section id=\"waves\">",
                                          "</main>"};
  size_t at = main;
  for (const auto& part : order) {
    INFO(part);
    const size_t found = page->find(part, at);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  // The <main> of the feedback.html that submit wrote then is in the page as it is: its
  // dependents and waves too, kept with the submission.
  const std::string feedback =
      exporters::feedbackHtml({s.mof.submission, s.mof.diagnostics, s.mof.changes});
  const size_t from = feedback.find("<main>\n") + 7;
  const std::string problems = feedback.substr(from, feedback.find("</main>") - from);
  CHECK(problems.starts_with("<h2>Problems</h2>"));
  CHECK(has(*page, problems + "</main>"));
}

TEST_CASE("the error page says the status and what to do, signed in or not", "[portal_pages]") {
  const std::string out = server::errorPage(403, "Forbidden", kHostile, nullptr);
  checkSafe(out, nullptr);
  CHECK(has(out, "<h1>403 Forbidden</h1>"));
  CHECK(has(out, "<p class=\"error-message\">" + kEscaped + "</p>"));
  CHECK(has(out, "<a href=\"/login\">Sign in</a>"));
  CHECK_FALSE(has(out, "Signed in as"));

  const auto reviewer = context(store::Role::reviewer);
  const std::string in = server::errorPage(404, "Not <Found>", "No such page", &reviewer);
  checkSafe(in, &reviewer);
  CHECK(has(in, "<h1>404 Not &lt;Found&gt;</h1>"));
  CHECK(has(in, "<a href=\"/\">Back to your home page</a>"));
  CHECK(has(in, "Signed in as <b>" + kEscaped + "</b> (reviewer)"));
}

TEST_CASE("the style sheet holds the report's and the feedback's rules and no import",
          "[portal_pages]") {
  const std::string_view css = server::portalStylesheet();
  CHECK(css.find("--ink: #1d2630") != std::string_view::npos);     // kPageStyle
  CHECK(css.find(".verdict.rejected") != std::string_view::npos);  // the feedback's
  CHECK(css.find(".scroll thead th") != std::string_view::npos);   // the portal's
  CHECK(css.find("@import") == std::string_view::npos);
  CHECK(css.find("url(") == std::string_view::npos);
  CHECK(css.data() == server::portalStylesheet().data());  // made once
}

namespace {

// A plan made by the portal (its files kept), or by `plan --store` (none kept, `by` empty).
uint32_t makePlan(StoreFixture& f, uint32_t submission, const std::string& by, bool files) {
  store::PlanRecording recording(f.db(), submission, "{\"max_systems_per_wave\": 30}", {});
  const uint32_t number = recording.number();
  if (files) {
    const std::vector<store::FileContent> contents = {{"report.html", "<html></html>", ""},
                                                      {"ministries.html", "<html></html>", ""},
                                                      {"report-MOF.html", "<html></html>", ""},
                                                      {"plan.json", "{}", ""}};
    store::archivePlanFiles(f.sql(), number, by,
                            {.systems = 6, .waves = 3, .lowerBound = 2, .peakHybridLinks = 1},
                            contents);
  }
  recording.commit();
  return number;
}

}  // namespace

TEST_CASE("the national page lists every agency, escaped, with where it stands", "[portal_pages]") {
  PortalStore s;
  const auto national = context(store::Role::national);
  const std::string page = server::nationalPage(s.f.db(), national, "", "{\"a\": \"<b>\"}");
  checkSafe(page, &national);
  CHECK(has(page, "<h2>Agencies (4)</h2>"));
  CHECK(has(page, "<tr><td class=\"id\"><a href=\"/agencies/MOF\">MOF</a></td><td>" + kEscaped +
                      "</td><td class=\"id\"></td><td><a href=\"/submissions/2\">#2</a>, <time "
                      "datetime=\"2027-01-10T09:00:00Z\">2027-01-10 09:00</time></td><td "
                      "class=\"number\">2</td><td class=\"number\">1</td><td class=\"number "
                      "severity-error\">1</td>"));
  CHECK(has(page,
            "<tr><td class=\"id\"><a href=\"/agencies/DGA\">DGA</a></td><td>Digital "
            "Government Agency</td><td class=\"id\"></td><td><span "
            "class=\"muted\">none</span></td>"));
  // No date asked: the form alone.
  CHECK(has(page,
            "<form class=\"inline\" method=\"get\" action=\"/national\"><div><label "
            "for=\"since\">Submitted since</label><input type=\"date\" id=\"since\" "
            "name=\"since\" value=\"\" required>"));
  CHECK_FALSE(has(page, "submitted since"));
  // The national office's forms: plan now, with the settings shown, and the register.
  CHECK(has(page,
            "<form class=\"panel\" method=\"post\" action=\"/plans\">\n<input "
            "type=\"hidden\" name=\"csrf\" value=\"csrf&lt;&quot;1&quot;&gt;\">"));
  CHECK(has(page, "<pre class=\"settings\">{&quot;a&quot;: &quot;&lt;b&gt;&quot;}</pre>"));
  CHECK(has(page,
            "<form class=\"panel\" method=\"post\" action=\"/register\" "
            "enctype=\"multipart/form-data\">\n<input type=\"hidden\" name=\"csrf\" "
            "value=\"csrf&lt;&quot;1&quot;&gt;\">"));
  CHECK(has(page,
            "<input type=\"file\" id=\"register-file\" name=\"file\" accept=\".csv\" "
            "required>"));
  CHECK(has(page,
            "<label for=\"register-message\">Message</label><input type=\"text\" "
            "id=\"register-message\" name=\"message\""));
  CHECK(has(page, "As of <a href=\"/submissions/1\">submission 1</a>"));
  CHECK(has(page, "<h2>Plans (0)</h2>"));
  CHECK(has(page, "<p>No plan yet.</p>"));

  // A reviewer reads the same, and has no form to post but the logout.
  const auto reviewer = context(store::Role::reviewer);
  const std::string read = server::nationalPage(s.f.db(), reviewer, "", "{}");
  checkSafe(read, &reviewer);
  CHECK_FALSE(has(read, "action=\"/plans\""));
  CHECK_FALSE(has(read, "action=\"/register\""));
  CHECK(has(read, "<h2>Agencies (4)</h2>"));
}

TEST_CASE("the national page tells who submitted since a date, and refuses a date that is not one",
          "[portal_pages]") {
  PortalStore s;
  const auto national = context(store::Role::national);
  const std::string page = server::nationalPage(s.f.db(), national, "2027-02-01", "{}");
  checkSafe(page, &national);
  CHECK(has(page, "name=\"since\" value=\"2027-02-01\" required>"));
  CHECK(has(page, "<p>2 of 4 agencies submitted since 2027-02-01.</p>"));
  // Those that did, in register order, then those that did not.
  const size_t since = page.find("<section id=\"since\">");
  const size_t mof =
      page.find("<tr><td class=\"id\"><a href=\"/agencies/MOF\">MOF</a></td><td>" + kEscaped +
                    "</td><td class=\"number\">0</td><td class=\"number\">1</td><td><a "
                    "href=\"/submissions/4\">#4</a>",
                since);
  const size_t tax = page.find(
      "<tr><td class=\"id\"><a href=\"/agencies/MOF-TAX\">MOF-TAX</a></td><td>National Tax "
      "Service</td><td class=\"number\">1</td><td class=\"number\">0</td><td><a "
      "href=\"/submissions/5\">#5</a>",
      since);
  const size_t moj = page.find(
      "<tr><td class=\"id\"><a href=\"/agencies/MOJ\">MOJ</a></td><td>Ministry of "
      "Justice</td><td class=\"number\">0</td><td class=\"number\">0</td><td "
      "class=\"muted\">none since</td>",
      since);
  CHECK(since < mof);
  CHECK(mof < tax);
  CHECK(tax < moj);
  CHECK(moj != std::string::npos);

  const std::string bad = server::nationalPage(s.f.db(), national, "2027-02-31x<b>", "{}");
  checkSafe(bad, &national);
  CHECK(has(bad,
            "<p class=\"error-message\">&#39;2027-02-31x&lt;b&gt;&#39; is not a date (write "
            "it YYYY-MM-DD)</p>"));
  CHECK(has(bad, "name=\"since\" value=\"\" required>"));
}

TEST_CASE("the plans, newest first, link their files, the national page lists them too",
          "[portal_pages]") {
  PortalStore s;
  s.clock.set("2027-02-03T09:00:00Z");
  const uint32_t first = makePlan(s.f, 5, "national <officer>", true);
  s.clock.set("2027-02-04T09:00:00Z");
  const uint32_t byStore = makePlan(s.f, 5, "", false);
  s.clock.set("2027-02-05T09:00:00Z");
  const uint32_t last = makePlan(s.f, 5, "national", true);
  REQUIRE(first < byStore);
  REQUIRE(byStore < last);

  const auto national = context(store::Role::national);
  const std::string page = server::plansPage(s.f.db(), national);
  checkSafe(page, &national);
  CHECK(has(page,
            "<p class=\"lead\">The plans made from the national inventory, newest first: 3 "
            "in all.</p>"));
  const std::string base = fmt::format("/plans/{}/", last);
  const size_t newest = page.find(fmt::format("<tr><td class=\"number\">{}</td>", last));
  const size_t middle = page.find(fmt::format("<tr><td class=\"number\">{}</td>", byStore));
  const size_t oldest = page.find(fmt::format("<tr><td class=\"number\">{}</td>", first));
  CHECK(newest < middle);
  CHECK(middle < oldest);
  CHECK(oldest != std::string::npos);
  CHECK(has(page, "<a href=\"" + base + "report.html\">report</a> · <a href=\"" + base +
                      "ministries.html\">ministries</a> · <a href=\"" + base +
                      "plan.json\">plan.json</a>"));
  CHECK(has(page, "<td>national &lt;officer&gt;</td>"));
  CHECK(has(page, "<span class=\"muted\">plan --store</span>"));
  CHECK(has(page, "<span class=\"muted\">none kept</span>"));
  CHECK(has(page, "<a href=\"/submissions/5\">#5</a>"));
  // The form compares the two that kept their files, the older to the newer by default.
  CHECK(has(page,
            "<form class=\"inline\" method=\"get\" action=\"/plans/diff\"><div><label "
            "for=\"from\">From</label><select id=\"from\" name=\"from\">"));
  CHECK(has(page, fmt::format("<option value=\"{}\" selected>Plan {}, ", first, first)));
  CHECK(has(page, "<label for=\"to\">To</label><select id=\"to\" name=\"to\"><option value=\"" +
                      std::to_string(last) + "\" selected>"));
  CHECK_FALSE(has(page, fmt::format("<option value=\"{}\"", byStore)));

  const std::string nationalPage = server::nationalPage(s.f.db(), national, "", "{}");
  checkSafe(nationalPage, &national);
  CHECK(has(nationalPage, "<h2>Plans (3)</h2>"));
  CHECK(has(nationalPage, "<a href=\"" + base + "report.html\">report</a>"));
}

TEST_CASE("the plans page has no form to compare with fewer than two plans", "[portal_pages]") {
  PortalStore s;
  const auto reviewer = context(store::Role::reviewer);
  std::string page = server::plansPage(s.f.db(), reviewer);
  checkSafe(page, &reviewer);
  CHECK(has(page, "newest first: none yet.</p>"));
  CHECK(has(page, "<p>Two plans are needed to compare.</p>"));
  makePlan(s.f, 5, "national", true);
  page = server::plansPage(s.f.db(), reviewer);
  CHECK(has(page, "<p>Two plans are needed to compare.</p>"));
  CHECK_FALSE(has(page, "/plans/diff"));
}

TEST_CASE("the reviewer's page links the latest plan's report and its ministries' pages",
          "[portal_pages]") {
  PortalStore s;
  const auto reviewer = context(store::Role::reviewer);
  const std::string none = server::reviewerPage(s.f.db(), reviewer);
  checkSafe(none, &reviewer);
  CHECK(has(none, "<p>No plan yet"));

  s.clock.set("2027-02-03T09:00:00Z");
  makePlan(s.f, 5, "old", true);
  s.clock.set("2027-02-04T09:00:00Z");
  const uint32_t latest = makePlan(s.f, 5, "national <officer>", true);
  makePlan(s.f, 5, "", false);  // plan --store kept no report: the one before is read
  const std::string page = server::reviewerPage(s.f.db(), reviewer);
  checkSafe(page, &reviewer);
  const std::string base = fmt::format("/plans/{}/", latest);
  CHECK(has(page, fmt::format("<p class=\"lead\">Plan {}, made <time "
                              "datetime=\"2027-02-04T09:00:00Z\">2027-02-04 09:00</time> UTC by "
                              "national &lt;officer&gt; from the national inventory as of <a "
                              "href=\"/submissions/5\">submission 5</a>.</p>",
                              latest)));
  CHECK(has(page, "<a href=\"" + base + "report.html\">The report</a>"));
  CHECK(has(page, "<a href=\"" + base + "ministries.html\">The ministries</a>"));
  CHECK(has(page, "<a href=\"" + base + "plan.json\">plan.json</a>"));
  // Only the files the plan kept are linked: these made no schedule.csv.
  CHECK_FALSE(has(page, "schedule.csv"));
  CHECK(has(page, "<h2>Ministries' pages (1)</h2>"));
  CHECK(has(page, "<tr><td class=\"id\"><a href=\"" + base + "report-MOF.html\">MOF</a></td><td>" +
                      kEscaped + "</td>"));
}

TEST_CASE("an agency of 5,000 systems renders them all in well under a second", "[portal_pages]") {
  StoreFixture f;
  std::string systems = "id,name,agency\n";
  std::string dependencies = "from,to\n";
  for (int i = 0; i < 5000; ++i) {
    systems += fmt::format("MOF/s{0:04},System {0},MOF\n", i);
    if (i) dependencies += fmt::format("MOF/s{:04},MOF/s{:04}\n", i, i - 1);
  }
  f.accept("MOF", {{"systems.csv", systems}, {"dependencies.csv", dependencies}});
  const auto national = context(store::Role::national);
  const auto start = std::chrono::steady_clock::now();
  const auto page = server::agencyPage(f.db(), national, "MOF", true);
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE(page);
  CHECK(has(*page, "<h2>Systems (5000)</h2>"));
  CHECK(has(*page, "<td class=\"id\">MOF/s4999</td><td>System 4999</td>"));
  CHECK(has(*page, "<h2>Dependencies (4999)</h2>"));
  // Tens of milliseconds here; a second leaves room for a loaded machine.
  CHECK(took < std::chrono::seconds(1));
}
