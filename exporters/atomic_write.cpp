#include "exporters/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace cloudplan::exporters {

std::string writeFileAtomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec)
      return "cannot create the folder " + target.parent_path().string() + ": " + ec.message();
  }
  std::string temporary = path + ".tmp-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return "cannot create " + temporary + ": " + std::strerror(errno);
  // mkstemp makes the file private; outputs are ordinary files for whoever reads the plan.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  // Flushed before the rename, so that a crash leaves the old file or the new one, never an empty
  // one under the target's name.
  if (const int error = writeAllDurably(fd, content); error != 0) {
    ::close(fd);
    ::unlink(temporary.c_str());
    return "cannot write " + path + ": " + std::strerror(error);
  }
  if (::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    ::unlink(temporary.c_str());
    return "cannot write " + path + ": " + error;
  }
  return {};
}

int writeAllDurably(int fd, std::string_view content) {
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
  return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace cloudplan::exporters
