#include "exporters/output_folder.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_set>

#include "exporters/atomic_write.h"
#include "models/diagnostic.h"

namespace cloudplan::exporters {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPlanJson = "plan.json";

constexpr std::string_view kManifestHeader =
    "# cloudplan: the files its runs wrote in this folder; a later run removes those it does not "
    "write again\n";

constexpr std::pair<OutputKind, std::string_view> kKindNames[] = {
    {OutputKind::plan, "plan"},
    {OutputKind::views, "views"},
    {OutputKind::inventory, "inventory"},
    {OutputKind::feedback, "feedback"}};

std::string_view kindName(OutputKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "plan";
}

// Relative, '/'-separated, every part a plain name: nothing that could climb out of the folder,
// and nothing that could be mistaken for cloudplan's own files or break a manifest line.
bool isPlainName(std::string_view name) {
  if (name.empty() || name.find_first_of(std::string_view("\0\t\n\r", 4)) != name.npos)
    return false;
  if (name.substr(0, 11) == ".cloudplan-") return false;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t slash = std::min(name.find('/', start), name.size());
    const std::string_view part = name.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = slash + 1;
  }
  return true;
}

// The folders on the way to `name`: "waves/x/a.svg" gives "waves", "waves/x".
std::vector<std::string> parentsOf(std::string_view name) {
  std::vector<std::string> parents;
  for (size_t slash = name.find('/'); slash != name.npos; slash = name.find('/', slash + 1))
    parents.emplace_back(name.substr(0, slash));
  return parents;
}

enum class Place { absent, folder, file, link, other };

Place placeOf(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return Place::absent;
  if (S_ISLNK(st.st_mode)) return Place::link;
  if (S_ISDIR(st.st_mode)) return Place::folder;
  if (S_ISREG(st.st_mode)) return Place::file;
  return Place::other;
}

std::string linkRefused(const std::string& path) {
  return fmt::format(
      "{} is a symbolic link; cloudplan does not follow links inside its output folder (remove "
      "the link, or choose another folder)",
      models::quoted(path));
}

// Why `name` cannot be written in `folder` without following a link or replacing something that
// is not a file cloudplan could have written; "" when it can.
std::string obstacleTo(const std::string& folder, std::string_view name) {
  for (const std::string& parent : parentsOf(name)) {
    const std::string path = joinPath(folder, parent);
    switch (placeOf(path)) {
      case Place::absent:
        return {};
      case Place::folder:
        continue;
      case Place::link:
        return linkRefused(path);
      default:
        return fmt::format(
            "{} is a file where cloudplan writes a folder (move it away, or choose another folder)",
            models::quoted(path));
    }
  }
  const std::string path = joinPath(folder, name);
  switch (placeOf(path)) {
    case Place::absent:
    case Place::file:
      return {};
    case Place::link:
      return linkRefused(path);
    case Place::folder:
      return fmt::format(
          "{} is a folder where cloudplan writes a file (move it away, or choose another folder)",
          models::quoted(path));
    case Place::other:
      break;
  }
  return fmt::format(
      "{} is not a regular file, and cloudplan writes a file there (move it away, or choose "
      "another folder)",
      models::quoted(path));
}

// A regular file reached through real folders only: one cloudplan may remove or keep listing.
bool isPlainFile(const std::string& folder, std::string_view name) {
  for (const std::string& parent : parentsOf(name)) {
    if (placeOf(joinPath(folder, parent)) != Place::folder) return false;
  }
  return placeOf(joinPath(folder, name)) == Place::file;
}

std::string errnoText() {
  return std::strerror(errno);
}

// The fix for a failed write or rename: what the system said is almost always one of these.
constexpr std::string_view kCheckTheDisk =
    "check the free space and the folder's permissions, or choose another folder";

// Flushes a folder's entries to disk. Some file systems cannot sync a folder (EINVAL): their
// renames are as durable as they get.
std::string syncFolder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return fmt::format("cannot open {}: {} ({})", models::quoted(path), errnoText(), kCheckTheDisk);
  }
  std::string error;
  if (::fsync(fd) != 0 && errno != EINVAL) {
    error = fmt::format("cannot flush {} to disk: {} (check the disk, then run cloudplan again)",
                        models::quoted(path), errnoText());
  }
  ::close(fd);
  return error;
}

