// Text written in pieces to where it goes: kept whole in a string, or handed on (to a file) once
// a piece is done and a chunk's worth is buffered, so that the plan.json of 10^6 systems (900 MB)
// never exists whole in memory. Writers append each piece (a row, an array element) to text() and
// call pieceDone().
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace cloudplan::exporters {

class TextSink {
 public:
  // Returns false when the text could not be written; the sink then drops what follows.
  using Writer = std::function<bool(std::string_view)>;
  static constexpr size_t kChunk = size_t{1} << 20;

  // Keeps all the text: take() returns it.
  TextSink() = default;
  // Hands text on in chunks of at least `chunk` bytes (the last one may be shorter).
  explicit TextSink(Writer write, size_t chunk = kChunk) : write_(std::move(write)), chunk_(chunk) {
    text_.reserve(2 * chunk);
  }

  std::string& text() { return text_; }
  void pieceDone() {
    if (write_ && text_.size() >= chunk_) flush();
  }
  // Hands on what is buffered; false once a write failed.
  bool flush();
  // Appends a whole text at once: handed on as it is, without a copy into the buffer.
  void write(std::string_view whole);
  // The text of a sink that keeps it all.
  std::string take() { return std::move(text_); }

 private:
  Writer write_;
  size_t chunk_ = kChunk;
  std::string text_;
  bool failed_ = false;
};

}  // namespace cloudplan::exporters
