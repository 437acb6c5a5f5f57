#include "importers/archimate/archimate_mapping.h"

#include <fmt/format.h>
#include <tsl/robin_map.h>
#include <tsl/robin_set.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

#include "importers/archimate/archimate_types.h"
#include "importers/csv/csv_reader.h"
#include "importers/suggest.h"
#include "importers/system_fields.h"
#include "models/plan.h"

namespace cloudplan::importers {

using models::kNone;
using models::quoted;
using models::SystemIndex;

namespace {

// The inventory columns a property may fill (spec/inventory-csv.md), matched case-insensitively.
enum class Column : uint8_t {
  id,
  agency,
  type,
  strategy,
  criticality,
  effortDays,
  target,
  pinnedWave,
  notBefore,
  finishBy,
  none
};
constexpr std::array<std::string_view, 10> kColumnNames = {
    "id",          "agency", "type",        "strategy",   "criticality",
    "effort_days", "target", "pinned_wave", "not_before", "finish_by"};

Column columnOf(std::string_view key) {
  for (size_t i = 0; i < kColumnNames.size(); ++i) {
    if (models::equalsIgnoreCase(key, kColumnNames[i])) return static_cast<Column>(i);
  }
  return Column::none;
}

uint64_t pairKey(SystemIndex consumer, SystemIndex provider) {
  return (uint64_t{consumer} << 32) | provider;
}

// std::hash of an integer is the integer, and a power-of-two table then looks at the provider's
// low bits only: many pairs share them. A mixing step (splitmix64's finaliser) spreads them.
struct PairHash {
  size_t operator()(uint64_t key) const {
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ull;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebull;
    return static_cast<size_t>(key ^ (key >> 31));
  }
};

// "12 BusinessActor, 9 BusinessProcess, ...": most frequent first.
std::string countsByType(const tsl::robin_map<std::string_view, uint32_t>& counts) {
  std::vector<std::pair<std::string_view, uint32_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::string text;
  for (const auto& [type, count] : sorted) {
    if (!text.empty()) text += ", ";
    text += fmt::format("{} {}", count, type.empty() ? "(no type)" : type);
  }
  return text;
}

// How a system is related to the BusinessActor it takes its agency from, by rank.
constexpr std::array<std::string_view, 3> kActorRelationships = {"assigned to", "associated with",
                                                                 "related by serving to"};

// What an identifier names in the model.
struct Reference {
  bool relationship = false;
  uint32_t index = 0;
};

// A dependency the rules gave, before it goes to the builder.
struct Derived {
  SystemIndex consumer;
  SystemIndex provider;
  models::Coupling coupling;
  std::string_view kind;
  std::string_view rule;
  uint32_t relationship;  // where it is reported, and whose properties it carries
};

class Mapper {
 public:
  Mapper(InventoryBuilder& builder, const ArchimateModel& model,
         const ArchimateMappingOptions& options)
      : builder_(builder), inventory_(builder.inventory()), model_(model), options_(options) {}

  void map();

 private:
  void indexIdentifiers();
  void fileMemberships();
  void addSystems();
  void addSystem(uint32_t element, models::SystemType type);
  models::AgencyIndex agencyOfFolder(uint32_t folder);
  void findActors();
  models::AgencyIndex agencyOfActor(uint32_t actor);
  void reportMissingAgencies();
  void addDependencies();
  void derive(uint32_t relationship, std::vector<Derived>& direct);
  // The relationships whose two ends are elements, as (relationship, source, target).
  template <class F>
  void forEachBetweenElements(F f) const;
  void deriveThroughServices(std::vector<Derived>& derived);
  void deriveThroughArtifacts(std::vector<Derived>& derived);
  // A service or artifact that would join `from` systems to `to` systems: past a bound, a model
  // mistake (or a hostile file) that would make the dependencies quadratic. Warns when it is.
  bool tooManyPaths(uint32_t middle, size_t from, size_t to, std::string_view fromVerb,
                    std::string_view toVerb);
  void emit(const Derived& d, bool fromRelationship);
  void report();

  // The element a relationship end names: kNone when it names a relationship (such a
  // relationship is not planned), nullopt after an error when it names nothing of the model.
  std::optional<uint32_t> endOf(uint32_t relationship, std::string_view identifier,
                                std::string_view which);

  template <class E>
  std::optional<E> choice(models::SourceLocation where, std::string_view key,
                          std::string_view value);

