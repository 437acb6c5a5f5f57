#include "importers/archimate/xml_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "importers/text_encoding.h"
#include "models/vocabulary.h"

namespace cloudplan::importers {

using models::quoted;

namespace {

uint32_t lineAt(std::string_view text, size_t at) {
  return static_cast<uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
}

// The last line that holds more than blanks: a parse error there means the file ends too soon.
uint32_t lastLine(std::string_view text) {
  const size_t end = text.find_last_not_of(" \t\r\n");
  return end == std::string_view::npos ? 1 : lineAt(text, end);
}

// The root element's name when its end tag is nowhere in the text: the file is cut short.
// Empty when the tag is there, or when the text has no root element at all.
std::string_view unclosedRoot(std::string_view text) {
  size_t at = 0;
  while ((at = text.find('<', at)) != std::string_view::npos) {
    const std::string_view rest = text.substr(at + 1);
    if (rest.empty() || rest[0] == '?' || rest[0] == '!') {
      ++at;
      continue;
    }
    break;
  }
  if (at == std::string_view::npos) return {};
  const std::string_view rest = text.substr(at + 1);
  const size_t end = rest.find_first_of(" \t\r\n/>");
  const std::string_view name = rest.substr(0, end);
  if (name.empty() || end == std::string_view::npos) return name;
  if (rest.substr(end).starts_with("/>")) return {};
  if (text.find("</" + std::string(name), at) != std::string_view::npos) return {};
  return name;
}

struct MarkupProblem {
  size_t at = 0;
  std::string code;
  std::string message;
};

bool isNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

// XML 1.0's Char production: what a document may hold, written or referenced.
bool isXmlCharacter(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Why XML 1.0 does not allow the code point `c`.
std::string whyNotXmlCharacter(uint32_t c) {
  if (c > 0x10FFFF) return "it is past U+10FFFF, the last Unicode character";
  if (c >= 0xD800 && c <= 0xDFFF) {
    return fmt::format("U+{:04X} is a surrogate (half of a UTF-16 pair)", c);
  }
  if (c < 0x20) return fmt::format("U+{:04X} is a control character", c);
  return fmt::format("U+{:04X} is a noncharacter", c);
}

// A character reference `&#...;` at `text[at]`: its code point, or nullopt when it is none. Values
// past U+10FFFF saturate there plus one, so that any number of digits is read safely.
std::optional<uint32_t> characterReferenceAt(std::string_view text, size_t at, size_t& end) {
  size_t i = at + 2;
  const bool hex = i < text.size() && text[i] == 'x';
  if (hex) ++i;
  const size_t digits = i;
  uint32_t value = 0;
  for (; i < text.size() && text[i] != ';'; ++i) {
    const char c = text[i];
    uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      digit = static_cast<uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      digit = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = std::min<uint32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
  }
  if (i == digits || i == text.size()) return std::nullopt;
  end = i + 1;
  return value;
}

// An entity reference at `text[at]` ('&') that XML defines without a DTD: the five predefined
// entities and character references of characters XML allows. TinyXML-2 would decode any
// number into bytes, even a surrogate or U+0000 (invalid UTF-8, or a string cut short).
std::optional<MarkupProblem> checkReference(std::string_view text, size_t at) {
  if (text.substr(at + 1).starts_with('#')) {
    size_t end = 0;
    if (const auto code = characterReferenceAt(text, at, end)) {
      if (isXmlCharacter(*code)) return std::nullopt;
      return MarkupProblem{
          at, "bad-xml",
          fmt::format("not well-formed XML: character reference {} names no character XML "
                      "allows: {} (remove it, or write the intended character itself)",
                      quoted(text.substr(at, end - at)), whyNotXmlCharacter(*code))};
    }
  }
  const std::string_view rest = text.substr(at + 1, 40);
  const size_t semicolon = rest.find(';');
  const std::string_view name = rest.substr(0, semicolon);
  if (semicolon != std::string_view::npos && !name.empty()) {
    constexpr std::array<std::string_view, 5> kPredefined = {"amp", "lt", "gt", "quot", "apos"};
    if (std::find(kPredefined.begin(), kPredefined.end(), name) != kPredefined.end()) {
      return std::nullopt;
    }
    if (!name.starts_with('#') && std::all_of(name.begin(), name.end(), isNameCharacter)) {
      return MarkupProblem{
          at, "undefined-entity",
          fmt::format("entity reference {} is not defined (without a DTD, XML defines only &amp; "
                      "&lt; &gt; &quot; &apos; and character references; cloudplan never reads "
                      "DTDs)",
                      quoted(fmt::format("&{};", name)))};
    }
  }
  return MarkupProblem{at, "bad-xml",
                       "not well-formed XML: a '&' that starts no entity reference (write a "
                       "literal '&' as &amp;)"};
}

// The first character of UTF-8 `text` that XML 1.0 does not allow even written as itself: the
// control characters other than tab, line feed and carriage return, and U+FFFE and U+FFFF.
// (NUL bytes, surrogates and invalid UTF-8 are refused before, by findEncodingProblem.)
std::optional<MarkupProblem> findForbiddenCharacter(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    uint32_t code = 0;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      code = c;
    } else if (c == 0xEF && text.substr(i + 1, 2) == "\xBF\xBE") {
      code = 0xFFFE;
    } else if (c == 0xEF && text.substr(i + 1, 2) == "\xBF\xBF") {
      code = 0xFFFF;
    } else {
      continue;
    }
    return MarkupProblem{
        i, "bad-xml",
        fmt::format("not well-formed XML: a character XML does not allow: {} (remove it)",
                    whyNotXmlCharacter(code))};
  }
  return std::nullopt;
}

// The start tag at `text[at]` ('<' and a name): its attributes are counted and the references in
// their values checked. Returns where the scan stopped (after the '>', or at a '<' that a
// malformed tag runs into: TinyXML-2 reports that one).
size_t scanStartTag(std::string_view text, size_t at, std::optional<MarkupProblem>& problem) {
  size_t attributes = 0;
  char quote = 0;
  size_t i = at + 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '&') {
        if ((problem = checkReference(text, i))) return i;
      } else if (c == '<') {
        return i;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '=') {
      if (++attributes > kMostAttributesPerElement) {
        const std::string_view tag = text.substr(at + 1, 100);
        const std::string_view name = tag.substr(0, tag.find_first_of(" \t\r\n/>="));
        problem = MarkupProblem{
            at, "too-many-attributes",
            fmt::format("element {} has more than {} attributes, cloudplan's limit (is this an "
                        "ArchiMate model? an element of one has a handful)",
                        quoted(name), kMostAttributesPerElement)};
        return i;
      }
    } else if (c == '>') {
      return i + 1;
    } else if (c == '<') {
      return i;
    }
  }
  return i;
}