// Writes a new file through a sink and flushes it to disk; `shown` is the name its errors give.
std::string writeDurably(const std::string& path, const std::function<void(TextSink&)>& render,
                         const std::string& shown) {
  // 0666 less the umask: outputs are ordinary files for whoever reads the plan.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  int error = fd < 0 ? errno : 0;
  if (fd >= 0) {
    TextSink sink([&](std::string_view text) { return (error = writeAll(fd, text)) == 0; });
    try {
      render(sink);
    } catch (...) {
      ::close(fd);  // the caller marks the folder failed: the partial file is never committed
      throw;
    }
    if (sink.flush() && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
  }
  if (error == 0) return {};
  return fmt::format("cannot write {}: {} ({})", models::quoted(shown), std::strerror(error),
                     kCheckTheDisk);
}

struct ManifestEntry {
  OutputKind kind;
  std::string name;
};

// Lines "KIND<tab>NAME"; anything else (a damaged or hand-edited line) is ignored, so a manifest
// can never name a file outside the folder.
std::vector<ManifestEntry> readManifest(const std::string& path) {
  std::vector<ManifestEntry> entries;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab == line.npos) continue;
    const std::string_view kind = std::string_view(line).substr(0, tab);
    const std::string name = line.substr(tab + 1);
    if (!isPlainName(name)) continue;
    for (const auto& [k, known] : kKindNames) {
      if (kind == known) entries.push_back({k, name});
    }
  }
  return entries;
}

std::string manifestText(std::vector<ManifestEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const ManifestEntry& a, const ManifestEntry& b) { return a.name < b.name; });
  std::string text(kManifestHeader);
  for (const ManifestEntry& entry : entries) {
    text += fmt::format("{}\t{}\n", kindName(entry.kind), entry.name);
  }
  return text;
}

// Makes the folders on the way to `name` in `folder`, refusing to pass through a link.
std::string makeParents(const std::string& folder, std::string_view name,
                        std::set<std::string>& touched) {
  for (const std::string& parent : parentsOf(name)) {
    const std::string path = joinPath(folder, parent);
    if (::mkdir(path.c_str(), 0777) == 0) {
      touched.insert(fs::path(path).parent_path().string());
      continue;
    }
    if (errno != EEXIST) {
      return fmt::format("cannot create the folder {}: {} ({})", models::quoted(path), errnoText(),
                         kCheckTheDisk);
    }
    const Place place = placeOf(path);
    if (place == Place::link) return linkRefused(path);
    if (place != Place::folder) return obstacleTo(folder, name);
  }
  return {};
}

