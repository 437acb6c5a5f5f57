#include "importers/archimate/archimate_exchange.h"

#include <fmt/format.h>

#include <unordered_map>
#include <vector>

#include "importers/archimate/archimate_strings.h"
#include "importers/archimate/archimate_types.h"
#include "importers/archimate/archimate_xml.h"
#include "importers/archimate/xml_document.h"

namespace cloudplan::importers {

using models::quoted;
using tinyxml2::XMLElement;

namespace {

// Calls f(child) for each child element whose local name is `local`.
template <class F>
void forEachChild(const XMLElement& parent, std::string_view local, F f) {
  for (const XMLElement* child = parent.FirstChildElement(); child;
       child = child->NextSiblingElement()) {
    if (localName(child->Name()) == local) f(*child);
  }
}

const XMLElement* firstChild(const XMLElement& parent, std::string_view local) {
  for (const XMLElement* child = parent.FirstChildElement(); child;
       child = child->NextSiblingElement()) {
    if (localName(child->Name()) == local) return child;
  }
  return nullptr;
}

std::string_view languageOf(const XMLElement& element) {
  return attributeOf(element, "xml:lang");
}

class ExchangeReader {
 public:
  ExchangeReader(InventoryBuilder& builder, uint32_t file, const XMLElement& root)
      : builder_(builder),
        file_(file),
        root_(root),
        strings_(builder.inventory()),
        v21_(archimateXmlFormOf(root) == ArchimateXmlForm::exchange21) {}

  ArchimateModel read();

 private:
  void readPropertyDefinitions();
  void readElements(const XMLElement& elements);
  void readRelationships(const XMLElement& relationships);
  void readOrganization(const XMLElement& item, uint32_t folder);
  // Name, documentation and properties, shared by elements and relationships.
  void readConcept(const XMLElement& element, ArchimateConcept& record);
  // Of the children named `local`, the one in the model's language (else the first); each
  // other one with a language becomes the property `key@LANG`.
  std::string_view readLanguages(const XMLElement& parent, std::string_view local,
                                 std::string_view key);
  void readProperties(const XMLElement& element);

  models::SourceLocation at(const XMLElement& element) const { return {file_, lineOf(element)}; }

