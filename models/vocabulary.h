// The closed vocabularies of the inventory format (types, the 7 Rs, couplings, ...) and their
// names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudplan::models {

enum class SystemType : uint8_t { application, database, infrastructure, platform, interface };
enum class Strategy : uint8_t {
  rehost,
  replatform,
  refactor,
  repurchase,
  relocate,
  retire,
  retain
};
enum class Criticality : uint8_t { high, medium, low };
// Ordered by strength: merging repeated dependencies keeps the largest.
enum class Coupling : uint8_t { loose, normal, tight };
enum class Action : uint8_t { migrate, retire, retain };
enum class Order : uint8_t { providersFirst, consumersFirst, none };

template <class E>
struct Vocabulary;

template <>
struct Vocabulary<SystemType> {
  static constexpr std::array<std::string_view, 5> names = {
      "application", "database", "infrastructure", "platform", "interface"};
};
template <>
struct Vocabulary<Strategy> {
  static constexpr std::array<std::string_view, 7> names = {
      "rehost", "replatform", "refactor", "repurchase", "relocate", "retire", "retain"};
};
template <>
struct Vocabulary<Criticality> {
  static constexpr std::array<std::string_view, 3> names = {"high", "medium", "low"};
};
template <>
struct Vocabulary<Coupling> {
  static constexpr std::array<std::string_view, 3> names = {"loose", "normal", "tight"};
};
template <>
struct Vocabulary<Action> {
  static constexpr std::array<std::string_view, 3> names = {"migrate", "retire", "retain"};
};
template <>
struct Vocabulary<Order> {
  static constexpr std::array<std::string_view, 3> names = {"providers-first", "consumers-first",
                                                            "none"};
};

template <class E>
constexpr std::string_view nameOf(E value) {
  return Vocabulary<E>::names[static_cast<size_t>(value)];
}

bool equalsIgnoreCase(std::string_view a, std::string_view b);
// ASCII letters in lower case, the rest as it is: how names are matched regardless of case.
std::string lowercased(std::string_view text);

// Case-insensitive lookup of a name; nullopt when it is not in the vocabulary.
template <class E>
std::optional<E> parseName(std::string_view text) {
  const auto& names = Vocabulary<E>::names;
  for (size_t i = 0; i < names.size(); ++i) {
    if (equalsIgnoreCase(names[i], text)) return static_cast<E>(i);
  }
  return std::nullopt;
}

// "a, b, c": the allowed values, for messages.
template <class E>
std::string allowedNames() {
  std::string list;
  for (std::string_view name : Vocabulary<E>::names) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

constexpr Action actionOf(Strategy strategy) {
  return strategy == Strategy::retire   ? Action::retire
         : strategy == Strategy::retain ? Action::retain
                                        : Action::migrate;
}

// Person-days a strategy takes when the inventory gives no effort_days.
double defaultEffortDays(Strategy strategy);

}  // namespace cloudplan::models