// The second half of a run, from a staging folder whose manifest is written: moves its files
// into place, removes the files of the folder's manifest that the new one does not list, and
// puts the new manifest in place. Every step can be done again, so a run killed half-way through
// is finished by the next one. Returns what went wrong; the staging folder is then kept.
std::vector<std::string> moveIntoPlace(const std::string& folder, const std::string& staging,
                                       std::vector<std::string>& removed) {
  std::vector<std::string> errors;
  const std::string stagedManifest = joinPath(staging, kManifestFile);
  const std::string manifest = joinPath(folder, kManifestFile);
  const auto entries = readManifest(stagedManifest);
  std::set<std::string> touched{folder};
  std::unordered_set<std::string> listed;
  for (const ManifestEntry& entry : entries)
    listed.insert(entry.name);
  auto moveOne = [&](const ManifestEntry& entry) {
    const std::string source = joinPath(staging, entry.name);
    if (placeOf(source) != Place::file) return;  // kept from an earlier run, or moved already
    if (std::string error = makeParents(folder, entry.name, touched); !error.empty()) {
      errors.push_back(std::move(error));
      return;
    }
    const std::string target = joinPath(folder, entry.name);
    if (::rename(source.c_str(), target.c_str()) != 0) {
      errors.push_back(fmt::format("cannot move {} into place: {} ({})", models::quoted(target),
                                   errnoText(), kCheckTheDisk));
      return;
    }
    touched.insert(fs::path(target).parent_path().string());
  };
  auto syncTouched = [&] {
    for (const std::string& path : touched) {
      struct stat st;  // followed: the output folder itself may be a link
      if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;  // emptied, removed
      if (std::string error = syncFolder(path); !error.empty()) errors.push_back(std::move(error));
    }
    touched.clear();
  };
  // plan.json, what `render` and `explain` read, goes last, once every other file of its run is
  // in place, those of the earlier run are removed, and all of that is on disk: a plan.json that
  // is new means the whole set is.
  const auto isPlanJson = [](const ManifestEntry& entry) { return entry.name == kPlanJson; };
  for (const ManifestEntry& entry : entries) {
    if (!isPlanJson(entry)) moveOne(entry);
  }
  for (const ManifestEntry& old : readManifest(manifest)) {
    if (listed.contains(old.name) || !isPlainFile(folder, old.name)) continue;
    const std::string path = joinPath(folder, old.name);
    if (::unlink(path.c_str()) != 0) continue;
    removed.push_back(path);
    touched.insert(fs::path(path).parent_path().string());
    // The folders that held only files of the earlier run go with them.
    auto parents = parentsOf(old.name);
    for (auto parent = parents.rbegin(); parent != parents.rend(); ++parent) {
      const std::string emptied = joinPath(folder, *parent);
      if (::rmdir(emptied.c_str()) != 0) break;
      touched.erase(emptied);
      touched.insert(fs::path(emptied).parent_path().string());
    }
  }
  syncTouched();
  if (!errors.empty()) return errors;
  for (const ManifestEntry& entry : entries) {
    if (isPlanJson(entry)) moveOne(entry);
  }
  touched.insert(folder);
  syncTouched();
  if (!errors.empty()) return errors;
  if (::rename(stagedManifest.c_str(), manifest.c_str()) != 0) {
    return {fmt::format("cannot write {}: {} ({})", models::quoted(manifest), errnoText(),
                        kCheckTheDisk)};
  }
  if (std::string error = syncFolder(folder); !error.empty()) return {error};
  std::error_code ec;
  fs::remove_all(staging, ec);
  return {};
}

// The temporary files of earlier versions of cloudplan, which wrote each output beside its target
// as NAME.tmp-XXXXXX (mkstemp's six letters and digits): only these exact names are removed, so
// that another program's temporary files in the folder are never touched.
bool isTemporaryOf(std::string_view name, std::string_view target) {
  if (!name.starts_with(target) || name.size() != target.size() + 11) return false;
  const std::string_view suffix = name.substr(target.size());
  return suffix.starts_with(".tmp-") && std::all_of(suffix.begin() + 5, suffix.end(),
                                                    [](char c) { return std::isalnum(c & 0xff); });
}

// The outputs those versions wrote at the top of the folder.
constexpr std::string_view kOldOutputs[] = {"plan.json",          "schedule.csv", "waves.csv",
                                            "plan.archimate.xml", "overview.svg", "overview.png",
                                            "overview.pdf",       "schedule.svg", "report.html"};

bool isOldTemporaryAtTop(std::string_view name) {
  return std::any_of(std::begin(kOldOutputs), std::end(kOldOutputs),
                     [&](std::string_view output) { return isTemporaryOf(name, output); });
}

// In waves/, agencies/ and focus/ they wrote diagrams: NAME.svg, NAME.png or NAME.pdf.
bool isOldDiagramTemporary(std::string_view name) {
  if (name.size() <= 11) return false;
  const std::string_view target = name.substr(0, name.size() - 11);
  for (std::string_view extension : {".svg", ".png", ".pdf"}) {
    if (target.size() > extension.size() && target.ends_with(extension))
      return isTemporaryOf(name, target);
  }
  return false;
}

