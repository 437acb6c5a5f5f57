#include "exporters/atomic_write.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "models/diagnostic.h"

namespace cloudplan::exporters {
namespace {

std::string cannotWrite(const std::string& path, int error) {
  return fmt::format(
      "cannot write {}: {} (check the folder's permissions and free space, or choose another "
      "folder)",
      models::quoted(path), std::strerror(error));
}

// A temporary file beside `path` holding `content`, flushed to disk; "" with `error` set when it
// cannot be written.
std::string writeTemporary(const std::string& path, std::string_view content, std::string& error) {
  std::string temporary = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    error = cannotWrite(path, errno);
    return {};
  }
  // mkstemp makes the file private; the inventory is an ordinary file for whoever fills it in.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  int failed = writeAllDurably(fd, content);
  if (::close(fd) != 0 && failed == 0) failed = errno;
  if (failed != 0) {
    ::unlink(temporary.c_str());
    error = cannotWrite(path, failed);
    return {};
  }
  return temporary;
}

// Puts `temporary` in place as `target`, failing with EEXIST rather than replacing a file: a hard
// link where the file system has them, else a rename that does not replace.
int placeNew(const char* temporary, const char* target) {
  if (::link(temporary, target) == 0) return 0;
  if (errno != EPERM && errno != EOPNOTSUPP && errno != EMLINK) return -1;
  if (::renameat2(AT_FDCWD, temporary, AT_FDCWD, target, RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL) return -1;
  struct stat st;  // no way to refuse atomically here: the check comes just before
  if (::lstat(target, &st) == 0) {
    errno = EEXIST;
    return -1;
  }
  return ::rename(temporary, target);
}

}  // namespace

std::string writeFilesTogether(std::span<const FileToWrite> files, bool replace) {
  namespace fs = std::filesystem;
  std::vector<std::string> temporaries;
  auto removeTemporaries = [&] {
    for (const std::string& temporary : temporaries)
      ::unlink(temporary.c_str());
  };
  std::vector<std::string> folders;
  for (const FileToWrite& file : files) {
    const fs::path parent = fs::path(file.path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      fs::create_directories(parent, ec);
      if (ec) {
        removeTemporaries();
        return fmt::format(
            "cannot create the folder {}: {} (check its permissions, or choose "
            "another folder)",
            models::quoted(parent.string()), ec.message());
      }
    }
    folders.push_back(parent.empty() ? "." : parent.string());
    std::string error;
    temporaries.push_back(writeTemporary(file.path, file.content, error));
    if (!error.empty()) {
      temporaries.pop_back();
      removeTemporaries();
      return error;
    }
  }
  // Every file is on disk: now each goes into place, and a failure undoes those before it.
  // Exchanged, a temporary holds the file it replaced until the end.
  enum class Done { linked, exchanged };
  std::vector<Done> done;
  for (size_t i = 0; i < files.size(); ++i) {
    const char* target = files[i].path.c_str();
    const char* temporary = temporaries[i].c_str();
    if (placeNew(temporary, target) == 0) {
      done.push_back(Done::linked);
      continue;
    }
    int failed = errno;
    struct stat st;
    if (failed == EEXIST && replace) {
      // Only a file is exchanged: a folder that took its place meanwhile stays where it is.
      if (::lstat(target, &st) != 0 || !S_ISREG(st.st_mode)) {
        failed = EISDIR;
      } else if (::renameat2(AT_FDCWD, temporary, AT_FDCWD, target, RENAME_EXCHANGE) == 0) {
        done.push_back(Done::exchanged);
        continue;
      } else {
        failed = errno;
      }
    }
    for (size_t j = done.size(); j-- > 0;) {
      if (done[j] == Done::linked) {
        ::unlink(files[j].path.c_str());
      } else {
        ::renameat2(AT_FDCWD, temporaries[j].c_str(), AT_FDCWD, files[j].path.c_str(),
                    RENAME_EXCHANGE);
      }
    }
    removeTemporaries();
    if (failed == EEXIST) {
      return fmt::format(
          "{} appeared while the others were written (use --force to replace it, or choose "
          "another folder)",
          models::quoted(files[i].path));
    }
    return cannotWrite(files[i].path, failed);
  }
  removeTemporaries();
  for (const std::string& folder : folders) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      ::fsync(fd);
      ::close(fd);
    }
  }
  return {};
}

int writeAll(int fd, std::string_view content) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, p, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += written;
    left -= static_cast<size_t>(written);
  }
  return 0;
}

int writeAllDurably(int fd, std::string_view content) {
  if (const int error = writeAll(fd, content)) return error;
  return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace cloudplan::exporters
