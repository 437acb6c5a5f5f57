#include "importers/plan_json_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cloudplan::importers {

std::optional<nlohmann::json> readPlanJson(const std::string& path,
                                           models::Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error("cannot-read", path, 0,
                      fmt::format("cannot read the file ({})", std::strerror(errno)));
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json plan = nlohmann::json::parse(text.str(), nullptr, false);
  if (plan.is_discarded() || !plan.is_object()) {
    diagnostics.error("not-a-plan", path, 0,
                      "not a JSON object (give the plan.json that "
                      "cloudplan plan wrote)");
    return std::nullopt;
  }
  if (plan.value("format", "") != "cloudplan-plan/1") {
    diagnostics.error("not-a-plan", path, 0,
                      "not a cloudplan plan (its format is not cloudplan-plan/1)");
    return std::nullopt;
  }
  return plan;
}

}  // namespace cloudplan::importers
