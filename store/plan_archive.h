// The plans the portal makes, kept whole in the store: their record (when, by whom, from which
// submission, with which settings and what came out) and every file of them (plan.json, the
// reports, the diagrams), compressed, so that reviewers read them and plans can be compared years
// later, with no file outside the store.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/submission_records.h"

namespace cloudplan::store {

struct PlanSummary {
  uint32_t number = 0;      // the plans table's number
  uint32_t submission = 0;  // the inventory as of this submission was planned
  std::string at;           // UTC
  std::string by;           // who made it: an account's name, or empty (plan --store)
  std::string settings;     // plan.json's "settings" object, as JSON text
  uint32_t systems = 0;
  uint32_t waves = 0;
  uint32_t lowerBound = 0;
  uint32_t peakHybridLinks = 0;
  uint32_t files = 0;  // archived files; 0 for a plan made by `plan --store`
};

// Adds the plan's figures and files to plan `number`, in the caller's transaction (the
// PlanRecording's, so that a plan is kept with its files or not at all). `files`' kind is
// unused; names are relative paths ("report.html", "waves/wave-3.svg").
void archivePlanFiles(SQLite::Database& database, uint32_t number, const std::string& by,
                      const PlanSummary& figures, const std::vector<FileContent>& files);

// Newest first.
std::vector<PlanSummary> listPlans(SQLite::Database& database);
std::optional<PlanSummary> readPlanSummary(SQLite::Database& database, uint32_t number);
// The newest plan with its files, the one reviewers read: a plan of `plan --store` keeps only its
// waves. nullopt when there is none.
std::optional<PlanSummary> latestArchivedPlan(SQLite::Database& database);
// A file of a plan, byte for byte; nullopt when the plan has no file of that name (or it cannot
// be decompressed).
std::optional<std::string> readPlanFile(SQLite::Database& database, uint32_t number,
                                        const std::string& name);
std::vector<std::string> planFileNames(SQLite::Database& database, uint32_t number);

}  // namespace cloudplan::store
