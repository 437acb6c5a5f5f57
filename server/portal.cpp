#include "server/portal.h"

#include <fmt/format.h>
#include <httplib.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

#include "exporters/csv/inventory_csv_writer.h"
#include "exporters/csv/inventory_template.h"
#include "exporters/json/diagnostics_json.h"
#include "exporters/reports/html_escape.h"
#include "models/printable_text.h"
#include "models/utc_time.h"
#include "server/api_json.h"
#include "server/caller.h"
#include "server/content_policy.h"
#include "server/credentials.h"
#include "server/form_fields.h"
#include "server/login_limiter.h"
#include "server/plan_runner.h"
#include "server/portal_pages.h"
#include "server/store_pool.h"
#include "server/timed_server.h"
#include "server/uploaded_files.h"
#include "store/agency_register.h"
#include "store/national_inventory.h"
#include "store/plan_archive.h"
#include "store/register_submission.h"
#include "store/store_status.h"
#include "store/stored_rows.h"
#include "store/submission_changes.h"
#include "store/submission_impacts.h"
#include "store/submit_inventory.h"

namespace cloudplan::server {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// A sign-in form is a name, a token and a nonce.
constexpr size_t kLoginBytes = 64 << 10;

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJsonType = "application/json; charset=utf-8";

bool isApi(const Request& request) {
  return request.path.rfind("/api/", 0) == 0;
}

// A submission's or plan's number as a path or query gives it; nullopt for anything else.
std::optional<uint32_t> numberIn(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return static_cast<uint32_t>(std::stoul(text));
}

std::string contentTypeOf(std::string_view name) {
  if (name.ends_with(".html")) return kHtml;
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".json")) return kJsonType;
  if (name.ends_with(".csv")) return "text/csv; charset=utf-8";
  if (name.ends_with(".xml")) return "application/xml";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".pdf")) return "application/pdf";
  return "application/octet-stream";
}

// A submitted file is the submitter's bytes: the browser saves it, never shows it as a page.
void sendAttachment(Response& response, const std::string& name, std::string content) {
  std::string safe;
  for (unsigned char c : name)
    safe += (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c >= 0x80) ? '_' : char(c);
  response.set_header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
  response.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  response.set_content(std::move(content), "application/octet-stream");
}

// The agency's part as it stands, as the file of that kind a submission of it would hold: the
// systems file, or dependencies.csv (its header alone when it has none).
std::string currentPartFile(store::StoreDatabase& store, const std::vector<std::string>& scope,
                            const std::string& kind) {
  const auto part = store::loadNationalInventory(store, 0, scope);
  for (auto& file : exporters::inventoryToCsvFiles(part.inventory)) {
    if (file.name.rfind(kind, 0) == 0) return std::move(file.content);
  }
  for (auto& file : exporters::inventoryTemplate()) {
    if (file.name.rfind(kind, 0) == 0) return file.content.substr(0, file.content.find('\n') + 1);
  }
  return {};
}

// Says whose it is not, never whose it is.
std::string notYours(const Caller& caller, uint32_t submission) {
  return fmt::format(
      "submission {} is not a submission of {} or the agencies below it (an "
      "agency's account reads its own)",
      submission, caller.account.agency);
}

std::string noSuchAgency(const std::string& code) {
  return fmt::format("no agency {} in the national register", models::quoted(code));
}

class Portal {
 public:
  explicit Portal(const PortalOptions& options)
      : options_(options),
        https_(options.baseUrl.rfind("https://", 0) == 0),
        sessionCookie_(sessionCookieName(https_)),
        loginCookie_(loginCookieName(https_)),
        pool_(options.store),
        callers_(https_) {}

  int serve(const std::atomic<bool>& stop, std::string& error);

 private:
  // A request's handler, given its caller and a store connection.
  using Handler = std::function<void(const Request&, Response&, Caller&, store::StoreDatabase&)>;
  enum class Needs { anyone, readsAll, national };

  void routes();
  // The caller, or nullopt with the answer given (303 to /login, 401, 429).
  std::optional<Caller> authenticate(const Request& request, Response& response,
                                     store::StoreDatabase& store);
  HandlerResponse beforeReading(const Request& request, Response& response);
  void route(const char* method, const std::string& pattern, Needs needs, Handler handler);

  // Answers a refusal as the route's kind wants it: JSON under /api/, a page otherwise.
  void refuse(const Request& request, Response& response, int status, std::string_view title,
              std::string_view message, const Caller* caller);
  PageContext contextOf(const Caller& caller, std::string notice = {}) const;
  void sendPage(Response& response, std::string html);
  void sendJson(Response& response, int status, const Json& json);

