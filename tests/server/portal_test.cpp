#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "exporters/csv/inventory_template.h"
#include "exporters/reports/html_escape.h"
#include "exporters/reports/html_pan_zoom.h"
#include "exporters/reports/html_report.h"
#include "tests/server/portal_fixture.h"

using namespace cloudplan::testing;
using nlohmann::json;

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kBearer = "Bearer realm=\"cloudplan\"";

// What the portal answers a request without a valid session or token.
const std::string kSignInFirst =
    "sign in first (a valid session or an Authorization: Bearer token; cloudplan serve-user "
    "makes accounts)";

// MOH's sample systems with MOH/mpi's strategy (line 2) misspelt.
std::string badMohSystems() {
  std::string systems = readText(sourcePath("samples/submissions/MOH/systems.csv"));
  const std::string line2 = "MOH/mpi,Master patient index,MOH,application,refactor,";
  const size_t at = systems.find(line2);
  REQUIRE(at != std::string::npos);
  systems.replace(at, line2.size(), "MOH/mpi,Master patient index,MOH,application,rehots,");
  return systems;
}

// MOI-CRA's part of MOI's sample (its systems and those of MOI-CRA-NID, below it).
std::string craSystems() {
  std::istringstream lines(readText(sourcePath("samples/submissions/MOI/systems.csv")));
  std::string line, part;
  for (bool header = true; std::getline(lines, line); header = false) {
    if (header || line.rfind("MOI-CRA/", 0) == 0 || line.rfind("MOI-CRA-NID/", 0) == 0)
      part += line + "\n";
  }
  return part;
}

// How many entries of a JSON list have `value` under `key`.
size_t countOf(const json& list, const std::string& key, const json& value) {
  size_t count = 0;
  for (const auto& entry : list)
    count += entry.at(key) == value;
  return count;
}

