// A submission's files read from memory, as the importers read them from disk: the store's copies
// (store check), or the bytes a submit read before it took the store's lock.
#pragma once

#include <vector>

#include "importers/read_inputs.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "store/submission_records.h"

namespace cloudplan::store {

// `options` says how (default agency, encoding, known systems); its file hooks are set here.
models::Inventory readSubmittedFiles(const std::vector<FileContent>& files,
                                     importers::ReadOptions options,
                                     models::Diagnostics& diagnostics);

}  // namespace cloudplan::store
