#include "importers/plan/plan_reader.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cmath>
#include <filesystem>
#include <unordered_map>

#include "importers/input_file.h"
#include "importers/plan/plan_json_reader.h"
#include "models/output_folder_files.h"
#include "models/plural.h"
#include "models/wave_calendar.h"

namespace cloudplan::importers {
namespace {

using Json = nlohmann::ordered_json;
using models::kNone;

// A plan.json is made by `cloudplan plan`, so a problem in it is a damaged or hand-edited file:
// the messages name the field (`systems[3].wave`) and stop after a few.
constexpr size_t kMostProblems = 10;

// Where a value sits in the document, formatted only when there is a problem with it.
struct Where {
  std::string_view section;
  size_t index = SIZE_MAX;  // SIZE_MAX: the section itself is the object

  std::string at(std::string_view key) const {
    std::string text(section);
    if (index != SIZE_MAX) text += fmt::format("[{}]", index);
    if (!key.empty()) text += fmt::format(".{}", key);
    return text;
  }
};

class PlanParser {
 public:
  PlanParser(const std::string& path, models::Diagnostics& diagnostics, LoadedPlan& out)
      : path_(path), diagnostics_(diagnostics), out_(out) {}

  bool parse(const Json& document) {
    if (!document.is_object()) {
      problem("the document", "is not an object");
      return false;
    }
    if (const auto waves = document.find("waves"); waves != document.end() && waves->is_array()) {
      waveCount_ = waves->size();
    }
    readInputs(document);
    readSettings(document);
    readAgencies(document);
    const size_t before = problems_;
    readSystems(document);
    // Everything after names systems: with one of them unread or wrong, it would only echo that.
    if (problems_ > before) return false;
    readDependencies(document);
    readMoveGroups(document);
    readWaves(document);
    readMetrics(document);
    readDiagnostics(document);
    return problems_ == 0;
  }

 private:
  models::Inventory& inventory() { return out_.inventory; }
  models::Plan& plan() { return out_.plan; }

  void problem(const std::string& field, std::string_view what,
               std::string_view hint = "give the plan.json that cloudplan plan wrote, unedited") {
    if (++problems_ > kMostProblems) return;
    diagnostics_.error("invalid-plan", path_, 0, fmt::format("{} {} ({})", field, what, hint));
  }

  // True when the entry `where` of an array is an object, as cloudplan writes each one.
  bool isEntry(const Json& json, Where where, std::string_view what) {
    if (json.is_object()) return true;
    problem(where.at(""), fmt::format("is {}, not an object", describe(json)),
            fmt::format("a plan.json that cloudplan plan wrote has an object for each {}; give "
                        "that file, unedited",
                        what));
    return false;
  }

  // A value for a message: a string quoted (and cut short), a number as written, anything else
  // by its kind. Never the whole value: it may be nested deep or be megabytes long.
  static std::string describe(const Json& json) {
    switch (json.type()) {
      case Json::value_t::string:
        return models::quoted(json.get_ref<const std::string&>());
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned:
      case Json::value_t::number_float:
        return json.dump();
      case Json::value_t::boolean:
        return json.get<bool>() ? "true" : "false";
      case Json::value_t::null:
        return "null";
      case Json::value_t::array:
        return "an array";
      case Json::value_t::object:
        return "an object";
      default:
        return "not a JSON value";
    }
  }

  // The array member `key` of `object`; nullptr (after a problem, unless it is optional and
  // absent) when it is missing or not an array.
  const Json* arrayMember(const Json& object, std::string_view key, Where where, bool optional) {
    const Json* value = member(object, key, where, optional);
    if (!value) return nullptr;
    if (!value->is_array()) {
      problem(where.at(key), fmt::format("is {}, not an array", describe(*value)));
      return nullptr;
    }
    return value;
  }

  // The array member `key` of the document; an absent member is an empty array.
  const Json& array(const Json& document, std::string_view key) {
    static const Json kEmpty = Json::array();
    const auto it = document.find(key);
    if (it == document.end()) return kEmpty;
    if (!it->is_array()) {
      problem(std::string(key), "is not an array");
      return kEmpty;
    }
    return *it;
  }

  const Json* member(const Json& object, std::string_view key, Where where, bool optional) {
    if (!object.is_object()) {
      problem(where.at(""), "is not an object");
      return nullptr;
    }
    const auto it = object.find(key);
    if (it == object.end() || (optional && it->is_null())) {
      if (!optional) problem(where.at(key), "is missing");
      return nullptr;
    }
    return &*it;
  }

