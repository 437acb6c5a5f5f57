#include "importers/archimate/archimate_xml.h"

#include <fmt/format.h>

#include <array>

#include "importers/archimate/archi_model.h"
#include "importers/archimate/archimate_exchange.h"
#include "importers/archimate/xml_document.h"

namespace cloudplan::importers {

using models::quoted;

namespace {

// Tools write the 3.x namespace with and without its final slash, some with 3.1 in it.
constexpr std::array<std::string_view, 4> kExchange = {
    "http://www.opengroup.org/xsd/archimate/3.0/", "http://www.opengroup.org/xsd/archimate/3.0",
    "http://www.opengroup.org/xsd/archimate/3.1/", "http://www.opengroup.org/xsd/archimate/3.1"};
constexpr std::array<std::string_view, 2> kExchange21 = {"http://www.opengroup.org/xsd/archimate",
                                                         "http://www.opengroup.org/xsd/archimate/"};
// Archi since version 2, and the Bolton namespace of Archi 1.
constexpr std::array<std::string_view, 2> kArchi = {"http://www.archimatetool.com/archimate",
                                                    "http://www.bolton.ac.uk/archimate"};

template <size_t N>
bool isOneOf(std::string_view value, const std::array<std::string_view, N>& values) {
  for (std::string_view v : values) {
    if (value == v) return true;
  }
  return false;
}

}  // namespace

ArchimateXmlForm archimateXmlFormOf(const tinyxml2::XMLElement& root) {
  if (localName(root.Name()) != "model") return ArchimateXmlForm::unknown;
  const std::string_view uri = namespaceOf(root);
  if (isOneOf(uri, kExchange)) return ArchimateXmlForm::exchange;
  if (isOneOf(uri, kExchange21)) return ArchimateXmlForm::exchange21;
  if (isOneOf(uri, kArchi)) return ArchimateXmlForm::archiModel;
  return ArchimateXmlForm::unknown;
}

void reportUnknownRoot(InventoryBuilder& builder, uint32_t file, const tinyxml2::XMLElement& root) {
  const std::string_view uri = namespaceOf(root);
  builder.error({file, lineOf(root)}, "unknown-format",
                fmt::format("the root element is {} {}, which is not an ArchiMate model that "
                            "cloudplan reads (an exchange model is <model "
                            "xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">, an Archi "
                            "model <archimate:model "
                            "xmlns:archimate=\"http://www.archimatetool.com/archimate\">)",
                            quoted(root.Name()),
                            uri.empty() ? std::string("in no namespace")
                                        : fmt::format("in namespace {}", quoted(uri))));
}

std::optional<ArchimateModel> readArchimateXml(InventoryBuilder& builder, uint32_t file,
                                               std::string text) {
  const auto document = parseXml(builder, file, std::move(text));
  if (!document) return std::nullopt;
  const tinyxml2::XMLElement& root = *document->RootElement();
  switch (archimateXmlFormOf(root)) {
    case ArchimateXmlForm::exchange:
    case ArchimateXmlForm::exchange21:
      return readArchimateExchangeRoot(builder, file, root);
    case ArchimateXmlForm::archiModel:
      return readArchiModelRoot(builder, file, root);
    case ArchimateXmlForm::unknown:
      break;
  }
  reportUnknownRoot(builder, file, root);
  return std::nullopt;
}

}  // namespace cloudplan::importers
