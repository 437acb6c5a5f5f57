#include "store/file_compression.h"

#include <zlib.h>

namespace cloudplan::store {

// Compressed only when it saves a tenth: a zip or an image gains nothing but the cost. Level 1:
// CSV shrinks nearly as well as at the default level, three times as fast.
std::optional<std::string> compressed(const std::string& bytes) {
  uLongf size = compressBound(bytes.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(bytes.data()), bytes.size(), Z_BEST_SPEED) != Z_OK) {
    return std::nullopt;
  }
  if (size > bytes.size() / 10 * 9) return std::nullopt;
  out.resize(size);
  return out;
}

std::optional<std::string> storedBytes(std::string_view compression, const void* content,
                                       size_t size, uint64_t bytes, uint64_t maxBytes) {
  if (bytes > maxBytes) return std::nullopt;
  if (compression == "none") {
    if (size != bytes) return std::nullopt;
    return std::string(static_cast<const char*>(content), size);
  }
  if (compression != "zlib") return std::nullopt;
  std::string out(bytes, '\0');
  uLongf length = bytes;
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &length, static_cast<const Bytef*>(content),
                 size) != Z_OK ||
      length != bytes) {
    return std::nullopt;
  }
  return out;
}

}  // namespace cloudplan::store