  const std::string* string(const Json& object, std::string_view key, Where where,
                            bool optional = false) {
    const Json* value = member(object, key, where, optional);
    if (!value) return nullptr;
    if (!value->is_string()) {
      problem(where.at(key), fmt::format("is {}, not a string", describe(*value)));
      return nullptr;
    }
    return &value->get_ref<const std::string&>();
  }

  // A string the inventory keeps, so that its records may view it.
  std::string_view kept(const Json& object, std::string_view key, Where where,
                        bool optional = false) {
    const std::string* value = string(object, key, where, optional);
    if (!value || value->empty()) return {};
    return inventory().keep(*value);
  }

  std::optional<uint32_t> count(const Json& object, std::string_view key, Where where,
                                bool optional = false) {
    const Json* value = member(object, key, where, optional);
    if (!value) return std::nullopt;
    if (!value->is_number_unsigned() || value->get<uint64_t>() > UINT32_MAX) {
      problem(where.at(key), fmt::format("is {}, not a whole number from 0", describe(*value)));
      return std::nullopt;
    }
    return value->get<uint32_t>();
  }

  // A system's wave: null (or absent) when it has none, else a whole number from 1 to the
  // number of waves; 0 after a problem.
  uint32_t wave(const Json& object, Where where) {
    const Json* value = member(object, "wave", where, true);
    if (!value) return 0;
    if (!value->is_number_unsigned() || value->get<uint64_t>() < 1 ||
        value->get<uint64_t>() > waveCount_) {
      constexpr std::string_view kGive = "give the plan.json that cloudplan plan wrote, unedited";
      if (waveCount_ == 0) {
        problem(where.at("wave"), fmt::format("is {}, but the plan has no waves", describe(*value)),
                fmt::format("null: the system has no wave; {}", kGive));
      } else {
        problem(where.at("wave"), fmt::format("is {}, not a wave of the plan", describe(*value)),
                fmt::format("a whole number from 1 to {}, or null when the system has no wave; {}",
                            waveCount_, kGive));
      }
      return 0;
    }
    return static_cast<uint32_t>(value->get<uint64_t>());
  }

  std::optional<double> number(const Json& object, std::string_view key, Where where,
                               bool optional = false) {
    const Json* value = member(object, key, where, optional);
    if (!value) return std::nullopt;
    if (!value->is_number() || !std::isfinite(value->get<double>()) || value->get<double>() < 0) {
      problem(where.at(key), fmt::format("is {}, not a number from 0", describe(*value)));
      return std::nullopt;
    }
    return value->get<double>();
  }

  std::optional<models::Date> date(const Json& object, std::string_view key, Where where,
                                   bool optional = false) {
    const std::string* value = string(object, key, where, optional);
    if (!value) return std::nullopt;
    const auto parsed = models::parseDate(*value);
    if (!parsed)
      problem(where.at(key), fmt::format("{} is not a date YYYY-MM-DD", models::quoted(*value)));
    return parsed;
  }

  template <class E>
  E choice(const Json& object, std::string_view key, Where where, E fallback) {
    const std::string* value = string(object, key, where);
    if (!value) return fallback;
    if (auto parsed = models::parseName<E>(*value)) return *parsed;
    problem(where.at(key),
            fmt::format("{} is not one of {}", models::quoted(*value), models::allowedNames<E>()));
    return fallback;
  }

  std::optional<models::SystemIndex> system(const Json& object, std::string_view key, Where where) {
    const std::string* id = string(object, key, where);
    if (!id) return std::nullopt;
    const auto found = inventory().findSystem(*id);
    if (!found)
      problem(where.at(key), fmt::format("names no system of the plan ({})", models::quoted(*id)));
    return found;
  }

  // A property key is repeated on every row of a file: kept once.
  std::string_view keptKey(const std::string& key) {
    const auto [it, inserted] = keys_.emplace(key, std::string_view());
    if (inserted) it->second = inventory().keep(key);
    return it->second;
  }

