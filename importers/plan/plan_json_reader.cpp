#include "importers/plan/plan_json_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "importers/input_file.h"

namespace cloudplan::importers {
namespace {

uint32_t lineAt(std::string_view text, size_t at) {
  at = std::min(at, text.size());
  return static_cast<uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
}

// The index of the quote that closes the JSON string opened at `open`, or the end of `text`.
size_t closingQuote(std::string_view text, size_t open) {
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i;
    }
  }
  return text.size();
}

// Where the arrays and objects of `text` first nest deeper than the limit, before any parser
// sees it: brackets inside strings do not count.
std::optional<size_t> tooDeepAt(std::string_view text) {
  size_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      i = closingQuote(text, i);
    } else if (c == '[' || c == '{') {
      if (++depth > kMostPlanJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// Where the first number of `text` too large for a double is (nlohmann refuses it without saying
// where): the numbers outside strings, read as nlohmann reads them.
std::optional<size_t> numberOverflowAt(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      i = closingQuote(text, i);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      const size_t end = text.find_first_not_of("+-.0123456789eE", i);
      const std::string number(text.substr(i, end - i));
      if (!std::isfinite(std::strtod(number.c_str(), nullptr))) return i;
      if (end == std::string_view::npos) break;
      i = end - 1;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<nlohmann::ordered_json> parsePlanJson(std::string_view text, const std::string& path,
                                                    models::Diagnostics& diagnostics) {
  constexpr std::string_view kNotAnObject =
      "not a JSON object (give the plan.json that cloudplan plan wrote)";
  if (const auto at = tooDeepAt(text)) {
    diagnostics.error("not-a-plan", path, lineAt(text, *at),
                      fmt::format("arrays and objects nest deeper than {} levels; a plan.json "
                                  "that cloudplan plan wrote nests 5 (give that file, unedited)",
                                  kMostPlanJsonDepth));
    return std::nullopt;
  }
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const nlohmann::ordered_json::parse_error& error) {
    // Its what() quotes the text it stopped at: only the place is used.
    diagnostics.error("not-a-plan", path, lineAt(text, error.byte == 0 ? 0 : error.byte - 1),
                      std::string(kNotAnObject));
    return std::nullopt;
  } catch (const nlohmann::ordered_json::exception&) {
    // out_of_range.406: a number past the range of a double, such as 1e400; its what() quotes it.
    const auto at = numberOverflowAt(text);
    diagnostics.error("not-a-plan", path, at ? lineAt(text, *at) : 0,
                      "a number is too large to read (give the plan.json that cloudplan plan "
                      "wrote, unedited)");
    return std::nullopt;
  }
  if (!document.is_object()) {
    diagnostics.error("not-a-plan", path, 0, std::string(kNotAnObject));
    return std::nullopt;
  }
  const auto format = document.find("format");
  if (format == document.end() || *format != "cloudplan-plan/1") {
    diagnostics.error("not-a-plan", path, 0,
                      "not a cloudplan plan (its format is not cloudplan-plan/1)");
    return std::nullopt;
  }
  return document;
}

std::optional<nlohmann::ordered_json> readPlanJson(const std::string& path,
                                                   models::Diagnostics& diagnostics,
                                                   std::string* sha256) {
  constexpr InputAdvice kPlanAdvice{
      .notAFile = "name the plan.json that cloudplan plan wrote, or - for standard input",
      .tooLarge = "a plan.json that cloudplan plan wrote is far smaller; give that file",
      .terminal =
          "pipe a plan.json into cloudplan, as in cloudplan render - -o views < "
          "plan.json, or name the file"};
  const auto bytes = readInputFile(path, kPlanAdvice, diagnostics);
  if (!bytes) return std::nullopt;
  const std::string name = inputName(path);
  if (bytes->nulAt) {
    diagnostics.error("not-a-plan", name, lineAt(bytes->text, *bytes->nulAt),
                      "NUL byte: this is not a text file (give the plan.json that cloudplan plan "
                      "wrote)");
    return std::nullopt;
  }
  if (sha256) *sha256 = sha256Hex(bytes->text);
  return parsePlanJson(bytes->text, name, diagnostics);
}

}  // namespace cloudplan::importers
