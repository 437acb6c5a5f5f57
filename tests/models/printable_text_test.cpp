#include "models/printable_text.h"

#include <catch2/catch.hpp>

namespace cloudplan::models {
namespace {

TEST_CASE("bidirectional formatting characters are kept unless asked to escape them") {
  const std::string name =
      "Pay\xE2\x80\xAE"
      "exe.gpj";  // U+202E RIGHT-TO-LEFT OVERRIDE
  CHECK(printable(name) == name);
  CHECK(printable(name, Bidi::escape) == "Pay\\u202eexe.gpj");
  CHECK(printable("\xE2\x80\xAA\xE2\x80\xAC\xE2\x81\xA6\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F"
                  "\xD8\x9C",
                  Bidi::escape) == "\\u202a\\u202c\\u2066\\u2069\\u200e\\u200f\\u061c");
}

TEST_CASE("escaping bidirectional characters leaves the other text of every script as it is") {
  for (const char* text : {"وزارة المالية", "משרד האוצר", "Ministère", "财政部", "🚀",
                           "\xE2\x80\x8D" /* zero width joiner */, "\xE2\x81\xA0" /* U+2060 */}) {
    INFO(text);
    CHECK(printable(text, Bidi::escape) == text);
  }
}

TEST_CASE("a bidirectional character's length is told where it starts, and only there") {
  const std::string_view text = "a\u202Eb\u061Cc\u2010";
  CHECK(bidiControlLength(text, 0) == 0);
  CHECK(bidiControlLength(text, 1) == 3);  // U+202E
  CHECK(bidiControlLength(text, 2) == 0);  // inside it
  CHECK(bidiControlLength(text, 5) == 2);  // U+061C
  CHECK(bidiControlLength(text, 8) == 0);  // U+2010, a hyphen
  CHECK(bidiControlLength(text, text.size()) == 0);
}

TEST_CASE("controls are escaped whichever the bidi choice") {
  CHECK(printable("a\x1b[2J\nb", Bidi::escape) == "a\\x1b[2J\\nb");
  CHECK(printable("\xc2\x9b", Bidi::escape) == "\\u009b");
  CHECK(printable("caf\xe9", Bidi::escape) == "caf\\xe9");
}

}  // namespace
}  // namespace cloudplan::models
