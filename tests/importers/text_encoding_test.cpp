#include "importers/text_encoding.h"

#include <catch2/catch.hpp>

#include <string>

using cloudplan::importers::findEncodingProblem;
using cloudplan::importers::stripByteOrderMark;

TEST_CASE("a UTF-8 byte-order mark is removed") {
  std::string text = "\xEF\xBB\xBFid,name\n";
  stripByteOrderMark(text);
  CHECK(text == "id,name\n");
}

TEST_CASE("a text without a byte-order mark is left as it is") {
  std::string text = "id,name\n";
  stripByteOrderMark(text);
  CHECK(text == "id,name\n");
  std::string partial = "\xEF\xBBid";
  stripByteOrderMark(partial);
  CHECK(partial == "\xEF\xBBid");
  std::string empty;
  stripByteOrderMark(empty);
  CHECK(empty.empty());
}

TEST_CASE("only the first byte-order mark is removed") {
  std::string text = "\xEF\xBB\xBF\xEF\xBB\xBFid";
  stripByteOrderMark(text);
  CHECK(text == "\xEF\xBB\xBFid");
}

TEST_CASE("ASCII and well-formed UTF-8 text has no encoding problem") {
  CHECK_FALSE(findEncodingProblem(""));
  CHECK_FALSE(findEncodingProblem("id,name\nMOF/gl,General ledger\n"));
  // é (2 bytes), € (3 bytes), 𝄞 (4 bytes), the last code point U+10FFFF, U+D7FF and U+E000.
  CHECK_FALSE(
      findEncodingProblem("Conservat\xC3\xB3ria \xE2\x82\xAC \xF0\x9D\x84\x9E "
                          "\xF4\x8F\xBF\xBF \xED\x9F\xBF \xEE\x80\x80"));
}

TEST_CASE("a byte that is not UTF-8 is reported with its line") {
  const auto problem = findEncodingProblem("id,name\nMOI/archive,Registo civil \x96 central\n");
  REQUIRE(problem);
  CHECK(problem->line == 2);
  CHECK(problem->code == "not-utf8");
  CHECK(problem->message ==
        "not UTF-8 (byte 0x96); save the file as UTF-8 (in a spreadsheet: CSV UTF-8)");
}

TEST_CASE("a Latin-1 letter is not UTF-8") {
  const auto problem = findEncodingProblem("a\nb\nConservat\xF3ria\n");
  REQUIRE(problem);
  CHECK(problem->line == 3);
  CHECK(problem->message ==
        "not UTF-8 (byte 0xf3); save the file as UTF-8 (in a spreadsheet: CSV UTF-8)");
}

TEST_CASE("the first problem of a text is the one reported") {
  const auto problem = findEncodingProblem("ok\n\xFF\n\xFE\n");
  REQUIRE(problem);
  CHECK(problem->line == 2);
  CHECK(problem->message ==
        "not UTF-8 (byte 0xff); save the file as UTF-8 (in a spreadsheet: CSV UTF-8)");
}

TEST_CASE("overlong encodings surrogates and code points past U+10FFFF are not UTF-8") {
  for (const char* bad :
       {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF0\x80\x80\xAF",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80"}) {
    INFO(bad);
    const auto problem = findEncodingProblem(std::string("abc") + bad);
    REQUIRE(problem);
    CHECK(problem->code == "not-utf8");
    CHECK(problem->line == 1);
  }
}

TEST_CASE("a UTF-8 sequence cut short is not UTF-8") {
  for (const char* bad : {"\xC3", "\xE2\x82", "\xF0\x9D\x84", "\xC3x", "\xE2\x82x"}) {
    INFO(bad);
    CHECK(findEncodingProblem(std::string("0123456789") + bad));
  }
}

TEST_CASE("a continuation byte alone is not UTF-8") {
  const auto problem = findEncodingProblem("\x80");
  REQUIRE(problem);
  CHECK(problem->message ==
        "not UTF-8 (byte 0x80); save the file as UTF-8 (in a spreadsheet: CSV UTF-8)");
}

TEST_CASE("a NUL byte means the file is not text") {
  const auto problem = findEncodingProblem(std::string("id,name\nx,y\n\0z\n", 15));
  REQUIRE(problem);
  CHECK(problem->line == 3);
  CHECK(problem->code == "binary-file");
  CHECK(problem->message ==
        "NUL byte: this is not a text file (name the inventory's CSV or XML file; from a "
        "spreadsheet, save the sheet as CSV UTF-8)");
}

TEST_CASE("UTF-16 without a byte-order mark is named as such, not as a binary file") {
  // It was "NUL byte: this is not a text file", with no fix and the wrong cause.
  const std::string little("i\0d\0,\0n\0a\0m\0e\0\n\0A\0,\0\xe9\0\n\0", 24);
  const std::string big = '\0' + little.substr(0, little.size() - 1);
  for (const std::string& text : {little, big}) {
    const auto problem = findEncodingProblem(text);
    REQUIRE(problem);
    CHECK(problem->line == 1);
    CHECK(problem->code == "not-utf8");
    CHECK(problem->message ==
          "the file is UTF-16 without a byte-order mark, which cloudplan cannot tell from other "
          "bytes (save it as CSV UTF-8, or as Unicode text, which starts with a byte-order mark)");
  }
  // A binary file with NUL bytes in no such pattern stays one.
  CHECK(findEncodingProblem(std::string("PNG\0\0\0\rIHDR\0\0\x01\0", 15))->code == "binary-file");
  CHECK(findEncodingProblem(std::string(64, '\0'))->code == "binary-file");
}

TEST_CASE("a problem is found at every position of a long ASCII text") {
  // The ASCII fast path reads eight bytes at a time: put the bad byte at every offset.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xFF';
    REQUIRE(findEncodingProblem(text));
    text[at] = '\0';
    const auto problem = findEncodingProblem(text);
    REQUIRE(problem);
    CHECK(problem->code == "binary-file");
  }
}

TEST_CASE("lines are counted up to the problem even after long ASCII runs") {
  std::string text;
  for (int i = 0; i < 1000; ++i)
    text += "MOF/system-" + std::to_string(i) + ",Some system name,MOF\n";
  text += "MOF/x,Caf\xE9,MOF\n";
  const auto problem = findEncodingProblem(text);
  REQUIRE(problem);
  CHECK(problem->line == 1001);
}
