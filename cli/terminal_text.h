// Text for a terminal: whatever an input holds (escape sequences, newlines, stray bytes) is shown,
// never obeyed, so a cell cannot clear the screen, retitle the window or forge a line of output.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "models/plural.h"

namespace cloudplan::cli {

using models::plural;

// `text` with every control character written out: C0 controls and DEL as \xHH (\t, \n and \r
// as such), the C1 controls U+0080..U+009F as \uHHHH, and bytes that are not UTF-8 as \xHH.
// Valid UTF-8 text (accents, other scripts) is left as it is, and so is a backslash. The logic is
// models::printable's (with Bidi::keep), which exporters share.
std::string printable(std::string_view text);

// `text` printable(), then a line end.
void printLine(std::ostream& out, std::string_view text);

// Makes every string in `value` (keys too) printable(), for a command that shows a file's text.
void makePrintable(nlohmann::json& value);

}  // namespace cloudplan::cli