  InventoryBuilder& builder_;
  uint32_t file_;
  const XMLElement& root_;
  ArchimateStrings strings_;
  ArchimateModel model_;
  std::string scratch_;  // text in several pieces, joined
  bool v21_;
  std::string_view language_;  // the model's first language
  std::unordered_map<std::string_view, std::string_view> definitions_;  // identifier -> name
};

ArchimateModel ExchangeReader::read() {
  model_.where = at(root_);
  if (const XMLElement* name = firstChild(root_, "name")) {
    language_ = languageOf(*name);
    model_.name = strings_.keep(textOf(*name, scratch_));
  }
  readPropertyDefinitions();
  if (const XMLElement* elements = firstChild(root_, "elements")) readElements(*elements);
  if (const XMLElement* relationships = firstChild(root_, "relationships")) {
    readRelationships(*relationships);
  }
  // The model's own properties say nothing about systems, but their references are checked.
  if (const XMLElement* properties = firstChild(root_, "properties")) {
    const size_t kept = model_.properties.size();
    readProperties(*properties);
    model_.properties.resize(kept);
  }
  forEachChild(root_, v21_ ? "organization" : "organizations", [&](const XMLElement& top) {
    forEachChild(top, "item",
                 [&](const XMLElement& item) { readOrganization(item, models::kNone); });
  });
  if (const XMLElement* views = firstChild(root_, "views")) {
    if (const XMLElement* diagrams = firstChild(*views, "diagrams")) {
      forEachChild(*diagrams, "view", [&](const XMLElement&) { ++model_.views; });
    }
  }
  return std::move(model_);
}

void ExchangeReader::readPropertyDefinitions() {
  const XMLElement* definitions = firstChild(root_, v21_ ? "propertydefs" : "propertyDefinitions");
  if (!definitions) return;
  std::unordered_map<std::string_view, uint32_t> lines;
  forEachChild(
      *definitions, v21_ ? "propertydef" : "propertyDefinition", [&](const XMLElement& definition) {
        const std::string_view identifier = attributeOf(definition, "identifier");
        std::string_view name = attributeOf(definition, "name");  // 2.1
        if (const XMLElement* child = firstChild(definition, "name")) {
          name = textOf(*child, scratch_);
        }
        if (identifier.empty()) {
          builder_.error(at(definition), "missing-value",
                         "a property definition without an identifier (give it one)");
          return;
        }
        const auto [it, inserted] = lines.emplace(identifier, lineOf(definition));
        if (!inserted) {
          builder_.error(at(definition), "duplicate-id",
                         fmt::format("duplicate identifier {}; the property definition "
                                     "is skipped (first defined at {})",
                                     quoted(identifier), builder_.describe({file_, it->second})));
          return;
        }
        definitions_.emplace(identifier, strings_.keep(name.empty() ? identifier : name));
      });
}

std::string_view ExchangeReader::readLanguages(const XMLElement& parent, std::string_view local,
                                               std::string_view key) {
  const XMLElement* chosen = nullptr;
  forEachChild(parent, local, [&](const XMLElement& child) {
    if (!chosen || (languageOf(child) == language_ && languageOf(*chosen) != language_)) {
      chosen = &child;
    }
  });
  if (!chosen) return {};
  forEachChild(parent, local, [&](const XMLElement& child) {
    const std::string_view language = languageOf(child);
    if (&child == chosen || language.empty()) return;
    model_.properties.push_back({strings_.keep(fmt::format("{}@{}", key, language)),
                                 strings_.keep(textOf(child, scratch_))});
  });
  return strings_.keep(textOf(*chosen, scratch_));
}

void ExchangeReader::readProperties(const XMLElement& properties) {
  forEachChild(properties, "property", [&](const XMLElement& property) {
    const std::string_view ref =
        attributeOf(property, v21_ ? "identifierref" : "propertyDefinitionRef");
    const auto definition = definitions_.find(ref);
    if (definition == definitions_.end()) {
      builder_.error(at(property), "unknown-reference",
                     fmt::format("property definition reference {} does not exist; the property "
                                 "is skipped (define it under <{}>, or fix the reference)",
                                 quoted(ref), v21_ ? "propertydefs" : "propertyDefinitions"));
      return;
    }
    const size_t before = model_.properties.size();
    const std::string_view value = readLanguages(property, "value", definition->second);
    // readLanguages added the other languages' values; the chosen one goes before them.
    model_.properties.insert(model_.properties.begin() + static_cast<std::ptrdiff_t>(before),
                             ArchimateProperty{definition->second, value});
  });
}

void ExchangeReader::readConcept(const XMLElement& element, ArchimateConcept& record) {
  record.identifier = strings_.keep(attributeOf(element, "identifier"));
  record.where = at(element);
  record.firstProperty = static_cast<uint32_t>(model_.properties.size());
  record.name = readLanguages(element, v21_ ? "label" : "name", "name");
  record.documentation = readLanguages(element, "documentation", "documentation");
  if (const XMLElement* properties = firstChild(element, "properties")) readProperties(*properties);
  record.propertyCount = static_cast<uint32_t>(model_.properties.size() - record.firstProperty);
}

void ExchangeReader::readElements(const XMLElement& elements) {
  forEachChild(elements, "element", [&](const XMLElement& element) {
    ArchimateElement e;
    readConcept(element, e);
    e.type = strings_.keep(canonicalType(prefixedAttributeOf(element, "type")));
    model_.elements.push_back(e);
  });
}

void ExchangeReader::readRelationships(const XMLElement& relationships) {
  forEachChild(relationships, "relationship", [&](const XMLElement& relationship) {
    ArchimateRelationship r;
    readConcept(relationship, r);
    r.type = strings_.keep(canonicalType(prefixedAttributeOf(relationship, "type")));
    r.source = strings_.keep(attributeOf(relationship, "source"));
    r.target = strings_.keep(attributeOf(relationship, "target"));
    model_.relationships.push_back(r);
  });
}

void ExchangeReader::readOrganization(const XMLElement& item, uint32_t folder) {
  if (const std::string_view ref = attributeOf(item, v21_ ? "identifierref" : "identifierRef");
      !ref.empty()) {
    model_.memberships.push_back({strings_.keep(ref), folder});
    return;
  }
  const auto index = static_cast<uint32_t>(model_.folders.size());
  const XMLElement* label = nullptr;
  forEachChild(item, "label", [&](const XMLElement& child) {
    if (!label || (languageOf(child) == language_ && languageOf(*label) != language_)) {
      label = &child;
    }
  });
  model_.folders.push_back(
      {label ? strings_.keep(textOf(*label, scratch_)) : std::string_view(), folder, at(item)});
  forEachChild(item, "item", [&](const XMLElement& child) { readOrganization(child, index); });
}

}  // namespace

ArchimateModel readArchimateExchangeRoot(InventoryBuilder& builder, uint32_t file,
                                         const XMLElement& root) {
  return ExchangeReader(builder, file, root).read();
}

std::optional<ArchimateModel> readArchimateExchange(InventoryBuilder& builder, uint32_t file,
                                                    std::string text) {
  const auto document = parseXml(builder, file, std::move(text));
  if (!document) return std::nullopt;
  const XMLElement& root = *document->RootElement();
  const ArchimateXmlForm form = archimateXmlFormOf(root);
  if (form != ArchimateXmlForm::exchange && form != ArchimateXmlForm::exchange21) {
    reportUnknownRoot(builder, file, root);
    return std::nullopt;
  }
  return readArchimateExchangeRoot(builder, file, root);
}

}  // namespace cloudplan::importers
