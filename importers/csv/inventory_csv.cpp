#include "importers/csv/inventory_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "importers/archimate/archi_csv.h"
#include "importers/archimate/archimate_mapping.h"
#include "importers/csv/csv_dialect.h"
#include "importers/csv/csv_reader.h"
#include "importers/csv/national_ids.h"
#include "importers/progress/progress_reader.h"
#include "importers/suggest.h"
#include "importers/system_fields.h"
#include "models/plan.h"

namespace cloudplan::importers {

using models::InputKind;
using models::quoted;
using models::SourceLocation;

namespace {

enum Column : uint8_t {
  // systems
  kId,
  kName,
  kAgency,
  kType,
  kStrategy,
  kCriticality,
  kEffortDays,
  kTarget,
  kPinnedWave,
  kNotBefore,
  kFinishBy,
  kDependsOn,
  kMoveWith,
  // dependencies
  kFrom,
  kTo,
  kCoupling,
  kKind,
  kDescription,
  // agencies
  kCode,
  kParent,
  kMaxSystemsPerWave,
  kMaxEffortPerWave,
  kColumnCount
};

// clang-format off
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "id", "name", "agency", "type", "strategy", "criticality", "effort_days", "target",
    "pinned_wave", "not_before", "finish_by", "depends_on", "move_with",
    "from", "to", "coupling", "kind", "description",
    "code", "parent", "max_systems_per_wave", "max_effort_per_wave"};
// clang-format on  // agencies

struct FileLayout {
  InputKind kind;
  std::vector<Column> columns;  // the columns this kind of file defines
  std::vector<Column> required;
};

const FileLayout& layoutOf(InputKind kind) {
  static const FileLayout kSystems{
      InputKind::systems,
      {kId, kName, kAgency, kType, kStrategy, kCriticality, kEffortDays, kTarget, kPinnedWave,
       kNotBefore, kFinishBy, kDependsOn, kMoveWith},
      {kId, kName, kAgency}};
  static const FileLayout kDependencies{
      InputKind::dependencies, {kFrom, kTo, kCoupling, kKind, kDescription}, {kFrom, kTo}};
  static const FileLayout kAgencies{InputKind::agencies,
                                    {kCode, kName, kParent, kMaxSystemsPerWave, kMaxEffortPerWave},
                                    {kCode, kName}};
  return kind == InputKind::systems        ? kSystems
         : kind == InputKind::dependencies ? kDependencies
                                           : kAgencies;
}

bool hasColumn(std::span<const std::string_view> header, std::string_view name) {
  for (std::string_view cell : header) {
    if (models::equalsIgnoreCase(cell, name)) return true;
  }
  return false;
}

InputKind kindOfHeader(std::span<const std::string_view> header) {
  // Archi writes exactly these capitalised headers; a systems file is free-form in case.
  if (isArchiCsvHeader(header)) return InputKind::archiCsv;
  if (hasColumn(header, "id") && hasColumn(header, "name")) return InputKind::systems;
  if (hasColumn(header, "from") && hasColumn(header, "to")) return InputKind::dependencies;
  if (hasColumn(header, "code") && hasColumn(header, "name") && !hasColumn(header, "id")) {
    return InputKind::agencies;
  }
  return InputKind::unknown;
}

// The register of ids is recognised too, for its own message, whatever its separator.
bool isKnownHeader(std::span<const std::string_view> header) {
  return kindOfHeader(header) != InputKind::unknown || isNationalIdsHeader(header);
}

// A free-text cell without a spreadsheet's "this is text" marker: typed into a spreadsheet, '=x
// is the text =x, and cloudplan's CSV outputs write a text that starts like a formula so. One
// apostrophe goes when apostrophes and then = + - or @ follow (''=x is '=x: how a text that
// starts so itself is written). Ids and codes never start so and are read as they are.
std::string_view withoutTextMarker(std::string_view cell) {
  if (cell.empty() || cell.front() != '\'') return cell;
  const size_t marks = cell.find_first_not_of('\'');
  if (marks == std::string_view::npos) return cell;
  const char c = cell[marks];
  return c == '=' || c == '+' || c == '-' || c == '@' ? cell.substr(1) : cell;
}

// One file being read: its header's layout and the builder it feeds.
class CsvFile {
 public:
  CsvFile(InventoryBuilder& builder, uint32_t file) : builder_(builder), file_(file) {}

  void read(std::string& text);

