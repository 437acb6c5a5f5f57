// Archi's native .archimate file (namespace http://www.archimatetool.com/archimate): folders
// holding `<element xsi:type="archimate:...">` entries, relationships among them told by the
// "Relationship" suffix of their type, properties as `<property key= value=>`. Views are skipped;
// Archi 3 models (ArchiMate 2.1 type names) are read with their names mapped to 3.1.
#pragma once

#include <optional>
#include <string>

#include "importers/archimate/archimate_model.h"
#include "importers/inventory_builder.h"

namespace tinyxml2 {
class XMLElement;
}

namespace cloudplan::importers {

// Reads a .archimate file's text; nullopt after an error that stops the file (not well-formed
// XML, another kind of root, a zip archive).
std::optional<ArchimateModel> readArchiModel(InventoryBuilder& builder, uint32_t file,
                                             std::string text);

// The same from the root of a parsed document (readArchimateXml tells the form from it first).
ArchimateModel readArchiModelRoot(InventoryBuilder& builder, uint32_t file,
                                  const tinyxml2::XMLElement& root);

}  // namespace cloudplan::importers
