#include "importers/input_file.h"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "importers/archimate/xml_document.h"
#include "importers/text_encoding.h"

namespace cloudplan::importers {

std::string sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i)
    hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

namespace {

// True when NUL bytes do not (yet) mean a binary file: UTF-16 text, or a zip archive, which the
// callers tell apart with their own messages.
bool mayHoldNul(std::string_view start) {
  return hasUtf16ByteOrderMark(start) || looksLikeUtf16(start) || start.starts_with("PK\x03\x04");
}

std::string tooLargeMessage(const InputAdvice& advice) {
  return fmt::format("the file is larger than {} bytes (1 GiB), the limit of one input ({})",
                     kMaxInputBytes, advice.tooLarge);
}

// Reads `fd` to its end (at most kMaxInputBytes) in chunks, so that a binary file stops at its
// first NUL byte; `size` is the file's size when known (a regular file), 0 otherwise.
std::optional<InputBytes> readDescriptor(int fd, size_t size, const std::string& name,
                                         const InputAdvice& advice,
                                         models::Diagnostics& diagnostics) {
  constexpr size_t kChunk = size_t{1} << 20;
  InputBytes bytes;
  std::string& text = bytes.text;
  // One byte more than the size, to see the end without growing the buffer.
  text.reserve(size + 1);
  std::optional<bool> nulAllowed;
  size_t scanned = 0;
  while (true) {
    const size_t have = text.size();
    const size_t room = text.capacity() > have ? text.capacity() - have : kChunk;
    text.resize(have + std::min(room, kChunk));
    const ssize_t n = ::read(fd, text.data() + have, text.size() - have);
    if (n < 0 && errno == EINTR) {
      text.resize(have);
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // a non-blocking standard input
      text.resize(have);
      pollfd ready{.fd = fd, .events = POLLIN, .revents = 0};
      ::poll(&ready, 1, -1);
      continue;
    }
    if (n < 0) {
      const int error = errno;
      diagnostics.error("cannot-read", name, 0,
                        fmt::format("cannot read the file ({})", std::strerror(error)));
      return std::nullopt;
    }
    text.resize(have + static_cast<size_t>(n));
    if (text.size() > kMaxInputBytes) {
      diagnostics.error("too-large", name, 0, tooLargeMessage(advice));
      return std::nullopt;
    }
    const bool end = n == 0;
    if (!nulAllowed && (text.size() >= 4 || end)) nulAllowed = mayHoldNul(text);
    if (nulAllowed && !*nulAllowed) {
      const void* nul = std::memchr(text.data() + scanned, '\0', text.size() - scanned);
      if (nul) {
        bytes.nulAt = static_cast<size_t>(static_cast<const char*>(nul) - text.data());
        return bytes;
      }
      scanned = text.size();
    }
    if (end) return bytes;
  }
}

// Closes a file descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

void notRegular(const std::string& name, const InputAdvice& advice,
                models::Diagnostics& diagnostics) {
  diagnostics.error("not-a-file", name, 0, fmt::format("not a regular file ({})", advice.notAFile));
}

std::optional<InputBytes> readStandardInput(const InputAdvice& advice,
                                            models::Diagnostics& diagnostics) {
  const std::string name(kStandardInputName);
  struct stat status {};
  if (::fstat(STDIN_FILENO, &status) != 0) {
    const int error = errno;
    diagnostics.error("cannot-read", name, 0,
                      fmt::format("cannot read standard input ({})", std::strerror(error)));
    return std::nullopt;
  }
  if (::isatty(STDIN_FILENO)) {
    diagnostics.error("cannot-read", name, 0,
                      fmt::format("standard input is a terminal ({})", advice.terminal));
    return std::nullopt;
  }
  size_t size = 0;
  if (S_ISREG(status.st_mode)) {
    if (static_cast<uint64_t>(status.st_size) > kMaxInputBytes) {
      diagnostics.error("too-large", name, 0, tooLargeMessage(advice));
      return std::nullopt;
    }
    size = static_cast<size_t>(status.st_size);
  }
  return readDescriptor(STDIN_FILENO, size, name, advice, diagnostics);
}

}  // namespace

std::optional<InputBytes> readInputFile(const std::string& path, const InputAdvice& advice,
                                        models::Diagnostics& diagnostics) {
  if (isStandardInput(path)) return readStandardInput(advice, diagnostics);
  struct stat status {};
  // Before opening: opening a FIFO waits for a writer, and a socket cannot be opened at all.
  if (::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
    notRegular(path, advice, diagnostics);
    return std::nullopt;
  }
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0) {
    const int error = errno;
    diagnostics.error("cannot-read", path, 0,
                      fmt::format("cannot read the file ({})", std::strerror(error)));
    return std::nullopt;
  }
  if (!S_ISREG(status.st_mode)) {  // replaced since stat() looked
    notRegular(path, advice, diagnostics);
    return std::nullopt;
  }
  if (static_cast<uint64_t>(status.st_size) > kMaxInputBytes) {
    diagnostics.error("too-large", path, 0, tooLargeMessage(advice));
    return std::nullopt;
  }
  return readDescriptor(fd.get(), static_cast<size_t>(status.st_size), path, advice, diagnostics);
}

}  // namespace cloudplan::importers
