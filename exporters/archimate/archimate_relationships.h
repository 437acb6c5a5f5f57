// Which relationships ArchiMate allows between two element types (the relationship table of the
// specification's Appendix B), for the element types the plan exporter writes: the seven a system
// is read from (and written as, under its kept identifier) and the four of the implementation and
// migration layer. Kept as data so that the exporter chooses from it and a test checks every
// relationship it writes.
#pragma once

#include <span>
#include <string_view>

namespace cloudplan::exporters {

// The element types the table covers.
std::span<const std::string_view> archimateTableTypes();

// True when ArchiMate allows a `relationship` (an exchange-format name: "Serving",
// "Composition", ...) from an element of type `source` to one of type `target`. False for types
// the table does not cover.
bool isAllowedRelationship(std::string_view source, std::string_view relationship,
                           std::string_view target);

}  // namespace cloudplan::exporters
