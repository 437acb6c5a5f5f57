// One file written whole or not at all: to a temporary file in the same folder, flushed to disk,
// then renamed over the target, so a reader never sees half a file. (`template` writes this way;
// plan and render write their folders as one set through output_folder.h.)
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::exporters {

// Creates missing parent folders. Returns an empty string on success, else what went wrong.
std::string writeFileAtomically(const std::string& path, std::string_view content);

// Writes all of `content` to `fd` and flushes it to disk (a write cut short by a signal goes on).
// Returns 0, or the errno of the failure.
int writeAllDurably(int fd, std::string_view content);

}  // namespace cloudplan::exporters
