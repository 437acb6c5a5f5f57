// What `render` and `plan --render` share in writing outputs: the views of a plan (diagrams,
// schedule.svg, report.html) added to an output folder, and how a run reports its folder change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exporters/output_folder.h"
#include "exporters/reports/render_views.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::cli {

// Parses "svg", "png", "pdf" (each may hold several separated by commas); usage errors are
// printed and give false.
bool parseImageFormats(const std::vector<std::string>& names,
                       std::vector<exporters::ImageFormat>& formats);

// `--agency all`: every ministry (top-level agency) gets a page, and ministries.html indexes them.
// The word is the keyword whatever the plan holds: an agency coded "all" is drawn as one of the
// ministries when it is one, and on its ministry's page when it is an office.
inline constexpr std::string_view kAllAgencies = "all";

// `all` may be given alone (or repeated), not with codes: a usage error, printed, gives false.
bool checkAgencyAll(std::string_view command, const std::vector<std::string>& agencies);

// With `--agency all` among options.agencies: replaces them with the code of every ministry of
// the plan, in its order, and asks for ministries.html (exporters::selectEveryMinistry). An
// agency coded "all" is a warning in `diagnostics` that says where it is drawn.
void selectAllAgencies(const models::Inventory& inventory, exporters::RenderOptions& options,
                       models::Diagnostics& diagnostics);

// Checks every --agency and --focus against the plan before anything is drawn or written: each
// that the plan lacks is an error, with the closest code or id the plan has.
void checkViewSelections(const models::Inventory& inventory, std::string_view planPath,
                         const exporters::RenderOptions& options, models::Diagnostics& diagnostics);

// Renders every view into `folder`'s staging; problems go to `diagnostics`. When there are any,
// nothing is added. Returns the number of files added.
size_t addPlanViews(exporters::OutputFolder& folder, const models::Inventory& inventory,
                    const models::Plan& plan, const models::Diagnostics& planDiagnostics,
                    const exporters::RenderOptions& options, models::Diagnostics& diagnostics);

// "removed 2 files an earlier run wrote here: out/waves/wave-11.svg, ..." or "" when none.
std::string removedSummary(const std::vector<std::string>& removed);

}  // namespace cloudplan::cli
