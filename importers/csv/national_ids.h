// The national register of system ids that `cloudplan export --ids` writes: a CSV file of one row
// per system of the national inventory, headed `national_id,name,agency`. `validate --known`
// reads it to resolve a ministry's references to the systems of other ministries.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "importers/known_systems.h"
#include "models/diagnostic.h"

namespace cloudplan::importers {

// True when a CSV header is the register's: it names a national_id column (in any case).
bool isNationalIdsHeader(std::span<const std::string_view> header);

// The systems of the register at `path` (`-`: standard input). A row in error is reported and
// skipped, and the others kept; nullopt, reported, when the file cannot be read as a register at
// all (unreadable, not UTF-8 text, empty, a required column missing).
std::optional<KnownSystems> readNationalIds(const std::string& path,
                                            models::Diagnostics& diagnostics);
// The same, of a file's bytes already read (the fuzz target's way in).
std::optional<KnownSystems> readNationalIdsText(const std::string& name, std::string text,
                                                models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
