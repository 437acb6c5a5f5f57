// Archi's CSV export of a model: `[prefix]elements.csv` (ID, Type, Name, Documentation,
// Specialization), `[prefix]relations.csv` (ID, Type, Name, Documentation, Source, Target,
// Specialization) and `[prefix]properties.csv` (ID, Key, Value). Cells are separated by commas,
// semicolons or tabs and quoted as in RFC 4180; lines starting with '#' are comments; the elements
// row of type ArchimateModel is the model itself. The three files make one model: given any of
// them, the others beside it are read too (readInputs does that).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/archimate/archimate_model.h"
#include "importers/inventory_builder.h"

namespace cloudplan::importers {

enum class ArchiCsvKind : uint8_t { elements, relations, properties };

struct ArchiCsvLayout {
  ArchiCsvKind kind = ArchiCsvKind::elements;
  char delimiter = ',';
};

// True for a header of Archi's export: "ID","Type",... with "Documentation", or "ID","Key",...
bool isArchiCsvHeader(std::span<const std::string_view> header);

// What a file's text (without a byte-order mark) announces in its first line that is not a
// comment; nullopt when it is not a file of Archi's export.
std::optional<ArchiCsvLayout> archiCsvLayoutOf(std::string_view text);

// The files of the export that `path` (any of the three) belongs to, by Archi's names: for
// "x/my-elements.csv" they are "x/my-elements.csv", "x/my-relations.csv", "x/my-properties.csv".
// Only files that exist are named (`exists`; null: in the file system); `path` itself always
// is, in its place.
struct ArchiCsvPaths {
  std::string elements;
  std::string relations;
  std::string properties;
};
ArchiCsvPaths archiCsvPathsOf(const std::string& path,
                              const std::function<bool(const std::string&)>& exists = {});

// One file of an export: registered with the builder, its text already UTF-8 without a
// byte-order mark.
struct ArchiCsvFile {
  uint32_t file = 0;
  std::string text;
};

// Reads the files of one export (each of the three is optional) into one model.
ArchimateModel readArchiCsv(InventoryBuilder& builder, std::vector<ArchiCsvFile> files);

}  // namespace cloudplan::importers