// What TinyXML-2 would read unsafely, slowly or silently wrong: a document type declaration
// (refused: its entities could expand without bound or name a file to read), references to
// undefined entities (TinyXML-2 keeps them as text) or to characters XML does not allow, and
// more elements or attributes than the limits (TinyXML-2's check for repeated attributes takes
// time in the square of their number). Comments, CDATA sections and processing instructions
// are skipped whole.
std::optional<MarkupProblem> findMarkupProblem(std::string_view text) {
  const auto skipTo = [&](size_t from, std::string_view end) {
    const size_t found = text.find(end, from);
    return found == std::string_view::npos ? text.size() : found + end.size();
  };
  size_t i = 0;
  size_t elements = 0;
  // The next '&' at or after i, searched for again only once i passes it.
  size_t ampersand = std::min(text.find('&'), text.size());
  while (i < text.size()) {
    if (ampersand < i) ampersand = std::min(text.find('&', i), text.size());
    const void* open = std::memchr(text.data() + i, '<', ampersand - i);
    if (open) {
      i = static_cast<size_t>(static_cast<const char*>(open) - text.data());
      const std::string_view at = text.substr(i);
      if (at.starts_with("<!--")) {
        i = skipTo(i + 4, "-->");
      } else if (at.starts_with("<![CDATA[")) {
        i = skipTo(i + 9, "]]>");
      } else if (at.starts_with("<?")) {
        i = skipTo(i + 2, "?>");
      } else if (at.starts_with("<!DOCTYPE")) {
        return MarkupProblem{i, "doctype-refused",
                             "the file has a document type declaration (<!DOCTYPE ...>); "
                             "cloudplan never reads DTDs or expands their entities (remove the "
                             "declaration: ArchiMate files need none)"};
      } else if (at.size() > 1 && at[1] != '/' && at[1] != '!') {
        if (++elements > kMostElements) {
          return MarkupProblem{
              i, "too-many-elements",
              fmt::format("the file has more than {} elements, cloudplan's limit (is this an "
                          "ArchiMate model? split the model, or leave out its views)",
                          kMostElements)};
        }
        std::optional<MarkupProblem> problem;
        i = scanStartTag(text, i, problem);
        if (problem) return problem;
      } else {
        ++i;
      }
      continue;
    }
    if (ampersand == text.size()) break;
    i = ampersand;
    if (auto problem = checkReference(text, i)) return problem;
    ++i;
  }
  return std::nullopt;
}