// Removes the regular files directly in `folder` (not in its subfolders, and not through a link)
// whose names `matches` picks.
void removeFilesIn(const std::string& folder, bool (*matches)(std::string_view)) {
  if (placeOf(folder) != Place::folder) return;
  std::error_code ec;
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (matches(name) && placeOf(joinPath(folder, name)) == Place::file) found.push_back(name);
  }
  for (const std::string& name : found)
    ::unlink(joinPath(folder, name).c_str());
}

// Tidies what killed runs left; called with the lock held, so no run is writing them.
std::string tidy(const std::string& folder) {
  std::error_code ec;
  std::vector<std::string> stagings;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().filename().string().starts_with(kStagingPrefix)) {
      stagings.push_back(entry.path().string());
    }
  }
  std::sort(stagings.begin(), stagings.end());
  for (const std::string& staging : stagings) {
    if (placeOf(staging) == Place::folder &&
        placeOf(joinPath(staging, kManifestFile)) == Place::file) {
      std::vector<std::string> removed;
      const auto errors = moveIntoPlace(folder, staging, removed);
      if (!errors.empty()) {
        return fmt::format(
            "cannot finish the run that was stopped while replacing the files of {}: {}",
            models::quoted(folder), errors.front());
      }
      continue;
    }
    fs::remove_all(staging, ec);
  }
  removeFilesIn(folder, isOldTemporaryAtTop);
  for (std::string_view subfolder : {"waves", "agencies", "focus"})
    removeFilesIn(joinPath(folder, subfolder), isOldDiagramTemporary);
  return {};
}

// Removes the folders a run created, deepest first, as long as they are empty.
void removeCreated(const std::vector<std::string>& created) {
  for (const std::string& path : created) {
    if (::rmdir(path.c_str()) != 0) break;
  }
}

}  // namespace

std::string joinPath(std::string_view folder, std::string_view name) {
  std::string path(folder);
  while (path.size() > 1 && path.back() == '/')
    path.pop_back();
  if (path.empty()) return std::string(name);
  if (name.empty()) return path;
  if (path != "/") path += '/';
  return path.append(name);
}

// Opens the lock file of `folder`, creating it if missing; `created` says whether this call did.
// Returns -1 with errno set on failure.
int openLockFile(const std::string& lockPath, bool& created) {
  for (;;) {
    int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd >= 0) {
      created = true;
      return fd;
    }
    if (errno != EEXIST) return -1;
    fd = ::open(lockPath.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0 || errno != ENOENT) {
      created = false;
      return fd;
    }
    // Removed in between by a run that created it and failed: create it again.
  }
}

