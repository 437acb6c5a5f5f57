// Text that is shown, never obeyed: whatever a value holds (escape sequences, newlines, stray
// bytes, a right-to-left override) is written out, so that it cannot clear a screen, retitle a
// window, forge a line of output or reverse the text that follows it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cloudplan::models {

// Whether printable() also writes out the Unicode bidirectional formatting characters (U+061C,
// U+200E, U+200F, U+202A..U+202E, U+2066..U+2069). A terminal mostly ignores them, but a mail
// reader or a browser obeys them: an override in one value reverses what follows it on the line.
enum class Bidi : uint8_t { keep, escape };

// `text` with every control character written out: C0 controls and DEL as \xHH (\t, \n and \r
// as such), the C1 controls U+0080..U+009F (and with Bidi::escape the bidirectional formatting
// characters) as \uHHHH, and bytes that are not UTF-8 as \xHH. Valid UTF-8 text (accents, other
// scripts) is left as it is, and so is a backslash.
std::string printable(std::string_view text, Bidi bidi = Bidi::keep);

// The length in bytes of the bidirectional formatting character that starts at text[i], or 0:
// for the writers (HTML, Graphviz labels) that escape the rest of a text their own way and write
// such a character out with printable(Bidi::escape).
size_t bidiControlLength(std::string_view text, size_t i);

}  // namespace cloudplan::models
