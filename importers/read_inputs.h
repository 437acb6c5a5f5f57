// The importers' front door: every file or folder a user names, read into one inventory.
// A folder stands for the inventory files in it, in name order; each file's form is told by its
// content, not its name.
#pragma once

#include <span>
#include <string>

#include "models/diagnostic.h"
#include "models/inventory.h"

namespace cloudplan::importers {

struct ReadOptions {
  bool hashInputs = false;  // fill InputFile::sha256 (plans record what they were made from)
};

models::Inventory readInputs(std::span<const std::string> paths, const ReadOptions& options,
                             models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
