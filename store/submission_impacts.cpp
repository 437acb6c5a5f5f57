#include "store/submission_impacts.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

namespace cloudplan::store {
namespace {

using Json = nlohmann::json;

Json linksJson(const std::vector<models::DependencyChange>& links) {
  Json list = Json::array();
  for (const auto& link : links) {
    list.push_back({{"from", link.from},
                    {"to", link.to},
                    {"from_agency", link.fromAgency},
                    {"to_agency", link.toAgency},
                    {"coupling", link.coupling}});
  }
  return list;
}

std::vector<models::DependencyChange> linksOf(const Json& list) {
  std::vector<models::DependencyChange> links;
  for (const Json& link : list) {
    links.push_back({link.value("from", ""),
                     link.value("to", ""),
                     link.value("from_agency", ""),
                     link.value("to_agency", ""),
                     link.value("coupling", ""),
                     {}});
  }
  return links;
}

}  // namespace

void recordImpacts(SQLite::Database& database, uint32_t submission,
                   const models::SubmissionChanges& changes) {
  Json waves = Json::array();
  for (const auto& wave : changes.waves) {
    waves.push_back(
        {{"id", wave.id}, {"wave", wave.wave}, {"planned", wave.planned}, {"reason", wave.reason}});
  }
  const Json impacts{
      {"dependents", linksJson(changes.dependents)},
      {"resolved_now", linksJson(changes.resolvedNow)},
      {"plan_submission", changes.planSubmission ? Json(*changes.planSubmission) : Json(nullptr)},
      {"waves", std::move(waves)}};
  SQLite::Statement insert(database,
                           "INSERT INTO submission_impacts (submission, impacts) VALUES (?, ?)");
  insert.bind(1, static_cast<int64_t>(submission));
  insert.bind(2, impacts.dump(-1, ' ', false, Json::error_handler_t::replace));
  insert.exec();
}

bool readImpacts(SQLite::Database& database, uint32_t submission,
                 models::SubmissionChanges& changes) {
  SQLite::Statement query(database, "SELECT impacts FROM submission_impacts WHERE submission = ?");
  query.bind(1, static_cast<int64_t>(submission));
  if (!query.executeStep()) return false;
  const Json impacts = Json::parse(query.getColumn(0).getString(), nullptr, false);
  if (!impacts.is_object()) return false;
  changes.dependents = linksOf(impacts.value("dependents", Json::array()));
  changes.resolvedNow = linksOf(impacts.value("resolved_now", Json::array()));
  if (const auto& plan = impacts.value("plan_submission", Json()); plan.is_number_unsigned())
    changes.planSubmission = plan.get<uint32_t>();
  changes.waves.clear();
  for (const Json& wave : impacts.value("waves", Json::array())) {
    changes.waves.push_back({wave.value("id", ""), wave.value("wave", 0u),
                             wave.value("planned", true), wave.value("reason", "")});
  }
  return true;
}

}  // namespace cloudplan::store
