// The Open Group exchange format: ArchiMate 3.0 and 3.1 models (namespace
// http://www.opengroup.org/xsd/archimate/3.0/) and 2.1 ones
// (http://www.opengroup.org/xsd/archimate, with `label`, `propertydefs` and `organization`), read
// into an ArchimateModel. A property's key is its definition's name; a name or value in several
// languages uses the model's first language (the language of the model's own first name), the
// others are kept as properties `name@LANG`.
#pragma once

#include <optional>
#include <string>

#include "importers/archimate/archimate_model.h"
#include "importers/inventory_builder.h"

namespace tinyxml2 {
class XMLElement;
}

namespace cloudplan::importers {

// Reads an exchange file's text; nullopt after an error that stops the file (not well-formed XML,
// another kind of root). Problems with one record are reported and the record left out.
std::optional<ArchimateModel> readArchimateExchange(InventoryBuilder& builder, uint32_t file,
                                                    std::string text);

// The same from the root of a parsed document (readArchimateXml tells the form from it first).
ArchimateModel readArchimateExchangeRoot(InventoryBuilder& builder, uint32_t file,
                                         const tinyxml2::XMLElement& root);

}  // namespace cloudplan::importers
