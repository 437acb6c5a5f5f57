#include "exporters/reports/html_escape.h"

#include <catch2/catch.hpp>

namespace cloudplan::exporters {
namespace {

TEST_CASE("markup characters are escaped") {
  CHECK(htmlEscaped("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(htmlEscaped("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;");
}

TEST_CASE("plain text and UTF-8 are kept as they are") {
  CHECK(htmlEscaped("Tomás Herrera, line\nbreak\ttab") == "Tomás Herrera, line\nbreak\ttab");
}

TEST_CASE("control characters that XML forbids are replaced") {
  CHECK(htmlEscaped(std::string("a\x01"
                                "b\x7f",
                                4)) ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD");
}

TEST_CASE("escaped text is appended to what is there") {
  std::string out = "<td>";
  appendHtmlEscaped(out, "R&D");
  CHECK(out == "<td>R&amp;D");
}

TEST_CASE("bidirectional formatting characters are written out, other UTF-8 kept") {
  // U+202E (right-to-left override), U+2066 (left-to-right isolate), U+061C (Arabic letter mark).
  CHECK(htmlEscaped("pay\u202Eroll") == "pay\\u202eroll");
  CHECK(htmlEscaped("a\u2066b\u061Cc") == "a\\u2066b\\u061cc");
  // Neighbours of those ranges stay as they are: U+2010 (hyphen), U+2070 (superscript zero).
  CHECK(htmlEscaped("a\u2010b\u2070c") == "a\u2010b\u2070c");
  // A cut sequence is no bidi character.
  CHECK(htmlEscaped(std::string_view("x\xE2\x80", 3)) == "x\xE2\x80");
}

TEST_CASE("a path made an href keeps letters, digits, - _ . ~ and /, and writes the rest %XX") {
  CHECK(hrefFor("agencies/MOF_x-1.2~a.svg") == "agencies/MOF_x-1.2~a.svg");
  // fileNameFor's % stays a %, not the escape it stands for; markup cannot end the attribute.
  CHECK(hrefFor("report-M%2FF.html") == "report-M%252FF.html");
  CHECK(hrefFor("a&b \"<c>'") == "a%26b%20%22%3Cc%3E%27");
  CHECK(hrefFor("javascript:x") == "javascript%3Ax");
  CHECK(hrefFor("\xC3\xA9") == "%C3%A9");
}

TEST_CASE("a list is its items escaped, and nothing when there is none") {
  std::string out;
  appendHtmlList(out, {}, "reasons");
  CHECK(out.empty());
  appendHtmlList(out, {"pinned to wave 3", "<b>"}, "reasons");
  CHECK(out == "<ul class=\"reasons\"><li>pinned to wave 3</li><li>&lt;b&gt;</li></ul>");
}

}  // namespace
}  // namespace cloudplan::exporters
