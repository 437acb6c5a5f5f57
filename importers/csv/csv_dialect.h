// What spreadsheets vary in the CSV files they write, told from the text itself: the separator
// between cells (a comma; a semicolon where the decimal mark is a comma, as Excel writes in most
// of Europe; a tab in "Text (tab delimited)") and old Mac line ends (a lone CR).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace cloudplan::importers {

// The separator of a header line: whichever of ',' ';' and tab occurs most often outside double
// quotes, a comma when none does (a header of one column) or on a tie.
char separatorOfHeader(std::string_view line);

// The same, unless the header's cells are `recognised` (name the columns of a kind of file) only
// when split at another of the three: `id;name;agency;notes,a,b,c` holds as many commas as
// semicolons, and is a systems file split at its semicolons. The candidates are tried most
// frequent first (on a tie: comma, semicolon, tab); when none is recognised, the first.
char separatorOfHeader(std::string_view line,
                       const std::function<bool(std::span<const std::string_view>)>& recognised);

// The problem of a row with more cells than the header has columns, not counting empty cells at
// its end (a spreadsheet pads rows): empty when there is none. A cell with the separator in it
// and no quotes is the usual cause, so the message says which separator.
std::string tooManyCells(std::span<const std::string_view> cells, size_t columns, char separator);

// The first line of `text` that holds something other than blanks and separators, without its
// line end: where a CSV file's header is.
std::string_view firstContentLine(std::string_view text);

// Turns lone CRs into LFs when the first line end of `text` is a lone CR (an old Mac file); a file
// of CRLF or LF line ends is left as it is, a stray CR in one of its cells too.
void convertOldMacLineEnds(std::string& text);

}  // namespace cloudplan::importers
