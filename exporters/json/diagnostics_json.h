// A diagnostic as a JSON object, the one shape shared by `--diagnostics json` and plan.json.
#pragma once

#include <nlohmann/json.hpp>

#include "models/diagnostic.h"

namespace cloudplan::exporters {

nlohmann::ordered_json diagnosticToJson(const models::Diagnostic& diagnostic);

}  // namespace cloudplan::exporters