// Whether `fd` is still the file at `path`: a run that created the lock file removes it when it
// fails, so a lock taken on the removed file would lock nothing.
bool isStillAt(int fd, const std::string& path) {
  struct stat opened, named;
  return ::fstat(fd, &opened) == 0 && ::lstat(path.c_str(), &named) == 0 &&
         opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

std::unique_ptr<OutputFolder> OutputFolder::open(const std::string& folder, std::string& error) {
  // The folders this run creates, deepest first: a run that writes nothing removes them again.
  std::vector<std::string> created;
  struct stat st;
  if (::stat(folder.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      error =
          fmt::format("{} is not a folder (name a folder for the outputs)", models::quoted(folder));
      return nullptr;
    }
  } else {
    for (fs::path missing = fs::path(folder).lexically_normal(); !missing.empty();
         missing = missing.parent_path()) {
      if (missing.filename().empty()) missing = missing.parent_path();  // "out/" is "out"
      if (missing.empty() || ::lstat(missing.c_str(), &st) == 0) break;
      created.push_back(missing.string());
      if (missing == missing.parent_path()) break;
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
      error = fmt::format("cannot create the folder {}: {} ({})", models::quoted(folder),
                          ec.message(), kCheckTheDisk);
      return nullptr;
    }
  }
  const std::string lockPath = joinPath(folder, kLockFile);
  for (;;) {
    bool lockCreated = false;
    const int fd = openLockFile(lockPath, lockCreated);
    if (fd < 0) {
      error = errno == ELOOP ? linkRefused(lockPath)
                             : fmt::format("cannot lock {}: {} ({})", models::quoted(folder),
                                           errnoText(), kCheckTheDisk);
      removeCreated(created);
      return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const bool held = errno == EWOULDBLOCK;
      std::string holder;
      if (held) {
        char text[32] = {};
        const ssize_t length = ::pread(fd, text, sizeof text - 1, 0);
        long pid = 0;
        if (length > 0 && std::from_chars(text, text + length, pid).ec == std::errc() && pid > 0) {
          holder = fmt::format(" (pid {})", pid);
        }
      }
      error = held ? fmt::format(
                         "{} is being written by another cloudplan run{}; wait for it to finish, "
                         "or choose another folder",
                         models::quoted(folder), holder)
                   : fmt::format("cannot lock {}: {} ({})", models::quoted(folder), errnoText(),
                                 kCheckTheDisk);
      ::close(fd);
      return nullptr;
    }
    if (!isStillAt(fd, lockPath)) {
      ::close(fd);
      continue;
    }
    // Who holds the lock, for the message a second run prints; should this fail, only that
    // message lacks the pid.
    const std::string pid = fmt::format("{}\n", ::getpid());
    [[maybe_unused]] const bool recorded =
        ::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.data(), pid.size(), 0) > 0;
    std::unique_ptr<OutputFolder> opened(new OutputFolder(folder, fd));
    opened->lockCreated_ = lockCreated;
    opened->created_ = std::move(created);
    if (std::string tidied = tidy(folder); !tidied.empty()) {
      error = std::move(tidied);
      return nullptr;
    }
    return opened;
  }
}

OutputFolder::OutputFolder(std::string folder, int lockFd)
    : folder_(std::move(folder)), lockFd_(lockFd) {}

OutputFolder::~OutputFolder() {
  if (!committed_) {
    std::error_code ec;
    if (!staging_.empty()) fs::remove_all(staging_, ec);
    // A run that changed nothing leaves no trace: the lock file it made goes (while still
    // locked, so no other run can be using it), then the folders it made, if they are empty.
    if (lockCreated_) ::unlink(joinPath(folder_, kLockFile).c_str());
  }
  ::close(lockFd_);
  if (!committed_) removeCreated(created_);
}

std::string OutputFolder::createStaging() {
  std::string pattern = joinPath(folder_, std::string(kStagingPrefix) + "XXXXXX");
  if (::mkdtemp(pattern.data()) == nullptr) {
    return fmt::format("cannot write in {}: {} ({})", models::quoted(folder_), errnoText(),
                       kCheckTheDisk);
  }
  staging_ = std::move(pattern);
  return {};
}

std::string OutputFolder::add(std::string_view name, OutputKind kind, std::string_view content) {
  return add(name, kind, [content](TextSink& sink) { sink.write(content); });
}

std::string OutputFolder::add(std::string_view name, OutputKind kind,
                              const std::function<void(TextSink&)>& render) {
  const std::string shown = joinPath(folder_, name);
  std::string path;
  {
    std::lock_guard lock(mutex_);
    if (!isPlainName(name)) {
      failed_ = true;
      return fmt::format("cannot write {}: not a plain file name", models::quoted(shown));
    }
    if (staging_.empty()) {
      if (std::string error = createStaging(); !error.empty()) {
        failed_ = true;
        return error;
      }
    }
    if (!names_.insert(std::string(name)).second) {
      failed_ = true;
      return fmt::format("cannot write {} twice in one run", models::quoted(shown));
    }
    for (const std::string& parent : parentsOf(name)) {
      const std::string stagedFolder = joinPath(staging_, parent);
      if (::mkdir(stagedFolder.c_str(), 0777) == 0) {
        stagedFolders_.push_back(stagedFolder);
      } else if (errno != EEXIST) {
        failed_ = true;
        return fmt::format("cannot write {}: {} ({})", models::quoted(shown), errnoText(),
                           kCheckTheDisk);
      }
    }
    staged_.push_back({std::string(name), kind});
    path = joinPath(staging_, name);
  }
  std::string error;
  try {
    error = writeDurably(path, render, shown);
  } catch (...) {
    std::lock_guard lock(mutex_);
    failed_ = true;
    throw;
  }
  if (!error.empty()) {
    std::lock_guard lock(mutex_);
    failed_ = true;
  }
  return error;
}