  void login(const Request& request, Response& response);
  void tooManyFailures(const Request& request, Response& response, long retryAfter);
  void refuseUpload(const Request& request, Response& response, const UploadedFiles& upload,
                    const Caller& caller);
  void logout(const Request& request, Response& response, Caller& caller,
              store::StoreDatabase& store);
  void submit(const Request& request, Response& response, Caller& caller,
              store::StoreDatabase& store, const std::string& agency);
  void replaceAgencies(const Request& request, Response& response, Caller& caller,
                       store::StoreDatabase& store);
  // A submission just recorded: its JSON under /api/ (201 accepted, 422 rejected), its feedback
  // page otherwise.
  void answerSubmission(const Request& request, Response& response,
                        const models::Submission& submission,
                        const models::Diagnostics& diagnostics,
                        const models::SubmissionChanges* changes);
  void plan(const Request& request, Response& response, Caller& caller,
            store::StoreDatabase& store);
  // Whether the caller reads the agency; when not, the 403 is answered.
  bool readsOrRefuses(const Request& request, Response& response, const Caller& caller,
                      const std::string& code);
  // Whether the caller may read a submission: one of its agencies'.
  bool readsSubmission(const Caller& caller, const models::Submission& submission) const;
  void planFile(const Request& request, Response& response, store::StoreDatabase& store,
                uint32_t number, const std::string& name);
  std::string cookie(std::string_view name, std::string_view value, long maxAge) const;

  const PortalOptions& options_;
  bool https_;  // users reach the portal over TLS: Secure, __Host- cookies
  std::string sessionCookie_;
  std::string loginCookie_;
  StorePool pool_;
  CallerCheck callers_;
  LoginLimiter limiter_;
  // Uploads wait for each other here, whole. Left to the store's write transaction alone, they
  // were read in parallel but then read again (another had changed the store meanwhile) and
  // woke from SQLite's busy wait late: bench/portal measured 44-49 uploads/s and a 99th
  // percentile of 1.1-1.8 s that way, against 56-60/s and 0.45-0.56 s with this lock.
  std::mutex submitting_;
  // One plan at a time: Graphviz lays out one graph at a time, and plans are long.
  std::mutex planning_;
  TimedServer http_;
};

std::string Portal::cookie(std::string_view name, std::string_view value, long maxAge) const {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", name, value, maxAge,
                     https_ ? "; Secure" : "");
}

PageContext Portal::contextOf(const Caller& caller, std::string notice) const {
  return {.account = caller.account.name,
          .role = caller.account.role,
          .agency = caller.account.agency,
          .csrf = caller.csrf,
          .notice = std::move(notice)};
}

void Portal::sendPage(Response& response, std::string html) {
  response.set_header("Content-Security-Policy", std::string(portalPagePolicy()));
  response.set_content(std::move(html), kHtml);
}

void Portal::sendJson(Response& response, int status, const Json& json) {
  response.status = status;
  response.set_content(jsonText(json), kJsonType);
}

void Portal::refuse(const Request& request, Response& response, int status, std::string_view title,
                    std::string_view message, const Caller* caller) {
  response.status = status;
  if (status == 401) response.set_header("WWW-Authenticate", "Bearer realm=\"cloudplan\"");
  if (isApi(request)) {
    response.set_content(errorJson(status, message), kJsonType);
    return;
  }
  const PageContext context = caller ? contextOf(*caller) : PageContext{};
  sendPage(response, errorPage(status, title, message, caller ? &context : nullptr));
}

std::optional<Caller> Portal::authenticate(const Request& request, Response& response,
                                           store::StoreDatabase& store) {
  // A wrong bearer token costs an Argon2id check: guesses count against the address like
  // failed sign-ins. Past the limit no new token is checked; one checked before still works, so
  // that guesses from an address (a proxy's, shared by all) do not lock its valid users out.
  const bool bearer = request.has_header("Authorization");
  const std::string client = clientAddress(request);
  long retryAfter = 0;
  const bool mayHash = limiter_.allows(client, LoginLimiter::Clock::now(), retryAfter);
  auto caller = callers_.identify(request, store, mayHash);
  if (caller) return caller;
  if (bearer && !mayHash) {
    tooManyFailures(request, response, retryAfter);
    return std::nullopt;
  }
  if (bearer) limiter_.failed(client, LoginLimiter::Clock::now());
  if (!isApi(request) && request.method == "GET") {
    response.set_redirect("/login", 303);
  } else {
    refuse(request, response, 401, "Unauthorized",
           "sign in first (a valid session or an Authorization: Bearer token; cloudplan "
           "serve-user makes accounts)",
           nullptr);
  }
  return std::nullopt;
}

