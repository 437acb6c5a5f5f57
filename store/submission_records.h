// The record of every submission: who sent what when, whether it was accepted and why not, and
// the files themselves (compressed where it pays), so that any past state can be re-read.
#pragma once

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

#include "models/diagnostic.h"
#include "models/submission.h"

namespace cloudplan::store {

struct FileContent {
  std::string name;
  std::string bytes;
  std::string kind;  // what the importers read it as: systems, dependencies, archimate, ...
};

// The time of a new submission, UTC, YYYY-MM-DDTHH:MM:SSZ: the clock's, or the environment's
// CLOUDPLAN_NOW (for reproducible tests and demos); never before the last submission's, so that
// `export --as-of` reads submissions in their order even if the clock stepped back.
std::string submissionTime(SQLite::Database& database);

// Inserts the submission (its number is assigned and returned), its diagnostics and its files.
uint32_t recordSubmission(SQLite::Database& database, models::Submission submission,
                          const models::Diagnostics& diagnostics,
                          const std::vector<FileContent>& files);

// Every submission, or those of these agencies only.
std::vector<models::Submission> readSubmissions(SQLite::Database& database,
                                                const std::vector<std::string>& agencies = {});
std::optional<models::Submission> readSubmission(SQLite::Database& database, uint32_t number);
std::vector<models::Diagnostic> readSubmissionDiagnostics(SQLite::Database& database,
                                                          uint32_t number);
// The files as they were submitted, byte for byte; nullopt if one cannot be decompressed.
std::optional<std::vector<FileContent>> readSubmissionFiles(SQLite::Database& database,
                                                            uint32_t number);

// The last submission, 0 when there is none.
uint32_t lastSubmission(SQLite::Database& database);
// The last accepted submission of an agency (or of the register, for an empty agency), 0: none.
uint32_t lastAccepted(SQLite::Database& database, models::SubmissionKind kind,
                      const std::string& agency);

}  // namespace cloudplan::store