std::string base64Sha256(const std::string& text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string encoded(sodium_base64_ENCODED_LEN(digest.size(), sodium_base64_VARIANT_ORIGINAL),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

// A portal page's: no script at all (default-src 'none' and no script-src), style from the
// portal's own style sheet only.
void checkPortalPageHeaders(const httplib::Response& response) {
  CHECK(response.get_header_value("Content-Security-Policy") ==
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'");
  CHECK(response.get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(response.get_header_value("X-Frame-Options") == "DENY");
}

}  // namespace

// ---- Signing in and out ----

TEST_CASE(
    "GET /login sets the login cookie its form's nonce repeats, and signing in answers 303 "
    "to / with an HttpOnly, SameSite=Strict session cookie",
    "[portal]") {
  PortalFixture portal;
  const auto form = portal.get("/login");
  CHECK(form->status == 200);
  CHECK(form->get_header_value("Content-Type") == kHtml);
  const std::string loginCookie = setCookie(*form, "cloudplan_login");
  const std::string nonce = cookieIn(loginCookie);
  CHECK(nonce.size() == 43);
  CHECK(loginCookie ==
        "cloudplan_login=" + nonce + "; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict");
  CHECK(hiddenField(form->body, "nonce") == nonce);

  const auto answer = portal.tryLogin("moh-officer", portal.tokenOf(Who::moh));
  CHECK(answer->status == 303);
  CHECK(answer->get_header_value("Location") == "/");
  const std::string session = setCookie(*answer, "cloudplan_session");
  const std::string key = cookieIn(session);
  CHECK(key.size() == 43);
  CHECK(session ==
        "cloudplan_session=" + key + "; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
  CHECK(setCookie(*answer, "cloudplan_login") ==
        "cloudplan_login=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");

  const Browser browser{"cloudplan_session=" + key, {}};
  const auto home = portal.get("/", PortalFixture::cookie(browser));
  CHECK(home->status == 303);
  CHECK(home->get_header_value("Location") == "/agencies/MOH");
  CHECK(jsonOf(portal.get("/api/me", PortalFixture::cookie(browser))) ==
        json{{"account", "moh-officer"},
             {"role", "agency"},
             {"agency", "MOH"},
             {"agencies", {"MOH", "MOH-HSD", "MOH-HSD-NRH", "MOH-NHI", "MOH-PHI"}}});
}

TEST_CASE(
    "behind an https base URL the cookies are Secure too, and named __Host- so that no "
    "sibling subdomain sets them",
    "[portal]") {
  PortalFixture portal({}, "https://portal.gov.example");
  const auto answer = portal.tryLogin("reviewer", portal.tokenOf(Who::reviewer));
  CHECK(answer->status == 303);
  CHECK(setCookie(*answer, "cloudplan_session").empty());
  const std::string session = setCookie(*answer, "__Host-cloudplan_session");
  CHECK(session == "__Host-cloudplan_session=" + cookieIn(session) +
                       "; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure");
  const auto form = portal.get("/login");
  const std::string login = setCookie(*form, "__Host-cloudplan_login");
  CHECK(login == "__Host-cloudplan_login=" + cookieIn(login) +
                     "; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure");
  // The plain name is not the session's.
  const Browser plain{"cloudplan_session=" + cookieIn(session), {}};
  CHECK(portal.get("/review", PortalFixture::cookie(plain))->status == 303);
  const Browser hosted{"__Host-cloudplan_session=" + cookieIn(session), {}};
  CHECK(portal.get("/review", PortalFixture::cookie(hosted))->status == 200);
}

TEST_CASE(
    "a wrong token, an unknown name, a revoked account or a stale form answers 401 with the "
    "form again and no session",
    "[portal]") {
  PortalFixture portal;
  const std::string wrong =
      "the account name or token is wrong (the token is the line serve-user printed)";
  auto refused = [&](const httplib::Result& answer, const std::string& message) {
    INFO(answer->body);
    CHECK(answer->status == 401);
    CHECK(setCookie(*answer, "cloudplan_session").empty());
    CHECK(answer->body.find(cloudplan::exporters::htmlEscaped(message)) != std::string::npos);
    // A new form to try again with.
    CHECK(cookieIn(setCookie(*answer, "cloudplan_login")) == hiddenField(answer->body, "nonce"));
    checkPortalPageHeaders(*answer);
  };
  // Another account's token, and a token of the right form but another key.
  refused(portal.tryLogin("moh-officer", portal.tokenOf(Who::cra)), wrong);
  std::string forged = portal.tokenOf(Who::moh);
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  refused(portal.tryLogin("moh-officer", forged), wrong);
  refused(portal.tryLogin("nobody", portal.tokenOf(Who::moh)), wrong);
  portal.revoke(Who::deputy);
  refused(portal.tryLogin("moh-deputy", portal.tokenOf(Who::deputy)), wrong);

  // Without the login cookie that the form's nonce repeats: a form from elsewhere.
  const auto form = portal.get("/login");
  const auto stale =
      portal.http->Post("/login", httplib::Params{{"name", "moh-officer"},
                                                  {"token", portal.tokenOf(Who::moh)},
                                                  {"nonce", hiddenField(form->body, "nonce")}});
  REQUIRE(stale);
  refused(stale, "the sign-in form had expired (sign in again)");
}

TEST_CASE(
    "after 10 failed sign-ins from one address the next is refused with 429 and Retry-After, "
    "even with the right token (never checked from it)",
    "[portal]") {
  PortalFixture portal;
  for (int i = 0; i < 10; ++i)
    REQUIRE(portal.tryLogin("nobody", "cpt_1_wrong")->status == 401);
  for (const std::string& token : {std::string("cpt_1_wrong"), portal.tokenOf(Who::moh)}) {
    const auto answer = portal.tryLogin("moh-officer", token);
    INFO(answer->body);
    CHECK(answer->status == 429);
    CHECK(setCookie(*answer, "cloudplan_session").empty());
    const std::string retry = answer->get_header_value("Retry-After");
    REQUIRE(!retry.empty());
    const long seconds = std::stol(retry);
    CHECK(seconds > 0);
    CHECK(seconds <= 300);
    CHECK(answer->body.find(fmt::format(
              "too many failed sign-ins from this address (try again in {} seconds)", seconds)) !=
          std::string::npos);
  }
}

TEST_CASE(
    "after ten wrong bearer tokens from an address no new token from it is checked, one checked "
    "before still works, and other addresses are not held up",
    "[portal]") {
  PortalFixture portal;
  const auto guesser = portal.server.client("127.0.0.7");
  REQUIRE(portal.get("/api/me", portal.bearer(Who::moh), guesser.get())->status == 200);
  const httplib::Headers wrong{{"Authorization", "Bearer cpt_999_" + std::string(43, 'A')}};
  for (int i = 0; i < 10; ++i)
    REQUIRE(portal.get("/api/me", wrong, guesser.get())->status == 401);
  const auto refused = portal.get("/api/me", portal.bearer(Who::national), guesser.get());
  CHECK(refused->status == 429);
  const long seconds = std::stol(refused->get_header_value("Retry-After", 0));
  CHECK(seconds > 0);
  CHECK(seconds <= 300);
  CHECK(jsonOf(refused) ==
        apiError(429,
                 fmt::format("too many failed sign-ins from this address (try again in {} seconds)",
                             seconds)));
  CHECK(portal.get("/api/me", wrong, guesser.get())->status == 429);
  CHECK(portal
            .postApi("/api/agencies/MOH/submissions", Who::moh, sampleUpload("MOH", "held"),
                     guesser.get())
            ->status == 201);
  CHECK(portal.get("/api/me", portal.bearer(Who::national))->status == 200);
}

TEST_CASE(
    "behind a proxy on this machine the address is X-Real-IP's: one client's guesses hold up "
    "that client only",
    "[portal]") {
  PortalFixture portal;
  auto from = [](Who who, const std::string& address, PortalFixture& p) {
    httplib::Headers headers = p.bearer(who);
    headers.emplace("X-Real-IP", address);
    return headers;
  };
  httplib::Headers wrong{{"Authorization", "Bearer cpt_999_" + std::string(43, 'A')},
                         {"X-Real-IP", "203.0.113.9"}};
  for (int i = 0; i < 10; ++i)
    REQUIRE(portal.get("/api/me", wrong)->status == 401);
  CHECK(portal.get("/api/me", from(Who::national, "203.0.113.9", portal))->status == 429);
  CHECK(portal.get("/api/me", from(Who::national, "198.51.100.4", portal))->status == 200);
}

TEST_CASE(
    "logging out ends the session: its cookie then gets 303 to /login on pages and 401 on "
    "the API",
    "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::moh);
  const auto headers = PortalFixture::cookie(browser);
  REQUIRE(portal.get("/agencies/MOH", headers)->status == 200);

  const auto out = portal.postForm("/logout", browser);
  CHECK(out->status == 303);
  CHECK(out->get_header_value("Location") == "/login");
  CHECK(setCookie(*out, "cloudplan_session") ==
        "cloudplan_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");

  const auto page = portal.get("/agencies/MOH", headers);
  CHECK(page->status == 303);
  CHECK(page->get_header_value("Location") == "/login");
  const auto api = portal.get("/api/me", headers);
  CHECK(api->status == 401);
  CHECK(api->get_header_value("WWW-Authenticate") == kBearer);
  CHECK(jsonOf(api) == apiError(401, kSignInFirst));
  const auto again = portal.postForm("/logout", browser);
  CHECK(again->status == 401);
}

// ---- Submissions ----

TEST_CASE(
    "an inventory uploaded with the agency page's form is accepted: 303 to its feedback, "
    "which says so",
    "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::moh);
  const auto page = portal.get("/agencies/MOH", PortalFixture::cookie(browser));
  REQUIRE(page->status == 200);
  CHECK(page->body.find("action=\"/agencies/MOH/submissions\" enctype=\"multipart/form-data\"") !=
        std::string::npos);

  const auto upload =
      portal.postForm("/agencies/MOH/submissions", browser, sampleUpload("MOH", "May update"));
  INFO(upload->body);
  REQUIRE(upload->status == 303);
  const std::string location = upload->get_header_value("Location");
  REQUIRE(location.rfind("/submissions/", 0) == 0);
  const int submission = std::stoi(location.substr(13));
  CHECK(submission > static_cast<int>(portal.sample().moiSubmission));

  const auto feedback = portal.get(location, PortalFixture::cookie(browser));
  REQUIRE(feedback->status == 200);
  CHECK(feedback->get_header_value("Content-Type") == kHtml);
  CHECK(feedback->body.find(fmt::format("Submission {} of MOH", submission)) != std::string::npos);
  CHECK(feedback->body.find("ACCEPTED") != std::string::npos);
  CHECK(feedback->body.find("REJECTED") == std::string::npos);
  CHECK(feedback->body.find("May update") != std::string::npos);

  const json recorded =
      jsonOf(portal.get(fmt::format("/api/submissions/{}", submission), portal.bearer(Who::moh)));
  CHECK(recorded.at("accepted") == true);
  CHECK(recorded.at("by") == "moh-officer");
  CHECK(recorded.at("message") == "May update");
}

TEST_CASE("a rejected upload's feedback page shows each error as FILE:LINE", "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::moh);
  const auto upload =
      portal.postForm("/agencies/MOH/submissions", browser,
                      {filePart("systems.csv", badMohSystems()), field("message", "typo")});
  REQUIRE(upload->status == 303);
  const auto feedback =
      portal.get(upload->get_header_value("Location"), PortalFixture::cookie(browser));
  REQUIRE(feedback->status == 200);
  INFO(feedback->body);
  CHECK(feedback->body.find("REJECTED") != std::string::npos);
  CHECK(
      feedback->body.find("<span class=\"id\">systems.csv:2</span>: <span "
                          "class=\"severity-error\">error</span>: strategy &#39;rehots&#39; is "
                          "not one of rehost, replatform, refactor, repurchase, relocate, retire, "
                          "retain (did you mean &#39;rehost&#39;?)</li>") != std::string::npos);
}

TEST_CASE(
    "a script's upload to the API answers 201 with the accepted submission, or 422 with "
    "the rejected one's diagnostics, and the history lists both newest first",
    "[portal]") {
  PortalFixture portal;
  const auto accepted =
      portal.postApi("/api/agencies/MOH/submissions", Who::moh, sampleUpload("MOH", "May update"));
  CHECK(accepted->status == 201);
  const json good = jsonOf(accepted);
  const uint32_t first = good.at("submission").get<uint32_t>();
  CHECK(first > portal.sample().moiSubmission);
  CHECK(good.at("agency") == "MOH");
  CHECK(good.at("accepted") == true);
  CHECK(good.at("by") == "moh-officer");
  CHECK(good.at("message") == "May update");
  CHECK(std::regex_match(good.at("at").get<std::string>(),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK(good.at("errors") == 0);
  CHECK(good.at("warnings") == 0);
  CHECK(good.at("diagnostics").is_array());
  CHECK(good.at("feedback") == fmt::format("/submissions/{}", first));
  const json files = good.at("files");
  REQUIRE(files.size() == 2);
  CHECK(files[0].at("name") == "systems.csv");
  CHECK(files[0].at("bytes") == readText(sourcePath("samples/submissions/MOH/systems.csv")).size());
  CHECK(std::regex_match(files[0].at("sha256").get<std::string>(), std::regex("[0-9a-f]{64}")));
  CHECK(files[1].at("name") == "dependencies.csv");

  const auto rejected =
      portal.postApi("/api/agencies/MOH/submissions", Who::moh,
                     {filePart("systems.csv", badMohSystems()), field("message", "typo")});
  CHECK(rejected->status == 422);
  const json bad = jsonOf(rejected);
  CHECK(bad.at("submission") == first + 1);
  CHECK(bad.at("accepted") == false);
  CHECK(bad.at("errors") == 1);
  CHECK(bad.at("feedback") == fmt::format("/submissions/{}", first + 1));
  REQUIRE(bad.at("diagnostics").size() >= 1);
  const json& error = bad.at("diagnostics")[0];
  CHECK(error.at("severity") == "error");
  CHECK(error.at("code") == "bad-value");
  CHECK(error.at("file") == "systems.csv");
  CHECK(error.at("line") == 2);
  CHECK(error.at("message") ==
        "strategy 'rehots' is not one of rehost, replatform, refactor, repurchase, relocate, "
        "retire, retain (did you mean 'rehost'?)");

  const json history = jsonOf(portal.get("/api/agencies/MOH/submissions", portal.bearer(Who::moh)));
  const json& list = history.at("submissions");
  REQUIRE(list.size() == 3);
  CHECK(list[0].at("submission") == first + 1);
  CHECK(list[0].at("accepted") == false);
  CHECK(list[1].at("submission") == first);
  CHECK(list[2].at("submission") == portal.sample().mohSubmission);
}

TEST_CASE("the national id register, the template and a submitted file download as attachments",
          "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::moh);
  const auto headers = PortalFixture::cookie(browser);
  auto attachment = [](const httplib::Response& response, const std::string& name) {
    CHECK(response.status == 200);
    CHECK(response.get_header_value("Content-Disposition") ==
          "attachment; filename=\"" + name + "\"");
    CHECK(response.get_header_value("Content-Type") == "application/octet-stream");
    CHECK(response.get_header_value("Content-Security-Policy") == "default-src 'none'; sandbox");
    CHECK(response.get_header_value("X-Content-Type-Options") == "nosniff");
  };

  const auto ids = portal.get("/downloads/ids.csv", headers);
  attachment(*ids, "ids.csv");
  CHECK(ids->body.find("MOH/mpi") != std::string::npos);
  CHECK(ids->body.find("MOI-CRA-NID/nid-verify") != std::string::npos);

  for (const auto& file : cloudplan::exporters::inventoryTemplate()) {
    if (file.name != "systems.csv" && file.name != "dependencies.csv") continue;
    const auto download = portal.get("/downloads/template/" + file.name, headers);
    attachment(*download, file.name);
    CHECK(download->body == file.content);
  }
  const auto missing = portal.get("/downloads/template/waves.csv", headers);
  CHECK(missing->status == 404);

  for (const std::string name : {"systems.csv", "dependencies.csv"}) {
    const auto file = portal.get(
        fmt::format("/submissions/{}/files/{}", portal.sample().mohSubmission, name), headers);
    attachment(*file, name);
    CHECK(file->body == readText(sourcePath("samples/submissions/MOH/" + name)));
  }
  const auto none = portal.get(
      fmt::format("/submissions/{}/files/agencies.csv", portal.sample().mohSubmission), headers);
  CHECK(none->status == 404);
}

TEST_CASE(
    "an agency's current part downloads as the files of a submission, which submitted again "
    "change nothing",
    "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::moh);
  httplib::MultipartFormDataItems upload;
  for (const std::string name : {"systems.csv", "dependencies.csv"}) {
    const auto file = portal.get("/agencies/MOH/current/" + name, PortalFixture::cookie(browser));
    CHECK(file->status == 200);
    CHECK(file->get_header_value("Content-Disposition") == "attachment; filename=\"" + name + "\"");
    upload.push_back(filePart(name, file->body));
  }
  CHECK(upload[0].content.find("MOH-HSD-NRH/his,") != std::string::npos);
  CHECK(upload[0].content.find("MOI") == std::string::npos);
  upload.push_back(field("message", "as it stands"));
  const auto again = portal.postApi("/api/agencies/MOH/submissions", Who::moh, upload);
  INFO(again->body);
  CHECK(again->status == 201);
  const json submission = jsonOf(again);
  CHECK(submission.at("errors") == 0);
  for (const auto& [kind, changes] : submission.at("changes").items()) {
    INFO(kind);
    // What depends on the part, and the waves its changes may move, are not changes.
    if (kind != "dependents" && kind != "waves") CHECK(changes.empty());
  }
  const auto unknown =
      portal.get("/agencies/NOPE/current/systems.csv", portal.bearer(Who::national));
  CHECK(unknown->status == 404);
}

TEST_CASE(
    "the national office replaces the register: 201 with the register's submission, 422 when "
    "it leaves out an agency that has systems, 400 for more than one file",
    "[portal]") {
  PortalFixture portal;
  const std::string agencies = readText(sourcePath("samples/government/agencies.csv"));
  const auto added =
      portal.postApi("/api/register", Who::national,
                     {filePart("agencies.csv", agencies + "MOH-DHO,Digital Health Office,MOH,,,\n"),
                      field("message", "a new office")});
  INFO(added->body);
  CHECK(added->status == 201);
  const json accepted = jsonOf(added);
  CHECK(accepted.at("kind") == "register");
  CHECK(accepted.at("accepted") == true);
  CHECK(accepted.at("message") == "a new office");
  const json me = jsonOf(portal.get("/api/me", portal.bearer(Who::moh)));
  CHECK(me.at("agencies") ==
        json{"MOH", "MOH-HSD", "MOH-HSD-NRH", "MOH-NHI", "MOH-PHI", "MOH-DHO"});

  std::string withoutMoi;
  std::istringstream lines(agencies);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("MOI", 0) != 0) withoutMoi += line + "\n";
  }
  const auto dropped =
      portal.postApi("/api/register", Who::national, {filePart("agencies.csv", withoutMoi)});
  CHECK(dropped->status == 422);
  const json rejected = jsonOf(dropped);
  CHECK(rejected.at("accepted") == false);
  CHECK(rejected.at("errors") > 0);
  CHECK(jsonOf(portal.get("/api/agencies", portal.bearer(Who::reviewer))).at("agencies").size() ==
        21);

  const auto two =
      portal.postApi("/api/register", Who::national,
                     {filePart("agencies.csv", agencies), filePart("more.csv", agencies)});
  CHECK(two->status == 400);
  CHECK(jsonOf(two) == apiError(400, "the register is one agencies file (send only it)"));

  const Browser national = portal.signIn(Who::national);
  const auto form = portal.postForm("/register", national, {filePart("agencies.csv", agencies)});
  REQUIRE(form->status == 303);
  const auto feedback =
      portal.get(form->get_header_value("Location"), PortalFixture::cookie(national));
  CHECK(feedback->status == 200);
  checkPortalPageHeaders(*feedback);
}

// ---- Plans ----

TEST_CASE(
    "the national office plans: 201 with the plan's number and report, which a reviewer "
    "reads under a policy that allows its scripts by hash, latest redirects, two plans "
    "compare",
    "[portal]") {
  PortalFixture portal;
  const auto made = portal.postApi("/api/plans", Who::national);
  INFO(made->body);
  REQUIRE(made->status == 201);
  const json plan = jsonOf(made);
  const uint32_t number = portal.sample().plan + 1;
  CHECK(plan.at("plan") == number);
  CHECK(plan.at("by") == "national");
  CHECK(plan.at("report") == fmt::format("/plans/{}/report.html", number));
  bool listed = false;
  for (const auto& file : plan.at("files"))
    listed = listed || file == fmt::format("/plans/{}/report.html", number);
  CHECK(listed);
  CHECK(plan.at("diagnostics").is_array());

  const Browser reviewer = portal.signIn(Who::reviewer);
  const auto headers = PortalFixture::cookie(reviewer);
  const auto report = portal.get(fmt::format("/plans/{}/report.html", number), headers);
  REQUIRE(report->status == 200);
  CHECK(report->get_header_value("Content-Type") == kHtml);
  CHECK(report->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(report->get_header_value("X-Frame-Options") == "DENY");
  // The exporters' two scripts by hash, and no other; the page's scripts are among them.
  const std::string reportHash =
      "'sha256-" + base64Sha256(cloudplan::exporters::reportScript()) + "'";
  const std::string panZoomHash =
      "'sha256-" + base64Sha256(std::string(cloudplan::exporters::kPanZoomScript)) + "'";
  const std::string policy = report->get_header_value("Content-Security-Policy");
  CHECK(policy ==
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action "
        "'none'; frame-ancestors 'none'; base-uri 'none'; script-src " +
            reportHash + " " + panZoomHash);
  const std::string& html = report->body;
  size_t scripts = 0;
  for (size_t at = html.find("<script>"); at != std::string::npos;
       at = html.find("<script>", at + 1), ++scripts) {
    const size_t begin = at + 8;
    const size_t end = html.find("</script>", begin);
    REQUIRE(end != std::string::npos);
    const std::string hash = "'sha256-" + base64Sha256(html.substr(begin, end - begin)) + "'";
    CHECK((hash == reportHash || hash == panZoomHash));
  }
  CHECK(scripts > 0);

  const auto latest = portal.get("/plans/latest/report.html", headers);
  CHECK(latest->status == 303);
  CHECK(latest->get_header_value("Location") == fmt::format("/plans/{}/report.html", number));

  const auto plans = jsonOf(portal.get("/api/plans", portal.bearer(Who::reviewer)));
  REQUIRE(plans.at("plans").size() == 2);
  CHECK(plans.at("plans")[0].at("plan") == number);
  CHECK(plans.at("plans")[1].at("plan") == portal.sample().plan);
  CHECK(jsonOf(portal.get("/api/plans/latest", portal.bearer(Who::reviewer))).at("plan") == number);

  const auto diff =
      portal.get(fmt::format("/plans/diff?from={}&to={}", portal.sample().plan, number), headers);
  INFO(diff->body.substr(0, 2000));
  CHECK(diff->status == 200);
  CHECK(diff->get_header_value("Content-Type") == kHtml);
  CHECK(diff->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);
  const auto noPlan = portal.get(fmt::format("/plans/diff?from={}&to=999", number), headers);
  CHECK(noPlan->status == 404);
  const auto notNumbers = portal.get("/plans/diff?from=one&to=two", headers);
  CHECK(notNumbers->status == 400);
  CHECK(notNumbers->body.find(
            "name two plans: /plans/diff?from=A&amp;to=B (the plans page has the form)") !=
        std::string::npos);
}

// ---- Access control ----

namespace {

// The callers of the access table, in the order of its statuses.
constexpr std::array<Who, 6> kCallers{Who::moh,      Who::cra,    Who::reviewer,
                                      Who::national, Who::deputy, Who::nobody};

struct Access {
  const char* method;
  std::string path;
  std::array<int, 6> status;  // moh, cra, reviewer, national, deputy (revoked), nobody
};

}  // namespace

TEST_CASE(
    "every route answers every role as docs/api.md says: 403 outside an agency's scope and "
    "on a reviewer's writes, 303 to /login or 401 without a valid session or token",
    "[portal]") {
  PortalFixture portal;
  const auto& sample = portal.sample();
  const uint32_t moh = sample.mohSubmission;
  const uint32_t moi = sample.moiSubmission;
  const uint32_t plan = sample.plan;
  std::map<Who, Browser> browsers;
  for (const Who who : kCallers)
    browsers[who] = portal.signIn(who);
  // The deputy's token is checked (and remembered) before it is revoked, its session too.
  REQUIRE(portal.get("/api/me", portal.bearer(Who::deputy))->status == 200);
  portal.revoke(Who::deputy);

  // Each write sends a good upload for its agency: what is refused is the caller, not the files.
  const httplib::MultipartFormDataItems mohFiles = sampleUpload("MOH", "access");
  const httplib::MultipartFormDataItems craFiles{filePart("systems.csv", craSystems()),
                                                 field("message", "access")};
  const httplib::MultipartFormDataItems registerFile{
      filePart("agencies.csv", readText(sourcePath("samples/government/agencies.csv"))),
      field("message", "access")};

  const std::vector<Access> table{
      {"GET", "/login", {200, 200, 200, 200, 200, 200}},
      {"GET", "/assets/portal.css", {200, 200, 200, 200, 200, 200}},
      {"GET", "/", {303, 303, 303, 303, 303, 303}},
      {"GET", "/agencies/MOH", {200, 403, 200, 200, 303, 303}},
      {"GET", "/agencies/MOH-HSD-NRH", {200, 403, 200, 200, 303, 303}},
      {"GET", "/agencies/MOI-CRA", {403, 200, 200, 200, 303, 303}},
      {"GET", "/agencies/MOI-CRA-NID", {403, 200, 200, 200, 303, 303}},
      {"GET", "/agencies/MOI", {403, 403, 200, 200, 303, 303}},
      {"GET", "/agencies/MOH/current/systems.csv", {200, 403, 200, 200, 303, 303}},
      {"GET", "/agencies/MOI-CRA/current/dependencies.csv", {403, 200, 200, 200, 303, 303}},
      {"GET", "/agencies/MOI/current/systems.csv", {403, 403, 200, 200, 303, 303}},
      {"POST", "/agencies/MOH/submissions", {303, 403, 403, 303, 401, 401}},
      {"POST", "/agencies/MOI-CRA/submissions", {403, 303, 403, 303, 401, 401}},
      {"POST", "/api/agencies/MOH/submissions", {201, 403, 403, 201, 401, 401}},
      {"POST", "/api/agencies/MOI-CRA/submissions", {403, 201, 403, 201, 401, 401}},
      {"GET", "/api/agencies/MOH/submissions", {200, 403, 200, 200, 401, 401}},
      {"GET", "/api/agencies/MOI-CRA/submissions", {403, 200, 200, 200, 401, 401}},
      {"GET", "/api/agencies/MOI/submissions", {403, 403, 200, 200, 401, 401}},
      {"GET", fmt::format("/submissions/{}", moh), {200, 403, 200, 200, 303, 303}},
      // MOI's submission held MOI-CRA's systems too, but a department reads its own only.
      {"GET", fmt::format("/submissions/{}", moi), {403, 403, 200, 200, 303, 303}},
      // The register's, the national office's.
      {"GET", "/submissions/1", {403, 403, 200, 200, 303, 303}},
      {"GET", fmt::format("/api/submissions/{}", moh), {200, 403, 200, 200, 401, 401}},
      {"GET", fmt::format("/api/submissions/{}", moi), {403, 403, 200, 200, 401, 401}},
      {"GET", "/api/submissions/1", {403, 403, 200, 200, 401, 401}},
      {"GET",
       fmt::format("/submissions/{}/files/systems.csv", moh),
       {200, 403, 200, 200, 303, 303}},
      {"GET",
       fmt::format("/submissions/{}/files/systems.csv", moi),
       {403, 403, 200, 200, 303, 303}},
      {"GET", "/downloads/template/systems.csv", {200, 200, 200, 200, 303, 303}},
      {"GET", "/downloads/template/dependencies.csv", {200, 200, 200, 200, 303, 303}},
      {"GET", "/downloads/ids.csv", {200, 200, 200, 200, 303, 303}},
      {"GET", "/national", {403, 403, 200, 200, 303, 303}},
      {"GET", "/national?since=2027-01-01", {403, 403, 200, 200, 303, 303}},
      {"POST", "/register", {403, 403, 403, 303, 401, 401}},
      {"POST", "/api/register", {403, 403, 403, 201, 401, 401}},
      {"GET", "/plans", {403, 403, 200, 200, 303, 303}},
      {"GET", fmt::format("/plans/{}/report.html", plan), {403, 403, 200, 200, 303, 303}},
      {"GET", fmt::format("/plans/{}/plan.json", plan), {403, 403, 200, 200, 303, 303}},
      {"GET", "/plans/latest/report.html", {403, 403, 303, 303, 303, 303}},
      {"GET", fmt::format("/plans/diff?from={0}&to={0}", plan), {403, 403, 200, 200, 303, 303}},
      {"GET", "/review", {403, 403, 200, 200, 303, 303}},
      {"GET", "/api/me", {200, 200, 200, 200, 401, 401}},
      {"GET", "/api/agencies", {200, 200, 200, 200, 401, 401}},
      {"GET", "/api/plans", {403, 403, 200, 200, 401, 401}},
      {"GET", "/api/plans/latest", {403, 403, 200, 200, 401, 401}},
      {"GET", fmt::format("/api/plans/{}", plan), {403, 403, 200, 200, 401, 401}},
      {"POST", "/plans", {403, 403, 403, 303, 401, 401}},
      {"POST", "/api/plans", {403, 403, 403, 201, 401, 401}},
      // Last: it ends the sessions.
      {"POST", "/logout", {303, 303, 303, 303, 401, 401}},
  };

  for (size_t row = 0; row < table.size(); ++row) {
    const Access& access = table[row];
    const bool api = access.path.rfind("/api/", 0) == 0;
    const bool post = std::string_view(access.method) == "POST";
    // The revoked token's failures count against its address, like failed sign-ins: each row's
    // comes from an address of its own, so that they do not add up to 429 here.
    const auto revoked = portal.server.client(fmt::format("127.0.1.{}", row + 1));
    for (size_t i = 0; i < kCallers.size(); ++i) {
      const Who who = kCallers[i];
      INFO(access.method << " " << access.path << " as " << nameOf(who));
      const Browser& browser = browsers[who];
      httplib::Client* via = who == Who::deputy ? revoked.get() : nullptr;
      const auto answer = [&] {
        if (!post) {
          return portal.get(access.path, api ? portal.bearer(who) : PortalFixture::cookie(browser),
                            via);
        }
        const auto& files = access.path.find("MOI-CRA") != std::string::npos    ? craFiles
                            : access.path.find("register") != std::string::npos ? registerFile
                            : access.path.find("submissions") != std::string::npos
                                ? mohFiles
                                : httplib::MultipartFormDataItems{};
        return api ? portal.postApi(access.path, who, files, via)
                   : portal.postForm(access.path, browser, files, via);
      }();
      INFO(answer->body.substr(0, 1000));
      CHECK(answer->status == access.status[i]);
      if (answer->status == 401) {
        CHECK(answer->get_header_value("WWW-Authenticate") == kBearer);
        if (api) CHECK(jsonOf(answer) == apiError(401, kSignInFirst));
        if (!api) CHECK(answer->body.find(kSignInFirst) != std::string::npos);
      }
      if (answer->status == 303 && (who == Who::deputy || who == Who::nobody))
        CHECK(answer->get_header_value("Location") == "/login");
      if (answer->status == 403 && api) CHECK(jsonOf(answer).at("status") == 403);
    }
  }
}

TEST_CASE("the root sends each role to its home", "[portal]") {
  PortalFixture portal;
  const std::map<Who, std::string> homes{{Who::moh, "/agencies/MOH"},
                                         {Who::cra, "/agencies/MOI-CRA"},
                                         {Who::reviewer, "/review"},
                                         {Who::national, "/national"},
                                         {Who::nobody, "/login"}};
  for (const auto& [who, home] : homes) {
    INFO(nameOf(who));
    const auto answer = portal.get("/", portal.bearer(who));
    CHECK(answer->status == 303);
    CHECK(answer->get_header_value("Location") == home);
  }
}

TEST_CASE(
    "an agency is told why it is refused: another agency's page, history, submission and "
    "upload",
    "[portal]") {
  PortalFixture portal;
  const auto page = portal.get("/agencies/MOI", portal.bearer(Who::cra));
  CHECK(page->status == 403);
  CHECK(page->body.find("cra-officer reads MOI-CRA and the agencies below it only") !=
        std::string::npos);
  checkPortalPageHeaders(*page);
  CHECK(jsonOf(portal.get("/api/agencies/MOH/submissions", portal.bearer(Who::cra))) ==
        apiError(403, "cra-officer reads MOI-CRA and the agencies below it only"));
  CHECK(jsonOf(portal.get(fmt::format("/api/submissions/{}", portal.sample().moiSubmission),
                          portal.bearer(Who::moh))) ==
        apiError(403, fmt::format("submission {} is not a submission of MOH or the agencies below "
                                  "it (an agency's account reads its own)",
                                  portal.sample().moiSubmission)));
  CHECK(jsonOf(portal.postApi("/api/agencies/MOI-CRA/submissions", Who::moh,
                              {filePart("systems.csv", craSystems())})) ==
        apiError(403,
                 "moh-officer acts for MOH and the agencies below it, not for MOI-CRA (sign in "
                 "with an account of MOI-CRA)"));
  CHECK(jsonOf(portal.postApi("/api/agencies/MOH/submissions", Who::reviewer,
                              sampleUpload("MOH", "no"))) ==
        apiError(403, "a reviewer reads and does not submit"));
  CHECK(jsonOf(portal.postApi("/api/plans", Who::reviewer)) ==
        apiError(403, "only the national office may do this (ask it to)"));
  CHECK(jsonOf(portal.get("/api/plans", portal.bearer(Who::moh))) ==
        apiError(403,
                 "an agency account reads its own agencies only (ask the national office for a "
                 "reviewer account)"));
  // Its list of agencies holds its own only.
  const json agencies = jsonOf(portal.get("/api/agencies", portal.bearer(Who::cra)));
  REQUIRE(agencies.at("agencies").size() == 2);
  CHECK(agencies.at("agencies")[0].at("code") == "MOI-CRA");
  CHECK(agencies.at("agencies")[1].at("code") == "MOI-CRA-NID");
}

TEST_CASE(
    "systems of another agency in an agency's own upload are refused by the store: 422 with "
    "the outside-scope error",
    "[portal]") {
  PortalFixture portal;
  const std::string systems =
      "id,name,agency\nMOH/portal,Portal test system,MOH\nMOI/website,Ministry of the Interior "
      "website,MOI\n";
  const auto answer =
      portal.postApi("/api/agencies/MOH/submissions", Who::moh, {filePart("systems.csv", systems)});
  CHECK(answer->status == 422);
  const json rejected = jsonOf(answer);
  CHECK(rejected.at("accepted") == false);
  bool found = false;
  for (const auto& d : rejected.at("diagnostics")) {
    if (d.at("code") != "outside-scope") continue;
    found = true;
    CHECK(d.at("file") == "systems.csv");
    CHECK(d.at("line") == 3);
    CHECK(d.at("message") ==
          "system 'MOI/website' belongs to 'MOI': MOH may submit systems of MOH and its agencies "
          "only (leave it out: MOI submits it)");
  }
  CHECK(found);
  // Nothing of MOI changed.
  const json history =
      jsonOf(portal.get("/api/agencies/MOI/submissions", portal.bearer(Who::national)));
  CHECK(history.at("submissions").size() == 1);
}

TEST_CASE("a revoked token stops working at once, though it was remembered", "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::deputy);
  REQUIRE(portal.get("/api/me", portal.bearer(Who::deputy))->status == 200);
  REQUIRE(portal.get("/agencies/MOH", PortalFixture::cookie(browser))->status == 200);
  portal.revoke(Who::deputy);
  const auto api = portal.get("/api/me", portal.bearer(Who::deputy));
  CHECK(api->status == 401);
  CHECK(api->get_header_value("WWW-Authenticate") == kBearer);
  const auto upload = portal.postApi("/api/agencies/MOH/submissions", Who::deputy,
                                     sampleUpload("MOH", "after revoke"));
  CHECK(upload->status == 401);
  const auto page = portal.get("/agencies/MOH", PortalFixture::cookie(browser));
  CHECK(page->status == 303);
  CHECK(page->get_header_value("Location") == "/login");
  CHECK(jsonOf(portal.get("/api/agencies/MOH/submissions", portal.bearer(Who::moh)))
            .at("submissions")
            .size() == 1);
}

// ---- CSRF ----

TEST_CASE(
    "a session's POST needs its own CSRF token: none or another session's is refused with "
    "403, a bearer token needs none",
    "[portal]") {
  PortalFixture portal;
  const Browser browser = portal.signIn(Who::moh);
  const Browser other = portal.signIn(Who::moh);
  REQUIRE(browser.csrf != other.csrf);
  const std::string stale =
      "the form's security token is missing or stale (reload the page and send the form again)";

  const auto without = portal.post("/agencies/MOH/submissions", PortalFixture::cookie(browser),
                                   sampleUpload("MOH", "no csrf"));
  CHECK(without->status == 403);
  CHECK(without->body.find(cloudplan::exporters::htmlEscaped(stale)) != std::string::npos);
  checkPortalPageHeaders(*without);

  const Browser crossed{browser.cookie, other.csrf};
  CHECK(portal.postForm("/agencies/MOH/submissions", crossed, sampleUpload("MOH", "crossed"))
            ->status == 403);
  CHECK(portal.postForm("/logout", crossed)->status == 403);
  CHECK(portal.post("/logout", PortalFixture::cookie(browser), {})->status == 403);

  // The API with the session cookie needs X-CSRF-Token.
  const auto api = portal.post("/api/agencies/MOH/submissions", PortalFixture::cookie(browser),
                               sampleUpload("MOH", "api without csrf"));
  CHECK(api->status == 403);
  CHECK(jsonOf(api) == apiError(403, stale));
  auto headers = PortalFixture::cookie(browser);
  headers.emplace("X-CSRF-Token", other.csrf);
  CHECK(
      portal.post("/api/agencies/MOH/submissions", headers, sampleUpload("MOH", "other"))->status ==
      403);
  headers = PortalFixture::cookie(browser);
  headers.emplace("X-CSRF-Token", browser.csrf);
  CHECK(portal.post("/api/agencies/MOH/submissions", headers, sampleUpload("MOH", "header"))
            ->status == 201);

  // Nothing refused was recorded; the session was not ended.
  const json history = jsonOf(portal.get("/api/agencies/MOH/submissions", portal.bearer(Who::moh)));
  CHECK(history.at("submissions").size() == 2);
  CHECK(portal.get("/agencies/MOH", PortalFixture::cookie(browser))->status == 200);

  CHECK(portal.postApi("/api/agencies/MOH/submissions", Who::moh, sampleUpload("MOH", "bearer"))
            ->status == 201);
  CHECK(
      portal.postForm("/agencies/MOH/submissions", browser, sampleUpload("MOH", "form"))->status ==
      303);
}

// ---- Limits ----

TEST_CASE(
    "upload limits: a file over the limit is refused naming it, a request over the limit "
    "and too many files with 413, names lose their folders, control characters are "
    "refused",
    "[portal]") {
  PortalFixture portal({.maxFileBytes = 1024, .maxRequestBytes = 64 << 10, .maxFiles = 3});
  const std::string small = "id,name,agency\nMOH/portal,Portal test system,MOH\n";
  const std::string path = "/api/agencies/MOH/submissions";

  const auto big = portal.postApi(path, Who::moh, sampleUpload("MOH", "too big"));
  CHECK(big->status == 413);
  CHECK(jsonOf(big) ==
        apiError(413,
                 "'systems.csv' is 3560 bytes; the limit is 1 KiB a file (split the inventory "
                 "into several files, or ask the national office to raise the limit)"));

  const auto huge =
      portal.postApi(path, Who::moh, {filePart("systems.csv", std::string(70000, 'x'))});
  CHECK(huge->status == 413);
  CHECK(jsonOf(huge) == apiError(413,
                                 "the upload is larger than the limit of 64 KiB a request "
                                 "(send fewer or smaller files)"));
  // A page's form gets the same as a page.
  const Browser browser = portal.signIn(Who::moh);
  const auto form = portal.postForm("/agencies/MOH/submissions", browser,
                                    {filePart("systems.csv", std::string(70000, 'x'))});
  CHECK(form->status == 413);
  CHECK(form->get_header_value("Content-Type") == kHtml);
  CHECK(form->body.find("the upload is larger than the limit of 64 KiB a request") !=
        std::string::npos);

  const auto many = portal.postApi(path, Who::moh,
                                   {filePart("a.csv", small), filePart("b.csv", small),
                                    filePart("c.csv", small), filePart("d.csv", small)});
  CHECK(many->status == 413);
  CHECK(jsonOf(many) ==
        apiError(413,
                 "4 files in one upload; the limit is 3 (send at most 3 files in one "
                 "submission)"));

  const auto control = portal.postApi(path, Who::moh, {filePart("sys\x01tems.csv", small)});
  CHECK(control->status == 400);
  CHECK(jsonOf(control) ==
        apiError(400,
                 "the file name 'sys\x01tems.csv' is not one a file can have (rename the "
                 "file, for example systems.csv)"));
  // The importers would read a file named - from standard input: the server's own.
  const auto dash = portal.postApi(path, Who::moh, {filePart("-", small)});
  CHECK(dash->status == 400);
  CHECK(jsonOf(dash) == apiError(400,
                                 "the file name '-' is not one a file can have (rename the "
                                 "file, for example systems.csv)"));

  const auto none = portal.postApi(path, Who::moh, {field("message", "no file")});
  CHECK(none->status == 400);
  CHECK(jsonOf(none) ==
        apiError(400,
                 "no file was sent (choose the inventory's files: CSV, ArchiMate exchange "
                 "XML, an Archi model or Archi's CSV export)"));
  const auto twice = portal.postApi(
      path, Who::moh, {filePart("systems.csv", small), filePart("systems.csv", small)});
  CHECK(twice->status == 400);
  CHECK(jsonOf(twice) == apiError(400,
                                  "two files are named 'systems.csv' (each file of a "
                                  "submission needs its own name)"));

  // Nothing refused reached the store.
  CHECK(jsonOf(portal.get(path, portal.bearer(Who::moh))).at("submissions").size() == 1);

  for (const std::string sent : {"../../systems.csv", "C:\\Users\\cio\\systems.csv"}) {
    INFO(sent);
    const auto cut = portal.postApi(path, Who::moh, {filePart(sent, small)});
    const json submission = jsonOf(cut);
    REQUIRE(submission.at("files").size() == 1);
    CHECK(submission.at("files")[0].at("name") == "systems.csv");
  }
}

// ---- Concurrency ----

TEST_CASE("50 concurrent uploads are all recorded, each under its own number", "[portal]") {
  PortalFixture portal;
  // The token's Argon2id check is made once; then it is remembered.
  REQUIRE(portal.get("/api/me", portal.bearer(Who::moh))->status == 200);
  constexpr size_t kUploads = 50;
  std::vector<int> statuses(kUploads, 0);
  std::vector<std::string> bodies(kUploads);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < kUploads; ++i) {
    threads.emplace_back([&, i] {
      auto client = portal.server.client();
      const auto answer = client->Post("/api/agencies/MOH/submissions", portal.bearer(Who::moh),
                                       sampleUpload("MOH", fmt::format("upload {}", i)));
      if (!answer) {
        bodies[i] = httplib::to_string(answer.error());
        return;
      }
      statuses[i] = answer->status;
      bodies[i] = answer->body;
    });
  }
  for (auto& thread : threads)
    thread.join();

  std::set<uint32_t> numbers;
  for (size_t i = 0; i < kUploads; ++i) {
    INFO(i << ": " << bodies[i]);
    CHECK(statuses[i] == 201);
    if (statuses[i] != 201) continue;
    const json answer = json::parse(bodies[i]);
    CHECK(answer.at("message") == fmt::format("upload {}", i));
    CHECK(answer.at("accepted") == true);
    numbers.insert(answer.at("submission").get<uint32_t>());
  }
  CHECK(numbers.size() == kUploads);
  CHECK(*numbers.begin() == portal.sample().moiSubmission + 1);
  CHECK(*numbers.rbegin() == portal.sample().moiSubmission + kUploads);

  const json history = jsonOf(portal.get("/api/agencies/MOH/submissions", portal.bearer(Who::moh)));
  const json& list = history.at("submissions");
  REQUIRE(list.size() == kUploads + 1);
  for (size_t i = 0; i < kUploads; ++i)
    CHECK(countOf(list, "message", fmt::format("upload {}", i)) == 1);
  for (size_t i = 1; i < list.size(); ++i)
    CHECK(list[i - 1].at("submission") > list[i].at("submission"));
}

TEST_CASE("a plan made while uploads arrive is made, and every upload recorded", "[portal]") {
  PortalFixture portal;
  REQUIRE(portal.get("/api/me", portal.bearer(Who::moh))->status == 200);
  REQUIRE(portal.get("/api/me", portal.bearer(Who::national))->status == 200);
  constexpr size_t kUploads = 10;
  std::vector<int> statuses(kUploads + 1, 0);
  std::vector<std::string> bodies(kUploads + 1);
  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    auto client = portal.server.client();
    const auto answer = client->Post("/api/plans", portal.bearer(Who::national));
    statuses[kUploads] = answer ? answer->status : 0;
    bodies[kUploads] = answer ? answer->body : httplib::to_string(answer.error());
  });
  for (size_t i = 0; i < kUploads; ++i) {
    threads.emplace_back([&, i] {
      auto client = portal.server.client();
      const auto answer = client->Post("/api/agencies/MOH/submissions", portal.bearer(Who::moh),
                                       sampleUpload("MOH", fmt::format("upload {}", i)));
      statuses[i] = answer ? answer->status : 0;
      bodies[i] = answer ? answer->body : httplib::to_string(answer.error());
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (size_t i = 0; i < kUploads; ++i) {
    INFO(i << ": " << bodies[i]);
    CHECK(statuses[i] == 201);
  }
  INFO(bodies[kUploads]);
  CHECK(statuses[kUploads] == 201);
  CHECK(jsonOf(portal.get("/api/agencies/MOH/submissions", portal.bearer(Who::moh)))
            .at("submissions")
            .size() == kUploads + 1);
  CHECK(jsonOf(portal.get("/api/plans", portal.bearer(Who::national))).at("plans").size() == 2);
}

TEST_CASE(
    "a client that sends its request a line a second is cut off when the timeout has passed, "
    "and keeps no one else waiting longer",
    "[portal]") {
  using namespace std::chrono_literals;
  using Clock = std::chrono::steady_clock;
  PortalFixture portal({.workers = 1, .timeoutSeconds = 1});
  Clock::duration slowFor{};
  std::thread slow([&] {
    const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(portal.server.port()));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) return;
    const std::string start = "GET /login HTTP/1.1\r\nHost: portal\r\n";
    const std::string line = "X-Slow: a\r\n";
    const auto began = Clock::now();
    ::send(sock, start.data(), start.size(), MSG_NOSIGNAL);
    // A header line every half second, for 6 seconds, until the server closes the connection.
    while (Clock::now() - began < 6s) {
      pollfd fd{sock, POLLIN, 0};
      char byte = 0;
      if (::poll(&fd, 1, 500) > 0 && ::recv(sock, &byte, 1, 0) <= 0) break;
      if (::send(sock, line.data(), line.size(), MSG_NOSIGNAL) < 0) break;
    }
    slowFor = Clock::now() - began;
    ::close(sock);
  });
  std::this_thread::sleep_for(200ms);
  const auto asked = Clock::now();
  const auto answer = portal.get("/login");
  const auto waited = Clock::now() - asked;
  slow.join();
  CHECK(answer->status == 200);
  CHECK(waited < 3s);
  CHECK(slowFor > 900ms);
  CHECK(slowFor < 3s);
}

TEST_CASE("a keep-alive connection carries one request after another", "[portal]") {
  PortalFixture portal;
  auto client = portal.server.client();
  client->set_keep_alive(true);
  for (const std::string path : {"/login", "/assets/portal.css", "/api/me", "/login"}) {
    INFO(path);
    const auto answer = client->Get(path.c_str(), portal.bearer(Who::reviewer));
    REQUIRE(answer);
    CHECK(answer->status == 200);
  }
}

// ---- What every page sends ----

TEST_CASE("every portal page sends a policy without script, nosniff and DENY", "[portal]") {
  PortalFixture portal;
  const Browser national = portal.signIn(Who::national);
  const Browser moh = portal.signIn(Who::moh);
  for (const std::string& page :
       std::vector<std::string>{"/national", "/plans", "/review", "/agencies/MOI", "/agencies/NOPE",
                                fmt::format("/submissions/{}", portal.sample().mohSubmission),
                                "/submissions/999", "/no/such/page"}) {
    INFO(page);
    const auto answer = portal.get(page, PortalFixture::cookie(national));
    CHECK(answer->get_header_value("Content-Type") == kHtml);
    checkPortalPageHeaders(*answer);
  }
  for (const std::string page : {"/agencies/MOH", "/national"}) {
    INFO(page);
    checkPortalPageHeaders(*portal.get(page, PortalFixture::cookie(moh)));
  }
  checkPortalPageHeaders(*portal.get("/login"));
  const auto css = portal.get("/assets/portal.css");
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(css->get_header_value_count("Cache-Control") == 1);
}

TEST_CASE(
    "hostile text in an inventory (a script tag, a bidi override) is escaped on the agency "
    "page and the feedback page",
    "[portal]") {
  PortalFixture portal;
  const std::string hostile = "<script>alert(1)</script> \xE2\x80\xAEgnp.exe";
  std::string systems = readText(sourcePath("samples/submissions/MOH/systems.csv"));
  systems += "MOH/hostile," + hostile + ",MOH,application,rehost,low,,,,,,,,,,\n";
  const auto accepted =
      portal.postApi("/api/agencies/MOH/submissions", Who::moh,
                     {filePart("systems.csv", systems),
                      filePart("dependencies.csv",
                               readText(sourcePath("samples/submissions/MOH/dependencies.csv"))),
                      field("message", hostile)});
  INFO(accepted->body);
  REQUIRE(accepted->status == 201);
  const uint32_t number = jsonOf(accepted).at("submission").get<uint32_t>();
  // A strategy of script is refused, and its message quotes it.
  std::string bad = readText(sourcePath("samples/submissions/MOH/systems.csv"));
  bad += "MOH/hostile,name,MOH,application,<script>alert(1)</script>,low,,,,,,,,,,\n";
  const auto rejected = portal.postApi("/api/agencies/MOH/submissions", Who::moh,
                                       {filePart("systems.csv", bad), field("message", hostile)});
  REQUIRE(rejected->status == 422);
  const uint32_t refused = jsonOf(rejected).at("submission").get<uint32_t>();

  const Browser browser = portal.signIn(Who::moh);
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt; \\u202egnp.exe";
  for (const std::string& page :
       std::vector<std::string>{"/agencies/MOH", fmt::format("/submissions/{}", number),
                                fmt::format("/submissions/{}", refused)}) {
    INFO(page);
    const auto answer = portal.get(page, PortalFixture::cookie(browser));
    REQUIRE(answer->status == 200);
    INFO(answer->body);
    CHECK(answer->body.find("<script") == std::string::npos);
    CHECK(answer->body.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(answer->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    if (page != fmt::format("/submissions/{}", refused))
      CHECK(answer->body.find(escaped) != std::string::npos);
    checkPortalPageHeaders(*answer);
  }
}

TEST_CASE("a second server on the same port is refused, not given half of the connections",
          "[portal]") {
  PortalFixture portal;
  cloudplan::server::PortalOptions options;
  options.store = portal.server.path();
  options.port = portal.server.port();
  const std::atomic<bool> stop = true;
  std::string error;
  CHECK(cloudplan::server::servePortal(options, stop, error) == 1);
  CHECK(error == fmt::format("cannot listen on 127.0.0.1:{} (is another server using the port? "
                             "choose another with --listen)",
                             options.port));
  CHECK(portal.get("/login")->status == 200);
}
