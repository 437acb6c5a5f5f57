// What a past submission changed (`cloudplan history --diff N`): the rows it closed against the
// rows it opened.
#pragma once

#include <vector>

#include "models/submission.h"
#include "store/row_changes.h"
#include "store/store_database.h"

namespace cloudplan::store {

models::SubmissionChanges changesOfSubmission(StoreDatabase& store, uint32_t number);

AgencyChanges agencyChangesOfSubmission(StoreDatabase& store, uint32_t number);

}  // namespace cloudplan::store
