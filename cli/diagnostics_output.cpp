#include "cli/diagnostics_output.h"

#include "exporters/diagnostics_json.h"

namespace cloudplan::cli {

void printDiagnostics(std::ostream& out, const models::Diagnostics& diagnostics,
                      DiagnosticsFormat format, std::string_view origin) {
  for (const models::Diagnostic& d : diagnostics.all()) {
    if (format == DiagnosticsFormat::json) {
      out << exporters::diagnosticToJson(d).dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace)
          << '\n';
      continue;
    }
    if (d.file.empty()) {
      out << origin;
    } else {
      out << d.file;
      if (d.line > 0) out << ':' << d.line;
    }
    out << ": " << models::nameOf(d.severity) << ": " << d.message << '\n';
  }
}

}  // namespace cloudplan::cli
