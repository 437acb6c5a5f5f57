#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

namespace cloudplan::cli {
namespace {

bool quiet = false;

}  // namespace

// A stream buffer in front of a stream's own: erases the progress line, then passes text on.
class ProgressGuard : public std::streambuf {
 public:
  ProgressGuard(Progress& progress, std::streambuf* inner) : progress_(progress), inner_(inner) {}
  std::streambuf* inner() const { return inner_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    progress_.clear();
    return inner_->sputc(traits_type::to_char_type(c));
  }
  std::streamsize xsputn(const char* text, std::streamsize n) override {
    progress_.clear();
    return inner_->sputn(text, n);
  }
  int sync() override { return inner_->pubsync(); }

 private:
  Progress& progress_;
  std::streambuf* inner_;
};

Progress::Progress(std::ostream& out, bool terminal, std::chrono::milliseconds tick)
    : out_(out), terminal_(terminal), tick_(tick) {}

Progress::~Progress() {
  if (ticker_.joinable()) {
    ticker_.request_stop();
    ticker_.join();
  }
  clear();
  for (auto& [stream, guard] : guarded_)
    stream->rdbuf(guard->inner());
}

void Progress::guard(std::ostream& stream) {
  if (!terminal_) return;
  auto guard = std::make_unique<ProgressGuard>(*this, stream.rdbuf());
  stream.rdbuf(guard.get());
  guarded_.emplace_back(&stream, std::move(guard));
}

void Progress::phase(std::string_view name) {
  if (!terminal_) return;
  std::lock_guard lock(mutex_);
  phase_ = name;
  phaseStart_ = std::chrono::steady_clock::now();
  shownSeconds_ = 0;
  percent_ = -1;
  draw(phase_ + "...");
  if (tick_.count() > 0 && !ticker_.joinable())
    ticker_ = std::jthread([this](std::stop_token stop) { tick(stop); });
}

void Progress::tick(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!ticked_.wait_for(lock, stop, tick_, [] { return false; }) && !stop.stop_requested()) {
    if (!shown_ || percent_ >= 0) continue;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::steady_clock::now() - phaseStart_);
    if (seconds.count() == 0 || seconds.count() == shownSeconds_) continue;
    shownSeconds_ = seconds.count();
    draw(fmt::format("{}... {} s", phase_, shownSeconds_));
  }
}

void Progress::advance(uint64_t done, uint64_t total) {
  if (!terminal_ || total == 0) return;
  const int percent = static_cast<int>(std::min(done, total) * 100 / total);
  std::lock_guard lock(mutex_);
  if (percent == percent_) return;
  percent_ = percent;
  draw(fmt::format("{} {}%", phase_, percent));
}

void Progress::clear() {
  if (!terminal_) return;
  std::lock_guard lock(mutex_);
  if (!shown_) return;
  out_ << "\r\x1b[K" << std::flush;  // back to the margin, erase to the end of the line
  shown_ = false;
}

void Progress::draw(const std::string& line) {
  out_ << "\r\x1b[K" << line << std::flush;
  shown_ = true;
}

Progress& runProgress() {
  // Drawn on stderr's own buffer, in front of which the guard goes; flushes stdout first, as
  // std::cerr does.
  static std::ostream terminal(std::cerr.rdbuf());
  static Progress progress(terminal, !quiet && isatty(STDERR_FILENO) == 1);
  static const bool guarded = [] {
    terminal.tie(&std::cout);
    progress.guard(std::cout);
    progress.guard(std::cerr);
    return true;
  }();
  (void)guarded;
  return progress;
}

void setQuiet(bool value) {
  quiet = value;
}

bool isQuiet() {
  return quiet;
}

}  // namespace cloudplan::cli
