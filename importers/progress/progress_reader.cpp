#include "importers/progress/progress_reader.h"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "importers/csv/csv_dialect.h"
#include "importers/csv/csv_reader.h"
#include "importers/csv/inventory_csv.h"
#include "importers/input_file.h"
#include "importers/suggest.h"
#include "importers/system_fields.h"
#include "importers/text_encoding.h"
#include "models/vocabulary.h"

namespace cloudplan::importers {

using models::quoted;

namespace {

enum Column : uint8_t { kId, kStatus, kDate, kNote, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"id", "status", "date",
                                                                     "note"};
constexpr std::array<Column, 2> kRequired = {kId, kStatus};

constexpr InputAdvice kProgressAdvice{
    .notAFile =
        "name the progress file, a CSV file headed id,status,date,note, or - for "
        "standard input",
    .tooLarge = "a progress file has a row per system, far less than that; give that file",
    .terminal =
        "pipe the progress file into cloudplan, as in cloudplan plan inventory/ "
        "--baseline old/plan.json --progress - < progress.csv, or name the file"};

// The kind of inventory file a header is (csvKindOf, of the header's cells written out again),
// unknown for most; a header of many columns is none the inventory reads alone.
models::InputKind kindOfInventoryHeader(std::span<const std::string_view> header) {
  constexpr size_t kMostColumns = 64;
  if (header.size() > kMostColumns) return models::InputKind::unknown;
  std::string line;
  for (std::string_view cell : header) {
    if (!line.empty()) line += ',';
    line += cell;
  }
  return csvKindOf(line);
}

// One progress file being read against the inventory, its problems reported under its path.
class ProgressReader {
 public:
  ProgressReader(const models::Inventory& inventory, models::Diagnostics& diagnostics,
                 models::Progress& progress)
      : inventory_(inventory), diagnostics_(diagnostics), progress_(progress) {}

  void read(std::string& text);

 private:
  bool readHeader(std::span<const std::string_view> header, uint32_t line);
  void readRow(std::span<const std::string_view> cells, uint32_t line);
  std::string_view cell(std::span<const std::string_view> cells, Column column) const {
    const int i = position_[column];
    return i >= 0 && static_cast<size_t>(i) < cells.size() ? cells[i] : std::string_view();
  }
  std::optional<std::string_view> suggest(std::string_view id);
  void error(uint32_t line, std::string_view code, std::string message) {
    diagnostics_.error(code, progress_.path, line, std::move(message));
  }

  const models::Inventory& inventory_;
  models::Diagnostics& diagnostics_;
  models::Progress& progress_;
  char separator_ = ',';
  std::array<int, kColumnCount> position_{};
  std::vector<std::string_view> header_;
  bool warnedUnnamed_ = false;
  std::vector<uint32_t> listedAt_;      // by SystemIndex: the line that lists it, 0 for none
  std::optional<Suggester> suggester_;  // built on the first unknown id only
  size_t unknown_ = 0;                  // unknown ids so far
};

void ProgressReader::read(std::string& text) {
  separator_ = separatorOfHeader(firstContentLine(text), isProgressHeader);
  CsvReader reader(text.data(), text.size(), separator_);
  bool haveHeader = false;
  while (reader.next()) {
    if (!haveHeader) {
      haveHeader = true;
      if (!readHeader(reader.cells(), reader.line())) return;
      listedAt_.assign(inventory_.systems.size(), 0);
      continue;
    }
    readRow(reader.cells(), reader.line());
  }
  if (const auto& e = reader.error()) {
    error(e->line, e->code, e->message);
  } else if (!haveHeader) {
    error(1, "empty-file",
          "the file is empty (a progress file starts with the header id,status,date,note)");
  }
}

bool ProgressReader::readHeader(std::span<const std::string_view> header, uint32_t line) {
  header_.assign(header.begin(), header.end());
  position_.fill(-1);
  bool ok = true;
  std::vector<std::string_view> unknown;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) continue;
    bool known = false;
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (!models::equalsIgnoreCase(header[i], kColumnNames[c])) continue;
      known = true;
      if (position_[c] >= 0) {
        error(line, "duplicate-column",
              fmt::format("column {} appears twice (keep one)", quoted(kColumnNames[c])));
        ok = false;
      }
      position_[c] = static_cast<int>(i);
    }
    if (!known) unknown.push_back(header[i]);
  }
  bool missing = false;
  for (Column c : kRequired)
    missing = missing || position_[c] < 0;
  if (missing) {
    // An inventory file given where the progress belongs: say so once, not column by column.
    if (const models::InputKind kind = kindOfInventoryHeader(header);
        kind != models::InputKind::unknown) {
      error(line, "not-a-progress-file",
            fmt::format("this is {} file of the inventory, not a progress file (give the progress "
                        "file, headed id,status,date,note)",
                        kind == models::InputKind::archiCsv ? std::string("an Archi CSV export, a")
                        : kind == models::InputKind::agencies
                            ? std::string("an agencies")
                            : fmt::format("a {}", models::nameOf(kind))));
      return false;
    }
    for (Column c : kRequired) {
      if (position_[c] >= 0) continue;
      error(line, "missing-column",
            fmt::format("missing required column {} in a progress file (add it to the header; "
                        "the columns are id, status, date and note)",
                        quoted(kColumnNames[c])));
    }
    return false;
  }
  for (std::string_view name : unknown) {
    diagnostics_.warning("unknown-column", progress_.path, line,
                         fmt::format("column {} is not one of a progress file; its values are "
                                     "ignored (the columns are id, status, date and note)",
                                     quoted(name)));
  }
  return ok;
}