 private:
  bool readHeader(std::span<const std::string_view> header, uint32_t line);
  // Grows the inventory's arrays once per file rather than by doubling row after row, by no more
  // than the rest of `text` can fill: blank lines and empty cells take nothing.
  void reserveFor(std::string_view text, char separator);
  void readRow(std::span<const std::string_view> cells, uint32_t line);
  void readSystem(SourceLocation where);
  void readDependency(SourceLocation where);
  void readAgency(SourceLocation where);

  std::string_view cell(Column column) const {
    const int i = position_[column];
    return i >= 0 && static_cast<size_t>(i) < cells_.size() ? cells_[i] : std::string_view();
  }
  std::string_view text(Column column) const { return withoutTextMarker(cell(column)); }
  models::PropertyRange keepProperties();

  template <class E>
  E choice(SourceLocation where, Column column, E fallback);
  void pendingList(SourceLocation where, models::SystemIndex consumer, Column column,
                   models::Coupling coupling);

  void error(SourceLocation where, std::string_view code, std::string message) {
    builder_.error(where, code, std::move(message));
  }

  InventoryBuilder& builder_;
  uint32_t file_;
  InputKind kind_ = InputKind::unknown;
  char separator_ = ',';
  std::array<int, kColumnCount> position_{};
  std::vector<std::string_view> header_;
  std::vector<uint32_t> extras_;  // positions of the columns the format does not name
  std::span<const std::string_view> cells_;
  bool warnedUnnamed_ = false;
};

void CsvFile::read(std::string& text) {
  separator_ = separatorOfHeader(firstContentLine(text), isKnownHeader);
  CsvReader reader(text.data(), text.size(), separator_);
  bool haveHeader = false;
  while (reader.next()) {
    if (!haveHeader) {
      haveHeader = true;
      if (!readHeader(reader.cells(), reader.line())) return;
      reserveFor(text, separator_);
      continue;
    }
    readRow(reader.cells(), reader.line());
  }
  if (const auto& e = reader.error()) {
    error({file_, e->line}, e->code, e->message);
  } else if (!haveHeader) {
    error({file_, 1}, "empty-file", "the file is empty (a CSV file starts with a header row)");
  }
}

bool CsvFile::readHeader(std::span<const std::string_view> header, uint32_t line) {
  const SourceLocation where{file_, line};
  kind_ = kindOfHeader(header);
  builder_.inventory().files[file_].kind = kind_;
  if (kind_ == InputKind::archiCsv) {
    // readInventoryCsv hands Archi's exports over before; this one's first line defeated that.
    error(where, "unsupported-format",
          "this looks like an Archi CSV export, but its header is not on its first line (start "
          "the file with the header, as Archi writes it: \"ID\",\"Type\",\"Name\",...)");
    return false;
  }
  if (kind_ == InputKind::unknown && isNationalIdsHeader(header)) {
    error(where, "register-file",
          "this is the national register of system ids (cloudplan export --ids writes it), not "
          "an inventory file (give it to --known, and leave it out of the inventory files)");
    return false;
  }
  if (kind_ == InputKind::unknown && isProgressHeader(header)) {
    error(where, "progress-file",
          "this is a progress file, not a file of the inventory (give it with --progress, from "
          "outside the input folders)");
    return false;
  }
  if (kind_ == InputKind::unknown) {
    error(where, "unknown-file-kind",
          "cannot tell the kind of file from its header (a systems file needs columns id and "
          "name; a dependencies file from and to; an agencies file code and name)");
    return false;
  }
  // The extra columns' names are free text: they become the properties' keys.
  header_.clear();
  for (std::string_view name : header)
    header_.push_back(withoutTextMarker(name));
  position_.fill(-1);
  const FileLayout& layout = layoutOf(kind_);
  bool ok = true;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) continue;
    bool known = false;
    for (Column c : layout.columns) {
      if (!models::equalsIgnoreCase(header[i], kColumnNames[c])) continue;
      known = true;
      if (position_[c] >= 0) {
        error(where, "duplicate-column",
              fmt::format("column {} appears twice (keep one)", quoted(kColumnNames[c])));
        ok = false;
      }
      position_[c] = static_cast<int>(i);
    }
    if (!known) {
      for (uint32_t e : extras_) {
        if (models::equalsIgnoreCase(header_[e], header_[i])) {
          error(where, "duplicate-column",
                fmt::format("column {} appears twice (keep one)", quoted(header_[i])));
          ok = false;
        }
      }
      extras_.push_back(static_cast<uint32_t>(i));
    }
  }
  for (Column c : layout.required) {
    if (position_[c] < 0) {
      error(where, "missing-column",
            fmt::format("missing required column {} in a{} {} file (add it to the header)",
                        quoted(kColumnNames[c]), kind_ == InputKind::agencies ? "n" : "",
                        models::nameOf(kind_)));
      ok = false;
    }
  }
  return ok;
}

