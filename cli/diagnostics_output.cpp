#include "cli/diagnostics_output.h"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "cli/progress.h"
#include "cli/terminal_text.h"
#include "exporters/json/diagnostics_json.h"

namespace cloudplan::cli {
namespace {

using Kind = std::pair<models::Severity, std::string_view>;  // severity and code

Kind kindOf(const models::Diagnostic& d) {
  return {d.severity, d.code};
}

void printText(std::ostream& out, const models::Diagnostic& d, std::string_view origin) {
  if (d.file.empty()) {
    out << origin;
  } else {
    out << printable(d.file);
    if (d.line > 0) out << ':' << d.line;
  }
  out << ": " << models::nameOf(d.severity) << ": " << printable(d.message) << '\n';
}

bool shown(const models::Diagnostic& d) {
  return !isQuiet() || d.severity == models::Severity::error;
}

// `jsonListsAll`: the command has --diagnostics json, which the folding line points to.
void printTextFolded(std::ostream& out, const models::Diagnostics& diagnostics,
                     std::string_view origin, bool jsonListsAll) {
  std::map<Kind, size_t> total, printed;
  for (const models::Diagnostic& d : diagnostics.all()) {
    if (shown(d)) ++total[kindOf(d)];
  }
  for (const models::Diagnostic& d : diagnostics.all()) {
    if (!shown(d)) continue;
    const size_t n = ++printed[kindOf(d)];
    if (n > kShownOfEachCode) continue;
    printText(out, d, origin);
    if (const size_t all = total[kindOf(d)]; n == kShownOfEachCode && all > n) {
      out << fmt::format("{}: {}: and {} more like this ({}){}\n", origin,
                         models::nameOf(d.severity), all - n, printable(d.code),
                         jsonListsAll ? "; --diagnostics json lists all" : "");
    }
  }
}

}  // namespace

void printDiagnostics(std::ostream& out, const models::Diagnostics& diagnostics,
                      DiagnosticsFormat format, std::string_view origin) {
  if (format == DiagnosticsFormat::text) {
    printTextFolded(out, diagnostics, origin, true);
    return;
  }
  for (const models::Diagnostic& d : diagnostics.all()) {
    if (!shown(d)) continue;
    out << exporters::diagnosticToJson(d).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace)
        << '\n';
  }
}

void printDiagnostics(std::ostream& out, const models::Diagnostics& diagnostics,
                      std::string_view origin) {
  printTextFolded(out, diagnostics, origin, false);
}

}  // namespace cloudplan::cli
