// How diagnostics reach the user: ninja-style lines for people, JSON lines for tools.
#pragma once

#include <cstddef>
#include <ostream>
#include <string_view>

#include "models/diagnostic.h"

namespace cloudplan::cli {

enum class DiagnosticsFormat { text, json };

// As text, only the first kShownOfEachCode diagnostics of each code (and severity) are printed;
// the next line says how many more there are, so that thousands of one warning cannot bury a
// different one. JSON lists every diagnostic.
inline constexpr size_t kShownOfEachCode = 5;

// Text lines read `file:line: error: message`; a diagnostic with no file is prefixed `origin`.
// Control characters in files and messages are escaped (see printable()), so each diagnostic is
// one line. Under --quiet only errors are printed. For a command that has the --diagnostics
// option (plan, validate): the line that counts the rest of a code says that JSON lists them all.
void printDiagnostics(std::ostream& out, const models::Diagnostics& diagnostics,
                      DiagnosticsFormat format, std::string_view origin);

// The same as text, for a command without --diagnostics (render, explain): the line that counts
// the rest of a code does not send the user to an option the command does not have.
void printDiagnostics(std::ostream& out, const models::Diagnostics& diagnostics,
                      std::string_view origin);

}  // namespace cloudplan::cli