void CsvFile::reserveFor(std::string_view text, char separator) {
  // Lines with a character other than blanks and separators, but the header's (a row spread over
  // lines by a quoted line break counts more than once, which only over-reserves).
  size_t rows = 0;
  bool content = false;
  for (char c : text) {
    if (c == '\n') {
      rows += content;
      content = false;
    } else if (c != separator && c != ' ' && c != '\t' && c != '\r') {
      content = true;
    }
  }
  rows += content;
  rows -= rows > 0;
  // An extra column's property needs a cell and its separator: two bytes of the file at least.
  const size_t properties = std::min(rows * extras_.size(), text.size() / 2);
  auto& inventory = builder_.inventory();
  models::reserveMore(inventory.properties, properties);
  if (kind_ == InputKind::systems) {
    inventory.reserveMoreSystems(rows);
  } else if (kind_ == InputKind::dependencies) {
    builder_.reserveDependencies(rows);
  }
}

void CsvFile::readRow(std::span<const std::string_view> cells, uint32_t line) {
  const SourceLocation where{file_, line};
  if (std::string problem = tooManyCells(cells, header_.size(), separator_); !problem.empty()) {
    error(where, "too-many-cells", std::move(problem));
    return;
  }
  cells_ = cells;
  if (!warnedUnnamed_) {
    for (size_t i = 0; i < cells.size() && i < header_.size(); ++i) {
      if (header_[i].empty() && !cells[i].empty()) {
        builder_.warning(where, "unnamed-column",
                         fmt::format("column {} has no name in the header; its values, such as "
                                     "{}, are ignored (name the column to keep them)",
                                     i + 1, quoted(cells[i])));
        warnedUnnamed_ = true;
        break;
      }
    }
  }
  switch (kind_) {
    case InputKind::systems:
      readSystem(where);
      break;
    case InputKind::dependencies:
      readDependency(where);
      break;
    default:
      readAgency(where);
      break;
  }
}

models::PropertyRange CsvFile::keepProperties() {
  auto& properties = builder_.inventory().properties;
  models::PropertyRange range{static_cast<uint32_t>(properties.size()), 0};
  for (uint32_t i : extras_) {
    if (i >= cells_.size()) break;  // extras_ is in column order: the rest of the row is empty
    if (!cells_[i].empty()) {
      properties.push_back(models::Property{header_[i], withoutTextMarker(cells_[i])});
      ++range.count;
    }
  }
  return range;
}

template <class E>
E CsvFile::choice(SourceLocation where, Column column, E fallback) {
  const std::string_view value = cell(column);
  if (value.empty()) return fallback;
  if (auto parsed = models::parseName<E>(value)) return *parsed;
  const auto& names = models::Vocabulary<E>::names;
  Suggester suggester({names.begin(), names.end()});
  const auto close = suggester.closest(value);
  error(where, "bad-value",
        fmt::format("{} {} is not one of {}{}", kColumnNames[column], quoted(value),
                    models::allowedNames<E>(), didYouMean(close)));
  return fallback;
}

void CsvFile::pendingList(SourceLocation where, models::SystemIndex consumer, Column column,
                          models::Coupling coupling) {
  std::string_view list = cell(column);
  while (!list.empty()) {
    const size_t semicolon = list.find(';');
    const std::string_view provider = trimBlanks(list.substr(0, semicolon));
    list = semicolon == std::string_view::npos ? std::string_view() : list.substr(semicolon + 1);
    if (provider.empty()) continue;
    builder_.addDependency(PendingDependency{.consumer = builder_.inventory().systems[consumer].id,
                                             .provider = provider,
                                             .consumerIndex = consumer,
                                             .coupling = coupling,
                                             .where = where,
                                             .consumerColumn = "id",
                                             .providerColumn = kColumnNames[column]});
  }
}

