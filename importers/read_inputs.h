// The importers' front door: every file or folder a user names, read into one inventory.
// A folder stands for the inventory files in it (.csv, .xml, .archimate), in name order; each
// file's form is told by its content, not its name: inventory CSV, an ArchiMate exchange or Archi
// model (XML), or Archi's CSV export (whose elements, relations and properties files are read
// together, given any of them).
#pragma once

#include <span>
#include <string>

#include "importers/archimate_mapping_report.h"
#include "models/diagnostic.h"
#include "models/inventory.h"

namespace cloudplan::importers {

struct ReadOptions {
  bool hashInputs = false;  // fill InputFile::sha256 (plans record what they were made from)
  // The agency of ArchiMate systems that have neither an agency property nor a `CODE - Name`
  // folder (--default-agency); empty: none, and such a system is an error.
  std::string defaultAgency;
  // When given, what the ArchiMate mapping did is added to it (cloudplan validate prints it).
  ArchimateMappingReport* archimateReport = nullptr;
};

models::Inventory readInputs(std::span<const std::string> paths, const ReadOptions& options,
                             models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
