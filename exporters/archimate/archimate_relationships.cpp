#include "exporters/archimate/archimate_relationships.h"

#include <array>

namespace cloudplan::exporters {
namespace {

constexpr std::array<std::string_view, 11> kTypes = {"ApplicationComponent",
                                                     "ApplicationInterface",
                                                     "Node",
                                                     "SystemSoftware",
                                                     "Device",
                                                     "CommunicationNetwork",
                                                     "TechnologyInterface",
                                                     "Plateau",
                                                     "WorkPackage",
                                                     "Deliverable",
                                                     "Gap"};

// kAllowed[source][target]: the relationships allowed, one letter each, as the specification's
// table writes them: a access, c composition, f flow, g aggregation, i assignment, n influence,
// o association, r realization, s specialization, t triggering, v serving. Rows and columns in
// the order of kTypes. Taken from Archi's encoding of the table (relationships.xml).
constexpr std::array<std::array<std::string_view, 11>, 11> kAllowed = {{
    // ApplicationComponent ->
    {"cfgorstv", "cfgortv", "fotv", "fotv", "fotv", "fotv", "fotv", "o", "o", "o", "o"},
    // ApplicationInterface ->
    {"fotv", "cfgostv", "fotv", "fotv", "fotv", "fotv", "fotv", "o", "o", "o", "o"},
    // Node ->
    {"fortv", "fortv", "cfgiostv", "cfgiortv", "cfgiortv", "fotv", "cfgiortv", "o", "io", "o", "o"},
    // SystemSoftware ->
    {"fortv", "fortv", "fotv", "cfgiorstv", "fotv", "fotv", "cfgiortv", "o", "o", "o", "o"},
    // Device ->
    {"fortv", "fortv", "fotv", "cfgiortv", "cfgostv", "fotv", "cfgiortv", "o", "o", "o", "o"},
    // CommunicationNetwork ->
    {"fortv", "fortv", "fortv", "fgiortv", "fgortv", "cfgostv", "fgiortv", "o", "o", "o", "o"},
    // TechnologyInterface ->
    {"fotv", "fortv", "fotv", "fotv", "fotv", "fotv", "cfgostv", "o", "o", "o", "o"},
    // Plateau ->
    {"cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cfgost", "fot", "ao", "o"},
    // WorkPackage ->
    {"or", "or", "or", "or", "or", "or", "or", "fort", "cfgost", "aor", "o"},
    // Deliverable ->
    {"or", "or", "or", "or", "or", "or", "or", "or", "o", "cgos", "o"},
    // Gap ->
    {"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "cgos"},
}};

constexpr std::array<std::pair<std::string_view, char>, 11> kLetters = {{{"Access", 'a'},
                                                                         {"Composition", 'c'},
                                                                         {"Flow", 'f'},
                                                                         {"Aggregation", 'g'},
                                                                         {"Assignment", 'i'},
                                                                         {"Influence", 'n'},
                                                                         {"Association", 'o'},
                                                                         {"Realization", 'r'},
                                                                         {"Specialization", 's'},
                                                                         {"Triggering", 't'},
                                                                         {"Serving", 'v'}}};

int indexOf(std::string_view type) {
  for (size_t i = 0; i < kTypes.size(); ++i) {
    if (kTypes[i] == type) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::span<const std::string_view> archimateTableTypes() {
  return kTypes;
}

bool isAllowedRelationship(std::string_view source, std::string_view relationship,
                           std::string_view target) {
  const int s = indexOf(source), t = indexOf(target);
  if (s < 0 || t < 0) return false;
  for (const auto& [name, letter] : kLetters) {
    if (name == relationship) return kAllowed[s][t].find(letter) != std::string_view::npos;
  }
  return false;
}

}  // namespace cloudplan::exporters
