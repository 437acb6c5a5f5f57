// How diagnostics reach the user: ninja-style lines for people, JSON lines for tools.
#pragma once

#include <ostream>
#include <string_view>

#include "models/diagnostic.h"

namespace cloudplan::cli {

enum class DiagnosticsFormat { text, json };

// Text lines read `file:line: error: message`; a diagnostic with no file is prefixed `origin`.
void printDiagnostics(std::ostream& out, const models::Diagnostics& diagnostics,
                      DiagnosticsFormat format, std::string_view origin);

}  // namespace cloudplan::cli
