#include "server/uploaded_files.h"

#include <fmt/format.h>

#include <set>

#include "models/diagnostic.h"

namespace cloudplan::server {
namespace {

constexpr size_t kLongestName = 200;

// The last component of what the client sent (browsers on Windows send C:\...\systems.csv).
std::string baseName(const std::string& sent) {
  const size_t slash = sent.find_last_of("/\\");
  return slash == std::string::npos ? sent : sent.substr(slash + 1);
}

bool isPlainName(const std::string& name) {
  // "-" would be standard input to the importers.
  if (name.empty() || name == "." || name == ".." || name == "-" || name.size() > kLongestName)
    return false;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

std::string sizeText(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

UploadedFiles uploadedFiles(const httplib::Request& request, const PortalLimits& limits) {
  UploadedFiles upload;
  auto refuse = [&](int status, std::string message) {
    upload.files.clear();
    upload.status = status;
    upload.error = std::move(message);
    return upload;
  };
  const auto [first, last] = request.files.equal_range("file");
  const size_t count = static_cast<size_t>(std::distance(first, last));
  if (count > limits.maxFiles) {
    return refuse(413, fmt::format("{} files in one upload; the limit is {} (send at most {} "
                                   "files in one submission)",
                                   count, limits.maxFiles, limits.maxFiles));
  }
  std::set<std::string> names;
  for (auto it = first; it != last; ++it) {
    const httplib::MultipartFormData& part = it->second;
    if (part.filename.empty() && part.content.empty()) continue;  // a form sent with no file
    const std::string name = baseName(part.filename);
    if (!isPlainName(name)) {
      return refuse(400, fmt::format("the file name {} is not one a file can have (rename the "
                                     "file, for example systems.csv)",
                                     models::quoted(part.filename)));
    }
    if (part.content.size() > limits.maxFileBytes) {
      return refuse(413, fmt::format("{} is {}; the limit is {} a file (split the inventory into "
                                     "several files, or ask the national office to raise the "
                                     "limit)",
                                     models::quoted(name), sizeText(part.content.size()),
                                     sizeText(limits.maxFileBytes)));
    }
    if (!names.insert(name).second) {
      return refuse(400, fmt::format("two files are named {} (each file of a submission needs "
                                     "its own name)",
                                     models::quoted(name)));
    }
    upload.files.push_back({name, part.content, {}});
  }
  if (upload.files.empty()) {
    return refuse(400,
                  "no file was sent (choose the inventory's files: CSV, ArchiMate exchange "
                  "XML, an Archi model or Archi's CSV export)");
  }
  return upload;
}

}  // namespace cloudplan::server
