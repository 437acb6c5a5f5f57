// What a submission's feedback said of its moment and its rows cannot say again later: the other
// agencies' systems that depended on it, the references it resolved, and the waves of the last
// plan it may move. Kept with an accepted submission, so that the portal shows its feedback as
// `submit` showed it.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>

#include "models/submission.h"

namespace cloudplan::store {

// In the caller's transaction: the submission's.
void recordImpacts(SQLite::Database& database, uint32_t submission,
                   const models::SubmissionChanges& changes);

// Fills `changes`' dependents, resolvedNow, planSubmission and waves from what was recorded;
// false when nothing was (a rejected submission, or one made before the store kept them).
bool readImpacts(SQLite::Database& database, uint32_t submission,
                 models::SubmissionChanges& changes);

}  // namespace cloudplan::store