  models::PropertyRange properties(const Json& object, Where where) {
    models::PropertyRange range{static_cast<uint32_t>(inventory().properties.size()), 0};
    const Json* value = member(object, "properties", where, true);
    if (!value) return range;
    if (!value->is_object()) {
      problem(where.at("properties"), "is not an object");
      return range;
    }
    // In the file's order: the columns as the ministry wrote them.
    for (const auto& [key, text] : value->items()) {
      if (!text.is_string()) {
        problem(fmt::format("{} {}", where.at("properties"), models::quoted(key)),
                fmt::format("is {}, not a string", describe(text)));
        continue;
      }
      inventory().properties.push_back(
          {keptKey(key), inventory().keep(text.get_ref<const std::string&>())});
      ++range.count;
    }
    return range;
  }

  void readInputs(const Json& document) {
    const Json& inputs = array(document, "inputs");
    for (size_t i = 0; i < inputs.size(); ++i) {
      const Where where{"inputs", i};
      if (!isEntry(inputs[i], where, "input file")) continue;
      models::InputFile file;
      if (const auto* path = string(inputs[i], "path", where)) file.path = *path;
      if (const auto* sha = string(inputs[i], "sha256", where, true)) file.sha256 = *sha;
      if (const auto* kind = string(inputs[i], "kind", where, true)) {
        file.kind =
            models::parseName<models::InputKind>(*kind).value_or(models::InputKind::unknown);
      }
      inventory().files.push_back(std::move(file));
    }
  }

  // A re-plan's settings.today, settings.baseline and settings.progress (all or none).
  void readReplanSettings(const Json& json, Where where) {
    const auto today = date(json, "today", where, true);
    if (!today) return;
    models::ReplanSettings replan{.today = *today};
    auto file = [&](std::string_view key, std::string& path, std::string& sha256) {
      const Json* object = member(json, key, where, key == "progress");
      if (!object || object->is_null()) return;
      const std::string section = where.at(key);
      const Where inner{section};
      if (const std::string* text = string(*object, "path", inner)) path = *text;
      if (const std::string* text = string(*object, "sha256", inner)) sha256 = *text;
    };
    file("baseline", replan.baselinePath, replan.baselineSha256);
    file("progress", replan.progressPath, replan.progressSha256);
    plan().settings.replan = std::move(replan);
  }

  void readSettings(const Json& document) {
    const Where where{"settings"};
    const Json* json = member(document, "settings", Where{""}, false);
    if (!json) return;
    auto& settings = plan().settings;
    settings.order = choice(*json, "order", where, models::Order::providersFirst);
    settings.waveCapacity = count(*json, "wave_capacity", where, true);
    settings.waveEffort = number(*json, "wave_effort", where, true);
    if (const auto start = date(*json, "start", where)) settings.start = *start;
    if (const auto length = count(*json, "wave_length_days", where)) {
      // The range of --wave-length: a plan.json cannot hold waves no plan can have.
      if (*length < 1 || *length > models::kMaxWaveLengthDays) {
        problem(where.at("wave_length_days"), fmt::format("is {}, not a whole number from 1 to {}",
                                                          *length, models::kMaxWaveLengthDays));
      } else {
        settings.waveLengthDays = *length;
      }
    }
    if (const Json* allow = member(*json, "allow_oversize", where, true)) {
      settings.allowOversize = allow->is_boolean() && allow->get<bool>();
    }
    readReplanSettings(*json, where);
    if (const Json* config = member(*json, "config", where, true)) {
      const Where at{"settings.config"};
      models::ConfigFile file;
      if (const auto* path = string(*config, "path", at)) file.path = *path;
      if (const auto* sha = string(*config, "sha256", at, true)) file.sha256 = *sha;
      settings.config = std::move(file);
    }
    const Json* freeze = member(*json, "freeze", where, true);
    if (!freeze) return;
    if (!freeze->is_array()) return problem(where.at("freeze"), "is not an array");
    for (size_t i = 0; i < freeze->size(); ++i) {
      const Json& window = (*freeze)[i];
      const auto from = window.is_array() && window.size() == 2 && window[0].is_string()
                            ? models::parseDate(window[0].get_ref<const std::string&>())
                            : std::nullopt;
      const auto to = from && window[1].is_string()
                          ? models::parseDate(window[1].get_ref<const std::string&>())
                          : std::nullopt;
      if (!to || *to < *from) {
        problem(fmt::format("settings.freeze[{}]", i), "is not a pair of dates [from, to]");
        continue;
      }
      settings.freeze.push_back({*from, *to});
    }
  }