  SystemIndex systemOf(uint32_t element) const { return systemOfElement_[element]; }
  std::string_view typeOf(uint32_t element) const { return model_.elements[element].type; }
  void error(models::SourceLocation where, std::string_view code, std::string message) {
    builder_.error(where, code, std::move(message));
  }
  void note(models::SourceLocation where, std::string_view code, std::string message) {
    builder_.diagnostics().note(code, inventory_.fileOf(where), where.line, std::move(message));
  }

  InventoryBuilder& builder_;
  models::Inventory& inventory_;
  const ArchimateModel& model_;
  const ArchimateMappingOptions& options_;
  tsl::robin_map<std::string_view, Reference> identifiers_;
  std::vector<bool> skipped_;              // elements then relationships left out after an error
  std::vector<uint32_t> folderOfElement_;  // the model's folders, with exchange memberships filed
  std::vector<SystemIndex> systemOfElement_;
  std::vector<models::AgencyIndex> agencyOfFolder_;  // kNone: no agency; kUnknown: not yet known
  // The BusinessActor each system element is related to, the strongest relationship first
  // (assignment, association, serving), and the actors' agencies once made.
  struct ActorLink {
    uint32_t actor = kNone;
    uint8_t rank = 0;
    uint32_t others = 0;  // other actors related as strongly
  };
  std::vector<ActorLink> actorOfElement_;
  tsl::robin_map<uint32_t, models::AgencyIndex> agencyOfActor_;
  // Systems without an agency: reported one by one, or in one error when none has one.
  struct Missing {
    models::SourceLocation where;
    std::string message;
    std::string_view type;
  };
  std::vector<Missing> missingAgencies_;
  uint32_t withAgency_ = 0;
  std::vector<bool> usedRelationship_;
  struct Ends {
    uint32_t source = kNone;  // element indices; kNone when an end is not an element
    uint32_t target = kNone;
  };
  std::vector<Ends> ends_;
  tsl::robin_set<uint64_t, PairHash> pairs_;  // (consumer, provider) pairs already handed over
  tsl::robin_map<std::string_view, uint32_t> systemsByType_, dependenciesByRule_, otherElements_,
      otherRelationships_;
  uint32_t selfRelationships_ = 0, derivedSelf_ = 0, derivedRepeats_ = 0, dependencies_ = 0;
  uint32_t planWaves_ = 0;  // systems with a `wave` property, which is not read

