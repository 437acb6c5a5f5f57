// ArchiMate models in XML, their form told by the root element and its namespace rather than by
// the file name: the exchange format (3.x or 2.1) or Archi's native .archimate.
#pragma once

#include <optional>
#include <string>

#include "importers/archimate/archimate_model.h"
#include "importers/inventory_builder.h"

namespace tinyxml2 {
class XMLElement;
}

namespace cloudplan::importers {

enum class ArchimateXmlForm : uint8_t { exchange, exchange21, archiModel, unknown };

ArchimateXmlForm archimateXmlFormOf(const tinyxml2::XMLElement& root);

// Reports a root that is none of the forms, naming what was found.
void reportUnknownRoot(InventoryBuilder& builder, uint32_t file, const tinyxml2::XMLElement& root);

// Reads an ArchiMate XML file of any form; nullopt after an error that stops the file.
std::optional<ArchimateModel> readArchimateXml(InventoryBuilder& builder, uint32_t file,
                                               std::string text);

}  // namespace cloudplan::importers