  void readAgencies(const Json& document) {
    const Json& agencies = array(document, "agencies");
    // Parents may be listed after their offices: codes first, then the links between them.
    std::vector<const std::string*> parents;
    std::vector<std::string_view> codes;
    for (size_t i = 0; i < agencies.size(); ++i) {
      const Where where{"agencies", i};
      const std::string_view code =
          isEntry(agencies[i], where, "agency") ? kept(agencies[i], "code", where) : "";
      codes.push_back(code);
      if (code.empty()) {
        parents.push_back(nullptr);
        continue;
      }
      if (inventory().findAgency(code)) {
        problem(where.at("code"), fmt::format("repeats the agency {}", models::quoted(code)));
      }
      auto& agency = inventory().agencies[inventory().internAgency(code)];
      agency.name = kept(agencies[i], "name", where, true);
      agency.declared = !agency.name.empty();
      agency.properties = properties(agencies[i], where);
      // A limit of 0 would leave the agency no wave at all: the importers never let one through.
      agency.maxSystemsPerWave = count(agencies[i], "max_systems_per_wave", where, true);
      if (agency.maxSystemsPerWave == 0u) {
        problem(where.at("max_systems_per_wave"), "is 0, not a whole number from 1");
        agency.maxSystemsPerWave.reset();
      }
      agency.maxEffortPerWave = number(agencies[i], "max_effort_per_wave", where, true);
      if (agency.maxEffortPerWave == 0.0) {
        problem(where.at("max_effort_per_wave"), "is 0, not a number above 0");
        agency.maxEffortPerWave.reset();
      }
      parents.push_back(string(agencies[i], "parent", where, true));
    }
    for (size_t i = 0; i < agencies.size(); ++i) {
      if (!parents[i]) continue;
      const auto parent = inventory().findAgency(*parents[i]);
      const auto self = inventory().findAgency(codes[i]);
      if (!parent) {
        problem(Where{"agencies", i}.at("parent"),
                fmt::format("names no agency ({})", models::quoted(*parents[i])));
      } else if (self) {
        inventory().agencies[*self].parent = *parent;
      }
    }
    refuseParentCycles(codes);
  }

  // The importers refuse a cycle of parents; from a hand-edited plan it would leave the agencies
  // on it without a ministry, so `render --agency all` would silently draw none of them.
  void refuseParentCycles(const std::vector<std::string_view>& codes) {
    auto& agencies = inventory().agencies;
    std::vector<bool> reported(agencies.size());
    for (size_t i = 0; i < codes.size(); ++i) {
      const auto self = codes[i].empty() ? std::nullopt : inventory().findAgency(codes[i]);
      if (!self || reported[*self]) continue;
      auto at = agencies[*self].parent;
      for (size_t steps = 0; at != kNone && at != *self && steps < agencies.size(); ++steps) {
        at = agencies[at].parent;
      }
      if (at != *self) continue;
      do {
        reported[at] = true;
        at = agencies[at].parent;
      } while (at != *self);
      problem(Where{"agencies", i}.at("parent"),
              fmt::format("{} leads back to {}: the agencies' parents form a cycle",
                          models::quoted(agencies[agencies[*self].parent].code),
                          models::quoted(codes[i])));
    }
  }

