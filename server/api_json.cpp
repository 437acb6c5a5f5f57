#include "server/api_json.h"

#include "exporters/json/diagnostics_json.h"

namespace cloudplan::server {
namespace {

Json idsOf(const std::vector<models::SystemChange>& changes) {
  Json ids = Json::array();
  for (const auto& change : changes)
    ids.push_back(change.id);
  return ids;
}

Json linksOf(const std::vector<models::DependencyChange>& changes) {
  Json links = Json::array();
  for (const auto& change : changes)
    links.push_back({{"from", change.from}, {"to", change.to}});
  return links;
}

}  // namespace

Json submissionJson(const models::Submission& submission,
                    const std::vector<models::Diagnostic>* diagnostics,
                    const models::SubmissionChanges* changes) {
  Json json{
      {"submission", submission.number},
      {"kind", submission.kind == models::SubmissionKind::inventory ? "inventory" : "register"},
      {"agency", submission.agency},
      {"accepted", submission.accepted},
      {"at", submission.at},
      {"by", submission.by},
      {"message", submission.message}};
  Json files = Json::array();
  for (const auto& file : submission.files)
    files.push_back({{"name", file.name}, {"bytes", file.bytes}, {"sha256", file.sha256}});
  json["files"] = std::move(files);
  json["systems"] = submission.systems;
  json["dependencies"] = submission.dependencies;
  json["errors"] = submission.errors;
  json["warnings"] = submission.warnings;
  json["unresolved"] = submission.unresolved;
  if (diagnostics) {
    Json list = Json::array();
    for (const auto& diagnostic : *diagnostics)
      list.push_back(exporters::diagnosticToJson(diagnostic));
    json["diagnostics"] = std::move(list);
  }
  if (changes) {
    json["changes"] = {{"systems_added", idsOf(changes->systemsAdded)},
                       {"systems_removed", idsOf(changes->systemsRemoved)},
                       {"systems_changed", idsOf(changes->systemsChanged)},
                       {"dependencies_added", linksOf(changes->dependenciesAdded)},
                       {"dependencies_removed", linksOf(changes->dependenciesRemoved)},
                       {"dependencies_changed", linksOf(changes->dependenciesChanged)},
                       {"unresolved", linksOf(changes->unresolved)},
                       {"dependents", linksOf(changes->dependents)},
                       {"resolved_now", linksOf(changes->resolvedNow)}};
    Json waves = Json::array();
    for (const auto& wave : changes->waves) {
      waves.push_back({{"system", wave.id},
                       {"wave", wave.wave == 0 ? Json(nullptr) : Json(wave.wave)},
                       {"planned", wave.planned},
                       {"reason", wave.reason}});
    }
    json["changes"]["waves"] = std::move(waves);
  }
  json["feedback"] = "/submissions/" + std::to_string(submission.number);
  return json;
}

Json agencyStatusJson(const store::AgencyStatus& status) {
  Json json{{"code", status.code},
            {"name", status.name},
            {"parent", status.parent},
            {"systems", status.systems},
            {"dependencies", status.dependencies},
            {"unresolved", status.unresolved.size()},
            {"rejected_since", status.rejectedSince}};
  if (status.lastAccepted) {
    json["last_accepted"] = {{"submission", status.lastAccepted->number},
                             {"agency", status.lastAccepted->agency},
                             {"at", status.lastAccepted->at}};
  } else {
    json["last_accepted"] = nullptr;
  }
  return json;
}

Json planJson(const store::PlanSummary& plan, const std::vector<std::string>& files) {
  const std::string base = "/plans/" + std::to_string(plan.number) + "/";
  Json links = Json::array();
  for (const std::string& name : files)
    links.push_back(base + name);
  // A plan of `plan --store` keeps only its waves: its figures are unknown, not 0.
  auto figure = [&](uint32_t value) { return files.empty() ? Json(nullptr) : Json(value); };
  return {{"plan", plan.number},
          {"submission", plan.submission},
          {"at", plan.at},
          {"by", plan.by},
          {"systems", figure(plan.systems)},
          {"waves", figure(plan.waves)},
          {"lower_bound", figure(plan.lowerBound)},
          {"peak_hybrid_links", figure(plan.peakHybridLinks)},
          {"settings", Json::parse(plan.settings.empty() ? "{}" : plan.settings, nullptr, false)},
          {"report", files.empty() ? Json(nullptr) : Json(base + "report.html")},
          {"files", std::move(links)}};
}

Json accountJson(const store::Account& account, const std::vector<std::string>& agencies) {
  return {{"account", account.name},
          {"role", store::nameOf(account.role)},
          {"agency", account.agency},
          {"agencies", agencies}};
}

std::string errorJson(int status, std::string_view message) {
  return jsonText(Json{{"status", status}, {"error", message}});
}

std::string jsonText(const Json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

}  // namespace cloudplan::server
