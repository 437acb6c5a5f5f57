#include "importers/archimate/archi_model.h"

#include "importers/archimate/archimate_strings.h"
#include "importers/archimate/archimate_types.h"
#include "importers/archimate/archimate_xml.h"
#include "importers/archimate/xml_document.h"

namespace cloudplan::importers {

using tinyxml2::XMLElement;

namespace {

bool isView(std::string_view type) {
  return type.ends_with("DiagramModel") || type == "SketchModel" || type == "CanvasModel";
}

class ArchiModelReader {
 public:
  ArchiModelReader(InventoryBuilder& builder, uint32_t file)
      : file_(file), strings_(builder.inventory()) {}

  ArchimateModel read(const XMLElement& root);

 private:
  // The folder's (or the model's) children; `folder` is the folder that holds them.
  void readChildren(const XMLElement& parent, uint32_t folder);
  void readElement(const XMLElement& element, uint32_t folder);
  // Documentation is a child element since Archi 4, an attribute before.
  std::string_view documentationOf(const XMLElement& element);

  models::SourceLocation at(const XMLElement& element) const { return {file_, lineOf(element)}; }

  uint32_t file_;
  ArchimateStrings strings_;
  ArchimateModel model_;
  std::string scratch_;  // text in several pieces, joined
};

ArchimateModel ArchiModelReader::read(const XMLElement& root) {
  model_.where = at(root);
  model_.name = strings_.keep(attributeOf(root, "name"));
  readChildren(root, models::kNone);
  return std::move(model_);
}

std::string_view ArchiModelReader::documentationOf(const XMLElement& element) {
  for (const XMLElement* child = element.FirstChildElement(); child;
       child = child->NextSiblingElement()) {
    if (localName(child->Name()) == "documentation") return strings_.keep(textOf(*child, scratch_));
  }
  return strings_.keep(attributeOf(element, "documentation"));
}

void ArchiModelReader::readChildren(const XMLElement& parent, uint32_t folder) {
  for (const XMLElement* child = parent.FirstChildElement(); child;
       child = child->NextSiblingElement()) {
    const std::string_view name = localName(child->Name());
    if (name == "folder") {
      const auto index = static_cast<uint32_t>(model_.folders.size());
      model_.folders.push_back({strings_.keep(attributeOf(*child, "name")), folder, at(*child)});
      readChildren(*child, index);
    } else if (name == "element") {
      readElement(*child, folder);
    }
  }
}

void ArchiModelReader::readElement(const XMLElement& element, uint32_t folder) {
  const std::string_view written = prefixedAttributeOf(element, "type");
  std::string_view type = canonicalType(written);
  // Archi has one Junction with a type attribute; the exchange format two types.
  if (type == "Junction")
    type = attributeOf(element, "type") == "or" ? "OrJunction" : "AndJunction";
  if (isView(type)) {
    ++model_.views;
    return;
  }
  ArchimateConcept record;
  record.identifier = strings_.keep(attributeOf(element, "id"));
  record.type = strings_.keep(type);
  record.name = strings_.keep(attributeOf(element, "name"));
  record.documentation = documentationOf(element);
  record.where = at(element);
  record.firstProperty = static_cast<uint32_t>(model_.properties.size());
  for (const XMLElement* child = element.FirstChildElement(); child;
       child = child->NextSiblingElement()) {
    if (localName(child->Name()) != "property") continue;
    model_.properties.push_back(
        {strings_.keep(attributeOf(*child, "key")), strings_.keep(attributeOf(*child, "value"))});
  }
  record.propertyCount = static_cast<uint32_t>(model_.properties.size() - record.firstProperty);
  if (hasRelationshipSuffix(localName(written))) {
    ArchimateRelationship relationship;
    static_cast<ArchimateConcept&>(relationship) = record;
    relationship.source = strings_.keep(attributeOf(element, "source"));
    relationship.target = strings_.keep(attributeOf(element, "target"));
    model_.relationships.push_back(relationship);
  } else {
    ArchimateElement e;
    static_cast<ArchimateConcept&>(e) = record;
    e.folder = folder;
    model_.elements.push_back(e);
  }
}

}  // namespace

ArchimateModel readArchiModelRoot(InventoryBuilder& builder, uint32_t file,
                                  const XMLElement& root) {
  return ArchiModelReader(builder, file).read(root);
}

std::optional<ArchimateModel> readArchiModel(InventoryBuilder& builder, uint32_t file,
                                             std::string text) {
  const auto document = parseXml(builder, file, std::move(text));
  if (!document) return std::nullopt;
  const XMLElement& root = *document->RootElement();
  if (archimateXmlFormOf(root) != ArchimateXmlForm::archiModel) {
    reportUnknownRoot(builder, file, root);
    return std::nullopt;
  }
  return readArchiModelRoot(builder, file, root);
}

}  // namespace cloudplan::importers
