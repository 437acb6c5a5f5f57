#include "importers/read_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "importers/archimate/archi_csv.h"
#include "importers/archimate/archimate_mapping.h"
#include "importers/archimate/archimate_xml.h"
#include "importers/archimate/xml_document.h"
#include "importers/csv/csv_dialect.h"
#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "importers/text_encoding.h"
#include "models/vocabulary.h"

namespace cloudplan::importers {
namespace {

namespace fs = std::filesystem;

bool isInventoryFile(const fs::path& path) {
  const std::string extension = models::lowercased(path.extension().string());
  return extension == ".csv" || extension == ".xml" || extension == ".archimate";
}

// The files a path names: itself, or a folder's inventory files in name order.
std::vector<std::string> expand(const std::string& path, models::Diagnostics& diagnostics) {
  std::error_code ec;
  if (isStandardInput(path) || !fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    // An error of its own: a dangling link is not a reason to drop the folder. Every entry named
    // like an inventory file but a sub-folder is read, so that a named pipe or a dangling link is
    // reported (not-a-file, cannot-read) rather than silently left out.
    std::error_code entryError;
    if (isInventoryFile(entry.path()) && !entry.is_directory(entryError)) {
      files.push_back(entry.path().string());
    }
  }
  if (ec) {
    diagnostics.error("cannot-read", path, 0,
                      fmt::format("cannot list the folder ({})", ec.message()));
    return {};
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    diagnostics.error("no-inputs", path, 0,
                      "no inventory files (.csv, .xml, .archimate) in this folder (name the "
                      "inventory files, or the folder that holds them)");
  }
  return files;
}

bool looksLikeXml(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  return (first != std::string_view::npos && text[first] == '<') || looksLikeUtf16(text);
}

// Archi writes a model that holds images as a zip archive of model.xml and the images (and an
// .xlsx workbook is one too).
bool isZipArchive(std::string_view text) {
  return text.starts_with("PK\x03\x04");
}

// Reads files one after the other into the builder; remembers which it has read, so that the
// files of an Archi CSV export, read together, are not read again when named too.
class InputReader {
 public:
  InputReader(const ReadOptions& options, models::Diagnostics& diagnostics)
      : options_(options), builder_(diagnostics) {
    builder_.resolveAgainst(options.known, options.keepUnknownReferences);
  }

  void read(const std::string& path);
  models::Inventory finish() { return builder_.finish(); }

 private:
  // The file's text registered with the builder, a UTF-8 byte-order mark removed.
  std::optional<std::pair<uint32_t, std::string>> load(const std::string& path);
  // Makes a CSV file's text UTF-8 with LF or CRLF line ends; false (and reported) when it cannot.
  bool decodeCsv(uint32_t file, std::string& text);
  void readArchiCsvExport(const std::string& path, uint32_t file, std::string text);
  void map(const ArchimateModel& model) {
    mapArchimateModel(
        builder_, model,
        {.defaultAgency = options_.defaultAgency, .report = options_.archimateReport});
  }
  bool seen(const std::string& path) {
    if (isStandardInput(path)) return !read_.insert(std::string(kStandardInputName)).second;
    // Files read through a hook (a store's) are their names, whatever the disk holds there.
    if (options_.readFile) return !read_.insert(path).second;
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    return !read_.insert(ec ? path : canonical.string()).second;
  }

  const ReadOptions& options_;
  InventoryBuilder builder_;
  std::set<std::string> read_;
};

std::optional<std::pair<uint32_t, std::string>> InputReader::load(const std::string& path) {
  auto bytes = options_.readFile ? options_.readFile(path, builder_.diagnostics())
                                 : readInputFile(path, kInventoryAdvice, builder_.diagnostics());
  if (!bytes) return std::nullopt;
  if (options_.onRead) options_.onRead(inputName(path), bytes->text);
  std::string& text = bytes->text;
  // A file read only up to its NUL byte has no hash: no plan is made from it.
  const bool whole = !bytes->nulAt;
  const uint32_t file =
      builder_.addFile(inputName(path), models::InputKind::unknown,
                       options_.hashInputs && whole ? sha256Hex(text) : std::string());
  if (bytes->nulAt) {
    const EncodingProblem problem = nulByteProblem(text, *bytes->nulAt);
    builder_.error({file, problem.line}, problem.code, problem.message);
    return std::nullopt;
  }
  stripByteOrderMark(text);
  return std::pair{file, std::move(text)};
}

bool InputReader::decodeCsv(uint32_t file, std::string& text) {
  std::optional<EncodingProblem> problem;
  if (hasUtf16ByteOrderMark(text)) problem = convertUtf16ToUtf8(text);
  if (!problem) {
    convertOldMacLineEnds(text);
    problem = checkCsvEncoding(text, options_.encoding);
  }
  if (problem) builder_.error({file, problem->line}, problem->code, problem->message);
  return !problem;
}

void InputReader::read(const std::string& path) {
  if (seen(path)) return;
  auto loaded = load(path);
  if (!loaded) return;
  auto& [file, text] = *loaded;
  if (isZipArchive(text)) {
    const bool archi = fs::path(path).extension() == ".archimate";
    if (archi) builder_.inventory().files[file].kind = models::InputKind::archimate;
    builder_.error({file, 1}, "zipped-model",
                   archi ? "this is a zip archive (Archi zips a model that holds images); unzip it "
                           "and name the model.xml inside (unzip FILE model.xml)"
                         : "this is a zip archive, not a text file (a spreadsheet workbook? save "
                           "it as CSV UTF-8; an Archi model with images? unzip it and name the "
                           "model.xml inside)");
    return;
  }
  if (looksLikeXml(text)) {
    builder_.inventory().files[file].kind = models::InputKind::archimate;
    if (auto model = readArchimateXml(builder_, file, std::move(text))) map(*model);
    return;
  }
  if (!decodeCsv(file, text)) return;
  if (archiCsvLayoutOf(text)) {
    readArchiCsvExport(path, file, std::move(text));
    return;
  }
  readInventoryCsv(builder_, file, std::move(text));
}

void InputReader::readArchiCsvExport(const std::string& path, uint32_t file, std::string text) {
  const ArchiCsvPaths paths = archiCsvPathsOf(path, options_.hasFile);
  std::vector<ArchiCsvFile> files;
  for (const std::string* sibling : {&paths.elements, &paths.relations, &paths.properties}) {
    if (sibling->empty()) continue;
    if (*sibling == path) {
      files.push_back({file, std::move(text)});
      continue;
    }
    if (seen(*sibling)) continue;
    auto loaded = load(*sibling);
    if (!loaded) continue;
    if (!decodeCsv(loaded->first, loaded->second)) continue;
    files.push_back({loaded->first, std::move(loaded->second)});
  }
  map(readArchiCsv(builder_, std::move(files)));
}

}  // namespace

models::Inventory readInputs(std::span<const std::string> paths, const ReadOptions& options,
                             models::Diagnostics& diagnostics) {
  InputReader reader(options, diagnostics);
  for (const std::string& named : paths) {
    if (options.readFile) {
      reader.read(named);
      continue;
    }
    for (const std::string& path : expand(named, diagnostics))
      reader.read(path);
  }
  return reader.finish();
}

}  // namespace cloudplan::importers
