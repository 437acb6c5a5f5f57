#include <sys/stat.h>

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "exporters/atomic_write.h"
#include "exporters/inventory_template.h"
#include "exporters/output_folder.h"

namespace cloudplan::cli {

int runTemplate(const std::string& folder, bool force) {
  if (folder.empty()) {
    std::cerr << "cloudplan template: error: '' names no folder (name the folder for the "
                 "inventory, for example cloudplan template my-ministry)\n";
    return kUsage;
  }
  const auto files = exporters::inventoryTemplate();
  // A template written over a filled-in inventory would lose a ministry's work: nothing is
  // written unless every file is new, or --force says to replace them.
  if (!force) {
    bool refused = false;
    for (const auto& file : files) {
      const std::string path = exporters::joinPath(folder, file.name);
      struct stat st;
      if (::lstat(path.c_str(), &st) != 0) continue;
      std::cerr << fmt::format(
          "cloudplan template: error: {} exists (use --force to replace it with a blank one, or "
          "choose another folder)\n",
          models::quoted(path));
      refused = true;
    }
    if (refused) return kInputErrors;
  }
  for (const auto& file : files) {
    const std::string path = exporters::joinPath(folder, file.name);
    if (std::string error = exporters::writeFileAtomically(path, file.content); !error.empty()) {
      std::cerr << "cloudplan template: error: " << printable(error) << '\n';
      return kInputErrors;
    }
    std::cout << "wrote " << path << '\n';
  }
  return kOk;
}

}  // namespace cloudplan::cli
