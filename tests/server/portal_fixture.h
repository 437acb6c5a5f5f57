// The portal served on a free loopback port for a test, over its own copy of a store of the
// samples (the register, every ministry's first inventory, a plan, an account per role), and
// driven over real HTTP by cpp-httplib's client as a browser (session cookie, CSRF field) or a
// script (bearer token) drives it.
#pragma once

#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "models/utc_time.h"
#include "server/credentials.h"
#include "server/plan_runner.h"
#include "server/portal.h"
#include "store/portal_accounts.h"
#include "store/register_submission.h"
#include "store/submit_inventory.h"
#include "tests/temp_folder.h"

namespace cloudplan::testing {

// Who sends a request: an account of each role, and nobody.
// moh: an agency account of a ministry (MOH, with the agencies below it);
// cra: an agency account of an agency below another ministry (MOI-CRA, below MOI);
// deputy: another MOH account, which a test revokes.
enum class Who { moh, cra, reviewer, national, deputy, nobody };

inline std::string nameOf(Who who) {
  switch (who) {
    case Who::moh:
      return "moh-officer";
    case Who::cra:
      return "cra-officer";
    case Who::reviewer:
      return "reviewer";
    case Who::national:
      return "national";
    case Who::deputy:
      return "moh-deputy";
    case Who::nobody:
      break;
  }
  return "nobody";
}

inline std::string sourcePath(const std::string& relative) {
  return std::string(CLOUDPLAN_SOURCE_DIR) + "/" + relative;
}

inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The store every test starts from, made once per run (Argon2id hashes and a plan take time)
// and copied for each server.
struct SampleStore {
  TempFolder folder;
  std::string path = folder / "national.db";
  std::map<Who, std::string> tokens;
  uint32_t mohSubmission = 0;  // MOH's first inventory
  uint32_t moiSubmission = 0;  // MOI's, which spoke for MOI-CRA too
  uint32_t plan = 0;
};

inline void makeSampleStore(SampleStore& made) {
  REQUIRE(server::initCredentials());
  std::string error;
  const auto init = store::initStore(made.path,
                                     {.file = sourcePath("samples/government/agencies.csv"),
                                      .by = "National Office",
                                      .message = "the register"},
                                     error);
  INFO(error);
  REQUIRE(init);
  REQUIRE(init->submission.accepted);
  auto database = store::StoreDatabase::open(made.path, error);
  REQUIRE(database);
  for (const std::string ministry : {"DGA", "MOE", "MOF", "MOH", "MOI"}) {
    bool usage = false;
    // Received as the portal receives files: in memory, named by their base names.
    std::vector<store::FileContent> files;
    for (const std::string name : {"systems.csv", "dependencies.csv"})
      files.push_back(
          {name, readText(sourcePath("samples/submissions/" + ministry + "/" + name)), {}});
    const auto outcome = store::submitInventory(*database,
                                                {.agency = ministry,
                                                 .uploaded = std::move(files),
                                                 .by = "CIO " + ministry,
                                                 .message = "first inventory"},
                                                error, usage);
    INFO(error);
    REQUIRE(outcome);
    REQUIRE(outcome->submission.accepted);
    if (ministry == "MOH") made.mohSubmission = outcome->submission.number;
    if (ministry == "MOI") made.moiSubmission = outcome->submission.number;
  }
  auto add = [&](Who who, store::Role role, const std::string& agency) {
    std::string token;
    const auto added = store::addAccount(
        *database,
        {.name = nameOf(who), .role = role, .agency = agency, .created = models::utcNow()}, error,
        [&](int64_t id) {
          token = server::newAccountToken(id);
          return server::hashToken(token);
        });
    INFO(error);
    REQUIRE(added);
    made.tokens[who] = token;
  };
  add(Who::moh, store::Role::agency, "MOH");
  add(Who::cra, store::Role::agency, "MOI-CRA");
  add(Who::reviewer, store::Role::reviewer, "");
  add(Who::national, store::Role::national, "");
  add(Who::deputy, store::Role::agency, "MOH");
  const server::PlanRun run = server::planNationalInventory(*database, {}, "national");
  REQUIRE(run.plan);
  made.plan = *run.plan;
}

inline const SampleStore& sampleStore() {
  static SampleStore made;
  static bool ready = false;
  if (!ready) {
    makeSampleStore(made);
    ready = true;
  }
  return made;
}

// The portal on its own thread until the test ends.
class PortalServer {
 public:
  explicit PortalServer(server::PortalLimits limits = {}, std::string baseUrl = {}) {
    const SampleStore& sample = sampleStore();
    std::filesystem::copy_file(sample.path, path());
    if (std::filesystem::exists(sample.path + "-wal"))
      std::filesystem::copy_file(sample.path + "-wal", path() + "-wal");
    options_.store = path();
    options_.port = 0;
    options_.baseUrl = std::move(baseUrl);
    options_.limits = limits;
    auto told = std::make_shared<std::promise<std::string>>();
    auto address = told->get_future();
    options_.ready = [this, told](const std::string& at) {
      if (!told_.exchange(true)) told->set_value(at);
    };
    thread_ = std::thread([this, told] {
      result_ = server::servePortal(options_, stop_, error_);
      if (!told_.exchange(true)) told->set_value({});
    });
    const std::string at = address.get();
    if (at.empty()) {
      thread_.join();
      FAIL("the portal did not start: " << error_);
    }
    port_ = std::stoi(at.substr(at.rfind(':') + 1));
  }

