// Files written whole or not at all, as one set: each to a temporary file in its folder, flushed
// to disk, then put in place, so a reader never sees half a file and a failure leaves the folder
// as it was. (`template` writes this way; plan and render write their folders as one set through
// output_folder.h.)
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cloudplan::exporters {

struct FileToWrite {
  std::string path;
  std::string_view content;
};

// Writes every file, or none: creates missing parent folders, writes and flushes each to a
// temporary file beside its target, then puts each in place. A target that exists is replaced
// only with `replace`; without it a file that appears meanwhile is not written over (each is
// linked into place, which fails on an existing name). With it each is exchanged with the file
// it replaces, so that a failure part-way puts the old ones back. Returns what went wrong, or "".
std::string writeFilesTogether(std::span<const FileToWrite> files, bool replace);

// Writes all of `content` to `fd` (a write cut short by a signal goes on). Returns 0, or the
// errno of the failure.
int writeAll(int fd, std::string_view content);

// Writes all of `content` to `fd` and flushes it to disk (a write cut short by a signal goes on).
// Returns 0, or the errno of the failure.
int writeAllDurably(int fd, std::string_view content);

}  // namespace cloudplan::exporters