std::vector<std::string> OutputFolder::obstacles(std::span<const std::string> names,
                                                 Unlisted unlisted) const {
  const auto listed = readManifest(joinPath(folder_, kManifestFile));
  std::unordered_set<std::string> listedNames;
  for (const ManifestEntry& entry : listed)
    listedNames.insert(entry.name);
  std::vector<std::string> errors;
  for (const std::string& name : names) {
    // One message for each obstacle, not for each of the files behind it.
    std::string error = obstacleTo(folder_, name);
    if (error.empty() && unlisted == Unlisted::refuse && !listedNames.contains(name) &&
        isPlainFile(folder_, name)) {
      error = fmt::format(
          "{} exists and cloudplan did not write it (move it away, or use --force to replace it)",
          models::quoted(joinPath(folder_, name)));
    }
    if (!error.empty() && std::find(errors.begin(), errors.end(), error) == errors.end()) {
      errors.push_back(std::move(error));
    }
  }
  return errors;
}

std::vector<std::string> OutputFolder::commit(std::span<const OutputKind> replaced,
                                              Unlisted unlisted) {
  std::lock_guard lock(mutex_);
  if (failed_ || committed_) {
    return {
        fmt::format("nothing replaced in {}: not every file was written", models::quoted(folder_))};
  }
  if (staging_.empty()) {
    if (std::string error = createStaging(); !error.empty()) return {error};
  }
  // By name, so that messages come in the same order whichever thread staged its file first.
  std::sort(staged_.begin(), staged_.end(),
            [](const Staged& a, const Staged& b) { return a.name < b.name; });
  std::vector<std::string> names;
  for (const Staged& file : staged_)
    names.push_back(file.name);
  std::vector<std::string> errors = obstacles(names, unlisted);
  const auto listed = readManifest(joinPath(folder_, kManifestFile));
  if (!errors.empty()) return errors;
  // Deepest first, so that each folder's entry in its parent is flushed after its own entries.
  std::sort(stagedFolders_.begin(), stagedFolders_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& path : stagedFolders_) {
    if (std::string error = syncFolder(path); !error.empty()) return {error};
  }
  std::vector<ManifestEntry> entries;
  for (const Staged& file : staged_)
    entries.push_back({file.kind, file.name});
  for (const ManifestEntry& old : listed) {
    const bool replacedKind =
        std::find(replaced.begin(), replaced.end(), old.kind) != replaced.end();
    if (!replacedKind && !names_.contains(old.name) && isPlainFile(folder_, old.name)) {
      entries.push_back(old);
    }
  }
  // The staged manifest, written whole and flushed, is the point of no return: from here on a
  // run that is stopped is finished by the next run in this folder.
  const std::string manifest = joinPath(staging_, kManifestFile);
  const std::string draft = manifest + ".draft";
  const std::string text = manifestText(std::move(entries));
  if (std::string error = writeDurably(
          draft, [&](TextSink& sink) { sink.write(text); }, manifest);
      !error.empty()) {
    return {error};
  }
  if (::rename(draft.c_str(), manifest.c_str()) != 0) {
    return {fmt::format("cannot write {}: {} ({})", models::quoted(manifest), errnoText(),
                        kCheckTheDisk)};
  }
  if (std::string error = syncFolder(staging_); !error.empty()) return {error};
  committed_ = true;
  errors = moveIntoPlace(folder_, staging_, removed_);
  if (!errors.empty()) {
    errors.push_back(
        fmt::format("some files of {} are replaced and some are not; run cloudplan again to finish",
                    models::quoted(folder_)));
  }
  return errors;
}

}  // namespace cloudplan::exporters
