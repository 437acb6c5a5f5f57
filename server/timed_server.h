// An httplib::Server whose requests must arrive, and whose answers must leave, within a time.
// httplib 0.11.4 times each read and write alone: a client that sends a byte every few seconds
// held a worker for as long as it liked, and a few such clients held them all. This one reads
// and writes a connection's requests through a stream that also keeps a deadline for the whole
// request and for the whole answer.
#pragma once

#include <httplib.h>

#include <chrono>

namespace cloudplan::server {

class TimedServer : public httplib::Server {
 public:
  // Both deadlines; httplib's own read and write timeouts still bound each read and write.
  void set_request_deadline(std::chrono::seconds deadline) { deadline_ = deadline; }

 private:
  bool process_and_close_socket(socket_t sock) override;

  std::chrono::seconds deadline_{30};
};

}  // namespace cloudplan::server
