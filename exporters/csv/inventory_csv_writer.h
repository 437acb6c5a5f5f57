// An inventory written back as the CSV files a ministry submits (docs/inventory-format.md), so
// that the national store can hand out what it holds in the form it was given, and the register
// of every system id (`cloudplan export --ids`).
//
// Reading the files back with importers::readInputs gives the same systems, dependencies and
// agencies, and writing that inventory again gives the same bytes. A folder is read in file-name
// order, so the inventory read back lists its systems in the order of the files: agencies.csv,
// dependencies.csv, then systems-<MINISTRY>.csv by name, then systems.csv. It is the order of the
// inventory given ONLY when that inventory already groups its systems by ministry file in that
// order (the national store builds its inventory so); otherwise the same systems come back in
// another order, and their indices with them.
//
// What the format cannot say comes back otherwise: a system's documentation as its property
// `documentation`; a record's properties in the order of its file's columns; a property key as
// the file's column spells it (trimmed, in the letter case first seen, renamed as below). Blanks
// around a value are trimmed, and a property with an empty value is none.
#pragma once

#include <string>
#include <vector>

#include "models/inventory.h"

namespace cloudplan::exporters {

struct CsvExportFile {
  std::string name;
  std::string content;
};

// The inventory as the CSV files a ministry submits, in file-name order:
// - agencies.csv: the agencies a file declared, and those an ArchiMate model names and nests with
//   its folders `CODE - Name` (they come back declared); an agency that systems only name is no
//   row of it. Left out when it would have no rows.
// - dependencies.csv: the dependencies, then those on systems defined elsewhere. Left out when
//   there are none.
// - a systems file per ministry (the root of a system's agency's parent chain),
//   `systems-<CODE>.csv`, the code's characters other than A-Z a-z 0-9 . _ - made `_`; of two
//   ministries with one name (without regard to case, as Windows and macOS see names), the later
//   one's is numbered `systems-<CODE>-2.csv`. Systems without an agency are in `systems.csv`.
// Each file starts with a byte-order mark, as every CSV file cloudplan writes, for spreadsheets.
//
// Every column of the format is written, defaults too, with its canonical value; `documentation`
// when a system of the file has some. Property columns follow, in the order their keys first
// appear in the file's records (keys equal but for case and blanks around are one column); a key
// named like a column of the format (`type`, `depends_on`...), or repeated within one record, is
// headed with kRenamedPropertyPrefix until free. A text that starts like a spreadsheet formula is
// written after an apostrophe, which the inventory reader removes again.
std::vector<CsvExportFile> inventoryToCsvFiles(const models::Inventory& inventory);

// The register of every system id with its name and agency (`cloudplan export --ids`), sorted by
// id. Its header, `national_id,name,agency`, deliberately has no `id` column: placed by mistake
// in an inventory folder, it must not read as a systems file.
std::string nationalIdsCsv(const models::Inventory& inventory);

}  // namespace cloudplan::exporters
