// Reads the JSON of a plan.json that `cloudplan plan` wrote, for the commands that work from a
// plan (render, explain), under a nesting limit: the text is untrusted, and nlohmann's copy, dump
// and comparison recurse once per level (an array nested 50,000 deep overflowed the stack).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "models/diagnostic.h"

namespace cloudplan::importers {

// cloudplan writes plan.json five levels deep (move_groups[k].links[j].from); a file nested deeper
// than this is not one it wrote.
inline constexpr size_t kMostPlanJsonDepth = 32;

// The plan's JSON from `text`, or nullopt with an error (code `not-a-plan`, at the line where
// the text stops being JSON or nests too deep) when it is not JSON, nests deeper than
// kMostPlanJsonDepth, is not an object or is not a cloudplan plan. `path` names it in messages.
std::optional<nlohmann::ordered_json> parsePlanJson(std::string_view text, const std::string& path,
                                                    models::Diagnostics& diagnostics);

// The same from the file at `path` (standard input for `-`), read as readInputFile reads it:
// `not-a-file`, `too-large` or `cannot-read` when it cannot be read, `not-a-plan` for a NUL byte.
// With `sha256`, sets it to the SHA-256 of the file's bytes (a re-plan records its baseline's).
std::optional<nlohmann::ordered_json> readPlanJson(const std::string& path,
                                                   models::Diagnostics& diagnostics,
                                                   std::string* sha256 = nullptr);

}  // namespace cloudplan::importers
