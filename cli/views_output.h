// Writing the views of a plan (diagrams, schedule.svg, report.html) into a folder: shared by
// `render` and `plan --render`.
#pragma once

#include <string>
#include <vector>

#include "exporters/render_views.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::cli {

// Parses "svg", "png", "pdf" (each may hold several separated by commas); usage errors are
// printed and give false.
bool parseImageFormats(const std::vector<std::string>& names,
                       std::vector<exporters::ImageFormat>& formats);

// Renders and writes every view; problems go to `diagnostics`. Returns the files written.
std::vector<std::string> writePlanViews(const std::string& folder,
                                        const models::Inventory& inventory,
                                        const models::Plan& plan,
                                        const models::Diagnostics& planDiagnostics,
                                        const exporters::RenderOptions& options,
                                        models::Diagnostics& diagnostics);

}  // namespace cloudplan::cli