HandlerResponse Portal::beforeReading(const Request& request, Response& response) {
  // Runs before httplib reads a body: an upload too large, of unknown length, or from nobody is
  // refused before it takes memory. The connection is closed, its body left unread.
  auto refuseUnread = [&](int status, std::string_view title, std::string_view message) {
    refuse(request, response, status, title, message, nullptr);
    response.set_header("Connection", "close");
    return HandlerResponse::Handled;
  };
  if (request.has_header("Transfer-Encoding")) {
    return refuseUnread(411, "Length Required",
                        "send the request with a Content-Length (chunked bodies are not taken)");
  }
  if (request.method == "POST" && !request.has_header("Content-Length")) {
    return refuseUnread(411, "Length Required",
                        "send the request with a Content-Length (0 for no body; curl -d '' "
                        "sends one)");
  }
  const uint64_t length = request.get_header_value<uint64_t>("Content-Length");
  const bool login = request.path == "/login";
  const size_t limit = login ? kLoginBytes : options_.limits.maxRequestBytes;
  if (length > limit) {
    return refuseUnread(413, "Payload Too Large",
                        fmt::format("the upload is larger than the limit of {} a request "
                                    "(send fewer or smaller files)",
                                    sizeText(limit)));
  }
  if (request.method != "POST" || login || length == 0) return HandlerResponse::Unhandled;
  std::string error;
  auto store = pool_.lease(error);
  if (!store) return HandlerResponse::Unhandled;  // the route answers 503
  if (!authenticate(request, response, **store)) {
    response.set_header("Connection", "close");
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

void Portal::route(const char* method, const std::string& pattern, Needs needs, Handler handler) {
  auto wrapped = [this, needs, handler = std::move(handler)](const Request& request,
                                                             Response& response) {
    std::string error;
    auto store = pool_.lease(error);
    if (!store) {
      std::cerr << "serve: error: " << error << '\n';
      return refuse(request, response, 503, "Service Unavailable",
                    "the store cannot be opened (try again later; the national office is told)",
                    nullptr);
    }
    auto caller = authenticate(request, response, **store);
    if (!caller) return;
    if (needs == Needs::readsAll && !caller->readsAll()) {
      return refuse(request, response, 403, "Forbidden",
                    "an agency account reads its own agencies only (ask the national office "
                    "for a reviewer account)",
                    &*caller);
    }
    if (needs == Needs::national && caller->account.role != store::Role::national) {
      return refuse(request, response, 403, "Forbidden",
                    "only the national office may do this (ask it to)", &*caller);
    }
    if (request.method == "POST" && !carriesCsrf(request, *caller)) {
      return refuse(request, response, 403, "Forbidden",
                    "the form's security token is missing or stale (reload the page and send "
                    "the form again)",
                    &*caller);
    }
    handler(request, response, *caller, **store);
  };
  if (std::string_view(method) == "GET") {
    http_.Get(pattern, std::move(wrapped));
  } else {
    http_.Post(pattern, std::move(wrapped));
  }
}

bool Portal::readsOrRefuses(const Request& request, Response& response, const Caller& caller,
                            const std::string& code) {
  if (caller.reads(code)) return true;
  refuse(request, response, 403, "Forbidden",
         fmt::format("{} reads {} and the agencies below it only", caller.account.name,
                     caller.account.agency),
         &caller);
  return false;
}

bool Portal::readsSubmission(const Caller& caller, const models::Submission& submission) const {
  // Only the submitter's readers: a ministry's submission holds all its departments' rows, which
  // one department may not read.
  if (caller.readsAll()) return true;
  return submission.kind == models::SubmissionKind::inventory && caller.reads(submission.agency);
}

void Portal::tooManyFailures(const Request& request, Response& response, long retryAfter) {
  response.set_header("Retry-After", std::to_string(retryAfter));
  refuse(request, response, 429, "Too Many Requests",
         fmt::format("too many failed sign-ins from this address (try again in {} seconds)",
                     retryAfter),
         nullptr);
}

void Portal::refuseUpload(const Request& request, Response& response, const UploadedFiles& upload,
                          const Caller& caller) {
  refuse(request, response, upload.status,
         upload.status == 413 ? "Payload Too Large" : "Bad Request", upload.error, &caller);
}

void Portal::login(const Request& request, Response& response) {
  const std::string client = clientAddress(request);
  long retryAfter = 0;
  const bool mayHash = limiter_.allows(client, LoginLimiter::Clock::now(), retryAfter);
  auto again = [&](std::string_view message) {
    limiter_.failed(client, LoginLimiter::Clock::now());
    const std::string nonce = randomKey();
    response.set_header("Set-Cookie", cookie(loginCookie_, nonce, 3600));
    response.set_header("WWW-Authenticate", "Bearer realm=\"cloudplan\"");
    response.status = 401;
    sendPage(response, loginPage(nonce, message));
  };
  const std::string nonce = formField(request, "nonce");
  if (nonce.empty() || !sameSecret(nonce, cookieValue(request, loginCookie_)))
    return again("the sign-in form had expired (sign in again)");
  const std::string name = formField(request, "name");
  const std::string token = formField(request, "token");
  std::string error;
  auto store = pool_.lease(error);
  if (!store) {
    return refuse(request, response, 503, "Service Unavailable",
                  "the store cannot be opened (try again later)", nullptr);
  }
  const auto account = store::accountNamed(**store, name);
  const auto id = accountIdOfToken(token);
  // One answer for every way it fails: which of name and token was wrong is not told.
  const bool named = account && account->revoked.empty() && id && *id == account->id;
  if (!named && mayHash) callers_.checkAsIfAnAccount(token);
  if (!named || !callers_.tokenVerified(token, *account, mayHash)) {
    if (!mayHash) return tooManyFailures(request, response, retryAfter);
    return again("the account name or token is wrong (the token is the line serve-user printed)");
  }
  const std::string key = randomKey();
  const std::string now = models::utcNow();
  const long seconds = static_cast<long>(options_.limits.sessionHours) * 3600;
  store::addSession(**store, {.keyHash = keyDigest(key),
                              .account = account->id,
                              .csrf = randomKey(),
                              .created = now,
                              .expires = models::utcLater(now, seconds)});
  store::endExpiredSessions(**store, now);
  response.set_header("Set-Cookie", cookie(sessionCookie_, key, seconds));
  response.set_header("Set-Cookie", cookie(loginCookie_, "", 0));
  response.set_redirect("/", 303);
}

void Portal::logout(const Request&, Response& response, Caller& caller,
                    store::StoreDatabase& store) {
  if (!caller.sessionHash.empty()) store::endSession(store, caller.sessionHash);
  response.set_header("Set-Cookie", cookie(sessionCookie_, "", 0));
  response.set_redirect("/login", 303);
}

void Portal::submit(const Request& request, Response& response, Caller& caller,
                    store::StoreDatabase& store, const std::string& agency) {
  if (!caller.actsFor(agency)) {
    return refuse(request, response, 403, "Forbidden",
                  caller.account.role == store::Role::reviewer
                      ? "a reviewer reads and does not submit"
                      : fmt::format("{} acts for {} and the agencies below it, not for {} (sign in "
                                    "with an account of {})",
                                    caller.account.name, caller.account.agency, agency, agency),
                  &caller);
  }
  UploadedFiles upload = uploadedFiles(request, options_.limits);
  if (!upload.error.empty()) return refuseUpload(request, response, upload, caller);
  std::string error;
  bool usage = false;
  std::optional<store::SubmitOutcome> outcome;
  {
    std::lock_guard lock(submitting_);
    outcome = store::submitInventory(store,
                                     {.agency = agency,
                                      .uploaded = std::move(upload.files),
                                      .by = caller.account.name,
                                      .message = formField(request, "message")},
                                     error, usage);
  }
  if (!outcome) {
    return refuse(request, response, usage ? 404 : 500, usage ? "Not Found" : "Server Error", error,
                  &caller);
  }
  answerSubmission(request, response, outcome->submission, outcome->diagnostics, &outcome->changes);
}

void Portal::replaceAgencies(const Request& request, Response& response, Caller& caller,
                             store::StoreDatabase& store) {
  UploadedFiles upload = uploadedFiles(request, options_.limits);
  if (upload.error.empty() && upload.files.size() != 1) {
    upload.status = 400;
    upload.error = "the register is one agencies file (send only it)";
  }
  if (!upload.error.empty()) return refuseUpload(request, response, upload, caller);
  std::string error;
  std::optional<store::RegisterOutcome> outcome;
  {
    std::lock_guard lock(submitting_);
    outcome = store::replaceRegister(store,
                                     {.file = upload.files.front().name,
                                      .uploaded = std::move(upload.files.front()),
                                      .by = caller.account.name,
                                      .message = formField(request, "message")},
                                     error);
  }
  if (!outcome) return refuse(request, response, 500, "Server Error", error, &caller);
  answerSubmission(request, response, outcome->submission, outcome->diagnostics, nullptr);
}

void Portal::answerSubmission(const Request& request, Response& response,
                              const models::Submission& submission,
                              const models::Diagnostics& diagnostics,
                              const models::SubmissionChanges* changes) {
  if (isApi(request)) {
    return sendJson(response, submission.accepted ? 201 : 422,
                    submissionJson(submission, &diagnostics.all(), changes));
  }
  response.set_redirect("/submissions/" + std::to_string(submission.number), 303);
}

void Portal::plan(const Request& request, Response& response, Caller& caller,
                  store::StoreDatabase& store) {
  PlanRun run;
  {
    // One plan at a time, and a second click while one is made makes no second plan.
    std::unique_lock lock(planning_, std::try_to_lock);
    if (!lock.owns_lock()) {
      return refuse(request, response, 409, "Conflict",
                    "a plan is being made right now (wait for it: the plans page lists it when "
                    "it is done)",
                    &caller);
    }
    run = planNationalInventory(store, options_.settings, caller.account.name);
  }
  if (isApi(request)) {
    Json diagnostics = Json::array();
    for (const auto& d : run.diagnostics.all())
      diagnostics.push_back(exporters::diagnosticToJson(d));
    if (!run.plan) {
      return sendJson(response, 422,
                      {{"status", 422},
                       {"error", "the national inventory cannot be planned (see diagnostics)"},
                       {"diagnostics", std::move(diagnostics)}});
    }
    Json json = planJson(*store::readPlanSummary(store.sql(), *run.plan),
                         store::planFileNames(store.sql(), *run.plan));
    json["diagnostics"] = std::move(diagnostics);
    return sendJson(response, 201, json);
  }
  if (!run.plan) {
    std::string message = "the national inventory cannot be planned:";
    for (const auto& d : run.diagnostics.all()) {
      if (d.severity == models::Severity::error)
        message += fmt::format("\n{}:{}: error: {}", d.file, d.line, d.message);
    }
    return refuse(request, response, 422, "Cannot Plan", message, &caller);
  }
  response.set_redirect(fmt::format("/plans/{}/report.html", *run.plan), 303);
}

void Portal::planFile(const Request& request, Response& response, store::StoreDatabase& store,
                      uint32_t number, const std::string& name) {
  auto content = store::readPlanFile(store.sql(), number, name);
  if (!content) {
    return refuse(request, response, 404, "Not Found",
                  fmt::format("plan {} has no file {} (the plans page lists the plans and their "
                              "reports)",
                              number, models::quoted(name)),
                  nullptr);
  }
  const std::string type = contentTypeOf(name);
  const bool html = type == std::string(kHtml);
  response.set_header("Content-Security-Policy", archivedFilePolicy(html));
  // The archived page is the exporters' self-contained file; served here, it gets a line back to
  // the portal (no script: its policy is its own scripts' hashes).
  if (const size_t body = html ? content->find("<body>") : std::string::npos;
      body != std::string::npos) {
    content->insert(body + 6,
                    fmt::format("\n<nav style=\"font:14px system-ui,sans-serif;padding:6px 12px;"
                                "background:#f3f4f6;border-bottom:1px solid #d1d5db\">"
                                "<a href=\"/\">cloudplan portal</a> · plan {} · "
                                "<a href=\"/plans\">all plans</a></nav>",
                                number));
  }
  response.set_content(std::move(*content), type);
}

void Portal::routes() {
  http_.Get("/assets/portal.css", [](const Request&, Response& response) {
    response.set_content(std::string(portalStylesheet()), "text/css; charset=utf-8");
  });
  // Browsers ask for it on their first visit: no icon, and no 404 in their console.
  http_.Get("/favicon.ico", [](const Request&, Response& response) { response.status = 204; });
  http_.Get("/login", [this](const Request&, Response& response) {
    const std::string nonce = randomKey();
    response.set_header("Set-Cookie", cookie(loginCookie_, nonce, 3600));
    sendPage(response, loginPage(nonce, {}));
  });
  http_.Post("/login",
             [this](const Request& request, Response& response) { login(request, response); });
  using Store = store::StoreDatabase;
  route("POST", "/logout", Needs::anyone,
        [this](const Request& q, Response& r, Caller& c, Store& s) { logout(q, r, c, s); });
  route("GET", "/", Needs::anyone, [](const Request&, Response& response, Caller& caller, Store&) {
    switch (caller.account.role) {
      case store::Role::agency:
        return response.set_redirect("/agencies/" + exporters::hrefFor(caller.account.agency), 303);
      case store::Role::national:
        return response.set_redirect("/national", 303);
      case store::Role::reviewer:
        return response.set_redirect("/review", 303);
    }
  });

  // An agency's home and its submissions.
  route("GET", R"(/agencies/([^/]+))", Needs::anyone,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          const std::string code = request.matches[1].str();
          if (!readsOrRefuses(request, response, caller, code)) return;
          auto page = agencyPage(store, contextOf(caller), code, caller.actsFor(code));
          if (!page) {
            return refuse(request, response, 404, "Not Found", noSuchAgency(code), &caller);
          }
          sendPage(response, std::move(*page));
        });
  route("GET", R"(/agencies/([^/]+)/current/(systems|dependencies)\.csv)", Needs::anyone,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          const std::string code = request.matches[1].str();
          if (!readsOrRefuses(request, response, caller, code)) return;
          const store::AgencyRegister agencies(store::readAgencyRows(store.sql(), {}));
          if (!agencies.has(code)) {
            return refuse(request, response, 404, "Not Found", noSuchAgency(code), &caller);
          }
          sendAttachment(response, request.matches[2].str() + ".csv",
                         currentPartFile(store, agencies.scopeOf(code), request.matches[2].str()));
        });
  for (const char* prefix : {"", "/api"}) {
    route("POST", std::string(prefix) + R"(/agencies/([^/]+)/submissions)", Needs::anyone,
          [this](const Request& q, Response& r, Caller& c, Store& s) {
            submit(q, r, c, s, q.matches[1].str());
          });
  }
  route("GET", R"(/api/agencies/([^/]+)/submissions)", Needs::anyone,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          const std::string code = request.matches[1].str();
          if (!readsOrRefuses(request, response, caller, code)) return;
          const store::AgencyRegister agencies(store::readAgencyRows(store.sql(), {}));
          if (!agencies.has(code))
            return refuse(request, response, 404, "Not Found", noSuchAgency(code), &caller);
          // As the agency's page lists them: its own and those of the agencies below it.
          Json list = Json::array();
          auto submissions = store::readSubmissions(store.sql(), agencies.scopeOf(code));
          for (auto it = submissions.rbegin(); it != submissions.rend(); ++it)
            list.push_back(submissionJson(*it, nullptr, nullptr));
          sendJson(response, 200, {{"agency", code}, {"submissions", std::move(list)}});
        });
  for (const char* prefix : {"", "/api"}) {
    route("GET", std::string(prefix) + R"(/submissions/(\d+))", Needs::anyone,
          [this](const Request& request, Response& response, Caller& caller, Store& store) {
            const auto number = numberIn(request.matches[1].str());
            const auto submission =
                number ? store::readSubmission(store.sql(), *number) : std::nullopt;
            if (!submission) {
              return refuse(request, response, 404, "Not Found",
                            "no such submission (the agency's page lists its history)", &caller);
            }
            if (!readsSubmission(caller, *submission)) {
              return refuse(request, response, 403, "Forbidden",
                            notYours(caller, submission->number), &caller);
            }
            if (isApi(request)) {
              const auto diagnostics = store::readSubmissionDiagnostics(store.sql(), *number);
              auto changes =
                  submission->accepted && submission->kind == models::SubmissionKind::inventory
                      ? store::changesOfSubmission(store, *number)
                      : models::SubmissionChanges{};
              if (submission->accepted) store::readImpacts(store.sql(), *number, changes);
              return sendJson(response, 200, submissionJson(*submission, &diagnostics, &changes));
            }
            sendPage(response, *submissionPage(store, contextOf(caller), *number));
          });
  }
  route("GET", R"(/submissions/(\d+)/files/(.+))", Needs::anyone,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          const auto number = numberIn(request.matches[1].str());
          const auto submission =
              number ? store::readSubmission(store.sql(), *number) : std::nullopt;
          if (submission && !readsSubmission(caller, *submission)) {
            return refuse(request, response, 403, "Forbidden", notYours(caller, submission->number),
                          &caller);
          }
          const std::string name = request.matches[2].str();
          if (submission) {
            if (auto files = store::readSubmissionFiles(store.sql(), *number)) {
              for (auto& file : *files) {
                if (file.name == name) return sendAttachment(response, name, std::move(file.bytes));
              }
            }
          }
          refuse(request, response, 404, "Not Found",
                 "no such file in that submission (its feedback page lists its files)", &caller);
        });

  // What every account may download.
  route("GET", R"(/downloads/template/([a-z]+\.csv))", Needs::anyone,
        [this](const Request& request, Response& response, Caller& caller, Store&) {
          for (auto& file : exporters::inventoryTemplate()) {
            if (file.name == request.matches[1].str())
              return sendAttachment(response, file.name, std::move(file.content));
          }
          refuse(request, response, 404, "Not Found",
                 "the template has systems.csv and dependencies.csv", &caller);
        });
  route("GET", "/downloads/ids.csv", Needs::anyone,
        [](const Request&, Response& response, Caller&, Store& store) {
          const auto national = store::loadNationalInventory(store);
          sendAttachment(response, "ids.csv", exporters::nationalIdsCsv(national.inventory));
        });

  // The national office and reviewers.
  route("GET", "/national", Needs::readsAll,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          sendPage(response, nationalPage(store, contextOf(caller),
                                          request.get_param_value("since"), options_.settingsJson));
        });
  route("GET", "/review", Needs::readsAll,
        [this](const Request&, Response& response, Caller& caller, Store& store) {
          sendPage(response, reviewerPage(store, contextOf(caller)));
        });
  route("GET", "/plans", Needs::readsAll,
        [this](const Request&, Response& response, Caller& caller, Store& store) {
          sendPage(response, plansPage(store, contextOf(caller)));
        });
  for (const char* path : {"/register", "/api/register"}) {
    route("POST", path, Needs::national,
          [this](const Request& q, Response& r, Caller& c, Store& s) {
            replaceAgencies(q, r, c, s);
          });
  }
  for (const char* path : {"/plans", "/api/plans"}) {
    route("POST", path, Needs::national,
          [this](const Request& q, Response& r, Caller& c, Store& s) { plan(q, r, c, s); });
  }
  route("GET", "/plans/diff", Needs::readsAll,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          const auto from = numberIn(request.get_param_value("from"));
          const auto to = numberIn(request.get_param_value("to"));
          if (!from || !to) {
            return refuse(request, response, 400, "Bad Request",
                          "name two plans: /plans/diff?from=A&to=B (the plans page has the form)",
                          &caller);
          }
          std::string error;
          auto html = comparePlans(store, *from, *to, error);
          if (!html) return refuse(request, response, 404, "Not Found", error, &caller);
          response.set_header("Content-Security-Policy", archivedFilePolicy(true));
          response.set_content(std::move(*html), kHtml);
        });
  route("GET", R"(/plans/latest/(.+))", Needs::readsAll,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          if (const auto plan = store::latestArchivedPlan(store.sql())) {
            return response.set_redirect(fmt::format("/plans/{}/{}", plan->number,
                                                     exporters::hrefFor(request.matches[1].str())),
                                         303);
          }
          refuse(request, response, 404, "Not Found",
                 "no plan has been made in the portal yet (the national office plans from "
                 "its page)",
                 &caller);
        });
  route("GET", R"(/plans/(\d+)/(.+))", Needs::readsAll,
        [this](const Request& request, Response& response, Caller&, Store& store) {
          const auto number = numberIn(request.matches[1].str());
          if (!number) {
            return refuse(request, response, 404, "Not Found",
                          "no such plan (the plans page lists them)", nullptr);
          }
          planFile(request, response, store, *number, request.matches[2].str());
        });

  // The API's reading routes.
  route("GET", "/api/me", Needs::anyone,
        [this](const Request&, Response& response, Caller& caller, Store&) {
          sendJson(response, 200, accountJson(caller.account, caller.agencies));
        });
  route("GET", "/api/agencies", Needs::anyone,
        [this](const Request&, Response& response, Caller& caller, Store& store) {
          Json list = Json::array();
          for (const auto& status : store::storeStatus(store).agencies) {
            if (caller.reads(status.code)) list.push_back(agencyStatusJson(status));
          }
          sendJson(response, 200, {{"agencies", std::move(list)}});
        });
  route("GET", "/api/plans", Needs::readsAll,
        [this](const Request&, Response& response, Caller&, Store& store) {
          Json list = Json::array();
          for (const auto& plan : store::listPlans(store.sql()))
            list.push_back(planJson(plan, store::planFileNames(store.sql(), plan.number)));
          sendJson(response, 200, {{"plans", std::move(list)}});
        });
  route("GET", R"(/api/plans/(latest|\d+))", Needs::readsAll,
        [this](const Request& request, Response& response, Caller& caller, Store& store) {
          // `latest` as /plans/latest and /review take it.
          const auto plan = request.matches[1].str() == "latest"
                                ? store::latestArchivedPlan(store.sql())
                                : store::readPlanSummary(
                                      store.sql(), numberIn(request.matches[1].str()).value_or(0));
          if (!plan) {
            return refuse(request, response, 404, "Not Found",
                          "no such plan (GET /api/plans lists them)", &caller);
          }
          sendJson(response, 200, planJson(*plan, store::planFileNames(store.sql(), plan->number)));
        });
}