  void readSystems(const Json& document) {
    const Json& systems = array(document, "systems");
    inventory().reserveMoreSystems(systems.size());
    plan().systems.reserve(systems.size());
    for (size_t i = 0; i < systems.size(); ++i) {
      const Where where{"systems", i};
      const Json& json = systems[i];
      if (!isEntry(json, where, "system")) continue;
      models::System system;
      system.id = kept(json, "id", where);
      if (system.id.empty()) {
        problem(where.at("id"), "is empty");
        continue;
      }
      system.name = kept(json, "name", where, true);
      if (const auto* agency = string(json, "agency", where, true); agency && !agency->empty()) {
        system.agency = inventory().internAgency(inventory().keep(*agency));
      }
      system.type = choice(json, "type", where, models::SystemType::application);
      system.strategy = choice(json, "strategy", where, models::Strategy::rehost);
      system.criticality = choice(json, "criticality", where, models::Criticality::medium);
      system.effortDays = number(json, "effort_days", where).value_or(0);
      system.target = kept(json, "target", where, true);
      system.pinnedWave = count(json, "pinned_wave", where, true).value_or(0);
      if (system.pinnedWave > models::kMaxWaves) {
        problem(where.at("pinned_wave"),
                fmt::format("is {}, after wave {}, the last a plan may have", system.pinnedWave,
                            models::kMaxWaves),
                fmt::format("a whole number from 1 to {}, or absent when the system is not "
                            "pinned; give the plan.json that cloudplan plan wrote, unedited",
                            models::kMaxWaves));
        system.pinnedWave = 0;
      }
      system.notBefore = date(json, "not_before", where, true);
      system.finishBy = date(json, "finish_by", where, true);
      system.properties = properties(json, where);
      if (!inventory().addSystem(system)) {
        problem(where.at("id"), fmt::format("repeats the system {}", models::quoted(system.id)));
        continue;
      }
      models::SystemPlan planned;
      planned.wave = wave(json, where);
      if (plan().settings.replan) {
        planned.status = choice(json, "status", where, models::ProgressStatus::planned);
        planned.baselineWave = count(json, "baseline_wave", where, true).value_or(0);
      }
      if (const Json* reasons = arrayMember(json, "reasons", where, true)) {
        for (size_t r = 0; r < reasons->size(); ++r) {
          const Json& reason = (*reasons)[r];
          if (!reason.is_string()) {
            problem(fmt::format("{}[{}]", where.at("reasons"), r),
                    fmt::format("is {}, not a string", describe(reason)));
            continue;
          }
          planned.reasons.push_back(reason.get<std::string>());
        }
      }
      plan().systems.push_back(std::move(planned));
      groupNames_.push_back(string(json, "move_group", where, true));
    }
  }

  void readDependencies(const Json& document) {
    const Json& dependencies = array(document, "dependencies");
    inventory().dependencies.reserve(dependencies.size());
    for (size_t i = 0; i < dependencies.size(); ++i) {
      const Where where{"dependencies", i};
      const Json& json = dependencies[i];
      if (!isEntry(json, where, "dependency")) continue;
      const auto consumer = system(json, "from", where);
      const auto provider = system(json, "to", where);
      if (!consumer || !provider) continue;
      models::Dependency dependency;
      dependency.consumer = *consumer;
      dependency.provider = *provider;
      dependency.coupling = choice(json, "coupling", where, models::Coupling::normal);
      dependency.kind = kept(json, "kind", where, true);
      dependency.description = kept(json, "description", where, true);
      dependency.properties = properties(json, where);
      dependencyIndex_.emplace(pairKey(*consumer, *provider),
                               static_cast<uint32_t>(inventory().dependencies.size()));
      inventory().dependencies.push_back(dependency);
    }
  }

  static uint64_t pairKey(models::SystemIndex consumer, models::SystemIndex provider) {
    return (uint64_t{consumer} << 32) | provider;
  }

  void readMoveGroups(const Json& document) {
    const Json& groups = array(document, "move_groups");
    std::unordered_map<std::string, uint32_t> groupIndex;
    for (size_t i = 0; i < groups.size(); ++i) {
      const Where where{"move_groups", i};
      const Json& json = groups[i];
      if (!isEntry(json, where, "move group")) continue;
      models::MoveGroup group;
      if (const auto* id = string(json, "id", where)) group.id = *id;
      group.cause = choice(json, "cause", where, models::MoveGroupCause::tight);
      if (const Json* members = arrayMember(json, "systems", where, false)) {
        for (const Json& id : *members) {
          const auto found =
              id.is_string() ? inventory().findSystem(id.get<std::string>()) : std::nullopt;
          if (!found) {
            problem(where.at("systems"),
                    fmt::format("names no system of the plan ({})", describe(id)));
            continue;
          }
          group.systems.push_back(*found);
        }
      }
      if (const Json* links = arrayMember(json, "links", where, true)) {
        for (const Json& link : *links) {
          const auto consumer = system(link, "from", where);
          const auto provider = system(link, "to", where);
          if (!consumer || !provider) continue;
          const auto found = dependencyIndex_.find(pairKey(*consumer, *provider));
          if (found == dependencyIndex_.end()) {
            problem(where.at("links"),
                    fmt::format("names no dependency of the plan ({} -> {})",
                                models::quoted(inventory().systems[*consumer].id),
                                models::quoted(inventory().systems[*provider].id)));
            continue;
          }
          group.links.push_back(found->second);
        }
      }
      groupIndex.emplace(group.id, static_cast<uint32_t>(plan().moveGroups.size()));
      plan().moveGroups.push_back(std::move(group));
    }
    for (size_t s = 0; s < groupNames_.size(); ++s) {
      if (!groupNames_[s]) continue;
      const auto found = groupIndex.find(*groupNames_[s]);
      if (found == groupIndex.end()) {
        problem(
            Where{"systems", s}.at("move_group"),
            fmt::format("names no move group of the plan ({})", models::quoted(*groupNames_[s])));
        continue;
      }
      plan().systems[s].moveGroup = found->second;
    }
  }

