#include "cli/terminal_text.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace cloudplan::cli {
namespace {

TEST_CASE("terminal escape sequences are shown, not obeyed") {
  CHECK(printable("\x1b]0;owned\x07") == "\\x1b]0;owned\\x07");
  CHECK(printable("\x1b[2J") == "\\x1b[2J");
  CHECK(printable(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(printable("rub\x7fout") == "rub\\x7fout");
}

TEST_CASE("a newline, a carriage return or a tab cannot break a message into lines") {
  CHECK(printable("name\nsystems.csv:1: error: forged") == "name\\nsystems.csv:1: error: forged");
  CHECK(printable("over\rwrite") == "over\\rwrite");
  CHECK(printable("a\tb") == "a\\tb");
}

TEST_CASE("the C1 control characters are shown as code points") {
  CHECK(printable("\xc2\x9b"
                  "2J") == "\\u009b2J");      // CSI
  CHECK(printable("\xc2\x85") == "\\u0085");  // NEL
  CHECK(printable("\xc2\x80") == "\\u0080");
  CHECK(printable("\xc2\xa0") == "\xc2\xa0");  // no-break space is text
}

TEST_CASE("valid UTF-8 text and backslashes are left as they are") {
  for (const char* text : {"Ministère des Finances", "Σύστημα μισθοδοσίας", "财政部", "🚀 emoji",
                           "C:\\data\\systems.csv", ""}) {
    INFO(text);
    CHECK(printable(text) == text);
  }
}

TEST_CASE("bytes that are not UTF-8 are shown as their values") {
  CHECK(printable("caf\xe9") == "caf\\xe9");  // Latin-1
  CHECK(printable("\x9b"
                  "2J") == "\\x9b2J");                             // an 8-bit CSI
  CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");                    // overlong '/'
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
  CHECK(printable("\xe2\x82") == "\\xe2\\x82");                    // cut short
  CHECK(printable("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
}

TEST_CASE("every string of a JSON document is made printable, keys too") {
  auto document = nlohmann::json::parse(
      R"({"systems":[{"id":"A\u001b[2J","name":"ok","reasons":["x\ny"]}],"k\u0007":1})");
  makePrintable(document);
  CHECK(document["systems"][0]["id"] == "A\\x1b[2J");
  CHECK(document["systems"][0]["name"] == "ok");
  CHECK(document["systems"][0]["reasons"][0] == "x\\ny");
  CHECK(document.contains("k\\x07"));
}

}  // namespace
}  // namespace cloudplan::cli
