#include "importers/read_inputs.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "importers/inventory_builder.h"
#include "importers/inventory_csv.h"
#include "importers/text_encoding.h"

namespace cloudplan::importers {
namespace {

namespace fs = std::filesystem;

std::string sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i)
    hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

bool isInventoryFile(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".csv";
}

// The files a path names: itself, or a folder's inventory files in name order.
std::vector<std::string> expand(const std::string& path, models::Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec) && isInventoryFile(entry.path())) {
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
                      "no .csv files in this folder (name the inventory files, or the folder that "
                      "holds them)");
  }
  return files;
}

std::optional<std::string> readWholeFile(const std::string& path,
                                         models::Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    diagnostics.error("cannot-read", path, 0,
                      fmt::format("cannot read the file ({})", std::strerror(error)));
    return std::nullopt;
  }
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
  }
  if (!in) {
    diagnostics.error("cannot-read", path, 0, "cannot read the file (a read error)");
    return std::nullopt;
  }
  return text;
}

bool looksLikeXml(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

}  // namespace

models::Inventory readInputs(std::span<const std::string> paths, const ReadOptions& options,
                             models::Diagnostics& diagnostics) {
  InventoryBuilder builder(diagnostics);
  for (const std::string& named : paths) {
    for (const std::string& path : expand(named, diagnostics)) {
      auto text = readWholeFile(path, diagnostics);
      if (!text) continue;
      const uint32_t file = builder.addFile(path, models::InputKind::unknown,
                                            options.hashInputs ? sha256Hex(*text) : std::string());
      stripByteOrderMark(*text);
      if (auto problem = findEncodingProblem(*text)) {
        builder.error({file, problem->line}, problem->code, problem->message);
        continue;
      }
      if (looksLikeXml(*text)) {
        builder.error({file, 1}, "unsupported-format",
                      "this is an XML file (an ArchiMate model?); this version of cloudplan reads "
                      "inventory CSV files only (see docs/inventory-format.md)");
        continue;
      }
      readInventoryCsv(builder, file, std::move(*text));
    }
  }
  return builder.finish();
}

}  // namespace cloudplan::importers
