// Reads one file a user names as input, bounded: only a regular file (a FIFO would wait for a
// writer forever, a device never end), of at most kMaxInputBytes, or standard input for `-`.
// The inventory readers and the plan.json reader both read through it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "models/diagnostic.h"

namespace cloudplan::importers {

// The largest input read, in bytes (1 GiB): a national inventory is a few hundred MB, and a larger
// file is refused before it is read rather than allowed to exhaust memory.
inline constexpr uint64_t kMaxInputBytes = uint64_t{1} << 30;

// The name of standard input (named `-`) in messages and in the plan's list of inputs.
inline constexpr std::string_view kStandardInputName = "<stdin>";

inline bool isStandardInput(std::string_view path) {
  return path == "-";
}

// The name a path is reported under: kStandardInputName for `-`.
inline std::string inputName(const std::string& path) {
  return isStandardInput(path) ? std::string(kStandardInputName) : path;
}

// What the messages about a file that cannot be read tell the user to do instead, by what the
// file should have been.
struct InputAdvice {
  std::string_view notAFile;  // for a folder, FIFO or device named where a file belongs
  std::string_view tooLarge;  // for a file over kMaxInputBytes
  std::string_view terminal;  // for `-` when standard input is a terminal
};

inline constexpr InputAdvice kInventoryAdvice{
    .notAFile = "name a file or folder, or - for standard input",
    .tooLarge = "split the inventory into smaller files",
    .terminal =
        "pipe an inventory into cloudplan, as in cloudplan validate - < systems.csv, or "
        "name the file"};

// What a file held, as far as it was read: all of it, or up to the first NUL byte of a file that
// started as text (the rest of a binary file is not worth reading). UTF-16 text and zip archives,
// which hold NUL bytes, are read whole, for the callers to tell apart.
struct InputBytes {
  std::string text;
  std::optional<size_t> nulAt;
};

// The bytes of the file at `path` (standard input for `-`), or nullopt with an error named by
// inputName(path): `not-a-file` (not a regular file), `too-large` (over kMaxInputBytes, told by
// its size before any reading), `cannot-read`.
// The SHA-256 of the bytes, in lower-case hex: what plans and the store record of each input.
std::string sha256Hex(std::string_view bytes);

std::optional<InputBytes> readInputFile(const std::string& path, const InputAdvice& advice,
                                        models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
