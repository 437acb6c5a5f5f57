// The zlib compression of the files the store keeps whole (a submission's, a plan's): the same
// rule for both, so that a file is stored as `none` or `zlib` and read back byte for byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudplan::store {

// The bytes compressed, or nullopt when compression would not pay (the file is then stored as
// it is, `none`).
std::optional<std::string> compressed(const std::string& bytes);

// A stored file's bytes: `content` as stored under `compression` ("none" or "zlib"), which must
// come to `bytes` bytes; nullopt when it does not, the compression is another, or `bytes` is
// over `maxBytes` (a damaged row may claim any size).
std::optional<std::string> storedBytes(std::string_view compression, const void* content,
                                       size_t size, uint64_t bytes, uint64_t maxBytes);

}  // namespace cloudplan::store
