// Problems found in the inputs or in planning: a message for people, a stable code for tools.
// Lower layers append to a Diagnostics list; only the cli sorts and prints it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cloudplan::models {

enum class Severity : uint8_t { error, warning, note };

std::string_view nameOf(Severity severity);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // e.g. "unknown-system"
  std::string file;     // empty when the problem is not in one file (a plan-wide problem)
  uint32_t line = 0;    // 0 when the problem is the whole file
  std::string message;  // lower-case, the offending value quoted, the fix in parentheses
};

// A list of diagnostics that stays small whatever the input: past kListedPerKind diagnostics of
// one code in one file, the rest are counted, not kept, and sort() lists one diagnostic of code
// kNotListedCode at the first of them that says how many there were. A file of a million bad rows
// then costs megabytes, not gigabytes, and every problem is still accounted for.
class Diagnostics {
 public:
  static constexpr size_t kListedPerKind = 10000;
  static constexpr std::string_view kNotListedCode = "not-listed";

  void add(Severity severity, std::string_view code, std::string_view file, uint32_t line,
           std::string message);
  void error(std::string_view code, std::string_view file, uint32_t line, std::string message) {
    add(Severity::error, code, file, line, std::move(message));
  }
  void warning(std::string_view code, std::string_view file, uint32_t line, std::string message) {
    add(Severity::warning, code, file, line, std::move(message));
  }
  void note(std::string_view code, std::string_view file, uint32_t line, std::string message) {
    add(Severity::note, code, file, line, std::move(message));
  }

  const std::vector<Diagnostic>& all() const { return items_; }
  // Every problem found of this severity, those counted but not listed too.
  size_t count(Severity severity) const;
  bool hasErrors() const { return count(Severity::error) > 0; }

  // Orders by file path, then line; plan-wide ones last. Stable: a line's problems keep the
  // order in which they were found. Adds the not-listed summaries (see above).
  void sort();

 private:
  struct Unlisted {
    Diagnostic first;  // the first of them, without its message
    size_t count = 0;
  };
  std::vector<Diagnostic> items_;
  // By file and code ("file\0code"): how many were added, and those not listed.
  std::unordered_map<std::string, size_t> added_;
  std::unordered_map<std::string, Unlisted> unlisted_;
  size_t unlistedBySeverity_[3] = {0, 0, 0};
};

// A user's value as it appears in a message: quoted, and cut short when it is very long.
std::string quoted(std::string_view value);

}  // namespace cloudplan::models
