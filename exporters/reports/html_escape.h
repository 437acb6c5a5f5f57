// Text from the inventory (names, properties, reasons) made safe to put in HTML, SVG and
// Graphviz's HTML-like labels: it always shows as text and never becomes markup or script; and
// file names made links.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cloudplan::exporters {

// Escapes & < > " ' and replaces control characters (other than tab and line breaks), which XML
// does not allow, with U+FFFD. The Unicode bidirectional formatting characters are written out
// as \u202e and so on, as models::printable(Bidi::escape) writes them: a browser obeys them, and
// an override in a name would reverse what follows it on the page.
void appendHtmlEscaped(std::string& out, std::string_view text);
std::string htmlEscaped(std::string_view text);

// <ul class="CLASS"><li>item</li>...</ul> of the items escaped, or nothing when there is none:
// a system's reasons, wherever a page lists them.
void appendHtmlList(std::string& out, const std::vector<std::string>& items,
                    std::string_view listClass);

// A relative path as the value of an href, safe in an HTML attribute as it is: every byte but
// letters, digits, - _ . ~ and / is %XX, so that a file named by fileNameFor (MOF%2Fpayroll.svg)
// is found as it is named (a browser would read a bare "%2F" as "/"), and '/' still separates
// folders.
std::string hrefFor(std::string_view path);

// The same for one segment of a path: '/' is %2F too, so that a name that holds one (a file
// submitted by its path) stays one segment.
std::string hrefSegmentFor(std::string_view name);

}  // namespace cloudplan::exporters
