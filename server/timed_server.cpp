#include "server/timed_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace cloudplan::server {
namespace {

using Clock = std::chrono::steady_clock;

// Whether the socket can be read (or written) within `wait`.
bool ready(socket_t sock, short events, Clock::duration wait) {
  if (wait <= Clock::duration::zero()) return false;
  const auto milliseconds = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
  pollfd fd{sock, events, 0};
  int result = 0;
  do {
    result = ::poll(&fd, 1, static_cast<int>(std::min<long long>(milliseconds, INT_MAX)));
  } while (result < 0 && errno == EINTR);
  return result > 0;
}

void addressOf(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? ::getpeername(sock, raw, &length) : ::getsockname(sock, raw, &length)) != 0) return;
  std::array<char, NI_MAXHOST> host{};
  std::array<char, NI_MAXSERV> service{};
  if (::getnameinfo(raw, length, host.data(), host.size(), service.data(), service.size(),
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host.data();
    port = std::atoi(service.data());
  }
}

// One request's stream: each read and write waits at most `each`, and all the reads of the
// request end by `whole` after it began, all the writes of its answer `whole` after the first.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, Clock::duration eachRead, Clock::duration eachWrite,
                 Clock::duration whole)
      : sock_(sock),
        eachRead_(eachRead),
        eachWrite_(eachWrite),
        whole_(whole),
        readBy_(Clock::now() + whole) {}

  bool is_readable() const override { return ready(sock_, POLLIN, left(eachRead_, readBy_)); }

  bool is_writable() const override {
    if (!writeBy_) writeBy_ = Clock::now() + whole_;
    return ready(sock_, POLLOUT, left(eachWrite_, *writeBy_));
  }

  ssize_t read(char* ptr, size_t size) override {
    if (offset_ < filled_) return copyOut(ptr, size);
    if (!is_readable()) return -1;
    if (size >= buffer_.size()) return receive(ptr, size);
    const ssize_t received = receive(buffer_.data(), buffer_.size());
    if (received <= 0) return received;
    offset_ = 0;
    filled_ = static_cast<size_t>(received);
    return copyOut(ptr, size);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent = 0;
    do {
      sent = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    addressOf(sock_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    addressOf(sock_, false, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  static Clock::duration left(Clock::duration each, Clock::time_point by) {
    return std::min(each, by - Clock::now());
  }

  ssize_t receive(char* ptr, size_t size) {
    ssize_t received = 0;
    do {
      received = ::recv(sock_, ptr, size, 0);
    } while (received < 0 && errno == EINTR);
    return received;
  }

  ssize_t copyOut(char* ptr, size_t size) {
    const size_t count = std::min(size, filled_ - offset_);
    std::memcpy(ptr, buffer_.data() + offset_, count);
    offset_ += count;
    return static_cast<ssize_t>(count);
  }

  socket_t sock_;
  Clock::duration eachRead_, eachWrite_, whole_;
  Clock::time_point readBy_;
  mutable std::optional<Clock::time_point> writeBy_;
  std::array<char, 4096> buffer_{};
  size_t offset_ = 0;
  size_t filled_ = 0;
};

Clock::duration durationOf(time_t seconds, time_t microseconds) {
  return std::chrono::seconds(seconds) + std::chrono::microseconds(microseconds);
}

}  // namespace

// As httplib's own: the requests of a keep-alive connection, each awaited no longer than the
// keep-alive timeout, at most keep_alive_max_count of them.
bool TimedServer::process_and_close_socket(socket_t sock) {
  bool served = false;
  for (size_t count = keep_alive_max_count_; count > 0 && svr_sock_ != INVALID_SOCKET; --count) {
    if (!ready(sock, POLLIN, std::chrono::seconds(keep_alive_timeout_sec_))) break;
    DeadlineStream stream(sock, durationOf(read_timeout_sec_, read_timeout_usec_),
                          durationOf(write_timeout_sec_, write_timeout_usec_), deadline_);
    bool closed = false;
    served = process_request(stream, count == 1, closed, nullptr);
    if (!served || closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

}  // namespace cloudplan::server
