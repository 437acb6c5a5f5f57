#include "cli/views_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "exporters/atomic_write.h"

namespace cloudplan::cli {

bool parseImageFormats(const std::vector<std::string>& names,
                       std::vector<exporters::ImageFormat>& formats) {
  formats.clear();
  for (const std::string& list : names) {
    size_t start = 0;
    while (start <= list.size()) {
      const size_t comma = std::min(list.find(',', start), list.size());
      const std::string name = list.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      const auto format = models::parseName<exporters::ImageFormat>(name);
      if (!format) {
        std::cerr << fmt::format("cloudplan: error: --format {} is not one of {}\n",
                                 models::quoted(name),
                                 models::allowedNames<exporters::ImageFormat>());
        return false;
      }
      if (std::find(formats.begin(), formats.end(), *format) == formats.end()) {
        formats.push_back(*format);
      }
    }
  }
  if (formats.empty()) formats.push_back(exporters::ImageFormat::svg);
  return true;
}

std::vector<std::string> writePlanViews(const std::string& folder,
                                        const models::Inventory& inventory,
                                        const models::Plan& plan,
                                        const models::Diagnostics& planDiagnostics,
                                        const exporters::RenderOptions& options,
                                        models::Diagnostics& diagnostics) {
  std::vector<std::string> written;
  for (const auto& file :
       exporters::renderPlanViews(inventory, plan, planDiagnostics, options, diagnostics)) {
    const std::string path = folder + "/" + file.name;
    if (std::string error = exporters::writeFileAtomically(path, file.content); !error.empty()) {
      diagnostics.error("cannot-write", path, 0, error);
      continue;
    }
    written.push_back(path);
  }
  return written;
}

}  // namespace cloudplan::cli
