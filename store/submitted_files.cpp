#include "store/submitted_files.h"

#include <string>
#include <unordered_map>

namespace cloudplan::store {

models::Inventory readSubmittedFiles(const std::vector<FileContent>& files,
                                     importers::ReadOptions options,
                                     models::Diagnostics& diagnostics) {
  std::unordered_map<std::string, const FileContent*> byName;
  std::vector<std::string> names;
  for (const auto& file : files) {
    byName.emplace(file.name, &file);
    names.push_back(file.name);
  }
  options.readFile = [&](const std::string& path,
                         models::Diagnostics&) -> std::optional<importers::InputBytes> {
    const auto it = byName.find(path);
    if (it == byName.end()) return std::nullopt;
    return importers::InputBytes{it->second->bytes, std::nullopt};
  };
  // The folder they came from may be gone, or hold other files now.
  options.hasFile = [&](const std::string& path) { return byName.contains(path); };
  return importers::readInputs(names, options, diagnostics);
}

}  // namespace cloudplan::store