  void readWaves(const Json& document) {
    const Json& waves = array(document, "waves");
    models::WaveCalendar calendar(plan().settings);
    if (waves.size() > models::kMaxWaves) {
      problem("waves", fmt::format("has {} entries, more than the {} waves a plan can have",
                                   waves.size(), models::kMaxWaves));
      return;
    }
    std::vector<uint32_t> members(waves.size() + 1, 0);  // systems that name each wave
    for (size_t s = 0; s < plan().systems.size(); ++s) {
      const uint32_t wave = plan().systems[s].wave;
      if (wave > waves.size()) {
        problem(Where{"systems", s}.at("wave"),
                fmt::format("names no wave of the plan ({})", wave));
        plan().systems[s].wave = 0;
        continue;
      }
      ++members[wave];
    }
    for (size_t i = 0; i < waves.size(); ++i) {
      const Where where{"waves", i};
      const Json& json = waves[i];
      models::Wave wave;
      wave.number = static_cast<uint32_t>(i + 1);
      if (!isEntry(json, where, "wave")) {
        plan().waves.push_back(std::move(wave));  // keeps the numbers of the waves after it
        continue;
      }
      if (const auto number = count(json, "wave", where); number && *number != wave.number) {
        problem(where.at("wave"), fmt::format("is {}, not {} (waves are numbered in order from 1)",
                                              *number, wave.number));
      }
      wave.start = date(json, "start", where).value_or(models::Date{});
      wave.end = date(json, "end", where).value_or(wave.start);
      // The dates follow from the settings; a re-plan takes its calendar from them, so waves
      // moved by hand would be silently undone.
      for (const auto& [field, read, ruled] :
           {std::tuple{"start", wave.start, calendar.start(wave.number)},
            std::tuple{"end", wave.end, calendar.end(wave.number)}}) {
        if (read == ruled) continue;
        problem(where.at(field),
                fmt::format("is {}, but the calendar of the settings {} wave {} on {}",
                            models::formatDate(read),
                            field == std::string_view("start") ? "starts" : "ends", wave.number,
                            models::formatDate(ruled)));
        break;
      }
      wave.effortDays = number(json, "effort_days", where).value_or(0);
      if (const Json* oversize = member(json, "oversize", where, true)) {
        wave.oversize = oversize->is_boolean() && oversize->get<bool>();
      }
      wave.migrating = count(json, "migrating", where, true).value_or(0);
      wave.retiring = count(json, "retiring", where, true).value_or(0);
      wave.hybridLinksAfter = count(json, "hybrid_links_after", where, true).value_or(0);
      if (const Json* started = member(json, "started", where, true)) {
        wave.started = started->is_boolean() && started->get<bool>();
      }
      if (const Json* systems = arrayMember(json, "systems", where, false)) {
        for (const Json& id : *systems) {
          const auto found =
              id.is_string() ? inventory().findSystem(id.get<std::string>()) : std::nullopt;
          if (!found || plan().systems[*found].wave != wave.number) {
            problem(where.at("systems"),
                    fmt::format("lists {}, which is not in wave {}", describe(id), wave.number));
            continue;
          }
          wave.systems.push_back(*found);
        }
      }
      if (wave.systems.size() != members[wave.number]) {
        problem(where.at("systems"),
                fmt::format("lists {}, but {} name wave {}",
                            models::plural(wave.systems.size(), "system", "systems"),
                            members[wave.number], wave.number));
      }
      plan().waves.push_back(std::move(wave));
    }
  }