int Portal::serve(const std::atomic<bool>& stop, std::string& error) {
  {
    auto store = pool_.lease(error);
    if (!store) return 1;
  }
  const PortalLimits& limits = options_.limits;
  http_.new_task_queue = [workers = limits.workers] { return new httplib::ThreadPool(workers); };
  http_.set_payload_max_length(limits.maxRequestBytes);
  http_.set_read_timeout(static_cast<time_t>(limits.timeoutSeconds), 0);
  http_.set_request_deadline(std::chrono::seconds(limits.timeoutSeconds));
  http_.set_write_timeout(static_cast<time_t>(limits.timeoutSeconds), 0);
  // An idle browser connection must not hold one of the few workers for long.
  http_.set_keep_alive_timeout(2);
  http_.set_keep_alive_max_count(100);
  http_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                             {"X-Frame-Options", "DENY"},
                             {"Referrer-Policy", "no-referrer"},
                             {"Cache-Control", "no-store"}});
  http_.set_pre_routing_handler([this](const Request& request, Response& response) {
    return beforeReading(request, response);
  });
  http_.set_error_handler([this, &limits](const Request& request, Response& response) {
    if (!response.body.empty()) return;
    const int status = response.status;
    if (status == 413) {
      return refuse(request, response, 413, "Payload Too Large",
                    fmt::format("the upload is larger than the limit of {} a request (send "
                                "fewer or smaller files)",
                                sizeText(limits.maxRequestBytes)),
                    nullptr);
    }
    if (status == 404) {
      return refuse(request, response, 404, "Not Found", "no such page (start from /)", nullptr);
    }
    if (status == 400) {
      return refuse(request, response, 400, "Bad Request",
                    "the request is not one HTTP allows here (a POST needs a body, or "
                    "Content-Length: 0; curl -d '' sends one)",
                    nullptr);
    }
    refuse(request, response, status, "Error", "the request could not be handled", nullptr);
  });
  http_.set_exception_handler(
      [this](const Request& request, Response& response, std::exception_ptr exception) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(exception);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << fmt::format("serve: error: {} {}: {}\n", models::printable(request.method),
                                 models::printable(request.path), models::printable(what));
        refuse(request, response, 500, "Server Error",
               "the server failed to answer (the national office finds why in its log)", nullptr);
      });
  http_.set_logger([](const Request& request, const Response& response) {
    // The path is the client's: written out, it cannot forge a line of the log.
    std::cerr << fmt::format("serve: {} {} {} {}\n", models::printable(clientAddress(request)),
                             models::printable(request.method), models::printable(request.path),
                             response.status);
  });
  routes();
  // SO_REUSEADDR, to restart while old connections linger; not httplib's SO_REUSEPORT, with which
  // a second server binds the same port and takes half of its connections.
  socket_t listening = INVALID_SOCKET;
  http_.set_socket_options([&listening](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listening = sock;
  });
  const int port = options_.port == 0
                       ? http_.bind_to_any_port(options_.host)
                       : (http_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
  // An IPv6 address is written in brackets before its port, as in a URL: [::1]:8080.
  const std::string host =
      options_.host.find(':') == std::string::npos ? options_.host : "[" + options_.host + "]";
  if (port < 0) {
    error = fmt::format(
        "cannot listen on {}:{} (is another server using the port? choose "
        "another with --listen)",
        host, options_.port);
    return 1;
  }
  // httplib listens with a queue of 5: in a burst of uploads the kernel reset the connections
  // that did not fit. Listening again only lengthens the queue.
  ::listen(listening, SOMAXCONN);
  if (options_.ready) options_.ready(fmt::format("{}:{}", host, port));
  // httplib stops from another thread: this one watches the flag the caller's signal sets.
  std::atomic<bool> done = false;
  std::thread watcher([&] {
    while (!stop.load() && !done.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    http_.stop();
  });
  const bool served = http_.listen_after_bind();
  done = true;
  watcher.join();
  if (!served && !stop.load()) {
    error = "the server stopped listening (see the messages above)";
    return 1;
  }
  return 0;
}

}  // namespace

int servePortal(const PortalOptions& options, const std::atomic<bool>& stop, std::string& error) {
  if (!initCredentials()) {
    error = "libsodium cannot start (the system's random source is missing?)";
    return 1;
  }
  Portal portal(options);
  return portal.serve(stop, error);
}

}  // namespace cloudplan::server