std::string describeParseError(const tinyxml2::XMLDocument& document, bool atEnd) {
  // TinyXML-2's ErrorStr() ends with what it was reading: "...: XMLElement name=a".
  std::string_view detail = document.ErrorStr();
  const size_t name = detail.find("name=");
  const std::string element =
      name == std::string_view::npos ? std::string() : std::string(detail.substr(name + 5));
  const std::string which = element.empty() ? "an element" : "element " + quoted(element);
  std::string what;
  switch (document.ErrorID()) {
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
    case tinyxml2::XML_ERROR_PARSING_ELEMENT:
      what = atEnd ? fmt::format("the file ends before {} is closed (is it cut short?)", which)
                   : fmt::format("{} is not closed by its own end tag, or its tag is malformed",
                                 which);
      break;
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
      what = fmt::format(
          "an attribute of {} is malformed (quote every value, and give each "
          "attribute once)",
          which);
      break;
    case tinyxml2::XML_ERROR_PARSING_TEXT:
      what = "text where none may be (after the root element, or a '<' in text: write it as &lt;)";
      break;
    case tinyxml2::XML_ERROR_PARSING_CDATA:
      what = "a CDATA section is not closed with ]]>";
      break;
    case tinyxml2::XML_ERROR_PARSING_COMMENT:
      what = "a comment is not closed with -->";
      break;
    case tinyxml2::XML_ERROR_PARSING_DECLARATION:
      what = "a declaration <?...?> is not closed";
      break;
    case tinyxml2::XML_ERROR_PARSING_UNKNOWN:
      what = "a <!...> construct is not closed";
      break;
    case tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED:
      what = fmt::format(
          "elements nest deeper than {} levels, TinyXML-2's limit (is this an "
          "ArchiMate model?)",
          TINYXML2_MAX_ELEMENT_DEPTH);
      break;
    default:
      what = atEnd ? "the file ends too soon (is it cut short?)" : "malformed markup";
      break;
  }
  return fmt::format("not well-formed XML: {} ({})", what, document.ErrorName());
}

}  // namespace

std::string_view declaredXmlEncoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return {};
  const std::string_view declaration = text.substr(0, text.find("?>"));
  const size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return {};
  const size_t quote = declaration.find_first_of("\"'", key);
  if (quote == std::string_view::npos) return {};
  const size_t close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  return declaration.substr(quote + 1, close - quote - 1);
}

bool looksLikeUtf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) text.remove_prefix(2);
  return text.starts_with(std::string_view("<\0", 2)) ||
         text.starts_with(std::string_view("\0<", 2));
}

