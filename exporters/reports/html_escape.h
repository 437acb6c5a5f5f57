// Text from the inventory (names, properties, reasons) made safe to put in HTML, SVG and
// Graphviz's HTML-like labels: it always shows as text and never becomes markup or script.
#pragma once

#include <string>
#include <string_view>

namespace cloudplan::exporters {

// Escapes & < > " ' and replaces control characters (other than tab and line breaks), which XML
// does not allow, with U+FFFD.
void appendHtmlEscaped(std::string& out, std::string_view text);
std::string htmlEscaped(std::string_view text);

}  // namespace cloudplan::exporters
