#include <sys/stat.h>

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/settings_file.h"
#include "cli/terminal_text.h"
#include "exporters/atomic_write.h"
#include "exporters/csv/inventory_template.h"
#include "exporters/output_folder.h"

namespace cloudplan::cli {
namespace {

// Why the template cannot be written to `path`, or "" when it can.
std::string obstacleAt(const std::string& path, bool force) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return {};
  if (S_ISREG(st.st_mode)) {
    // A template written over a filled-in inventory would lose a ministry's work.
    if (force) return {};
    return fmt::format(
        "{} exists (use --force to replace it with a blank one, or choose another folder)",
        models::quoted(path));
  }
  if (S_ISDIR(st.st_mode)) {
    return fmt::format("{} is a folder (move it away, or choose another folder)",
                       models::quoted(path));
  }
  return fmt::format("{} is not a regular file (move it away, or choose another folder)",
                     models::quoted(path));
}

}  // namespace

int runTemplate(const std::string& folder, bool force) {
  if (folder.empty()) {
    std::cerr << "cloudplan template: error: '' names no folder (name the folder for the "
                 "inventory, for example cloudplan template my-ministry)\n";
    return kUsage;
  }
  struct stat st;
  if (::stat(folder.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    std::cerr << fmt::format(
        "cloudplan template: error: {} is not a folder (name a folder for the inventory)\n",
        printable(models::quoted(folder)));
    return kInputErrors;
  }
  const auto templateFiles = exporters::inventoryTemplate();
  const std::string settings = settingsFileTemplate();
  // Every file is checked before any is written, and then all are written or none.
  std::vector<exporters::FileToWrite> files;
  bool refused = false;
  for (const auto& file : templateFiles)
    files.push_back({exporters::joinPath(folder, file.name), file.content});
  files.push_back({exporters::joinPath(folder, kSettingsFileName), settings});
  for (const auto& file : files) {
    if (std::string error = obstacleAt(file.path, force); !error.empty()) {
      std::cerr << "cloudplan template: error: " << printable(error) << '\n';
      refused = true;
    }
  }
  if (refused) return kInputErrors;
  if (std::string error = exporters::writeFilesTogether(files, force); !error.empty()) {
    std::cerr << "cloudplan template: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  for (const auto& file : files)
    std::cout << "wrote " << file.path << '\n';
  return kOk;
}

}  // namespace cloudplan::cli
