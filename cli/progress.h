// What a long run is doing, on one line of stderr rewritten in place ("rendering views 45%"),
// shown only when stderr is a terminal, so logs and pipes get nothing but the messages. --quiet
// (which also leaves out warnings, notes and summaries) turns it off.
#pragma once

#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace cloudplan::cli {

class Progress {
 public:
  // Nothing is written unless `terminal` says `out` is a terminal.
  Progress(std::ostream& out, bool terminal);

  // Starts a phase: the line reads "NAME...". From any thread.
  void phase(std::string_view name);
  // Within the phase: the line reads "NAME 45%", redrawn only when the percentage changes.
  void advance(uint64_t done, uint64_t total);
  // Erases the line, so that what is printed next starts at the margin.
  void clear();

 private:
  void draw(const std::string& line);

  std::mutex mutex_;
  std::ostream& out_;
  bool terminal_;
  bool shown_ = false;  // a line is on screen
  std::string phase_;
  int percent_ = -1;
};

// The progress of this run, on stderr; on when stderr is a terminal and the run is not quiet.
Progress& runProgress();

// --quiet: errors only. Set once, by main, before any work.
void setQuiet(bool quiet);
bool isQuiet();

}  // namespace cloudplan::cli
