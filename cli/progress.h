// What a long run is doing, on one line of stderr rewritten in place ("rendering views 45%"),
// shown only when stderr is a terminal, so logs and pipes get nothing but the messages. --quiet
// (which also leaves out warnings, notes and summaries) turns it off.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cloudplan::cli {

class ProgressGuard;

class Progress {
 public:
  // Nothing is written unless `terminal` says `out` is a terminal. Every `tick` a phase with no
  // percentage shows how long it has run ("rendering... 5 s"), so a slow one is seen to be alive;
  // a zero tick leaves that out.
  Progress(std::ostream& out, bool terminal,
           std::chrono::milliseconds tick = std::chrono::seconds(1));
  // Erases the line if it is still shown, and gives guarded streams their own buffers back.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Starts a phase: the line reads "NAME...". From any thread.
  void phase(std::string_view name);
  // Within the phase: the line reads "NAME 45%", redrawn only when the percentage changes.
  void advance(uint64_t done, uint64_t total);
  // Erases the line, so that what is printed next starts at the margin.
  void clear();
  // From now on, anything written to `stream` erases the line first, so that no message or
  // summary is printed after it. `stream` must not be the one the line is drawn on.
  void guard(std::ostream& stream);

 private:
  void draw(const std::string& line);
  void tick(std::stop_token stop);

  std::mutex mutex_;
  std::condition_variable_any ticked_;
  std::ostream& out_;
  bool terminal_;
  std::chrono::milliseconds tick_;
  bool shown_ = false;  // a line is on screen
  std::string phase_;
  std::chrono::steady_clock::time_point phaseStart_;
  int64_t shownSeconds_ = 0;
  int percent_ = -1;
  std::vector<std::pair<std::ostream*, std::unique_ptr<ProgressGuard>>> guarded_;
  std::jthread ticker_;  // started with the first phase; last, so that it stops first
};

// The progress of this run, on stderr; on when stderr is a terminal and the run is not quiet.
// It guards std::cout and std::cerr: whatever they print erases the line first.
Progress& runProgress();

// --quiet: errors only. Set once, by main, before any work.
void setQuiet(bool quiet);
bool isQuiet();

}  // namespace cloudplan::cli
