#include "cli/register_output.h"

#include <fmt/format.h>

#include "cli/terminal_text.h"
#include "models/diagnostic.h"

namespace cloudplan::cli {

void printAgencyChanges(std::ostream& out, const store::AgencyChanges& changes) {
  for (const auto& a : changes.added) {
    printLine(out, fmt::format("  added {} {}{}", a.id, models::quoted(a.name),
                               a.agency.empty() ? "" : " under " + a.agency));
  }
  for (const auto& a : changes.removed)
    printLine(out, fmt::format("  removed {} {}", a.id, models::quoted(a.name)));
  for (const auto& a : changes.changed) {
    for (const auto& f : a.fields) {
      printLine(out, fmt::format("  changed {}: {} {} -> {}", a.id, f.field,
                                 models::quoted(f.before), models::quoted(f.after)));
    }
  }
}

}  // namespace cloudplan::cli
