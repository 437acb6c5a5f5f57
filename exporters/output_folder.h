// The output folder of a run, changed as a whole: every file is written into a staging folder
// inside it and flushed to disk before any is moved into place, under a lock that keeps a second
// cloudplan run out. A manifest records what cloudplan wrote there, so that the files of an earlier
// run that this one did not write are removed and the user's own files are never touched.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "exporters/text_sink.h"
#include "models/output_folder_files.h"

namespace cloudplan::exporters {

// What an output file is part of. A run replaces the kinds it makes (`plan` makes both, `render`
// only views) and leaves the files of other kinds alone: views rendered beside a plan.json keep it.
// `export` writes inventory files, `submit -o` a submission's feedback.
enum class OutputKind { plan, views, inventory, feedback };

// `folder`/`name` as a user reads it: one separator between them, none doubled.
std::string joinPath(std::string_view folder, std::string_view name);

using models::kLockFile;
using models::kManifestFile;
using models::kStagingPrefix;

class OutputFolder {
 public:
  // Creates the folder if it is missing and locks it (a second run is refused at once, naming the
  // pid that holds the lock), then tidies what a killed run left: a staging folder whose files
  // were all written is moved into place, any other is removed, and the temporary files earlier
  // versions left beside their outputs are removed (by their exact names, at the top and in
  // waves/, agencies/ and focus/ only). On refusal returns null and sets `error`.
  static std::unique_ptr<OutputFolder> open(const std::string& folder, std::string& error);
  // The lock is released. A run that did not commit removes its staging folder, and the lock
  // file and the folders that open() created, so that the folder is as it was.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Writes one file into the staging folder and flushes it; may be called from several threads.
  // `name` is relative, '/'-separated ("waves/wave-3.svg"). Returns what went wrong, or "".
  std::string add(std::string_view name, OutputKind kind, std::string_view content);
  // The same for a file rendered piece by piece into the sink as it is written.
  std::string add(std::string_view name, OutputKind kind,
                  const std::function<void(TextSink&)>& render);

  // Moves every added file into place, then removes the files the manifest lists of the kinds in
  // `replaced` that this run did not add. Refuses, changing nothing in the folder, when the place
  // of a file or of a folder on its path holds a folder, a symbolic link or a special file (links
  // inside the output folder are never followed), and, unless `unlisted` says to replace them,
  // when it holds a file that the manifest does not list: one cloudplan did not write (the user's
  // own report.html in -o .). Returns what went wrong, one message each.
  enum class Unlisted { refuse, replace };
  std::vector<std::string> commit(std::span<const OutputKind> replaced,
                                  Unlisted unlisted = Unlisted::refuse);
  // What would keep commit from putting files of these names in place (the same messages), for
  // a command that must know before it does work that cannot be undone (submit).
  std::vector<std::string> obstacles(std::span<const std::string> names,
                                     Unlisted unlisted = Unlisted::refuse) const;

  const std::string& path() const { return folder_; }
  // Whether commit got past the point of no return (some files of the folder may have changed).
  bool committed() const { return committed_; }
  // The files of an earlier run that commit removed, as joinPath(path(), name).
  const std::vector<std::string>& removed() const { return removed_; }

 private:
  struct Staged {
    std::string name;
    OutputKind kind;
  };
  OutputFolder(std::string folder, int lockFd);
  std::string createStaging();

  std::string folder_;
  int lockFd_;
  std::mutex mutex_;  // guards what follows while add() runs on several threads
  std::string staging_;
  std::vector<Staged> staged_;
  std::unordered_set<std::string> names_;   // of staged_
  std::vector<std::string> stagedFolders_;  // made in the staging folder, flushed before commit
  bool failed_ = false;                     // an add() failed: commit replaces nothing
  bool committed_ = false;
  std::vector<std::string> removed_;
  bool lockCreated_ = false;          // the lock file is this run's: it goes if nothing is written
  std::vector<std::string> created_;  // the folders open() made, deepest first: the same
};

}  // namespace cloudplan::exporters
