// How far the plan being executed has come: each system's status from a progress file, the
// input of a re-plan (planning rules, version 2, Re-planning).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/date.h"
#include "models/source_location.h"
#include "models/vocabulary.h"

namespace cloudplan::models {

enum class ProgressStatus : uint8_t { planned, inProgress, done, onHold };
template <>
struct Vocabulary<ProgressStatus> {
  static constexpr std::array<std::string_view, 4> names = {"planned", "in-progress", "done",
                                                            "on-hold"};
};

struct ProgressEntry {
  SystemIndex system = kNone;
  ProgressStatus status = ProgressStatus::planned;
  std::optional<Date> date;
  std::string note;
  uint32_t line = 0;
};

struct Progress {
  std::string path;
  std::string sha256;                  // hex, of the file's bytes
  std::vector<ProgressEntry> entries;  // in file order, one per listed system
};

}  // namespace cloudplan::models