std::unique_ptr<tinyxml2::XMLDocument> parseXml(InventoryBuilder& builder, uint32_t file,
                                                std::string text) {
  const auto error = [&](uint32_t line, std::string_view code, std::string message) {
    builder.error({file, line}, code, std::move(message));
    return nullptr;
  };
  if (looksLikeUtf16(text)) {
    return error(1, "not-utf8", "the file is UTF-16; cloudplan reads UTF-8 (save it as UTF-8)");
  }
  const std::string encoding(declaredXmlEncoding(text));
  const bool utf8 = encoding.empty() || models::equalsIgnoreCase(encoding, "utf-8") ||
                    models::equalsIgnoreCase(encoding, "utf8") ||
                    models::equalsIgnoreCase(encoding, "us-ascii") ||
                    models::equalsIgnoreCase(encoding, "ascii");
  if (!utf8) {
    if (auto problem = convertToUtf8(text, encoding)) {
      return error(problem->line, problem->code, problem->message);
    }
  }
  if (auto problem = findEncodingProblem(text)) {
    if (problem->code == "not-utf8") {
      problem->message = fmt::format(
          "{} (name the file's encoding in its first line, as in <?xml version=\"1.0\" "
          "encoding=\"windows-1252\"?>, or save it as UTF-8)",
          problem->message.substr(0, problem->message.find(';')));
    }
    return error(problem->line, problem->code, problem->message);
  }
  if (auto problem = findForbiddenCharacter(text)) {
    return error(lineAt(text, problem->at), problem->code, problem->message);
  }
  if (auto problem = findMarkupProblem(text)) {
    return error(lineAt(text, problem->at), problem->code, problem->message);
  }
  auto document = std::make_unique<tinyxml2::XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
  if (document->Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
    if (document->ErrorID() == tinyxml2::XML_ERROR_EMPTY_DOCUMENT) {
      return error(1, "empty-file", "the file holds no XML element (is it empty?)");
    }
    const uint32_t line = std::max(document->ErrorLineNum(), 1);
    const bool deep = document->ErrorID() == tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED;
    if (const std::string_view root = unclosedRoot(text); !root.empty() && !deep) {
      return error(lastLine(text), "bad-xml",
                   fmt::format("not well-formed XML: the file ends before its root element {} is "
                               "closed (is it cut short? TinyXML-2 stopped at line {}: {})",
                               quoted(root), line, document->ErrorName()));
    }
    return error(line, "bad-xml", describeParseError(*document, line >= lastLine(text)));
  }
  const tinyxml2::XMLElement* root = document->RootElement();
  if (!root) return error(1, "empty-file", "the file holds no XML element (is it empty?)");
  if (const tinyxml2::XMLElement* second = root->NextSiblingElement()) {
    return error(lineOf(*second), "bad-xml",
                 fmt::format("not well-formed XML: a second root element {} after {} (line {}); "
                             "a file has one root element",
                             quoted(second->Name()), quoted(root->Name()), lineOf(*root)));
  }
  return document;
}

std::string_view localName(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view namespaceOf(const tinyxml2::XMLElement& element) {
  const std::string_view name = element.Name();
  const size_t colon = name.find(':');
  const std::string attribute =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (const tinyxml2::XMLNode* node = &element; node; node = node->Parent()) {
    const tinyxml2::XMLElement* e = node->ToElement();
    if (!e) break;
    if (const char* uri = e->Attribute(attribute.c_str())) return uri;
  }
  return {};
}

std::string_view attributeOf(const tinyxml2::XMLElement& element, const char* name) {
  const char* value = element.Attribute(name);
  return value ? std::string_view(value) : std::string_view();
}

std::string_view prefixedAttributeOf(const tinyxml2::XMLElement& element, std::string_view local) {
  for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a; a = a->Next()) {
    const std::string_view name = a->Name();
    if (name.find(':') != std::string_view::npos && localName(name) == local) return a->Value();
  }
  return {};
}

std::string_view textOf(const tinyxml2::XMLElement& element, std::string& scratch) {
  std::string_view text;
  bool joined = false;
  for (const tinyxml2::XMLNode* node = element.FirstChild(); node; node = node->NextSibling()) {
    const tinyxml2::XMLText* piece = node->ToText();
    if (!piece) continue;
    if (text.empty() && !joined) {
      text = piece->Value();
      continue;
    }
    if (!joined) scratch.assign(text);
    joined = true;
    scratch += piece->Value();
  }
  if (joined) text = scratch;
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

}  // namespace cloudplan::importers
