// The progress file of a re-plan (planning rules, version 2, Re-planning): a CSV file of one row
// per system whose work has begun or been stopped, `id,status[,date,note]`, read against the
// current inventory. It is read as the inventory's CSV files are (byte-order mark, UTF-16, a
// spreadsheet's separator, the same limits), and every problem is reported with its line.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/progress.h"

namespace cloudplan::importers {

// Whether a CSV header is a progress file's (it has id and status).
bool isProgressHeader(std::span<const std::string_view> header);

// The progress of the file at `path` (`-`: standard input). A row in error is reported and
// skipped, the others kept; a file that cannot be read at all (unreadable, not text, empty, a
// required column missing) gives no entries and its errors. `encoding` converts a file that is
// not UTF-8, as --encoding does for the inventory's CSV files.
models::Progress readProgress(const std::string& path, const models::Inventory& inventory,
                              models::Diagnostics& diagnostics, std::string_view encoding = {});

// The same, of a file's bytes already read (tests, the fuzz target); `path` names it in messages
// and in the result.
models::Progress readProgressText(const std::string& path, std::string bytes,
                                  const models::Inventory& inventory,
                                  models::Diagnostics& diagnostics, std::string_view encoding = {});

}  // namespace cloudplan::importers
