#include "importers/csv/national_ids.h"

#include <fmt/format.h>

#include <array>
#include <limits>
#include <vector>

#include <tsl/robin_map.h>

#include "importers/csv/csv_dialect.h"
#include "importers/csv/csv_reader.h"
#include "importers/input_file.h"
#include "importers/text_encoding.h"
#include "models/vocabulary.h"

namespace cloudplan::importers {

using models::quoted;

namespace {

constexpr std::array<std::string_view, 3> kColumns = {"national_id", "name", "agency"};
enum Column { kNationalId, kName, kAgency };

constexpr InputAdvice kRegisterAdvice{
    .notAFile = "name the file that cloudplan export --ids wrote, or - for standard input",
    .tooLarge = "a register that cloudplan export --ids wrote is far smaller; give that file",
    .terminal =
        "pipe the register into cloudplan, as in cloudplan validate inventory/ --known - < "
        "national-ids.csv, or name the file"};

// One register file being read, its problems reported under `name`.
class RegisterReader {
 public:
  RegisterReader(std::string name, models::Diagnostics& diagnostics)
      : name_(std::move(name)), diagnostics_(diagnostics) {}

  std::optional<KnownSystems> read(std::string& text);

 private:
  bool readHeader(std::span<const std::string_view> header, uint32_t line);
  void readRow(std::span<const std::string_view> cells, uint32_t line);
  void reportDuplicates();
  void error(uint32_t line, std::string_view code, std::string message) {
    diagnostics_.error(code, name_, line, std::move(message));
  }
  std::string describe(uint32_t line) const { return fmt::format("{}:{}", name_, line); }

  std::string name_;
  models::Diagnostics& diagnostics_;
  std::array<int, kColumns.size()> position_{-1, -1, -1};
  size_t columns_ = 0;
  KnownSystems known_;
  std::vector<uint32_t> lineOf_;  // of each system, in the order added
  struct Duplicate {
    std::string_view id;
    uint32_t line;
  };
  std::vector<Duplicate> duplicates_;
};

std::optional<KnownSystems> RegisterReader::read(std::string& text) {
  CsvReader reader(text.data(), text.size(),
                   separatorOfHeader(firstContentLine(text), isNationalIdsHeader));
  bool haveHeader = false;
  while (reader.next()) {
    if (!haveHeader) {
      haveHeader = true;
      if (!readHeader(reader.cells(), reader.line())) return std::nullopt;
      continue;
    }
    readRow(reader.cells(), reader.line());
  }
  if (const auto& e = reader.error()) {
    error(e->line, e->code, e->message);
  } else if (!haveHeader) {
    error(1, "empty-file",
          "the file is empty (the register starts with the header national_id,name,agency)");
    return std::nullopt;
  }
  reportDuplicates();
  return std::move(known_);
}

bool RegisterReader::readHeader(std::span<const std::string_view> header, uint32_t line) {
  columns_ = header.size();
  bool ok = true;
  for (size_t i = 0; i < header.size(); ++i) {
    for (size_t c = 0; c < kColumns.size(); ++c) {
      if (!models::equalsIgnoreCase(header[i], kColumns[c])) continue;
      if (position_[c] >= 0) {
        error(line, "duplicate-column",
              fmt::format("column {} appears twice (keep one)", quoted(kColumns[c])));
        ok = false;
      }
      position_[c] = static_cast<int>(i);
    }
  }
  for (size_t c = 0; c < kColumns.size(); ++c) {
    if (position_[c] >= 0) continue;
    error(line, "missing-column",
          fmt::format("missing required column {} in the register of system ids (its header is "
                      "national_id,name,agency, as cloudplan export --ids writes it)",
                      quoted(kColumns[c])));
    ok = false;
  }
  return ok;
}

void RegisterReader::readRow(std::span<const std::string_view> cells, uint32_t line) {
  size_t used = cells.size();
  while (used > columns_ && cells[used - 1].empty())
    --used;
  if (used > columns_) {
    error(line, "too-many-cells",
          fmt::format("{} cells, but the header has {} columns; the row is skipped (quote a cell "
                      "that holds the separator)",
                      used, columns_));
    return;
  }
  auto cell = [&](Column c) {
    const auto i = static_cast<size_t>(position_[c]);
    return i < cells.size() ? cells[i] : std::string_view();
  };
  const std::string_view id = cell(kNationalId);
  if (id.empty()) {
    error(line, "empty-id",
          "empty national_id; the row is skipped (give every system of the register its id)");
    return;
  }
  const std::string_view agency = cell(kAgency);
  if (!known_.add(id, agency, cell(kName))) {
    duplicates_.push_back({id, line});
    return;
  }
  lineOf_.push_back(line);
  // Kept: references to it still resolve; only whose it is is unknown.
  if (agency.empty())
    error(line, "missing-value", fmt::format("system {} has no agency", quoted(id)));
}

// The first line of each repeated id is found once all are read, so that the common case (no
// repeats) costs no second map.
void RegisterReader::reportDuplicates() {
  if (duplicates_.empty()) return;
  constexpr uint32_t kUnseen = std::numeric_limits<uint32_t>::max();
  tsl::robin_map<std::string_view, uint32_t> firstLine;
  for (const Duplicate& d : duplicates_)
    firstLine.emplace(d.id, kUnseen);
  const std::vector<std::string_view> ids = known_.ids();
  for (size_t i = 0; i < ids.size(); ++i) {
    if (auto it = firstLine.find(ids[i]); it != firstLine.end()) it.value() = lineOf_[i];
  }
  for (const Duplicate& d : duplicates_) {
    error(d.line, "duplicate-id",
          fmt::format("duplicate national_id {}; the row is skipped (first defined at {})",
                      quoted(d.id), describe(firstLine.at(d.id))));
  }
}

}  // namespace

bool isNationalIdsHeader(std::span<const std::string_view> header) {
  for (std::string_view cell : header) {
    if (models::equalsIgnoreCase(cell, kColumns[kNationalId])) return true;
  }
  return false;
}

std::optional<KnownSystems> readNationalIds(const std::string& path,
                                            models::Diagnostics& diagnostics) {
  auto bytes = readInputFile(path, kRegisterAdvice, diagnostics);
  if (!bytes) return std::nullopt;
  const std::string name = inputName(path);
  if (bytes->nulAt) {
    const EncodingProblem problem = nulByteProblem(
        bytes->text, *bytes->nulAt, "the file of ids that cloudplan export --ids wrote");
    diagnostics.error(problem.code, name, problem.line, problem.message);
    return std::nullopt;
  }
  return readNationalIdsText(name, std::move(bytes->text), diagnostics);
}

std::optional<KnownSystems> readNationalIdsText(const std::string& name, std::string text,
                                                models::Diagnostics& diagnostics) {
  std::optional<EncodingProblem> problem;
  stripByteOrderMark(text);
  if (hasUtf16ByteOrderMark(text)) problem = convertUtf16ToUtf8(text);
  if (!problem) {
    convertOldMacLineEnds(text);
    problem = checkCsvEncoding(text, {});
  }
  if (problem) {
    diagnostics.error(problem->code, name, problem->line, problem->message);
    return std::nullopt;
  }
  return RegisterReader(name, diagnostics).read(text);
}

}  // namespace cloudplan::importers
