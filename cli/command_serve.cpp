// `cloudplan serve`: the submission portal on a store, until Ctrl-C or SIGTERM.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>

#include <csignal>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/plan_settings.h"
#include "cli/settings_file.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "exporters/json/plan_json.h"
#include "server/portal.h"

namespace cloudplan::cli {
namespace {

std::atomic<bool> stopRequested = false;

extern "C" void requestStop(int) {
  stopRequested = true;
}

// HOST:PORT, [IPv6]:PORT or PORT alone (on 127.0.0.1).
bool parseListen(const std::string& text, std::string& host, int& port) {
  std::string portText = text;
  host = "127.0.0.1";
  if (const size_t colon = text.rfind(':'); colon != std::string::npos) {
    host = text.substr(0, colon);
    portText = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
      host = host.substr(1, host.size() - 2);
  }
  if (host.empty() || portText.empty() || portText.size() > 5 ||
      portText.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  port = std::stoi(portText);
  return port <= 65535;
}

// An address, not a name that looks like one (127.example.org resolves anywhere).
bool isLoopback(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

}  // namespace

int runServe(const ServeOptions& options) {
  server::PortalOptions portal;
  portal.store = options.store;
  portal.baseUrl = options.baseUrl;
  if (!parseListen(options.listen, portal.host, portal.port)) {
    std::cerr << fmt::format(
        "serve: error: --listen {} is not an address and port (write HOST:PORT, for example "
        "127.0.0.1:8080)\n",
        printable(models::quoted(options.listen)));
    return kUsage;
  }
  if (!isLoopback(portal.host) && !options.publicAddress) {
    std::cerr << fmt::format(
        "serve: error: --listen {} is reachable from other machines (serve on 127.0.0.1 behind a "
        "reverse proxy that terminates TLS, see docs/portal.md; or add --public if this is what "
        "you want)\n",
        printable(models::quoted(options.listen)));
    return kUsage;
  }
  if (!isLoopback(portal.host)) {
    std::cerr << fmt::format(
        "serve: warning: --listen {} with --public: the portal speaks plain HTTP (put a reverse "
        "proxy that terminates TLS in front, see docs/portal.md)\n",
        printable(models::quoted(options.listen)));
  }
  if (!options.baseUrl.empty() && options.baseUrl.rfind("https://", 0) != 0 &&
      options.baseUrl.rfind("http://", 0) != 0) {
    std::cerr << fmt::format(
        "serve: error: --base-url {} is not an http(s) URL (write it as users reach the portal, "
        "for example https://portal.gov.example)\n",
        printable(models::quoted(options.baseUrl)));
    return kUsage;
  }
  portal.limits.maxFileBytes = options.maxFileMegabytes << 20;
  portal.limits.maxRequestBytes = options.maxRequestMegabytes << 20;
  portal.limits.maxFiles = options.maxFiles;
  portal.limits.workers = options.workers;

  // "Plan now" plans with cloudplan.toml: --config, or the one beside the store.
  PlanOptions planOptions;
  std::string config = options.config;
  if (config.empty()) {
    const auto beside = std::filesystem::path(options.store).parent_path() / kSettingsFileName;
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) config = beside.string();
  }
  if (!config.empty()) {
    std::vector<std::string> errors;
    planOptions.config = readSettingsFile(config, planOptions, errors);
    for (const std::string& message : errors)
      std::cerr << printable(message) << '\n';
    // As for plan: a settings file with errors is a usage error.
    if (!errors.empty()) return kUsage;
  }
  const auto settings = planSettingsFrom(planOptions, "serve");
  if (!settings) return kUsage;
  portal.settings = *settings;
  // Shown on the national office's page, one setting a line.
  portal.settingsJson = nlohmann::json::parse(exporters::planSettingsToJson(*settings)).dump(2);
  portal.ready = [&](const std::string& address) {
    std::cout << fmt::format("serving {} at http://{}/ (Ctrl-C stops)\n", options.store, address)
              << std::flush;
  };
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
  std::signal(SIGPIPE, SIG_IGN);
  std::string error;
  const int code = server::servePortal(portal, stopRequested, error);
  if (code != 0) {
    std::cerr << "serve: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  std::cout << "serve: stopped\n";
  return kOk;
}

}  // namespace cloudplan::cli
