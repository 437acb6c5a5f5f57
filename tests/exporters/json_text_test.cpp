#include "exporters/json/json_text.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

namespace cloudplan::exporters {
namespace {

std::string json(std::string_view text) {
  std::string out;
  appendJsonString(out, text);
  return out;
}

TEST_CASE("a string is quoted and its quotes, backslashes and controls are escaped") {
  CHECK(json("plain") == "\"plain\"");
  CHECK(json("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(json("C:\\dir") == "\"C:\\\\dir\"");
  CHECK(json("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
  CHECK(json(std::string_view("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
}

TEST_CASE("escapes are found anywhere in a long string") {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'x');
    text[at] = '"';
    INFO("quote at " << at);
    CHECK(nlohmann::json::parse(json(text)).get<std::string>() == text);
  }
}

TEST_CASE("UTF-8 text is kept as it is") {
  CHECK(json("서울 Señor") == "\"서울 Señor\"");
}

TEST_CASE("an object writes its members in call order with JSON numbers") {
  std::string out;
  {
    JsonObject object(out);
    object.string("id", "a").integer("wave", 3).number("effort", 7.5).number("days", 10);
    object.boolean("oversize", false).null("group");
  }
  CHECK(out ==
        "{\"id\":\"a\",\"wave\":3,\"effort\":7.5,\"days\":10.0,\"oversize\":false,\"group\":null}");
  CHECK(nlohmann::json::parse(out)["effort"] == 7.5);
}

}  // namespace
}  // namespace cloudplan::exporters