  ~PortalServer() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    CHECK(error_.empty());
    CHECK(result_ == 0);
  }

  PortalServer(const PortalServer&) = delete;
  PortalServer& operator=(const PortalServer&) = delete;

  int port() const { return port_; }
  std::string path() const { return folder_ / "national.db"; }

  // A client of its own (each thread needs one), patient enough for 50 uploads in a queue; from
  // another loopback address when `from` names one (the login limit counts by address).
  std::unique_ptr<httplib::Client> client(const std::string& from = {}) const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
    if (!from.empty()) {
      client->set_socket_options([from](socket_t sock) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        ::inet_pton(AF_INET, from.c_str(), &address.sin_addr);
        ::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address));
      });
    }
    client->set_connection_timeout(10, 0);
    client->set_read_timeout(60, 0);
    client->set_write_timeout(60, 0);
    return client;
  }

 private:
  TempFolder folder_;
  server::PortalOptions options_;
  std::atomic<bool> stop_ = false;
  std::atomic<bool> told_ = false;
  std::thread thread_;
  int result_ = -1;
  std::string error_;
  int port_ = 0;
};

// A browser signed in: its session cookie (name=key) and the CSRF token its pages' forms carry.
struct Browser {
  std::string cookie;
  std::string csrf;
};

// The value of the Set-Cookie header that sets `name`; empty when none does.
inline std::string setCookie(const httplib::Response& response, const std::string& name) {
  const auto [first, last] = response.headers.equal_range("Set-Cookie");
  for (auto it = first; it != last; ++it) {
    if (it->second.rfind(name + "=", 0) == 0) return it->second;
  }
  return {};
}

// The value a Set-Cookie line gives its cookie.
inline std::string cookieIn(const std::string& line) {
  const size_t equals = line.find('=');
  const size_t end = line.find(';');
  if (equals == std::string::npos) return {};
  return line.substr(equals + 1, end == std::string::npos ? end : end - equals - 1);
}

// The value of a form's hidden input `name` in a page.
inline std::string hiddenField(const std::string& page, const std::string& name) {
  const std::string start = fmt::format("name=\"{}\" value=\"", name);
  const size_t at = page.find(start);
  if (at == std::string::npos) return {};
  const size_t begin = at + start.size();
  return page.substr(begin, page.find('"', begin) - begin);
}

inline httplib::MultipartFormData filePart(const std::string& name, const std::string& content) {
  return {"file", content, name, "text/csv"};
}

inline httplib::MultipartFormData field(const std::string& name, const std::string& value) {
  return {name, value, "", ""};
}

// A ministry's sample inventory (samples/submissions/CODE) as an upload's parts, with a message.
inline httplib::MultipartFormDataItems sampleUpload(const std::string& ministry,
                                                    const std::string& message) {
  const std::string folder = sourcePath("samples/submissions/" + ministry + "/");
  return {filePart("systems.csv", readText(folder + "systems.csv")),
          filePart("dependencies.csv", readText(folder + "dependencies.csv")),
          field("message", message)};
}

inline nlohmann::json jsonOf(const httplib::Result& result) {
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->get_header_value("Content-Type") == "application/json; charset=utf-8");
  return nlohmann::json::parse(result->body);
}

