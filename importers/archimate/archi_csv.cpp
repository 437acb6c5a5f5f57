#include "importers/archimate/archi_csv.h"

#include <fmt/format.h>
#include <tsl/robin_map.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "importers/archimate/archimate_strings.h"
#include "importers/archimate/archimate_types.h"
#include "importers/csv/csv_dialect.h"
#include "importers/csv/csv_reader.h"

namespace cloudplan::importers {

using models::quoted;

namespace {

constexpr std::string_view kModelType = "ArchimateModel";
constexpr std::array<std::string_view, 3> kSuffixes = {"elements.csv", "relations.csv",
                                                       "properties.csv"};

bool contains(std::span<const std::string_view> header, std::string_view name) {
  return std::find(header.begin(), header.end(), name) != header.end();
}

ArchiCsvKind kindOfHeader(std::span<const std::string_view> header) {
  if (contains(header, "Key")) return ArchiCsvKind::properties;
  if (contains(header, "Source") || contains(header, "Target")) return ArchiCsvKind::relations;
  return ArchiCsvKind::elements;
}

std::string_view nameOf(ArchiCsvKind kind) {
  return kind == ArchiCsvKind::elements    ? "elements"
         : kind == ArchiCsvKind::relations ? "relations"
                                           : "properties";
}

// Blanks the comment lines ('#' first on a line, outside quotes).
void blankComments(std::string& text) {
  bool quoted = false, lineStart = true, comment = false;
  for (char& c : text) {
    if (c == '\n') {
      comment = false;
      lineStart = !quoted;
      continue;
    }
    if (lineStart && c == '#') comment = true;
    lineStart = false;
    if (comment) {
      if (c != '\r') c = ' ';
      continue;
    }
    if (c == '"') quoted = !quoted;
  }
}

// The header cells of a line (without quotes), split at `delimiter`.
std::vector<std::string_view> splitHeader(std::string_view line, char delimiter) {
  std::vector<std::string_view> cells;
  while (true) {
    const size_t end = line.find(delimiter);
    std::string_view cell = trimBlanks(line.substr(0, end));
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
      cell = cell.substr(1, cell.size() - 2);
    }
    cells.push_back(cell);
    if (end == std::string_view::npos) break;
    line.remove_prefix(end + 1);
  }
  return cells;
}

class ExportReader {
 public:
  explicit ExportReader(InventoryBuilder& builder)
      : builder_(builder), strings_(builder.inventory()) {}

  ArchimateModel read(std::vector<ArchiCsvFile>& files);

 private:
  // Reads one file's rows through `row(where)`, cell(column) giving a row's cells; the first
  // `required` columns must be in the header.
  template <class F>
  void readFile(ArchiCsvFile& file, ArchiCsvKind kind, std::span<const std::string_view> columns,
                size_t required, F row);
  void readElements(ArchiCsvFile& file);
  void readRelations(ArchiCsvFile& file);
  void readProperties(ArchiCsvFile& file);
  // Cells under columns the export does not name (Specialization, ...) become properties.
  void keepExtras(uint32_t slot);
  void attachProperties();

  std::string_view cell(size_t column) const {
    const int i = positions_[column];
    return i >= 0 && static_cast<size_t>(i) < cells_.size() ? cells_[i] : std::string_view();
  }

