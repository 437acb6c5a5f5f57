// Inventory text as the drawings, the risk register and the pages' repeated cells show it: cut,
// so that a name of a megabyte does not weigh a megabyte in every place that names its system.
// The tables that list each system once (report.html's, a ministry page's) show it whole.
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::models {

inline constexpr size_t kLongestShownText = 120;

// `text` when it is at most kLongestShownText bytes; else its first bytes up to a character
// boundary and an ellipsis, kLongestShownText bytes in all at most.
std::string shownText(std::string_view text);
void appendShownText(std::string& out, std::string_view text);

}  // namespace cloudplan::models
