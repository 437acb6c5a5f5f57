#include <iostream>

#include "cli/commands.h"
#include "exporters/atomic_write.h"
#include "exporters/inventory_template.h"

namespace cloudplan::cli {

int runTemplate(const std::string& folder) {
  for (const auto& file : exporters::inventoryTemplate()) {
    const std::string path = folder + "/" + file.name;
    if (std::string error = exporters::writeFileAtomically(path, file.content); !error.empty()) {
      std::cerr << "cloudplan: error: " << error << '\n';
      return kInputErrors;
    }
    std::cout << "wrote " << path << '\n';
  }
  return kOk;
}

}  // namespace cloudplan::cli
