// XML files for the ArchiMate readers, parsed with TinyXML-2 under rules that keep a hostile file
// harmless: a document type declaration is refused before parsing (no DTD is read, no entity
// expanded, nothing fetched), references to undefined entities are errors, and TinyXML-2's depth
// limit stops runaway nesting. Characters XML 1.0 does not allow are refused, written or as
// references, and so are elements with too many attributes and files with too many elements.
// Files declared in windows-1252 or ISO-8859-1 are converted to UTF-8 first. Problems are
// reported as `file:line: error: ...` and stop reading the file.
#pragma once

#include <tinyxml2.h>

#include <memory>
#include <string>
#include <string_view>

#include "importers/inventory_builder.h"

namespace cloudplan::importers {

// Limits that keep a hostile file from taking minutes (TinyXML-2's check for repeated attributes
// takes time in the square of an element's attributes) or gigabytes. ArchiMate models are far
// inside them: a handful of attributes per element, and about 50 elements per system.
inline constexpr size_t kMostAttributesPerElement = 100;
inline constexpr size_t kMostElements = 5'000'000;

// The encoding an XML declaration at the start of `text` names, or empty.
std::string_view declaredXmlEncoding(std::string_view text);

// True when `text` starts like UTF-16 XML: '<' and a NUL byte, after any UTF-16 byte-order mark.
bool looksLikeUtf16(std::string_view text);

// Parses `text` (any UTF-8 byte-order mark removed); null after reporting why it cannot be read.
std::unique_ptr<tinyxml2::XMLDocument> parseXml(InventoryBuilder& builder, uint32_t file,
                                                std::string text);

// "archimate:model" -> "model".
std::string_view localName(std::string_view name);

// The namespace URI of an element's name: the xmlns binding of its prefix (or the default
// namespace), looked up on the element and then its ancestors. Empty when none is declared.
std::string_view namespaceOf(const tinyxml2::XMLElement& element);

// An attribute's value, empty when it is absent.
std::string_view attributeOf(const tinyxml2::XMLElement& element, const char* name);

// The first prefixed attribute whose local name is `local`: "type" finds xsi:type (but not a
// plain `type`).
std::string_view prefixedAttributeOf(const tinyxml2::XMLElement& element, std::string_view local);

// The element's text with surrounding blanks trimmed; empty when it has none. Text in several
// pieces (around a CDATA section or a comment) is joined in `scratch`, which the result may view.
std::string_view textOf(const tinyxml2::XMLElement& element, std::string& scratch);

inline uint32_t lineOf(const tinyxml2::XMLElement& element) {
  return static_cast<uint32_t>(element.GetLineNum());
}

}  // namespace cloudplan::importers
