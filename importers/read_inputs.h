// The importers' front door: every file or folder a user names, read into one inventory.
// A folder stands for the inventory files in it (.csv, .xml, .archimate), in name order, and `-`
// for standard input; each file's form is told by its content, not its name: inventory CSV, an
// ArchiMate exchange or Archi model (XML), or Archi's CSV export (whose elements, relations and
// properties files are read together, given any of them).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "importers/archimate/archimate_mapping_report.h"
#include "importers/input_file.h"
#include "importers/known_systems.h"
#include "models/diagnostic.h"
#include "models/inventory.h"

namespace cloudplan::importers {

struct ReadOptions {
  bool hashInputs = false;  // fill InputFile::sha256 (plans record what they were made from)
  // The agency of ArchiMate systems that have neither an agency property nor a `CODE - Name`
  // folder (--default-agency); empty: none, and such a system is an error.
  std::string defaultAgency;
  // The encoding of CSV files that are not UTF-8 (--encoding): windows-1252 or iso-8859-1 under
  // the names isConvertibleEncoding knows. Empty: such a file is an error that names the
  // encoding it looks like.
  std::string encoding;
  // When given, what the ArchiMate mapping did is added to it (cloudplan validate prints it).
  ArchimateMappingReport* archimateReport = nullptr;
  // Systems defined outside the files (validate --known: the national register; submit: the
  // store's inventory). A reference to one of them, which the files do not define, becomes an
  // OutsideDependency with known = true; null: every reference must resolve inside the files.
  const KnownSystems* known = nullptr;
  // A reference to a system neither the files nor `known` define: an error (false), or a
  // warning `unresolved-reference`, kept as an OutsideDependency with known = false (true: a
  // submission, whose references resolve when their owner submits).
  bool keepUnknownReferences = false;
  // Called with every file's bytes as read, before any decoding (the store keeps them).
  std::function<void(const std::string& name, const std::string& bytes)> onRead;
  // Reads the files instead of the file system: the store re-reads a submission's files from
  // itself. The paths given are then the files themselves, never folders.
  std::function<std::optional<InputBytes>(const std::string& path, models::Diagnostics&)> readFile;
  // With readFile: whether it has a file, for the other files of an Archi CSV export, which are
  // read with the one named (null: whether the file system has it).
  std::function<bool(const std::string& path)> hasFile;
};

models::Inventory readInputs(std::span<const std::string> paths, const ReadOptions& options,
                             models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