// The JSON API's error answer.
inline nlohmann::json apiError(int status, const std::string& message) {
  return {{"status", status}, {"error", message}};
}

// A server, its client, and the requests a test makes, as each kind of caller makes them.
class PortalFixture {
 public:
  explicit PortalFixture(server::PortalLimits limits = {}, std::string baseUrl = {})
      : https(baseUrl.rfind("https://", 0) == 0),
        server(limits, std::move(baseUrl)),
        http(server.client()) {}

  // The cookies' names: over https with the __Host- prefix.
  std::string sessionCookie() const {
    return https ? "__Host-cloudplan_session" : "cloudplan_session";
  }
  std::string loginCookie() const { return https ? "__Host-cloudplan_login" : "cloudplan_login"; }

  const SampleStore& sample() const { return sampleStore(); }
  const std::string& tokenOf(Who who) const { return sample().tokens.at(who); }

  httplib::Headers bearer(Who who) const {
    if (who == Who::nobody) return {};
    return {{"Authorization", "Bearer " + tokenOf(who)}};
  }
  static httplib::Headers cookie(const Browser& browser) {
    if (browser.cookie.empty()) return {};
    return {{"Cookie", browser.cookie}};
  }

  // Each by the fixture's client, or `via` another.
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {},
                      httplib::Client* via = nullptr) {
    auto result = (via ? via : http.get())->Get(path.c_str(), headers);
    INFO(path);
    REQUIRE(result);
    return result;
  }
  // A POST of a multipart form, or of nothing when there are no parts (as `curl -X POST`).
  httplib::Result post(const std::string& path, const httplib::Headers& headers,
                       const httplib::MultipartFormDataItems& items,
                       httplib::Client* via = nullptr) {
    httplib::Client& client = via ? *via : *http;
    auto result = items.empty() ? client.Post(path.c_str(), headers)
                                : client.Post(path.c_str(), headers, items);
    INFO(path);
    REQUIRE(result);
    return result;
  }
  // A browser's form: its parts and the session's CSRF token.
  httplib::Result postForm(const std::string& path, const Browser& browser,
                           httplib::MultipartFormDataItems items = {},
                           httplib::Client* via = nullptr) {
    items.push_back(field("csrf", browser.csrf));
    return post(path, cookie(browser), items, via);
  }
  httplib::Result postApi(const std::string& path, Who who,
                          const httplib::MultipartFormDataItems& items = {},
                          httplib::Client* via = nullptr) {
    return post(path, bearer(who), items, via);
  }

  // GET /login, then POST /login with the form's nonce; the answer to the POST.
  httplib::Result tryLogin(const std::string& name, const std::string& token) {
    const auto form = get("/login");
    REQUIRE(form->status == 200);
    const std::string nonce = cookieIn(setCookie(*form, loginCookie()));
    REQUIRE(nonce == hiddenField(form->body, "nonce"));
    auto result = http->Post("/login", {{"Cookie", loginCookie() + "=" + nonce}},
                             httplib::Params{{"name", name}, {"token", token}, {"nonce", nonce}});
    REQUIRE(result);
    return result;
  }

  // Signs in as `who` and reads the CSRF token from its home page.
  Browser signIn(Who who) {
    if (who == Who::nobody) return {};
    const auto answer = tryLogin(nameOf(who), tokenOf(who));
    INFO(answer->body);
    REQUIRE(answer->status == 303);
    const std::string key = cookieIn(setCookie(*answer, sessionCookie()));
    REQUIRE(!key.empty());
    Browser browser{sessionCookie() + "=" + key, {}};
    const auto home = get("/", cookie(browser));
    REQUIRE(home->status == 303);
    const auto page = get(home->get_header_value("Location"), cookie(browser));
    REQUIRE(page->status == 200);
    browser.csrf = hiddenField(page->body, "csrf");
    REQUIRE(!browser.csrf.empty());
    return browser;
  }

  // Revokes an account as `serve-user revoke` does, beside the running server.
  void revoke(Who who) {
    std::string error;
    auto database = store::StoreDatabase::open(server.path(), error);
    INFO(error);
    REQUIRE(database);
    REQUIRE(store::revokeAccount(*database, nameOf(who), models::utcNow()));
  }

  const bool https;
  PortalServer server;
  std::unique_ptr<httplib::Client> http;
};

}  // namespace cloudplan::testing