  static constexpr models::AgencyIndex kUnknown = kNone - 1;
  static constexpr size_t kMaxPathsThrough = 10'000;
};

void Mapper::map() {
  skipped_.assign(model_.elements.size() + model_.relationships.size(), false);
  indexIdentifiers();
  fileMemberships();
  findActors();
  addSystems();
  reportMissingAgencies();
  addDependencies();
  report();
}

void Mapper::indexIdentifiers() {
  identifiers_.reserve(model_.elements.size() + model_.relationships.size());
  const auto add = [&](const ArchimateConcept& record, Reference reference, uint32_t slot) {
    if (record.identifier.empty()) return;
    const auto [it, inserted] = identifiers_.emplace(record.identifier, reference);
    if (inserted) return;
    const ArchimateConcept& first =
        it->second.relationship
            ? static_cast<const ArchimateConcept&>(model_.relationships[it->second.index])
            : model_.elements[it->second.index];
    error(
        record.where, "duplicate-id",
        fmt::format("duplicate identifier {}; the {} is skipped (first defined at {})",
                    quoted(record.identifier), reference.relationship ? "relationship" : "element",
                    builder_.describe(first.where)));
    skipped_[slot] = true;
  };
  for (uint32_t e = 0; e < model_.elements.size(); ++e)
    add(model_.elements[e], {false, e}, e);
  const auto elements = static_cast<uint32_t>(model_.elements.size());
  for (uint32_t r = 0; r < model_.relationships.size(); ++r)
    add(model_.relationships[r], {true, r}, elements + r);
}

void Mapper::fileMemberships() {
  folderOfElement_.resize(model_.elements.size());
  for (size_t e = 0; e < model_.elements.size(); ++e)
    folderOfElement_[e] = model_.elements[e].folder;
  for (const ArchimateMembership& m : model_.memberships) {
    const auto it = identifiers_.find(m.identifier);
    if (it == identifiers_.end() || it->second.relationship) continue;  // views, relationships
    uint32_t& folder = folderOfElement_[it->second.index];
    if (folder == kNone) folder = m.folder;
  }
  agencyOfFolder_.assign(model_.folders.size(), kUnknown);
}

void Mapper::addSystems() {
  systemOfElement_.assign(model_.elements.size(), kNone);
  inventory_.reserveMoreSystems(model_.elements.size());
  tsl::robin_set<std::string_view> warnedTypes;
  for (uint32_t e = 0; e < model_.elements.size(); ++e) {
    const ArchimateElement& element = model_.elements[e];
    if (skipped_[e]) continue;
    if (const auto type = systemTypeOf(element.type)) {
      addSystem(e, *type);
      continue;
    }
    ++otherElements_[element.type];
    if (!isKnownElementType(element.type) && warnedTypes.insert(element.type).second) {
      builder_.warning(element.where, "unknown-type",
                       fmt::format("unknown ArchiMate element type {}; such elements are not "
                                   "planned (check the type's spelling)",
                                   quoted(element.type)));
    }
  }
}

template <class E>
std::optional<E> Mapper::choice(models::SourceLocation where, std::string_view key,
                                std::string_view value) {
  if (auto parsed = models::parseName<E>(value)) return parsed;
  const auto& names = models::Vocabulary<E>::names;
  Suggester suggester({names.begin(), names.end()});
  const auto close = suggester.closest(value);
  error(where, "bad-value",
        fmt::format("{} {} is not one of {}{}", key, quoted(value), models::allowedNames<E>(),
                    didYouMean(close)));
  return std::nullopt;
}

void Mapper::addSystem(uint32_t e, models::SystemType type) {
  const ArchimateElement& element = model_.elements[e];
  const models::SourceLocation where = element.where;
  models::System system;
  system.id = element.identifier;
  system.type = type;
  system.where = where;
  system.documentation = element.documentation;
  std::array<std::string_view, kColumnNames.size()> cells{};
  auto& properties = inventory_.properties;
  models::PropertyRange range{static_cast<uint32_t>(properties.size()), 0};
  bool planWave = false;
  for (const ArchimateProperty& property : model_.propertiesOf(element)) {
    // The wave a plan gave the system (plan.archimate.xml writes it): planning gives it anew.
    if (models::equalsIgnoreCase(property.key, "wave")) {
      planWave = true;
      continue;
    }
    const Column column = columnOf(property.key);
    if (column != Column::none) {
      std::string_view& cell = cells[static_cast<size_t>(column)];
      if (!cell.empty()) {
        builder_.warning(where, "repeated-property",
                         fmt::format("property {} is given again, as {}; the first value, {}, is "
                                     "kept (give it once)",
                                     quoted(property.key), quoted(property.value), quoted(cell)));
      } else {
        cell = trimBlanks(property.value);
      }
      continue;
    }
    bool repeated = false;
    for (uint32_t p = range.first; p < properties.size(); ++p) {
      repeated = repeated || properties[p].key == property.key;
    }
    if (repeated) {
      builder_.warning(where, "repeated-property",
                       fmt::format("property {} is given again, as {}; the first value is kept "
                                   "(give it once)",
                                   quoted(property.key), quoted(property.value)));
      continue;
    }
    properties.push_back({property.key, property.value});
  }
  range.count = static_cast<uint32_t>(properties.size() - range.first);
  system.properties = range;
  const auto cell = [&](Column c) { return cells[static_cast<size_t>(c)]; };

  if (!cell(Column::id).empty()) system.id = cell(Column::id);
  if (system.id.empty()) {
    error(where, "empty-id",
          fmt::format("a {} element without an identifier; the element is skipped (give it an "
                      "identifier or an id property)",
                      element.type));
    properties.resize(range.first);
    return;
  }
  if (!isWellFormedId(system.id)) {
    error(where, "malformed-id",
          fmt::format("malformed id {}; the element is skipped (use letters, digits and -_.:/ "
                      "only, in an id property if the identifier has others)",
                      quoted(system.id)));
    properties.resize(range.first);
    return;
  }
  system.name = element.name.empty() ? system.id : element.name;

  if (const auto value = cell(Column::type); !value.empty()) {
    system.type = choice<models::SystemType>(where, "type", value).value_or(type);
  }
  if (const auto value = cell(Column::strategy); !value.empty()) {
    system.strategy = choice<models::Strategy>(where, "strategy", value).value_or(system.strategy);
  }
  if (const auto value = cell(Column::criticality); !value.empty()) {
    system.criticality =
        choice<models::Criticality>(where, "criticality", value).value_or(system.criticality);
  }
  system.effortDays = models::defaultEffortDays(system.strategy);
  system.target = cell(Column::target);
  readScheduleFields(
      system,
      {.effortDays = cell(Column::effortDays),
       .pinnedWave = cell(Column::pinnedWave),
       .notBefore = cell(Column::notBefore),
       .finishBy = cell(Column::finishBy)},
      [&](std::string_view code, std::string message) { error(where, code, std::move(message)); });

  // The agency: its property, else the nearest `CODE - Name` folder, else a BusinessActor it is
  // related to, else the default. The folders are read in any case, so that their agencies get
  // names and parents.
  const models::AgencyIndex folderAgency =
      folderOfElement_[e] == kNone ? kNone : agencyOfFolder(folderOfElement_[e]);
  const ActorLink& actor = actorOfElement_[e];
  if (const auto agency = cell(Column::agency); !agency.empty()) {
    system.agency = inventory_.internAgency(agency);
  } else if (folderAgency != kNone) {
    system.agency = folderAgency;
  } else if (actor.actor != kNone && agencyOfActor(actor.actor) != kNone) {
    system.agency = agencyOfActor(actor.actor);
    if (actor.others > 0) {
      builder_.warning(
          where, "ambiguous-agency",
          fmt::format("system {} is {} {} BusinessActors; its agency is {}, from the first, {} "
                      "(give the element an agency property)",
                      quoted(system.id), kActorRelationships[actor.rank], actor.others + 1,
                      quoted(inventory_.agencies[system.agency].code),
                      quoted(model_.elements[actor.actor].name)));
    }
  } else if (!options_.defaultAgency.empty()) {
    // The option's text lives only as long as the run's options: the inventory keeps a copy.
    const auto known = inventory_.findAgency(options_.defaultAgency);
    system.agency =
        known ? *known
              : inventory_.internAgency(inventory_.keep(std::string(options_.defaultAgency)));
  } else {
    missingAgencies_.push_back(
        {where,
         fmt::format("system {} ({} {}) has no agency (give the element an agency property, "
                     "put it in a folder labelled 'CODE - Name', relate it to a BusinessActor, "
                     "or run with --default-agency CODE)",
                     quoted(system.id), element.type, quoted(system.name)),
         element.type});
  }
  withAgency_ += system.agency != kNone;
  system.archimateIdentifier = element.identifier;
  system.archimateType = element.type;

  const auto index = inventory_.addSystem(system);
  if (!index) {
    const auto& first = inventory_.systems[*inventory_.findSystem(system.id)];
    error(where, "duplicate-id",
          fmt::format("duplicate id {}; the element is skipped (first defined at {})",
                      quoted(system.id), builder_.describe(first.where)));
    properties.resize(range.first);
    return;
  }
  systemOfElement_[e] = *index;
  ++systemsByType_[element.type];
  planWaves_ += planWave;
}

models::AgencyIndex Mapper::agencyOfFolder(uint32_t folder) {
  models::AgencyIndex& known = agencyOfFolder_[folder];
  if (known != kUnknown) return known;
  known = kNone;  // also stops a parent chain that loops (it cannot, but the data is not ours)
  const ArchimateFolder& f = model_.folders[folder];
  const models::AgencyIndex above = f.parent == kNone ? kNone : agencyOfFolder(f.parent);
  const auto label = agencyLabelOf(f.label);
  if (!label) return agencyOfFolder_[folder] = above;
  const models::AgencyIndex index = inventory_.internAgency(label->code);
  models::Agency& agency = inventory_.agencies[index];
  if (agency.name.empty()) agency.name = label->name;
  if (agency.where.file == kNone) agency.where = f.where;
  if (agency.parent == kNone && above != kNone && above != index) agency.parent = above;
  return agencyOfFolder_[folder] = index;
}

// A system element related to a BusinessActor by assignment, association or serving (in either
// direction) takes its agency from the actor when nothing else gives one. Ends are looked up
// without a message: addDependencies reports the ones that name nothing.
void Mapper::findActors() {
  actorOfElement_.assign(model_.elements.size(), ActorLink{});
  const auto elements = static_cast<uint32_t>(model_.elements.size());
  const auto elementOf = [&](std::string_view identifier) -> uint32_t {
    const auto it = identifiers_.find(identifier);
    if (it == identifiers_.end() || it->second.relationship || skipped_[it->second.index])
      return kNone;
    return it->second.index;
  };
  for (uint32_t r = 0; r < model_.relationships.size(); ++r) {
    if (skipped_[elements + r]) continue;
    const ArchimateRelationship& relationship = model_.relationships[r];
    uint8_t rank = 0;
    switch (relationshipTypeOf(relationship.type)) {
      case RelationshipType::assignment:
        rank = 0;
        break;
      case RelationshipType::association:
        rank = 1;
        break;
      case RelationshipType::serving:
        rank = 2;
        break;
      default:
        continue;
    }
    uint32_t actor = elementOf(relationship.source), system = elementOf(relationship.target);
    if (actor == kNone || system == kNone) continue;
    if (typeOf(actor) != "BusinessActor") std::swap(actor, system);
    if (typeOf(actor) != "BusinessActor" || !systemTypeOf(typeOf(system))) continue;
    ActorLink& link = actorOfElement_[system];
    if (link.actor == kNone || rank < link.rank) {
      link = {actor, rank, 0};
    } else if (rank == link.rank && actor != link.actor) {
      ++link.others;  // counts relationships, so an actor related twice counts twice: rare
    }
  }
}

// The actor's `code` property, else the code of a name of the form `CODE - Name`, else its name
// with every run of characters an agency code cannot hold written as one '-'.
models::AgencyIndex Mapper::agencyOfActor(uint32_t a) {
  const auto known = agencyOfActor_.find(a);
  if (known != agencyOfActor_.end()) return known->second;
  const ArchimateElement& actor = model_.elements[a];
  std::string_view code, name = trimBlanks(actor.name);
  for (const ArchimateProperty& property : model_.propertiesOf(actor)) {
    if (models::equalsIgnoreCase(property.key, "code") && code.empty() &&
        isWellFormedId(trimBlanks(property.value))) {
      code = trimBlanks(property.value);
    }
  }
  if (code.empty()) {
    if (const auto label = agencyLabelOf(name)) {
      code = label->code;
      name = label->name;
    }
  }
  if (code.empty()) {
    std::string derived;
    for (const char c : name) {
      if (isIdCharacter(c)) {
        derived += c;
      } else if (!derived.empty() && derived.back() != '-') {
        derived += '-';
      }
    }
    while (!derived.empty() && derived.back() == '-')
      derived.pop_back();
    if (derived.empty() && isWellFormedId(actor.identifier)) derived = actor.identifier;
    if (!derived.empty()) code = inventory_.keep(std::move(derived));
  }
  models::AgencyIndex index = kNone;
  if (!code.empty()) {
    index = inventory_.internAgency(code);
    models::Agency& agency = inventory_.agencies[index];
    if (agency.name.empty()) agency.name = name.empty() ? code : name;
    if (agency.where.file == kNone) agency.where = actor.where;
  }
  return agencyOfActor_[a] = index;
}

// One error per system without an agency; when none of the model's systems has one, one error
// for them all: the model was made without agencies in mind, and the fix is the same for each.
void Mapper::reportMissingAgencies() {
  if (withAgency_ == 0 && missingAgencies_.size() > 1) {
    tsl::robin_map<std::string_view, uint32_t> byType;
    for (const Missing& m : missingAgencies_)
      ++byType[m.type];
    error(model_.where, "missing-agency",
          fmt::format("none of the model's {} systems ({}) has an agency (give each element an "
                      "agency property, put the elements in folders labelled 'CODE - Name', "
                      "relate them to a BusinessActor, or run with --default-agency CODE)",
                      missingAgencies_.size(), countsByType(byType)));
  } else {
    for (Missing& m : missingAgencies_)
      error(m.where, "missing-agency", std::move(m.message));
  }
  missingAgencies_.clear();
}

std::optional<uint32_t> Mapper::endOf(uint32_t r, std::string_view identifier,
                                      std::string_view which) {
  const ArchimateRelationship& relationship = model_.relationships[r];
  const auto it = identifiers_.find(identifier);
  if (it == identifiers_.end() || identifier.empty()) {
    error(relationship.where, "unknown-reference",
          fmt::format("relationship {} has {} {}, which is not an element of the model; the "
                      "relationship is skipped (fix the reference, or remove the relationship)",
                      quoted(relationship.identifier), which, quoted(identifier)));
    return std::nullopt;
  }
  if (it->second.relationship) return kNone;  // a relationship on a relationship: not planned
  return it->second.index;
}

template <class F>
void Mapper::forEachBetweenElements(F f) const {
  for (uint32_t r = 0; r < ends_.size(); ++r) {
    if (ends_[r].source != kNone && ends_[r].target != kNone)
      f(r, ends_[r].source, ends_[r].target);
  }
}

void Mapper::addDependencies() {
  usedRelationship_.assign(model_.relationships.size(), false);
  ends_.assign(model_.relationships.size(), Ends{});
  std::vector<Derived> derived;
  tsl::robin_set<std::string_view> warnedTypes;
  const auto elements = static_cast<uint32_t>(model_.elements.size());
  for (uint32_t r = 0; r < model_.relationships.size(); ++r) {
    const ArchimateRelationship& relationship = model_.relationships[r];
    if (skipped_[elements + r]) continue;
    if (relationshipTypeOf(relationship.type) == RelationshipType::unknown &&
        warnedTypes.insert(relationship.type).second) {
      builder_.warning(relationship.where, "unknown-type",
                       fmt::format("unknown ArchiMate relationship type {}; such relationships "
                                   "give no dependency (check the type's spelling)",
                                   quoted(relationship.type)));
    }
    const auto source = endOf(r, relationship.source, "source");
    const auto target = endOf(r, relationship.target, "target");
    if (!source || !target) {
      skipped_[elements + r] = true;  // reported: not counted among the relationships not planned
      continue;
    }
    ends_[r] = {*source, *target};
    derive(r, derived);
  }
  for (const Derived& d : derived)
    emit(d, true);
  derived.clear();
  deriveThroughServices(derived);
  deriveThroughArtifacts(derived);
  for (const Derived& d : derived)
    emit(d, false);
  for (uint32_t r = 0; r < model_.relationships.size(); ++r) {
    if (!usedRelationship_[r] && !skipped_[elements + r]) {
      ++otherRelationships_[model_.relationships[r].type];
    }
  }
}

// The direct rules: one relationship between two systems.
void Mapper::derive(uint32_t r, std::vector<Derived>& direct) {
  const ArchimateRelationship& relationship = model_.relationships[r];
  const auto [source, target] = ends_[r];
  if (source == kNone || target == kNone) return;
  const SystemIndex a = systemOf(source), b = systemOf(target);
  if (a == kNone || b == kNone) return;
  using enum RelationshipType;
  using models::Coupling;
  Derived d{kNone, kNone, Coupling::normal, {}, {}, r};
  switch (relationshipTypeOf(relationship.type)) {
    case serving:
      d = isTechnologyNode(typeOf(source))
              ? Derived{b, a, Coupling::normal, "hosting", "hosting", r}
              : Derived{b, a, Coupling::normal, {}, "serving", r};
      break;
    case assignment:
    case realization:
      if (!isTechnologyNode(typeOf(source))) return;
      d = Derived{b, a, Coupling::normal, "hosting", "hosting", r};
      break;
    case composition:
      d = Derived{a, b, Coupling::tight, {}, "composition", r};
      break;
    case aggregation:
      d = Derived{a, b, Coupling::normal, {}, "aggregation", r};
      break;
    case flow:
      d = Derived{b, a, Coupling::loose, {}, "flow", r};
      break;
    case triggering:
      d = Derived{b, a, Coupling::loose, {}, "triggering", r};
      break;
    default:
      return;
  }
  usedRelationship_[r] = true;
  if (a == b) {
    ++selfRelationships_;
    note(relationship.where, "self-dependency",
         fmt::format("{} relationship {} goes from system {} to itself; it gives no "
                     "dependency (a system cannot depend on itself)",
                     relationship.type, quoted(relationship.identifier),
                     quoted(inventory_.systems[a].id)));
    return;
  }
  direct.push_back(d);
}

// "P realizes (or is assigned to) a service or function S, and S serves C": C -> P.
void Mapper::deriveThroughServices(std::vector<Derived>& derived) {
  struct Link {
    uint32_t element;  // the system's element
    uint32_t relationship;
  };
  tsl::robin_map<uint32_t, std::vector<Link>> providers, consumers;  // by service element
  forEachBetweenElements([&](uint32_t r, uint32_t source, uint32_t target) {
    const ArchimateRelationship& relationship = model_.relationships[r];
    const RelationshipType type = relationshipTypeOf(relationship.type);
    if ((type == RelationshipType::realization || type == RelationshipType::assignment) &&
        systemOf(source) != kNone && isServiceOrFunction(typeOf(target))) {
      providers[target].push_back({source, r});
    } else if (type == RelationshipType::serving && isServiceOrFunction(typeOf(source)) &&
               systemOf(target) != kNone) {
      consumers[source].push_back({target, r});
    }
  });
  // In element order, so that the output does not depend on hashing.
  for (uint32_t service = 0; service < model_.elements.size(); ++service) {
    const auto p = providers.find(service);
    const auto c = consumers.find(service);
    if (p == providers.end() || c == consumers.end()) continue;
    if (tooManyPaths(service, p->second.size(), c->second.size(), "is realized by or assigned to",
                     "serves")) {
      continue;
    }
    for (const Link& consumer : c->second) {
      for (const Link& provider : p->second) {
        usedRelationship_[consumer.relationship] = usedRelationship_[provider.relationship] = true;
        derived.push_back({systemOf(consumer.element), systemOf(provider.element),
                           models::Coupling::normal, "service", "service", consumer.relationship});
      }
    }
  }
}

// "Technology N is assigned to, realizes or serves an Artifact that realizes system X": X -> N.
void Mapper::deriveThroughArtifacts(std::vector<Derived>& derived) {
  struct Link {
    uint32_t element;
    uint32_t relationship;
  };
  tsl::robin_map<uint32_t, std::vector<Link>> hosts, realized;  // by artifact element
  forEachBetweenElements([&](uint32_t r, uint32_t source, uint32_t target) {
    const ArchimateRelationship& relationship = model_.relationships[r];
    const RelationshipType type = relationshipTypeOf(relationship.type);
    const bool hostingType = type == RelationshipType::assignment ||
                             type == RelationshipType::realization ||
                             type == RelationshipType::serving;
    if (hostingType && systemOf(source) != kNone && isTechnologyNode(typeOf(source)) &&
        isArtifact(typeOf(target))) {
      hosts[target].push_back({source, r});
    } else if (type == RelationshipType::realization && isArtifact(typeOf(source)) &&
               systemOf(target) != kNone) {
      realized[source].push_back({target, r});
    }
  });
  for (uint32_t artifact = 0; artifact < model_.elements.size(); ++artifact) {
    const auto h = hosts.find(artifact);
    const auto x = realized.find(artifact);
    if (h == hosts.end() || x == realized.end()) continue;
    if (tooManyPaths(artifact, h->second.size(), x->second.size(), "is hosted by", "realizes")) {
      continue;
    }
    for (const Link& system : x->second) {
      for (const Link& host : h->second) {
        usedRelationship_[system.relationship] = usedRelationship_[host.relationship] = true;
        derived.push_back({systemOf(system.element), systemOf(host.element),
                           models::Coupling::normal, "hosting", "hosting", system.relationship});
      }
    }
  }
}

bool Mapper::tooManyPaths(uint32_t middle, size_t from, size_t to, std::string_view fromVerb,
                          std::string_view toVerb) {
  if (from * to <= kMaxPathsThrough) return false;
  const ArchimateElement& element = model_.elements[middle];
  builder_.warning(element.where, "too-many-paths",
                   fmt::format("{} {} {} {} systems and {} {}: the {} dependencies through it are "
                               "not derived, more than {} (draw the ones that matter as "
                               "relationships between the systems)",
                               element.type, quoted(element.name), fromVerb, from, toVerb, to,
                               from * to, kMaxPathsThrough));
  return true;
}

void Mapper::emit(const Derived& d, bool fromRelationship) {
  const ArchimateRelationship& relationship = model_.relationships[d.relationship];
  const uint64_t key = pairKey(d.consumer, d.provider);
  if (!fromRelationship) {
    // One dependency per (C, P) however many paths give it, and none where a relationship
    // between the two gives one already.
    if (d.consumer == d.provider) {
      ++derivedSelf_;
      return;
    }
    if (!pairs_.insert(key).second) {
      ++derivedRepeats_;
      return;
    }
  } else {
    pairs_.insert(key);
  }
  PendingDependency pending{.consumer = inventory_.systems[d.consumer].id,
                            .provider = inventory_.systems[d.provider].id,
                            .consumerIndex = d.consumer,
                            .coupling = d.coupling,
                            .kind = d.kind,
                            .where = relationship.where,
                            .consumerColumn = "a relationship",
                            .providerColumn = "a relationship"};
  // Only a dependency that is the relationship keeps its identifier: one derived through a
  // service or an artifact joins two systems that no relationship of the model joins.
  if (fromRelationship) {
    pending.archimateIdentifier = relationship.identifier;
    pending.archimateType = relationship.type;
  }
  // A direct relationship's own coupling and kind properties override the rule's; its other
  // properties, its documentation (or else its name) are kept.
  auto& properties = inventory_.properties;
  pending.properties.first = static_cast<uint32_t>(properties.size());
  pending.description =
      relationship.documentation.empty() ? relationship.name : relationship.documentation;
  for (const ArchimateProperty& property : model_.propertiesOf(relationship)) {
    if (!fromRelationship) break;
    if (models::equalsIgnoreCase(property.key, "coupling")) {
      if (property.value.empty()) continue;
      pending.coupling =
          choice<models::Coupling>(relationship.where, "coupling", trimBlanks(property.value))
              .value_or(pending.coupling);
    } else if (models::equalsIgnoreCase(property.key, "kind")) {
      pending.kind = property.value;  // even empty: "no kind" is a kind a model may say
    } else if (models::equalsIgnoreCase(property.key, "description")) {
      if (!property.value.empty()) pending.description = property.value;
    } else {
      properties.push_back({property.key, property.value});
    }
  }
  pending.properties.count = static_cast<uint32_t>(properties.size() - pending.properties.first);
  builder_.addDependency(pending);
  ++dependencies_;
  ++dependenciesByRule_[d.rule];
}

void Mapper::report() {
  const models::SourceLocation where = model_.where;
  uint32_t notPlanned = 0, noDependency = 0;
  for (const auto& [type, count] : otherElements_)
    notPlanned += count;
  for (const auto& [type, count] : otherRelationships_)
    noDependency += count;
  if (notPlanned > 0) {
    note(where, "not-planned",
         fmt::format("{} of {} elements are not planned: {} (only application "
                     "components and interfaces, nodes, devices, system software, "
                     "communication networks and technology interfaces become systems)",
                     notPlanned, model_.elements.size(), countsByType(otherElements_)));
  }
  if (noDependency > 0) {
    note(where, "not-planned",
         fmt::format("{} of {} relationships give no dependency: {} (see "
                     "docs/archimate.md for the relationships that do)",
                     noDependency, model_.relationships.size(), countsByType(otherRelationships_)));
  }
  if (planWaves_ > 0) {
    note(where, "wave-not-read",
         fmt::format("{} of {} systems have a property 'wave', the wave of a plan (as "
                     "plan.archimate.xml writes it); it is not read, as planning gives each system "
                     "its wave anew (pin a wave with pinned_wave)",
                     planWaves_,
                     systemOfElement_.size() -
                         std::count(systemOfElement_.begin(), systemOfElement_.end(), kNone)));
  }
  if (derivedSelf_ > 0) {
    note(where, "self-dependency",
         fmt::format("{} dependencies of a system on itself were dropped", derivedSelf_));
  }
  ArchimateMappingReport* report = options_.report;
  if (!report) return;
  ++report->models;
  report->elements += static_cast<uint32_t>(model_.elements.size());
  report->relationships += static_cast<uint32_t>(model_.relationships.size());
  for (const auto& [type, count] : systemsByType_) {
    report->systemsByType[std::string(type)] += count;
    report->systems += count;
  }
  for (const auto& [rule, count] : dependenciesByRule_)
    report->dependenciesByRule[std::string(rule)] += count;
  report->dependencies += dependencies_;
  for (const auto& [type, count] : otherElements_)
    report->elementsNotPlanned[std::string(type)] += count;
  for (const auto& [type, count] : otherRelationships_)
    report->relationshipsNotPlanned[std::string(type)] += count;
  report->selfDependenciesDropped += selfRelationships_ + derivedSelf_;
  report->derivedRepeatsDropped += derivedRepeats_;
}

}  // namespace

std::optional<AgencyLabel> agencyLabelOf(std::string_view label) {
  for (std::string_view separator : {std::string_view(" - "), std::string_view(" \u2013 ")}) {
    const size_t at = label.find(separator);
    if (at == std::string_view::npos) continue;
    const std::string_view code = trimBlanks(label.substr(0, at));
    const std::string_view name = trimBlanks(label.substr(at + separator.size()));
    if (isWellFormedId(code) && !name.empty()) return AgencyLabel{code, name};
  }
  return std::nullopt;
}

void mapArchimateModel(InventoryBuilder& builder, const ArchimateModel& model,
                       const ArchimateMappingOptions& options) {
  Mapper(builder, model, options).map();
}

}  // namespace cloudplan::importers