void CsvFile::readSystem(SourceLocation where) {
  auto& inventory = builder_.inventory();
  models::System system;
  system.id = cell(kId);
  system.where = where;
  if (system.id.empty()) {
    error(where, "empty-id", "empty id; the row is skipped (give every system a unique id)");
    return;
  }
  for (char c : system.id) {
    if (!isIdCharacter(c)) {
      error(where, "malformed-id",
            fmt::format("malformed id {}; the row is skipped (use letters, digits and -_.:/ "
                        "only)",
                        quoted(system.id)));
      return;
    }
  }
  // A duplicate row is skipped whole: nothing of it (agency, properties) may reach the inventory.
  if (const auto first = inventory.findSystem(system.id)) {
    error(where, "duplicate-id",
          fmt::format("duplicate id {}; the row is skipped (first defined at {})",
                      quoted(system.id), builder_.describe(inventory.systems[*first].where)));
    return;
  }
  system.name = text(kName);
  if (system.name.empty()) {
    error(where, "missing-value", fmt::format("system {} has no name", quoted(system.id)));
  }
  if (const std::string_view agency = cell(kAgency); agency.empty()) {
    error(where, "missing-value", fmt::format("system {} has no agency", quoted(system.id)));
  } else {
    system.agency = inventory.internAgency(agency);
  }
  system.type = choice(where, kType, models::SystemType::application);
  system.strategy = choice(where, kStrategy, models::Strategy::rehost);
  system.criticality = choice(where, kCriticality, models::Criticality::medium);
  system.effortDays = models::defaultEffortDays(system.strategy);
  system.target = text(kTarget);
  readScheduleFields(
      system,
      {.effortDays = cell(kEffortDays),
       .pinnedWave = cell(kPinnedWave),
       .notBefore = cell(kNotBefore),
       .finishBy = cell(kFinishBy)},
      [&](std::string_view code, std::string message) { error(where, code, std::move(message)); });

  system.properties = keepProperties();
  const models::SystemIndex index = *inventory.addSystem(system);  // not a duplicate: checked
  pendingList(where, index, kDependsOn, models::Coupling::normal);
  pendingList(where, index, kMoveWith, models::Coupling::tight);
}

void CsvFile::readDependency(SourceLocation where) {
  const std::string_view from = cell(kFrom), to = cell(kTo);
  if (from.empty() || to.empty()) {
    const std::string has = from.empty() && to.empty()
                                ? std::string("both are empty")
                                : fmt::format("it has {} {}", from.empty() ? "to" : "from",
                                              quoted(from.empty() ? to : from));
    error(where, "missing-value",
          fmt::format("a dependency needs both from and to; the row is skipped ({})", has));
    return;
  }
  builder_.addDependency(
      PendingDependency{.consumer = from,
                        .provider = to,
                        .coupling = choice(where, kCoupling, models::Coupling::normal),
                        .kind = text(kKind),
                        .description = text(kDescription),
                        .properties = keepProperties(),
                        .where = where,
                        .consumerColumn = "from",
                        .providerColumn = "to"});
}

void CsvFile::readAgency(SourceLocation where) {
  auto& inventory = builder_.inventory();
  const std::string_view code = cell(kCode);
  if (code.empty()) {
    error(where, "empty-id", "empty agency code; the row is skipped (give every agency a code)");
    return;
  }
  const models::AgencyIndex index = inventory.internAgency(code);
  models::Agency& agency = inventory.agencies[index];
  if (agency.declared) {
    error(where, "duplicate-id",
          fmt::format("duplicate agency code {}; the row is skipped (first defined at {})",
                      quoted(code), builder_.describe(agency.where)));
    return;
  }
  agency.declared = true;
  agency.name = text(kName);
  agency.where = where;
  agency.properties = keepProperties();
  if (agency.name.empty()) {
    error(where, "missing-value", fmt::format("agency {} has no name", quoted(code)));
  }
  if (const std::string_view parent = cell(kParent); !parent.empty()) {
    builder_.setParent(index, parent);
  }
  readAgencyLimits(
      inventory.agencies[index],
      {.maxSystemsPerWave = cell(kMaxSystemsPerWave), .maxEffortPerWave = cell(kMaxEffortPerWave)},
      [&](std::string_view kind, std::string message) { error(where, kind, std::move(message)); });
}

}  // namespace

models::InputKind csvKindOf(std::string_view firstLine) {
  std::string line(firstLine);
  CsvReader reader(line.data(), line.size(), separatorOfHeader(line, isKnownHeader));
  return reader.next() ? kindOfHeader(reader.cells()) : InputKind::unknown;
}

void readInventoryCsv(InventoryBuilder& builder, uint32_t file, std::string text) {
  // An Archi CSV export is an ArchiMate model (readInputs hands it over before it gets here, with
  // the files beside it and the run's options).
  if (archiCsvLayoutOf(text)) {
    const ArchimateModel model = readArchiCsv(builder, {ArchiCsvFile{file, std::move(text)}});
    mapArchimateModel(builder, model, {});
    return;
  }
  std::string& kept = builder.inventory().keep(std::move(text));
  CsvFile(builder, file).read(kept);
}

}  // namespace cloudplan::importers
