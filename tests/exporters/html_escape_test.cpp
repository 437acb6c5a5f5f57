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

}  // namespace
}  // namespace cloudplan::exporters