  InventoryBuilder& builder_;
  ArchimateStrings strings_;
  ArchimateModel model_;
  std::string_view modelId_;
  // Properties on their way to model_.properties: (record slot, property). An element's slot is
  // its index, a relationship's kRelationship + its index.
  std::vector<std::pair<uint32_t, ArchimateProperty>> pending_;
  std::vector<int> positions_;
  std::vector<uint32_t> extras_;
  std::vector<std::string_view> header_;
  std::span<const std::string_view> cells_;
  static constexpr uint32_t kRelationship = 1u << 31;
};

template <class F>
void ExportReader::readFile(ArchiCsvFile& file, ArchiCsvKind kind,
                            std::span<const std::string_view> columns, size_t required, F row) {
  builder_.inventory().files[file.file].kind = models::InputKind::archiCsv;
  const auto layout = archiCsvLayoutOf(file.text);
  std::string& text = builder_.inventory().keep(std::move(file.text));
  if (!layout || layout->kind != kind) {
    builder_.error({file.file, 1}, "unknown-file-kind",
                   "this is not a file of an Archi CSV export, though named like one (Archi's "
                   "files start with the header \"ID\",\"Type\",\"Name\",\"Documentation\" "
                   "or \"ID\",\"Key\",\"Value\"; rename or remove the file)");
    return;
  }
  blankComments(text);
  CsvReader reader(text.data(), text.size(), layout->delimiter);
  bool haveHeader = false;
  while (reader.next()) {
    const models::SourceLocation where{file.file, reader.line()};
    cells_ = reader.cells();
    if (haveHeader) {
      row(where);
      continue;
    }
    haveHeader = true;
    header_.assign(cells_.begin(), cells_.end());
    positions_.assign(columns.size(), -1);
    extras_.clear();
    for (size_t i = 0; i < header_.size(); ++i) {
      bool known = false;
      for (size_t c = 0; c < columns.size() && !known; ++c) {
        if (models::equalsIgnoreCase(header_[i], columns[c]) && positions_[c] < 0) {
          positions_[c] = static_cast<int>(i);
          known = true;
        }
      }
      if (!known && !header_[i].empty()) extras_.push_back(static_cast<uint32_t>(i));
    }
    bool ok = true;
    for (size_t c = 0; c < required; ++c) {
      if (positions_[c] >= 0) continue;
      builder_.error(where, "missing-column",
                     fmt::format("missing required column {} in an Archi {} file; the file is "
                                 "not read (add the column to the header)",
                                 quoted(columns[c]), nameOf(kind)));
      ok = false;
    }
    if (!ok) return;
  }
  if (const auto& e = reader.error()) builder_.error({file.file, e->line}, e->code, e->message);
}

void ExportReader::keepExtras(uint32_t slot) {
  for (uint32_t i : extras_) {
    if (i < cells_.size() && !cells_[i].empty()) {
      pending_.push_back({slot, ArchimateProperty{header_[i], cells_[i]}});
    }
  }
}

void ExportReader::readElements(ArchiCsvFile& file) {
  enum : size_t { kId, kType, kName, kDocumentation };
  constexpr std::array<std::string_view, 4> kColumns = {"ID", "Type", "Name", "Documentation"};
  model_.where = {file.file, 1};
  readFile(file, ArchiCsvKind::elements, kColumns, 3, [&](models::SourceLocation where) {
    const std::string_view type = cell(kType);
    if (type == kModelType) {
      model_.name = cell(kName);
      modelId_ = cell(kId);
      model_.where = where;
      return;
    }
    ArchimateElement element;
    element.identifier = cell(kId);
    element.type = strings_.keep(canonicalType(type));
    element.name = cell(kName);
    element.documentation = cell(kDocumentation);
    element.where = where;
    keepExtras(static_cast<uint32_t>(model_.elements.size()));
    model_.elements.push_back(element);
  });
}

void ExportReader::readRelations(ArchiCsvFile& file) {
  enum : size_t { kId, kType, kSource, kTarget, kName, kDocumentation };
  constexpr std::array<std::string_view, 6> kColumns = {"ID",     "Type", "Source",
                                                        "Target", "Name", "Documentation"};
  if (model_.where.file == models::kNone) model_.where = {file.file, 1};
  readFile(file, ArchiCsvKind::relations, kColumns, 4, [&](models::SourceLocation where) {
    ArchimateRelationship relationship;
    relationship.identifier = cell(kId);
    relationship.type = strings_.keep(canonicalType(cell(kType)));
    relationship.name = cell(kName);
    relationship.documentation = cell(kDocumentation);
    relationship.source = cell(kSource);
    relationship.target = cell(kTarget);
    relationship.where = where;
    keepExtras(kRelationship + static_cast<uint32_t>(model_.relationships.size()));
    model_.relationships.push_back(relationship);
  });
}

void ExportReader::readProperties(ArchiCsvFile& file) {
  enum : size_t { kId, kKey, kValue };
  constexpr std::array<std::string_view, 3> kColumns = {"ID", "Key", "Value"};
  if (model_.where.file == models::kNone) model_.where = {file.file, 1};
  // The first record of each identifier (duplicates are the mapping's to report).
  tsl::robin_map<std::string_view, uint32_t> slots;
  slots.reserve(model_.elements.size() + model_.relationships.size());
  for (uint32_t e = 0; e < model_.elements.size(); ++e)
    slots.emplace(model_.elements[e].identifier, e);
  for (uint32_t r = 0; r < model_.relationships.size(); ++r)
    slots.emplace(model_.relationships[r].identifier, kRelationship + r);
  readFile(file, ArchiCsvKind::properties, kColumns, 3, [&](models::SourceLocation where) {
    const std::string_view id = cell(kId);
    const auto slot = slots.find(id);
    if (slot != slots.end() && !id.empty()) {
      pending_.push_back({slot->second, ArchimateProperty{cell(kKey), cell(kValue)}});
    } else if (id != modelId_ || id.empty()) {
      builder_.warning(where, "unknown-reference",
                       fmt::format("a property of {}, which is no element or relation of the "
                                   "export; the row is skipped (fix the ID)",
                                   quoted(id)));
    }
  });
}

void ExportReader::attachProperties() {
  std::stable_sort(pending_.begin(), pending_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  model_.properties.reserve(pending_.size());
  for (size_t i = 0; i < pending_.size();) {
    const uint32_t slot = pending_[i].first;
    ArchimateConcept& record =
        slot >= kRelationship
            ? static_cast<ArchimateConcept&>(model_.relationships[slot - kRelationship])
            : model_.elements[slot];
    record.firstProperty = static_cast<uint32_t>(model_.properties.size());
    for (; i < pending_.size() && pending_[i].first == slot; ++i)
      model_.properties.push_back(pending_[i].second);
    record.propertyCount = static_cast<uint32_t>(model_.properties.size() - record.firstProperty);
  }
  pending_.clear();
}

ArchimateModel ExportReader::read(std::vector<ArchiCsvFile>& files) {
  // Elements before relations before properties, whatever order the files came in.
  for (ArchiCsvKind kind :
       {ArchiCsvKind::elements, ArchiCsvKind::relations, ArchiCsvKind::properties}) {
    for (ArchiCsvFile& file : files) {
      const auto layout = archiCsvLayoutOf(file.text);
      if (file.text.empty() || (layout ? layout->kind : ArchiCsvKind::elements) != kind) continue;
      if (kind == ArchiCsvKind::elements) readElements(file);
      if (kind == ArchiCsvKind::relations) readRelations(file);
      if (kind == ArchiCsvKind::properties) readProperties(file);
    }
  }
  attachProperties();
  return std::move(model_);
}

}  // namespace

bool isArchiCsvHeader(std::span<const std::string_view> header) {
  if (header.size() < 2 || header[0] != "ID") return false;
  return (header[1] == "Type" && contains(header, "Documentation")) || header[1] == "Key";
}

std::optional<ArchiCsvLayout> archiCsvLayoutOf(std::string_view text) {
  size_t at = 0;
  while (at < text.size() && (text[at] == '#' || text[at] == '\r' || text[at] == '\n')) {
    const size_t end = text.find('\n', at);
    at = end == std::string_view::npos ? text.size() : end + 1;
  }
  std::string_view line = text.substr(at, text.find('\n', at) - at);
  line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
  if (!line.starts_with("\"ID\"") && !line.starts_with("ID")) return std::nullopt;
  const char delimiter = separatorOfHeader(line);
  const auto header = splitHeader(line, delimiter);
  if (!isArchiCsvHeader(header)) return std::nullopt;
  return ArchiCsvLayout{kindOfHeader(header), delimiter};
}

ArchiCsvPaths archiCsvPathsOf(const std::string& path,
                              const std::function<bool(const std::string&)>& exists) {
  namespace fs = std::filesystem;
  ArchiCsvPaths paths;
  std::string* slots[] = {&paths.elements, &paths.relations, &paths.properties};
  const std::string name = fs::path(path).filename().string();
  for (size_t k = 0; k < kSuffixes.size(); ++k) {
    if (!name.ends_with(kSuffixes[k])) continue;
    const std::string stem = path.substr(0, path.size() - kSuffixes[k].size());
    for (size_t other = 0; other < kSuffixes.size(); ++other) {
      const std::string sibling = stem + std::string(kSuffixes[other]);
      std::error_code ec;
      if (other == k || (exists ? exists(sibling) : fs::is_regular_file(sibling, ec)))
        *slots[other] = sibling;
    }
    return paths;
  }
  // Not named as Archi names them: the file stands alone (its slot does not matter, files are
  // told apart by their headers).
  paths.elements = path;
  return paths;
}

ArchimateModel readArchiCsv(InventoryBuilder& builder, std::vector<ArchiCsvFile> files) {
  return ExportReader(builder).read(files);
}

}  // namespace cloudplan::importers