  void readMetrics(const Json& document) {
    const Where where{"metrics"};
    const Json* json = member(document, "metrics", Where{""}, false);
    if (!json) return;
    auto& m = plan().metrics;
    m.systems = count(*json, "systems", where).value_or(0);
    m.dependencies = count(*json, "dependencies", where).value_or(0);
    m.scheduled = count(*json, "scheduled", where).value_or(0);
    m.waves = count(*json, "waves", where).value_or(0);
    m.lowerBound.waves = count(*json, "lower_bound_waves", where).value_or(0);
    if (const Json* terms = member(*json, "lower_bound_terms", where, true)) {
      const Where termsWhere{"metrics.lower_bound_terms"};
      m.lowerBound.capacity = count(*terms, "capacity", termsWhere, true).value_or(0);
      m.lowerBound.effort = count(*terms, "effort", termsWhere, true).value_or(0);
      m.lowerBound.pin = count(*terms, "pin", termsWhere, true).value_or(0);
      m.lowerBound.date = count(*terms, "date", termsWhere, true).value_or(0);
      m.lowerBound.started = count(*terms, "started", termsWhere, true).value_or(0);
      m.lowerBound.agency = count(*terms, "agency", termsWhere, true).value_or(0);
    }
    m.peakHybridLinks = count(*json, "peak_hybrid_links", where).value_or(0);
    m.permanentHybridLinks = count(*json, "permanent_hybrid_links", where).value_or(0);
    m.churn = count(*json, "churn", where, true);
  }

  void readDiagnostics(const Json& document) {
    const Json& diagnostics = array(document, "diagnostics");
    for (size_t i = 0; i < diagnostics.size(); ++i) {
      const Where where{"diagnostics", i};
      const Json& json = diagnostics[i];
      if (!isEntry(json, where, "diagnostic")) continue;
      const std::string* severity = string(json, "severity", where);
      const std::string* code = string(json, "code", where);
      const std::string* message = string(json, "message", where);
      const std::string* file = string(json, "file", where, true);
      const uint32_t line = count(json, "line", where, true).value_or(0);
      if (!severity || !code || !message) continue;
      models::Severity level = models::Severity::error;
      if (*severity == "warning") {
        level = models::Severity::warning;
      } else if (*severity == "note") {
        level = models::Severity::note;
      } else if (*severity != "error") {
        problem(where.at("severity"),
                fmt::format("{} is not one of error, warning, note", models::quoted(*severity)));
      }
      out_.diagnostics.add(level, *code, file ? std::string_view(*file) : std::string_view(), line,
                           *message);
    }
  }

  const std::string& path_;
  models::Diagnostics& diagnostics_;
  LoadedPlan& out_;
  size_t problems_ = 0;
  size_t waveCount_ = 0;  // the length of the document's waves array
  std::unordered_map<std::string, std::string_view> keys_;
  std::unordered_map<uint64_t, uint32_t> dependencyIndex_;  // (consumer, provider) -> index
  std::vector<const std::string*> groupNames_;              // by SystemIndex
};

// The folder of `path` when it holds the staging folder of a run that wrote all its files (its
// manifest is there) but was stopped before it had moved them all into place: plan.json goes
// last, but the files beside it may be of the run before.
std::optional<std::string> unfinishedRunBeside(const std::string& path) {
  namespace fs = std::filesystem;
  const std::string folder = fs::path(path).parent_path().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder.empty() ? "." : folder, ec)) {
    if (!entry.path().filename().string().starts_with(models::kStagingPrefix)) continue;
    struct stat st;
    const fs::path manifest = entry.path() / models::kManifestFile;
    if (::lstat(manifest.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      return folder.empty() ? "." : folder;
  }
  return std::nullopt;
}

}  // namespace

std::optional<LoadedPlan> planFromJson(const nlohmann::ordered_json& document,
                                       const std::string& path, models::Diagnostics& diagnostics) {
  LoadedPlan loaded;
  if (!PlanParser(path, diagnostics, loaded).parse(document)) return std::nullopt;
  return loaded;
}

std::optional<LoadedPlan> readPlan(const std::string& path, models::Diagnostics& diagnostics,
                                   std::string* sha256) {
  // Standard input has no folder to look in.
  if (const auto folder = path == "-" ? std::nullopt : unfinishedRunBeside(path)) {
    diagnostics.error(
        "unfinished-run", path, 0,
        fmt::format("a cloudplan run was stopped while moving its files into place in {}, so this "
                    "plan.json and the files beside it may be of different runs (run cloudplan "
                    "plan, or render, with -o {} to finish it)",
                    models::quoted(*folder), models::quoted(*folder)));
    return std::nullopt;
  }
  const auto document = readPlanJson(path, diagnostics, sha256);
  if (!document) return std::nullopt;
  return planFromJson(*document, inputName(path), diagnostics);
}

}  // namespace cloudplan::importers