std::optional<std::string_view> ProgressReader::suggest(std::string_view id) {
  if (!suggester_) {
    std::vector<std::string_view> ids;
    ids.reserve(inventory_.systems.size());
    for (const models::System& system : inventory_.systems)
      ids.push_back(system.id);
    suggester_.emplace(std::move(ids));
  }
  return suggester_->closest(id);
}

void ProgressReader::readRow(std::span<const std::string_view> cells, uint32_t line) {
  if (std::string problem = tooManyCells(cells, header_.size(), separator_); !problem.empty()) {
    error(line, "too-many-cells", std::move(problem));
    return;
  }
  if (!warnedUnnamed_) {
    for (size_t i = 0; i < cells.size() && i < header_.size(); ++i) {
      if (header_[i].empty() && !cells[i].empty()) {
        diagnostics_.warning("unnamed-column", progress_.path, line,
                             fmt::format("column {} has no name in the header; its values, such "
                                         "as {}, are ignored (a progress file's columns are id, "
                                         "status, date and note)",
                                         i + 1, quoted(cells[i])));
        warnedUnnamed_ = true;
        break;
      }
    }
  }
  const std::string_view id = cell(cells, kId);
  if (id.empty()) {
    error(line, "empty-id",
          "empty id; the row is skipped (give the id of a system of the inventory)");
    return;
  }
  const auto system = inventory_.findSystem(id);
  if (!system) {
    // Past the diagnostics listed of one kind, the messages are counted, not kept: a suggestion
    // for them would be looked for in vain.
    const bool listed = ++unknown_ <= models::Diagnostics::kListedPerKind;
    error(line, "unknown-system",
          fmt::format("unknown system {}; the row is skipped{}", quoted(id),
                      didYouMean(listed ? suggest(id) : std::nullopt,
                                 " (list the systems of the inventory by their ids)")));
    return;
  }
  if (const uint32_t first = listedAt_[*system]; first != 0) {
    error(line, "duplicate-id",
          fmt::format("duplicate id {}; the row is skipped (first listed at {}:{})", quoted(id),
                      progress_.path, first));
    return;
  }
  listedAt_[*system] = line;
  models::ProgressEntry entry;
  entry.system = *system;
  entry.line = line;
  if (const std::string_view status = cell(cells, kStatus); !status.empty()) {
    const auto parsed = models::parseName<models::ProgressStatus>(status);
    if (!parsed) {
      const auto& names = models::Vocabulary<models::ProgressStatus>::names;
      Suggester suggester({names.begin(), names.end()});
      error(line, "bad-value",
            fmt::format("status {} is not one of {}; the row is skipped{}", quoted(status),
                        models::allowedNames<models::ProgressStatus>(),
                        didYouMean(suggester.closest(status))));
      return;
    }
    entry.status = *parsed;
  }
  if (const std::string_view date = cell(cells, kDate); !date.empty()) {
    entry.date = readDate(kColumnNames[kDate], date, [&](std::string_view code, std::string text) {
      error(line, code, std::move(text));
    });
  }
  entry.note = cell(cells, kNote);
  progress_.entries.push_back(std::move(entry));
}

}  // namespace

bool isProgressHeader(std::span<const std::string_view> header) {
  bool id = false, status = false;
  for (std::string_view cell : header) {
    id = id || models::equalsIgnoreCase(cell, kColumnNames[kId]);
    status = status || models::equalsIgnoreCase(cell, kColumnNames[kStatus]);
  }
  return id && status;
}

models::Progress readProgress(const std::string& path, const models::Inventory& inventory,
                              models::Diagnostics& diagnostics, std::string_view encoding) {
  auto bytes = readInputFile(path, kProgressAdvice, diagnostics);
  const std::string name = inputName(path);
  if (!bytes) return models::Progress{.path = name, .sha256 = {}, .entries = {}};
  if (bytes->nulAt) {
    const EncodingProblem problem = nulByteProblem(
        bytes->text, *bytes->nulAt, "the progress file, a CSV file headed id,status,date,note");
    diagnostics.error(problem.code, name, problem.line, problem.message);
    return models::Progress{.path = name, .sha256 = {}, .entries = {}};
  }
  return readProgressText(name, std::move(bytes->text), inventory, diagnostics, encoding);
}

models::Progress readProgressText(const std::string& path, std::string bytes,
                                  const models::Inventory& inventory,
                                  models::Diagnostics& diagnostics, std::string_view encoding) {
  models::Progress progress{.path = path, .sha256 = sha256Hex(bytes), .entries = {}};
  std::string& text = bytes;
  stripByteOrderMark(text);
  std::optional<EncodingProblem> problem;
  if (hasUtf16ByteOrderMark(text)) problem = convertUtf16ToUtf8(text);
  if (!problem) {
    convertOldMacLineEnds(text);
    problem = checkCsvEncoding(text, encoding);
  }
  if (problem) {
    diagnostics.error(problem->code, path, problem->line, problem->message);
    return progress;
  }
  ProgressReader(inventory, diagnostics, progress).read(text);
  return progress;
}

}  // namespace cloudplan::importers
