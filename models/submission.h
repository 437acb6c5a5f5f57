// One agency's submission to the national inventory, and what it changed: the record the store
// keeps and the feedback a ministry's IT officer reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/vocabulary.h"

namespace cloudplan::models {

// `inventory`: an agency's part of the inventory; `register`: the national office's register of
// agencies (store init, store agencies).
enum class SubmissionKind : uint8_t { inventory, agencies };

template <>
struct Vocabulary<SubmissionKind> {
  static constexpr std::array<std::string_view, 2> names = {"inventory", "agencies"};
};

struct SubmittedFile {
  std::string name;  // as the submitter named it
  std::string sha256;
  uint64_t bytes = 0;
};

struct Submission {
  uint32_t number = 0;
  SubmissionKind kind = SubmissionKind::inventory;
  std::string agency;  // the submitting agency; empty for the register
  std::string at;      // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string by;
  std::string message;
  std::string encoding;  // of its CSV files that are not UTF-8 (--encoding); empty: UTF-8
  bool accepted = false;
  std::vector<SubmittedFile> files;
  uint32_t systems = 0;  // in the submitting agency's part after it (accepted) or in the files
  uint32_t dependencies = 0;
  uint32_t errors = 0;
  uint32_t warnings = 0;
  uint32_t unresolved = 0;  // references to systems the store does not have
};

// One field of a system (or an extra column) whose value a submission changed.
struct FieldChange {
  std::string field;
  std::string before;  // empty: the field was not set
  std::string after;
};

struct SystemChange {
  std::string id;
  std::string name;
  std::string agency;
  std::vector<FieldChange> fields;  // empty for an added or removed system
};

struct DependencyChange {
  std::string from;
  std::string to;
  std::string fromAgency;
  std::string toAgency;  // empty when the store does not have `to` (unresolved)
  std::string coupling;
  std::vector<FieldChange> fields;  // coupling, kind, description: for a changed dependency
};

// A system of the agency whose wave in the store's last plan this submission may move, and why.
struct WaveImpact {
  std::string id;
  uint32_t wave = 0;    // 0: not scheduled in that plan (retained)
  bool planned = true;  // false: the plan does not have the system (it is new)
  std::string reason;
};

// What an accepted submission changed, against the agency's part as it stood before it.
struct SubmissionChanges {
  std::vector<SystemChange> systemsAdded;
  std::vector<SystemChange> systemsRemoved;
  std::vector<SystemChange> systemsChanged;
  std::vector<DependencyChange> dependenciesAdded;
  std::vector<DependencyChange> dependenciesRemoved;
  std::vector<DependencyChange> dependenciesChanged;
  // References of this submission to systems the store does not have (yet), first in feedback.
  std::vector<DependencyChange> unresolved;
  // Other agencies' systems that depend on this agency's; `resolvedNow` those whose reference
  // this submission resolved.
  std::vector<DependencyChange> dependents;
  std::vector<DependencyChange> resolvedNow;
  std::optional<uint32_t> planSubmission;  // the submission the store's last plan was made at
  // Rebuilt from the history (history --diff): the dependents and the waves of that moment are
  // not kept, so none are listed.
  bool fromHistory = false;
  std::vector<WaveImpact> waves;

  bool empty() const {
    return systemsAdded.empty() && systemsRemoved.empty() && systemsChanged.empty() &&
           dependenciesAdded.empty() && dependenciesRemoved.empty() && dependenciesChanged.empty();
  }
};

}  // namespace cloudplan::models
