#include "exporters/json/diagnostics_json.h"

namespace cloudplan::exporters {

nlohmann::ordered_json diagnosticToJson(const models::Diagnostic& d) {
  nlohmann::ordered_json json;
  json["severity"] = models::nameOf(d.severity);
  json["code"] = d.code;
  json["message"] = d.message;
  json["file"] = d.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.file);
  json["line"] = d.line > 0 ? nlohmann::ordered_json(d.line) : nlohmann::ordered_json();
  return json;
}

}  // namespace cloudplan::exporters
